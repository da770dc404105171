"""What real PyTorch scripts touch before any math: device queries, legacy constructors,
dtype aliases, conversions by name, printing."""

import numpy as np
import pytest

import ember


def test_device_queries_report_a_cpu_only_build():
    assert ember.cuda.is_available() is False and ember.cuda.device_count() == 0
    assert ember.accelerator.is_available() is False
    assert ember.accelerator.current_accelerator() is None
    assert ember.backends.mps.is_available() is False
    ember.backends.cudnn.benchmark = True
    ember.backends.cudnn.deterministic = True
    assert ember.backends.cudnn.benchmark and ember.backends.cudnn.deterministic
    assert ember.backends.cpu.get_cpu_capability() in ("default", "avx2", "avx512")
    x = ember.ones(2)
    assert x.is_cuda is False and x.is_cpu and x.cpu() is x


def test_typical_device_selection_idiom():
    device = ember.device("cuda" if ember.cuda.is_available() else "cpu")
    assert ember.zeros(3, device=device).device == ember.device("cpu")
    with pytest.raises(NotImplementedError, match="'cuda' is not available"):
        ember.zeros(3, device="cuda")


def test_legacy_constructors_and_type():
    assert ember.FloatTensor(2, 3).shape == (2, 3)
    assert ember.FloatTensor(2, 3).dtype == ember.float32
    assert ember.LongTensor([1, 2]).dtype == ember.int64
    assert isinstance(ember.ones(2, dtype=ember.float64), ember.DoubleTensor)
    assert not isinstance(ember.ones(2), ember.DoubleTensor)
    assert ember.Tensor([1, 2]).dtype == ember.float32
    assert ember.Tensor(2, 2).shape == (2, 2)
    x = ember.ones(2)
    assert x.type() == "ember.FloatTensor"
    assert x.type(ember.float64).dtype == ember.float64
    assert x.type("ember.LongTensor").dtype == ember.int64


def test_dtype_aliases_and_conversions_by_name():
    assert ember.float is ember.float32 and ember.long is ember.int64
    assert ember.double is ember.float64 and ember.half is ember.float16
    x = ember.tensor([1.5, -2.5])
    for name, dtype in [
        ("float", ember.float32),
        ("double", ember.float64),
        ("half", ember.float16),
        ("bfloat16", ember.bfloat16),
        ("int", ember.int32),
        ("long", ember.int64),
        ("short", ember.int16),
        ("bool", ember.bool),
        ("byte", ember.uint8),
        ("char", ember.int8),
    ]:
        assert getattr(x, name)().dtype == dtype
    assert x.long().tolist() == [1, -2]  # truncation toward zero


def test_new_methods_keep_dtype_and_device():
    x = ember.ones(2, dtype=ember.float64)
    assert x.new_zeros(3).dtype == ember.float64 and x.new_zeros(3).tolist() == [0, 0, 0]
    assert x.new_ones((2, 2)).shape == (2, 2)
    assert x.new_full((2,), 7).tolist() == [7.0, 7.0]
    assert x.new_tensor([1, 2]).dtype == ember.float64
    assert x.new_empty(4).shape == (4,)


def test_data_property_shares_storage_but_not_version():
    x = ember.ones(3)
    d = x.data
    d[0] = 5
    assert x.tolist() == [5.0, 1.0, 1.0]
    before = x._version
    d.add_(1)
    assert x._version == before
    x.data = ember.zeros(2)
    assert x.tolist() == [0.0, 0.0]


def test_python_number_protocol():
    x = ember.tensor([3.5])
    assert float(x) == 3.5 and int(x) == 3 and bool(ember.tensor(1))
    assert [10, 20, 30][ember.tensor(1)] == 20
    with pytest.raises(RuntimeError, match="ambiguous"):
        bool(ember.ones(2))
    with pytest.raises(TypeError, match="only integer tensors"):
        [1][ember.tensor(0.0)]
    with pytest.raises(TypeError, match="len\\(\\) of a 0-d tensor"):
        len(ember.tensor(1))
    assert len(ember.zeros(4, 2)) == 4
    assert [t.tolist() for t in ember.arange(4).view(2, 2)] == [[0, 1], [2, 3]]
    assert f"{ember.tensor(2.5):.2f}" == "2.50"


def test_numpy_round_trip_shares_memory():
    a = np.arange(6, dtype=np.float64).reshape(2, 3)
    t = ember.from_numpy(a)
    t[1, 2] = -1
    assert a[1, 2] == -1
    back = t.numpy()
    back[0, 0] = 42
    assert t[0, 0].item() == 42
    assert np.asarray(t).shape == (2, 3)
    assert ember.as_tensor(a).data_ptr() == a.ctypes.data
    with pytest.raises(TypeError, match="BFloat16|bfloat16"):
        ember.ones(2, dtype=ember.bfloat16).numpy()


def test_from_numpy_rejects_negative_strides_and_warns_read_only():
    with pytest.raises(ValueError, match="negative"):
        ember.from_numpy(np.arange(4)[::-1])
    ro = np.arange(3.0)
    ro.setflags(write=False)
    with pytest.warns(UserWarning, match="not writable"):
        ember.from_numpy(ro)


def test_cpu_memory_stats_and_cache_reuse():
    ember.cpu.empty_cache()
    x = ember.empty(1 << 20)
    stats = ember.cpu.memory_stats()
    assert stats["allocated_bytes"] >= 4 << 20
    del x
    assert ember.cpu.memory_stats()["cached_bytes"] >= 4 << 20
    hits = ember.cpu.memory_stats()["cache_hits"]
    y = ember.empty(1 << 20)
    assert ember.cpu.memory_stats()["cache_hits"] == hits + 1
    del y
    ember.cpu.empty_cache()
    assert ember.cpu.memory_stats()["cached_bytes"] == 0
