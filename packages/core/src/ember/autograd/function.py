"""Custom differentiable functions: subclass ``Function`` with static ``forward`` and
``backward`` (or ``forward`` without ctx plus ``setup_context``), call ``.apply``.

The node recorded for a call lives in the compiled core like every other node; it calls
back into ``backward(ctx, *grads)``. Saved tensors go through ``ctx.save_for_backward``,
which stores them in the node with their versions (so in-place changes are caught and
outputs are saved without a reference cycle); ``ctx`` never refers to the node.
"""

from __future__ import annotations

import functools
from typing import Any

from ember import _C


class FunctionCtx:
    """The ``ctx`` passed to forward/setup_context and backward."""

    def save_for_backward(self, *tensors) -> None:
        for t in tensors:
            if t is not None and not isinstance(t, _C.TensorBase):
                raise TypeError(
                    "save_for_backward can only save variables, but argument "
                    f"{tensors.index(t)} is of type {type(t).__name__}"
                )
        self.to_save = tensors

    def save_for_forward(self, *tensors) -> None:
        self.saved_for_forward = tensors

    @property
    def saved_tensors(self) -> tuple:
        saved = self.__dict__.get("_saved")
        if saved is not None:
            return saved
        return tuple(getattr(self, "to_save", ()))

    def mark_dirty(self, *tensors) -> None:
        self.dirty_tensors = tensors

    def mark_non_differentiable(self, *tensors) -> None:
        self.non_differentiable = tensors

    def set_materialize_grads(self, value: bool) -> None:
        self.materialize_grads = bool(value)


class _FunctionMeta(type):
    """Gives each Function subclass its node name (``<Name>Backward``)."""

    def __init__(cls, name, bases, attrs):
        super().__init__(name, bases, attrs)
        cls._backward_name = f"{name}Backward"


class Function(metaclass=_FunctionMeta):
    """Base class of custom autograd functions (torch.autograd.Function)."""

    # vmap/jvp support flags torch defines; Ember has neither transform.
    generate_vmap_rule = False

    def __init__(self, *args, **kwargs) -> None:
        raise RuntimeError(
            "Legacy autograd function with non-static forward method is deprecated. Please "
            "use new-style autograd function with static forward method. (Example: "
            "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
        )

    @staticmethod
    def forward(*args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            "You must implement the forward function for custom autograd.Function."
        )

    @staticmethod
    def setup_context(ctx: Any, inputs: tuple, output: Any) -> Any:
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx: Any, *grad_outputs: Any) -> Any:
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    vjp = backward

    @staticmethod
    def jvp(ctx: Any, *grad_inputs: Any) -> Any:
        raise NotImplementedError("[autograd.Function] forward-mode AD (jvp) is not supported")

    @classmethod
    def apply(cls, *args, **kwargs):
        if kwargs:
            raise TypeError(f"{cls.__name__}.apply does not take keyword arguments")
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, _C.TensorBase) and a.requires_grad for a in args)
        record = _C.is_grad_enabled() and any(ctx.needs_input_grad)
        uses_setup_context = cls.setup_context is not Function.setup_context
        prev = _C.is_grad_enabled()
        _C._set_grad_enabled(False)
        try:
            if uses_setup_context:
                output = cls.forward(*args)
                cls.setup_context(ctx, args, output)
            else:
                output = cls.forward(ctx, *args)
        finally:
            _C._set_grad_enabled(prev)
        if not record:
            return output
        is_tuple = isinstance(output, tuple)
        outputs = output if is_tuple else (output,)
        tensor_outputs = [o if isinstance(o, _C.TensorBase) else None for o in outputs]
        recorded = _C._record_function(
            cls._backward_name,
            ctx,
            cls._call_backward,
            args,
            tensor_outputs,
            list(getattr(ctx, "to_save", ())),
            list(getattr(ctx, "dirty_tensors", ())),
            list(getattr(ctx, "non_differentiable", ())),
            getattr(ctx, "materialize_grads", True),
        )
        final = tuple(r if r is not None else o for r, o in zip(recorded, outputs, strict=True))
        return final if is_tuple else final[0]

    @classmethod
    def _call_backward(cls, ctx, *grads):
        return cls.backward(ctx, *grads)


def once_differentiable(fn):
    """Marks a backward as not differentiable itself: it runs without recording, and
    differentiating its result raises."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        prev = _C.is_grad_enabled()
        _C._set_grad_enabled(False)
        try:
            outputs = fn(ctx, *args)
        finally:
            _C._set_grad_enabled(prev)
        if not prev:
            return outputs
        requires_grad = any(isinstance(a, _C.TensorBase) and a.requires_grad for a in args)
        if not requires_grad:
            return outputs
        # Outputs are tied to the incoming gradients by a node whose backward raises, so
        # differentiating through this backward fails loudly rather than silently.
        is_tuple = isinstance(outputs, tuple)
        outs = outputs if is_tuple else (outputs,)
        recorded = _C._record_function(
            "DelayedError",
            FunctionCtx(),
            _raise_differentiated_twice,
            args,
            [o if isinstance(o, _C.TensorBase) else None for o in outs],
            [],
            [],
            [],
            True,
        )
        wrapped = tuple(r if r is not None else o for r, o in zip(recorded, outs, strict=True))
        return wrapped if is_tuple else wrapped[0]

    return wrapper


def _raise_differentiated_twice(ctx, *grads):
    raise RuntimeError(
        "trying to differentiate twice a function that was marked with @once_differentiable"
    )
