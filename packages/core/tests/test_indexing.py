"""Tensor.__getitem__/__setitem__ with advanced indices against NumPy, and what the op
records cannot express: torch's departures from NumPy, error messages, meta tensors,
duplicate indices, and sizes large enough to run the kernels on several threads."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ember

RNG = np.random.default_rng(20240)
BASE = np.arange(60).reshape(3, 4, 5)


def as_index(item, lib):
    """An index item for `lib` ("np" or "ember"): arrays become that library's arrays."""
    if isinstance(item, np.ndarray):
        return item if lib == "np" else ember.from_numpy(item.copy())
    if isinstance(item, tuple):
        return tuple(as_index(i, lib) for i in item)
    return item


MASK3 = np.array([True, False, True])
MASK34 = RNG.random((3, 4)) > 0.5
MASK345 = RNG.random((3, 4, 5)) > 0.5
I01 = np.array([0, 1])

GETITEM_CASES = {
    "list": [0, 2],
    "list with repeats and negatives": [2, -1, 0, -3],
    "int tensor": np.array([2, 0]),
    "int32 tensor": np.array([1, 2], dtype=np.int32),
    "2-d int tensor": np.array([[0, 1], [2, 0]]),
    "empty int tensor": np.array([], dtype=np.int64),
    "bool list": [True, False, True],
    "1-d mask": MASK3,
    "2-d mask": MASK34,
    "full mask": MASK345,
    "slice then list": (slice(None), [1, 0]),
    "two lists": ([0, 1], [1, 2]),
    "ellipsis then tensor": (Ellipsis, np.array([0, 4])),
    "tensor, slice, tensor (to the front)": (I01, slice(None), np.array([1, 2])),
    "None then 2-d mask": (None, MASK34),
    "slice with start then list": (slice(1, None), [1, 2]),
    "broadcast index tensors": (np.array([[0], [1]]), slice(None), np.array([0, 1, 2])),
    "adjacent after a slice": (slice(None), np.array([[0], [1]]), np.array([0, 1, 2])),
    "mask then slice": (MASK3, slice(1, 3)),
    "slice, mask of the last dims": (slice(None), RNG.random((4, 5)) > 0.5),
    "step slice, list, int": (slice(None, None, 2), [3, 0], 1),
    "None between advanced": ([0, 1], None, [1, 2]),
    "tensor and ellipsis and None": (np.array([2, 1]), Ellipsis, None),
    "all dims advanced": ([0, 2], [1, 3], [4, 0]),
}


@pytest.mark.parametrize("index", GETITEM_CASES.values(), ids=GETITEM_CASES.keys())
def test_getitem_matches_numpy(index):
    x = ember.from_numpy(BASE.copy())
    expected = BASE[as_index(index, "np")]
    result = x[as_index(index, "ember")]
    assert tuple(result.shape) == expected.shape
    np.testing.assert_array_equal(result.numpy(), expected)


@pytest.mark.parametrize("index", GETITEM_CASES.values(), ids=GETITEM_CASES.keys())
def test_getitem_on_noncontiguous_input(index):
    x = ember.from_numpy(np.ascontiguousarray(BASE.transpose(2, 0, 1))).permute(1, 2, 0)
    assert not x.is_contiguous()
    np.testing.assert_array_equal(x[as_index(index, "ember")].numpy(), BASE[as_index(index, "np")])


def test_integer_with_advanced_index_follows_torch_not_numpy():
    # torch applies the integer as a select first, so the advanced dim stays in place.
    x = ember.from_numpy(BASE.copy())
    assert tuple(x[1, :, [0, 1]].shape) == (4, 2)
    np.testing.assert_array_equal(x[1, :, [0, 1]].numpy(), BASE[1][:, [0, 1]])
    assert tuple(x[ember.tensor(1), :, [0, 1]].shape) == (4, 2)
    # A Python bool is an advanced index of a new dim: separated, it goes first.
    assert tuple(x[True, :, [0, 1]].shape) == (2, 3, 5)


def test_bool_and_zero_dim_indices():
    x = ember.from_numpy(BASE.copy())
    assert tuple(x[True].shape) == (1, 3, 4, 5)
    assert tuple(x[False].shape) == (0, 3, 4, 5)
    assert tuple(x[ember.tensor(True)].shape) == (1, 3, 4, 5)
    assert tuple(x[ember.tensor(False)].shape) == (0, 3, 4, 5)
    np.testing.assert_array_equal(x[ember.tensor(2)].numpy(), BASE[2])
    s = ember.tensor(5)
    assert tuple(s[None].shape) == (1,)
    assert tuple(s[ember.tensor(True)].shape) == (1,)


def test_advanced_result_is_a_copy_and_basic_result_a_view():
    x = ember.from_numpy(BASE.copy())
    y = x[[0, 1]]
    y[0, 0, 0] = -1
    assert x[0, 0, 0].item() == 0
    v = x[0]
    v[0, 0] = -7
    assert x[0, 0, 0].item() == -7


def test_list_of_lists_is_a_tuple_as_in_torch():
    x = ember.arange(12).reshape(3, 4)
    np.testing.assert_array_equal(x[[[0, 1], [1, 2]]].numpy(), np.array([1, 6]))
    np.testing.assert_array_equal(x[[0, slice(None)]].numpy(), np.arange(4))


SETITEM_CASES = {
    "list, number": ([0, 2], 7),
    "tensor index, broadcast row": (np.array([2, 0]), np.arange(20).reshape(4, 5) * 10),
    "mask, number": (MASK34, -1),
    "full mask, number": (MASK345, 3),
    "full mask, values": (MASK345, np.arange(int(MASK345.sum()))),
    "slice then list, values": ((slice(None), [1, 0]), np.ones((3, 2, 5), dtype=np.int64) * 9),
    "two lists, 0-d value": (([0, 1], [1, 2]), np.array(5)),
    "separated, broadcast values": ((I01, slice(None), np.array([1, 2])), np.arange(4)),
    "None then mask": ((None, MASK34), 11),
    "duplicates: the last wins": (([0, 0, 0],), np.arange(60).reshape(3, 4, 5)[:3] + 100),
    "bool list": ([True, False, True], 4),
}


@pytest.mark.parametrize("index,value", SETITEM_CASES.values(), ids=SETITEM_CASES.keys())
def test_setitem_matches_numpy(index, value):
    expected = BASE.copy()
    expected[as_index(index, "np")] = value
    x = ember.from_numpy(BASE.copy())
    version = x._version
    x[as_index(index, "ember")] = (
        ember.from_numpy(np.asarray(value).copy()) if isinstance(value, np.ndarray) else value
    )
    np.testing.assert_array_equal(x.numpy(), expected)
    assert x._version > version


def test_setitem_converts_value_dtype_and_checks_numbers():
    x = ember.zeros(3, 4, dtype=ember.int64)
    x[[1]] = 2.7
    assert x[1].tolist() == [2, 2, 2, 2]
    x[ember.tensor([True, False, False])] = ember.tensor([1.5, 2.5, 3.5, 4.5])
    assert x[0].tolist() == [1, 2, 3, 4]
    with pytest.raises(RuntimeError, match="cannot be converted to type int64 without overflow"):
        x[[1]] = 1j
    y = ember.zeros(3, dtype=ember.int8)
    with pytest.raises(RuntimeError, match="cannot be converted to type int8"):
        y[[0]] = 300
    with pytest.raises(RuntimeError, match="cannot be converted to type int8"):
        y[0] = 300


def test_setitem_with_a_shape_mismatch_raises():
    x = ember.zeros(3, 4)
    with pytest.raises(
        RuntimeError,
        match=r"shape mismatch: value tensor of shape \[3\] cannot "
        r"be broadcast to indexing result of shape \[2, 4\]",
    ):
        x[[0, 1]] = ember.ones(3)


def test_setitem_with_value_aliasing_self():
    x = ember.arange(5)
    x[[4, 3, 2, 1, 0]] = x  # reads must not see the writes
    assert x.tolist() == [4, 3, 2, 1, 0]


@pytest.mark.parametrize(
    "index,message",
    [
        ([5], r"index 5 is out of bounds for dimension 0 with size 3"),
        ([-4], r"index -4 is out of bounds for dimension 0 with size 3"),
        ((slice(None), [7]), r"index 7 is out of bounds for dimension 0 with size 4"),
        (([0], [9]), r"index 9 is out of bounds for dimension 1 with size 4"),
    ],
)
def test_out_of_range_index_raises_index_error(index, message):
    x = ember.arange(12).reshape(3, 4)
    with pytest.raises(IndexError, match=message):
        x[index]
    with pytest.raises(IndexError, match=message):
        x[index] = 0


def test_index_errors_name_the_problem():
    x = ember.arange(12).reshape(3, 4)
    with pytest.raises(IndexError, match="too many indices for tensor of dimension 2"):
        x[[0, 1], [0, 1], [0]]
    with pytest.raises(
        IndexError,
        match=r"The shape of the mask \[2, 4\] at index 0 does not "
        r"match the shape of the indexed tensor \[3, 4\]",
    ):
        x[ember.ones(2, 4, dtype=ember.bool)]
    with pytest.raises(
        IndexError,
        match=r"shape mismatch: indexing tensors could not be "
        r"broadcast together with shapes \[2\], \[3\]",
    ):
        x[[0, 1], [0, 1, 2]]
    with pytest.raises(IndexError, match="tensors used as indices must be long, int, byte or bool"):
        x[ember.tensor([1.0])]
    with pytest.raises(IndexError, match="tensors used as indices"):
        x[ember.tensor([1], dtype=ember.int16)]
    with pytest.raises(IndexError, match="only integers, slices"):
        x[1.5]
    with pytest.raises(ValueError, match="step must be greater than zero"):
        x[::-1]
    with pytest.raises(IndexError, match="index is out of bounds for dimension with size 0"):
        ember.zeros(0, 3)[[0]]
    assert tuple(ember.zeros(3, 0)[[1]].shape) == (1, 0)


def test_indexing_meta_tensors():
    x = ember.zeros(3, 4, 5, device="meta")
    assert tuple(x[[0, 1], :, [1, 2]].shape) == (2, 4)
    assert x[ember.tensor([0, 2])].device == ember.device("meta")
    x[[0, 1]] = 1.0  # shapes only: nothing to write
    with pytest.raises(NotImplementedError, match="depends on the input's data"):
        x[ember.ones(3, 4, 5, dtype=ember.bool).to("meta")]
    with pytest.raises(NotImplementedError, match=r"\[nonzero\]"):
        ember.nonzero(x)
    with pytest.raises(NotImplementedError, match=r"\[masked_select\]"):
        ember.masked_select(x, ember.ones(5, dtype=ember.bool))
    # A CPU mask indexing a meta tensor is read where it lives.
    mask = ember.tensor([True, False, True])
    assert tuple(x[mask].shape) == (2, 4, 5)


# ---- index_put_ and the scatter family with duplicates ---------------------------------------


def test_index_put_accumulate_adds_every_duplicate():
    x = ember.zeros(5, dtype=ember.int64)
    idx = ember.tensor([0, 0, 3, 0, 3])
    x.index_put_((idx,), ember.tensor([1, 2, 3, 4, 5]), accumulate=True)
    assert x.tolist() == [7, 0, 0, 8, 0]
    y = ember.zeros(3, 4)
    y.index_put_((ember.tensor([1, 1]), ember.tensor([2, 2])), ember.tensor(1.5), accumulate=True)
    assert y[1, 2].item() == 3.0


def test_index_put_accumulate_large_is_exact_and_deterministic():
    n = 200_000
    idx = RNG.integers(0, 1000, n)
    vals = RNG.integers(-5, 6, n)
    expected = np.zeros(1000, dtype=np.int64)
    np.add.at(expected, idx, vals)
    results = []
    for _ in range(2):
        x = ember.zeros(1000, dtype=ember.int64)
        x.index_put_((ember.from_numpy(idx),), ember.from_numpy(vals), accumulate=True)
        results.append(x.numpy())
    np.testing.assert_array_equal(results[0], expected)
    np.testing.assert_array_equal(results[0], results[1])


def test_scatter_add_large_float_is_deterministic():
    # Many duplicates along dim 0: each output column is summed by one thread in order.
    src = RNG.standard_normal((4000, 64)).astype(np.float32)
    idx = RNG.integers(0, 8, (4000, 64))
    runs = [
        ember.zeros(8, 64).scatter_add_(0, ember.from_numpy(idx), ember.from_numpy(src)).numpy()
        for _ in range(3)
    ]
    expected = np.zeros((8, 64), dtype=np.float64)
    np.add.at(expected, (idx, np.broadcast_to(np.arange(64), idx.shape)), src)
    np.testing.assert_allclose(runs[0], expected, rtol=1e-4, atol=1e-3)
    assert all(np.array_equal(runs[0], r) for r in runs[1:])


@pytest.mark.parametrize("reduce", ["sum", "prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
def test_scatter_reduce_large_matches_numpy(reduce, include_self):
    self_np = RNG.integers(-4, 5, (6, 300)).astype(np.float64)
    src = RNG.integers(-4, 5, (500, 300)).astype(np.float64)
    src[src == 0] = 1  # keep products away from zero
    idx = RNG.integers(0, 6, (500, 300))
    out = ember.from_numpy(self_np.copy()).scatter_reduce(
        0, ember.from_numpy(idx), ember.from_numpy(src), reduce, include_self=include_self
    )
    cols = np.broadcast_to(np.arange(300), idx.shape)
    ufunc = {
        "sum": np.add,
        "mean": np.add,
        "prod": np.multiply,
        "amax": np.maximum,
        "amin": np.minimum,
    }[reduce]
    identity = {"sum": 0.0, "mean": 0.0, "prod": 1.0, "amax": -np.inf, "amin": np.inf}[reduce]
    expected = self_np.copy()
    touched = np.zeros(self_np.shape, bool)
    touched[idx, cols] = True
    if not include_self:
        expected[touched] = identity
    ufunc.at(expected, (idx, cols), src)
    if reduce == "mean":
        count = np.ones(self_np.shape) if include_self else np.zeros(self_np.shape)
        np.add.at(count, (idx, cols), 1)
        expected = expected / np.maximum(count, 1)
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-12)


def test_scatter_reduce_amax_propagates_nan():
    x = ember.tensor([0.0, 0.0])
    out = x.scatter_reduce(
        0, ember.tensor([0, 0, 1]), ember.tensor([1.0, float("nan"), 2.0]), "amax"
    )
    assert np.isnan(out[0].item()) and out[1].item() == 2.0


def test_scatter_into_an_expanded_tensor_is_refused():
    x = ember.zeros(1, 4).expand(3, 4)
    with pytest.raises(RuntimeError, match="more than one element of the written-to tensor"):
        x.scatter_(0, ember.tensor([[0, 1, 2, 0]]), 1.0)


def test_index_add_with_alpha_and_duplicates():
    x = ember.zeros(3, 2)
    x.index_add_(0, ember.tensor([2, 2, 0]), ember.ones(3, 2), alpha=2.5)
    np.testing.assert_array_equal(x.numpy(), [[2.5, 2.5], [0, 0], [5, 5]])
    # An integer tensor truncates a float alpha, as torch.
    y = ember.zeros(2, dtype=ember.int64).index_add(
        0, ember.tensor([0]), ember.tensor([2]), alpha=2.5
    )
    assert y.tolist() == [4, 0]


# ---- large tensors: several threads ------------------------------------------------------------


def test_large_gather_index_select_and_take():
    a = RNG.standard_normal((512, 256)).astype(np.float32)
    x = ember.from_numpy(a)
    idx = RNG.integers(0, 512, (700, 256))
    np.testing.assert_array_equal(
        ember.gather(x, 0, ember.from_numpy(idx)).numpy(), np.take_along_axis(a, idx, axis=0)
    )
    rows = RNG.integers(0, 512, 1000)
    np.testing.assert_array_equal(x.index_select(0, ember.from_numpy(rows)).numpy(), a[rows])
    np.testing.assert_array_equal(x[ember.from_numpy(rows)].numpy(), a[rows])
    flat = RNG.integers(-a.size, a.size, 100_000)
    np.testing.assert_array_equal(x.take(ember.from_numpy(flat)).numpy(), a.reshape(-1)[flat])


def test_large_mask_ops_keep_row_major_order():
    a = RNG.standard_normal((300, 700))
    m = a > 0.3
    x = ember.from_numpy(a)
    mask = ember.from_numpy(m)
    np.testing.assert_array_equal(x[mask].numpy(), a[m])
    np.testing.assert_array_equal(ember.masked_select(x.t(), mask.t()).numpy(), a.T[m.T])
    np.testing.assert_array_equal(ember.nonzero(mask).numpy(), np.argwhere(m))
    np.testing.assert_array_equal(ember.nonzero(mask.t()).numpy(), np.argwhere(m.T))
    src = np.arange(a.size, dtype=np.float64)
    expected = a.copy()
    expected[m] = src[: m.sum()]
    np.testing.assert_array_equal(x.masked_scatter(mask, ember.from_numpy(src)).numpy(), expected)
    filled = a.copy()
    filled[m] = 0.5
    y = x.clone()
    y[mask] = 0.5
    np.testing.assert_array_equal(y.numpy(), filled)


def test_nonzero_as_tuple_and_where_with_one_argument():
    m = np.array([[0, 1, 0], [2, 0, 3]])
    x = ember.from_numpy(m)
    for parts in (ember.nonzero(x, as_tuple=True), ember.where(x != 0), x.nonzero(as_tuple=True)):
        assert isinstance(parts, tuple) and len(parts) == 2
        for got, want in zip(parts, np.nonzero(m), strict=True):
            np.testing.assert_array_equal(got.numpy(), want)
    assert [t.tolist() for t in ember.nonzero(ember.tensor(5), as_tuple=True)] == [[0]]
    assert [t.tolist() for t in ember.nonzero(ember.tensor(0), as_tuple=True)] == [[]]
    assert tuple(ember.nonzero(ember.tensor(5)).shape) == (1, 0)


def test_take_and_put_errors_use_torch_words():
    x = ember.zeros(3, 4)
    with pytest.raises(
        IndexError, match="out of range: tried to access index 12 on a tensor of 12 elements"
    ):
        x.take(ember.tensor([12]))
    with pytest.raises(IndexError, match="out of range: tried to access index -13"):
        x.put_(ember.tensor([-13]), ember.tensor([1.0]))


def test_put_on_noncontiguous_self_writes_through():
    x = ember.zeros(4, 3).t()
    x.put_(ember.tensor([0, 5]), ember.tensor([1.0, 2.0]))
    assert x.tolist() == [[1.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]


def test_masked_fill_broadcasts_out_of_place_only():
    x = ember.zeros(1)
    assert tuple(x.masked_fill(ember.tensor([[True, False]]), 3.0).shape) == (1, 2)
    with pytest.raises(RuntimeError):
        x.masked_fill_(ember.tensor([[True, False]]), 3.0)


def test_index_ops_reject_out_of_range_before_crashing():
    x = ember.zeros(3, 4)
    huge = ember.tensor([2**40])
    for call in (
        lambda: x[huge],
        lambda: x.index_select(0, huge),
        lambda: x.index_fill_(0, huge, 1.0),
        lambda: x.take(huge),
        lambda: x.index_put_((huge,), ember.tensor(1.0)),
    ):
        with pytest.raises((IndexError, RuntimeError)):
            call()


def test_many_index_tensors_travel_stacked():
    # More index tensors than an iterator takes operands: a 7-d mask, 8 integer indices.
    a = RNG.integers(0, 100, (2, 3, 2, 3, 2, 2, 3, 2))
    x = ember.from_numpy(a.copy())
    m = RNG.random(a.shape[:7]) > 0.4
    np.testing.assert_array_equal(x[ember.from_numpy(m)].numpy(), a[m])
    idx = [RNG.integers(0, s, 5) for s in a.shape]
    np.testing.assert_array_equal(x[tuple(ember.from_numpy(i) for i in idx)].numpy(), a[tuple(idx)])
    expected = a.copy()
    expected[tuple(idx)] = -1
    x[tuple(ember.from_numpy(i) for i in idx)] = -1
    np.testing.assert_array_equal(x.numpy(), expected)
    bad = [ember.from_numpy(i) for i in idx]
    bad[6] = ember.tensor([0, 0, 0, 0, 5])
    with pytest.raises(IndexError, match="index 5 is out of bounds for dimension 6 with size 3"):
        x[tuple(bad)]


# ---- random advanced indices against NumPy -----------------------------------------------------


@st.composite
def advanced_cases(draw):
    """A random shape and an index tuple of slices, None, int lists/tensors and masks (no
    Python ints or bools, where torch and NumPy place the advanced dims differently)."""
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=1, max_size=4)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    items, dim = [], 0
    while dim < len(shape) and len(items) < 5:
        kind = draw(st.sampled_from(["slice", "none", "list", "tensor", "mask"]))
        if kind == "none":
            items.append(None)
            continue
        if kind == "slice" or shape[dim] == 0:
            items.append(
                slice(
                    draw(st.none() | st.integers(-5, 5)),
                    draw(st.none() | st.integers(-5, 5)),
                    draw(st.none() | st.integers(1, 3)),
                )
            )
            dim += 1
        elif kind == "mask":
            k = draw(st.integers(1, len(shape) - dim))
            items.append(rng.random(shape[dim : dim + k]) > 0.5)
            dim += k
        else:
            size = shape[dim]
            values = rng.integers(-size, size, size=draw(st.integers(0, 3)))
            items.append(values.tolist() if kind == "list" else values.astype(np.int64))
            dim += 1
    return np.arange(int(np.prod(shape))).reshape(shape), tuple(items)


def ember_index(items):
    return tuple(ember.from_numpy(i.copy()) if isinstance(i, np.ndarray) else i for i in items)


@settings(max_examples=300, deadline=None)
@given(case=advanced_cases())
def test_random_advanced_getitem_and_setitem_match_numpy(case):
    array, index = case
    x = ember.from_numpy(array.copy())
    try:
        expected = array[index]
    except IndexError:
        with pytest.raises(IndexError):
            x[ember_index(index)]
        return
    result = x[ember_index(index)]
    assert tuple(result.shape) == expected.shape
    np.testing.assert_array_equal(result.numpy(), expected)
    target = array.copy()
    target[index] = -1
    x[ember_index(index)] = -1
    np.testing.assert_array_equal(x.numpy(), target)
