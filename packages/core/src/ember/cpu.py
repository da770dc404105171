"""ember.cpu: the CPU device's memory statistics and cache control.

The CPU allocator keeps freed blocks of 1 MiB and more for reuse (their pages stay
mapped, so the next large op pays no page faults); these functions inspect and release it.

>>> import ember
>>> stats = ember.cpu.memory_stats()
>>> stats["cached_bytes"] >= 0
True
"""

from __future__ import annotations

from ember import _C


def is_available() -> bool:
    return True


def device_count() -> int:
    return 1


def synchronize(device=None) -> None:
    """CPU ops complete before they return."""


def current_device() -> str:
    return "cpu"


def memory_stats() -> dict:
    """allocated_bytes, peak_allocated_bytes, cached_bytes, cache_limit_bytes,
    large_allocations and cache_hits of the CPU allocator."""
    return _C._cpu_memory_stats()


def memory_allocated() -> int:
    return _C._cpu_memory_stats()["allocated_bytes"]


def max_memory_allocated() -> int:
    return _C._cpu_memory_stats()["peak_allocated_bytes"]


def reset_peak_memory_stats() -> None:
    _C._cpu_reset_peak_memory_stats()


def empty_cache() -> None:
    """Return every cached block to the operating system."""
    _C._cpu_empty_cache()


def set_cache_limit(nbytes: int) -> None:
    """Cap the bytes kept cached; blocks freed beyond it go back to the OS."""
    _C._cpu_set_cache_limit(int(nbytes))
