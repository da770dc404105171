"""Records of the elementwise ops (ops/unary.h and ops/binary.h tables)."""

from __future__ import annotations

import math

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4)]


def _erfinv(x):
    from scipy.special import erfinv

    return erfinv(x)


def _erf(x):
    return np.vectorize(math.erf, otypes=[np.float64])(x)


def _erfc(x):
    return np.vectorize(math.erfc, otypes=[np.float64])(x)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _softplus(x):
    return np.where(x > 20, x, np.log1p(np.exp(np.minimum(x, 20))))


# name -> (reference, domain (low, high) for random inputs)
UNARY_FLOAT = {
    "exp": (np.exp, None),
    "exp2": (np.exp2, None),
    "expm1": (np.expm1, None),
    "log": (np.log, (0.1, 5)),
    "log2": (np.log2, (0.1, 5)),
    "log10": (np.log10, (0.1, 5)),
    "log1p": (np.log1p, (-0.9, 5)),
    "sqrt": (np.sqrt, (0, 5)),
    "rsqrt": (lambda x: 1 / np.sqrt(x), (0.1, 5)),
    "sin": (np.sin, None),
    "cos": (np.cos, None),
    "tan": (np.tan, (-1.3, 1.3)),
    "asin": (np.arcsin, (-1, 1)),
    "acos": (np.arccos, (-1, 1)),
    "atan": (np.arctan, None),
    "sinh": (np.sinh, None),
    "cosh": (np.cosh, None),
    "tanh": (np.tanh, None),
    "asinh": (np.arcsinh, None),
    "acosh": (np.arccosh, (1, 5)),
    "atanh": (np.arctanh, (-0.95, 0.95)),
    "sigmoid": (_sigmoid, None),
    "erf": (_erf, None),
    "erfc": (_erfc, None),
    "erfinv": (_erfinv, (-0.99, 0.99)),
    "reciprocal": (lambda x: 1 / x, (0.5, 3)),
    "silu": (lambda x: x * _sigmoid(x), None),
    "mish": (lambda x: x * np.tanh(_softplus(x)), None),
}


def unary_samples(domain):
    def samples(dtype, rng):
        low, high = domain if domain else (None, None)
        if dtype in INTEGRAL and low is not None:
            low, high = max(math.ceil(low), 0 if dtype == ember.uint8 else -9), max(high, 1)
        for shape in SHAPES:
            yield Sample((make_tensor(shape, dtype, rng, low=low, high=high),), name=str(shape))
        yield Sample(
            (make_tensor((3, 4), dtype, rng, low=low, high=high, noncontiguous=True),),
            name="noncontiguous",
        )
        yield Sample((make_tensor((4, 3), dtype, rng, low=low, high=high).t(),), name="transposed")

    return samples


def float_result(x, *args, **kwargs):
    return x.dtype if x.dtype.is_floating_point else ember.get_default_dtype()


def method(name):
    return lambda x, *args, **kwargs: getattr(x, name)(*args, **kwargs)


OPS: list[OpInfo] = []


def in_float64(ref):
    """NumPy computes float16 for small integer types; the reference runs in float64."""
    return lambda x: ref(x.astype(np.float64))


for _name, (_ref, _domain) in UNARY_FLOAT.items():
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=in_float64(_ref),
            dtypes=ALL_REAL
            if _domain is None or _domain[0] >= 0
            else (ember.int8, ember.int16, ember.int32, ember.int64, *FLOATING),
            sample_inputs=unary_samples(_domain),
            result_dtype=float_result,
            inplace=method(f"{_name}_"),
            supports_out=True,
            differentiable=True,
        )
    )

UNARY_SAME = {
    "neg": (np.negative, (*INTEGRAL[1:], *FLOATING)),
    "abs": (np.abs, (*INTEGRAL, *FLOATING)),
    "sign": (np.sign, (*INTEGRAL, *FLOATING)),
    "floor": (np.floor, (*INTEGRAL, *FLOATING)),
    "ceil": (np.ceil, (*INTEGRAL, *FLOATING)),
    "trunc": (np.trunc, (*INTEGRAL, *FLOATING)),
    "frac": (lambda x: x - np.trunc(x), FLOATING),
    "relu": (
        lambda x: np.where(np.isnan(x) | (x > 0), x, 0).astype(x.dtype),
        (*INTEGRAL, *FLOATING),
    ),
    "bitwise_not": (lambda x: ~x if x.dtype != np.bool_ else ~x, (ember.bool, *INTEGRAL)),
}
for _name, (_ref, _dtypes) in UNARY_SAME.items():
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=_ref,
            dtypes=_dtypes,
            sample_inputs=unary_samples(None),
            result_dtype=lambda x, *a, **k: x.dtype,
            inplace=method(f"{_name}_"),
            supports_out=True,
            differentiable=_name not in ("sign", "floor", "ceil", "trunc", "bitwise_not"),
        )
    )

PREDICATES = {
    "isnan": np.isnan,
    "isinf": np.isinf,
    "isfinite": np.isfinite,
    "isposinf": np.isposinf,
    "isneginf": np.isneginf,
    "signbit": np.signbit,
    "logical_not": np.logical_not,
}


def predicate_samples(dtype, rng):
    yield from unary_samples(None)(dtype, rng)
    if dtype in FLOATING:
        edge = [0.0, -0.0, 1.5, -2.0, math.inf, -math.inf, math.nan]
        yield Sample((ember.tensor(edge, dtype=dtype),), name="edge values")


for _name, _ref in PREDICATES.items():
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=(
                lambda r: (
                    lambda x: (
                        r(x.astype(np.float64))
                        if x.dtype == np.bool_ and r is not np.logical_not
                        else r(x)
                    )
                )
            )(_ref),
            dtypes=ALL_REAL if _name != "signbit" else (*INTEGRAL, *FLOATING),
            sample_inputs=predicate_samples,
            result_dtype=lambda x, *a, **k: ember.bool,
            supports_out=True,
            inplace=method(f"{_name}_") if _name == "logical_not" else None,
        )
    )

# ---- binary -----------------------------------------------------------------------------

BINARY_SHAPES = [
    ((), ()),
    ((5,), (5,)),
    ((3, 4), (3, 4)),
    ((3, 4), (4,)),
    ((3, 1), (1, 4)),
    ((2, 3, 4), ()),
    ((0, 3), (3,)),
]


def binary_samples(low=None, high=None, nonzero_other=False, float_scalar=True):
    def samples(dtype, rng):
        for a_shape, b_shape in BINARY_SHAPES:
            a = make_tensor(a_shape, dtype, rng, low=low, high=high)
            b = make_tensor(b_shape, dtype, rng, low=low, high=high)
            if nonzero_other and dtype != ember.bool:
                b = (
                    ember.where(b == 0, ember.ones_like(b), b)
                    if hasattr(ember, "where")
                    else (b + (b == 0).to(dtype))
                )
            yield Sample((a, b), name=f"{a_shape} op {b_shape}")
        a = make_tensor((3, 4), dtype, rng, low=low, high=high, noncontiguous=True)
        b = make_tensor((4, 3), dtype, rng, low=low, high=high).t()
        if nonzero_other and dtype != ember.bool:
            b = b + (b == 0).to(dtype)
        yield Sample((a, b), name="noncontiguous and transposed")
        yield Sample((make_tensor((3, 4), dtype, rng, low=low, high=high), 2), name="tensor op 2")
        if float_scalar:
            yield Sample(
                (make_tensor((3, 4), dtype, rng, low=low, high=high), 2.5), name="tensor op 2.5"
            )

    return samples


def promoted(a, b, **kwargs):
    return ember.result_type(a, b)


def promoted_float(a, b, **kwargs):
    t = ember.result_type(a, b)
    return t if t.is_floating_point or t.is_complex else ember.get_default_dtype()


def _py_floor_divide(a, b):
    return np.floor_divide(a, b)


def _remainder(a, b):
    return np.remainder(a, b)


def _trunc_divide(a, b):
    if np.issubdtype(np.result_type(a, b), np.integer):
        q = np.abs(a) // np.abs(b)
        return np.where((a < 0) != (b < 0), -q, q)
    return np.trunc(a / b)


def _fmod(a, b):
    return np.fmod(a, b)


def _pow(a, b):
    if np.issubdtype(np.result_type(a, b), np.integer):
        b = np.abs(b)  # samples use non-negative exponents for integers
    return np.power(a, b)


def _logaddexp2(a, b):
    return np.logaddexp2(a, b)


NUMERIC = (*INTEGRAL, *FLOATING)
BINARY = [
    # name, ref, dtypes, result dtype, samples
    ("mul", np.multiply, ALL_REAL, promoted, binary_samples()),
    ("maximum", np.maximum, ALL_REAL, promoted, binary_samples()),
    ("minimum", np.minimum, ALL_REAL, promoted, binary_samples()),
    ("fmax", np.fmax, ALL_REAL, promoted, binary_samples()),
    ("fmin", np.fmin, ALL_REAL, promoted, binary_samples()),
    ("floor_divide", _py_floor_divide, NUMERIC, promoted, binary_samples(nonzero_other=True)),
    ("remainder", _remainder, NUMERIC, promoted, binary_samples(nonzero_other=True)),
    ("fmod", _fmod, NUMERIC, promoted, binary_samples(nonzero_other=True)),
    ("pow", _pow, (ember.int32, ember.int64, *FLOATING), promoted, binary_samples(low=0, high=3)),
    ("div", np.true_divide, NUMERIC, promoted_float, binary_samples(nonzero_other=True)),
    ("atan2", np.arctan2, NUMERIC, promoted_float, binary_samples()),
    ("hypot", np.hypot, FLOATING, promoted_float, binary_samples()),
    ("logaddexp", np.logaddexp, FLOATING, promoted_float, binary_samples()),
    ("logaddexp2", _logaddexp2, FLOATING, promoted_float, binary_samples()),
    ("copysign", np.copysign, NUMERIC, promoted_float, binary_samples()),
    ("eq", np.equal, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("ne", np.not_equal, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("lt", np.less, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("le", np.less_equal, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("gt", np.greater, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("ge", np.greater_equal, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_and", np.logical_and, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_or", np.logical_or, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_xor", np.logical_xor, ALL_REAL, lambda *a, **k: ember.bool, binary_samples()),
    (
        "bitwise_and",
        np.bitwise_and,
        (ember.bool, *INTEGRAL),
        promoted,
        binary_samples(float_scalar=False),
    ),
    (
        "bitwise_or",
        np.bitwise_or,
        (ember.bool, *INTEGRAL),
        promoted,
        binary_samples(float_scalar=False),
    ),
    (
        "bitwise_xor",
        np.bitwise_xor,
        (ember.bool, *INTEGRAL),
        promoted,
        binary_samples(float_scalar=False),
    ),
    (
        "bitwise_left_shift",
        lambda a, b: np.left_shift(a, b),
        INTEGRAL[1:],
        promoted,
        binary_samples(low=0, high=5, float_scalar=False),
    ),
    (
        "bitwise_right_shift",
        lambda a, b: np.right_shift(a, b),
        INTEGRAL[1:],
        promoted,
        binary_samples(low=0, high=5, float_scalar=False),
    ),
]


def binary_errors(name, dtype=ember.float32):
    def errors():
        rng = np.random.default_rng(0)
        a = make_tensor((2, 3), dtype, rng)
        b = make_tensor((4,), dtype, rng)
        yield ErrorInput(
            Sample((a, b)),
            RuntimeError,
            rf"\[{name}\].*size of tensor a \(3\) must "
            r"match the size of tensor b \(4\)",
        )

    return errors


def in_float64_binary(ref):
    """NumPy computes float16 for small integer types; float references run in float64."""
    return lambda a, b: ref(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))


for _name, _ref, _dtypes, _result, _samples in BINARY:
    if _result is promoted_float:
        _ref = in_float64_binary(_ref)
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=_ref,
            dtypes=_dtypes,
            sample_inputs=_samples,
            result_dtype=_result,
            supports_out=True,
            error_inputs=binary_errors(_name, ember.int32 if "bitwise" in _name else ember.float32),
            inplace=method(f"{_name}_"),
            differentiable=_name
            in (
                "mul",
                "div",
                "pow",
                "maximum",
                "minimum",
                "fmax",
                "fmin",
                "atan2",
                "hypot",
                "logaddexp",
                "logaddexp2",
                "remainder",
                "fmod",
                "copysign",
            ),
        )
    )


def _add_ref(a, b, alpha=1):
    if a.dtype == np.bool_ and np.asarray(b).dtype == np.bool_:
        return np.logical_or(a, np.logical_and(b, bool(alpha)))
    return a + alpha * b


def add_samples(dtype, rng):
    yield from binary_samples()(dtype, rng)
    if dtype != ember.bool:
        a, b = make_tensor((3, 4), dtype, rng), make_tensor((3, 4), dtype, rng)
        yield Sample((a, b), {"alpha": 2}, name="alpha=2")


OPS.append(
    OpInfo(
        name="add",
        op=ember.add,
        ref=_add_ref,
        dtypes=ALL_REAL,
        sample_inputs=add_samples,
        result_dtype=promoted,
        supports_out=True,
        inplace=method("add_"),
        error_inputs=binary_errors("add"),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="sub",
        op=ember.sub,
        ref=lambda a, b, alpha=1: a - alpha * b,
        dtypes=NUMERIC,
        sample_inputs=add_samples,
        result_dtype=promoted,
        supports_out=True,
        inplace=method("sub_"),
        error_inputs=binary_errors("sub"),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="positive",
        op=ember.positive,
        ref=lambda x: x,
        dtypes=NUMERIC,
        sample_inputs=unary_samples(None),
        result_dtype=lambda x: x.dtype,
        differentiable=True,
    )
)
