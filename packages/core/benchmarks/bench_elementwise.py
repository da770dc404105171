"""Elementwise ops: per-call overhead on tiny tensors (binding, dispatch and allocation)
and bandwidth on 16M float32 elements (the caching allocator's reason to exist)."""

from __future__ import annotations

import importlib.util
import statistics
import time
import timeit

from harness import Row, Target

SMALL = 4
LARGE = 16 * 1024 * 1024


def per_call_us(stmt: str, namespace: dict, number: int = 20000, repeats: int = 7) -> float:
    times = timeit.repeat(stmt, globals=namespace, number=number, repeat=repeats)
    return statistics.median(times) / number * 1e6


def median_ms(fn, repeats: int) -> float:
    fn()  # warm up: first touch of the output pages, caches
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


def libraries():
    import numpy as np

    import ember

    libs = {"ember": (ember, lambda n: ember.ones(n))}
    libs["numpy"] = (np, lambda n: np.ones(n, dtype=np.float32))
    if importlib.util.find_spec("torch") is not None:
        import torch

        libs["torch"] = (torch, lambda n: torch.ones(n))
    return libs


def run(repeats: int = 7) -> list[Row]:
    libs = libraries()
    # Issue 3's targets: tiny ops at most 0.6x torch's time (the call path is lean),
    # 16M-element ops at most 0.5x (the caching allocator saves torch's page faults).
    rows = {
        name: Row(name, unit, target=Target(bound, "torch"))
        for name, unit, bound in [
            ("a + b, 4 elements", "us", 0.6),
            ("x[0], 4 elements", "us", 0.6),
            ("add 16M float32", "ms", 0.5),
            ("mul 16M float32", "ms", 0.5),
            ("exp 16M float32", "ms", 0.5),
        ]
    }
    for lib, (module, make) in libs.items():
        a, b = make(SMALL), make(SMALL)
        ns = {"a": a, "b": b}
        rows["a + b, 4 elements"].values[lib] = per_call_us("a + b", ns)
        rows["x[0], 4 elements"].values[lib] = per_call_us("a[0]", ns)
        x, y = make(LARGE), make(LARGE)
        rows["add 16M float32"].values[lib] = median_ms(lambda x=x, y=y: x + y, repeats)
        rows["mul 16M float32"].values[lib] = median_ms(lambda x=x, y=y: x * y, repeats)
        rows["exp 16M float32"].values[lib] = median_ms(lambda m=module, x=x: m.exp(x), repeats)
    return list(rows.values())
