"""Ember: a deep-learning framework with the PyTorch programming model.

>>> import ember
>>> ember.get_num_threads() >= 1
True

Optional parts load on first use: ``ember.hub`` and ``ember.plugins`` (which discover
plugins) are imported when first touched, so ``import ember`` stays fast and never
imports a plugin.
"""

from __future__ import annotations

import importlib as _importlib

# OpenBLAS must be loaded before the extension that needs it: importing the wheel's
# module loads libscipy_openblas.so into the process, so libember finds it by soname.
import scipy_openblas32 as _scipy_openblas32  # noqa: F401

from ember import _C
from ember._version import __version__

if _C.__version__ != __version__:  # a stale build next to newer Python sources
    raise ImportError(
        f"ember's compiled core is version {_C.__version__} but the Python package is "
        f"{__version__}: rebuild it (pip install -e packages/core, or reinstall ember)"
    )

from ember._C import get_num_threads, set_num_threads  # noqa: E402

__all__ = ["__version__", "get_num_threads", "set_num_threads", "hub", "plugins"]

# Submodules imported on first attribute access (PEP 562), not at `import ember`.
_LAZY_SUBMODULES = frozenset({"hub", "plugins", "cli"})


def __getattr__(name: str):
    if name in _LAZY_SUBMODULES:
        return _importlib.import_module(f"ember.{name}")
    raise AttributeError(f"module 'ember' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_SUBMODULES)
