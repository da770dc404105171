"""gradcheck and gradgradcheck: analytical gradients (the engine's) against central
finite differences, as torch.autograd.gradcheck does (same defaults and messages)."""

from __future__ import annotations

import warnings

import numpy as np

import ember
from ember import _C


class GradcheckError(RuntimeError):
    """Raised by gradcheck when a check fails (a RuntimeError, as torch's)."""


def _as_tuple(x) -> tuple:
    return x if isinstance(x, tuple) else tuple(x) if isinstance(x, list) else (x,)


def _differentiable_outputs(outputs) -> list:
    return [o for o in _as_tuple(outputs) if isinstance(o, _C.TensorBase) and o.requires_grad]


def _as_array(t) -> np.ndarray:
    """A writable NumPy view of t's memory (finite differences perturb it in place)."""
    return np.asarray(t.detach())


def _numerical_jacobians(func, inputs, outputs, eps: float) -> list[list[np.ndarray]]:
    """jac[i][k]: d(output k) / d(input i), shape (input numel, output numel)."""
    result = []
    for inp in inputs:
        if not (isinstance(inp, _C.TensorBase) and inp.requires_grad):
            continue
        data = _as_array(inp)
        cols = [np.zeros((inp.numel(), o.numel())) for o in outputs]
        flat_index = np.arange(inp.numel()).reshape(inp.shape) if inp.dim() else None
        for j in range(inp.numel()):
            pos = np.unravel_index(j, inp.shape) if flat_index is not None else ()
            orig = data[pos].copy()
            with ember.no_grad():
                data[pos] = orig + eps
                plus = [_as_array(o).astype(np.float64).copy() for o in _outs(func, inputs)]
                data[pos] = orig - eps
                minus = [_as_array(o).astype(np.float64).copy() for o in _outs(func, inputs)]
                data[pos] = orig
            for k in range(len(outputs)):
                cols[k][j] = ((plus[k] - minus[k]) / (2 * eps)).reshape(-1)
        result.append(cols)
    return result


def _outs(func, inputs) -> list:
    return [
        o
        for o in _as_tuple(func(*inputs))
        if isinstance(o, _C.TensorBase) and (o.dtype.is_floating_point or o.dtype.is_complex)
    ]


def _analytical_jacobians(inputs, outputs) -> list[list[np.ndarray]]:
    diff_inputs = [i for i in inputs if isinstance(i, _C.TensorBase) and i.requires_grad]
    jac = [[np.zeros((i.numel(), o.numel())) for o in outputs] for i in diff_inputs]
    for k, out in enumerate(outputs):
        for m in range(out.numel()):
            grad_out = ember.zeros_like(out)
            grad_out.view(-1)[m] = 1
            grads = ember.autograd.grad(
                out, diff_inputs, grad_out, retain_graph=True, allow_unused=True
            )
            for i, g in enumerate(grads):
                if g is not None:
                    if tuple(g.shape) != tuple(diff_inputs[i].shape):
                        raise GradcheckError(
                            f"Gradient has incorrect size: expected {tuple(diff_inputs[i].shape)}"
                            f", got {tuple(g.shape)}"
                        )
                    jac[i][k][:, m] = _as_array(g).astype(np.float64).reshape(-1)
    return jac


def gradcheck(
    func,
    inputs,
    *,
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-3,
    raise_exception: bool = True,
    nondet_tol: float = 0.0,
    check_undefined_grad: bool = True,
    check_grad_dtypes: bool = False,
    check_batched_grad: bool = False,
    check_batched_forward_grad: bool = False,
    check_forward_ad: bool = False,
    check_backward_ad: bool = True,
    fast_mode: bool = False,
    masked: bool | None = None,
) -> bool:
    """Checks the gradients of ``func`` at ``inputs`` (float64 tensors with
    requires_grad=True) against finite differences."""
    if check_forward_ad or check_batched_grad or check_batched_forward_grad:
        raise NotImplementedError(
            "[gradcheck] forward-mode AD and batched gradients (vmap) are not supported"
        )
    inputs = _as_tuple(inputs)
    if not any(isinstance(i, _C.TensorBase) and i.requires_grad for i in inputs):
        raise ValueError(
            "gradcheck expects at least one input tensor to require gradient, but none of "
            "the them have requires_grad=True."
        )
    for idx, inp in enumerate(inputs):
        if isinstance(inp, _C.TensorBase) and inp.requires_grad and inp.dtype != ember.float64:
            warnings.warn(
                f"Input #{idx} requires gradient and is not a double precision floating point "
                "or complex. This check will likely fail if all the inputs are not of double "
                "precision floating point or complex.",
                stacklevel=2,
            )
    try:
        outputs = _differentiable_outputs(func(*inputs))
        if not outputs:
            # Every output non-differentiable: the gradient must be zero everywhere.
            for num in _numerical_jacobians(func, inputs, _outs(func, inputs), eps):
                for k, jac in enumerate(num):
                    if not np.allclose(jac, 0, atol=atol, rtol=rtol):
                        raise GradcheckError(
                            f"Numerical gradient for function expected to be zero for output {k}"
                        )
            return True
        numerical = _numerical_jacobians(func, inputs, outputs, eps)
        analytical = _analytical_jacobians(inputs, outputs)
        for i, (num_i, ana_i) in enumerate(zip(numerical, analytical, strict=True)):
            for k, (num, ana) in enumerate(zip(num_i, ana_i, strict=True)):
                if not np.allclose(ana, num, rtol=rtol, atol=atol, equal_nan=True):
                    raise GradcheckError(
                        f"Jacobian mismatch for output {k} with respect to input {i},\n"
                        f"numerical:{ember.tensor(num)}\nanalytical:{ember.tensor(ana)}\n"
                    )
        if nondet_tol == 0.0:
            again = _analytical_jacobians(inputs, outputs)
            for ana_i, again_i in zip(analytical, again, strict=True):
                for ana, ana2 in zip(ana_i, again_i, strict=True):
                    if not np.array_equal(ana, ana2, equal_nan=True):
                        raise GradcheckError(
                            "Backward is not reentrant, i.e., running backward with same "
                            "input and grad_output multiple times gives different values, "
                            "although analytical gradient matches numerical gradient."
                        )
    except GradcheckError:
        if raise_exception:
            raise
        return False
    return True


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-3,
    gen_non_contig_grad_outputs: bool = False,
    raise_exception: bool = True,
    nondet_tol: float = 0.0,
    check_undefined_grad: bool = True,
    check_grad_dtypes: bool = False,
    check_batched_grad: bool = False,
    check_fwd_over_rev: bool = False,
    check_rev_over_rev: bool = True,
    fast_mode: bool = False,
    masked: bool = False,
) -> bool:
    """Checks second derivatives: gradcheck of the function (inputs, grad_outputs) ->
    gradients of func, computed with create_graph=True."""
    inputs = _as_tuple(inputs)
    outputs = _differentiable_outputs(func(*inputs))
    if grad_outputs is None:
        gen = ember.Generator().manual_seed(0)
        grad_outputs = tuple(
            ember.randn(o.shape, dtype=o.dtype, generator=gen).requires_grad_() for o in outputs
        )
    grad_outputs = _as_tuple(grad_outputs)
    n_in = len(inputs)
    diff_positions = [
        i for i, x in enumerate(inputs) if isinstance(x, _C.TensorBase) and x.requires_grad
    ]

    def first_derivatives(*args):
        # Finite differences evaluate this under no_grad; the first derivatives still need
        # their graph.
        with ember.enable_grad():
            ins, gos = args[:n_in], args[n_in:]
            outs = _differentiable_outputs(func(*ins))
            diff = [ins[i] for i in diff_positions]
            grads = ember.autograd.grad(outs, diff, gos, create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(
        first_derivatives,
        inputs + grad_outputs,
        eps=eps,
        atol=atol,
        rtol=rtol,
        raise_exception=raise_exception,
        nondet_tol=nondet_tol,
    )
