"""`import ember` stays light: no plugin, no optional package, no plugin machinery."""

import subprocess
import sys

import ember

NOT_AT_IMPORT = [
    "ember.plugins",
    "ember.hub",
    "ember.cli",
    "pluggy",
    "packaging",
    "numpy",
    "PIL",
    "ember_vision",
    "ember_plugin_template",
]


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}; import sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_import_ember_imports_no_plugin_or_optional_package():
    loaded = modules_after("import ember")
    assert "ember._C" in loaded
    assert loaded.isdisjoint(NOT_AT_IMPORT), sorted(loaded.intersection(NOT_AT_IMPORT))
    assert not any(name.startswith("ember_") for name in loaded)


def test_hub_access_discovers_plugins_lazily():
    loaded = modules_after("import ember; ember.hub.list_models()")
    assert {"ember.hub", "ember.plugins", "pluggy"} <= loaded


def test_version_matches_compiled_core():
    assert ember.__version__ == ember._C.__version__
    assert ember._C._build_info()["version"] == ember.__version__


def test_unknown_attribute_raises_attribute_error():
    try:
        ember.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
