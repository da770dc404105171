"""Where the installed core keeps what C++ extensions build against.

Found next to the compiled module rather than this file: in an editable install the
Python sources and the build products live in different folders.
"""

from __future__ import annotations

from pathlib import Path

from ember import _C

_INSTALL_DIR = Path(_C.__file__).resolve().parent


def include_dir() -> Path:
    """Directory holding Ember's C++ headers (``#include "ember/..."``)."""
    return _INSTALL_DIR / "include"


def library_dir() -> Path:
    """Directory holding ``libember``."""
    return _INSTALL_DIR / "lib"


def cmake_dir() -> Path:
    """Directory holding ``EmberConfig.cmake``, for ``find_package(Ember)``."""
    return _INSTALL_DIR / "share" / "cmake" / "Ember"
