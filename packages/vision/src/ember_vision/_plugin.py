"""ember-vision's plugin module: what it adds to ``ember.hub`` (entry point ``vision``)."""

from ember.plugins import hookimpl
from ember_vision import datasets, transforms


@hookimpl
def ember_register_datasets(registry):
    registry.add("DatasetFolder", datasets.DatasetFolder)
    registry.add("ImageFolder", datasets.ImageFolder)


@hookimpl
def ember_register_transforms(registry):
    for name in ("Compose", "Lambda", "Resize", "CenterCrop"):
        registry.add(name, getattr(transforms, name))
