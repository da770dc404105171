"""Python-level methods of ember.Tensor (the type itself lives in the compiled core).

Each function here is attached to the type at import; they cover what is naturally
Python (printing, NumPy interop, conversions by name, iteration)."""

from __future__ import annotations

import builtins

from ember import _C
from ember._tensor_str import tensor_repr

Tensor = _C.TensorBase


def _repr(self, *, tensor_contents=None) -> str:
    return tensor_repr(self)


def _format(self, spec: str) -> str:
    if self.dim() == 0:
        return self.item().__format__(spec)
    return object.__format__(self, spec)


def _iter(self):
    if self.dim() == 0:
        raise TypeError("iteration over a 0-d tensor")
    return iter(self.unbind(0))


def _array(self, dtype=None, copy=None):
    import numpy

    array = numpy.asarray(self)
    if dtype is not None and array.dtype != dtype:
        return array.astype(dtype)
    return array.copy() if copy else array


def numpy(self, *, force: builtins.bool = False):
    """A NumPy array sharing this tensor's memory (``force=True``: a detached copy
    allowed even for tensors that require grad)."""
    import numpy as np

    if self.requires_grad:
        if not force:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() "
                "instead."
            )
        return np.asarray(self.detach()).copy()
    return np.asarray(self)


def to(self, *args, **kwargs):
    """``to(dtype)``, ``to(device)``, ``to(device, dtype)``, ``to(other)``, with
    ``copy=`` and ``non_blocking=`` keywords; returns ``self`` when nothing changes."""
    device = kwargs.pop("device", None)
    dtype = kwargs.pop("dtype", None)
    copy = kwargs.pop("copy", False)
    kwargs.pop("non_blocking", None)
    kwargs.pop("memory_format", None)
    if kwargs:
        raise TypeError(f"to() got unexpected keyword arguments {sorted(kwargs)}")
    for arg in args:
        if isinstance(arg, _C.dtype) or arg in (
            builtins.float,
            builtins.int,
            builtins.bool,
            builtins.complex,
        ):
            dtype = arg
        elif isinstance(arg, (str, _C.device)):
            device = arg
        elif isinstance(arg, Tensor):
            device, dtype = arg.device, arg.dtype
        elif isinstance(arg, builtins.bool):
            copy = arg
        elif arg is None:
            continue
        else:
            raise TypeError(f"to() received an invalid argument of type {type(arg).__name__}")
    if isinstance(device, str):
        device = _C.device(device)
    return _C._to(self, device, dtype, copy)


def _converter(dtype):
    def convert(self, memory_format=None):
        return _C._to(self, None, dtype, False)

    convert.__doc__ = f"``self.to({dtype})``."
    return convert


def cpu(self, memory_format=None):
    """This tensor on the CPU (``self`` when it already is)."""
    return _C._to(self, _C.device("cpu"), None, False)


def type_(self, dtype=None, non_blocking=False, **kwargs):
    """Without arguments, the legacy type name ('ember.FloatTensor'); with a dtype (or its
    name), the tensor converted to it."""
    from ember._legacy import dtype_from_type_name, type_name

    if dtype is None:
        return type_name(self.dtype)
    if isinstance(dtype, str):
        dtype = dtype_from_type_name(dtype)
    elif isinstance(dtype, type) and hasattr(dtype, "dtype"):
        dtype = dtype.dtype
    return _C._to(self, None, dtype, False)


def _new(kind):
    from ember import _creation

    def make(self, *size, dtype=None, device=None, requires_grad=False, **_):
        dtype = self.dtype if dtype is None else dtype
        device = self.device if device is None else device
        return getattr(_creation, kind)(
            *size, dtype=dtype, device=device, requires_grad=requires_grad
        )

    return make


def new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False):
    from ember._creation import full

    return full(
        size,
        fill_value,
        dtype=self.dtype if dtype is None else dtype,
        device=self.device if device is None else device,
        requires_grad=requires_grad,
    )


def new_tensor(self, data, *, dtype=None, device=None, requires_grad=False):
    from ember._creation import tensor

    return tensor(
        data,
        dtype=self.dtype if dtype is None else dtype,
        device=self.device if device is None else device,
        requires_grad=requires_grad,
    )


def _contains(self, item) -> builtins.bool:
    if isinstance(item, (Tensor, builtins.int, builtins.float, builtins.bool, builtins.complex)):
        return (
            builtins.bool((self == item).any().item())
            if hasattr(self, "any")
            else builtins.any(v == item for v in self.flatten().tolist())
        )
    raise RuntimeError(
        f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a {type(item)}."
    )


def _reversed(self):
    if self.dim() == 0:
        return self
    return self.flip(0)


# ---- autograd ------------------------------------------------------------------------


def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulates the gradient of this tensor into the leaves' ``.grad``."""
    from ember import autograd

    autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)


def _hook_registrar(register):
    """A register_*hook method: the compiled core keeps one caller per hook, which looks
    the hook up in a dict the returned handle can remove it from."""

    def method(self, hook):
        from ember.utils.hooks import RemovableHandle

        hooks: dict = {}
        handle = RemovableHandle(hooks)
        hooks[handle.id] = hook

        def call(*args):
            fn = hooks.get(handle.id)
            return None if fn is None else fn(*args)

        register(self, call)
        return handle

    return method


def _install() -> None:
    methods = {
        "__repr__": _repr,
        "__format__": _format,
        "__iter__": _iter,
        "__array__": _array,
        "__contains__": _contains,
        "__reversed__": _reversed,
        "numpy": numpy,
        "to": to,
        "cpu": cpu,
        "type": type_,
        "new_full": new_full,
        "new_tensor": new_tensor,
        "new_zeros": _new("zeros"),
        "new_ones": _new("ones"),
        "new_empty": _new("empty"),
        "is_floating_point": lambda self: self.dtype.is_floating_point,
        "is_complex": lambda self: self.dtype.is_complex,
        "__array_priority__": 1000,  # NumPy defers binary operators to tensors
        "backward": backward,
        "register_hook": _hook_registrar(Tensor._register_hook),
        "register_post_accumulate_grad_hook": _hook_registrar(
            Tensor._register_post_accumulate_grad_hook
        ),
    }
    conversions = {
        "float": _C.float32,
        "double": _C.float64,
        "half": _C.float16,
        "bfloat16": _C.bfloat16,
        "int": _C.int32,
        "long": _C.int64,
        "short": _C.int16,
        "char": _C.int8,
        "byte": _C.uint8,
        "bool": _C.bool,
        "cfloat": _C.complex64,
        "cdouble": _C.complex128,
    }
    for name, dtype in conversions.items():
        methods[name] = _converter(dtype)
    for name, value in methods.items():
        setattr(Tensor, name, value)
    Tensor.__module__ = "ember"


_install()
