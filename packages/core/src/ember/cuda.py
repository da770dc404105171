"""ember.cuda: device queries so scripts written for CUDA start unchanged on the CPU.

>>> import ember
>>> ember.cuda.is_available()
False
"""

from __future__ import annotations


def is_available() -> bool:
    """Ember has no CUDA backend in this build."""
    return False


def device_count() -> int:
    return 0


def is_initialized() -> bool:
    return False


def synchronize(device=None) -> None:
    """Nothing to wait for without a CUDA device."""


def manual_seed(seed) -> None:
    """Accepted and ignored (no CUDA generator), as torch does without CUDA."""


def manual_seed_all(seed) -> None:
    """Accepted and ignored (no CUDA generator), as torch does without CUDA."""


def current_device() -> int:
    raise RuntimeError("ember.cuda.current_device(): no CUDA devices are available")


def get_device_name(device=None) -> str:
    raise RuntimeError("ember.cuda.get_device_name(): no CUDA devices are available")


def empty_cache() -> None:
    """Nothing cached without a CUDA device."""
