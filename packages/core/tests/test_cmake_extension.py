"""An out-of-tree C++ extension finds the installed core with find_package(Ember), links
libember, and calls into it from Python."""

import importlib.util

from cpp_build import build_extension

import ember


def test_find_package_ember_builds_and_links_an_extension(tmp_path):
    built = build_extension("ember_ext", tmp_path)
    spec = importlib.util.spec_from_file_location("ember_ext", built)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.core_version() == ember.__version__
    assert module.threads() == ember.get_num_threads()
