"""RemovableHandle: what every register_*hook returns."""

from __future__ import annotations

import itertools


class RemovableHandle:
    """Removes the hook it was returned for; also a context manager that removes it on
    exit."""

    _ids = itertools.count()

    def __init__(self, hooks_dict: dict) -> None:
        self.hooks_dict = hooks_dict
        self.id = next(RemovableHandle._ids)

    def remove(self) -> None:
        self.hooks_dict.pop(self.id, None)

    def __enter__(self) -> RemovableHandle:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()
