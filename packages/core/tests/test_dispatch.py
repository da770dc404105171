"""The dispatcher's observer hook sees every op; meta tensors run every op without data."""

import ember
from ember import _C


def test_observer_records_ops_in_order():
    x = ember.ones(3)
    _C._start_op_recording()
    try:
        y = (x + 1).exp()
        y.view(3, 1)
    finally:
        ops = _C._stop_op_recording()
    # Nested ops appear too (the Python number 1 is filled into a 0-d tensor inside add).
    assert ops.index("add") < ops.index("exp") < ops.index("view"), ops


def test_recording_stops():
    _C._start_op_recording()
    _C._stop_op_recording()
    ember.ones(2) + 1
    assert _C._stop_op_recording() == []


def test_meta_tensors_allocate_nothing():
    before = ember._C._cpu_memory_stats()["allocated_bytes"]
    x = ember.empty(1024, 1024, 64, device="meta")
    y = (x * 2).exp().sum(-1) if hasattr(x, "sum") else (x * 2).exp()
    assert y.device.type == "meta"
    assert ember._C._cpu_memory_stats()["allocated_bytes"] - before < 1 << 20
