"""CPU backend queries."""

from ember import _C


def get_cpu_capability() -> str:
    """The instruction-set level the CPU kernels use: 'default', 'avx2' or 'avx512'."""
    return _C._cpu_info()["capability"]
