"""The `ember` command line and `python -m ember`."""

import json
import shutil
import subprocess
import sys

import pytest

import ember
from ember import _paths
from ember.cli import main


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "ember", *args], check=True, capture_output=True, text=True
    ).stdout


def test_info_json_reports_versions_blas_threads_and_cpu():
    info = json.loads(run_cli("info", "--json"))
    assert info["packages"]["ember"] == ember.__version__
    assert info["blas"]["library"] == "OpenBLAS"
    assert info["blas"]["config"].startswith(f"OpenBLAS {info['blas']['version']}")
    assert info["blas"]["kernel"]
    assert info["threads"] == ember.get_num_threads()
    assert info["cpu"]["kernels"] in {"default", "avx2", "avx512"}
    assert isinstance(info["cpu"]["features"], list)


def test_info_text_names_every_section():
    text = run_cli("info")
    for heading in ("Ember packages:", "Core:", "BLAS:", "Threads:", "Kernels:", "CPU:"):
        assert heading in text
    assert "ember-vision" in text


def test_plugins_json_is_a_list_of_plugins():
    listed = json.loads(run_cli("plugins", "--json"))
    assert isinstance(listed, list)
    for plugin in listed:
        assert {"name", "distribution", "version", "status", "registered"} <= set(plugin)


def test_cmake_and_include_dirs_exist():
    cmake_dir = run_cli("--cmake-dir").strip()
    include_dir = run_cli("--include-dir").strip()
    assert (_paths.cmake_dir() / "EmberConfig.cmake").is_file()
    assert str(_paths.cmake_dir()) == cmake_dir
    assert (_paths.include_dir() / "ember" / "config.h").is_file()
    assert str(_paths.include_dir()) == include_dir


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"ember {ember.__version__}"


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "usage: ember" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("ember") is None, reason="console script not on PATH")
def test_console_script_matches_python_m():
    out = subprocess.run(["ember", "--version"], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == f"ember {ember.__version__}"
