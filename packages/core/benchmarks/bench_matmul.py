"""float32 matmul throughput (GFLOP/s, higher is better) of ember and NumPy (and torch when
installed) in this one process, square n x n matrices, every library at the same thread
count. Also the per-call cost of a tiny product, and a batched product.

Both ember and NumPy run OpenBLAS (each its own copy: scipy-openblas32 for ember, NumPy's
bundled scipy-openblas64), so the figures compare the call path and the kernel each copy
selects; `ember._C._blas_info()["corename"]` names ember's.

OpenBLAS worker threads spin for a while after each call; timing two libraries call by
call would make each one's spinning threads slow the other down. Each library therefore
runs in blocks, with a pause between blocks; the blocks of the libraries alternate, and
the fastest call of each library is reported (on a shared machine, other load only ever
slows a call down).
"""

from __future__ import annotations

import ctypes
import glob
import importlib.util
import os
import time

import numpy as np
from harness import Row, Target

SIZES = (256, 512, 1024, 2048)
PAUSE = 0.3  # seconds between blocks: OpenBLAS threads stop spinning and sleep


def numpy_blas_corename() -> str | None:
    """The kernel NumPy's OpenBLAS chose, through its C API."""
    libs = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(libs, "libscipy_openblas*.so")):
        lib = ctypes.CDLL(path)
        for suffix in ("64_", ""):
            getter = getattr(lib, f"scipy_openblas_get_corename{suffix}", None)
            if getter is not None:
                getter.restype = ctypes.c_char_p
                return getter().decode()
    return None


def numpy_blas_threads(n: int | None = None) -> int | None:
    """NumPy's OpenBLAS thread count (set to n when given), through its C API."""
    libs = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(libs, "libscipy_openblas*.so")):
        lib = ctypes.CDLL(path)
        for suffix in ("64_", ""):
            getter = getattr(lib, f"scipy_openblas_get_num_threads{suffix}", None)
            setter = getattr(lib, f"scipy_openblas_set_num_threads{suffix}", None)
            if getter is None or setter is None:
                continue
            if n is not None:
                setter(ctypes.c_int(n))
            return getter()
    return None


def time_block(fn, seconds: float, clock=time.perf_counter) -> float:
    """The fastest call of fn in a block of about `seconds` (the machine may be shared:
    other load only ever slows a call down, so the minimum is the cleanest figure)."""
    fn()  # warm: caches, thread wake-up
    best = float("inf")
    calls = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or calls < 3:
        start = clock()
        fn()
        best = min(best, clock() - start)
        calls += 1
    return best


def best_of(fns: dict, repeats: int, seconds: float, clock=time.perf_counter) -> dict[str, float]:
    """Seconds per call of each library's fn, the libraries' blocks interleaved so that
    changing load on the machine affects them alike."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeats):
        for library, fn in fns.items():
            best[library] = min(best[library], time_block(fn, seconds, clock))
            time.sleep(PAUSE)
    return best


def set_threads(n: int) -> None:
    """The same thread count for every library."""
    import ember

    ember.set_num_threads(n)
    numpy_blas_threads(n)
    if importlib.util.find_spec("torch") is not None:
        import torch

        torch.set_num_threads(n)


def products(n: int, dtype=np.float32):
    """Callables computing the same n x n product in each available library."""
    import ember

    rng = np.random.default_rng(n)
    a = rng.standard_normal((n, n)).astype(dtype)
    b = rng.standard_normal((n, n)).astype(dtype)
    ea, eb = ember.tensor(a), ember.tensor(b)
    fns = {"ember": lambda: ea @ eb, "numpy": lambda: a @ b}
    if importlib.util.find_spec("torch") is not None:
        import torch

        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        fns["torch"] = lambda: ta @ tb
    return fns


def run(repeats: int = 7) -> list[Row]:
    import ember

    threads = ember.get_num_threads()
    set_threads(threads)
    info = ember._C._blas_info()
    print(
        f"matmul: {threads} threads; ember's OpenBLAS {info['config'].split()[1]} chose "
        f"kernel {info['corename']}; NumPy's OpenBLAS threads: {numpy_blas_threads()}, "
        f"kernel {numpy_blas_corename()}"
    )
    rows = []
    for n in SIZES:
        flops = 2.0 * n**3
        row = Row(
            f"matmul float32 {n}x{n} (GFLOP/s, higher is better)",
            "GFLOP/s",
            target=Target(0.95, "numpy", higher_is_better=True),
        )
        seconds = best_of(products(n), repeats, 0.3 if n < 2048 else 0.6)
        row.values = {library: flops / t / 1e9 for library, t in seconds.items()}
        rows.append(row)

    # The same products on one thread, timed in CPU time of the calling thread (where
    # single-threaded OpenBLAS computes): unlike wall time, this does not depend on how
    # much of the machine other processes take, so it compares the libraries' kernels
    # and call paths even on a busy machine.
    set_threads(1)
    for n in SIZES:
        flops = 2.0 * n**3
        row = Row(f"matmul float32 {n}x{n}, 1 thread (GFLOP per CPU second)", "GFLOP/s")
        seconds = best_of(
            products(n), max(3, repeats // 2), 0.3 if n < 2048 else 1.0, clock=time.thread_time
        )
        row.values = {library: flops / t / 1e9 for library, t in seconds.items()}
        rows.append(row)
    set_threads(threads)

    # Per-call overhead: a 4x4 product is all call path, no arithmetic.
    tiny = Row("matmul float32 4x4 (time per call)", "us")
    tiny.values = {lib: t * 1e6 for lib, t in best_of(products(4), repeats, 0.1).items()}
    rows.append(tiny)

    # Many small matrices: the batch is split across threads.
    rng = np.random.default_rng(0)
    a = rng.standard_normal((512, 32, 32)).astype(np.float32)
    b = rng.standard_normal((512, 32, 32)).astype(np.float32)
    ea, eb = ember.tensor(a), ember.tensor(b)
    fns = {"ember": lambda: ea @ eb, "numpy": lambda: a @ b}
    if importlib.util.find_spec("torch") is not None:
        import torch

        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        fns["torch"] = lambda: ta @ tb
    batched = Row("bmm float32 512 x (32x32 @ 32x32) (time per call)", "us")
    batched.values = {lib: t * 1e6 for lib, t in best_of(fns, repeats, 0.2).items()}
    rows.append(batched)
    return rows


if __name__ == "__main__":
    from harness import format_table

    print(format_table(run()))
