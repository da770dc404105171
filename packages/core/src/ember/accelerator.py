"""ember.accelerator: which accelerator (if any) this build can use.

>>> import ember
>>> ember.accelerator.is_available(), ember.accelerator.current_accelerator()
(False, None)
"""

from __future__ import annotations


def is_available() -> bool:
    """Whether an accelerator device is available (none in a CPU build)."""
    return False


def current_accelerator(check_available: bool = False):
    """The accelerator's device type, or None."""
    return None


def device_count() -> int:
    return 0


def synchronize(device=None) -> None:
    """Nothing to wait for without an accelerator."""
