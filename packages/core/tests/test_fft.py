"""ember.fft beyond the op database: round trips, larger and odd sizes (PocketFFT's
Bluestein path), threads, meta tensors, lazy import, out=, and torch parity when torch
is installed."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import ember


def rand(shape, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dtype)


def test_fft_is_a_lazy_submodule():
    out = subprocess.run(
        [sys.executable, "-c", "import ember, sys; print('ember.fft' in sys.modules)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out.strip() == "False"
    assert ember.fft.rfft is ember._C.fft_rfft
    assert "fft" in dir(ember)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 16, 97, 1000, 1024, 4099])
def test_sizes_match_numpy(n):
    a = rand((n,), np.complex128)
    np.testing.assert_allclose(
        ember.fft.fft(ember.tensor(a)).numpy(), np.fft.fft(a), rtol=1e-10, atol=1e-9
    )
    r = rand((n,))
    np.testing.assert_allclose(
        ember.fft.rfft(ember.tensor(r)).numpy(), np.fft.rfft(r), rtol=1e-10, atol=1e-9
    )
    np.testing.assert_allclose(
        ember.fft.irfft(ember.tensor(np.fft.rfft(r)), n=n).numpy(), r, rtol=1e-10, atol=1e-10
    )


def test_float32_large_transform_precision():
    x = rand((1 << 16,), np.float32)
    got = ember.fft.rfft(ember.tensor(x)).numpy()
    assert got.dtype == np.complex64
    want = np.fft.rfft(x.astype(np.float64))
    scale = np.abs(want).max()
    assert np.abs(got - want).max() / scale < 1e-5


@pytest.mark.parametrize("norm", [None, "backward", "forward", "ortho"])
def test_round_trips(norm):
    x = ember.tensor(rand((3, 8, 5), np.complex64))
    back = ember.fft.ifftn(ember.fft.fftn(x, norm=norm), norm=norm)
    np.testing.assert_allclose(back.numpy(), x.numpy(), rtol=1e-5, atol=1e-5)
    r = ember.tensor(rand((4, 6)))
    back = ember.fft.irfft2(ember.fft.rfft2(r, norm=norm), s=(4, 6), norm=norm)
    np.testing.assert_allclose(back.numpy(), r.numpy(), rtol=1e-12, atol=1e-12)
    back = ember.fft.ihfft(ember.fft.hfft(ember.fft.ihfft(r), n=6, norm=norm), norm=norm)
    np.testing.assert_allclose(back.numpy(), ember.fft.ihfft(r).numpy(), atol=1e-12)


def test_parseval_ortho():
    x = ember.tensor(rand((64,), np.complex128))
    y = ember.fft.fft(x, norm="ortho")
    assert np.isclose((x.abs() ** 2).numpy().sum(), (y.abs() ** 2).numpy().sum())


def test_dtypes():
    assert ember.fft.fft(ember.ones(4)).dtype == ember.complex64
    assert ember.fft.fft(ember.ones(4, dtype=ember.float64)).dtype == ember.complex128
    assert ember.fft.fft(ember.ones(4, dtype=ember.int64)).dtype == ember.complex64
    assert ember.fft.fft(ember.ones(4, dtype=ember.bool)).dtype == ember.complex64
    assert ember.fft.irfft(ember.ones(4, dtype=ember.complex128)).dtype == ember.float64
    assert ember.fft.irfft(ember.ones(3)).shape == (4,)
    assert ember.fft.hfft(ember.ones(3, dtype=ember.complex64)).dtype == ember.float32
    assert ember.fft.fftfreq(4).dtype == ember.float32
    with pytest.raises(RuntimeError, match=r"\[fft_fft\] Unsupported dtype bfloat16"):
        ember.fft.fft(ember.ones(4, dtype=ember.bfloat16))


def test_irfft_ignores_imaginary_dc_and_nyquist_like_numpy():
    spec = np.array([1 + 5j, 2 - 1j, 3 + 7j])
    np.testing.assert_allclose(
        ember.fft.irfft(ember.tensor(spec)).numpy(), np.fft.irfft(spec), atol=1e-12
    )


def test_input_is_not_modified_and_expanded_inputs_work():
    x = ember.tensor(rand((5,), np.complex128))
    before = x.numpy().copy()
    ember.fft.ifft(x)
    ember.fft.irfft(x)
    np.testing.assert_array_equal(x.numpy(), before)
    row = ember.tensor(rand((1, 6)))
    wide = row.expand(3, 6)
    np.testing.assert_allclose(
        ember.fft.rfft(wide).numpy(), np.fft.rfft(np.broadcast_to(row.numpy(), (3, 6))), atol=1e-12
    )


def test_threads_give_the_same_result():
    x = ember.tensor(rand((64, 256), np.complex128))
    old = ember.get_num_threads()
    try:
        ember.set_num_threads(1)
        one = ember.fft.fft2(x).numpy()
        ember.set_num_threads(2)
        two = ember.fft.fft2(x).numpy()
    finally:
        ember.set_num_threads(old)
    np.testing.assert_allclose(one, two, rtol=1e-13, atol=1e-12)


def test_meta_shapes():
    m = ember.empty(3, 10, device="meta")
    assert ember.fft.rfft(m).shape == (3, 6)
    assert ember.fft.rfft(m).dtype == ember.complex64
    assert ember.fft.irfft(ember.fft.rfft(m)).shape == (3, 10)
    assert ember.fft.fftn(m, s=(4, 7)).shape == (4, 7)
    assert ember.fft.irfftn(m, s=(5,)).shape == (3, 5)
    f = ember.fft.fftfreq(6, device="meta")
    assert f.device == ember.device("meta") and f.shape == (6,)
    assert ember.fft.rfftfreq(6, dtype=ember.float64, device="meta").shape == (4,)


def test_out_with_cast_and_resize():
    x = ember.tensor(rand((4,)))
    out = ember.empty(0, dtype=ember.complex64)
    returned = ember.fft.fft(x, out=out)
    assert returned is out and out.shape == (4,)
    np.testing.assert_allclose(out.numpy(), np.fft.fft(x.numpy()), rtol=1e-6, atol=1e-6)
    with pytest.raises(RuntimeError, match=r"\[fft_fft\].*can't be cast"):
        ember.fft.fft(x, out=ember.empty(4))


def test_fftshift_roundtrip_and_freq_layout():
    f = ember.fft.fftfreq(7, d=0.5, dtype=ember.float64)
    np.testing.assert_allclose(f.numpy(), np.fft.fftfreq(7, 0.5))
    np.testing.assert_allclose(ember.fft.fftshift(f).numpy(), np.fft.fftshift(f.numpy()))
    x = ember.arange(12).reshape(3, 4)
    assert ember.fft.ifftshift(ember.fft.fftshift(x)).tolist() == x.tolist()


def test_keyword_names_match_torch():
    x = ember.ones(4, 4)
    ember.fft.fft(input=x, n=4, dim=0, norm="ortho")
    ember.fft.fftn(input=x, s=(4, 4), dim=(0, 1), norm="forward")
    ember.fft.fft2(x, s=None, dim=(-2, -1), norm=None)
    ember.fft.fftfreq(n=4, d=1.0, dtype=ember.float64, device="cpu", requires_grad=False)
    ember.fft.fftshift(input=x, dim=(0,))


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("fft", {}),
        ("ifft", {"n": 12, "norm": "ortho"}),
        ("rfft", {"n": 7, "dim": 0}),
        ("irfft", {"n": 9}),
        ("hfft", {"norm": "forward"}),
        ("ihfft", {}),
        ("fftn", {"s": (3, -1)}),
        ("ifftn", {"dim": (1,)}),
        ("rfftn", {}),
        ("irfftn", {"s": (4, 6)}),
        ("fft2", {"norm": "ortho"}),
        ("ifft2", {}),
        ("rfft2", {}),
        ("irfft2", {}),
        ("hfftn", {"s": (4, -1)}),
        ("ihfftn", {"norm": "ortho"}),
        ("hfft2", {"norm": "forward"}),
        ("ihfft2", {}),
        ("fftshift", {}),
        ("ifftshift", {"dim": 0}),
    ],
)
def test_parity_with_torch(name, kwargs):
    torch = pytest.importorskip("torch")
    real_only = name in ("rfft", "ihfft", "rfftn", "rfft2", "ihfftn", "ihfft2")
    a = rand((5, 8), np.float64 if real_only else np.complex128)
    want = getattr(torch.fft, name)(torch.from_numpy(a), **kwargs).resolve_conj().numpy()
    got = getattr(ember.fft, name)(ember.tensor(a), **kwargs).numpy()
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10)
