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


def _legacy_class(short: str, dtype):
    """ember.FloatTensor & co: call them like torch's (sizes, or data), and use them with
    isinstance() to test a tensor's dtype."""

    class _Meta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, _C.TensorBase) and obj.dtype == dtype

        def __call__(cls, *args, device=None):
            import ember

            if (
                len(args) == 1
                and not isinstance(args[0], int)
                and not isinstance(args[0], ember.Size)
            ):
                return ember.tensor(args[0], dtype=dtype, device=device)
            return ember.empty(*args, dtype=dtype, device=device)

    return _Meta(
        f"{short}Tensor",
        (),
        {
            "dtype": dtype,
            "__module__": "ember",
            "__doc__": f"Legacy constructor for {dtype} tensors.",
        },
    )


def install_legacy_constructors(namespace: dict) -> None:
    for short, dtype_name in _NAMES.items():
        namespace[f"{short}Tensor"] = _legacy_class(short, getattr(_C, dtype_name))
