"""Records of the indexing ops (ops/indexing.h): index_select, gather, the scatter family,
index_add/index_copy/index_fill/index_put, take/put, the masked ops, nonzero, argwhere.

References are explicit NumPy loops where NumPy has no single function, so duplicate
indices follow torch's CPU order (later positions along ``dim`` win or reduce last)."""

from __future__ import annotations

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, ErrorInput, OpInfo, Sample, make_tensor

ALL_TYPES = (*ALL_REAL, ember.complex64, ember.complex128)
NUMERIC_COMPLEX = tuple(t for t in ALL_TYPES if t != ember.bool)


def method(name):
    return lambda x, *args, **kwargs: getattr(x, name)(*args, **kwargs)


def long(values):
    return ember.tensor(np.asarray(values, dtype=np.int64))


def index_tensor(rng, shape, high, *, noncontiguous=False):
    """Random valid indices in [0, high) of `shape` (int64)."""
    t = ember.tensor(rng.integers(0, max(high, 1), size=shape).astype(np.int64))
    if noncontiguous and t.dim() > 0:
        wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=ember.int64)
        wide[..., ::2] = t
        t = wide[..., ::2]
    return t


def same_dtype(x, *args, **kwargs):
    return x.dtype


def acc_tensor(shape, dtype, rng, *, noncontiguous=False):
    """Values for ops that reduce duplicates in the tensor's own dtype: integer-valued for
    the 16-bit floats, whose every partial result is then exact (torch rounds each step
    too; a float64 reference would not)."""
    if dtype in (ember.float16, ember.bfloat16):
        t = ember.tensor(rng.integers(-3, 4, size=shape).astype(np.float64)).to(dtype)
        if noncontiguous and t.dim() > 0:
            wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=dtype)
            wide[..., ::2] = t
            t = wide[..., ::2]
        return t
    return make_tensor(shape, dtype, rng, noncontiguous=noncontiguous)


# ---- index_select / gather -----------------------------------------------------------------


def _index_select_ref(x, dim, index):
    if x.ndim == 0:
        return x.copy()
    return np.take(x, index.reshape(-1), axis=dim)


def index_select_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 0, long([2, 0, 2])), name="dim 0 with a repeat")
    yield Sample((x, 1, long([3, 1])), name="dim 1")
    yield Sample((x, -1, long([0])), name="negative dim")
    yield Sample((x, 1, long(2)), name="0-d index")
    yield Sample((x, 0, ember.tensor([1, 0], dtype=ember.int32)), name="int32 index")
    yield Sample((x, 0, long(np.zeros(0))), name="empty index")
    yield Sample((make_tensor((), dtype, rng), 0, long([0])), name="0-d input")
    yield Sample(
        (
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            1,
            index_tensor(rng, (5,), 4, noncontiguous=True),
        ),
        name="noncontiguous",
    )
    yield Sample(
        (make_tensor((4, 3, 2), dtype, rng).permute(2, 0, 1), 2, index_tensor(rng, (4,), 3)),
        name="permuted 3-d",
    )
    yield Sample((make_tensor((0, 3), dtype, rng), 1, long([2, 1])), name="empty input")


def index_select_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(Sample((x, 0, long([5]))), IndexError, r"\[index_select\].*out of range")
    yield ErrorInput(Sample((x, 0, long([-1]))), IndexError, r"index out of range in self")
    yield ErrorInput(Sample((x, 0, long([[0]]))), IndexError, r"Index is supposed to be a vector")
    yield ErrorInput(Sample((x, 0, ember.tensor([0.0]))), RuntimeError, r"int32 or int64")
    yield ErrorInput(Sample((x, 2, long([0]))), IndexError, r"Dimension out of range")
    yield ErrorInput(
        Sample((ember.tensor(1.0), 0, long([0, 0]))),
        RuntimeError,
        r"Index to scalar can have only 1 value",
    )


def _gather_ref(x, dim, index, **kwargs):
    if x.ndim == 0:
        return np.broadcast_to(x, index.shape).copy()
    if index.ndim == 0:
        index = index.reshape(1)
    dim = dim % x.ndim
    part = tuple(slice(None) if d == dim else slice(0, s) for d, s in enumerate(index.shape))
    return np.take_along_axis(x[part], index, axis=dim)


def gather_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 0, index_tensor(rng, (2, 4), 3)), name="dim 0")
    yield Sample((x, 1, index_tensor(rng, (3, 6), 4)), name="dim 1, longer than input")
    yield Sample((x, -1, index_tensor(rng, (2, 2), 4)), name="smaller index, negative dim")
    yield Sample(
        (
            make_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            1,
            index_tensor(rng, (2, 5, 3), 3, noncontiguous=True),
        ),
        name="noncontiguous 3-d",
    )
    yield Sample(
        (make_tensor((4, 3), dtype, rng).t(), 0, index_tensor(rng, (3, 4), 3)), name="transposed"
    )
    yield Sample((make_tensor((), dtype, rng), 0, long(0)), name="0-d")
    yield Sample((make_tensor((), dtype, rng), 0, long([0, 0])), name="0-d input, 1-d index")
    yield Sample((x, 0, long(np.zeros((0, 4)))), name="empty index")


def gather_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, 0, long([[5]]))),
        RuntimeError,
        r"\[gather\] index 5 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(
        Sample((x, 0, long([[-1]]))),
        RuntimeError,
        r"index -1 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(Sample((x, 1, long([0]))), RuntimeError, r"same number of dimensions")
    yield ErrorInput(
        Sample((x, 1, long([[0]] * 4))), RuntimeError, r"Size does not match at dimension 0"
    )
    yield ErrorInput(
        Sample((x, 1, ember.tensor([[0]], dtype=ember.int32))),
        RuntimeError,
        r"Expected dtype int64 for index",
    )


# ---- scatter family --------------------------------------------------------------------------


def _combine(a, b, reduce):
    """a (op) b for one reduction; bools use logical or/and as torch."""
    if reduce in (None, "none"):
        return b
    if a.dtype == np.bool_:
        return np.logical_or(a, b) if reduce in ("add", "sum", "amax") else np.logical_and(a, b)
    if reduce in ("add", "sum", "mean"):
        return a + b
    if reduce in ("multiply", "prod"):
        return a * b
    if reduce == "amax":
        return np.maximum(a, b)
    return np.minimum(a, b)


def _scatter_loop(out, dim, index, src, reduce):
    """out[... index[i] ...] (op)= src[i], in row-major order of index."""
    if out.ndim == 0:
        out = out.reshape(1)
        index = index.reshape(1)
        src = np.asarray(src).reshape(1) if np.ndim(src) == 0 and not np.isscalar(src) else src
    if index.ndim == 0:
        index = index.reshape(1)
    dim = dim % out.ndim
    for pos in np.ndindex(*index.shape):
        target = list(pos)
        target[dim] = index[pos]
        value = src[pos] if isinstance(src, np.ndarray) and src.ndim else src
        if isinstance(value, np.ndarray):
            value = value.reshape(())
        out[tuple(target)] = _combine(out[tuple(target)], np.asarray(value, out.dtype), reduce)
    return out


def _scatter_ref(x, dim, index, src, reduce=None):
    out = x.copy()
    src = src if isinstance(src, np.ndarray) else np.asarray(src).astype(x.dtype)
    return _scatter_loop(out.reshape(out.shape), dim, index, src, reduce).reshape(x.shape)


def scatter_index(rng, shape, dim, dim_size):
    return index_tensor(rng, shape, dim_size)


def scatter_samples(dtype, rng):
    x = acc_tensor((3, 4), dtype, rng)
    src = acc_tensor((3, 5), dtype, rng)
    yield Sample((x, 0, scatter_index(rng, (2, 4), 0, 3), src), name="dim 0, duplicates")
    yield Sample((x, 1, scatter_index(rng, (3, 3), 1, 4), src), name="dim 1")
    yield Sample((x, -1, scatter_index(rng, (2, 2), 1, 4), src), name="negative dim")
    yield Sample((x, 0, scatter_index(rng, (2, 4), 0, 3), 2), name="scalar value")
    yield Sample(
        (
            acc_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            2,
            index_tensor(rng, (2, 3, 3), 4, noncontiguous=True),
            acc_tensor((2, 3, 3), dtype, rng, noncontiguous=True),
        ),
        name="noncontiguous 3-d",
    )
    yield Sample((acc_tensor((), dtype, rng), 0, long(0), acc_tensor((), dtype, rng)), name="0-d")
    yield Sample((x, 0, long(np.zeros((0, 4))), src), name="empty index")
    if dtype != ember.bool:
        yield Sample(
            (x, 0, scatter_index(rng, (2, 4), 0, 3), src), {"reduce": "add"}, name="reduce=add"
        )
        yield Sample(
            (x, 1, scatter_index(rng, (3, 3), 1, 4), src),
            {"reduce": "multiply"},
            name="reduce=multiply",
        )


def scatter_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, 0, long([[5]]), ember.ones(1, 1))),
        RuntimeError,
        r"\[scatter\] index 5 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(Sample((x, 0, long([[-1]]), 1.0)), RuntimeError, r"index -1 is out of bounds")
    yield ErrorInput(
        Sample((x, 0, long([[0]]), ember.ones(1, 1, dtype=ember.int64))),
        RuntimeError,
        r"Expected self.dtype to be equal to src.dtype",
    )
    yield ErrorInput(
        Sample((x, 0, long([[0, 1, 0, 1, 1]]), ember.ones(1, 4))),
        RuntimeError,
        r"Expected index \[1, 5\] to be no larger than self \[3, 4\]",
    )
    yield ErrorInput(
        Sample((x, 0, long([[[0]]]), ember.ones(1, 1))),
        RuntimeError,
        r"same number of dimensions as self",
    )
    yield ErrorInput(
        Sample((x, 0, long([[0]]), ember.ones(1, 1)), {"reduce": "mean"}),
        RuntimeError,
        r"reduce argument must be either add or multiply",
    )
    yield ErrorInput(
        Sample((x, 0, ember.tensor([[0]], dtype=ember.int32), 1.0)),
        RuntimeError,
        r"Expected dtype int64 for index",
    )


def scatter_add_samples(dtype, rng):
    x = acc_tensor((3, 4), dtype, rng)
    src = acc_tensor((4, 4), dtype, rng)
    yield Sample((x, 0, scatter_index(rng, (4, 4), 0, 3), src), name="duplicates")
    yield Sample((x, 1, scatter_index(rng, (2, 3), 1, 4), src), name="dim 1")
    yield Sample(
        (
            acc_tensor((3, 4), dtype, rng, noncontiguous=True),
            1,
            index_tensor(rng, (3, 4), 4, noncontiguous=True),
            acc_tensor((4, 3), dtype, rng).t(),
        ),
        name="noncontiguous",
    )
    yield Sample((acc_tensor((), dtype, rng), 0, long(0), acc_tensor((), dtype, rng)), name="0-d")
    yield Sample(
        (acc_tensor((0, 2), dtype, rng), 1, long(np.zeros((0, 2))), acc_tensor((0, 2), dtype, rng)),
        name="empty",
    )


def scatter_reduce_samples(dtype, rng):
    reductions = ["sum", "prod", "amax", "amin"]
    if dtype.is_floating_point or dtype in (
        ember.uint8,
        ember.int8,
        ember.int16,
        ember.int32,
        ember.int64,
    ):
        reductions.append("mean")
    if dtype.is_complex:
        reductions = ["sum", "prod"]
    for reduce in reductions:
        for include_self in (True, False):
            x = acc_tensor((3, 4), dtype, rng)
            src = acc_tensor((4, 4), dtype, rng)
            yield Sample(
                (x, 0, scatter_index(rng, (4, 4), 0, 3), src, reduce),
                {"include_self": include_self},
                name=f"{reduce} {include_self}",
            )
    yield Sample(
        (
            acc_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            2,
            index_tensor(rng, (2, 3, 4), 4, noncontiguous=True),
            acc_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            "sum",
        ),
        name="noncontiguous",
    )


def _scatter_reduce_ref(x, dim, index, src, reduce, include_self=True):
    out = x.copy()
    if not include_self:
        # Scattered-to elements start from the reduction's identity.
        target = _scatter_loop(np.zeros(x.shape, bool), dim, index, np.asarray(True), None)
        if x.dtype == np.bool_:
            identity = reduce in ("prod", "amin")
        elif reduce in ("sum", "mean"):
            identity = 0
        elif reduce == "prod":
            identity = 1
        elif np.issubdtype(x.dtype, np.floating):
            identity = -np.inf if reduce == "amax" else np.inf
        else:
            info = np.iinfo(x.dtype)
            identity = info.min if reduce == "amax" else info.max
        out[target] = identity
    out = _scatter_loop(out, dim, index, src, reduce)
    if reduce == "mean":
        count = np.ones(x.shape) if include_self else np.zeros(x.shape)
        count = _scatter_loop(count, dim, index, np.ones(index.shape), "sum")
        count[count == 0] = 1
        if np.issubdtype(x.dtype, np.floating):
            out = out / count
        else:
            out = np.floor_divide(out, count.astype(x.dtype))
    return out.astype(x.dtype)


def scatter_reduce_errors():
    x = ember.zeros(3, 4)
    idx = long([[0]])
    yield ErrorInput(
        Sample((x, 0, idx, ember.ones(1, 1), "foo")),
        RuntimeError,
        r"reduce argument must be either sum, prod, mean, amax or amin, got foo",
    )
    yield ErrorInput(
        Sample((x.to(ember.complex64), 0, idx, ember.ones(1, 1, dtype=ember.complex64), "amax")),
        NotImplementedError,
        r"amax",
    )
    yield ErrorInput(
        Sample((x.bool(), 0, idx, ember.ones(1, 1, dtype=ember.bool), "mean")), TypeError, r"mean"
    )
    yield ErrorInput(
        Sample((x, 0, long([[3]]), ember.ones(1, 1), "sum")),
        RuntimeError,
        r"index 3 is out of bounds for dimension 0 with size 3",
    )


# ---- index_add / index_copy / index_fill / index_put ----------------------------------------


def _index_add_ref(x, dim, index, source, alpha=1):
    out = x.copy()
    if x.ndim == 0:
        return (out + alpha * source).astype(x.dtype) if index.size else out
    moved = np.moveaxis(out, dim, 0)
    src = np.moveaxis(source, dim, 0)
    for i, k in enumerate(index.reshape(-1)):
        if x.dtype == np.bool_:
            moved[k] = np.logical_or(moved[k], src[i])
        else:
            moved[k] = moved[k] + np.asarray(alpha * src[i]).astype(x.dtype)
    return out


def index_add_samples(dtype, rng):
    x = acc_tensor((3, 4), dtype, rng)
    yield Sample((x, 0, long([0, 2, 0]), acc_tensor((3, 4), dtype, rng)), name="duplicates")
    yield Sample((x, 1, long([3, 1]), acc_tensor((3, 2), dtype, rng)), name="dim 1")
    yield Sample(
        (x, -1, ember.tensor([1], dtype=ember.int32), acc_tensor((3, 1), dtype, rng)),
        name="int32 index, negative dim",
    )
    yield Sample(
        (
            acc_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            1,
            long([2, 2, 0, 1]),
            acc_tensor((2, 4, 4), dtype, rng, noncontiguous=True),
        ),
        name="noncontiguous",
    )
    yield Sample((acc_tensor((), dtype, rng), 0, long(0), acc_tensor((), dtype, rng)), name="0-d")
    yield Sample((x, 0, long(np.zeros(0)), acc_tensor((0, 4), dtype, rng)), name="empty index")
    if dtype != ember.bool:
        yield Sample(
            (x, 0, long([1, 1]), acc_tensor((2, 4), dtype, rng)), {"alpha": 2}, name="alpha=2"
        )


def index_add_errors():
    x = ember.zeros(3, 4, dtype=ember.int64)
    ones = ember.ones(2, 4, dtype=ember.int64)
    yield ErrorInput(
        Sample((x, 0, long([0, 5]), ones)),
        RuntimeError,
        r"index 5 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(
        Sample((x, 0, long([0, 0]), ember.ones(2, 4))),
        RuntimeError,
        r"must have the same scalar type",
    )
    yield ErrorInput(
        Sample((x, 0, long([0, 0]), ember.ones(2, 3, dtype=ember.int64))),
        RuntimeError,
        r"source tensor shape must match self tensor shape",
    )
    yield ErrorInput(
        Sample((x, 0, long([[0, 0]]), ones)), IndexError, r"Index is supposed to be a vector"
    )
    yield ErrorInput(
        Sample((x, 0, long([0, 0, 0]), ones)),
        RuntimeError,
        r"Number of indices \(3\) should be equal to source.size\(dim\): \(2\)",
    )
    yield ErrorInput(
        Sample((x, 0, ember.tensor([0.0, 0.0]), ones)),
        RuntimeError,
        r"Expected dtype int32/int64 for index",
    )


def _index_copy_ref(x, dim, index, source):
    out = x.copy()
    if x.ndim == 0:
        return source.copy() if index.size else out
    moved = np.moveaxis(out, dim, 0)
    src = np.moveaxis(source, dim, 0)
    for i, k in enumerate(index.reshape(-1)):
        moved[k] = src[i]
    return out


def index_copy_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 0, long([2, 0]), make_tensor((2, 4), dtype, rng)), name="dim 0")
    yield Sample(
        (x, 1, long([3, 3, 1]), make_tensor((3, 3), dtype, rng)), name="duplicates: the last wins"
    )
    yield Sample(
        (
            make_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            -1,
            long([0, 3]),
            make_tensor((2, 3, 2), dtype, rng, noncontiguous=True),
        ),
        name="noncontiguous",
    )
    yield Sample((make_tensor((), dtype, rng), 0, long(0), make_tensor((), dtype, rng)), name="0-d")


def index_copy_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, 0, long([5]), ember.ones(1, 4))),
        IndexError,
        r"index 5 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(
        Sample((x, 0, long([-1]), ember.ones(1, 4))), IndexError, r"index -1 is out of bounds"
    )
    yield ErrorInput(
        Sample((x, 0, long([0]), ember.ones(1, 4, dtype=ember.int64))), RuntimeError, r"same dtype"
    )
    yield ErrorInput(
        Sample((x, 0, long([[0]]), ember.ones(1, 4))),
        IndexError,
        r"Index should have dimension 1 or 0",
    )


def _index_fill_ref(x, dim, index, value):
    out = x.copy()
    value = np.asarray(value).astype(x.dtype) if not isinstance(value, np.ndarray) else value
    if x.ndim == 0:
        return np.asarray(value, x.dtype).reshape(()) if index.size else out
    moved = np.moveaxis(out, dim, 0)
    for k in index.reshape(-1):
        moved[k] = value
    return out


def index_fill_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    value = True if dtype == ember.bool else 2
    yield Sample((x, 1, long([0, 2]), value), name="number")
    yield Sample((x, 0, long([-1, 0, 0]), value), name="negative and repeated indices")
    yield Sample((x, 1, long([1]), make_tensor((), dtype, rng)), name="0-d tensor value")
    yield Sample(
        (make_tensor((2, 3, 4), dtype, rng, noncontiguous=True), 2, long(3), value),
        name="noncontiguous, 0-d index",
    )
    yield Sample((make_tensor((), dtype, rng), 0, long([0, 0]), value), name="0-d input")
    yield Sample((x, 0, long(np.zeros(0)), value), name="empty index")


def index_fill_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, 0, long([5]), 1.0)),
        IndexError,
        r"index 5 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(
        Sample((x, 0, long([[0]]), 1.0)), RuntimeError, r"Index has to be a vector/scalar"
    )
    yield ErrorInput(
        Sample((x, 0, long([0]), ember.ones(1))),
        RuntimeError,
        r"only supports a 0-dimensional value tensor",
    )
    yield ErrorInput(
        Sample((x.to(ember.int8), 0, long([0]), 1000)),
        RuntimeError,
        r"cannot be converted to type int8 without overflow",
    )


def _np_indices(indices):
    return tuple(slice(None) if i is None else i for i in indices)


def _index_put_ref(x, indices, values, accumulate=False):
    out = x.copy()
    index = _np_indices(indices)
    if accumulate:
        if x.dtype == np.bool_:
            np.logical_or.at(out, index, values)
        else:
            np.add.at(out, index, values)
    else:
        out[index] = values
    return out


def index_put_samples(dtype, rng):
    x = acc_tensor((3, 4), dtype, rng)
    yield Sample((x, (long([0, 2]),), acc_tensor((2, 4), dtype, rng)), name="rows")
    yield Sample((x, (long([0, 2]), long([1, 3])), acc_tensor((2,), dtype, rng)), name="points")
    yield Sample((x, (None, long([3, 0])), acc_tensor((3, 2), dtype, rng)), name="columns")
    yield Sample(
        (x, (long([1, 1, 0]),), acc_tensor((4,), dtype, rng)),
        {"accumulate": True},
        name="accumulate duplicates, broadcast values",
    )
    yield Sample(
        (x, (acc_tensor((3, 4), ember.bool, rng),), acc_tensor((), dtype, rng)),
        name="mask, 0-d value",
    )
    yield Sample(
        (
            acc_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            (long([[1], [0]]), None, long([0, 3])),
            acc_tensor((2, 2, 3), dtype, rng),
        ),
        name="separated indices, broadcast",
    )
    yield Sample((x, (long(np.zeros(0)),), acc_tensor((0, 4), dtype, rng)), name="empty")


def index_put_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, (long([0, 1]),), ember.ones(3))),
        RuntimeError,
        r"shape mismatch: value tensor of shape \[3\] cannot be broadcast to "
        r"indexing result of shape \[2, 4\]",
    )
    yield ErrorInput(
        Sample((x, (long([0, 1]),), ember.ones(4, dtype=ember.int64))),
        RuntimeError,
        r"Index put requires the source and destination dtypes match",
    )
    yield ErrorInput(
        Sample((x, (long([3]),), ember.ones(4))),
        IndexError,
        r"index 3 is out of bounds for dimension 0 with size 3",
    )
    yield ErrorInput(
        Sample((x, (long([0]), long([0]), long([0])), ember.ones(()))),
        IndexError,
        r"too many indices for tensor of dimension 2",
    )
    yield ErrorInput(
        Sample((x, (ember.tensor([0.0]),), ember.ones(4))),
        IndexError,
        r"tensors used as indices must be long, int, byte or bool tensors",
    )


# ---- take / put ------------------------------------------------------------------------------


def take_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, long([[0, 5], [11, -12]])), name="2-d index with negatives")
    yield Sample(
        (make_tensor((3, 4), dtype, rng, noncontiguous=True), long([1, 7, 7])),
        name="noncontiguous input",
    )
    yield Sample((make_tensor((4, 3), dtype, rng).t(), long(5)), name="transposed, 0-d index")
    yield Sample((make_tensor((), dtype, rng), long([0, -1])), name="0-d input")
    yield Sample((x, long(np.zeros((0, 2)))), name="empty index")


def take_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, long([12]))),
        IndexError,
        r"out of range: tried to access index 12 on a tensor of 12 elements",
    )
    yield ErrorInput(
        Sample((x, ember.tensor([0.0]))), RuntimeError, r"Expected a long tensor for index"
    )


def _put_ref(x, index, source, accumulate=False):
    out = x.copy().reshape(-1)
    idx = index.reshape(-1) % max(out.size, 1)
    if accumulate:
        if x.dtype == np.bool_:
            np.logical_or.at(out, idx, source.reshape(-1))
        else:
            np.add.at(out, idx, source.reshape(-1))
    else:
        out[idx] = source.reshape(-1)
    return out.reshape(x.shape)


def put_samples(dtype, rng):
    x = acc_tensor((3, 4), dtype, rng)
    yield Sample((x, long([0, 5, -1]), acc_tensor((3,), dtype, rng)), name="1-d")
    yield Sample(
        (acc_tensor((4, 3), dtype, rng).t(), long([[1, 2], [2, 1]]), acc_tensor((4,), dtype, rng)),
        name="transposed input",
    )
    yield Sample(
        (x, long([1, 1, 2]), acc_tensor((3,), dtype, rng)), {"accumulate": True}, name="accumulate"
    )
    yield Sample((acc_tensor((), dtype, rng), long(0), acc_tensor((), dtype, rng)), name="0-d")


def put_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, long([12]), ember.ones(1))),
        IndexError,
        r"out of range: tried to access index 12 on a tensor of 12 elements",
    )
    yield ErrorInput(
        Sample((x, long([1, 2]), ember.ones(1))), RuntimeError, r"same number of elements"
    )
    yield ErrorInput(
        Sample((x, long([1]), ember.ones(1, dtype=ember.int64))), RuntimeError, r"same dtype"
    )


# ---- masked ops --------------------------------------------------------------------------------


def mask(rng, shape):
    return ember.tensor(rng.random(shape) > 0.5)


def _masked_fill_ref(x, mask, value):
    shape = np.broadcast_shapes(x.shape, mask.shape)
    out = np.broadcast_to(x, shape).copy()
    value = np.asarray(value)
    if value.dtype.kind == "c" and out.dtype.kind != "c":
        value = value.real
    out[np.broadcast_to(mask, shape)] = value.astype(out.dtype)
    return out


def masked_fill_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    value = True if dtype == ember.bool else 2
    yield Sample((x, mask(rng, (3, 4)), value), name="same shape")
    yield Sample((x, mask(rng, (4,)), value), name="broadcast mask")
    yield Sample(
        (
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            mask(rng, (3, 1)),
            make_tensor((), dtype, rng),
        ),
        name="noncontiguous, 0-d tensor value",
    )
    yield Sample((make_tensor((), dtype, rng), ember.tensor(True), value), name="0-d")
    yield Sample((make_tensor((0, 4), dtype, rng), mask(rng, (4,)), value), name="empty")
    if dtype.is_floating_point:
        yield Sample((x, mask(rng, (3, 4)), 2.5), name="float value")
    if dtype not in (ember.bool, ember.uint8):
        yield Sample(
            (make_tensor((1, 4), dtype, rng), mask(rng, (3, 4)), -1),
            name="input broadcast to the mask",
        )


def masked_fill_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, ember.ones(4, dtype=ember.uint8), 1.0)),
        RuntimeError,
        r"only supports boolean masks",
    )
    yield ErrorInput(
        Sample((x, ember.ones(4, dtype=ember.bool), ember.ones(1))),
        RuntimeError,
        r"only supports a 0-dimensional value tensor",
    )
    yield ErrorInput(
        Sample((x, ember.ones(4, dtype=ember.bool), 1j)),
        RuntimeError,
        r"cannot be converted to type float32",
    )
    yield ErrorInput(
        Sample((x, ember.ones(5, dtype=ember.bool), 1.0)),
        RuntimeError,
        r"must match the size of tensor b",
    )


def _masked_select_ref(x, mask):
    shape = np.broadcast_shapes(x.shape, mask.shape)
    return np.broadcast_to(x, shape)[np.broadcast_to(mask, shape)]


def masked_select_samples(dtype, rng):
    yield Sample((make_tensor((3, 4), dtype, rng), mask(rng, (3, 4))), name="same shape")
    yield Sample((make_tensor((3, 4), dtype, rng), mask(rng, (4,))), name="broadcast mask")
    yield Sample((make_tensor((2,), dtype, rng), mask(rng, (2, 1))), name="broadcast input")
    yield Sample((make_tensor((4, 3), dtype, rng).t(), mask(rng, (3, 4))), name="transposed")
    yield Sample((make_tensor((), dtype, rng), ember.tensor(True)), name="0-d")
    yield Sample((make_tensor((0, 3), dtype, rng), mask(rng, (3,))), name="empty")


def masked_select_errors():
    yield ErrorInput(
        Sample((ember.zeros(3), ember.ones(3, dtype=ember.uint8))),
        RuntimeError,
        r"expected BoolTensor for mask",
    )
    yield ErrorInput(
        Sample((ember.zeros(3), ember.ones(4, dtype=ember.bool))),
        RuntimeError,
        r"must match the size",
    )


def _masked_scatter_ref(x, mask, source):
    shape = np.broadcast_shapes(x.shape, mask.shape)
    out = np.broadcast_to(x, shape).copy()
    m = np.broadcast_to(mask, shape)
    out[m] = source.reshape(-1)[: int(m.sum())]
    return out


def masked_scatter_samples(dtype, rng):
    yield Sample(
        (make_tensor((3, 4), dtype, rng), mask(rng, (3, 4)), make_tensor((12,), dtype, rng)),
        name="same shape",
    )
    yield Sample(
        (
            make_tensor((3, 4), dtype, rng, noncontiguous=True),
            mask(rng, (4,)),
            make_tensor((4, 5), dtype, rng),
        ),
        name="broadcast mask, 2-d source",
    )
    yield Sample(
        (
            make_tensor((4, 3), dtype, rng).t(),
            mask(rng, (3, 4)),
            make_tensor((5, 3), dtype, rng).t(),
        ),
        name="transposed",
    )
    yield Sample(
        (make_tensor((), dtype, rng), ember.tensor(True), make_tensor((2,), dtype, rng)), name="0-d"
    )


def masked_scatter_errors():
    x = ember.zeros(3, 4)
    m = ember.ones(4, dtype=ember.bool)
    yield ErrorInput(
        Sample((x, m, ember.ones(11))),
        RuntimeError,
        r"Number of elements of source < number of ones in mask",
    )
    yield ErrorInput(
        Sample((x, m, ember.ones(12, dtype=ember.int64))),
        RuntimeError,
        r"expected self and source to have same dtypes",
    )
    yield ErrorInput(
        Sample((x, ember.ones(4, dtype=ember.uint8), ember.ones(12))),
        RuntimeError,
        r"only supports boolean masks",
    )


# ---- nonzero / argwhere ----------------------------------------------------------------------


def sparse_tensor(shape, dtype, rng, *, noncontiguous=False):
    """About half zeros, the rest -1 or 1 (as `dtype`)."""
    values = rng.integers(-1, 2, size=shape) * (rng.random(shape) > 0.5)
    t = ember.tensor(np.asarray(values, dtype=np.int64)).to(dtype)
    if noncontiguous and t.dim() > 0:
        wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=dtype)
        wide[..., ::2] = t
        t = wide[..., ::2]
    return t


def nonzero_samples(dtype, rng):
    for shape in [(), (0,), (7,), (3, 4), (2, 3, 4)]:
        yield Sample((sparse_tensor(shape, dtype, rng),), name=str(shape))
    yield Sample((ember.ones((), dtype=dtype),), name="0-d non-zero")
    yield Sample((sparse_tensor((3, 4), dtype, rng, noncontiguous=True),), name="noncontiguous")
    yield Sample((sparse_tensor((4, 3), dtype, rng).t(),), name="transposed")
    if dtype.is_floating_point:
        yield Sample(
            (ember.tensor([float("nan"), 0.0, -0.0, 1.0], dtype=dtype),),
            name="nan is non-zero, -0.0 is zero",
        )


def _nonzero_ref(x):
    return np.argwhere(x).astype(np.int64)


def nonzero_errors():
    yield ErrorInput(
        Sample((ember.zeros(3, device="meta"),)),
        NotImplementedError,
        r"\[nonzero\] the output shape depends on the input's data",
    )


OPS: list[OpInfo] = [
    OpInfo(
        name="index_select",
        op=ember.index_select,
        ref=_index_select_ref,
        dtypes=ALL_TYPES,
        sample_inputs=index_select_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=index_select_errors,
        differentiable=True,
    ),
    OpInfo(
        name="gather",
        op=ember.gather,
        ref=_gather_ref,
        dtypes=ALL_TYPES,
        sample_inputs=gather_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=gather_errors,
        differentiable=True,
    ),
    OpInfo(
        name="scatter",
        op=ember.scatter,
        ref=_scatter_ref,
        dtypes=ALL_TYPES,
        sample_inputs=scatter_samples,
        supports_out=True,
        result_dtype=same_dtype,
        inplace=method("scatter_"),
        error_inputs=scatter_errors,
        differentiable=True,
    ),
    OpInfo(
        name="scatter_add",
        op=ember.scatter_add,
        ref=lambda x, d, i, s: _scatter_ref(x, d, i, s, "add"),
        dtypes=ALL_TYPES,
        sample_inputs=scatter_add_samples,
        result_dtype=same_dtype,
        inplace=method("scatter_add_"),
        differentiable=True,
    ),
    OpInfo(
        name="scatter_reduce",
        op=ember.scatter_reduce,
        ref=_scatter_reduce_ref,
        dtypes=ALL_TYPES,
        sample_inputs=scatter_reduce_samples,
        supports_out=True,
        result_dtype=same_dtype,
        inplace=method("scatter_reduce_"),
        error_inputs=scatter_reduce_errors,
        differentiable=True,
    ),
    OpInfo(
        name="index_add",
        op=ember.index_add,
        ref=_index_add_ref,
        dtypes=ALL_REAL,
        sample_inputs=index_add_samples,
        supports_out=True,
        result_dtype=same_dtype,
        inplace=method("index_add_"),
        error_inputs=index_add_errors,
        differentiable=True,
    ),
    OpInfo(
        name="index_copy",
        op=ember.index_copy,
        ref=_index_copy_ref,
        dtypes=ALL_TYPES,
        sample_inputs=index_copy_samples,
        supports_out=True,
        result_dtype=same_dtype,
        inplace=method("index_copy_"),
        error_inputs=index_copy_errors,
        differentiable=True,
    ),
    OpInfo(
        name="index_fill",
        op=ember.index_fill,
        ref=_index_fill_ref,
        dtypes=ALL_TYPES,
        sample_inputs=index_fill_samples,
        result_dtype=same_dtype,
        inplace=method("index_fill_"),
        error_inputs=index_fill_errors,
        differentiable=True,
    ),
    OpInfo(
        name="index_put",
        op=ember.index_put,
        ref=_index_put_ref,
        dtypes=ALL_TYPES,
        sample_inputs=index_put_samples,
        result_dtype=same_dtype,
        inplace=method("index_put_"),
        error_inputs=index_put_errors,
        differentiable=True,
    ),
    OpInfo(
        name="take",
        op=ember.take,
        ref=lambda x, i: np.take(x.reshape(-1), i),
        dtypes=ALL_TYPES,
        sample_inputs=take_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=take_errors,
        differentiable=True,
    ),
    OpInfo(
        name="put",
        op=ember.put,
        ref=_put_ref,
        dtypes=ALL_TYPES,
        sample_inputs=put_samples,
        result_dtype=same_dtype,
        inplace=method("put_"),
        error_inputs=put_errors,
        differentiable=True,
    ),
    OpInfo(
        name="masked_fill",
        op=ember.masked_fill,
        ref=_masked_fill_ref,
        dtypes=ALL_TYPES,
        sample_inputs=masked_fill_samples,
        result_dtype=same_dtype,
        inplace=method("masked_fill_"),
        error_inputs=masked_fill_errors,
        differentiable=True,
    ),
    OpInfo(
        name="masked_select",
        op=ember.masked_select,
        ref=_masked_select_ref,
        dtypes=ALL_TYPES,
        sample_inputs=masked_select_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=masked_select_errors,
        differentiable=True,
        skip_meta=True,
    ),
    OpInfo(
        name="masked_scatter",
        op=ember.masked_scatter,
        ref=_masked_scatter_ref,
        dtypes=ALL_TYPES,
        sample_inputs=masked_scatter_samples,
        result_dtype=same_dtype,
        inplace=method("masked_scatter_"),
        error_inputs=masked_scatter_errors,
        differentiable=True,
    ),
    OpInfo(
        name="nonzero",
        op=ember.nonzero,
        ref=_nonzero_ref,
        dtypes=ALL_TYPES,
        sample_inputs=nonzero_samples,
        result_dtype=lambda *a, **k: ember.int64,
        supports_out=True,
        error_inputs=nonzero_errors,
        skip_meta=True,
    ),
    OpInfo(
        name="argwhere",
        op=ember.argwhere,
        ref=_nonzero_ref,
        dtypes=ALL_TYPES,
        sample_inputs=nonzero_samples,
        result_dtype=lambda *a, **k: ember.int64,
        skip_meta=True,
    ),
]
