"""DLPack (both directions, zero-copy, legacy and versioned capsules), untyped storages
and shared memory visible to forked and spawned processes."""

from __future__ import annotations

import multiprocessing as mp
import sys

import numpy as np
import pytest

import ember


def test_numpy_from_ember_is_zero_copy():
    t = ember.arange(6, dtype=ember.float32).reshape(2, 3)
    a = np.from_dlpack(t)
    assert a.shape == (2, 3) and a.dtype == np.float32
    assert a.ctypes.data == t.data_ptr()
    a[1, 2] = -1.0
    assert t[1, 2].item() == -1.0


@pytest.mark.parametrize(
    "dtype",
    [
        ember.bool,
        ember.uint8,
        ember.int8,
        ember.int16,
        ember.int32,
        ember.int64,
        ember.float16,
        ember.float32,
        ember.float64,
        ember.complex64,
        ember.complex128,
    ],
)
def test_round_trip_every_dtype(dtype):
    t = ember.ones(3, 4, dtype=dtype)[:, 1:]  # strided, with an offset
    a = np.from_dlpack(t)
    assert a.ctypes.data == t.data_ptr()
    np.testing.assert_array_equal(a, t.numpy())
    back = ember.from_dlpack(a)
    assert back.dtype == dtype and back.data_ptr() == t.data_ptr()
    assert back.stride() == t.stride()


def test_ember_from_numpy_is_zero_copy_and_keeps_the_array_alive():
    a = np.arange(12.0).reshape(3, 4)[:, ::2]
    t = ember.from_dlpack(a)
    assert t.dtype == ember.float64 and t.shape == (3, 2) and t.stride() == (4, 2)
    assert t.data_ptr() == a.ctypes.data
    a[0, 1] = 100.0
    assert t[0, 1].item() == 100.0
    del a
    assert t.tolist() == [[0.0, 100.0], [4.0, 6.0], [8.0, 10.0]]


def test_capsules_legacy_and_versioned():
    t = ember.arange(4.0)
    legacy = t.__dlpack__()
    assert "dltensor" in repr(legacy) and "versioned" not in repr(legacy)
    versioned = t.__dlpack__(max_version=(1, 0))
    assert "dltensor_versioned" in repr(versioned)
    for capsule in (legacy, versioned):
        u = ember.from_dlpack(capsule)
        assert u.data_ptr() == t.data_ptr()
    with pytest.raises(TypeError, match=r"\[from_dlpack\]"):
        ember.from_dlpack(legacy)  # already consumed
    del t
    assert u.tolist() == [0.0, 1.0, 2.0, 3.0]  # the capsule's owner keeps the memory alive
    unused = ember.ones(3).__dlpack__(max_version=(1, 0))
    del unused  # the capsule destructor frees it (no leak, no crash)


def test_dlpack_device_and_options():
    t = ember.ones(2)
    assert t.__dlpack_device__() == (1, 0)
    c = ember.from_dlpack(t.__dlpack__(max_version=(1, 0), copy=True))
    assert c.data_ptr() != t.data_ptr() and c.tolist() == [1.0, 1.0]
    with pytest.raises(BufferError):
        t.__dlpack__(dl_device=(2, 0))
    with pytest.raises(BufferError):
        ember.ones(2, device="meta").__dlpack__()


def test_torch_round_trip():
    torch = pytest.importorskip("torch")
    t = ember.arange(6.0).reshape(2, 3)
    tt = torch.from_dlpack(t)
    assert tt.data_ptr() == t.data_ptr()
    tt[0, 0] = 42.0
    assert t[0, 0].item() == 42.0
    z = torch.tensor([1 + 2j, 3j])
    e = ember.from_dlpack(z)
    assert e.dtype == ember.complex64 and e.data_ptr() == z.data_ptr()
    assert e.tolist() == [1 + 2j, 3j]


def test_untyped_storage():
    t = ember.arange(10, dtype=ember.int32)
    v = t[2:5]
    s = v.untyped_storage()
    assert isinstance(s, ember.UntypedStorage)
    assert s.nbytes() == 40 and s.size() == 40 and len(s) == 40
    assert s.data_ptr() == t.data_ptr()
    assert v.storage_offset() == 2 and v.stride() == (1,)
    assert s.device == ember.device("cpu")
    assert s.element_size() == 1
    assert s.tolist()[:8] == [0, 0, 0, 0, 1, 0, 0, 0]
    assert s[4] == 1
    assert not s.is_shared()
    meta = ember.empty(3, device="meta").untyped_storage()
    assert meta.device == ember.device("meta") and meta.data_ptr() == 0


def test_share_memory_keeps_values_and_views():
    t = ember.arange(8.0)
    view = t[2:6]
    assert not t.is_shared()
    before = t.data_ptr()
    assert t.share_memory_() is t
    assert t.is_shared() and view.is_shared()
    assert t.data_ptr() != before
    assert view.data_ptr() == t.data_ptr() + 2 * 4
    assert t.tolist() == [float(i) for i in range(8)]
    view[0] = -1.0
    assert t[2].item() == -1.0
    assert t.untyped_storage().is_shared()
    assert not t.untyped_storage().resizable()
    t.share_memory_()  # idempotent
    e = ember.empty(0).share_memory_()
    assert e.is_shared() and e.numel() == 0


def _child_writes(t, value):
    t[0] = value
    t[-1] = value + 1


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_forked_child_writes_are_visible():
    t = ember.zeros(1000, dtype=ember.float64).share_memory_()
    ctx = mp.get_context("fork")
    p = ctx.Process(target=_child_writes, args=(t, 7.0))
    p.start()
    p.join(30)
    assert p.exitcode == 0
    assert t[0].item() == 7.0 and t[-1].item() == 8.0


def _spawned_child(handle, dtype_name, shape, stride, offset):
    import ember as em

    storage = em.UntypedStorage._from_shared_handle(handle)
    t = storage._tensor(getattr(em, dtype_name), shape, stride, offset)
    t.mul_(2)
    t[0] = 123


def test_spawned_child_maps_the_shared_storage():
    t = ember.arange(12, dtype=ember.int64).share_memory_()
    view = t[2:]
    handle = view.untyped_storage()._shared_handle()
    ctx = mp.get_context("spawn")
    p = ctx.Process(
        target=_spawned_child,
        args=(handle, "int64", tuple(view.shape), view.stride(), view.storage_offset()),
    )
    p.start()
    p.join(60)
    assert p.exitcode == 0
    assert t.tolist() == [0, 1, 123] + [2 * i for i in range(3, 12)]


def test_storage_tensor_checks_bounds():
    s = ember.zeros(4).untyped_storage()
    with pytest.raises(RuntimeError, match=r"\[set_\].*need"):
        s._tensor(ember.float32, (5,), (1,), 0)
