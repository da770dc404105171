"""gradcheck (float64 finite differences) for every op that has a derivative, and
gradgradcheck for those differentiable twice. The table lists each op with the input
domain where its derivative exists."""

from __future__ import annotations

import numpy as np
import pytest

import ember
from ember.autograd import gradcheck, gradgradcheck

RNG = np.random.default_rng(0)


def make(shape, low=-2.0, high=2.0):
    return ember.tensor(RNG.uniform(low, high, size=shape), dtype=ember.float64, requires_grad=True)


# name -> (function, input domain); unary ops
UNARY = {
    "exp": (ember.exp, (-2, 2)),
    "exp2": (ember.exp2, (-2, 2)),
    "expm1": (ember.expm1, (-2, 2)),
    "log": (ember.log, (0.5, 3)),
    "log2": (ember.log2, (0.5, 3)),
    "log10": (ember.log10, (0.5, 3)),
    "log1p": (ember.log1p, (-0.5, 3)),
    "sqrt": (ember.sqrt, (0.5, 3)),
    "rsqrt": (ember.rsqrt, (0.5, 3)),
    "sin": (ember.sin, (-2, 2)),
    "cos": (ember.cos, (-2, 2)),
    "tan": (ember.tan, (-1, 1)),
    "asin": (ember.asin, (-0.8, 0.8)),
    "acos": (ember.acos, (-0.8, 0.8)),
    "atan": (ember.atan, (-2, 2)),
    "sinh": (ember.sinh, (-2, 2)),
    "cosh": (ember.cosh, (-2, 2)),
    "tanh": (ember.tanh, (-2, 2)),
    "asinh": (ember.asinh, (-2, 2)),
    "acosh": (ember.acosh, (1.5, 3)),
    "atanh": (ember.atanh, (-0.8, 0.8)),
    "sigmoid": (ember.sigmoid, (-2, 2)),
    "erf": (ember.erf, (-2, 2)),
    "erfc": (ember.erfc, (-2, 2)),
    "erfinv": (ember.erfinv, (-0.8, 0.8)),
    "reciprocal": (ember.reciprocal, (0.5, 3)),
    "silu": (ember.silu, (-2, 2)),
    "mish": (ember.mish, (-2, 2)),
    "neg": (ember.neg, (-2, 2)),
    "abs": (ember.abs, (0.2, 2)),
    "frac": (lambda x: ember.frac(x), (0.1, 0.9)),
    "relu": (ember.relu, (0.2, 2)),
    "floor": (ember.floor, (0.1, 0.9)),
    "sign": (ember.sign, (0.2, 2)),
}

BINARY = {
    "add": (lambda a, b: a + b, (-2, 2), (-2, 2)),
    "add_alpha": (lambda a, b: ember.add(a, b, alpha=3), (-2, 2), (-2, 2)),
    "sub": (lambda a, b: a - b, (-2, 2), (-2, 2)),
    "rsub_number": (lambda a, b: 2.0 - a * b, (-2, 2), (-2, 2)),
    "mul": (lambda a, b: a * b, (-2, 2), (-2, 2)),
    "div": (lambda a, b: a / b, (-2, 2), (0.5, 2)),
    "pow": (lambda a, b: a**b, (0.5, 2), (-2, 2)),
    "pow_number": (lambda a, b: a**2.5 + b, (0.5, 2), (-2, 2)),
    "maximum": (ember.maximum, (-2, 2), (-2, 2)),
    "minimum": (ember.minimum, (-2, 2), (-2, 2)),
    "fmax": (ember.fmax, (-2, 2), (-2, 2)),
    "fmin": (ember.fmin, (-2, 2), (-2, 2)),
    "atan2": (ember.atan2, (0.5, 2), (0.5, 2)),
    "hypot": (ember.hypot, (0.5, 2), (0.5, 2)),
    "logaddexp": (ember.logaddexp, (-2, 2), (-2, 2)),
    "logaddexp2": (ember.logaddexp2, (-2, 2), (-2, 2)),
    "remainder": (ember.remainder, (0.1, 0.9), (1.5, 2)),
    "fmod": (ember.fmod, (0.1, 0.9), (1.5, 2)),
    "copysign": (ember.copysign, (0.5, 2), (-2, 2)),
}


# Differentiable once only until the ops their derivatives use get derivatives too:
# mish's uses softplus.
ONCE_ONLY = {"mish"}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary(name):
    fn, (low, high) = UNARY[name]
    x = make((3, 4), low, high)
    assert gradcheck(fn, (x,))
    if name not in ONCE_ONLY:
        assert gradgradcheck(fn, (x,))


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_with_broadcasting(name):
    fn, (la, ha), (lb, hb) = BINARY[name]
    a, b = make((3, 1), la, ha), make((4,), lb, hb)
    assert gradcheck(fn, (a, b))
    assert gradgradcheck(fn, (a, b))


@pytest.mark.parametrize(
    "name, fn, shape",
    [
        ("sum", lambda x: x.sum(), (3, 4)),
        ("sum_dim", lambda x: x.sum(dim=1), (3, 4)),
        ("sum_dims_keepdim", lambda x: x.sum(dim=(0, 2), keepdim=True), (2, 3, 4)),
        ("mean", lambda x: x.mean(), (3, 4)),
        ("mean_dim", lambda x: x.mean(-1), (3, 4)),
        ("view", lambda x: x.view(4, 3) * 2, (3, 4)),
        ("reshape_copy", lambda x: x.t().reshape(12), (3, 4)),
        ("transpose", lambda x: x.transpose(0, 1) * ember.arange(3.0), (3, 4)),
        ("permute", lambda x: x.permute(2, 0, 1).exp(), (2, 3, 4)),
        ("expand", lambda x: x.expand(2, 3, 4) * 1.5, (3, 1)),
        ("squeeze_unsqueeze", lambda x: x.unsqueeze(0).squeeze(1), (3, 1)),
        ("select", lambda x: x[1] * 2, (3, 4)),
        ("slice_step", lambda x: x[:, 1::2].exp(), (3, 5)),
        ("narrow", lambda x: x.narrow(1, 1, 2), (3, 4)),
        ("diagonal", lambda x: x.diagonal(offset=1), (4, 4)),
        ("unbind", lambda x: x.unbind(1)[2] * 3, (3, 4)),
        ("flatten", lambda x: x.flatten(), (2, 3, 2)),
    ],
)
def test_reductions_and_views(name, fn, shape):
    x = make(shape)
    assert gradcheck(fn, (x,))


@pytest.mark.parametrize(
    "sa, sb",
    [
        ((3, 4), (4, 2)),
        ((4,), (4, 2)),
        ((3, 4), (4,)),
        ((4,), (4,)),
        ((2, 3, 4), (4, 5)),
        ((2, 1, 3, 4), (5, 4, 2)),
    ],
)
def test_matmul(sa, sb):
    a, b = make(sa), make(sb)
    assert gradcheck(ember.matmul, (a, b))
    assert gradgradcheck(ember.matmul, (a, b))


def test_mm_bmm_mv_dot():
    assert gradcheck(ember.mm, (make((2, 3)), make((3, 4))))
    assert gradcheck(ember.bmm, (make((2, 2, 3)), make((2, 3, 4))))
    assert gradcheck(ember.mv, (make((2, 3)), make((3,))))
    assert gradcheck(ember.dot, (make((3,)), make((3,))))


def test_gradcheck_reports_a_wrong_derivative():
    class Wrong(ember.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, grad):
            return grad * 3

    x = make((3,))
    with pytest.raises(
        RuntimeError, match="Jacobian mismatch for output 0 with respect to input 0"
    ):
        gradcheck(Wrong.apply, (x,))
    assert not gradcheck(Wrong.apply, (x,), raise_exception=False)
