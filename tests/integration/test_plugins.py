"""First- and third-party plugins side by side: ember-vision and the plugin template,
installed from their wheels next to the core, are discovered, registered and listed."""

import json
import subprocess
import sys

import ember.hub
import ember.plugins


def ember_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "ember", *args], check=True, capture_output=True, text=True
    ).stdout


def test_both_plugins_are_loaded():
    status = {p.name: (p.distribution, p.status) for p in ember.plugins.plugins()}
    assert status["vision"] == ("ember-vision", "loaded")
    assert status["template"] == ("ember-plugin-template", "loaded")


def test_hub_sees_what_each_registered():
    datasets = ember.hub.list_datasets()
    assert "vision:ImageFolder" in datasets
    assert "template:xor" in datasets
    assert ember.hub.list_models() == ["template:xor_mlp"]
    assert "vision:Resize" in ember.hub.list_transforms()


def test_short_names_resolve_across_plugins():
    model = ember.hub.get_model("xor_mlp")
    assert [model(x) for x, _ in ember.hub.get_dataset("xor")] == [0, 1, 1, 0]


def test_ember_plugins_lists_both():
    listed = {p["name"]: p for p in json.loads(ember_cli("plugins", "--json"))}
    assert listed["vision"]["registered"]["datasets"] == ["DatasetFolder", "ImageFolder"]
    assert listed["template"]["registered"] == {"models": ["xor_mlp"], "datasets": ["xor"]}
    table = ember_cli("plugins")
    assert "ember-vision" in table and "ember-plugin-template" in table


def test_disabling_one_plugin_keeps_the_other():
    code = "import ember.hub; print(ember.hub.list_datasets())"
    env = {"EMBER_DISABLE_PLUGINS": "vision", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    ).stdout
    assert "template:xor" in out and "vision:" not in out
