"""The template plugin is seen by ember.hub and `ember plugins`, and what it
registers works."""

import json
import subprocess
import sys

import ember.hub
import ember.plugins
from ember_plugin_template import XorDataset, xor_mlp


def test_hub_lists_the_model_and_the_dataset():
    assert "template:xor_mlp" in ember.hub.list_models()
    assert "template:xor" in ember.hub.list_datasets()


def test_hub_builds_the_model_and_it_computes_xor():
    model = ember.hub.get_model("template:xor_mlp")
    dataset = ember.hub.get_dataset("template:xor")
    assert len(dataset) == 4
    for inputs, label in dataset:
        assert model(inputs) == label == (inputs[0] ^ inputs[1])


def test_registered_objects_are_the_package_objects():
    assert ember.hub.get_model_builder("template:xor_mlp") is xor_mlp
    assert ember.hub.entry("template:xor", kind="datasets").obj is XorDataset


def test_plugin_info_names_distribution_and_registrations():
    info = {p.name: p for p in ember.plugins.plugins()}["template"]
    assert info.status == "loaded"
    assert info.distribution == "ember-plugin-template"
    assert info.registered == {"models": ["xor_mlp"], "datasets": ["xor"]}


def test_ember_plugins_command_lists_it():
    out = subprocess.run(
        [sys.executable, "-m", "ember", "plugins", "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    listed = {p["name"]: p for p in json.loads(out)}
    assert listed["template"]["status"] == "loaded"
    assert listed["template"]["registered"]["models"] == ["xor_mlp"]
