"""Threads, BLAS and CPU-feature reporting of the compiled core."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import ember
from ember import _C


def test_set_num_threads_round_trips_and_sets_blas_threads():
    before = ember.get_num_threads()
    try:
        ember.set_num_threads(1)
        assert ember.get_num_threads() == 1
        assert _C._blas_info()["num_threads"] == 1
        ember.set_num_threads(2)
        assert ember.get_num_threads() == 2
    finally:
        ember.set_num_threads(before)


@pytest.mark.parametrize("bad", [0, -3])
def test_set_num_threads_rejects_non_positive(bad):
    with pytest.raises(RuntimeError, match=r"\[set_num_threads\].*positive"):
        ember.set_num_threads(bad)


def test_set_num_threads_rejects_non_integers():
    with pytest.raises(TypeError):
        ember.set_num_threads("two")


def test_blas_is_the_scipy_openblas32_library():
    import scipy_openblas32

    blas = _C._blas_info()
    assert blas["name"] == "OpenBLAS"
    assert blas["config"] == scipy_openblas32.get_openblas_config()
    assert blas["corename"]


def test_openblas_coretype_is_reported_as_forced():
    env = dict(os.environ, OPENBLAS_CORETYPE="Haswell")
    out = subprocess.run(
        [sys.executable, "-m", "ember", "info"], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert "kernel Haswell (forced by OPENBLAS_CORETYPE=Haswell)" in out


def cpuinfo_flags() -> set[str]:
    text = Path("/proc/cpuinfo").read_text()
    line = next(line for line in text.splitlines() if line.startswith("flags"))
    return set(line.split(":", 1)[1].split())


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="needs Linux /proc/cpuinfo")
def test_cpu_features_agree_with_the_kernel():
    flags = cpuinfo_flags()
    features = set(_C._cpu_info()["features"])
    for ours, linux in [("avx2", "avx2"), ("fma", "fma"), ("avx512f", "avx512f")]:
        assert (ours in features) == (linux in flags), ours


def test_capability_is_supported_level_unless_lowered():
    info = _C._cpu_info()
    order = ["default", "avx2", "avx512"]
    assert info["capability"] in order
    if "EMBER_CPU_CAPABILITY" not in os.environ:
        assert info["capability"] == info["supported_capability"]


@pytest.mark.parametrize("requested", ["default", "avx2"])
def test_capability_can_be_lowered_but_not_raised(requested):
    env = dict(os.environ, EMBER_CPU_CAPABILITY=requested)
    code = (
        "from ember import _C; i = _C._cpu_info(); "
        "print(i['capability'], i['supported_capability'])"
    )
    chosen, supported = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    order = ["default", "avx2", "avx512"]
    assert order.index(chosen) == min(order.index(requested), order.index(supported))


def test_extension_loads_through_runpath_without_preloading_openblas(core_dir):
    """The fallback for loaders that skip `import ember`: _C's RUNPATH finds libember and
    libember's finds OpenBLAS in the scipy-openblas32 wheel next to it."""
    if not (core_dir.parent / "scipy_openblas32").is_dir():
        pytest.skip("not an installed wheel layout (editable build)")
    extension = next(core_dir.glob("_C*.so"))
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('ember._C', {str(extension)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "assert 'scipy_openblas32' not in sys.modules\n"
        "print(module._blas_info()['name'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "OpenBLAS"
