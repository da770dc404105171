"""A model builder: a 2-2-1 perceptron network that computes XOR.

The weights are the textbook solution (an OR unit and an AND unit feeding
"OR and not AND"), so the model needs no training and its output is known exactly.
It is written in plain Python to keep the template about registration; a real plugin
builds an ``ember.nn.Module`` here.
"""

from __future__ import annotations

from collections.abc import Sequence


def _unit(weights: Sequence[float], bias: float, inputs: Sequence[float]) -> int:
    """A threshold unit: 1 when the weighted sum plus bias is positive."""
    total = sum(w * x for w, x in zip(weights, inputs, strict=True)) + bias
    return 1 if total > 0 else 0


class XorMLP:
    """Two hidden threshold units (OR, AND) and one output unit (OR and not AND)."""

    def __init__(self) -> None:
        self.hidden = [([1.0, 1.0], -0.5), ([1.0, 1.0], -1.5)]  # OR, AND
        self.output = ([1.0, -1.0], -0.5)

    def __call__(self, inputs: Sequence[float]) -> int:
        if len(inputs) != 2:
            raise ValueError(f"[xor_mlp] expected 2 inputs, got {len(inputs)}")
        hidden = [_unit(ws, b, inputs) for ws, b in self.hidden]
        return _unit(*self.output, hidden)


def xor_mlp(*, weights: None = None, progress: bool = True) -> XorMLP:
    """Build the XOR network (torchvision-style builder signature).

    >>> model = xor_mlp()
    >>> [model([a, b]) for a in (0, 1) for b in (0, 1)]
    [0, 1, 1, 0]
    """
    if weights is not None:
        raise ValueError("[xor_mlp] has no pretrained weights; its weights are fixed")
    return XorMLP()
