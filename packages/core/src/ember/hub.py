"""``ember.hub``: list and load what plugins registered.

Names are ``"plugin:name"`` (``"vision:ImageFolder"``) or, when only one plugin uses
it, the short name (``"ImageFolder"``). The first call discovers plugins.

>>> import ember.hub
>>> isinstance(ember.hub.list_models(), list)
True
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from typing import Any

from ember.plugins import KIND_HOOKS, Entry
from ember.plugins.manager import host

__all__ = [
    "entry",
    "get_dataset",
    "get_model",
    "get_model_builder",
    "get_transform",
    "help",
    "list",
    "list_backends",
    "load_backend",
    "list_datasets",
    "list_models",
    "list_transforms",
    "load",
]

_KINDS = tuple(KIND_HOOKS)
Patterns = str | Iterable[str] | None


def _catalog(kind: str):
    if kind not in KIND_HOOKS:
        raise ValueError(f"[ember.hub] unknown kind {kind!r}; expected one of {', '.join(_KINDS)}")
    return host().catalogs[kind]


def list(  # noqa: A001 -- torch.hub.list's name
    kind: str = "models", include: Patterns = None, exclude: Patterns = None
) -> builtins.list[str]:
    """Qualified names registered for ``kind`` ("models", "datasets" or "transforms"),
    filtered by fnmatch ``include``/``exclude`` patterns (short or qualified names)."""
    return _catalog(kind).names(include, exclude)


def entry(name: str, kind: str = "models") -> Entry:
    """The registry entry for ``name``: its plugin, qualified name and object."""
    return _catalog(kind).get(name)


def load(name: str, *args: Any, kind: str = "models", **kwargs: Any) -> Any:
    """Build what ``name`` names: ``load("vision:resnet18", weights=None)``."""
    return entry(name, kind).obj(*args, **kwargs)


def help(name: str, kind: str = "models") -> str:  # noqa: A001 -- torch.hub.help's name
    """The docstring of what ``name`` names."""
    return getattr(entry(name, kind).obj, "__doc__", None) or ""


def list_models(include: Patterns = None, exclude: Patterns = None) -> builtins.list[str]:
    """Names of the registered model builders."""
    return list("models", include, exclude)


def get_model_builder(name: str) -> Callable[..., Any]:
    """The builder function registered as ``name``."""
    return entry(name, "models").obj


def get_model(name: str, **config: Any) -> Any:
    """Build the model registered as ``name`` with ``config`` (e.g. ``weights=...``)."""
    return load(name, kind="models", **config)


def list_datasets(include: Patterns = None, exclude: Patterns = None) -> builtins.list[str]:
    """Names of the registered datasets."""
    return list("datasets", include, exclude)


def get_dataset(name: str, *args: Any, **kwargs: Any) -> Any:
    """Construct the dataset registered as ``name``."""
    return load(name, *args, kind="datasets", **kwargs)


def list_transforms(include: Patterns = None, exclude: Patterns = None) -> builtins.list[str]:
    """Names of the registered transforms."""
    return list("transforms", include, exclude)


def get_transform(name: str, *args: Any, **kwargs: Any) -> Any:
    """Construct the transform registered as ``name``."""
    return load(name, *args, kind="transforms", **kwargs)


def list_backends(include: Patterns = None, exclude: Patterns = None) -> builtins.list[str]:
    """Names of the device backends plugins announced."""
    return list("backends", include, exclude)


def load_backend(name: str) -> Any:
    """Load the backend registered as ``name``; its device is usable afterwards."""
    return load(name, kind="backends")
