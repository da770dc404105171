"""Complex dtypes beyond the op database: creation, conversion, NumPy round trips,
printing, type promotion, the real/imag views and torch parity when installed."""

from __future__ import annotations

import numpy as np
import pytest

import ember


def test_creation_from_python_and_numpy():
    t = ember.tensor([1 + 2j, 3 - 1j])
    assert t.dtype == ember.complex64
    assert ember.tensor(1 + 2j).item() == 1 + 2j
    assert isinstance(ember.tensor(1 + 2j).item(), complex)
    assert t.tolist() == [1 + 2j, 3 - 1j]
    a = np.array([1 + 2j, 0.5j], dtype=np.complex128)
    e = ember.tensor(a)
    assert e.dtype == ember.complex128
    f = ember.from_numpy(a)
    assert f.dtype == ember.complex128
    a[0] = 9j
    assert f[0].item() == 9j  # from_numpy shares memory
    assert ember.tensor([1, 2.5, 1j]).dtype == ember.complex64


@pytest.mark.parametrize("dtype", [ember.complex64, ember.complex128])
def test_factories(dtype):
    assert ember.zeros(2, 3, dtype=dtype).tolist() == [[0j] * 3] * 2
    assert ember.ones(2, dtype=dtype).tolist() == [1 + 0j] * 2
    assert ember.full((2,), 1 - 1j, dtype=dtype).tolist() == [1 - 1j] * 2
    assert ember.full((2,), 1 - 1j).dtype == ember.complex64
    x = ember.empty(3, dtype=dtype)
    assert ember.zeros_like(x).dtype == dtype
    assert ember.ones_like(x).tolist() == [1 + 0j] * 3
    assert ember.full_like(x, 2j).tolist() == [2j] * 3
    assert ember.empty_like(x).dtype == dtype


def test_numpy_round_trip_is_zero_copy():
    t = ember.tensor([1 + 1j, 2 + 2j], dtype=ember.complex128)
    a = t.numpy()
    assert a.dtype == np.complex128
    a[1] = -5j
    assert t[1].item() == -5j
    assert t.numpy().ctypes.data == t.data_ptr()


def test_casts():
    t = ember.tensor([1.5, -2.0])
    assert t.to(ember.complex64).tolist() == [1.5 + 0j, -2 + 0j]
    z = ember.tensor([1.5 + 2j, -2 - 1j])
    assert z.to(ember.float32).tolist() == [1.5, -2.0]  # drops the imaginary part, as torch
    assert z.to(ember.complex128).dtype == ember.complex128
    assert z.to(ember.int64).tolist() == [1, -2]
    assert z.cdouble().dtype == ember.complex128
    assert t.cfloat().dtype == ember.complex64
    c = z.clone()
    c.fill_(3j)
    assert c.tolist() == [3j, 3j]
    z2 = ember.zeros(2, dtype=ember.complex64)
    z2.copy_(ember.tensor([1.0, 2.0]))
    assert z2.tolist() == [1 + 0j, 2 + 0j]


def test_printing_like_torch():
    assert repr(ember.tensor([1 + 2j, 3 - 1j])) == "tensor([1.+2.j, 3.-1.j])"
    assert repr(ember.tensor(1 + 2j)) == "tensor(1.+2.j)"
    assert (
        repr(ember.tensor([[1.5 + 2j, 3 - 1j], [0j, -1j]], dtype=ember.complex128))
        == "tensor([[1.5000+2.j, 3.0000-1.j],\n        [0.0000+0.j, -0.0000-1.j]], "
        "dtype=ember.complex128)"
    )


def test_type_promotion():
    f32 = ember.ones(2)
    f64 = ember.ones(2, dtype=ember.float64)
    c64 = ember.ones(2, dtype=ember.complex64)
    c128 = ember.ones(2, dtype=ember.complex128)
    assert (f32 + c64).dtype == ember.complex64
    assert (f64 + c64).dtype == ember.complex128
    assert (f32 + c128).dtype == ember.complex128
    assert (f32 + (1 + 1j)).dtype == ember.complex64
    assert (f64 * 1j).dtype == ember.complex128
    assert (ember.ones(2, dtype=ember.int64) + 1j).dtype == ember.complex64
    assert (c64 + 2.5).dtype == ember.complex64
    assert ember.promote_types(ember.float64, ember.complex64) == ember.complex128
    assert ember.result_type(f32, 1j) == ember.complex64
    assert (f32 + (1 + 1j)).tolist() == [2 + 1j, 2 + 1j]


def test_real_imag_are_views():
    z = ember.tensor([1 + 2j, 3 - 4j, 5 + 6j])
    re, im = z.real, z.imag
    assert re.dtype == ember.float32 and im.dtype == ember.float32
    assert re.stride() == (2,) and im.storage_offset() == 1
    im[0] = 10.0
    assert z[0].item() == 1 + 10j
    z.real = ember.tensor([0.0, 0.0, 0.0])
    assert z.tolist() == [10j, -4j, 6j]
    z.imag = 1.0
    assert z.tolist() == [1j, 1j, 1j]
    x = ember.ones(3)
    assert x.real.tolist() == x.tolist() and x.real.data_ptr() == x.data_ptr()
    with pytest.raises(RuntimeError, match=r"\[imag\]"):
        _ = x.imag
    zt = ember.tensor([[1 + 1j, 2 + 2j], [3 + 3j, 4 + 4j]]).t()
    np.testing.assert_array_equal(zt.real.numpy(), np.real(zt.numpy()))
    np.testing.assert_array_equal(ember.imag(zt).numpy(), np.imag(zt.numpy()))


def test_view_as_real_and_complex_share_memory():
    z = ember.tensor([1 + 2j, 3 - 4j])
    r = ember.view_as_real(z)
    assert r.shape == (2, 2) and r.stride() == (2, 1)
    r[1, 1] = 0.0
    assert z[1].item() == 3 + 0j
    back = ember.view_as_complex(r)
    assert back.data_ptr() == z.data_ptr()
    assert back.tolist() == z.tolist()


def test_conj_and_friends():
    z = ember.tensor([1 + 2j, -3j])
    assert z.conj().tolist() == [1 - 2j, 3j]
    assert not z.conj().is_conj()
    assert z.conj_physical().tolist() == [1 - 2j, 3j]
    assert z.resolve_conj() is z
    w = z.clone()
    assert w.conj_physical_() is w and w.tolist() == [1 - 2j, 3j]
    x = ember.ones(2)
    assert x.conj() is x
    assert z.is_complex() and not x.is_complex() and ember.is_complex(z)


def test_abs_angle_polar_complex():
    z = ember.tensor([3 + 4j, -1 + 0j, 0j])
    assert z.abs().dtype == ember.float32
    np.testing.assert_allclose(z.abs().numpy(), [5, 1, 0])
    np.testing.assert_allclose(z.angle().numpy(), np.angle(z.numpy()), rtol=1e-6)
    p = ember.polar(z.abs(), z.angle())
    np.testing.assert_allclose(p.numpy(), z.numpy(), atol=1e-6)
    c = ember.complex(ember.tensor([1.0, 2.0]), ember.tensor([3.0]))
    assert c.tolist() == [1 + 3j, 2 + 3j]
    with pytest.raises(RuntimeError, match=r"\[abs_\]"):
        z.clone().abs_()


def test_arithmetic_and_inplace():
    z = ember.tensor([1 + 2j, 3 - 1j])
    np.testing.assert_allclose((z * z).numpy(), z.numpy() ** 2)
    np.testing.assert_allclose((z / (1 - 1j)).numpy(), z.numpy() / (1 - 1j), rtol=1e-6)
    np.testing.assert_allclose((z**2).numpy(), z.numpy() ** 2, rtol=1e-5)
    np.testing.assert_allclose((-z).numpy(), -z.numpy())
    np.testing.assert_allclose((1 / z).numpy(), 1 / z.numpy(), rtol=1e-6)
    assert (z == z.clone()).tolist() == [True, True]
    assert (z != 1 + 2j).tolist() == [False, True]
    w = z.clone()
    w += 1j
    assert w.tolist() == [1 + 3j, 3 + 0j]
    f = ember.ones(2)
    with pytest.raises(RuntimeError, match=r"can't be cast"):
        f.add_(z)
    assert ember.add(z, z, alpha=1j).tolist() == [(1 + 2j) * (1 + 1j), (3 - 1j) * (1 + 1j)]
    with pytest.raises(TypeError, match=r"\[add\] For non-complex input tensors, argument alpha"):
        ember.add(f, f, alpha=1j)


def test_unsupported_ops_raise_clear_errors():
    z = ember.ones(2, dtype=ember.complex64)
    with pytest.raises(RuntimeError, match=r"\[lt\] is not supported for complex64"):
        z < z  # noqa: B015
    with pytest.raises(RuntimeError, match=r"\[floor\] floor is not supported for complex64"):
        z.floor()
    with pytest.raises(RuntimeError, match=r"\[maximum\].*complex128"):
        ember.maximum(z, ember.ones(2, dtype=ember.complex128))


def test_meta_complex():
    m = ember.empty(2, 3, dtype=ember.complex64, device="meta")
    assert m.real.dtype == ember.float32 and m.real.device.type == "meta"
    assert ember.view_as_real(m).shape == (2, 3, 2)
    assert m.abs().dtype == ember.float32
    assert (m * ember.ones(3, device="meta")).dtype == ember.complex64


def test_torch_parity():
    torch = pytest.importorskip("torch")
    a = np.array([[1.5 + 2j, 3 - 1j], [0j, -1j]], dtype=np.complex128)
    tt, et = torch.from_numpy(a), ember.tensor(a)
    assert repr(et).replace("ember", "torch") == repr(tt)
    et64 = ember.tensor(a.astype(np.complex64))
    assert repr(et64) == repr(torch.from_numpy(a.astype(np.complex64)))
    for name in (
        "exp",
        "log",
        "sqrt",
        "sin",
        "cos",
        "tanh",
        "reciprocal",
        "sigmoid",
        "abs",
        "angle",
        "conj",
    ):
        got = getattr(ember, name)(et).numpy()
        want = getattr(torch, name)(tt).resolve_conj().numpy()
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, err_msg=name)
    for dtype in (torch.float32, torch.float64):
        x = torch.ones(2, dtype=dtype)
        y = ember.ones(2, dtype=getattr(ember, str(dtype).split(".")[1]))
        assert str((y + (1 + 1j)).dtype).split(".")[1] == str((x + (1 + 1j)).dtype).split(".")[1]
