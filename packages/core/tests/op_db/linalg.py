"""Records of the matrix products (ops/linalg.h) and of ember.linalg (keyed by the `_C`
names, `linalg_inv` for ember.linalg.inv, ...).

Functions returning several tensors get one record per checked quantity, named after
the `_C` function (plus ".field" for the extra ones). Decompositions are checked through
what determines them uniquely: the reconstruction (Q @ R, U diag(S) Vh, V diag(w) V^T),
singular values and eigenvalues, |R| - never the signs of vectors.
"""

from __future__ import annotations

import math

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

NUMERIC = (*INTEGRAL, *FLOATING)
LAPACK = (ember.float32, ember.float64)
OPS: list[OpInfo] = []


def method(name):
    return lambda x, *args, **kwargs: getattr(x, name)(*args, **kwargs)


def same_dtype(x, *args, **kwargs):
    return x.dtype


def wide(a):
    """NumPy arrays in a type that does not overflow before the final cast: int64 for the
    integer types (the test casts back, so wrap-around matches), float64 otherwise."""
    a = np.asarray(a)
    if a.dtype == np.bool_ or np.issubdtype(a.dtype, np.integer):
        return a.astype(np.int64)
    return a.astype(np.float64)


def t(shape, dtype, rng, **kwargs):
    return make_tensor(shape, dtype, rng, **kwargs)


# ---- matmul and the products -------------------------------------------------------------

# Every rank combination torch.matmul distinguishes: 1-D x 1-D (dot), 2-D x 1-D, 1-D x 2-D,
# 2-D x 2-D, N-D x 1-D/2-D (folded), 1-D/2-D x N-D, and batch dims that broadcast.
MATMUL_SHAPES = [
    ((4,), (4,)),
    ((3, 4), (4,)),
    ((4,), (4, 5)),
    ((3, 4), (4, 5)),
    ((2, 3, 4), (4,)),
    ((2, 3, 4), (4, 5)),
    ((4,), (2, 4, 5)),
    ((3, 4), (2, 4, 5)),
    ((2, 3, 4), (2, 4, 5)),
    ((2, 1, 3, 4), (5, 4, 2)),
    ((1, 3, 4), (2, 1, 4, 5)),
    ((0, 4), (4, 5)),
    ((3, 0), (0, 5)),
    ((3, 4), (4, 0)),
    ((0, 3, 4), (4, 5)),
    ((2, 3, 4), (0, 1, 4, 5)),
    ((0,), (0,)),
]


def matmul_samples(dtype, rng):
    for a_shape, b_shape in MATMUL_SHAPES:
        yield Sample(
            (t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape} @ {b_shape}"
        )
    # Transposed, sliced (non-contiguous), and expanded (stride-0 batch) operands.
    yield Sample((t((4, 3), dtype, rng).mT, t((5, 4), dtype, rng).mT), name="transposed")
    yield Sample(
        (t((3, 4), dtype, rng, noncontiguous=True), t((4, 5), dtype, rng, noncontiguous=True)),
        name="noncontiguous",
    )
    yield Sample((t((2, 4, 3), dtype, rng).mT, t((4, 5), dtype, rng)), name="batched transposed")
    yield Sample(
        (t((1, 3, 4), dtype, rng).expand(3, 3, 4), t((3, 4, 2), dtype, rng)), name="expanded batch"
    )
    yield Sample(
        (t((2, 3, 4), dtype, rng, noncontiguous=True), t((4,), dtype, rng)),
        name="noncontiguous N-D @ vector",
    )
    yield Sample(
        (t((7, 33), dtype, rng, low=-2, high=2), t((33, 9), dtype, rng, low=-2, high=2)),
        name="(7, 33) @ (33, 9)",
    )


def matmul_ref(a, b):
    return np.matmul(wide(a), wide(b))


def product_errors(op, first, second, mismatch_message):
    def errors():
        rng = np.random.default_rng(0)
        f32, f64 = ember.float32, ember.float64
        yield ErrorInput(
            Sample((t(first[0], f32, rng), t(first[1], f32, rng))), RuntimeError, mismatch_message
        )
        yield ErrorInput(
            Sample((t(second[0], f32, rng), t(second[1], f64, rng))), RuntimeError, "same dtype"
        )
        yield ErrorInput(
            Sample((t(second[0], ember.bool, rng), t(second[1], ember.bool, rng))),
            NotImplementedError,
            "bool",
        )
        yield ErrorInput(
            Sample(
                (
                    ember.zeros(second[0], dtype=ember.complex64),
                    ember.zeros(second[1], dtype=ember.complex64),
                )
            ),
            NotImplementedError,
            "complex",
        )

    return errors


def matmul_errors():
    yield from product_errors(
        "matmul",
        ((2, 3), (4, 5)),
        ((2, 3), (3, 2)),
        r"\[matmul\] mat1 and mat2 shapes cannot be multiplied \(2x3 and 4x5\): tensor of shape "
        r"\(2, 3\) and dtype float32 @ tensor of shape \(4, 5\) and dtype float32",
    )()
    rng = np.random.default_rng(0)
    yield ErrorInput(
        Sample((ember.tensor(1.0), t((3,), ember.float32, rng))), RuntimeError, "at least 1D"
    )
    yield ErrorInput(
        Sample((t((2, 3, 4), ember.float32, rng), t((5, 4, 2), ember.float32, rng))),
        RuntimeError,
        r"size of tensor a \(2\) must match the size of tensor b \(5\)",
    )
    yield ErrorInput(
        Sample((t((3,), ember.float32, rng), t((4,), ember.float32, rng))),
        RuntimeError,
        r"cannot be multiplied \(1x3 and 4x1\)",
    )


OPS.append(
    OpInfo(
        name="matmul",
        op=ember.matmul,
        ref=matmul_ref,
        dtypes=NUMERIC,
        sample_inputs=matmul_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=matmul_errors,
        differentiable=True,
    )
)


def mm_samples(dtype, rng):
    for a_shape, b_shape in [
        ((3, 4), (4, 5)),
        ((0, 4), (4, 5)),
        ((3, 0), (0, 5)),
        ((1, 4), (4, 1)),
        ((17, 33), (33, 9)),
    ]:
        yield Sample(
            (t(a_shape, dtype, rng, low=-2, high=2), t(b_shape, dtype, rng, low=-2, high=2)),
            name=f"{a_shape} @ {b_shape}",
        )
    yield Sample((t((4, 3), dtype, rng).mT, t((5, 4), dtype, rng).mT), name="transposed")
    yield Sample(
        (t((3, 4), dtype, rng, noncontiguous=True), t((4, 5), dtype, rng, noncontiguous=True)),
        name="noncontiguous",
    )
    yield Sample((t((3, 1), dtype, rng).expand(3, 4), t((4, 2), dtype, rng)), name="expanded")


OPS.append(
    OpInfo(
        name="mm",
        op=ember.mm,
        ref=matmul_ref,
        dtypes=NUMERIC,
        sample_inputs=mm_samples,
        result_dtype=same_dtype,
        supports_out=True,
        differentiable=True,
        error_inputs=product_errors(
            "mm",
            ((2, 3), (4, 5)),
            ((2, 3), (3, 2)),
            r"\[mm\] mat1 and mat2 shapes cannot be multiplied \(2x3 and 4x5\)",
        ),
    )
)


def bmm_samples(dtype, rng):
    for a_shape, b_shape in [
        ((2, 3, 4), (2, 4, 5)),
        ((0, 3, 4), (0, 4, 5)),
        ((2, 3, 0), (2, 0, 5)),
        ((3, 1, 4), (3, 4, 1)),
    ]:
        yield Sample(
            (t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape} @ {b_shape}"
        )
    yield Sample((t((2, 4, 3), dtype, rng).mT, t((2, 5, 4), dtype, rng).mT), name="transposed")
    yield Sample(
        (t((1, 3, 4), dtype, rng).expand(4, 3, 4), t((4, 4, 2), dtype, rng)), name="expanded batch"
    )
    yield Sample(
        (t((4, 2, 3), dtype, rng).permute(1, 0, 2), t((2, 3, 5), dtype, rng)), name="permuted batch"
    )


def bmm_errors():
    yield from product_errors(
        "bmm",
        ((2, 3, 4), (2, 5, 6)),
        ((1, 2, 3), (1, 3, 2)),
        r"\[bmm\] mat1 and mat2 shapes cannot be multiplied \(3x4 and 5x6\)",
    )()
    rng = np.random.default_rng(0)
    yield ErrorInput(
        Sample((t((3, 4), ember.float32, rng), t((2, 4, 5), ember.float32, rng))),
        RuntimeError,
        "batch1 must be a 3D tensor",
    )
    yield ErrorInput(
        Sample((t((2, 3, 4), ember.float32, rng), t((3, 4, 5), ember.float32, rng))),
        RuntimeError,
        "same number of batches",
    )


OPS.append(
    OpInfo(
        name="bmm",
        op=ember.bmm,
        ref=matmul_ref,
        dtypes=NUMERIC,
        sample_inputs=bmm_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=bmm_errors,
        differentiable=True,
    )
)


def mv_samples(dtype, rng):
    for a_shape, b_shape in [((3, 4), (4,)), ((0, 4), (4,)), ((3, 0), (0,)), ((1, 1), (1,))]:
        yield Sample(
            (t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape} @ {b_shape}"
        )
    yield Sample(
        (t((4, 3), dtype, rng).mT, t((4,), dtype, rng, noncontiguous=True)),
        name="transposed matrix, noncontiguous vector",
    )


def mv_errors():
    yield from product_errors("mv", ((2, 3), (4,)), ((2, 3), (3,)), r"\[mv\] size mismatch")()
    rng = np.random.default_rng(0)
    yield ErrorInput(
        Sample((t((3,), ember.float32, rng), t((3,), ember.float32, rng))),
        RuntimeError,
        "expected a matrix and a vector",
    )


OPS.append(
    OpInfo(
        name="mv",
        op=ember.mv,
        ref=matmul_ref,
        dtypes=NUMERIC,
        sample_inputs=mv_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=mv_errors,
        differentiable=True,
    )
)


def dot_samples(dtype, rng):
    for n in (5, 0, 1, 40):
        yield Sample((t((n,), dtype, rng), t((n,), dtype, rng)), name=f"({n},)")
    yield Sample(
        (t((6,), dtype, rng, noncontiguous=True), t((6,), dtype, rng)), name="noncontiguous"
    )


def dot_errors(name):
    def errors():
        rng = np.random.default_rng(0)
        f32 = ember.float32
        yield ErrorInput(
            Sample((t((3,), f32, rng), t((4,), f32, rng))),
            RuntimeError,
            rf"\[{name}\] inconsistent tensor size, expected tensor \[3\] and src "
            r"\[4\]",
        )
        yield ErrorInput(
            Sample((t((3,), f32, rng), t((3,), ember.float64, rng))),
            RuntimeError,
            "expected both vectors to have same dtype, but found float32 and float64",
        )
        yield ErrorInput(
            Sample((t((3, 1), f32, rng), t((3,), f32, rng))),
            RuntimeError,
            "1D tensors expected, but got 2D and 1D tensors",
        )
        yield ErrorInput(
            Sample((t((3,), ember.bool, rng), t((3,), ember.bool, rng))),
            NotImplementedError,
            "bool",
        )

    return errors


for _name in ("dot", "vdot"):
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=lambda a, b: np.dot(wide(a), wide(b)),
            dtypes=NUMERIC,
            sample_inputs=dot_samples,
            result_dtype=same_dtype,
            supports_out=True,
            error_inputs=dot_errors(_name),
            differentiable=True,
        )
    )


def inner_samples(dtype, rng):
    for a_shape, b_shape in [
        ((2, 3), (4, 3)),
        ((3,), (3,)),
        ((), (2, 3)),
        ((2, 3, 4), (5, 4)),
        ((0, 3), (2, 3)),
        ((2, 0), (3, 0)),
    ]:
        yield Sample((t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape}, {b_shape}")
    yield Sample((t((3, 2), dtype, rng).mT, t((4, 3), dtype, rng)), name="transposed")


def inner_errors():
    rng = np.random.default_rng(0)
    f32 = ember.float32
    yield ErrorInput(
        Sample((t((2, 3), f32, rng), t((4, 4), f32, rng))),
        RuntimeError,
        r"\[inner\] inner\(\) the last dimension must match on both input tensors "
        r"but got shapes \(2, 3\) and \(4, 4\)",
    )
    yield ErrorInput(
        Sample((t((2, 3), f32, rng), t((4, 3), ember.float64, rng))), RuntimeError, "same dtype"
    )


OPS.append(
    OpInfo(
        name="inner",
        op=ember.inner,
        ref=lambda a, b: np.inner(wide(a), wide(b)),
        dtypes=NUMERIC,
        sample_inputs=inner_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=inner_errors,
        differentiable=True,
    )
)


def outer_samples(dtype, rng):
    for a_shape, b_shape in [((3,), (4,)), ((0,), (3,)), ((1,), (1,))]:
        yield Sample((t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape}, {b_shape}")
    yield Sample(
        (t((5,), dtype, rng, noncontiguous=True), t((2,), dtype, rng)), name="noncontiguous"
    )
    if dtype != ember.float64:  # type promotion, as mul
        yield Sample((t((3,), dtype, rng), t((2,), ember.float64, rng)), name="mixed dtypes")


def outer_errors():
    def errors():
        rng = np.random.default_rng(0)
        # ger is an alias of outer and reports as outer, as in torch.
        yield ErrorInput(
            Sample((ember.tensor(1.0), t((3,), ember.float32, rng))),
            RuntimeError,
            r"\[outer\] Expected 1-D argument self, but got 0-D",
        )

    return errors


for _name in ("outer", "ger"):
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=lambda a, b: np.multiply.outer(a, b),
            dtypes=ALL_REAL,
            sample_inputs=outer_samples,
            supports_out=True,
            result_dtype=lambda a, b, **k: ember.promote_types(a.dtype, b.dtype),
            error_inputs=outer_errors(),
            differentiable=True,
        )
    )


# ---- the add* forms --------------------------------------------------------------------------


def scaled(beta, alpha):
    """beta * input + alpha * product; beta == 0 ignores input (NaN included)."""

    def ref(inp, product):
        out = alpha * product
        return out if beta == 0 else out + beta * wide(inp)

    return ref


def add_product_samples(make_operands, product_shape):
    def samples(dtype, rng):
        for input_shape in (product_shape, product_shape[-1:], ()):
            x, y = make_operands(dtype, rng)
            yield Sample((t(input_shape, dtype, rng), x, y), name=f"input {input_shape}")
        x, y = make_operands(dtype, rng)
        yield Sample(
            (t(product_shape, dtype, rng), x, y), {"beta": 2, "alpha": 3}, name="beta=2, alpha=3"
        )
        if dtype in FLOATING:
            x, y = make_operands(dtype, rng)
            nan = ember.full(product_shape, math.nan, dtype=dtype)
            yield Sample((nan, x, y), {"beta": 0, "alpha": 0.5}, name="beta=0 ignores NaN")
            x, y = make_operands(dtype, rng)
            yield Sample(
                (t(product_shape, dtype, rng, noncontiguous=True), x, y),
                {"beta": -1.5},
                name="noncontiguous input, beta=-1.5",
            )

    return samples


def add_product_ref(product):
    def ref(inp, x, y, beta=1, alpha=1):
        return scaled(beta, alpha)(inp, product(wide(x), wide(y)))

    return ref


def add_product_errors(name, good, bad_shape_operands, bad_message):
    def errors():
        rng = np.random.default_rng(0)
        f32 = ember.float32
        shapes = [t(s, f32, rng) for s in bad_shape_operands]
        yield ErrorInput(Sample(tuple(shapes)), RuntimeError, bad_message)
        inp, x, y = (t(s, f32, rng) for s in good)
        yield ErrorInput(Sample((inp.double(), x, y)), RuntimeError, "same dtype")
        yield ErrorInput(Sample((t((7,), f32, rng), x, y)), RuntimeError, "broadcast")

    return errors


def _mats(m, k, n):
    def make(dtype, rng):
        return t((m, k), dtype, rng, low=-2, high=2), t((k, n), dtype, rng, low=-2, high=2)

    return make


def _mat_vec(dtype, rng):
    return t((3, 4), dtype, rng).mT.contiguous().mT, t((4,), dtype, rng)


def _batches(dtype, rng):
    return t((2, 3, 4), dtype, rng, low=-2, high=2), t((2, 5, 4), dtype, rng, low=-2, high=2).mT


OPS.append(
    OpInfo(
        name="addmm",
        op=ember.addmm,
        ref=add_product_ref(np.matmul),
        dtypes=NUMERIC,
        sample_inputs=add_product_samples(_mats(3, 4, 5), (3, 5)),
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("addmm_"),
        differentiable=True,
        error_inputs=add_product_errors(
            "addmm",
            ((3, 5), (3, 4), (4, 5)),
            ((3, 5), (3, 4), (3, 5)),
            r"\[addmm\] mat1 and mat2 shapes cannot be multiplied",
        ),
    )
)
OPS.append(
    OpInfo(
        name="addmv",
        op=ember.addmv,
        ref=add_product_ref(np.matmul),
        dtypes=NUMERIC,
        sample_inputs=add_product_samples(_mat_vec, (3,)),
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("addmv_"),
        differentiable=True,
        error_inputs=add_product_errors(
            "addmv", ((3,), (3, 4), (4,)), ((3,), (3, 4), (3,)), r"\[addmv\] size mismatch"
        ),
    )
)
OPS.append(
    OpInfo(
        name="baddbmm",
        op=ember.baddbmm,
        ref=add_product_ref(np.matmul),
        dtypes=NUMERIC,
        sample_inputs=add_product_samples(_batches, (2, 3, 5)),
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("baddbmm_"),
        differentiable=True,
        error_inputs=add_product_errors(
            "baddbmm",
            ((2, 3, 5), (2, 3, 4), (2, 4, 5)),
            ((2, 3, 5), (2, 3, 4), (2, 3, 5)),
            r"\[baddbmm\] mat1 and mat2 shapes cannot be multiplied",
        ),
    )
)
OPS.append(
    OpInfo(
        name="addbmm",
        op=ember.addbmm,
        ref=add_product_ref(lambda x, y: np.matmul(x, y).sum(0)),
        dtypes=NUMERIC,
        sample_inputs=add_product_samples(_batches, (3, 5)),
        result_dtype=same_dtype,
        supports_out=True,
        inplace=method("addbmm_"),
        differentiable=True,
        error_inputs=add_product_errors(
            "addbmm",
            ((3, 5), (2, 3, 4), (2, 4, 5)),
            ((3, 5), (2, 3, 4), (2, 3, 5)),
            r"\[addbmm\] mat1 and mat2 shapes cannot be multiplied",
        ),
    )
)


# ---- tensordot, kron, einsum ----------------------------------------------------------------


def tensordot_samples(dtype, rng):
    yield Sample((t((2, 3, 4), dtype, rng), t((3, 4, 5), dtype, rng)), name="dims=2 (default)")
    yield Sample((t((2, 3), dtype, rng), t((3, 4), dtype, rng)), {"dims": 1}, name="dims=1")
    yield Sample((t((2, 3), dtype, rng), t((4, 5), dtype, rng)), {"dims": 0}, name="dims=0")
    yield Sample(
        (t((2, 3, 4), dtype, rng), t((4, 2, 5), dtype, rng)),
        {"dims": ([0, 2], [1, 0])},
        name="dims=([0, 2], [1, 0])",
    )
    yield Sample(
        (t((4, 3), dtype, rng).mT, t((4, 2), dtype, rng)), {"dims": ([1], [0])}, name="transposed"
    )
    yield Sample(
        (t((2, 1), dtype, rng), t((3, 4), dtype, rng)),
        {"dims": ([1], [0])},
        name="size-1 dim broadcasts",
    )


def tensordot_ref(a, b, dims=2):
    a, b = wide(a), wide(b)
    if isinstance(dims, tuple):
        dims_a, dims_b = dims
        # NumPy does not broadcast size-1 contracted dims; torch does.
        for da, db in zip(dims_a, dims_b, strict=True):
            size = max(a.shape[da], b.shape[db])
            a = np.broadcast_to(a, a.shape[:da] + (size,) + a.shape[da + 1 :])
            b = np.broadcast_to(b, b.shape[:db] + (size,) + b.shape[db + 1 :])
        return np.tensordot(a, b, axes=(dims_a, dims_b))
    return np.tensordot(a, b, axes=dims)


def tensordot_errors():
    rng = np.random.default_rng(0)
    f32 = ember.float32
    a, b = t((2, 3), f32, rng), t((4, 4), f32, rng)
    yield ErrorInput(
        Sample((a, b), {"dims": 1}),
        RuntimeError,
        r"contracted dimensions need to match, but first has size 3 in dim 1 and "
        r"second has size 4 in dim 0",
    )
    yield ErrorInput(Sample((a, b), {"dims": -1}), RuntimeError, "dims >= 0")
    yield ErrorInput(Sample((a, b.double()), {"dims": 1}), RuntimeError, "same dtype")
    yield ErrorInput(Sample((a, b), {"dims": ([0, 1], [0])}), RuntimeError, "same length")


OPS.append(
    OpInfo(
        name="tensordot",
        op=ember.tensordot,
        ref=tensordot_ref,
        dtypes=NUMERIC,
        sample_inputs=tensordot_samples,
        result_dtype=same_dtype,
        error_inputs=tensordot_errors,
        differentiable=True,
    )
)


def kron_samples(dtype, rng):
    for a_shape, b_shape in [
        ((2, 3), (4, 2)),
        ((2, 3), (4,)),
        ((3,), (2, 2, 2)),
        ((), (3,)),
        ((0, 2), (3, 1)),
    ]:
        yield Sample((t(a_shape, dtype, rng), t(b_shape, dtype, rng)), name=f"{a_shape}, {b_shape}")
    yield Sample((t((3, 2), dtype, rng).mT, t((2, 2), dtype, rng)), name="transposed")


OPS.append(
    OpInfo(
        name="kron",
        op=ember.kron,
        ref=np.kron,
        dtypes=ALL_REAL,
        sample_inputs=kron_samples,
        result_dtype=same_dtype,
        supports_out=True,
        differentiable=True,
    )
)

# (equation, operand shapes)
EINSUM_CASES = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("bij,bjk->bik", [(2, 2, 3), (2, 3, 4)]),
    ("i,i->", [(5,)] * 2),
    ("i,j->ij", [(2,), (3,)]),
    ("ii->i", [(3, 3)]),
    ("ij->ji", [(2, 3)]),
    ("ij->j", [(2, 3)]),
    ("ij->", [(2, 3)]),
    ("...ij,...jk", [(2, 2, 3), (3, 4)]),
    ("...ij,...jk->...ik", [(2, 1, 2, 3), (3, 3, 2)]),
    ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("Ab,bC->AC", [(2, 3), (3, 4)]),
    ("i j , j k -> i k", [(2, 3), (3, 4)]),
    ("iij->j", [(3, 3, 2)]),
    ("ij,ij->ij", [(2, 3), (2, 3)]),
    ("ij,kj->ikj", [(2, 3), (4, 3)]),
    ("i...->...", [(2, 3, 4)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("ij,jk", [(0, 3), (3, 4)]),
    ("ij,jk", [(2, 0), (0, 4)]),
    ("bi,bj->b", [(3, 4), (3, 5)]),
]
# Equations whose integer results are sums over one operand: torch.sum's int64.
EINSUM_INT64 = {"ij->j", "ij->", "iij->j", "i...->...", "bi,bj->b"}


def einsum_samples(dtype, rng):
    for equation, shapes in EINSUM_CASES:
        if dtype in INTEGRAL and equation == "bn,anm,bm->ba":
            continue  # sums m out of one operand first (int64), then a mixed-dtype bmm
        if dtype in (ember.float16, ember.bfloat16) and len(shapes) > 2:
            # Chained contractions round to the 16-bit type between steps (as torch); the
            # float64 reference rounds once. test_linalg.py checks these with a tolerance.
            continue
        operands = tuple(t(s, dtype, rng, low=-2, high=2) for s in shapes)
        yield Sample(operands, {"equation": equation}, name=equation)
    yield Sample(
        (t((3, 2), dtype, rng).mT, t((4, 3), dtype, rng).mT),
        {"equation": "ij,jk->ik"},
        name="transposed operands",
    )


def einsum_dtype(*operands, equation):
    dtype = operands[0].dtype
    if dtype in INTEGRAL and equation in EINSUM_INT64:
        return ember.int64
    return dtype


def einsum_errors():
    rng = np.random.default_rng(0)
    a, b = t((2, 3), ember.float32, rng), t((4, 4), ember.float32, rng)
    yield ErrorInput(
        Sample((a, b), {"equation": "ij,jk"}),
        RuntimeError,
        r"subscript j has size 4 for operand 1 which does not broadcast with "
        r"previously seen size 3",
    )
    yield ErrorInput(Sample((a,), {"equation": "ij,jk"}), RuntimeError, "fewer operands")
    yield ErrorInput(Sample((a, b), {"equation": "ij"}), RuntimeError, "more operands")
    yield ErrorInput(
        Sample((a,), {"equation": "ij->k"}), RuntimeError, "output subscript k does not appear"
    )
    yield ErrorInput(
        Sample((a,), {"equation": "ii->i"}),
        RuntimeError,
        "subscript i is repeated for operand 0 but the sizes don't match, 3 != 2",
    )
    yield ErrorInput(
        Sample((a,), {"equation": "ijk"}),
        RuntimeError,
        r"number of subscripts in the equation \(3\) does not match",
    )
    yield ErrorInput(Sample((a,), {"equation": "i1"}), RuntimeError, "invalid subscript")
    yield ErrorInput(
        Sample((a, t((3, 4), ember.float64, rng)), {"equation": "ij,jk"}),
        RuntimeError,
        "same dtype",
    )


OPS.append(
    OpInfo(
        name="einsum",
        op=lambda *operands, equation: ember.einsum(equation, *operands),
        ref=lambda *arrays, equation: np.einsum(equation, *[wide(a) for a in arrays]),
        dtypes=NUMERIC,
        sample_inputs=einsum_samples,
        result_dtype=einsum_dtype,
        error_inputs=einsum_errors,
        differentiable=True,
    )
)


# ---- ember.linalg ---------------------------------------------------------------------------


def well_conditioned(shape, dtype, rng):
    """Random matrices with a dominant diagonal (condition number ~2), so float32 results
    agree with the reference to float32 precision."""
    a = rng.uniform(-1, 1, shape)
    n = min(shape[-2:]) if len(shape) >= 2 else 0
    if n:
        a[..., range(n), range(n)] += 1.5 * max(shape[-2:])
    return ember.tensor(a, dtype=dtype)


def spd(shape, dtype, rng):
    """Symmetric positive-definite matrices."""
    x = rng.uniform(-1, 1, shape)
    a = x @ np.swapaxes(x, -1, -2) + shape[-1] * np.eye(shape[-1])
    return ember.tensor(a, dtype=dtype)


def square_samples(dtype, rng):
    for shape in ((3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0), (3, 0, 2, 2)):
        yield Sample((well_conditioned(shape, dtype, rng),), name=str(shape))
    yield Sample((well_conditioned((4, 4), dtype, rng).mT,), name="transposed")
    a = well_conditioned((3, 3), dtype, rng)
    wide_a = ember.zeros(3, 6, dtype=dtype)
    wide_a[:, ::2] = a
    yield Sample((wide_a[:, ::2],), name="noncontiguous")


def lapack_errors(name, square=True, *, positional=()):
    """The input checks every LAPACK-backed function shares."""

    def errors():
        rng = np.random.default_rng(0)
        extra = tuple(p() for p in positional)
        if square:
            yield ErrorInput(
                Sample((t((2, 3), ember.float32, rng), *extra)),
                RuntimeError,
                rf"\[{name}\] A must be batches of square matrices, but they are 2 "
                r"by 3 matrices",
            )
        yield ErrorInput(
            Sample((t((3,), ember.float32, rng), *extra)),
            RuntimeError,
            rf"\[{name}\] The input tensor A must have at least 2 dimensions",
        )
        yield ErrorInput(
            Sample((t((2, 2), ember.int64, rng), *extra)),
            RuntimeError,
            "Expected a floating point or complex tensor as input. Got int64",
        )
        yield ErrorInput(
            Sample((t((2, 2), ember.float16, rng), *extra)),
            RuntimeError,
            "Low precision dtypes not supported. Got float16",
        )
        yield ErrorInput(
            Sample((ember.zeros(2, 2, dtype=ember.complex64), *extra)),
            NotImplementedError,
            "complex",
        )

    return errors


SINGULAR = [[1.0, 2.0], [2.0, 4.0]]


def inv_errors():
    yield from lapack_errors("linalg.inv")()
    yield ErrorInput(
        Sample((ember.tensor(SINGULAR),)),
        ember.linalg.LinAlgError,
        r"\[linalg.inv\] The diagonal element 2 is zero, the inversion could not be "
        r"completed because the input matrix is singular.",
    )
    batch = ember.tensor(np.array([np.eye(2), SINGULAR]), dtype=ember.float32)
    yield ErrorInput(Sample((batch,)), RuntimeError, r"\(Batch element 1\): The diagonal element 2")


OPS.append(
    OpInfo(
        name="linalg_inv",
        op=ember.linalg.inv,
        ref=np.linalg.inv,
        dtypes=LAPACK,
        sample_inputs=square_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=inv_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="inverse",
        op=ember.inverse,
        ref=np.linalg.inv,
        dtypes=LAPACK,
        sample_inputs=square_samples,
        result_dtype=same_dtype,
        error_inputs=lapack_errors("linalg.inv"),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_inv_ex",
        op=lambda a: ember.linalg.inv_ex(a).inverse,
        ref=np.linalg.inv,
        dtypes=LAPACK,
        sample_inputs=square_samples,
        result_dtype=same_dtype,
        error_inputs=lapack_errors("linalg.inv"),
        differentiable=True,
    )
)


def solve_ref(a, b, left=True):
    """torch.linalg.solve's rules on NumPy: B is a vector when 1-D or A.shape[:-1]."""
    vector = b.ndim == 1 or (b.ndim == a.ndim - 1 and b.shape == a.shape[:-1])
    b2 = b[..., None] if vector else b
    if not left:
        a, b2 = np.swapaxes(a, -1, -2), np.swapaxes(b2, -1, -2)
    batch = np.broadcast_shapes(a.shape[:-2], b2.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:])
    b2 = np.broadcast_to(b2, batch + b2.shape[-2:])
    x = np.linalg.solve(a, b2) if a.size else np.zeros(b2.shape)
    if not left:
        x = np.swapaxes(x, -1, -2)
    return x[..., 0] if vector else x


def solve_samples(dtype, rng):
    A = well_conditioned
    yield Sample((A((3, 3), dtype, rng), t((3,), dtype, rng)), name="vector")
    yield Sample((A((3, 3), dtype, rng), t((3, 2), dtype, rng)), name="matrix")
    yield Sample((A((2, 3, 3), dtype, rng), t((2, 3), dtype, rng)), name="batch of vectors")
    yield Sample((A((2, 3, 3), dtype, rng), t((3, 3), dtype, rng)), name="broadcast B")
    yield Sample((A((3, 3), dtype, rng), t((4, 3, 2), dtype, rng)), name="broadcast A")
    yield Sample((A((3, 3), dtype, rng), t((2, 3), dtype, rng)), {"left": False}, name="left=False")
    yield Sample((A((0, 0), dtype, rng), t((0, 2), dtype, rng)), name="empty")
    yield Sample((A((3, 3), dtype, rng).mT, t((2, 3), dtype, rng).mT), name="transposed")


def solve_errors():
    rng = np.random.default_rng(0)
    f32 = ember.float32
    yield from lapack_errors("linalg.solve", positional=(lambda: t((2,), f32, rng),))()
    eye = ember.eye(2)
    yield ErrorInput(
        Sample((eye, t((3,), f32, rng))),
        RuntimeError,
        r"Incompatible shapes of A and B for the equation AX = B \(2x2 and 3x1\)",
    )
    yield ErrorInput(
        Sample((eye, t((2,), f32, rng)), {"left": False}),
        RuntimeError,
        r"Incompatible shapes of A and B for the equation XA = B \(2x2 and 2x1\)",
    )
    yield ErrorInput(
        Sample((eye, t((2,), ember.float64, rng))),
        RuntimeError,
        "Expected A and B to have the same dtype, but found A of type float32 and B "
        "of type float64 instead",
    )
    yield ErrorInput(
        Sample((ember.tensor(SINGULAR), t((2,), f32, rng))),
        ember.linalg.LinAlgError,
        r"\[linalg.solve\] The solver failed because the input matrix is singular.",
    )


OPS.append(
    OpInfo(
        name="linalg_solve",
        op=ember.linalg.solve,
        ref=solve_ref,
        dtypes=LAPACK,
        sample_inputs=solve_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=solve_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_solve_ex",
        op=lambda a, b, **k: ember.linalg.solve_ex(a, b, **k).result,
        ref=solve_ref,
        dtypes=LAPACK,
        sample_inputs=solve_samples,
        result_dtype=same_dtype,
        differentiable=True,
    )
)


def det_samples(dtype, rng):
    for shape in ((3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0)):
        yield Sample((t(shape, dtype, rng, low=-1, high=1),), name=str(shape))
    yield Sample((t((3, 3), dtype, rng, low=-1, high=1).mT,), name="transposed")
    yield Sample((ember.tensor([[0.0, 1.0], [1.0, 0.0]], dtype=dtype),), name="one row swap")
    yield Sample((ember.tensor([[2.0, 4.0], [1.0, 2.0]], dtype=dtype),), name="singular")
    yield Sample((ember.tensor([[-2.0, 0.0], [0.0, 3.0]], dtype=dtype),), name="negative")


def slogdet_ref(field):
    def ref(a):
        sign, logabs = (
            np.linalg.slogdet(a) if a.size else (np.ones(a.shape[:-2]), np.zeros(a.shape[:-2]))
        )
        return sign if field == "sign" else logabs

    return ref


def logdet_ref(a):
    sign, logabs = slogdet_ref("sign")(a), slogdet_ref("logabsdet")(a)
    return np.where(sign < 0, np.nan, np.where(sign == 0, -np.inf, logabs))


def det_ref(a):
    return np.linalg.det(a) if a.size else np.ones(a.shape[:-2])


OPS.append(
    OpInfo(
        name="linalg_det",
        op=ember.linalg.det,
        ref=det_ref,
        dtypes=LAPACK,
        sample_inputs=det_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=lapack_errors("linalg.det"),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="det",
        op=ember.det,
        ref=det_ref,
        dtypes=LAPACK,
        sample_inputs=det_samples,
        result_dtype=same_dtype,
        error_inputs=lapack_errors("linalg.det"),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="logdet",
        op=ember.logdet,
        ref=logdet_ref,
        dtypes=LAPACK,
        sample_inputs=det_samples,
        result_dtype=same_dtype,
        error_inputs=lapack_errors("logdet"),
        differentiable=True,
    )
)
for _name, _fn in (("linalg_slogdet", ember.linalg.slogdet), ("slogdet", ember.slogdet)):
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda f: lambda a: f(a).logabsdet)(_fn),
            ref=slogdet_ref("logabsdet"),
            dtypes=LAPACK,
            sample_inputs=det_samples,
            result_dtype=same_dtype,
            error_inputs=lapack_errors("linalg.slogdet"),
            differentiable=True,
        )
    )
    OPS.append(
        OpInfo(
            name=f"{_name}.sign",
            op=(lambda f: lambda a: f(a).sign)(_fn),
            ref=slogdet_ref("sign"),
            dtypes=LAPACK,
            sample_inputs=det_samples,
            result_dtype=same_dtype,
        )
    )


def spd_samples(dtype, rng):
    for shape in ((3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0)):
        yield Sample((spd(shape, dtype, rng),), name=str(shape))
        yield Sample((spd(shape, dtype, rng),), {"upper": True}, name=f"{shape} upper")
    yield Sample((spd((3, 3), dtype, rng).mT,), name="transposed")


def cholesky_ref(a, upper=False):
    low = np.linalg.cholesky(a) if a.size else a
    return np.swapaxes(low, -1, -2) if upper else low


def cholesky_errors():
    yield from lapack_errors("linalg.cholesky")()
    yield ErrorInput(
        Sample((ember.tensor([[1.0, 2.0], [2.0, 1.0]]),)),
        ember.linalg.LinAlgError,
        r"\[linalg.cholesky\] The factorization could not be completed because the "
        r"input is not positive-definite \(the leading minor of order 2 is not "
        r"positive-definite\).",
    )


OPS.append(
    OpInfo(
        name="linalg_cholesky",
        op=ember.linalg.cholesky,
        ref=cholesky_ref,
        dtypes=LAPACK,
        sample_inputs=spd_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=cholesky_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_cholesky_ex",
        op=lambda a, **k: ember.linalg.cholesky_ex(a, **k).L,
        ref=cholesky_ref,
        dtypes=LAPACK,
        sample_inputs=spd_samples,
        result_dtype=same_dtype,
        differentiable=True,
    )
)


def rect_samples(
    dtype, rng, shapes=((3, 3), (4, 3), (3, 5), (2, 4, 3), (2, 3, 4), (0, 3), (3, 0), (2, 0, 0))
):
    for shape in shapes:
        yield Sample((t(shape, dtype, rng, low=-1, high=1),), name=str(shape))
    yield Sample((t((3, 4), dtype, rng, low=-1, high=1).mT,), name="transposed")
    yield Sample((t((4, 3), dtype, rng, low=-1, high=1, noncontiguous=True),), name="noncontiguous")


def qr_samples(dtype, rng):
    for sample in rect_samples(dtype, rng):
        yield sample
        yield Sample(sample.args, {"mode": "complete"}, name=f"{sample.name} complete")


def qr_reconstruct(a, mode="reduced"):
    q, r = ember.linalg.qr(a, mode)
    return q @ r


def qr_errors():
    yield from lapack_errors("linalg.qr", square=False)()
    yield ErrorInput(
        Sample((ember.eye(2),), {"mode": "x"}),
        RuntimeError,
        r"qr received unrecognized mode 'x' but expected one of 'reduced' \(default\), "
        r"'r', or 'complete'",
    )


def abs_r_ref(a):
    return (
        np.abs(np.linalg.qr(a, mode="r"))
        if a.size
        else np.zeros(a.shape[:-2] + (min(a.shape[-2:]), a.shape[-1]))
    )


OPS.append(
    OpInfo(
        name="linalg_qr",
        op=qr_reconstruct,
        ref=lambda a, mode="reduced": a,
        dtypes=LAPACK,
        sample_inputs=qr_samples,
        result_dtype=same_dtype,
        error_inputs=qr_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_qr.R",
        op=lambda a: ember.linalg.qr(a, "r").R.abs(),
        ref=abs_r_ref,
        dtypes=LAPACK,
        sample_inputs=rect_samples,
        result_dtype=same_dtype,
    )
)


def svd_reconstruct(a, full_matrices=True, **kwargs):
    u, s, vh = ember.linalg.svd(a, full_matrices, **kwargs)
    k = s.shape[-1]
    return (u[..., :k] * s.unsqueeze(-2)) @ vh[..., :k, :]


def svd_samples(dtype, rng):
    for sample in rect_samples(dtype, rng):
        yield sample
        yield Sample(sample.args, {"full_matrices": False}, name=f"{sample.name} reduced")


def svdvals_ref(a, **kwargs):
    if a.size == 0:
        return np.zeros(a.shape[:-2] + (min(a.shape[-2:]),))
    return np.linalg.svd(a, compute_uv=False)


def svd_errors():
    yield from lapack_errors("linalg.svd", square=False)()
    yield ErrorInput(
        Sample((ember.eye(2),), {"driver": "gesvd"}),
        RuntimeError,
        "driver=. is only supported on CUDA",
    )
    yield ErrorInput(
        Sample((ember.tensor([[math.nan, 1.0], [1.0, 1.0]]),)),
        ember.linalg.LinAlgError,
        "input matrix contained non-finite values",
    )


OPS.append(
    OpInfo(
        name="linalg_svd",
        op=svd_reconstruct,
        ref=lambda a, **k: a,
        dtypes=LAPACK,
        sample_inputs=svd_samples,
        result_dtype=same_dtype,
        error_inputs=svd_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_svd.S",
        op=lambda a, **k: ember.linalg.svd(a, **k).S,
        ref=svdvals_ref,
        dtypes=LAPACK,
        sample_inputs=svd_samples,
        result_dtype=same_dtype,
    )
)
OPS.append(
    OpInfo(
        name="linalg_svdvals",
        op=ember.linalg.svdvals,
        ref=svdvals_ref,
        dtypes=LAPACK,
        sample_inputs=rect_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=lapack_errors("linalg.svdvals", square=False),
        differentiable=True,
    )
)


def symmetric_samples(dtype, rng):
    for shape in ((3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0)):
        x = rng.uniform(-1, 1, shape)
        yield Sample((ember.tensor(x + np.swapaxes(x, -1, -2), dtype=dtype),), name=str(shape))
    # Not symmetric: only the UPLO triangle may be read.
    yield Sample((t((4, 4), dtype, rng, low=-1, high=1),), {"UPLO": "U"}, name="upper triangle")
    yield Sample((t((4, 4), dtype, rng, low=-1, high=1),), {"UPLO": "L"}, name="lower triangle")


def symmetrized(a, UPLO="L"):  # noqa: N803
    tri = np.triu(a) if UPLO == "U" else np.tril(a)
    return tri + np.swapaxes(tri, -1, -2) - tri * np.eye(a.shape[-1])


def eigh_reconstruct(a, UPLO="L"):  # noqa: N803
    w, v = ember.linalg.eigh(a, UPLO)
    return (v * w.unsqueeze(-2)) @ v.mT


def eigvalsh_ref(a, UPLO="L"):  # noqa: N803
    return np.linalg.eigvalsh(symmetrized(a, UPLO)) if a.size else np.zeros(a.shape[:-1])


def eigh_errors():
    yield from lapack_errors("linalg.eigh")()
    yield ErrorInput(
        Sample((ember.eye(2),), {"UPLO": "X"}),
        RuntimeError,
        "Expected UPLO argument to be 'L' or 'U', but got X",
    )


OPS.append(
    OpInfo(
        name="linalg_eigh",
        op=eigh_reconstruct,
        ref=symmetrized,
        dtypes=LAPACK,
        sample_inputs=symmetric_samples,
        result_dtype=same_dtype,
        error_inputs=eigh_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="linalg_eigh.eigenvalues",
        op=lambda a, **k: ember.linalg.eigh(a, **k).eigenvalues,
        ref=eigvalsh_ref,
        dtypes=LAPACK,
        sample_inputs=symmetric_samples,
        result_dtype=same_dtype,
    )
)
OPS.append(
    OpInfo(
        name="linalg_eigvalsh",
        op=ember.linalg.eigvalsh,
        ref=eigvalsh_ref,
        dtypes=LAPACK,
        sample_inputs=symmetric_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=lapack_errors("linalg.eigvalsh"),
        differentiable=True,
    )
)


def lstsq_samples(dtype, rng):
    A = well_conditioned
    for driver in ("gelsy", "gelsd", "gelss", "gels", None):
        yield Sample(
            (A((5, 3), dtype, rng), t((5, 2), dtype, rng)),
            {"driver": driver},
            name=f"overdetermined {driver}",
        )
    yield Sample((A((3, 3), dtype, rng), t((3,), dtype, rng)), name="square, vector B")
    yield Sample(
        (A((2, 4, 3), dtype, rng), t((1, 4, 2), dtype, rng)),
        {"driver": "gelsd"},
        name="batched A, broadcast B",
    )
    yield Sample((A((2, 4, 3), dtype, rng), t((2, 4), dtype, rng)), name="batch of vectors")
    yield Sample(
        (A((4, 3), dtype, rng).mT.contiguous().mT, t((4, 1), dtype, rng)), name="column-major A"
    )
    yield Sample((A((0, 3), dtype, rng), t((0, 2), dtype, rng)), name="no equations")


def lstsq_ref(a, b, driver=None):
    vector = a.ndim - b.ndim == 1
    b2 = b[..., None] if vector else b
    batch = np.broadcast_shapes(a.shape[:-2], b2.shape[:-2])
    a = np.broadcast_to(a, batch + a.shape[-2:])
    b2 = np.broadcast_to(b2, batch + b2.shape[-2:])
    out = np.zeros(batch + (a.shape[-1], b2.shape[-1]))
    for index in np.ndindex(*batch):
        if a[index].size:
            out[index] = np.linalg.lstsq(
                a[index].astype(np.float64), b2[index].astype(np.float64), rcond=None
            )[0]
    return out[..., 0] if vector else out


def lstsq_errors():
    rng = np.random.default_rng(0)
    f32 = ember.float32
    a = t((4, 3), f32, rng)
    yield ErrorInput(
        Sample((a, t((3, 2), f32, rng))),
        RuntimeError,
        r"input.size\(-2\) should match other.size\(-2\)",
    )
    yield ErrorInput(
        Sample((a, t((4, 2), f32, rng)), {"driver": "foo"}),
        RuntimeError,
        r"parameter `driver` should be one of \(gels, gelsy, gelsd, gelss\)",
    )
    yield ErrorInput(Sample((a, t((4, 2), ember.float64, rng))), RuntimeError, "same dtype")
    zero_column = ember.tensor([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0], [4.0, 0.0]])
    yield ErrorInput(
        Sample((zero_column, t((4, 2), f32, rng)), {"driver": "gels"}),
        ember.linalg.LinAlgError,
        "does not have full rank",
    )


OPS.append(
    OpInfo(
        name="linalg_lstsq",
        op=lambda a, b, **k: ember.linalg.lstsq(a, b, **k).solution,
        ref=lstsq_ref,
        dtypes=LAPACK,
        sample_inputs=lstsq_samples,
        result_dtype=same_dtype,
        error_inputs=lstsq_errors,
        differentiable=True,
    )
)


# ---- norms, pinv, matrix_rank ---------------------------------------------------------------


def vector_norm_ref(x, ord=2, dim=None, keepdim=False, dtype=None):  # noqa: A002
    x = np.abs(x.astype(np.float64))
    axis = None if dim is None or dim == () else dim
    if ord == math.inf:
        out = np.max(x, axis=axis, keepdims=keepdim)
    elif ord == -math.inf:
        out = np.min(x, axis=axis, keepdims=keepdim)
    elif ord == 0:
        out = np.sum(x != 0, axis=axis, keepdims=keepdim).astype(np.float64)
    else:
        with np.errstate(divide="ignore"):
            out = np.sum(x**ord, axis=axis, keepdims=keepdim) ** (1.0 / ord)
    return out


def vector_norm_samples(dtype, rng):
    x = t((3, 4), dtype, rng)
    for ord in (2, 1, math.inf, -math.inf, 0, 3.5, -1, 0.5):  # noqa: A001
        yield Sample((x,), {"ord": ord}, name=f"ord={ord}")
    yield Sample((x,), {"dim": 1}, name="dim=1")
    yield Sample(
        (t((2, 3, 4), dtype, rng),), {"dim": (0, 2), "keepdim": True}, name="dims, keepdim"
    )
    yield Sample((t((2, 3, 4), dtype, rng),), {"dim": (-1,), "ord": math.inf}, name="dim=-1 inf")
    yield Sample((t((), dtype, rng),), name="0-d")
    yield Sample((t((0, 3), dtype, rng),), name="empty")
    yield Sample((t((0, 3), dtype, rng),), {"dim": 1, "ord": math.inf}, name="empty kept dim")
    yield Sample((t((3, 4), dtype, rng).mT,), {"dim": 0}, name="transposed")
    yield Sample((t((3, 4), dtype, rng, noncontiguous=True),), {"ord": 1}, name="noncontiguous")
    yield Sample((t((300,), dtype, rng),), name="long")
    if dtype in (ember.float16, ember.bfloat16, ember.float32):
        yield Sample((x,), {"dtype": ember.float64}, name="dtype=float64")


def norm_dtype(x, *args, dtype=None, **kwargs):
    return x.dtype if dtype is None else dtype


def vector_norm_errors():
    rng = np.random.default_rng(0)
    yield ErrorInput(
        Sample((t((0, 3), ember.float32, rng),), {"ord": math.inf}),
        RuntimeError,
        "cannot compute the inf norm on an empty tensor",
    )
    yield ErrorInput(
        Sample((t((0, 3), ember.float32, rng),), {"ord": -1, "dim": 0}),
        RuntimeError,
        "cannot compute the -1 norm on the dimension 0",
    )
    yield ErrorInput(
        Sample((t((2, 3), ember.int64, rng),)),
        RuntimeError,
        "Expected a floating point or complex tensor as input. Got int64",
    )
    yield ErrorInput(
        Sample((t((2, 3), ember.float32, rng),), {"dtype": ember.float16}),
        RuntimeError,
        "should be convertible without narrowing",
    )
    yield ErrorInput(
        Sample((t((2, 3), ember.float32, rng),), {"dim": (0, 0)}),
        RuntimeError,
        "appears multiple times",
    )


OPS.append(
    OpInfo(
        name="linalg_vector_norm",
        op=ember.linalg.vector_norm,
        ref=vector_norm_ref,
        dtypes=FLOATING,
        sample_inputs=vector_norm_samples,
        result_dtype=norm_dtype,
        supports_out=True,
        error_inputs=vector_norm_errors,
        differentiable=True,
    )
)

MATRIX_ORDS = ("fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf)


def matrix_norm_ref(a, ord="fro", dim=(-2, -1), keepdim=False, dtype=None):  # noqa: A002
    a = a.astype(np.float64)
    if a.shape[dim[0]] == 0 or a.shape[dim[1]] == 0:
        shape = list(a.shape)
        for d in sorted((d % a.ndim for d in dim), reverse=True):
            if keepdim:
                shape[d] = 1
            else:
                del shape[d]
        return np.zeros(shape)
    return np.linalg.norm(a, ord=ord, axis=dim, keepdims=keepdim)


def matrix_norm_samples(dtype, rng):
    spectral_ok = dtype in LAPACK
    for ord in MATRIX_ORDS:  # noqa: A001
        if ord in ("nuc", 2, -2) and not spectral_ok:
            continue
        yield Sample((t((3, 4), dtype, rng),), {"ord": ord}, name=f"ord={ord}")
        yield Sample(
            (t((2, 3, 4), dtype, rng),),
            {"ord": ord, "dim": (0, 2), "keepdim": True},
            name=f"ord={ord}, dim=(0, 2), keepdim",
        )
    yield Sample((t((3, 4), dtype, rng).mT,), name="transposed")
    yield Sample((t((0, 3), dtype, rng),), {"ord": 1}, name="empty")
    if dtype == ember.float32:
        yield Sample((t((3, 4), dtype, rng),), {"dtype": ember.float64}, name="dtype=float64")


def matrix_norm_errors():
    rng = np.random.default_rng(0)
    x = t((2, 3), ember.float32, rng)
    yield ErrorInput(Sample((x,), {"ord": 3}), RuntimeError, "Order 3 not supported.")
    yield ErrorInput(Sample((x,), {"ord": "foo"}), RuntimeError, "Order foo not supported.")
    yield ErrorInput(
        Sample((t((3,), ember.float32, rng),)), RuntimeError, "must have at least 2 dimensions"
    )
    yield ErrorInput(Sample((x,), {"dim": (1, 1)}), RuntimeError, "dims must be different")
    yield ErrorInput(
        Sample((x.half(),), {"ord": 2}),
        RuntimeError,
        "Low precision dtypes not supported. Got float16",
    )


OPS.append(
    OpInfo(
        name="linalg_matrix_norm",
        op=ember.linalg.matrix_norm,
        ref=matrix_norm_ref,
        dtypes=FLOATING,
        sample_inputs=matrix_norm_samples,
        result_dtype=norm_dtype,
        supports_out=True,
        error_inputs=matrix_norm_errors,
        differentiable=True,
    )
)


def linalg_norm_ref(a, ord=None, dim=None, keepdim=False, dtype=None):  # noqa: A002
    return np.linalg.norm(a.astype(np.float64), ord=ord, axis=dim, keepdims=keepdim)


def linalg_norm_samples(dtype, rng):
    yield Sample((t((2, 3, 4), dtype, rng),), name="all elements")
    yield Sample((t((5,), dtype, rng),), {"ord": 3}, name="vector ord=3")
    yield Sample((t((3, 4), dtype, rng),), {"ord": 1}, name="matrix ord=1")
    yield Sample((t((3, 4), dtype, rng),), {"ord": "fro"}, name="matrix fro")
    yield Sample((t((2, 3, 4), dtype, rng),), {"dim": 1, "ord": math.inf}, name="dim=1 inf")
    yield Sample(
        (t((2, 3, 4), dtype, rng),),
        {"dim": (0, 1), "ord": -math.inf, "keepdim": True},
        name="dim=(0, 1) -inf keepdim",
    )
    if dtype in LAPACK:
        yield Sample((t((3, 4), dtype, rng),), {"ord": "nuc"}, name="matrix nuc")
        yield Sample((t((3, 4), dtype, rng),), {"ord": 2}, name="matrix 2")


def linalg_norm_errors():
    rng = np.random.default_rng(0)
    yield ErrorInput(
        Sample((t((2, 3, 4), ember.float32, rng),), {"ord": 2}),
        RuntimeError,
        "If dim is not specified but ord is, the input must be 1D or 2D. Got 3D.",
    )
    yield ErrorInput(
        Sample((t((2, 3, 4), ember.float32, rng),), {"dim": (0, 1, 2)}),
        RuntimeError,
        "If dim is specified, it must be of length 1 or 2",
    )
    yield ErrorInput(
        Sample((t((3,), ember.float32, rng),), {"ord": "fro"}),
        RuntimeError,
        "at least 2 dimensions",
    )


OPS.append(
    OpInfo(
        name="linalg_norm",
        op=ember.linalg.norm,
        ref=linalg_norm_ref,
        dtypes=FLOATING,
        sample_inputs=linalg_norm_samples,
        result_dtype=norm_dtype,
        supports_out=True,
        error_inputs=linalg_norm_errors,
        differentiable=True,
    )
)


def torch_norm_ref(a, p="fro", dim=None, keepdim=False, dtype=None):
    if isinstance(dim, int):
        dim = (dim,)
    if p == "fro" and (dim is None or len(dim) <= 2):
        return vector_norm_ref(a, 2, dim, keepdim)
    if isinstance(p, str):
        return matrix_norm_ref(a, p, dim if dim is not None else tuple(range(a.ndim)), keepdim)
    return vector_norm_ref(a, 2 if p is None else p, dim, keepdim)


def torch_norm_samples(dtype, rng):
    yield Sample((t((2, 3, 4), dtype, rng),), name="default")
    yield Sample((t((2, 3), dtype, rng),), {"p": 1}, name="p=1")
    yield Sample((t((2, 3), dtype, rng),), {"dim": 1}, name="dim=1")
    yield Sample(
        (t((2, 3), dtype, rng),), {"p": "fro", "dim": 1, "keepdim": True}, name="fro dim=1"
    )
    yield Sample((t((2, 3), dtype, rng),), {"p": math.inf}, name="p=inf")
    if dtype in LAPACK:
        yield Sample((t((2, 3), dtype, rng),), {"p": "nuc"}, name="nuc")


OPS.append(
    OpInfo(
        name="norm",
        op=ember.norm,
        ref=torch_norm_ref,
        dtypes=FLOATING,
        sample_inputs=torch_norm_samples,
        result_dtype=norm_dtype,
        differentiable=True,
        error_inputs=lambda: iter(
            [
                ErrorInput(
                    Sample((ember.ones(2, 3, dtype=ember.int64),)),
                    RuntimeError,
                    "Expected a floating point",
                )
            ]
        ),
    )
)


def default_rtol(a):
    return np.finfo(a.dtype if a.dtype != np.float16 else np.float32).eps * max(a.shape[-2:])


def tolerance_ref(a, s, atol, rtol):
    smax = s.max(-1, keepdims=True) if s.shape[-1] else np.zeros(s.shape[:-1] + (1,))
    if rtol is None:
        rtol = 0.0 if atol is not None and atol > 0 else default_rtol(a)
    return np.maximum(0.0 if atol is None else atol, rtol * smax)


def pinv_ref(a, atol=None, rtol=None, hermitian=False):
    if min(a.shape[-2:]) == 0:
        return np.zeros(a.shape[:-2] + (a.shape[-1], a.shape[-2]))
    u, s, vh = np.linalg.svd(a.astype(np.float64), full_matrices=False)
    tol = tolerance_ref(a, s, atol, rtol)
    s_inv = np.where(s > tol, 1 / np.where(s > tol, s, 1), 0)
    return np.swapaxes(vh, -1, -2) @ (s_inv[..., None] * np.swapaxes(u, -1, -2))


def rank_deficient(shape, rank, dtype, rng):
    x = rng.uniform(-1, 1, shape[:-1] + (rank,))
    y = rng.uniform(-1, 1, shape[:-2] + (rank, shape[-1]))
    return ember.tensor(x @ y, dtype=dtype)


# Singular values 3, 2, 0 exactly: the default tolerance has no borderline value to judge.
EXACT_RANK_2 = [[0.0, 2.0, 0.0], [3.0, 0.0, 0.0], [0.0, 0.0, 0.0]]


def pinv_samples(dtype, rng):
    yield Sample((well_conditioned((3, 3), dtype, rng),), name="invertible")
    yield Sample((well_conditioned((4, 3), dtype, rng),), name="tall")
    yield Sample((well_conditioned((2, 3, 5), dtype, rng),), name="wide, batched")
    yield Sample((ember.tensor(EXACT_RANK_2, dtype=dtype),), name="rank 2")
    yield Sample((rank_deficient((4, 4), 2, dtype, rng),), {"atol": 0.5}, name="atol")
    yield Sample((rank_deficient((4, 3), 2, dtype, rng),), {"rtol": 0.3}, name="rtol")
    x = rng.uniform(-1, 1, (4, 4))
    yield Sample(
        (ember.tensor(x + x.T + 8 * np.eye(4), dtype=dtype),), {"hermitian": True}, name="hermitian"
    )
    yield Sample((t((3, 0), dtype, rng),), name="empty")


def pinv_errors():
    yield from lapack_errors("linalg.pinv", square=False)()
    yield ErrorInput(
        Sample((ember.ones(2, 3),), {"hermitian": True}), RuntimeError, "square matrices"
    )


OPS.append(
    OpInfo(
        name="linalg_pinv",
        op=ember.linalg.pinv,
        ref=pinv_ref,
        dtypes=LAPACK,
        sample_inputs=pinv_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=pinv_errors,
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="pinverse",
        op=ember.pinverse,
        ref=lambda a, rcond=1e-15: pinv_ref(a, rtol=rcond),
        dtypes=LAPACK,
        sample_inputs=lambda dtype, rng: (s for s in pinv_samples(dtype, rng) if not s.kwargs),
        result_dtype=same_dtype,
        differentiable=True,
    )
)


def matrix_rank_ref(a, atol=None, rtol=None, hermitian=False):
    if min(a.shape[-2:]) == 0:
        return np.zeros(a.shape[:-2], dtype=np.int64)
    s = np.abs(np.linalg.eigvalsh(a)) if hermitian else np.linalg.svd(a, compute_uv=False)
    return np.sum(s > tolerance_ref(a, s, atol, rtol), axis=-1)


OPS.append(
    OpInfo(
        name="linalg_matrix_rank",
        op=ember.linalg.matrix_rank,
        ref=matrix_rank_ref,
        dtypes=LAPACK,
        sample_inputs=pinv_samples,
        result_dtype=lambda *a, **k: ember.int64,
        supports_out=True,
        error_inputs=lapack_errors("linalg.matrix_rank", square=False),
    )
)
