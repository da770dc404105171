import importlib
import sys
import textwrap
from pathlib import Path

import pytest

import ember.plugins


@pytest.fixture
def fresh_plugins(monkeypatch):
    """Plugin discovery starts over, before and after the test."""
    monkeypatch.delenv("EMBER_DISABLE_PLUGINS", raising=False)
    ember.plugins.reload()
    yield
    ember.plugins.reload()


@pytest.fixture
def install_fake_plugin(tmp_path, monkeypatch, fresh_plugins):
    """Install a distribution with an `ember` entry point into a temporary sys.path
    entry: ``install_fake_plugin("fake", "def ...", requires="ember>=0.1")``."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    added_modules = []

    def install(entry_name, source, *, dist="fake-plugin", version="1.0", requires=None):
        module = f"{dist.replace('-', '_')}_{entry_name}"
        (site / f"{module}.py").write_text(textwrap.dedent(source))
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir(exist_ok=True)
        lines = ["Metadata-Version: 2.1", f"Name: {dist}", f"Version: {version}"]
        lines += [f"Requires-Dist: {requires}"] if requires else []
        (info / "METADATA").write_text("\n".join(lines) + "\n")
        entry_points = info / "entry_points.txt"
        existing = entry_points.read_text() if entry_points.exists() else "[ember]\n"
        entry_points.write_text(existing + f"{entry_name} = {module}\n")
        added_modules.append(module)
        importlib.invalidate_caches()
        return module

    yield install
    for module in added_modules:
        sys.modules.pop(module, None)


@pytest.fixture
def core_dir():
    import ember

    return Path(ember.__file__).parent
