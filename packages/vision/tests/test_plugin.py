"""ember-vision is an Ember plugin: installing it registers its datasets and transforms."""

import json
import subprocess
import sys

import ember.hub
import ember.plugins
import ember_vision
from ember_vision import datasets, transforms


def test_hub_lists_vision_datasets_and_transforms():
    assert {"vision:ImageFolder", "vision:DatasetFolder"} <= set(ember.hub.list_datasets())
    expected = {f"vision:{n}" for n in ("Compose", "Lambda", "Resize", "CenterCrop")}
    assert expected <= set(ember.hub.list_transforms())


def test_hub_returns_the_package_objects(image_tree):
    assert ember.hub.entry("ImageFolder", kind="datasets").obj is datasets.ImageFolder
    dataset = ember.hub.get_dataset("vision:ImageFolder", image_tree)
    assert dataset.classes == ["bird", "cat", "dog"]
    resize = ember.hub.get_transform("Resize", 3)
    assert isinstance(resize, transforms.Resize)


def test_plugin_info():
    info = {p.name: p for p in ember.plugins.plugins()}["vision"]
    assert info.status == "loaded"
    assert (info.distribution, info.version) == ("ember-vision", ember_vision.__version__)
    assert set(info.hooks) == {"ember_register_datasets", "ember_register_transforms"}


def test_ember_plugins_command_lists_vision():
    out = subprocess.run(
        [sys.executable, "-m", "ember", "plugins", "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    vision = {p["name"]: p for p in json.loads(out)}["vision"]
    assert vision["status"] == "loaded"
    assert "ImageFolder" in vision["registered"]["datasets"]
    table = subprocess.run(
        [sys.executable, "-m", "ember", "plugins"], check=True, capture_output=True, text=True
    ).stdout
    assert "ember-vision" in table and "ImageFolder" in table
