"""Linear algebra, as ``torch.linalg``: decompositions, solvers, inverses, determinants,
norms, over OpenBLAS's LAPACK. Every function takes batches of matrices (``(..., m, n)``)
and accepts ``out=`` like torch.

>>> import ember
>>> A = ember.tensor([[4.0, 1.0], [1.0, 3.0]])
>>> ember.linalg.solve(A, ember.tensor([1.0, 2.0]))
tensor([0.0909, 0.6364])

Numerical failures (a singular matrix, a matrix that is not positive-definite) raise
``ember.linalg.LinAlgError``, a ``RuntimeError``. Complex inputs are not supported yet.

This module is imported on first use of ``ember.linalg``, not at ``import ember``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ember import _C

__all__ = [
    "LinAlgError",
    "cholesky",
    "cholesky_ex",
    "det",
    "eigh",
    "eigvalsh",
    "inv",
    "inv_ex",
    "lstsq",
    "matmul",
    "matrix_norm",
    "matrix_rank",
    "norm",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "solve_ex",
    "svd",
    "svdvals",
    "vector_norm",
]

LinAlgError = _C._LinAlgError
matmul = _C.matmul


def _out(name: str, result, out):
    """``result`` written into ``out`` (a tensor, or a tuple of them for tuple results)."""
    if out is None:
        return result
    if isinstance(result, tuple):
        if not isinstance(out, Sequence) or len(out) != len(result):
            raise TypeError(f"linalg.{name}: out must be a tuple of {len(result)} tensors")
        for target, value in zip(out, result, strict=True):
            _C._copy_to_out(f"linalg.{name}", target, value)
        return type(result)(*out)
    _C._copy_to_out(f"linalg.{name}", out, result)
    return out


def inv(A, *, out=None):
    """The inverse of each square matrix of ``A``.

    >>> ember.linalg.inv(ember.tensor([[2.0, 0.0], [0.0, 4.0]]))
    tensor([[0.5000, 0.0000],
            [0.0000, 0.2500]])
    """
    return _out("inv", _C.linalg_inv(A), out)


def inv_ex(A, *, check_errors=False, out=None):
    """``(inverse, info)``: info is nonzero where a matrix is singular (instead of raising)."""
    return _out("inv_ex", _C.linalg_inv_ex(A, check_errors=check_errors), out)


def solve(A, B, *, left=True, out=None):
    """The solution ``X`` of ``A @ X = B`` (or ``X @ A = B`` when ``left=False``).

    >>> ember.linalg.solve(ember.tensor([[2.0, 0.0], [0.0, 4.0]]), ember.tensor([1.0, 1.0]))
    tensor([0.5000, 0.2500])
    """
    return _out("solve", _C.linalg_solve(A, B, left=left), out)


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    """``(result, info)`` of :func:`solve`, with info instead of an error when singular."""
    return _out("solve_ex", _C.linalg_solve_ex(A, B, left=left, check_errors=check_errors), out)


def det(A, *, out=None):
    """The determinant of each square matrix.

    >>> ember.linalg.det(ember.tensor([[1.0, 2.0], [3.0, 4.0]]))
    tensor(-2.)
    """
    return _out("det", _C.linalg_det(A), out)


def slogdet(A, *, out=None):
    """``(sign, logabsdet)`` with ``det = sign * exp(logabsdet)``, stable for large n.

    >>> ember.linalg.slogdet(ember.tensor([[-2.0, 0.0], [0.0, 1.0]])).sign
    tensor(-1.)
    """
    return _out("slogdet", _C.linalg_slogdet(A), out)


def cholesky(A, *, upper=False, out=None):
    """The Cholesky factor ``L`` (``A = L @ L.mT``), or ``U`` with ``upper=True``.

    >>> ember.linalg.cholesky(ember.tensor([[4.0, 2.0], [2.0, 2.0]]))
    tensor([[2., 0.],
            [1., 1.]])
    """
    return _out("cholesky", _C.linalg_cholesky(A, upper=upper), out)


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    """``(L, info)``: info is the order of the first non-positive leading minor, or 0."""
    return _out(
        "cholesky_ex", _C.linalg_cholesky_ex(A, upper=upper, check_errors=check_errors), out
    )


def qr(A, mode="reduced", *, out=None):
    """``(Q, R)`` with ``A = Q @ R``; ``mode`` is "reduced", "complete" or "r" (no Q).

    >>> Q, R = ember.linalg.qr(ember.tensor([[3.0, 1.0], [4.0, 2.0]]))
    >>> (Q @ R).tolist()  # doctest: +SKIP
    [[3.0, 1.0], [4.0, 2.0]]
    """
    return _out("qr", _C.linalg_qr(A, mode), out)


def svd(A, full_matrices=True, *, driver=None, out=None):
    """``(U, S, Vh)`` with ``A = U @ diag(S) @ Vh``, singular values descending.

    >>> ember.linalg.svd(ember.tensor([[3.0, 0.0], [0.0, -2.0]])).S
    tensor([3., 2.])
    """
    return _out("svd", _C.linalg_svd(A, full_matrices, driver=driver), out)


def svdvals(A, *, driver=None, out=None):
    """The singular values of each matrix, descending.

    >>> ember.linalg.svdvals(ember.tensor([[3.0, 0.0], [0.0, -2.0]]))
    tensor([3., 2.])
    """
    return _out("svdvals", _C.linalg_svdvals(A, driver=driver), out)


def eigh(A, UPLO="L", *, out=None):  # noqa: N803 (torch's name)
    """``(eigenvalues, eigenvectors)`` of symmetric matrices, eigenvalues ascending; only
    the ``UPLO`` triangle is read.

    >>> ember.linalg.eigh(ember.tensor([[2.0, 1.0], [1.0, 2.0]])).eigenvalues
    tensor([1., 3.])
    """
    return _out("eigh", _C.linalg_eigh(A, UPLO), out)


def eigvalsh(A, UPLO="L", *, out=None):  # noqa: N803 (torch's name)
    """The eigenvalues of symmetric matrices, ascending.

    >>> ember.linalg.eigvalsh(ember.tensor([[2.0, 1.0], [1.0, 2.0]]))
    tensor([1., 3.])
    """
    return _out("eigvalsh", _C.linalg_eigvalsh(A, UPLO), out)


def lstsq(A, B, rcond=None, *, driver=None):
    """``(solution, residuals, rank, singular_values)`` of min ||A X - B||; ``driver`` is
    "gelsy" (default), "gelsd", "gelss" or "gels" (A of full rank).

    >>> A = ember.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> ember.linalg.lstsq(A, ember.tensor([[1.0], [1.0], [2.0]])).solution
    tensor([[1.0000],
            [1.0000]])
    """
    return _C.linalg_lstsq(A, B, rcond, driver=driver)


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """The ``ord``-norm of ``x`` over ``dim`` (all dims by default): ``inf`` is the largest
    absolute value, ``0`` counts nonzeros, other numbers are ``sum(|x|**ord)**(1/ord)``.

    >>> ember.linalg.vector_norm(ember.tensor([3.0, -4.0]))
    tensor(5.)
    """
    return _out("vector_norm", _C.linalg_vector_norm(x, ord, dim, keepdim, dtype=dtype), out)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """A matrix norm over the two dims ``dim``: "fro", "nuc", 1, -1, 2, -2, inf or -inf.

    >>> ember.linalg.matrix_norm(ember.tensor([[1.0, -2.0], [3.0, 4.0]]), ord=1)
    tensor(6.)
    """
    return _out("matrix_norm", _C.linalg_matrix_norm(A, ord, dim, keepdim, dtype=dtype), out)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """A vector norm (``dim`` an int, or a 1-D input) or a matrix norm (``dim`` a pair, or
    a 2-D input with ``ord`` given); without ``ord`` and ``dim``, the 2-norm of all
    elements.

    >>> ember.linalg.norm(ember.tensor([[3.0, 0.0], [0.0, 4.0]]))
    tensor(5.)
    """
    if isinstance(dim, int):
        dim = (dim,)
    return _out("norm", _C.linalg_norm(A, ord, dim, keepdim, dtype=dtype), out)


def pinv(A, *, atol=None, rtol=None, hermitian=False, out=None, rcond=None):
    """The Moore-Penrose pseudo-inverse; singular values at most
    ``max(atol, rtol * largest)`` count as zero. ``rcond`` is the old name of ``rtol``.

    >>> ember.linalg.pinv(ember.tensor([[2.0, 0.0], [0.0, 0.0]]))
    tensor([[0.5000, 0.0000],
            [0.0000, 0.0000]])
    """
    if rcond is not None:
        if rtol is not None:
            raise TypeError("linalg.pinv: pass rtol or its old name rcond, not both")
        rtol = rcond
    return _out("pinv", _C.linalg_pinv(A, atol=atol, rtol=rtol, hermitian=hermitian), out)


def matrix_rank(A, *, atol=None, rtol=None, hermitian=False, out=None, tol=None):
    """The number of singular values above ``max(atol, rtol * largest)``; ``tol`` (old
    API) is an absolute tolerance with ``rtol = 0``.

    >>> ember.linalg.matrix_rank(ember.tensor([[1.0, 2.0], [2.0, 4.0]]))
    tensor(1)
    """
    if tol is not None:
        if atol is not None or rtol is not None:
            raise TypeError("linalg.matrix_rank: tol cannot be combined with atol or rtol")
        atol, rtol = tol, 0.0
    return _out(
        "matrix_rank", _C.linalg_matrix_rank(A, atol=atol, rtol=rtol, hermitian=hermitian), out
    )
