"""OpInfo: what the generic tests need to know about one op."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

import ember

FLOATING = (ember.float16, ember.bfloat16, ember.float32, ember.float64)
COMPLEX = (ember.complex64, ember.complex128)
INTEGRAL = (ember.uint8, ember.int8, ember.int16, ember.int32, ember.int64)
ALL_REAL = (ember.bool, *INTEGRAL, *FLOATING)

# Comparison tolerances per dtype (rtol, atol), as torch.testing uses.
TOLERANCES = {
    ember.float16: (1e-3, 1e-5),
    ember.bfloat16: (1.6e-2, 1e-5),
    ember.float32: (1.3e-6, 1e-5),
    ember.float64: (1e-7, 1e-7),
    ember.complex64: (1.3e-6, 1e-5),
    ember.complex128: (1e-7, 1e-7),
}

NUMPY_DTYPES = {
    ember.bool: np.bool_,
    ember.uint8: np.uint8,
    ember.int8: np.int8,
    ember.int16: np.int16,
    ember.int32: np.int32,
    ember.int64: np.int64,
    ember.float16: np.float16,
    ember.float32: np.float32,
    ember.float64: np.float64,
    ember.complex64: np.complex64,
    ember.complex128: np.complex128,
}


@dataclass
class Sample:
    """Positional args (the first is the input tensor) and keyword args of one call."""

    args: tuple
    kwargs: dict = field(default_factory=dict)
    name: str = ""


@dataclass
class ErrorInput:
    sample: Sample
    error: type[Exception]
    match: str


@dataclass
class OpInfo:
    """One op. `ref` takes NumPy arrays (and the same kwargs) and returns the expected
    result; `sample_inputs(dtype, rng)` yields Samples whose tensors are ember tensors;
    `result_dtype(*args, **kwargs)` gives the expected dtype (default: the reference's
    dtype cast back, or the input's)."""

    name: str
    op: Callable[..., Any]
    ref: Callable[..., Any] | None
    dtypes: Sequence[Any]
    sample_inputs: Callable[[Any, np.random.Generator], Iterator[Sample]]
    result_dtype: Callable[..., Any] | None = None
    inplace: Callable[..., Any] | None = None  # Tensor.<op>_
    supports_out: bool = False
    error_inputs: Callable[[], Iterator[ErrorInput]] = lambda: iter(())
    differentiable: bool = False
    # Exact: integer-valued results must match exactly (ints, bools, rounding).
    tolerance: Callable[[Any], tuple[float, float]] | None = None
    skip_meta: bool = False  # data-dependent output shapes cannot run on meta


def to_numpy(value):
    """ember tensors (and nested tuples of them) -> NumPy arrays, computing in float64 for
    the 16-bit floats NumPy handles poorly (bfloat16 does not exist there)."""
    if isinstance(value, ember.Tensor):
        if value.dtype in (ember.bfloat16, ember.float16):
            return value.to(ember.float64).numpy()
        return value.numpy().copy()
    if isinstance(value, (tuple, list)):
        return type(value)(to_numpy(v) for v in value)
    return value


def make_tensor(
    shape, dtype, rng: np.random.Generator, *, low=None, high=None, noncontiguous=False
):
    """Random values suitable for `dtype`: bools, small integers, floats in [low, high),
    complex numbers with both parts in [low, high)."""
    if dtype == ember.bool:
        array = rng.random(shape) > 0.5
    elif dtype in INTEGRAL:
        lo = 0 if dtype == ember.uint8 else -9 if low is None else int(low)
        hi = 10 if high is None else int(high)
        array = rng.integers(lo, hi, size=shape)
    else:
        lo = -3.0 if low is None else low
        hi = 3.0 if high is None else high
        array = rng.uniform(lo, hi, size=shape)
        if dtype in COMPLEX:
            # np.array, not a NumPy scalar: 0-d results must stay writable arrays.
            array = np.array(array + 1j * rng.uniform(lo, hi, size=shape))
    t = ember.tensor(np.asarray(array), dtype=dtype)
    if noncontiguous and t.dim() > 0 and t.numel() > 1:
        # Same values, every other element of a doubled last dimension.
        wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=dtype)
        wide[..., ::2] = t
        t = wide[..., ::2]
        assert not t.is_contiguous()
    return t
