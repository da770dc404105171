"""Run every benchmark and print one table (`nox -s bench`).

Ratios are measured in this one run, with every library at the same thread count;
quote them rather than absolute times, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_elementwise  # noqa: E402
import bench_fft  # noqa: E402
import bench_import  # noqa: E402
import bench_matmul  # noqa: E402
import bench_reduce  # noqa: E402
from harness import format_table  # noqa: E402

BENCHMARKS = {
    "import": bench_import.run,
    "elementwise": bench_elementwise.run,
    "matmul": bench_matmul.run,
    "reduce": bench_reduce.run,
    "fft": bench_fft.run,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(BENCHMARKS), nargs="*", default=None)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="thread count for ember and torch (NumPy's OpenBLAS follows OPENBLAS_NUM_THREADS)",
    )
    args = parser.parse_args()
    import ember

    if args.threads:
        ember.set_num_threads(args.threads)
        try:
            import torch

            torch.set_num_threads(args.threads)
        except ImportError:
            pass
    blas = ember._C._blas_info()
    print(
        f"ember {ember.__version__}, {ember.get_num_threads()} threads, OpenBLAS kernel "
        f"{blas['corename']}, CPU kernels {ember._C._cpu_info()['capability']}"
    )
    rows = []
    for name, bench in BENCHMARKS.items():
        if args.only is None or name in args.only:
            rows += bench(repeats=args.repeats)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
