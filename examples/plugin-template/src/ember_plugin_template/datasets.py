"""A dataset: the XOR truth table, as ``(inputs, label)`` pairs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class XorDataset:
    """The four XOR cases, ``dataset[i] == ([a, b], a ^ b)``.

    >>> XorDataset()[3]
    ([1, 1], 0)
    """

    def __init__(self, transform: Callable[[Any], Any] | None = None) -> None:
        self.samples = [([a, b], a ^ b) for a in (0, 1) for b in (0, 1)]
        self.transform = transform

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, index: int) -> tuple[Any, int]:
        inputs, label = self.samples[index]
        if self.transform is not None:
            inputs = self.transform(inputs)
        return inputs, label
