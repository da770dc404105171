"""An out-of-tree C++ extension finds the installed core with find_package(Ember),
links libember, and calls into it from Python."""

import importlib.util
import shutil
import subprocess
import sys
import textwrap

import pytest

import ember

pybind11 = pytest.importorskip("pybind11")
pytestmark = pytest.mark.skipif(shutil.which("cmake") is None, reason="needs cmake")

CMAKELISTS = """
cmake_minimum_required(VERSION 3.21)
project(ember_ext LANGUAGES CXX)
find_package(Python REQUIRED COMPONENTS Interpreter Development.Module)
find_package(pybind11 CONFIG REQUIRED)
find_package(Ember 0.1 REQUIRED CONFIG)
pybind11_add_module(ember_ext ext.cpp)
target_link_libraries(ember_ext PRIVATE Ember::ember)
"""

SOURCE = """
#include <pybind11/pybind11.h>
#include "ember/backends/cpu/parallel.h"
#include "ember/core/build_info.h"

PYBIND11_MODULE(ember_ext, m) {
  m.def("core_version", [] { return std::string(ember::version()); });
  m.def("threads", [] { return ember::cpu::get_num_threads(); });
}
"""


def test_find_package_ember_builds_and_links_an_extension(tmp_path):
    (tmp_path / "CMakeLists.txt").write_text(textwrap.dedent(CMAKELISTS))
    (tmp_path / "ext.cpp").write_text(textwrap.dedent(SOURCE))
    build = tmp_path / "build"
    cmake_dir = subprocess.run(
        [sys.executable, "-m", "ember", "--cmake-dir"], check=True, capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(
        [
            "cmake",
            "-S",
            str(tmp_path),
            "-B",
            str(build),
            f"-DEmber_DIR={cmake_dir}",
            f"-Dpybind11_DIR={pybind11.get_cmake_dir()}",
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DCMAKE_BUILD_TYPE=Release",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(["cmake", "--build", str(build)], check=True, capture_output=True)
    built = next(build.glob("ember_ext*.so"))
    spec = importlib.util.spec_from_file_location("ember_ext", built)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.core_version() == ember.__version__
    assert module.threads() == ember.get_num_threads()
