"""The op database: one OpInfo record per public op, feeding the generic tests in
test_op_db.py (values against a NumPy reference for every dtype the op claims, with
non-contiguous, broadcast, 0-d and empty inputs and edge values; error inputs; meta
tensors; in-place and out= variants).

Each op family lists its records in a module of this package (elementwise.py, views.py,
...); ALL_OPS gathers them. test_op_db.py fails when a public op has no record.
"""

from __future__ import annotations

import importlib
import pkgutil

from op_db.opinfo import ErrorInput, OpInfo, Sample  # noqa: F401

ALL_OPS: list[OpInfo] = []
for _module in pkgutil.iter_modules(__path__):
    if _module.name != "opinfo":
        ALL_OPS.extend(importlib.import_module(f"op_db.{_module.name}").OPS)

BY_NAME = {op.name: op for op in ALL_OPS}
