"""Shared benchmark plumbing: medians over repeats and a ratio table.

A benchmark yields rows of (name, unit, {"ember": t, "numpy": t, "torch": t}); the table
prints each library's median and ember's ratio to the others (below 1 means ember is
faster or smaller). A row may carry the target the project holds it to (issue 3's
numbers): the table then says whether this run met it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

LIBRARIES = ("ember", "numpy", "torch")


@dataclass(frozen=True)
class Target:
    """ember's value must be at most (or, with `higher_is_better`, at least) `bound`
    times `library`'s value, or `bound` itself when `library` is None."""

    bound: float
    library: str | None = None
    higher_is_better: bool = False

    def describe(self, unit: str) -> str:
        op = ">=" if self.higher_is_better else "<="
        if self.library is None:
            return f"{op} {self.bound:g} {unit}"
        return f"{op} {self.bound:g}x {self.library}"

    def met(self, values: dict[str, float]) -> bool | None:
        """None when the reference library is not installed in this run."""
        if "ember" not in values:
            return None
        if self.library is None:
            reference = self.bound
        elif self.library in values:
            reference = self.bound * values[self.library]
        else:
            return None
        ember = values["ember"]
        return ember >= reference if self.higher_is_better else ember <= reference


@dataclass
class Row:
    name: str
    unit: str
    values: dict[str, float] = field(default_factory=dict)
    target: Target | None = None


def format_table(rows: Iterable[Row]) -> str:
    rows = list(rows)
    present = [lib for lib in LIBRARIES if any(lib in r.values for r in rows)]
    others = [lib for lib in present if lib != "ember"]
    header = ["benchmark", "unit", *present, *[f"ember/{lib}" for lib in others], "target"]
    lines = [header]
    for row in rows:
        cells = [row.name, row.unit]
        cells += [f"{row.values[lib]:.4g}" if lib in row.values else "-" for lib in present]
        for lib in others:
            ok = "ember" in row.values and row.values.get(lib)
            cells.append(f"{row.values['ember'] / row.values[lib]:.2f}x" if ok else "-")
        cells.append(target_cell(row))
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    padded = ("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines)
    return "\n".join(text.rstrip() for text in padded)


def target_cell(row: Row) -> str:
    if row.target is None:
        return ""
    met = row.target.met(row.values)
    verdict = {True: "met", False: "MISSED", None: "n/a"}[met]
    return f"{row.target.describe(row.unit)}: {verdict}"
