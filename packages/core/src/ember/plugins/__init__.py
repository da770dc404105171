"""Ember's plugin system: how packages add models, datasets and transforms.

Plugins are ordinary Python distributions that declare an entry point in group
``ember``. Ember's own domain packages (``ember-vision``, ...) are plugins exactly like
a third party's. Nothing is imported at ``import ember``: plugins are discovered the
first time a registry is used (``ember.hub``, ``ember plugins``).

Writing a plugin
================

1. Write a module of hook implementations::

       # my_package/ember_plugin.py
       from ember.plugins import hookimpl

       @hookimpl
       def ember_register_models(registry):
           registry.add("tiny_mlp", build_tiny_mlp)

       @hookimpl
       def ember_register_datasets(registry):
           registry.add("toy_points", ToyPoints)

2. Point an entry point at it in ``pyproject.toml``; its name is the plugin's name and
   namespace (``my_plugin:tiny_mlp``)::

       [project]
       dependencies = ["ember>=0.1,<0.2"]   # the core versions the plugin works with

       [project.entry-points.ember]
       my_plugin = "my_package.ember_plugin"

3. ``pip install`` it, then ``ember plugins`` lists it and
   ``ember.hub.get_model("tiny_mlp")`` builds the model.

The hooks are documented in :mod:`ember.plugins.hookspecs`; ``examples/plugin-template``
in the repository is a complete plugin to copy.

Rules Ember enforces
====================

- A plugin whose ``ember`` requirement excludes the installed core is refused.
- A plugin that fails to import, implements an unknown ``ember_*`` hook, or raises in a
  hook is skipped with an :class:`EmberPluginWarning`; other plugins still load.
- Names live in the plugin's namespace: two plugins may both register ``resnet18``;
  ``ember.hub`` then asks for ``"a:resnet18"`` or ``"b:resnet18"``.
- ``EMBER_DISABLE_PLUGINS="vision,other"`` (plugin or distribution names, ``*`` for all)
  keeps plugins from loading.
"""

from __future__ import annotations

import pluggy

from ember.plugins.hookspecs import KIND_HOOKS, PROJECT_NAME
from ember.plugins.manager import (
    DISABLE_ENV_VAR,
    ENTRY_POINT_GROUP,
    EmberPluginWarning,
    PluginError,
    PluginInfo,
    host,
    reset,
)
from ember.plugins.registry import Catalog, Entry, Registry

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a function of a plugin module as an implementation of an Ember hook."""

__all__ = [
    "DISABLE_ENV_VAR",
    "ENTRY_POINT_GROUP",
    "KIND_HOOKS",
    "Catalog",
    "EmberPluginWarning",
    "Entry",
    "PluginError",
    "PluginInfo",
    "Registry",
    "hookimpl",
    "plugins",
    "register",
    "reload",
    "unregister",
]


def plugins() -> list[PluginInfo]:
    """Every discovered plugin with its distribution, status and what it registered."""
    return sorted(host().infos.values(), key=lambda info: info.name)


def register(plugin: object, name: str) -> PluginInfo:
    """Register an in-process plugin (a module or object with hook implementations).

    Unlike discovered plugins, errors raise :class:`PluginError` here, since the caller
    is present to see them.
    """
    return host().register(plugin, name)


def unregister(name: str) -> None:
    """Remove a plugin and everything it registered."""
    host().unregister(name)


def reload() -> None:
    """Forget every plugin and discover them again on the next registry access (after
    installing a plugin into a running process, or changing EMBER_DISABLE_PLUGINS)."""
    reset()
