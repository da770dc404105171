"""Cost of `import <library>` in a fresh interpreter: wall time and peak RSS."""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys

from harness import LIBRARIES, Row, Target

MEASURE = """
import resource, sys, time
start = time.perf_counter()
import {module}
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def measure_import(module: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE.format(module=module)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def run(repeats: int = 7) -> list[Row]:
    seconds = Row("import (fresh process)", "ms", target=Target(300))
    rss = Row("peak RSS after import", "MB", target=Target(60))
    for library in LIBRARIES:
        if importlib.util.find_spec(library) is None:
            continue
        samples = [measure_import(library) for _ in range(repeats)]
        seconds.values[library] = statistics.median(s[0] * 1e3 for s in samples)
        rss.values[library] = statistics.median(s[1] for s in samples)
    return [seconds, rss]
