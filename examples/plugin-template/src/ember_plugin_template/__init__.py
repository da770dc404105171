"""A template Ember plugin: one model builder and one dataset."""

from ember_plugin_template.datasets import XorDataset
from ember_plugin_template.models import XorMLP, xor_mlp

__all__ = ["XorDataset", "XorMLP", "xor_mlp"]
