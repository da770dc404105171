"""Building the C++ extensions under tests/cpp_extensions against the installed core,
the way a third party would: CMake with find_package(Ember)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXTENSIONS = Path(__file__).parent / "cpp_extensions"


def build_extension(name: str, build_root: Path) -> Path:
    """Configure and build tests/cpp_extensions/<name> (the folder is named after the module
    it builds); return the built module's path."""
    pybind11 = pytest.importorskip("pybind11")
    if shutil.which("cmake") is None:
        pytest.skip("needs cmake")
    cmake_dir = subprocess.run(
        [sys.executable, "-m", "ember", "--cmake-dir"], check=True, capture_output=True, text=True
    ).stdout.strip()
    build = build_root / f"build-{name}"
    configure = [
        "cmake", "-S", str(EXTENSIONS / name), "-B", str(build),
        f"-DEmber_DIR={cmake_dir}", f"-Dpybind11_DIR={pybind11.get_cmake_dir()}",
        f"-DPython_EXECUTABLE={sys.executable}", "-DCMAKE_BUILD_TYPE=Release",
    ]  # fmt: skip
    for command in (configure, ["cmake", "--build", str(build)]):
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    return next(build.glob(f"{name}*.so"))
