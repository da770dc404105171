"""Reductions: per-call overhead of x.sum() on 4 elements, and 16M float32 elements
against NumPy (and torch when installed) in one process, at 1 thread and at the
machine's thread count, medians over repeats.

NumPy's reductions are single-threaded whatever the thread count; ember's split the data
into fixed chunks (results do not depend on the thread count), so its 2-thread time is
the one that should beat NumPy's.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
import timeit

from harness import Row, Target

N = 16 * 1024 * 1024


def _median_ms(fn, repeats: int) -> float:
    fn()  # warm-up: page faults, thread pool start-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


# name, the call on a tensor-like `x` (16M elements) and `m` (4096x4096), NumPy's.
CASES = [
    ("x.sum() 16M float32", lambda x, m: x.sum(), lambda a, m: a.sum()),
    ("x.sum(0) 4096x4096", lambda x, m: m.sum(0), lambda a, m: m.sum(0)),
    ("x.sum(1) 4096x4096", lambda x, m: m.sum(1), lambda a, m: m.sum(1)),
    ("x.amax() 16M float32", lambda x, m: x.amax(), lambda a, m: a.max()),
    ("x.argmax() 16M float32", lambda x, m: x.argmax(), lambda a, m: a.argmax()),
    ("x.var() 16M float32", lambda x, m: x.var(), lambda a, m: a.var(ddof=1)),
]


def _median_us(stmt: str, namespace: dict, repeats: int, number: int = 20000) -> float:
    times = timeit.repeat(stmt, globals=namespace, number=number, repeat=repeats)
    return statistics.median(times) / number * 1e6


def run(repeats: int = 7) -> list[Row]:
    import numpy as np

    import ember

    torch = None
    if importlib.util.find_spec("torch") is not None:
        import torch
    a = np.random.default_rng(0).standard_normal(N).astype(np.float32)
    m = a.reshape(4096, 4096)
    inputs = {"ember": (ember.from_numpy(a), ember.from_numpy(m))}
    if torch is not None:
        inputs["torch"] = (torch.from_numpy(a), torch.from_numpy(m))
    rows = []
    # Issue 3's targets: the tiny call at most 0.6x torch's time, the 16M sum at most 1.0x.
    tiny = Row("x.sum(), 4 elements", "us", target=Target(0.6, "torch"))
    small = np.arange(4, dtype=np.float32)
    tiny.values["ember"] = _median_us("x.sum()", {"x": ember.from_numpy(small)}, repeats)
    if torch is not None:
        tiny.values["torch"] = _median_us("x.sum()", {"x": torch.from_numpy(small)}, repeats)
    tiny.values["numpy"] = _median_us("x.sum()", {"x": small}, repeats)
    rows.append(tiny)
    default_threads = ember.get_num_threads()
    try:
        for threads in sorted({1, default_threads}):
            ember.set_num_threads(threads)
            if torch is not None:
                torch.set_num_threads(threads)
            for name, call, numpy_call in CASES:
                target = Target(1.0, "torch") if name.startswith("x.sum() 16M") else None
                row = Row(f"{name}, {threads} thread{'s' * (threads > 1)}", "ms", target=target)
                for library, (x, xm) in inputs.items():
                    row.values[library] = _median_ms(lambda f=call, x=x, xm=xm: f(x, xm), repeats)
                row.values["numpy"] = _median_ms(lambda f=numpy_call: f(a, m), repeats)
                rows.append(row)
    finally:
        ember.set_num_threads(default_threads)
    return rows
