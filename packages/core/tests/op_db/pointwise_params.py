"""Records of the elementwise ops with several operands or parameters (ops/ternary.h,
ops/pointwise_params.h): where, clamp/clip/clamp_min/clamp_max, lerp, addcmul, addcdiv,
square, round, logit, gelu, softplus, nan_to_num, xlogy."""

from __future__ import annotations

import math

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

ALL_TYPES = (*ALL_REAL, ember.complex64, ember.complex128)
NUMERIC = (*INTEGRAL, *FLOATING)


def method(name):
    return lambda x, *args, **kwargs: getattr(x, name)(*args, **kwargs)


def same_dtype(x, *args, **kwargs):
    return x.dtype


def float_dtype(x, *args, **kwargs):
    return x.dtype if x.dtype.is_floating_point else ember.get_default_dtype()


# ---- where -----------------------------------------------------------------------------------


def cond(rng, shape):
    return ember.tensor(rng.random(shape) > 0.5)


def where_samples(dtype, rng):
    yield Sample(
        (cond(rng, (3, 4)), make_tensor((3, 4), dtype, rng), make_tensor((3, 4), dtype, rng)),
        name="same shapes",
    )
    yield Sample(
        (cond(rng, (3, 1)), make_tensor((4,), dtype, rng), make_tensor((2, 1, 1), dtype, rng)),
        name="broadcast all three",
    )
    yield Sample(
        (
            cond(rng, (3, 4)),
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            make_tensor((4, 3), dtype, rng).t(),
        ),
        name="noncontiguous",
    )
    yield Sample((cond(rng, (3, 4)), make_tensor((3, 4), dtype, rng), 2), name="tensor, int")
    yield Sample((cond(rng, (3, 4)), 1.5, make_tensor((3, 4), dtype, rng)), name="float, tensor")
    yield Sample(
        (cond(rng, ()), make_tensor((), dtype, rng), make_tensor((), dtype, rng)), name="0-d"
    )
    yield Sample(
        (cond(rng, (0, 4)), make_tensor((0, 4), dtype, rng), make_tensor((4,), dtype, rng)),
        name="empty",
    )
    other = ember.int8 if dtype in (ember.bool, ember.uint8) else ember.float64
    yield Sample(
        (cond(rng, (3, 4)), make_tensor((3, 4), dtype, rng), make_tensor((3, 4), other, rng)),
        name="promotion",
    )


def _where_dtype(c, x, y):
    return ember.result_type(x, y)


def _where_ref(c, x, y):
    return np.where(c, x, y)


def where_errors():
    x = ember.zeros(3)
    yield ErrorInput(
        Sample((ember.ones(3, dtype=ember.int32), x, x)),
        RuntimeError,
        r"where expected condition to be a boolean tensor, but got a tensor with "
        r"dtype int32",
    )
    yield ErrorInput(
        Sample((ember.ones(3, dtype=ember.bool), x.to(ember.int8), 300)),
        RuntimeError,
        r"value 300 cannot be converted to type int8 without overflow",
    )
    yield ErrorInput(
        Sample((ember.ones(4, dtype=ember.bool), x, x)),
        RuntimeError,
        r"must match the size of tensor b",
    )


# ---- clamp -------------------------------------------------------------------------------------


def clamp_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    lo = 0 if dtype == ember.uint8 else -1  # -1 does not fit uint8: an error, as torch
    yield Sample((x, lo, 2), name="numbers")
    yield Sample((x, None, 1), name="max only")
    yield Sample((x, 0), name="min only")
    yield Sample((x, 2, lo), name="min > max gives max")
    yield Sample(
        (x, make_tensor((4,), dtype, rng), make_tensor((3, 1), dtype, rng, low=2)),
        name="tensor bounds, broadcast",
    )
    yield Sample(
        (
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            None,
            make_tensor((4, 3), dtype, rng).t(),
        ),
        name="noncontiguous, tensor max",
    )
    yield Sample((make_tensor((), dtype, rng), lo, 1), name="0-d")
    yield Sample((make_tensor((0, 3), dtype, rng), lo, 1), name="empty")
    if dtype in INTEGRAL:
        yield Sample((x, 0.5, 2.5), name="float bounds promote integers")
    if dtype.is_floating_point:
        edge = ember.tensor([math.nan, -math.inf, math.inf, 0.0, 1.0], dtype=dtype)
        yield Sample((edge, -1.0, 0.5), name="nan and infinities")
        yield Sample((edge, math.nan, 0.5), name="nan bound")
        yield Sample((edge, None, math.nan), name="nan max")


def _clamp_ref(x, lo=None, hi=None):
    # NumPy's maximum/minimum propagate nan from either side, as torch's clamp does.
    out = x
    if lo is not None:
        out = np.maximum(out, lo)
    if hi is not None:
        out = np.minimum(out, hi)
    return out


def _clamp_dtype(x, lo=None, hi=None):
    dtype = x.dtype
    for bound in (lo, hi):
        if bound is not None:
            dtype = ember.result_type(
                ember.empty(x.shape, dtype=dtype) if x.dim() else ember.tensor(0, dtype=dtype),
                bound,
            )
    return dtype


def clamp_errors():
    x = ember.zeros(3)
    yield ErrorInput(Sample((x,)), RuntimeError, r"At least one of 'min' or 'max' must not be None")
    yield ErrorInput(
        Sample((x.to(ember.int8), 1000)),
        RuntimeError,
        r"value 1000 cannot be converted to type int8 without overflow",
    )
    yield ErrorInput(
        Sample((x.to(ember.complex64), 0)),
        NotImplementedError,
        r"clamp is not supported for complex types",
    )
    yield ErrorInput(Sample((x, ember.zeros(4))), RuntimeError, r"must match the size")


def clamp_inplace(x, *args, **kwargs):
    return x.clamp_(*args, **kwargs)


def clamp_min_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 0), name="number")
    yield Sample((x, make_tensor((4,), dtype, rng)), name="tensor")
    yield Sample((make_tensor((), dtype, rng), 1), name="0-d")


def clamp_max_samples(dtype, rng):
    yield from clamp_min_samples(dtype, rng)


# ---- lerp / addcmul / addcdiv ----------------------------------------------------------------


def lerp_samples(dtype, rng):
    a, b = make_tensor((3, 4), dtype, rng), make_tensor((3, 4), dtype, rng)
    yield Sample((a, b, 0.25), name="scalar weight < 0.5")
    yield Sample((a, b, 0.75), name="scalar weight >= 0.5")
    yield Sample((a, b, 2), name="extrapolation")
    yield Sample(
        (a, make_tensor((4,), dtype, rng), make_tensor((3, 1), dtype, rng, low=0, high=1)),
        name="tensor weight, broadcast",
    )
    yield Sample(
        (
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            make_tensor((4, 3), dtype, rng).t(),
            ember.tensor(0.375, dtype=ember.float64),
        ),
        name="noncontiguous, 0-d float64 weight",
    )
    yield Sample((make_tensor((), dtype, rng), make_tensor((), dtype, rng), 0.5), name="0-d")
    yield Sample(
        (make_tensor((0, 4), dtype, rng), make_tensor((0, 4), dtype, rng), 0.5), name="empty"
    )


def _lerp_ref(a, b, w):
    w = np.asarray(w)
    return np.where(np.abs(w) < 0.5, a + w * (b - a), b - (b - a) * (1 - w))


def lerp_errors():
    a = ember.zeros(2)
    yield ErrorInput(
        Sample((a, a.to(ember.float64), 0.5)),
        RuntimeError,
        r"expected dtype float32 for `end` but got dtype float64",
    )
    yield ErrorInput(
        Sample((a, a, ember.zeros(2, dtype=ember.float64))),
        RuntimeError,
        r"expected dtype float32 for `weight` but got dtype float64",
    )
    yield ErrorInput(
        Sample((a.to(ember.int64), a.to(ember.int64), 0.5)),
        NotImplementedError,
        r"lerp is not implemented for dtype int64",
    )


def addc_samples(divide):
    def samples(dtype, rng):
        low = 0.5 if divide else None
        t1 = make_tensor((3, 4), dtype, rng)
        t2 = make_tensor((3, 4), dtype, rng, low=low, high=3)
        yield Sample((make_tensor((3, 4), dtype, rng), t1, t2), name="same shapes")
        yield Sample((make_tensor((3, 4), dtype, rng), t1, t2), {"value": 2}, name="value=2")
        yield Sample(
            (
                make_tensor((4,), dtype, rng),
                make_tensor((3, 1), dtype, rng),
                make_tensor((4,), dtype, rng, low=low, high=3),
            ),
            name="broadcast",
        )
        yield Sample(
            (
                make_tensor((3, 4), dtype, rng, noncontiguous=True),
                make_tensor((4, 3), dtype, rng).t(),
                t2,
            ),
            name="noncontiguous",
        )
        yield Sample(
            (
                make_tensor((), dtype, rng),
                make_tensor((), dtype, rng),
                make_tensor((), dtype, rng, low=low, high=3),
            ),
            name="0-d",
        )
        if not divide and dtype in INTEGRAL:
            yield Sample(
                (make_tensor((3, 4), dtype, rng), t1, t2),
                {"value": 2.5},
                name="float value truncates for integers",
            )
        if dtype != ember.float64:
            yield Sample(
                (
                    make_tensor((3, 4), dtype, rng),
                    t1,
                    make_tensor((3, 4), ember.float64, rng, low=low, high=3),
                ),
                name="promotion",
            )

    return samples


def _addcmul_ref(x, a, b, value=1):
    dtype = np.result_type(x, a, b)
    if np.issubdtype(dtype, np.integer):
        value = int(value)
    return (x + np.asarray(value).astype(dtype) * a * b).astype(dtype)


def _addcdiv_ref(x, a, b, value=1):
    return x + value * a / b


def addcdiv_errors():
    x = ember.zeros(3, dtype=ember.int64)
    yield ErrorInput(
        Sample((x.float(), x, x)),
        RuntimeError,
        r"Integer division with addcdiv is no longer supported",
    )


def addcmul_errors():
    x = ember.zeros(3, dtype=ember.bool)
    yield ErrorInput(Sample((x, x, x)), NotImplementedError, r"not implemented for dtype bool")


# ---- one-tensor ops with parameters ------------------------------------------------------------


SHAPES = [(), (0,), (5,), (3, 4)]


def unary_samples(low=None, high=None, extra=()):
    def samples(dtype, rng):
        for shape in SHAPES:
            yield Sample((make_tensor(shape, dtype, rng, low=low, high=high),), name=str(shape))
        yield Sample(
            (make_tensor((3, 4), dtype, rng, low=low, high=high, noncontiguous=True),),
            name="noncontiguous",
        )
        yield Sample((make_tensor((4, 3), dtype, rng, low=low, high=high).t(),), name="transposed")
        for kwargs in extra:
            yield Sample(
                (make_tensor((3, 4), dtype, rng, low=low, high=high),),
                dict(kwargs),
                name=str(kwargs),
            )

    return samples


def _square_dtype(x, **kwargs):
    return ember.int64 if x.dtype == ember.bool else x.dtype


def _square_ref(x):
    if x.dtype == np.bool_:
        x = x.astype(np.int64)
    return x * x


def round_samples(dtype, rng):
    yield from unary_samples(low=-30, high=30)(dtype, rng)
    if dtype.is_floating_point:
        yield Sample(
            (ember.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 0.49], dtype=dtype),), name="half to even"
        )
        for decimals in (1, 2, -1):
            yield Sample(
                (make_tensor((3, 4), dtype, rng, low=-300, high=300),),
                {"decimals": decimals},
                name=f"decimals={decimals}",
            )


def _round_ref(x, decimals=0):
    if not np.issubdtype(x.dtype, np.floating):
        return x.copy()
    return np.round(x, decimals)


def round_errors():
    yield ErrorInput(
        Sample((ember.zeros(3, dtype=ember.int64),), {"decimals": 1}),
        NotImplementedError,
        r"decimals with integer inputs",
    )
    yield ErrorInput(
        Sample((ember.zeros(3, dtype=ember.bool),)),
        NotImplementedError,
        r"round is not implemented for dtype bool",
    )


def _logit_ref(x, eps=None):
    x = x.astype(np.float64) if not np.issubdtype(x.dtype, np.floating) else x
    if eps is not None:
        x = np.clip(x, eps, 1 - eps)
    return np.log(x / (1 - x))


def logit_samples(dtype, rng):
    if dtype in INTEGRAL or dtype == ember.bool:
        yield from unary_samples(low=0, high=2, extra=({"eps": 0.2},))(dtype, rng)
        return
    yield from unary_samples(low=0.01, high=0.99, extra=({"eps": 0.2},))(dtype, rng)
    if dtype.is_floating_point:
        yield Sample((ember.tensor([0.0, 0.25, 1.0], dtype=dtype),), name="ends: infinities")
        yield Sample(
            (ember.tensor([0.0, 0.25, 1.0], dtype=dtype),), {"eps": 0.1}, name="eps clamps the ends"
        )


def _erf(x):
    return np.vectorize(math.erf, otypes=[np.float64])(x)


def _gelu_ref(x, approximate="none"):
    if approximate == "tanh":
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    return 0.5 * x * (1 + _erf(x / math.sqrt(2)))


def gelu_errors():
    yield ErrorInput(
        Sample((ember.zeros(2),), {"approximate": "foo"}),
        RuntimeError,
        r"approximate argument must be either none or tanh",
    )
    yield ErrorInput(
        Sample((ember.zeros(2, dtype=ember.int64),)),
        NotImplementedError,
        r"gelu is not implemented for dtype int64",
    )


def _softplus_ref(x, beta=1, threshold=20):
    with np.errstate(over="ignore"):
        return np.where(x * beta > threshold, x, np.log1p(np.exp(x * beta)) / beta)


def softplus_samples(dtype, rng):
    yield from unary_samples(low=-5, high=25, extra=({"beta": 2, "threshold": 10}, {"beta": 0.5}))(
        dtype, rng
    )


def nan_to_num_samples(dtype, rng):
    yield from unary_samples(extra=({"nan": 1.5},))(dtype, rng)
    if dtype.is_floating_point:
        edge = ember.tensor([math.nan, math.inf, -math.inf, 1.0, -0.0], dtype=dtype)
        if dtype not in (ember.float16, ember.bfloat16):
            # The reference computes in float64, whose largest value is not the dtype's;
            # test_pointwise_params.py covers the 16-bit defaults.
            yield Sample((edge,), name="defaults")
        yield Sample((edge,), {"nan": 2.0, "posinf": 10.0, "neginf": -10.0}, name="all given")
        yield Sample((edge,), {"posinf": 1e10, "neginf": -5.0}, name="posinf overflowing the dtype")
    if dtype.is_complex:
        yield Sample(
            (ember.tensor([complex(math.nan, math.inf), 1 - 1j], dtype=dtype),),
            name="complex parts",
        )


def _nan_to_num_ref(x, nan=0.0, posinf=None, neginf=None):
    if x.dtype.kind not in "fc":
        return x.copy()
    return np.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)


def xlogy_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng, low=0, high=3)
    y = make_tensor((3, 4), dtype, rng, low=0.1, high=3)
    yield Sample((x, y), name="same shape")
    yield Sample(
        (
            make_tensor((4,), dtype, rng, low=0, high=3),
            make_tensor((3, 1), dtype, rng, low=0.1, high=3),
        ),
        name="broadcast",
    )
    yield Sample((x, 3), name="number other")
    yield Sample(
        (make_tensor((), dtype, rng, low=0, high=3), make_tensor((), dtype, rng, low=0.1, high=3)),
        name="0-d",
    )
    if dtype.is_floating_point:
        yield Sample(
            (
                ember.tensor([0.0, 0.0, 1.0, 2.0], dtype=dtype),
                ember.tensor([0.0, math.nan, math.nan, 0.0], dtype=dtype),
            ),
            name="zeros and nan",
        )


def _xlogy_ref(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    with np.errstate(all="ignore"):
        out = x * np.log(y)
    out = np.where((x == 0) & ~np.isnan(y), 0.0, out)
    return out


def _xlogy_dtype(x, y):
    t = ember.result_type(x, y)
    return t if t.is_floating_point else ember.get_default_dtype()


OPS: list[OpInfo] = [
    OpInfo(
        name="where",
        op=ember.where,
        ref=_where_ref,
        dtypes=ALL_TYPES,
        sample_inputs=where_samples,
        result_dtype=_where_dtype,
        supports_out=True,
        error_inputs=where_errors,
        differentiable=True,
    ),
    OpInfo(
        name="clamp",
        op=ember.clamp,
        ref=_clamp_ref,
        dtypes=NUMERIC,
        sample_inputs=clamp_samples,
        result_dtype=_clamp_dtype,
        supports_out=True,
        inplace=clamp_inplace,
        error_inputs=clamp_errors,
        differentiable=True,
    ),
    OpInfo(
        name="clip",
        op=ember.clip,
        ref=_clamp_ref,
        dtypes=NUMERIC,
        sample_inputs=clamp_samples,
        result_dtype=_clamp_dtype,
        supports_out=True,
        inplace=method("clip_"),
        differentiable=True,
    ),
    OpInfo(
        name="clamp_min",
        op=ember.clamp_min,
        ref=lambda x, m: _clamp_ref(x, m, None),
        dtypes=NUMERIC,
        sample_inputs=clamp_min_samples,
        result_dtype=lambda x, m: _clamp_dtype(x, m),
        inplace=method("clamp_min_"),
        differentiable=True,
    ),
    OpInfo(
        name="clamp_max",
        op=ember.clamp_max,
        ref=lambda x, m: _clamp_ref(x, None, m),
        dtypes=NUMERIC,
        sample_inputs=clamp_max_samples,
        result_dtype=lambda x, m: _clamp_dtype(x, None, m),
        inplace=method("clamp_max_"),
        differentiable=True,
    ),
    OpInfo(
        name="lerp",
        op=ember.lerp,
        ref=_lerp_ref,
        dtypes=(*FLOATING, ember.complex64, ember.complex128),
        sample_inputs=lerp_samples,
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("lerp_"),
        error_inputs=lerp_errors,
        differentiable=True,
    ),
    OpInfo(
        name="addcmul",
        op=ember.addcmul,
        ref=_addcmul_ref,
        dtypes=(*NUMERIC, ember.complex64, ember.complex128),
        sample_inputs=addc_samples(False),
        result_dtype=lambda x, a, b, **k: ember.promote_types(
            ember.promote_types(x.dtype, a.dtype), b.dtype
        ),
        supports_out=True,
        inplace=method("addcmul_"),
        error_inputs=addcmul_errors,
        differentiable=True,
    ),
    OpInfo(
        name="addcdiv",
        op=ember.addcdiv,
        ref=_addcdiv_ref,
        dtypes=(*FLOATING, ember.complex64, ember.complex128),
        sample_inputs=addc_samples(True),
        result_dtype=lambda x, a, b, **k: ember.promote_types(
            ember.promote_types(x.dtype, a.dtype), b.dtype
        ),
        supports_out=True,
        inplace=method("addcdiv_"),
        error_inputs=addcdiv_errors,
        differentiable=True,
    ),
    OpInfo(
        name="square",
        op=ember.square,
        ref=_square_ref,
        dtypes=ALL_REAL,
        sample_inputs=unary_samples(),
        result_dtype=_square_dtype,
        supports_out=True,
        inplace=method("square_"),
        differentiable=True,
    ),
    OpInfo(
        name="round",
        op=ember.round,
        ref=_round_ref,
        dtypes=NUMERIC,
        sample_inputs=round_samples,
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("round_"),
        error_inputs=round_errors,
    ),
    OpInfo(
        name="logit",
        op=ember.logit,
        ref=_logit_ref,
        dtypes=ALL_REAL,
        sample_inputs=logit_samples,
        result_dtype=float_dtype,
        supports_out=True,
        inplace=method("logit_"),
        differentiable=True,
    ),
    OpInfo(
        name="gelu",
        op=ember.gelu,
        ref=_gelu_ref,
        dtypes=FLOATING,
        sample_inputs=unary_samples(extra=({"approximate": "tanh"},)),
        result_dtype=same_dtype,
        error_inputs=gelu_errors,
        differentiable=True,
    ),
    OpInfo(
        name="softplus",
        op=ember.softplus,
        ref=_softplus_ref,
        dtypes=FLOATING,
        sample_inputs=softplus_samples,
        result_dtype=same_dtype,
        differentiable=True,
    ),
    OpInfo(
        name="nan_to_num",
        op=ember.nan_to_num,
        ref=_nan_to_num_ref,
        dtypes=ALL_TYPES,
        sample_inputs=nan_to_num_samples,
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("nan_to_num_"),
        differentiable=True,
    ),
    OpInfo(
        name="xlogy",
        op=ember.xlogy,
        ref=_xlogy_ref,
        dtypes=NUMERIC,
        sample_inputs=xlogy_samples,
        result_dtype=_xlogy_dtype,
        supports_out=True,
        inplace=method("xlogy_"),
        differentiable=True,
    ),
]
