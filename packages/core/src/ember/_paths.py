"""Where the installed core keeps what C++ extensions build against."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def include_dir() -> Path:
    """Directory holding Ember's C++ headers (``#include "ember/..."``)."""
    return _PACKAGE_DIR / "include"


def library_dir() -> Path:
    """Directory holding ``libember``."""
    return _PACKAGE_DIR / "lib"


def cmake_dir() -> Path:
    """Directory holding ``EmberConfig.cmake``, for ``find_package(Ember)``."""
    return _PACKAGE_DIR / "share" / "cmake" / "Ember"
