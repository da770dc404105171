"""Plugin discovery: entry points in group ``ember``, loaded on first registry access.

Every plugin goes through the same steps, first-party or not:

1. skipped if its name or distribution is in ``EMBER_DISABLE_PLUGINS``;
2. refused if its distribution requires a core version other than the one installed;
3. imported, registered with pluggy and validated (unknown ``ember_*`` hooks, bad
   signatures);
4. its registration hooks are called, each with a :class:`Registry` of its own.

A failure in steps 2-4 skips that plugin with an :class:`EmberPluginWarning` naming
it and the error; it never breaks ``import ember`` or the other plugins.
"""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from ember._version import __version__ as CORE_VERSION
from ember.plugins import hookspecs
from ember.plugins.registry import Catalog, Entry, Registry

ENTRY_POINT_GROUP = "ember"
DISABLE_ENV_VAR = "EMBER_DISABLE_PLUGINS"


class EmberPluginWarning(UserWarning):
    """A plugin was skipped: broken, incompatible with this core, or misbehaving."""


class PluginError(RuntimeError):
    """A plugin registered by hand (:func:`ember.plugins.register`) was refused."""


@dataclass
class PluginInfo:
    """What ``ember plugins`` shows for one plugin."""

    name: str
    distribution: str | None
    version: str | None
    module: str
    status: str  # "loaded", "disabled", "incompatible" or "failed"
    error: str | None = None
    hooks: list[str] = field(default_factory=list)
    registered: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "module": self.module,
            "status": self.status,
            "error": self.error,
            "hooks": self.hooks,
            "registered": self.registered,
        }


def disabled_names() -> set[str]:
    """Plugin or distribution names listed in EMBER_DISABLE_PLUGINS (comma or space
    separated; ``*`` or ``all`` disables every discovered plugin)."""
    raw = os.environ.get(DISABLE_ENV_VAR, "")
    return {part.strip().lower() for part in raw.replace(",", " ").split() if part.strip()}


def core_requirement_problem(dist: metadata.Distribution | None) -> str | None:
    """Why ``dist`` cannot run on this core, or None when its ``ember`` requirement
    (if any) admits the installed version."""
    if dist is None:
        return None
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    for line in dist.requires or []:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(req.name) != "ember":
            continue
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        if not req.specifier.contains(CORE_VERSION, prereleases=True):
            return (
                f"it requires ember{req.specifier} but ember {CORE_VERSION} is installed; "
                f"install a release of {dist.metadata['Name']} made for ember {CORE_VERSION}"
            )
    return None


class PluginHost:
    """The pluggy manager, what each plugin registered, and how each plugin fared."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.manager.add_hookspecs(hookspecs)
        self.catalogs: dict[str, Catalog] = {kind: Catalog(kind) for kind in hookspecs.KIND_HOOKS}
        self.infos: dict[str, PluginInfo] = {}

    # -- discovery -------------------------------------------------------------------
    def discover(self) -> None:
        blocked = disabled_names()
        eps = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
        for ep in eps:
            dist = ep.dist
            info = PluginInfo(
                name=ep.name,
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
                module=ep.value,
                status="loaded",
            )
            if ep.name in self.infos:
                other = self.infos[ep.name]
                self._skip(
                    info,
                    "failed",
                    f"the plugin name {ep.name!r} is already used by "
                    f"{other.distribution or other.module}",
                )
                continue
            self.infos[ep.name] = info
            dist_name = (info.distribution or "").lower()
            if blocked & {"*", "all", ep.name.lower(), dist_name}:
                info.status = "disabled"
                continue
            problem = core_requirement_problem(dist)
            if problem is not None:
                self._skip(info, "incompatible", problem)
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not break ember
                self._skip(info, "failed", f"import failed: {type(exc).__name__}: {exc}")
                continue
            try:
                self._activate(plugin, info)
            except Exception as exc:
                self._skip(info, "failed", str(exc))

    def _skip(self, info: PluginInfo, status: str, reason: str) -> None:
        info.status = status
        info.error = reason
        where = f" ({info.distribution} {info.version})" if info.distribution else ""
        warnings.warn(
            f"Ember plugin {info.name!r}{where} was not loaded: {reason}",
            EmberPluginWarning,
            stacklevel=4,
        )

    # -- registration ------------------------------------------------------------------
    def _activate(self, plugin: object, info: PluginInfo) -> None:
        """Register ``plugin`` with pluggy and run its registration hooks; on any error,
        leave no trace of it and raise."""
        name = info.name
        try:
            self.manager.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            raise PluginError(f"invalid plugin: {exc}") from exc
        try:
            self._check_known_hooks(plugin)
            staged = self._run_registration_hooks(plugin, name)
        except Exception:
            self.manager.unregister(name=name)
            raise
        for kind, entries in staged.items():
            self.catalogs[kind].extend(entries)
            if entries:
                info.registered[kind] = [e.name for e in entries]
        info.hooks = sorted(c.name for c in self.manager.get_hookcallers(plugin) or [])

    def _check_known_hooks(self, plugin: object) -> None:
        for caller in self.manager.get_hookcallers(plugin) or []:
            if not caller.has_spec():
                known = ", ".join(sorted(hookspecs.KIND_HOOKS.values()))
                raise PluginError(f"unknown hook {caller.name!r} (Ember's hooks are: {known})")

    def _run_registration_hooks(self, plugin: object, name: str) -> dict[str, list[Entry]]:
        staged: dict[str, list[Entry]] = {}
        for kind, hook_name in hookspecs.KIND_HOOKS.items():
            registry = Registry(kind, name)
            caller = getattr(self.manager.hook, hook_name)
            for impl in caller.get_hookimpls():
                if impl.plugin is not plugin:
                    continue
                kwargs = {"registry": registry}
                try:
                    impl.function(*[kwargs[arg] for arg in impl.argnames])
                except Exception as exc:
                    raise PluginError(f"{hook_name} raised {type(exc).__name__}: {exc}") from exc
            staged[kind] = registry.entries
        return staged

    def register(self, plugin: object, name: str) -> PluginInfo:
        """Register an in-process plugin object (a module or any object with hooks)."""
        if name in self.infos and self.infos[name].status == "loaded":
            raise PluginError(f"an Ember plugin named {name!r} is already registered")
        module = getattr(plugin, "__name__", type(plugin).__name__)
        info = PluginInfo(
            name=name, distribution=None, version=None, module=module, status="loaded"
        )
        try:
            self._activate(plugin, info)
        except PluginError as exc:
            raise PluginError(f"Ember plugin {name!r} was not registered: {exc}") from exc
        self.infos[name] = info
        return info

    def unregister(self, name: str) -> None:
        if name not in self.infos:
            raise PluginError(f"no Ember plugin named {name!r}")
        if self.manager.has_plugin(name):
            self.manager.unregister(name=name)
        for catalog in self.catalogs.values():
            catalog.remove_plugin(name)
        del self.infos[name]


_host: PluginHost | None = None
_host_lock = threading.Lock()


def host() -> PluginHost:
    """The process-wide plugin host, discovering plugins on the first call."""
    global _host
    if _host is None:
        with _host_lock:
            if _host is None:
                fresh = PluginHost()
                fresh.discover()
                _host = fresh
    return _host


def reset() -> None:
    """Forget every plugin; the next registry access discovers them again."""
    global _host
    with _host_lock:
        _host = None
