"""Shared benchmark plumbing: medians over repeats and a ratio table.

A benchmark yields rows of (name, unit, {"ember": t, "numpy": t, "torch": t}); the table
prints each library's median and ember's ratio to the others (below 1 means ember is
faster or smaller).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

LIBRARIES = ("ember", "numpy", "torch")


@dataclass
class Row:
    name: str
    unit: str
    values: dict[str, float] = field(default_factory=dict)


def format_table(rows: Iterable[Row]) -> str:
    rows = list(rows)
    present = [lib for lib in LIBRARIES if any(lib in r.values for r in rows)]
    others = [lib for lib in present if lib != "ember"]
    header = ["benchmark", "unit", *present, *[f"ember/{lib}" for lib in others]]
    lines = [header]
    for row in rows:
        cells = [row.name, row.unit]
        cells += [f"{row.values[lib]:.4g}" if lib in row.values else "-" for lib in present]
        for lib in others:
            ok = "ember" in row.values and row.values.get(lib)
            cells.append(f"{row.values['ember'] / row.values[lib]:.2f}x" if ok else "-")
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    padded = ("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines)
    return "\n".join(text.rstrip() for text in padded)
