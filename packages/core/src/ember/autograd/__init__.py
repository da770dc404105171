"""Automatic differentiation: ``backward``, ``grad``, custom ``Function``s, grad modes,
anomaly detection, ``gradcheck``/``gradgradcheck`` and ``autograd.functional``.

The engine is in the compiled core (graph nodes, the backward pass, saved-tensor version
checks); this package is its Python face, with torch.autograd's names and arguments.
"""

from __future__ import annotations

import importlib as _importlib
from collections.abc import Sequence

from ember import _C
from ember.autograd.anomaly_mode import (
    detect_anomaly,
    is_anomaly_check_nan_enabled,
    is_anomaly_enabled,
    set_detect_anomaly,
)
from ember.autograd.function import Function, FunctionCtx, once_differentiable
from ember.autograd.grad_mode import (
    enable_grad,
    inference_mode,
    is_grad_enabled,
    is_inference_mode_enabled,
    no_grad,
    set_grad_enabled,
)

__all__ = [
    "Function",
    "FunctionCtx",
    "backward",
    "detect_anomaly",
    "enable_grad",
    "functional",
    "grad",
    "gradcheck",
    "gradgradcheck",
    "inference_mode",
    "is_anomaly_check_nan_enabled",
    "is_anomaly_enabled",
    "is_grad_enabled",
    "is_inference_mode_enabled",
    "no_grad",
    "once_differentiable",
    "set_detect_anomaly",
    "set_grad_enabled",
]


def _install_node_hooks() -> None:
    from ember._tensor import _hook_registrar

    _C.Node.register_hook = _hook_registrar(_C.Node._register_hook)
    _C.Node.register_prehook = _hook_registrar(_C.Node._register_prehook)


_install_node_hooks()


def _as_tuple(value, name: str) -> tuple:
    if value is None:
        return ()
    if isinstance(value, _C.TensorBase):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(value)
    raise TypeError(f"{name} must be a Tensor or a sequence of Tensors, got {type(value).__name__}")


def _grad_list(grads, count: int, name: str) -> list:
    if grads is None:
        return [None] * count
    if isinstance(grads, _C.TensorBase):
        grads = (grads,)
    grads = list(grads)
    if len(grads) != count:
        raise RuntimeError(
            f"{name} should be a sequence of length {count} but got {len(grads)} entries"
        )
    out = []
    for g in grads:
        if g is not None and not isinstance(g, _C.TensorBase):
            from ember import tensor

            g = tensor(g)
        out.append(g)
    return out


def backward(
    tensors,
    grad_tensors=None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    grad_variables=None,
    inputs=None,
) -> None:
    """Accumulates the gradients of ``tensors`` into the leaves' ``.grad`` (only into
    ``inputs`` when given)."""
    if grad_variables is not None:
        grad_tensors = grad_variables
    tensors = _as_tuple(tensors, "tensors")
    if inputs is not None:
        inputs = _as_tuple(inputs, "inputs")
        if not inputs:
            raise RuntimeError("'inputs' argument to backward() cannot be empty.")
    grads = _grad_list(grad_tensors, len(tensors), "grad_tensors")
    if retain_graph is None:
        retain_graph = create_graph
    _C._run_backward(
        list(tensors), grads, bool(retain_graph), bool(create_graph), list(inputs or ())
    )


def grad(
    outputs,
    inputs,
    grad_outputs=None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    only_inputs: bool = True,
    allow_unused: bool | None = None,
    is_grads_batched: bool = False,
    materialize_grads: bool = False,
) -> tuple:
    """The gradients of ``outputs`` with respect to ``inputs``, returned (not accumulated
    into ``.grad``)."""
    if is_grads_batched:
        raise NotImplementedError("[autograd.grad] is_grads_batched=True (vmap) is not supported")
    if materialize_grads and allow_unused is False:
        raise ValueError(
            "Expected allow_unused to be True or not passed when materialize_grads=True, "
            "but got: allow_unused=False."
        )
    if allow_unused is None:
        allow_unused = materialize_grads
    outputs = _as_tuple(outputs, "outputs")
    inputs_tuple = _as_tuple(inputs, "inputs")
    grads = _grad_list(grad_outputs, len(outputs), "grad_outputs")
    if retain_graph is None:
        retain_graph = create_graph
    return _C._run_grad(
        list(outputs),
        list(inputs_tuple),
        grads,
        bool(retain_graph),
        bool(create_graph),
        bool(allow_unused),
        bool(materialize_grads),
    )


def __getattr__(name: str):
    # gradcheck and functional are only needed by tests and research code.
    if name in ("gradcheck", "gradgradcheck"):
        module = _importlib.import_module("ember.autograd._gradcheck")
        return getattr(module, name)
    if name == "functional":
        return _importlib.import_module(f"ember.autograd.{name}")
    raise AttributeError(f"module 'ember.autograd' has no attribute {name!r}")
