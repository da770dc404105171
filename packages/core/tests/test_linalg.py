"""What the op database cannot express for the matrix products and ember.linalg: every
layout the GEMM path distinguishes, integer wrap-around, 16-bit rounding, the `@`
operator, out= layouts, einsum's other call forms, and the properties that define each
decomposition (orthonormal factors, triangular factors, reconstructions), torch's
errors, and the lazy import of ember.linalg."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

import ember

RNG = np.random.default_rng(2024)


def rand(*shape, dtype=np.float64, low=-1.0, high=1.0):
    if np.issubdtype(dtype, np.integer):
        return RNG.integers(-9, 10, size=shape).astype(dtype)
    return RNG.uniform(low, high, size=shape).astype(dtype)


def close(actual, expected, rtol=1e-10, atol=1e-10):
    np.testing.assert_allclose(
        np.asarray(actual, dtype=np.float64),
        np.asarray(expected, dtype=np.float64),
        rtol=rtol,
        atol=atol,
    )


# ---- matmul: layouts, dtypes, operator ------------------------------------------------------

# Views of a 2-D array that the GEMM path treats differently: row-major, column-major
# (transposed), sliced with a leading dimension larger than the row, sliced columns (no
# BLAS layout: packed), and broadcast (stride 0).
LAYOUTS = {
    "contiguous": lambda x: x,
    "transposed": lambda x: x.mT.contiguous().mT,
    "padded rows": lambda x: _padded(x, rows=False),
    "offset window": lambda x: _padded(x, rows=True),
    "every other column": lambda x: _strided(x),
}


def _padded(x, rows):
    """x as a slice of a bigger buffer (leading dimension > its row length)."""
    m, n = x.shape
    big = ember.zeros(m + 2, n + 3, dtype=x.dtype) if rows else ember.zeros(m, n + 5, dtype=x.dtype)
    view = big[1 : m + 1, 2 : n + 2] if rows else big[:, :n]
    view.copy_(x)
    return view


def _strided(x):
    m, n = x.shape
    big = ember.zeros(m, 2 * n, dtype=x.dtype)
    view = big[:, ::2]
    view.copy_(x)
    return view


@pytest.mark.parametrize("layout_a", sorted(LAYOUTS))
@pytest.mark.parametrize("layout_b", sorted(LAYOUTS))
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32])
def test_mm_every_operand_layout(layout_a, layout_b, dtype):
    a, b = rand(5, 7, dtype=dtype), rand(7, 3, dtype=dtype)
    ea = LAYOUTS[layout_a](ember.tensor(a))
    eb = LAYOUTS[layout_b](ember.tensor(b))
    close(ember.mm(ea, eb).numpy(), a.astype(np.float64) @ b, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_vector_products_every_layout(layout, dtype):
    # Matrix-vector and vector-matrix products run on gemv, vector-vector on dot.
    a = rand(5, 7, dtype=dtype)
    ea = LAYOUTS[layout](ember.tensor(a))
    v7, v5 = rand(7, dtype=dtype), rand(5, dtype=dtype)
    ev7 = ember.tensor(np.repeat(v7, 3))[::3]  # strided vector
    ev5 = ember.tensor(v5)
    close((ea @ ev7).numpy(), a.astype(np.float64) @ v7, rtol=1e-5, atol=1e-5)
    close((ev5 @ ea).numpy(), v5.astype(np.float64) @ a, rtol=1e-5, atol=1e-5)
    close((ev7 @ ev7).numpy(), v7.astype(np.float64) @ v7, rtol=1e-5, atol=1e-5)
    row = ea[1]  # a row of the matrix, as a vector
    close((row @ ev7).numpy(), a[1].astype(np.float64) @ v7, rtol=1e-5, atol=1e-5)
    out = ember.full((5,), math.nan, dtype=ea.dtype)
    close(
        ember.addmv(out, ea, ev7, beta=0).numpy(), a.astype(np.float64) @ v7, rtol=1e-5, atol=1e-5
    )


def test_broadcast_operand_is_not_materialized_and_correct():
    a = rand(1, 4, 5)
    b = rand(6, 5, 3)
    ea = ember.tensor(a).expand(6, 4, 5)  # stride 0 batch
    assert ea.stride(0) == 0
    close(ember.matmul(ea, ember.tensor(b)).numpy(), np.matmul(np.broadcast_to(a, (6, 4, 5)), b))


@pytest.mark.parametrize(
    "shapes",
    [
        ((3,), (3,)),
        ((2, 3), (3,)),
        ((3,), (3, 4)),
        ((2, 3), (3, 4)),
        ((5, 2, 3), (3,)),
        ((5, 2, 3), (3, 4)),
        ((3,), (5, 3, 4)),
        ((2, 3), (5, 3, 4)),
        ((5, 2, 3), (5, 3, 4)),
        ((2, 1, 4, 2, 3), (4, 1, 3, 2)),
        ((1, 2, 3), (7, 3, 1)),
        ((6, 1, 2, 3), (1, 5, 3, 4)),
    ],
)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64, np.int16])
def test_matmul_broadcasting_matches_numpy(shapes, dtype):
    a, b = rand(*shapes[0], dtype=dtype), rand(*shapes[1], dtype=dtype)
    result = ember.matmul(ember.tensor(a), ember.tensor(b))
    expected = np.matmul(a, b)
    assert tuple(result.shape) == expected.shape
    close(result.numpy(), expected, rtol=1e-5, atol=1e-5)


def test_matmul_folds_a_batched_lhs_and_handles_a_transposed_batch():
    a = rand(4, 6, 5)
    b = rand(5, 3)
    transposed = ember.tensor(np.ascontiguousarray(a.transpose(0, 2, 1))).mT  # not foldable
    close(ember.matmul(transposed, ember.tensor(b)).numpy(), a @ b)
    close(ember.matmul(ember.tensor(a), ember.tensor(b)).numpy(), a @ b)


@pytest.mark.parametrize("shape", [(257, 129, 65), (70, 300, 270), (1, 513, 1)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.int64])
def test_larger_products(shape, dtype):
    m, k, n = shape
    a, b = rand(m, k, dtype=dtype), rand(k, n, dtype=dtype)
    expected = a.astype(np.float64) @ b.astype(np.float64)
    rtol = 1e-4 if dtype == np.float32 else 1e-10
    close(ember.mm(ember.tensor(a), ember.tensor(b)).numpy(), expected, rtol=rtol, atol=rtol * k)


@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.uint8])
def test_many_small_matrices_split_across_threads(dtype):
    a, b = rand(300, 5, 7, dtype=dtype), rand(300, 7, 3, dtype=dtype)
    if dtype == np.uint8:
        a, b = (
            np.abs(a.astype(np.int64)).astype(np.uint8),
            np.abs(b.astype(np.int64)).astype(np.uint8),
        )
    expected = (
        (a.astype(np.int64) @ b.astype(np.int64)).astype(dtype) if dtype != np.float32 else a @ b
    )
    close(ember.bmm(ember.tensor(a), ember.tensor(b)).numpy(), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    "dtype,np_dtype",
    [
        (ember.int8, np.int8),
        (ember.uint8, np.uint8),
        (ember.int16, np.int16),
        (ember.int32, np.int32),
        (ember.int64, np.int64),
    ],
)
def test_integer_products_wrap_around_like_the_type(dtype, np_dtype):
    info = np.iinfo(np_dtype)
    a = RNG.integers(info.min // 2 if info.min else 0, info.max // 2, size=(4, 9)).astype(np_dtype)
    b = RNG.integers(info.min // 2 if info.min else 0, info.max // 2, size=(9, 3)).astype(np_dtype)
    # Modular arithmetic: exact in Python integers, reduced to the type's width.
    exact = a.astype(object) @ b.astype(object)
    bits = np.dtype(np_dtype).itemsize * 8
    wrapped = np.vectorize(lambda v: ((v - info.min) % (1 << bits)) + info.min)(exact)
    result = ember.mm(ember.tensor(a, dtype=dtype), ember.tensor(b, dtype=dtype))
    assert result.dtype == dtype
    assert result.numpy().astype(object).tolist() == wrapped.tolist()


@pytest.mark.parametrize("dtype", [ember.float16, ember.bfloat16])
def test_16_bit_products_compute_in_float32_and_round_once(dtype):
    a = ember.tensor(rand(6, 40)).to(dtype)
    b = ember.tensor(rand(40, 5)).to(dtype)
    reference = (a.float() @ b.float()).to(dtype)  # float32 accumulate, one rounding
    result = a @ b
    assert result.dtype == dtype
    assert result.float().tolist() == reference.float().tolist()
    close(
        ember.addmm(ember.zeros(6, 5, dtype=dtype), a, b).float().numpy(), reference.float().numpy()
    )


def test_matmul_operator_and_methods():
    a, b = rand(2, 3), rand(3, 4)
    ea, eb = ember.tensor(a), ember.tensor(b)
    close((ea @ eb).numpy(), a @ b)
    close(ea.matmul(eb).numpy(), a @ b)
    close(ea.__matmul__(eb).numpy(), a @ b)
    close(eb.__rmatmul__(ea).numpy(), a @ b)
    close(ea.mm(eb).numpy(), a @ b)
    close(ember.linalg.matmul(ea, eb).numpy(), a @ b)
    with pytest.raises(TypeError):
        ea @ 2  # noqa: B018
    with pytest.raises(TypeError):
        2 @ ea  # noqa: B018


def test_matmul_assignment_rebinds_like_torch():
    # torch.Tensor has no __imatmul__: `x @= y` makes a new tensor and leaves the old one.
    x = ember.tensor(rand(2, 2))
    before = x
    original = x.numpy().copy()
    x @= ember.tensor(2 * np.eye(2))
    assert x is not before
    close(before.numpy(), original)
    close(x.numpy(), original * 2)


def test_matmul_errors_name_both_shapes_and_dtypes():
    a, b = ember.ones(2, 3), ember.ones(4, 5)
    with pytest.raises(
        RuntimeError,
        match=r"\[matmul\] mat1 and mat2 shapes cannot be multiplied "
        r"\(2x3 and 4x5\): tensor of shape \(2, 3\) and dtype float32 @ tensor of "
        r"shape \(4, 5\) and dtype float32",
    ):
        a @ b  # noqa: B018
    with pytest.raises(
        RuntimeError,
        match=r"expected m1 and m2 to have the same dtype, but got: "
        r"float32 != float64",
    ):
        ember.matmul(ember.ones(2, 3), ember.ones(3, 2, dtype=ember.float64))
    with pytest.raises(NotImplementedError, match=r"\[mm\] not implemented for dtype bool"):
        ember.mm(ember.ones(2, 2, dtype=ember.bool), ember.ones(2, 2, dtype=ember.bool))
    with pytest.raises(NotImplementedError, match="complex dtypes are not supported yet"):
        ember.matmul(
            ember.ones(2, 2, dtype=ember.complex64), ember.ones(2, 2, dtype=ember.complex64)
        )
    with pytest.raises(RuntimeError, match="at least 1D"):
        ember.matmul(ember.tensor(1.0), ember.ones(2))


@pytest.mark.parametrize(
    "make_out",
    [
        lambda: ember.empty(4, 5),  # row-major
        lambda: ember.empty(5, 4).mT,  # column-major: written directly
        lambda: ember.empty(4, 10)[:, ::2],  # not dense: computed aside, copied in
        lambda: ember.empty(0),  # empty: resized
    ],
)
def test_out_layouts(make_out):
    a, b = rand(4, 3).astype(np.float32), rand(3, 5).astype(np.float32)
    out = make_out()
    version = out._version
    result = ember.matmul(ember.tensor(a), ember.tensor(b), out=out)
    assert result is out
    assert out._version > version
    close(out.numpy(), a @ b, rtol=1e-6, atol=1e-6)


def test_out_with_wrong_dtype_or_shape_is_rejected():
    a, b = ember.ones(2, 3), ember.ones(3, 4)
    with pytest.raises(
        RuntimeError, match="Expected out tensor to have dtype float32, but got float64"
    ):
        ember.mm(a, b, out=ember.empty(2, 4, dtype=ember.float64))
    with pytest.raises(RuntimeError, match="does not match the result shape"):
        ember.mm(a, b, out=ember.empty(3, 3))


def test_addmm_beta_zero_ignores_nan_and_inplace_forms():
    m1, m2 = rand(3, 4), rand(4, 2)
    nan = ember.full((3, 2), math.nan, dtype=ember.float64)
    close(ember.addmm(nan, ember.tensor(m1), ember.tensor(m2), beta=0).numpy(), m1 @ m2)
    close(
        ember.addmm(
            ember.ones(3, 2, dtype=ember.float64),
            ember.tensor(m1),
            ember.tensor(m2),
            alpha=0,
            beta=2,
        ).numpy(),
        np.full((3, 2), 2.0),
    )
    # In place on a transposed (column-major) self and on a non-dense self.
    for self in (
        ember.ones(2, 3, dtype=ember.float64).mT,
        ember.ones(3, 4, dtype=ember.float64)[:, ::2],
    ):
        version = self._version
        returned = self.addmm_(ember.tensor(m1), ember.tensor(m2), beta=0.5, alpha=2)
        assert returned is self and self._version > version
        close(self.numpy(), 0.5 + 2 * (m1 @ m2))
    with pytest.raises(RuntimeError, match="Bad in-place call"):
        ember.ones(2, dtype=ember.float64).addmm_(ember.tensor(m1), ember.tensor(m2))


def test_addbmm_and_baddbmm_with_empty_batch():
    b1, b2 = ember.ones(0, 2, 3), ember.ones(0, 3, 4)
    close(ember.addbmm(ember.ones(2, 4), b1, b2, beta=3).numpy(), np.full((2, 4), 3.0))
    assert ember.baddbmm(ember.ones(1, 4), b1, b2).shape == (0, 2, 4)


def test_products_on_meta_tensors():
    a, b = ember.empty(5, 2, 3, device="meta"), ember.empty(3, 4, device="meta")
    assert (a @ b).shape == (5, 2, 4) and (a @ b).device == ember.device("meta")
    assert ember.einsum("bij,jk->bik", a, b).shape == (5, 2, 4)
    assert ember.tensordot(a, b, dims=1).shape == (5, 2, 4)


# ---- einsum call forms ---------------------------------------------------------------------


def test_einsum_forms():
    a, b, c = rand(2, 3), rand(3, 4), rand(4, 5)
    ea, eb, ec = ember.tensor(a), ember.tensor(b), ember.tensor(c)
    close(ember.einsum("ij,jk", [ea, eb]).numpy(), a @ b)  # operands as a list
    close(ember.einsum(ea, [0, 1], eb, [1, 2], [0, 2]).numpy(), a @ b)  # sublist format
    close(ember.einsum(ea, [0, 1], eb, [1, 2]).numpy(), a @ b)  # sublist, implicit output
    x = rand(2, 3, 4)
    close(ember.einsum(ember.tensor(x), [..., 1], [1, ...]).numpy(), np.einsum("...i->i...", x))
    close(ember.einsum("ij,jk,kl->il", ea, eb, ec).numpy(), a @ b @ c)
    close(ember.einsum("...->...", ember.tensor(x)).numpy(), x)
    close(ember.einsum("ba,cb", ember.tensor(a.T), ember.tensor(b.T)).numpy(), (a @ b))
    assert ember.einsum("ij->", ember.ones(2, 3, dtype=ember.bool)).dtype == ember.int64
    assert ember.einsum("ij->ij", ember.ones(2, 3, dtype=ember.bool)).dtype == ember.bool


@pytest.mark.parametrize("dtype", [ember.float16, ember.bfloat16])
def test_einsum_chained_16_bit_rounds_between_steps(dtype):
    a, b, c = rand(2, 3), rand(3, 4), rand(4, 5)
    ta, tb, tc = (ember.tensor(x).to(dtype) for x in (a, b, c))
    result = ember.einsum("ij,jk,kl->il", ta, tb, tc)
    assert result.dtype == dtype
    expected = ((ta @ tb) @ tc).float().numpy()  # the same steps, each rounded
    close(result.float().numpy(), expected, rtol=2e-2, atol=2e-2)


def test_einsum_errors():
    with pytest.raises(
        RuntimeError, match="found '.' for operand 0 for which an ellipsis was already found"
    ):
        ember.einsum("......->", ember.ones(2))
    with pytest.raises(RuntimeError, match="appears more than once in the output"):
        ember.einsum("ij->ii", ember.ones(2, 2))
    with pytest.raises(RuntimeError, match=r"is more than the number of dimensions \(1\)"):
        ember.einsum("ij...", ember.ones(2))
    with pytest.raises(RuntimeError, match="not within the valid range"):
        ember.einsum(ember.ones(2), [60])
    with pytest.raises(NotImplementedError, match="bool"):
        ember.einsum(
            "ij,jk", ember.ones(2, 2, dtype=ember.bool), ember.ones(2, 2, dtype=ember.bool)
        )


def test_tensordot_and_kron_extras():
    a, b = rand(2, 3, 4), rand(4, 3, 5)
    close(
        ember.tensordot(ember.tensor(a), ember.tensor(b), dims=[[1, 2], [1, 0]]).numpy(),
        np.tensordot(a, b, axes=([1, 2], [1, 0])),
    )
    close(
        ember.tensordot(ember.tensor(a), ember.tensor(b), dims=ember.tensor(1)).numpy(),
        np.tensordot(a, b, axes=1),
    )
    close(ember.kron(ember.tensor(a), ember.tensor(b)).numpy(), np.kron(a, b))
    assert ember.kron(ember.ones(2, dtype=ember.int32), ember.ones(2)).dtype == ember.float32
    close(ember.tensor(rand(2)).outer(ember.tensor(np.arange(3.0))).numpy().shape, (2, 3))


# ---- decompositions: defining properties --------------------------------------------------


def assert_orthonormal_columns(q, atol=1e-10):
    q = q.numpy()
    k = q.shape[-1]
    close(np.swapaxes(q, -1, -2) @ q, np.broadcast_to(np.eye(k), q.shape[:-2] + (k, k)), atol=atol)


@pytest.mark.parametrize("shape", [(5, 3), (3, 5), (4, 4), (2, 5, 3)])
@pytest.mark.parametrize("mode", ["reduced", "complete"])
def test_qr_factors(shape, mode):
    a = rand(*shape)
    q, r = ember.linalg.qr(ember.tensor(a), mode=mode)
    m, n = shape[-2:]
    k = min(m, n) if mode == "reduced" else m
    assert q.shape == shape[:-2] + (m, k) and r.shape == shape[:-2] + (k, n)
    assert_orthonormal_columns(q)
    close(np.tril(r.numpy(), -1), 0)
    close((q @ r).numpy(), a)
    q_r, r_only = ember.linalg.qr(ember.tensor(a), mode="r")
    assert q_r.shape == (0,)
    close(np.abs(r_only.numpy()), np.abs(ember.linalg.qr(ember.tensor(a)).R.numpy()))


@pytest.mark.parametrize("shape", [(5, 3), (3, 5), (2, 4, 4)])
@pytest.mark.parametrize("full_matrices", [True, False])
def test_svd_factors(shape, full_matrices):
    a = rand(*shape)
    u, s, vh = ember.linalg.svd(ember.tensor(a), full_matrices=full_matrices)
    m, n = shape[-2:]
    k = min(m, n)
    assert u.shape[-2:] == ((m, m) if full_matrices else (m, k))
    assert vh.shape[-2:] == ((n, n) if full_matrices else (k, n))
    assert_orthonormal_columns(u)
    assert_orthonormal_columns(vh.mT)
    s_np = s.numpy()
    assert (s_np >= 0).all() and (np.diff(s_np, axis=-1) <= 0).all()
    close(((u[..., :k] * s.unsqueeze(-2)) @ vh[..., :k, :]).numpy(), a)
    close(ember.linalg.svdvals(ember.tensor(a)).numpy(), np.linalg.svd(a, compute_uv=False))


def test_empty_decompositions_give_identity_factors():
    u, s, vh = ember.linalg.svd(ember.ones(3, 0))
    close(u.numpy(), np.eye(3))
    assert s.shape == (0,) and vh.shape == (0, 0)
    q, r = ember.linalg.qr(ember.ones(3, 0), mode="complete")
    close(q.numpy(), np.eye(3))
    assert r.shape == (3, 0)
    assert ember.linalg.det(ember.ones(2, 0, 0)).tolist() == [1.0, 1.0]
    sign, logabsdet = ember.linalg.slogdet(ember.ones(0, 0))
    assert (sign.item(), logabsdet.item()) == (1.0, 0.0)
    assert (
        ember.linalg.lstsq(ember.ones(0, 3), ember.ones(0, 2)).solution.tolist() == [[0.0] * 2] * 3
    )


@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigh_factors(uplo):
    x = rand(3, 4, 4)
    a = x + np.swapaxes(x, -1, -2)
    w, v = ember.linalg.eigh(ember.tensor(a), UPLO=uplo)
    assert_orthonormal_columns(v)
    assert (np.diff(w.numpy(), axis=-1) >= 0).all()
    close(ember.tensor(a).matmul(v).numpy(), (v * w.unsqueeze(-2)).numpy())
    close(ember.linalg.eigvalsh(ember.tensor(a), UPLO=uplo).numpy(), np.linalg.eigvalsh(a))


def test_cholesky_factors():
    x = rand(2, 4, 4)
    a = x @ np.swapaxes(x, -1, -2) + 4 * np.eye(4)
    low = ember.linalg.cholesky(ember.tensor(a)).numpy()
    close(np.triu(low, 1), 0)
    close(low @ np.swapaxes(low, -1, -2), a)
    up = ember.linalg.cholesky(ember.tensor(a), upper=True).numpy()
    close(np.tril(up, -1), 0)
    close(np.swapaxes(up, -1, -2) @ up, a)


def test_info_tensors_of_the_ex_variants():
    good, singular = np.eye(2), np.array([[1.0, 2.0], [2.0, 4.0]])
    batch = ember.tensor(np.stack([good, singular, good]))
    inverse, info = ember.linalg.inv_ex(batch)
    assert info.dtype == ember.int32 and info.tolist() == [0, 2, 0]
    close(inverse[0].numpy(), good)
    assert ember.linalg.solve_ex(batch, ember.ones(3, 2, dtype=ember.float64)).info.tolist() == [
        0,
        2,
        0,
    ]
    not_pd = ember.tensor(np.stack([good, -good]))
    assert ember.linalg.cholesky_ex(not_pd).info.tolist() == [0, 1]
    with pytest.raises(
        ember.linalg.LinAlgError,
        match=r"\(Batch element 1\): The factorization "
        r"could not be completed .* order 1 is not positive-definite",
    ):
        ember.linalg.cholesky_ex(not_pd, check_errors=True)


def test_linalg_error_is_a_runtime_error():
    assert issubclass(ember.linalg.LinAlgError, RuntimeError)
    with pytest.raises(
        RuntimeError,
        match=r"\[linalg.inv\] \(Batch element 1\): The diagonal "
        r"element 2 is zero",
    ):
        ember.linalg.inv(ember.tensor(np.stack([np.eye(2), [[1.0, 2.0], [2.0, 4.0]]])))


def test_solve_broadcasting_and_left_false():
    a = rand(3, 3) + 3 * np.eye(3)
    b = rand(4, 2, 3)
    x = ember.linalg.solve(ember.tensor(a), ember.tensor(b), left=False)
    close((x @ ember.tensor(a)).numpy(), b)
    x = ember.linalg.solve(ember.tensor(np.stack([a, 2 * a])), ember.tensor(rand(3, 1)))
    assert x.shape == (2, 3, 1)


@pytest.mark.parametrize("driver", ["gelsy", "gelsd", "gelss", "gels"])
def test_lstsq_outputs_per_driver(driver):
    a, b = rand(6, 3) + np.vstack([3 * np.eye(3), np.zeros((3, 3))]), rand(6, 2)
    solution, residuals, rank, sv = ember.linalg.lstsq(
        ember.tensor(a), ember.tensor(b), driver=driver
    )
    ref_x, ref_res, ref_rank, ref_sv = np.linalg.lstsq(a, b, rcond=None)
    close(solution.numpy(), ref_x)
    if driver == "gelsy":
        assert residuals.shape == (0,)
    else:
        close(residuals.numpy(), ref_res)
    if driver == "gels":
        assert rank.shape == (0,)
    else:
        assert rank.dtype == ember.int64 and rank.item() == ref_rank
    if driver in ("gelsd", "gelss"):
        close(sv.numpy(), ref_sv)
    else:
        assert sv.shape == (0,)


def test_lstsq_rank_deficient_has_no_residuals():
    a = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    result = ember.linalg.lstsq(
        ember.tensor(a), ember.ones(3, 1, dtype=ember.float64), driver="gelsd"
    )
    assert result.rank.item() == 1 and result.residuals.shape == (0,)


def test_determinants():
    a = rand(3, 5, 5)
    close(ember.linalg.det(ember.tensor(a)).numpy(), np.linalg.det(a))
    sign, logabsdet = ember.linalg.slogdet(ember.tensor(a))
    ref_sign, ref_log = np.linalg.slogdet(a)
    close(sign.numpy(), ref_sign)
    close(logabsdet.numpy(), ref_log)
    singular = ember.tensor([[1.0, 2.0], [2.0, 4.0]])
    assert ember.det(singular).item() == 0.0
    assert ember.linalg.slogdet(singular).sign.item() == 0.0
    assert ember.linalg.slogdet(singular).logabsdet.item() == -math.inf
    assert math.isnan(ember.logdet(ember.tensor([[-1.0, 0.0], [0.0, 1.0]])).item())
    assert singular.det().item() == 0.0 and singular.slogdet().sign.item() == 0.0


def test_pinv_penrose_conditions_and_tolerances():
    a = rand(5, 2) @ rand(2, 4)  # rank 2
    ea = ember.tensor(a)
    p = ember.linalg.pinv(ea).numpy()
    close(a @ p @ a, a)
    close(p @ a @ p, p)
    close((a @ p).T, a @ p)
    close((p @ a).T, p @ a)
    close(ember.linalg.pinv(ea, rcond=1e-12).numpy(), ember.linalg.pinv(ea, rtol=1e-12).numpy())
    close(ea.pinverse().numpy(), p)
    # Tolerances per batch element: the second matrix loses its small singular value.
    d = ember.tensor(np.stack([np.diag([4.0, 1.0]), np.diag([4.0, 1.0])]))
    out = ember.linalg.pinv(d, atol=ember.tensor([0.5, 2.0], dtype=ember.float64)).numpy()
    close(out, np.stack([np.diag([0.25, 1.0]), np.diag([0.25, 0.0])]))
    sym = a @ a.T
    close(
        ember.linalg.pinv(ember.tensor(sym), hermitian=True).numpy(), np.linalg.pinv(sym), atol=1e-8
    )


def test_matrix_rank_forms():
    a = rand(3, 5, 2) @ rand(3, 2, 4)
    assert ember.linalg.matrix_rank(ember.tensor(a)).tolist() == [2, 2, 2]
    d = ember.tensor(np.diag([4.0, 1.0, 0.1]))
    assert ember.linalg.matrix_rank(d, tol=0.5).item() == 2
    assert ember.linalg.matrix_rank(d, atol=0.05).item() == 3
    assert ember.linalg.matrix_rank(d, rtol=0.2).item() == 2
    assert ember.linalg.matrix_rank(d, hermitian=True).item() == 3
    assert ember.linalg.matrix_rank(ember.ones(3, 0)).item() == 0


def test_norm_forms():
    x = rand(2, 3, 4)
    ex = ember.tensor(x)
    close(ember.linalg.norm(ex, dim=1).numpy(), np.linalg.norm(x, axis=1))
    close(ember.linalg.norm(ex, ord=1, dim=(2, 0)).numpy(), np.linalg.norm(x, 1, axis=(2, 0)))
    close(ex.norm(2, 1, True).numpy(), np.linalg.norm(x, axis=1, keepdims=True))
    close(ember.norm(ex, p="fro", dim=(0, 1)).numpy(), np.linalg.norm(x, axis=(0, 1)))
    close(ember.norm(ex[0], p="nuc").numpy(), np.linalg.norm(x[0], "nuc"))
    close(
        ember.linalg.matrix_norm(ex, 2, dim=(0, 2), keepdim=True).numpy(),
        np.linalg.norm(x, 2, axis=(0, 2), keepdims=True),
    )
    f16 = ember.tensor(x).half()
    assert ember.linalg.vector_norm(f16).dtype == ember.float16
    assert ember.linalg.vector_norm(f16, dtype=ember.float32).dtype == ember.float32
    big = ember.tensor([3e30, 4e30], dtype=ember.float32)  # squares accumulate in double
    close(ember.linalg.vector_norm(big).item(), 5e30, rtol=1e-6)
    assert math.isnan(ember.linalg.vector_norm(ember.tensor([1.0, math.nan]), ord=math.inf).item())


def test_linalg_out_arguments_and_named_tuples():
    a = ember.tensor(rand(4, 3))
    q, r = ember.empty(4, 3, dtype=ember.float64), ember.empty(3, 3, dtype=ember.float64)
    result = ember.linalg.qr(a, out=(q, r))
    assert result.Q is q and result.R is r
    close((q @ r).numpy(), a.numpy())
    assert type(ember.linalg.svd(a)).__name__ == "linalg_svd"
    assert ember.linalg.eigh(ember.eye(2)).eigenvectors.shape == (2, 2)
    assert ember.linalg.lstsq(a, ember.ones(4, 1, dtype=ember.float64))._fields == (
        "solution",
        "residuals",
        "rank",
        "singular_values",
    )


def test_linalg_on_meta_tensors():
    a = ember.empty(3, 5, 4, device="meta")
    u, s, vh = ember.linalg.svd(a, full_matrices=False)
    assert (u.shape, s.shape, vh.shape) == ((3, 5, 4), (3, 4), (3, 4, 4))
    assert ember.linalg.qr(a, mode="complete").Q.shape == (3, 5, 5)
    square = ember.empty(2, 4, 4, device="meta")
    assert ember.linalg.inv(square).device == ember.device("meta")
    assert ember.linalg.slogdet(square).sign.shape == (2,)
    assert ember.linalg.matrix_rank(a).dtype == ember.int64
    assert ember.linalg.lstsq(a, ember.empty(3, 5, 2, device="meta")).solution.shape == (3, 4, 2)


def test_results_are_column_major_like_torch():
    inverse = ember.linalg.inv(ember.tensor(rand(3, 3) + 3 * np.eye(3)))
    assert inverse.stride() == (1, 3)


def test_linalg_is_imported_lazily():
    code = (
        "import sys, ember; assert 'ember.linalg' not in sys.modules; "
        "ember.linalg.inv(ember.eye(2)); assert 'ember.linalg' in sys.modules; "
        "assert 'linalg' in dir(ember)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_blas_reports_the_kernel_openblas_chose():
    info = ember._C._blas_info()
    assert info["name"] == "OpenBLAS" and info["corename"]
