"""Records of complex-number support: the complex views and constructors
(ops/complex.h: real, imag, view_as_real, view_as_complex, complex, polar, angle, conj,
...) and the complex dtypes of the elementwise ops that torch defines for them (records
named "<op>[complex]"), compared with NumPy's complex128 arithmetic; plus the errors for
the ops torch rejects on complex inputs."""

from __future__ import annotations

import numpy as np

import ember
from op_db.opinfo import COMPLEX, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4)]
REAL_PARTS = (ember.float32, ember.float64)
OPS: list[OpInfo] = []


def method(name):
    return lambda x, *args, **kwargs: getattr(x, name)(*args, **kwargs)


def c128(x):
    return np.asarray(x).astype(np.complex128)


def unary_samples(low=None, high=None):
    def samples(dtype, rng):
        for shape in SHAPES:
            yield Sample((make_tensor(shape, dtype, rng, low=low, high=high),), name=str(shape))
        yield Sample(
            (make_tensor((3, 4), dtype, rng, low=low, high=high, noncontiguous=True),),
            name="noncontiguous",
        )
        yield Sample((make_tensor((4, 3), dtype, rng, low=low, high=high).t(),), name="transposed")

    return samples


def same_dtype(x, *args, **kwargs):
    return x.dtype


def real_of(x, *args, **kwargs):
    return x.dtype.to_real()


# ---- elementwise ops on complex tensors --------------------------------------------------

UNARY = {
    "exp": (np.exp, (-2, 2)),
    "exp2": (np.exp2, (-2, 2)),
    "expm1": (np.expm1, (-2, 2)),
    "log": (np.log, (0.1, 3)),
    "log2": (np.log2, (0.1, 3)),
    "log10": (np.log10, (0.1, 3)),
    "log1p": (np.log1p, (0.1, 3)),
    "sqrt": (np.sqrt, None),
    "rsqrt": (lambda x: 1 / np.sqrt(x), (0.5, 3)),
    "sin": (np.sin, (-2, 2)),
    "cos": (np.cos, (-2, 2)),
    "tan": (np.tan, (-1, 1)),
    "asin": (np.arcsin, (-0.9, 0.9)),
    "acos": (np.arccos, (-0.9, 0.9)),
    "atan": (np.arctan, (-0.9, 0.9)),
    "sinh": (np.sinh, (-2, 2)),
    "cosh": (np.cosh, (-2, 2)),
    "tanh": (np.tanh, (-1, 1)),
    "asinh": (np.arcsinh, (-0.9, 0.9)),
    "acosh": (np.arccosh, (1.5, 3)),
    "atanh": (np.arctanh, (-0.9, 0.9)),
    "sigmoid": (lambda x: 1 / (1 + np.exp(-x)), (-1, 1)),
    "reciprocal": (lambda x: 1 / x, (0.5, 3)),
    "silu": (lambda x: x / (1 + np.exp(-x)), (-1, 1)),
    "neg": (np.negative, None),
}
for _name, (_ref, _domain) in UNARY.items():
    _low, _high = _domain if _domain else (None, None)
    OPS.append(
        OpInfo(
            name=f"{_name}[complex]",
            op=getattr(ember, _name),
            ref=(lambda r: lambda x: r(c128(x)))(_ref),
            dtypes=COMPLEX,
            sample_inputs=unary_samples(_low, _high),
            result_dtype=same_dtype,
            inplace=method(f"{_name}_"),
            supports_out=True,
        )
    )

OPS.append(
    OpInfo(
        name="abs[complex]",
        op=ember.abs,
        ref=lambda x: np.abs(c128(x)),
        dtypes=COMPLEX,
        sample_inputs=unary_samples(),
        result_dtype=real_of,
        supports_out=True,
    )
)


def predicate_samples(dtype, rng):
    yield from unary_samples()(dtype, rng)
    inf, nan = float("inf"), float("nan")
    edge = [0j, complex(inf, 0), complex(0, -inf), complex(nan, 1), complex(1, nan), 1 + 2j]
    yield Sample((ember.tensor(edge, dtype=dtype),), name="edge values")


for _name, _ref in {
    "isnan": np.isnan,
    "isinf": np.isinf,
    "isfinite": np.isfinite,
    "logical_not": np.logical_not,
}.items():
    OPS.append(
        OpInfo(
            name=f"{_name}[complex]",
            op=getattr(ember, _name),
            ref=_ref,
            dtypes=COMPLEX,
            sample_inputs=predicate_samples,
            result_dtype=lambda *a, **k: ember.bool,
            supports_out=True,
        )
    )

BINARY_SHAPES = [((), ()), ((5,), (5,)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((0, 3), (3,))]


def binary_samples(low=None, high=None):
    def samples(dtype, rng):
        for a_shape, b_shape in BINARY_SHAPES:
            a = make_tensor(a_shape, dtype, rng, low=low, high=high)
            b = make_tensor(b_shape, dtype, rng, low=low, high=high)
            yield Sample((a, b), name=f"{a_shape} op {b_shape}")
        a = make_tensor((3, 4), dtype, rng, low=low, high=high, noncontiguous=True)
        b = make_tensor((4, 3), dtype, rng, low=low, high=high).t()
        yield Sample((a, b), name="noncontiguous and transposed")
        yield Sample((make_tensor((3, 4), dtype, rng, low=low, high=high), 2), name="op 2")
        yield Sample((make_tensor((3, 4), dtype, rng, low=low, high=high), 1.5 - 2j), name="op z")
        real = ember.float32 if dtype == ember.complex64 else ember.float64
        yield Sample(
            (make_tensor((3, 4), real, rng, low=low, high=high), make_tensor((4,), dtype, rng)),
            name="real tensor op complex tensor",
        )

    return samples


def promoted(a, b, **kwargs):
    return ember.result_type(a, b)


def as_c128_binary(ref):
    return lambda a, b, **kw: ref(c128(a), c128(b), **kw)


BINARY = [
    ("add", lambda a, b, alpha=1: a + alpha * b, promoted, binary_samples()),
    ("sub", lambda a, b, alpha=1: a - alpha * b, promoted, binary_samples()),
    ("mul", np.multiply, promoted, binary_samples()),
    ("div", np.true_divide, promoted, binary_samples(0.5, 3)),
    ("pow", np.power, promoted, binary_samples(0.5, 2)),
    ("eq", np.equal, lambda *a, **k: ember.bool, binary_samples()),
    ("ne", np.not_equal, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_and", np.logical_and, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_or", np.logical_or, lambda *a, **k: ember.bool, binary_samples()),
    ("logical_xor", np.logical_xor, lambda *a, **k: ember.bool, binary_samples()),
]
for _name, _ref, _result, _samples in BINARY:
    OPS.append(
        OpInfo(
            name=f"{_name}[complex]",
            op=getattr(ember, _name),
            ref=as_c128_binary(_ref),
            dtypes=COMPLEX,
            sample_inputs=_samples,
            result_dtype=_result,
            supports_out=True,
            inplace=method(f"{_name}_"),
        )
    )


def complex_rejections():
    z = ember.ones(3, dtype=ember.complex64)
    for name in ("lt", "le", "gt", "ge", "maximum", "minimum", "fmax", "fmin"):
        yield ErrorInput(
            Sample((z, z), {"_op": name}),
            RuntimeError,
            rf"\[{name}\] is not supported for complex64 \(complex numbers are not ordered\)",
        )
    for name in ("remainder", "fmod", "floor_divide", "atan2", "hypot", "copysign"):
        yield ErrorInput(
            Sample((z, z), {"_op": name}),
            RuntimeError,
            rf"\[{name}\] is not supported for complex64",
        )
    for name in ("floor", "ceil", "trunc", "frac", "relu", "erf", "isposinf", "signbit"):
        yield ErrorInput(
            Sample((z,), {"_op": name}),
            NotImplementedError,
            rf"\[{name}\] {name} is not supported for complex64",
        )
    yield ErrorInput(Sample((z,), {"_op": "sign"}), NotImplementedError, r"\[sign\].*sgn")
    yield ErrorInput(
        Sample((z.clone(),), {"_op": "abs_"}),
        RuntimeError,
        r"\[abs_\] In-place abs is not supported for complex",
    )
    yield ErrorInput(Sample((z, 1.0), {"_op": "lt"}), RuntimeError, r"\[lt\].*complex64")
    yield ErrorInput(Sample((ember.ones(3), 1j), {"_op": "gt"}), RuntimeError, r"\[gt\].*complex64")


def call_named(*args, _op, **kwargs):
    if _op.endswith("_"):  # in-place: a Tensor method
        return getattr(args[0], _op)(*args[1:], **kwargs)
    return getattr(ember, _op)(*args, **kwargs)


OPS.append(
    OpInfo(
        name="complex-rejections",
        op=call_named,
        ref=None,
        dtypes=(),
        sample_inputs=lambda dtype, rng: iter(()),
        error_inputs=complex_rejections,
    )
)

# ---- ops/complex.h -----------------------------------------------------------------------


def any_samples(dtype, rng):
    yield from unary_samples()(dtype, rng)


def real_ref(x):
    return np.real(x).copy()


OPS += [
    OpInfo(
        name="real",
        op=ember.real,
        ref=real_ref,
        dtypes=(*COMPLEX, *REAL_PARTS, ember.int64),
        sample_inputs=any_samples,
        result_dtype=lambda x: x.dtype.to_real() if x.dtype.is_complex else x.dtype,
    ),
    OpInfo(
        name="imag",
        op=ember.imag,
        ref=lambda x: np.imag(x).copy(),
        dtypes=COMPLEX,
        sample_inputs=any_samples,
        result_dtype=real_of,
        error_inputs=lambda: iter(
            [
                ErrorInput(
                    Sample((ember.ones(2),)),
                    RuntimeError,
                    r"\[imag\] imag is not implemented for tensors with non-complex dtypes",
                )
            ]
        ),
    ),
    OpInfo(
        name="view_as_real",
        op=ember.view_as_real,
        ref=lambda x: np.stack([np.real(x), np.imag(x)], axis=-1),
        dtypes=COMPLEX,
        sample_inputs=any_samples,
        result_dtype=real_of,
        error_inputs=lambda: iter(
            [
                ErrorInput(
                    Sample((ember.ones(2),)),
                    RuntimeError,
                    r"\[view_as_real\].*only supported for complex tensors, got float32",
                )
            ]
        ),
    ),
]


def view_as_complex_samples(dtype, rng):
    for shape in [(2,), (5, 2), (3, 4, 2), (0, 2)]:
        yield Sample((make_tensor(shape, dtype, rng),), name=str(shape))
    wide = make_tensor((3, 4, 2), dtype, rng)
    yield Sample((wide[:, ::2],), name="strided")


def view_as_complex_errors():
    yield ErrorInput(Sample((ember.ones(3),)), RuntimeError, r"last dimension of size 2")
    yield ErrorInput(Sample((ember.ones(()),)), RuntimeError, r"one or more dimensions")
    yield ErrorInput(
        Sample((ember.ones(2, 2, dtype=ember.int32),)), RuntimeError, r"float and double.*int32"
    )
    yield ErrorInput(Sample((ember.ones(2, 3).t(),)), RuntimeError, r"last dimension with stride 1")
    yield ErrorInput(Sample((ember.ones(2, 3)[:, :2],)), RuntimeError, r"stride divisible by 2")
    yield ErrorInput(
        Sample((ember.ones(7)[1:].view(3, 2),)), RuntimeError, r"storage_offset divisible by 2"
    )
    yield ErrorInput(Sample((ember.ones(2, 2).t(),)), RuntimeError, r"last dimension with stride 1")


OPS.append(
    OpInfo(
        name="view_as_complex",
        op=ember.view_as_complex,
        ref=lambda x: x[..., 0] + 1j * x[..., 1],
        dtypes=REAL_PARTS,
        sample_inputs=view_as_complex_samples,
        result_dtype=lambda x: x.dtype.to_complex(),
        error_inputs=view_as_complex_errors,
    )
)


def pair_samples(dtype, rng):
    for a_shape, b_shape in BINARY_SHAPES:
        yield Sample(
            (make_tensor(a_shape, dtype, rng), make_tensor(b_shape, dtype, rng)),
            name=f"{a_shape} and {b_shape}",
        )
    a = make_tensor((3, 4), dtype, rng, noncontiguous=True)
    yield Sample((a, make_tensor((4, 3), dtype, rng).t()), name="noncontiguous")


def pair_errors(name):
    def errors():
        yield ErrorInput(
            Sample((ember.ones(2), ember.ones(2, dtype=ember.float64))),
            RuntimeError,
            rf"\[{name}\] Expected object of scalar type float32 but got scalar type float64",
        )
        yield ErrorInput(
            Sample((ember.ones(2, dtype=ember.int64), ember.ones(2, dtype=ember.int64))),
            RuntimeError,
            rf"\[{name}\] Expected both inputs to be Half, Float or Double tensors but got int64",
        )
        yield ErrorInput(Sample((ember.ones(2), ember.ones(3))), RuntimeError, rf"\[{name}\].*size")

    return errors


OPS += [
    OpInfo(
        name="complex",
        op=ember.complex,
        ref=lambda a, b: a + 1j * b,
        dtypes=REAL_PARTS,
        sample_inputs=pair_samples,
        result_dtype=lambda a, b: a.dtype.to_complex(),
        supports_out=True,
        error_inputs=pair_errors("complex"),
    ),
    OpInfo(
        name="polar",
        op=ember.polar,
        ref=lambda r, t: r * np.cos(t) + 1j * (r * np.sin(t)),
        dtypes=REAL_PARTS,
        sample_inputs=pair_samples,
        result_dtype=lambda a, b: a.dtype.to_complex(),
        supports_out=True,
        error_inputs=pair_errors("polar"),
    ),
]


def angle_samples(dtype, rng):
    yield from unary_samples()(dtype, rng)
    if dtype.is_floating_point:
        yield Sample(
            (ember.tensor([-1.0, 0.0, -0.0, 2.0, float("nan"), -float("inf")], dtype=dtype),),
            name="edge values",
        )


def angle_ref(x):
    if np.iscomplexobj(x):
        return np.angle(x)
    x = np.asarray(x, dtype=np.float64)
    return np.where(np.isnan(x), x, np.where(x < 0, np.pi, 0.0))


OPS.append(
    OpInfo(
        name="angle",
        op=ember.angle,
        ref=angle_ref,
        dtypes=(*COMPLEX, ember.float32, ember.float64, *INTEGRAL),
        sample_inputs=angle_samples,
        result_dtype=lambda x, **k: (
            x.dtype.to_real()
            if x.dtype.is_complex or x.dtype.is_floating_point
            else ember.get_default_dtype()
        ),
        supports_out=True,
    )
)

for _name, _ref in (("conj", np.conj), ("conj_physical", np.conj), ("resolve_conj", np.copy)):
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=_ref,
            dtypes=(*COMPLEX, *FLOATING, ember.int64),
            sample_inputs=any_samples,
            result_dtype=same_dtype,
        )
    )

OPS += [
    OpInfo(
        name="is_conj",
        op=lambda x: ember.tensor(ember.is_conj(x)),
        ref=lambda x: np.asarray(False),
        dtypes=(*COMPLEX, ember.float32),
        sample_inputs=any_samples,
        result_dtype=lambda x: ember.bool,
        skip_meta=True,  # returns a Python bool, not a tensor
    ),
    OpInfo(
        name="is_complex",
        op=lambda x: ember.tensor(ember.is_complex(x)),
        ref=lambda x: np.asarray(np.iscomplexobj(x)),
        dtypes=(*COMPLEX, ember.float32, ember.int64, ember.bool),
        sample_inputs=any_samples,
        result_dtype=lambda x: ember.bool,
        skip_meta=True,
    ),
]
