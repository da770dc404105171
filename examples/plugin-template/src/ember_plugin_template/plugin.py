"""The plugin module named by the entry point: Ember calls these hooks when it
discovers plugins (on first use of ember.hub, not at `import ember`)."""

from ember.plugins import hookimpl
from ember_plugin_template.datasets import XorDataset
from ember_plugin_template.models import xor_mlp


@hookimpl
def ember_register_models(registry):
    registry.add("xor_mlp", xor_mlp)


@hookimpl
def ember_register_datasets(registry):
    registry.add("xor", XorDataset)
