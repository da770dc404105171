"""Creation functions with torch's signatures: sizes as varargs or one sequence,
``dtype``, ``device``, ``requires_grad`` and ``out`` keywords."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from ember import _C

_py_bool = builtins.bool


def _size(size: tuple, op: str) -> tuple[int, ...]:
    """``zeros(2, 3)``, ``zeros((2, 3))`` and ``zeros([2, 3])`` all mean shape (2, 3)."""
    if len(size) == 1 and isinstance(size[0], Sequence):
        size = tuple(size[0])
    for s in size:
        if isinstance(s, _py_bool) or not hasattr(s, "__index__"):
            raise TypeError(
                f"{op}(): argument 'size' must be a tuple of ints, but found element of type "
                f"{type(s).__name__}"
            )
    return tuple(s.__index__() for s in size)


def _dtype(dtype, default=None):
    if dtype is None:
        return _C.get_default_dtype() if default is None else default
    return dtype


def _device(device) -> Any:
    if device is None:
        return _C.device("cpu")
    if isinstance(device, str):
        return _C.device(device)
    if isinstance(device, int):
        raise RuntimeError(f"device index {device} given without a type; use 'cpu' or 'meta'")
    return device


def _finish(t, requires_grad: _py_bool, out=None):
    if out is not None:
        if out.shape != t.shape:
            out.resize_(t.shape) if hasattr(out, "resize_") else None
        out.copy_(t)
        t = out
    if requires_grad:
        t.requires_grad_(True)
    return t


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new tensor holding a copy of ``data`` (numbers, nested sequences, arrays)."""
    return _finish(_C.tensor(data, dtype=dtype, device=device), requires_grad)


def as_tensor(data, dtype=None, device=None):
    """``data`` as a tensor, sharing memory when it already is one (or a NumPy array) of
    the requested dtype and device."""
    if isinstance(data, _C.TensorBase):
        return data.to(dtype=dtype, device=device)
    if hasattr(data, "__array_interface__") or _is_ndarray(data):
        try:
            t = _C.from_numpy(data)
        except (TypeError, ValueError):
            return tensor(data, dtype=dtype, device=device)
        return t.to(dtype=dtype, device=device)
    return tensor(data, dtype=dtype, device=device)


def _is_ndarray(obj) -> _py_bool:
    return type(obj).__module__ == "numpy" and type(obj).__name__ == "ndarray"


def from_numpy(ndarray):
    """A tensor sharing memory with a NumPy array (writes through either are seen by both)."""
    return _C.from_numpy(ndarray)


def empty(*size, dtype=None, device=None, requires_grad=False, out=None, **_ignored):
    """An uninitialized tensor."""
    return _finish(
        _C.empty(_size(size, "empty"), _dtype(dtype), _device(device)), requires_grad, out
    )


def empty_strided(size, stride, *, dtype=None, device=None, requires_grad=False):
    """An uninitialized tensor with the given strides."""
    t = _C.empty_strided(tuple(size), tuple(stride), _dtype(dtype), _device(device))
    return _finish(t, requires_grad)


def zeros(*size, dtype=None, device=None, requires_grad=False, out=None, **_ignored):
    """A tensor of zeros."""
    return _finish(
        _C.zeros(_size(size, "zeros"), _dtype(dtype), _device(device)), requires_grad, out
    )


def ones(*size, dtype=None, device=None, requires_grad=False, out=None, **_ignored):
    """A tensor of ones."""
    return _finish(_C.ones(_size(size, "ones"), _dtype(dtype), _device(device)), requires_grad, out)


def full(size, fill_value, *, dtype=None, device=None, requires_grad=False, out=None):
    """A tensor filled with ``fill_value``; its dtype follows the value's type when not given
    (bool -> bool, int -> int64, float -> default dtype, complex -> default complex)."""
    if dtype is None:
        dtype = _C._infer_dtype(fill_value)
    t = _C.full(_size((size,), "full"), fill_value, dtype, _device(device))
    return _finish(t, requires_grad, out)


def _like(input, dtype, device):
    return (input.dtype if dtype is None else dtype, input.device if device is None else device)


def empty_like(input, *, dtype=None, device=None, requires_grad=False, **_ignored):
    """An uninitialized tensor shaped like ``input``."""
    dt, dev = _like(input, dtype, device)
    return _finish(_C.empty(input.shape, dt, _device(dev)), requires_grad)


def zeros_like(input, *, dtype=None, device=None, requires_grad=False, **_ignored):
    """Zeros shaped like ``input``."""
    dt, dev = _like(input, dtype, device)
    return _finish(_C.zeros(input.shape, dt, _device(dev)), requires_grad)


def ones_like(input, *, dtype=None, device=None, requires_grad=False, **_ignored):
    """Ones shaped like ``input``."""
    dt, dev = _like(input, dtype, device)
    return _finish(_C.ones(input.shape, dt, _device(dev)), requires_grad)


def full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False, **_ignored):
    """``fill_value`` shaped like ``input``."""
    dt, dev = _like(input, dtype, device)
    return _finish(_C.full(input.shape, fill_value, dt, _device(dev)), requires_grad)


def arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False, out=None):
    """Values from ``start`` to ``end`` (exclusive) every ``step``: ``arange(5)`` is 0..4."""
    if end is None:
        start, end = 0, start
    t = _C.arange(start, end, step, dtype, _device(device))
    return _finish(t, requires_grad, out)


def linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False, out=None):
    """``steps`` values evenly spaced from ``start`` to ``end`` inclusive."""
    t = _C.linspace(start, end, steps, dtype, _device(device))
    return _finish(t, requires_grad, out)


def logspace(
    start, end, steps, base=10.0, *, dtype=None, device=None, requires_grad=False, out=None
):
    """``base ** linspace(start, end, steps)``."""
    t = _C.logspace(start, end, steps, base, dtype, _device(device))
    return _finish(t, requires_grad, out)


def eye(n, m=None, *, dtype=None, device=None, requires_grad=False, out=None):
    """The identity matrix, ``n`` x ``m`` (``m`` defaults to ``n``)."""
    t = _C.eye(n, -1 if m is None else m, _dtype(dtype), _device(device))
    return _finish(t, requires_grad, out)
