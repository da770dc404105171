"""Legacy tensor type names (ember.FloatTensor, Tensor.type()) as in torch."""

from __future__ import annotations

from ember import _C

_NAMES = {
    "Float": "float32",
    "Double": "float64",
    "Half": "float16",
    "BFloat16": "bfloat16",
    "Byte": "uint8",
    "Char": "int8",
    "Short": "int16",
    "Int": "int32",
    "Long": "int64",
    "Bool": "bool",
    "ComplexFloat": "complex64",
    "ComplexDouble": "complex128",
}
_BY_DTYPE = {getattr(_C, dtype): name for name, dtype in _NAMES.items()}


def type_name(dtype) -> str:
    """'ember.FloatTensor' for float32, ..."""
    return f"ember.{_BY_DTYPE[dtype]}Tensor"


def dtype_from_type_name(name: str):
    short = name.rsplit(".", 1)[-1]
    if not short.endswith("Tensor") or short[: -len("Tensor")] not in _NAMES:
        raise ValueError(f"invalid type: '{name}'")
    return getattr(_C, _NAMES[short[: -len("Tensor")]])
