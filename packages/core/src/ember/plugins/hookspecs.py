"""The hooks an Ember plugin may implement.

Each hook receives a :class:`~ember.plugins.Registry` for one kind of object and
adds to it. Every name a plugin adds is also reachable under the plugin's
namespace, ``"<plugin>:<name>"`` (the plugin's name is its entry-point name), so two
plugins may use the same short name: ``ember.hub`` then asks for the qualified one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ember.plugins.registry import Registry

PROJECT_NAME = "ember"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)


@hookspec
def ember_register_models(registry: Registry) -> None:
    """Add model builders: callables that return a model.

    Builders follow torchvision's convention, ``builder(*, weights=None,
    progress=True, **kwargs)``; ``ember.hub.get_model(name, **kwargs)`` calls them.

    >>> from ember.plugins import hookimpl
    >>> @hookimpl
    ... def ember_register_models(registry):
    ...     registry.add("tiny_mlp", lambda **kwargs: object())
    """


@hookspec
def ember_register_datasets(registry: Registry) -> None:
    """Add dataset classes or factories; ``ember.hub.get_dataset(name, ...)`` calls them.

    >>> from ember.plugins import hookimpl
    >>> @hookimpl
    ... def ember_register_datasets(registry):
    ...     registry.add("numbers", lambda n=3: list(range(n)))
    """


@hookspec
def ember_register_transforms(registry: Registry) -> None:
    """Add transform classes or factories; ``ember.hub.get_transform(name, ...)`` calls them.

    >>> from ember.plugins import hookimpl
    >>> @hookimpl
    ... def ember_register_transforms(registry):
    ...     registry.add("identity", lambda: (lambda x: x))
    """


@hookspec
def ember_register_backends(registry: Registry) -> None:
    """Announce device backends: a callable that loads the backend (imports its extension
    module, which names the out-of-tree device slot and registers its allocator and
    kernels). ``ember.hub.load(name, kind="backends")`` loads it; after that its device
    name works everywhere a device does (``ember.ones(3, device="toy")``).

    >>> from ember.plugins import hookimpl
    >>> @hookimpl
    ... def ember_register_backends(registry):
    ...     registry.add("toy", lambda: __import__("toy_backend"))
    """


# Registry kind -> the hook that fills it. One entry per hookspec above.
KIND_HOOKS: dict[str, str] = {
    "models": "ember_register_models",
    "datasets": "ember_register_datasets",
    "transforms": "ember_register_transforms",
    "backends": "ember_register_backends",
}
