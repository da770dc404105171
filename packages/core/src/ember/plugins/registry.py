"""Registries of what plugins provide: one :class:`Catalog` per kind (models,
datasets, transforms), filled through per-plugin :class:`Registry` views."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T", bound=Callable[..., Any])


@dataclass(frozen=True)
class Entry:
    """One registered object: ``kind`` is "models", "datasets" or "transforms"."""

    kind: str
    plugin: str
    name: str
    obj: Callable[..., Any]

    @property
    def qualified_name(self) -> str:
        return f"{self.plugin}:{self.name}"

    @property
    def summary(self) -> str:
        """First line of the object's docstring, or an empty string."""
        doc = getattr(self.obj, "__doc__", None) or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""


class Registry:
    """What a registration hook receives: adds entries of one kind for one plugin.

    >>> registry = Registry("models", "example")
    >>> def tiny(**kwargs):
    ...     '''A tiny model.'''
    >>> registry.add("tiny", tiny) is tiny
    True
    >>> [e.qualified_name for e in registry.entries]
    ['example:tiny']
    """

    def __init__(self, kind: str, plugin: str) -> None:
        self.kind = kind
        self.plugin = plugin
        self._entries: dict[str, Entry] = {}

    def add(self, name: str, obj: T | None = None) -> Any:
        """Register ``obj`` under ``name``; without ``obj``, return a decorator."""
        if obj is None:
            return lambda target: self.add(name, target)
        if not isinstance(name, str) or not name or ":" in name or name != name.strip():
            raise ValueError(
                f"[{self.plugin}] {self.kind[:-1]} name must be a non-empty string without ':' "
                f"or surrounding spaces, got {name!r}"
            )
        if not callable(obj):
            raise TypeError(
                f"[{self.plugin}] {self.kind[:-1]} {name!r} must be callable (a class or a "
                f"builder function), got {type(obj).__name__}"
            )
        if name in self._entries:
            raise ValueError(
                f"[{self.plugin}] registers the {self.kind[:-1]} {name!r} twice; "
                "each name may be registered once per plugin"
            )
        self._entries[name] = Entry(self.kind, self.plugin, name, obj)
        return obj

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries.values())


class Catalog:
    """Every entry of one kind, across plugins, looked up by qualified or short name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, Entry] = {}  # qualified name -> entry

    def extend(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self._entries[entry.qualified_name] = entry

    def remove_plugin(self, plugin: str) -> None:
        self._entries = {q: e for q, e in self._entries.items() if e.plugin != plugin}

    def entries(self) -> list[Entry]:
        return sorted(self._entries.values(), key=lambda e: e.qualified_name)

    def names(
        self, include: str | Iterable[str] | None = None, exclude: str | Iterable[str] | None = None
    ) -> list[str]:
        """Qualified names, filtered by fnmatch patterns on the short or qualified name."""

        def matches(entry: Entry, patterns: str | Iterable[str]) -> bool:
            patterns = [patterns] if isinstance(patterns, str) else list(patterns)
            return any(
                fnmatch.fnmatchcase(entry.name, p) or fnmatch.fnmatchcase(entry.qualified_name, p)
                for p in patterns
            )

        return [
            e.qualified_name
            for e in self.entries()
            if (include is None or matches(e, include))
            and (exclude is None or not matches(e, exclude))
        ]

    def get(self, name: str) -> Entry:
        """The entry called ``name`` ("plugin:name", or a short name used by one plugin)."""
        if not isinstance(name, str):
            raise TypeError(f"[ember.hub] {self.kind[:-1]} name must be a str, got {name!r}")
        if ":" in name:
            entry = self._entries.get(name)
            if entry is None:
                raise ValueError(self._unknown(name))
            return entry
        found = [e for e in self._entries.values() if e.name == name]
        if not found:
            raise ValueError(self._unknown(name))
        if len(found) > 1:
            options = ", ".join(sorted(e.qualified_name for e in found))
            raise ValueError(
                f"[ember.hub] {self.kind[:-1]} name {name!r} is registered by several plugins; "
                f"use a qualified name: {options}"
            )
        return found[0]

    def _unknown(self, name: str) -> str:
        known = ", ".join(self.names()) or "none"
        return (
            f"[ember.hub] unknown {self.kind[:-1]} {name!r}; registered {self.kind}: {known} "
            "(`ember plugins` lists plugins and what they register)"
        )
