"""Tensors print as PyTorch prints them (with `ember.` where torch writes `torch.`)."""

import pytest

import ember

CASES = [
    (lambda: ember.tensor([1.0, 2.0, 3.0]), "tensor([1., 2., 3.])"),
    (lambda: ember.tensor([1.5, 2.0]), "tensor([1.5000, 2.0000])"),
    (lambda: ember.tensor([1, 2, 3]), "tensor([1, 2, 3])"),
    (lambda: ember.tensor([True, False]), "tensor([ True, False])"),
    (lambda: ember.tensor([1, 2], dtype=ember.int32), "tensor([1, 2], dtype=ember.int32)"),
    (lambda: ember.tensor(3.5), "tensor(3.5000)"),
    (lambda: ember.tensor(7), "tensor(7)"),
    (lambda: ember.zeros(0, 3), "tensor([], size=(0, 3))"),
    (lambda: ember.zeros(0), "tensor([])"),
    (
        lambda: ember.tensor([1.0, 2.0], dtype=ember.float64),
        "tensor([1., 2.], dtype=ember.float64)",
    ),
    (lambda: ember.tensor([1e-5, 1.0]), "tensor([1.0000e-05, 1.0000e+00])"),
    (lambda: ember.tensor([1.0, float("nan"), float("inf")]), "tensor([1., nan, inf])"),
    (lambda: ember.tensor([[1, 2], [3, 4]]), "tensor([[1, 2],\n        [3, 4]])"),
    (lambda: ember.arange(2000), "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])"),
    (lambda: ember.tensor([-1.0, 100.0]), "tensor([ -1., 100.])"),
    (lambda: ember.tensor([-1.5, 2.0]), "tensor([-1.5000,  2.0000])"),
    (lambda: ember.zeros(2, 3, device="meta"), "tensor(..., device='meta', size=(2, 3))"),
    (
        lambda: ember.tensor([0.1, 0.25], dtype=ember.float16),
        "tensor([0.1000, 0.2500], dtype=ember.float16)",
    ),
]


@pytest.mark.parametrize("make,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_repr_matches_torch(make, expected):
    assert repr(make()) == expected


def test_three_dimensional_layout():
    text = repr(ember.arange(8).view(2, 2, 2))
    assert text == "tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])"


def test_long_rows_wrap_at_the_line_width():
    lines = repr(ember.arange(40.0)).split("\n")
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines)


def test_set_printoptions_precision_and_restore():
    try:
        ember.set_printoptions(precision=2)
        assert repr(ember.tensor([1.2345])) == "tensor([1.23])"
        ember.set_printoptions(sci_mode=True)
        assert repr(ember.tensor([1.5])) == "tensor([1.50e+00])"
    finally:
        ember.set_printoptions(profile="default")
    assert repr(ember.tensor([1.2345])) == "tensor([1.2345])"
