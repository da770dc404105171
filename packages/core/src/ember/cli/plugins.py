"""``ember plugins``: every discovered plugin and what it registers."""

from __future__ import annotations

import json
import warnings

from ember.plugins import EmberPluginWarning, PluginInfo, plugins


def registered_summary(info: PluginInfo) -> str:
    parts = [f"{kind}: {', '.join(names)}" for kind, names in info.registered.items()]
    return "; ".join(parts) or "-"


def format_table(infos: list[PluginInfo]) -> str:
    if not infos:
        return "No Ember plugins are installed."
    header = ("plugin", "distribution", "version", "status", "registers")
    rows = [
        (
            i.name,
            i.distribution or "-",
            i.version or "-",
            i.status,
            registered_summary(i) if i.status == "loaded" else (i.error or "-"),
        )
        for i in infos
    ]
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def run(as_json: bool = False) -> int:
    # Problems are shown in the table's status column; warnings would repeat them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmberPluginWarning)
        infos = plugins()
    if as_json:
        print(json.dumps([i.as_dict() for i in infos], indent=2))
    else:
        print(format_table(infos))
    return 0
