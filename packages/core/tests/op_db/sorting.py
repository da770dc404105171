"""Records of sorting, selection, unique, counting and closeness (ops/sort.h, unique.h,
histogram.h, compare.h).

(values, indices) ops have a record for each part ("sort.indices"). The references define
ember's tie rules: sorting is stable, and topk, kthvalue and median order equal values by
index; mode reports the smallest most frequent value at its last index. NaN sorts largest.
"""

from __future__ import annotations

import math

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor
from op_db.reductions import (
    DIM_ERROR,
    NUMERIC,
    SHAPES,
    bool_dtype,
    dim_samples,
    int64_dtype,
    make,
    same_dtype,
    single_dim_errors,
)

OPS: list[OpInfo] = []

# ---- references --------------------------------------------------------------------------


def _stable_order(x, axis, descending):
    """Stable argsort along axis with NaN largest (first when descending)."""
    x = np.moveaxis(x, axis, -1)
    idx = np.arange(x.shape[-1])
    out = np.empty(x.shape, np.int64)
    for pos in np.ndindex(*x.shape[:-1]):
        row = x[pos].astype(np.float64)
        nan = np.isnan(row)
        key = np.where(nan, 0.0, row)
        if descending:
            out[pos] = np.lexsort((idx, -key, ~nan))
        else:
            out[pos] = np.lexsort((idx, key, nan))
    return np.moveaxis(out, -1, axis)


def sort_ref(part):
    def ref(x, dim=-1, descending=False, stable=False):
        if x.ndim == 0:
            return x.copy() if part == 0 else np.asarray(0)
        order = _stable_order(x, dim, descending)
        return np.take_along_axis(x, order, dim) if part == 0 else order

    return ref


def topk_ref(part):
    def ref(x, k, dim=-1, largest=True, **_):  # results are sorted either way
        if x.ndim == 0:
            return x.copy() if part == 0 else np.asarray(0)
        order = np.take(_stable_order(x, dim, largest), np.arange(k), axis=dim)
        return np.take_along_axis(x, order, dim) if part == 0 else order

    return ref


def _select(x, dim, keepdim, pick):
    """pick(row) -> (value, index) along dim."""
    if x.ndim == 0:
        return np.asarray(x), np.asarray(0)
    moved = np.moveaxis(x, dim, -1)
    values = np.empty(moved.shape[:-1], x.dtype)
    indices = np.empty(moved.shape[:-1], np.int64)
    for pos in np.ndindex(*moved.shape[:-1]):
        values[pos], indices[pos] = pick(moved[pos])
    if keepdim:
        values, indices = np.expand_dims(values, dim), np.expand_dims(indices, dim)
    return values, indices


def _kth(row, k):
    order = _stable_order(row, 0, False)
    return row[order[k]], order[k]


def kthvalue_ref(part):
    def ref(x, k, dim=-1, keepdim=False):
        return _select(x, dim, keepdim, lambda row: _kth(row, k - 1))[part]

    return ref


def _median(row, ignore_nan):
    nan = np.isnan(row.astype(np.float64))
    if nan.any() and not ignore_nan:
        i = int(np.argmax(nan))
        return row[i], i
    count = int((~nan).sum())
    if count == 0:
        return row[0], 0
    return _kth(row, (count - 1) // 2)


def median_ref(part, ignore_nan):
    def ref(x, dim=None, keepdim=False):
        if dim is None:
            flat = x.reshape(-1)
            return np.asarray(_median(flat, ignore_nan)[0] if flat.size else np.nan)
        return _select(x, dim, keepdim, lambda row: _median(row, ignore_nan))[part]

    return ref


def _mode(row):
    # NaN never equals NaN (as in torch): each NaN is a value seen once, and an all-NaN
    # row reports its first NaN.
    finite = row[~np.isnan(row)] if row.dtype.kind == "f" else row
    if finite.size == 0:
        return row[0], 0
    values, counts = np.unique(finite, return_counts=True)
    if counts.max() == 1 and finite.size < row.size:
        best = values[0]  # every value once: the smallest, NaN sorting last
    else:
        best = values[int(np.argmax(counts))]
    return best, int(np.nonzero(row == best)[0][-1])


def mode_ref(part):
    def ref(x, dim=-1, keepdim=False):
        return _select(x, dim, keepdim, _mode)[part]

    return ref


def unique_ref(part):
    def ref(x, **_):  # sorted, and everything returned, whatever is asked
        flat = x.reshape(-1)
        values, inverse, counts = np.unique(flat, return_inverse=True, return_counts=True)
        if flat.dtype.kind == "f" and np.isnan(flat).any():  # each NaN is its own value
            finite = ~np.isnan(values)
            n_nan = int(np.isnan(flat).sum())
            values = np.concatenate([values[finite], np.full(n_nan, np.nan)])
            counts = np.concatenate([counts[finite], np.ones(n_nan, np.int64)])
            inverse = inverse.copy()
            inverse[np.isnan(flat)] = finite.sum() + np.arange(n_nan)
        return [values, inverse.reshape(x.shape), counts][part]

    return ref


def unique_op(part):
    def op(x, **kwargs):
        values, inverse, counts = ember.unique(x, return_inverse=True, return_counts=True, **kwargs)
        return [values, inverse, counts][part]

    return op


def bincount_ref(x, weights=None, minlength=0):
    return np.bincount(x, weights, minlength)


def bincount_dtype(x, weights=None, minlength=0):
    if weights is None:
        return ember.int64
    return ember.float32 if weights.dtype == ember.float32 else ember.float64


def histc_ref(x, bins=100, min=0, max=0):  # noqa: A002
    x = x.astype(np.float64).reshape(-1)
    lo, hi = float(min), float(max)
    if lo == 0 and hi == 0 and x.size:
        lo, hi = x.min(), x.max()
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    return np.histogram(x[~np.isnan(x)], bins=bins, range=(lo, hi))[0].astype(np.float64)


# ---- records -----------------------------------------------------------------------------


def sort_samples(dtype, rng):
    for sample in dim_samples(nans=True)(dtype, rng):
        yield sample
        yield Sample(
            sample.args, {**sample.kwargs, "descending": True}, name=f"{sample.name} descending"
        )
    yield Sample((make((50,), dtype, rng, low=0, high=3),), {"stable": True}, name="ties")
    yield Sample(
        (make((4, 50), dtype, rng, low=0, high=3),),
        {"dim": 1, "descending": True, "stable": True},
        name="ties descending",
    )


def sort_errors(op):
    def errors():
        yield from single_dim_errors(op)()
        yield ErrorInput(
            Sample((ember.ones(3, dtype=ember.complex64),)),
            RuntimeError,
            rf"\[{op}\].*complex",
        )

    return errors


for _part, _name in [(0, "sort"), (1, "sort.indices")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda i: lambda *a, **k: ember.sort(*a, **k)[i])(_part),
            ref=sort_ref(_part),
            dtypes=ALL_REAL,
            sample_inputs=sort_samples,
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=sort_errors("sort"),
            differentiable=_part == 0,
        )
    )


def msort_samples(dtype, rng):
    for sample in sort_samples(dtype, rng):
        if sample.kwargs.get("dim", 0) in (0, -sample.args[0].dim()) and not (
            sample.kwargs.get("descending")
        ):
            yield Sample(sample.args, name=sample.name)


OPS.append(
    OpInfo(
        name="msort",
        op=ember.msort,
        ref=lambda x: sort_ref(0)(x, dim=0),
        dtypes=ALL_REAL,
        sample_inputs=msort_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=lambda: iter(
            [
                ErrorInput(
                    Sample((ember.ones(3, dtype=ember.complex64),)),
                    RuntimeError,
                    r"\[sort\].*complex",
                )
            ]
        ),
        differentiable=True,
    )
)
OPS.append(
    OpInfo(
        name="argsort",
        op=ember.argsort,
        ref=sort_ref(1),
        dtypes=ALL_REAL,
        sample_inputs=sort_samples,
        result_dtype=int64_dtype,
        error_inputs=sort_errors("argsort"),
    )
)


def topk_samples(dtype, rng):
    for sample in dim_samples(nans=True)(dtype, rng):
        x, dim = sample.args[0], sample.kwargs["dim"]
        n = 1 if x.dim() == 0 else x.shape[dim]
        for k in sorted({0, min(1, n), n // 2, n} - ({0} if x.dim() == 0 else set())):
            yield Sample((x, k), {"dim": dim}, name=f"{sample.name} k={k}")
            yield Sample((x, k), {"dim": dim, "largest": False}, name=f"{sample.name} k={k} min")
    yield Sample((make((60,), dtype, rng, low=0, high=4), 7), name="ties")
    yield Sample(
        (make((60,), dtype, rng, low=0, high=4), 7), {"sorted": False}, name="sorted=False"
    )


def topk_errors():
    x = ember.ones(2, 3)
    yield ErrorInput(Sample((x, 4)), RuntimeError, r"\[topk\] selected index k out of range")
    yield ErrorInput(Sample((x, -1)), RuntimeError, r"\[topk\] selected index k out of range")
    yield ErrorInput(Sample((x, 1), {"dim": 2}), IndexError, DIM_ERROR)
    yield ErrorInput(Sample((ember.ones(3, dtype=ember.bool), 1)), RuntimeError, "bool")


for _part, _name in [(0, "topk"), (1, "topk.indices")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda i: lambda *a, **k: ember.topk(*a, **k)[i])(_part),
            ref=topk_ref(_part),
            dtypes=NUMERIC,
            sample_inputs=topk_samples,
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=topk_errors,
            differentiable=_part == 0,
        )
    )


def select_samples(with_k):
    def samples(dtype, rng):
        for sample in dim_samples(nans=True, low=0, high=4)(dtype, rng):
            x, dim = sample.args[0], sample.kwargs["dim"]
            n = 1 if x.dim() == 0 else x.shape[dim]
            if n == 0:
                continue
            ks = sorted({1, (n + 1) // 2, n}) if with_k else [None]
            for k in ks:
                args = (x, k) if with_k else (x,)
                yield Sample(args, {"dim": dim}, name=f"{sample.name} k={k}")
                yield Sample(args, {"dim": dim, "keepdim": True}, name=f"{sample.name} keepdim")

    return samples


def kthvalue_errors():
    x = ember.ones(2, 3)
    yield ErrorInput(Sample((x, 4)), RuntimeError, r"\[kthvalue\].*k out of range")
    yield ErrorInput(Sample((x, 0)), RuntimeError, r"\[kthvalue\].*k out of range")
    yield ErrorInput(Sample((x, 1), {"dim": 3}), IndexError, DIM_ERROR)
    yield ErrorInput(Sample((ember.ones(3, dtype=ember.bool), 1)), NotImplementedError, "bool")


for _part, _name in [(0, "kthvalue"), (1, "kthvalue.indices")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda i: lambda *a, **k: ember.kthvalue(*a, **k)[i])(_part),
            ref=kthvalue_ref(_part),
            dtypes=NUMERIC,
            sample_inputs=select_samples(True),
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=kthvalue_errors,
            differentiable=_part == 0,
        )
    )


def median_samples(dtype, rng):
    for shape in [(), (5,), (4,), (3, 4), (2, 3, 4)]:
        yield Sample((make(shape, dtype, rng, nans=True, low=0, high=4),), name=f"{shape} all")
    if dtype in FLOATING:
        yield Sample((ember.zeros(0, 3, dtype=dtype),), name="empty all")
        yield Sample((ember.full((4,), math.nan, dtype=dtype),), name="all NaN")
    yield from select_samples(False)(dtype, rng)


def median_errors(op):
    def errors():
        yield ErrorInput(
            Sample((ember.zeros(0, 3),), {"dim": 0}),
            IndexError,
            rf"\[{op}\].*Expected reduction dim 0 to have non-zero size",
        )
        yield ErrorInput(Sample((ember.ones(3, dtype=ember.bool),)), NotImplementedError, "bool")
        yield from single_dim_errors(op)()

    return errors


for _base, _ignore in [("median", False), ("nanmedian", True)]:
    for _part, _suffix in [(0, ""), (1, ".indices")]:
        _samples = (
            median_samples
            if _part == 0
            else (lambda dtype, rng: (s for s in median_samples(dtype, rng) if "dim" in s.kwargs))
        )
        OPS.append(
            OpInfo(
                name=f"{_base}{_suffix}",
                op=(lambda f, i: lambda *a, **k: f(*a, **k)[i] if "dim" in k else f(*a, **k))(
                    getattr(ember, _base), _part
                ),
                ref=median_ref(_part, _ignore),
                dtypes=NUMERIC,
                sample_inputs=_samples,
                result_dtype=same_dtype if _part == 0 else int64_dtype,
                error_inputs=median_errors(_base),
                differentiable=_part == 0,
            )
        )


def mode_errors():
    yield ErrorInput(
        Sample((ember.zeros(0, 3),), {"dim": 0}),
        IndexError,
        r"\[mode\].*Expected reduction dim 0 to have non-zero size",
    )
    yield from single_dim_errors("mode")()


for _part, _name in [(0, "mode"), (1, "mode.indices")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda i: lambda *a, **k: ember.mode(*a, **k)[i])(_part),
            ref=mode_ref(_part),
            dtypes=ALL_REAL,
            sample_inputs=select_samples(False),
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=mode_errors,
            differentiable=_part == 0,
        )
    )


def unique_samples(dtype, rng):
    for shape in SHAPES:
        yield Sample((make(shape, dtype, rng, low=0, high=4, nans=True),), name=f"{shape}")
    yield Sample(
        (make((3, 4), dtype, rng, low=0, high=3, noncontiguous=True),), name="noncontiguous"
    )


def unique_errors():
    yield ErrorInput(Sample((ember.ones(2, 2),), {"dim": 2}), IndexError, DIM_ERROR)
    yield ErrorInput(Sample((ember.ones(()),), {"dim": 0}), IndexError, "no dimensions")
    yield ErrorInput(
        Sample((ember.zeros(0, 2),), {"dim": 1}),
        RuntimeError,
        r"\[unique\] There are 0 sized dimensions",
    )
    yield ErrorInput(Sample((ember.ones(2).to("meta"),)), NotImplementedError, "meta")


for _part, _name in [(0, "unique"), (1, "unique.inverse"), (2, "unique.counts")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=unique_op(_part),
            ref=unique_ref(_part),
            dtypes=ALL_REAL,
            sample_inputs=unique_samples,
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=unique_errors,
            skip_meta=True,
        )
    )


def unique_consecutive_ref(part):
    def ref(x, dim=None):
        if dim is None:
            flat = x.reshape(-1)
            if flat.size == 0:
                starts = np.zeros(0, np.int64)
            else:  # NaN != NaN: every NaN starts a run
                starts = np.flatnonzero(np.concatenate([[True], flat[1:] != flat[:-1]]))
            values = flat[starts]
            run = np.cumsum(np.isin(np.arange(flat.size), starts)) - 1
            inverse = run.reshape(x.shape)
        else:
            moved = np.moveaxis(x, dim, 0)
            n = moved.shape[0]
            rows = moved.reshape(n, -1)
            change = [True] + [bool((rows[i] != rows[i - 1]).any()) for i in range(1, n)]
            starts = np.flatnonzero(np.asarray(change[:n], bool))
            values = np.moveaxis(moved[starts], 0, dim)
            inverse = np.cumsum(np.asarray(change[:n], np.int64)) - 1
        counts = np.diff(np.append(starts, inverse.size if dim is None else x.shape[dim]))
        return [values, inverse.astype(np.int64), counts.astype(np.int64)][part]

    return ref


def unique_consecutive_op(part):
    def op(x, **kwargs):
        values, inverse, counts = ember.unique_consecutive(
            x, return_inverse=True, return_counts=True, **kwargs
        )
        return [values, inverse, counts][part]

    return op


def unique_consecutive_samples(dtype, rng):
    for shape in SHAPES:
        yield Sample((make(shape, dtype, rng, low=0, high=2),), name=f"{shape}")
    yield Sample((ember.tensor([1, 1, 2, 2, 3, 1, 1, 2]).to(dtype),), name="runs")
    x = ember.tensor([[1, 1, 2], [1, 1, 2], [0, 1, 2], [1, 1, 2]]).to(dtype)
    yield Sample((x,), {"dim": 0}, name="dim=0 runs")
    yield Sample((x.t(),), {"dim": 1}, name="dim=1 transposed")
    yield Sample((x,), {"dim": -1}, name="dim=-1")
    if dtype in FLOATING:
        nan = math.nan
        yield Sample((ember.tensor([nan, nan, 1.0, 1.0], dtype=dtype),), name="NaN runs")
    yield Sample(
        (make((3, 8), dtype, rng, low=0, high=2, noncontiguous=True),), name="noncontiguous"
    )


def unique_consecutive_errors():
    yield ErrorInput(Sample((ember.ones(2, 2),), {"dim": 2}), IndexError, DIM_ERROR)
    yield ErrorInput(Sample((ember.ones(()),), {"dim": 0}), IndexError, "no dimensions")
    yield ErrorInput(
        Sample((ember.ones(2, dtype=ember.complex64),)),
        NotImplementedError,
        r"\[unique_consecutive\]",
    )
    yield ErrorInput(Sample((ember.ones(2).to("meta"),)), NotImplementedError, "meta")


for _part, _name in [
    (0, "unique_consecutive"),
    (1, "unique_consecutive.inverse"),
    (2, "unique_consecutive.counts"),
]:
    OPS.append(
        OpInfo(
            name=_name,
            op=unique_consecutive_op(_part),
            ref=unique_consecutive_ref(_part),
            dtypes=ALL_REAL,
            sample_inputs=unique_consecutive_samples,
            result_dtype=same_dtype if _part == 0 else int64_dtype,
            error_inputs=unique_consecutive_errors,
            skip_meta=True,
        )
    )


def bincount_samples(dtype, rng):
    high = 6 if dtype != ember.int8 else 5
    for n in (0, 1, 7, 40):
        x = make_tensor((n,), dtype, rng, low=0, high=high)
        yield Sample((x,), name=f"n={n}")
        yield Sample((x,), {"minlength": 10}, name=f"n={n} minlength")
        for wdtype in (ember.float32, ember.float64, ember.int32):
            yield Sample((x, make_tensor((n,), wdtype, rng)), name=f"n={n} weights {wdtype}")
    yield Sample((make_tensor((20,), dtype, rng, low=0, high=high)[::2],), name="noncontiguous")


def bincount_errors():
    yield ErrorInput(Sample((ember.tensor([1, -1]),)), RuntimeError, r"\[bincount\].*non-negative")
    yield ErrorInput(
        Sample((ember.ones(2, 2, dtype=ember.int64),)), RuntimeError, r"\[bincount\].*1-d"
    )
    yield ErrorInput(Sample((ember.ones(2),)), NotImplementedError, r"\[bincount\].*float32")
    yield ErrorInput(
        Sample((ember.ones(2, dtype=ember.int64), ember.ones(3))),
        RuntimeError,
        r"\[bincount\] weights should be 1-d and have the same length",
    )
    yield ErrorInput(
        Sample((ember.ones(2, dtype=ember.int64),), {"minlength": -1}),
        RuntimeError,
        r"\[bincount\] minlength should be >= 0",
    )


OPS.append(
    OpInfo(
        name="bincount",
        op=ember.bincount,
        ref=bincount_ref,
        dtypes=INTEGRAL,
        sample_inputs=bincount_samples,
        result_dtype=bincount_dtype,
        error_inputs=bincount_errors,
        skip_meta=True,
    )
)


def histc_samples(dtype, rng):
    for shape in [(), (0,), (7,), (3, 4)]:
        x = make(shape, dtype, rng)
        yield Sample((x,), name=f"{shape}")
        yield Sample((x,), {"bins": 4, "min": -1, "max": 2}, name=f"{shape} range")
    yield Sample(
        (make((3, 4), dtype, rng, nans=True),), {"bins": 5, "min": -3, "max": 3}, name="NaN ignored"
    )
    yield Sample(
        (ember.tensor([0.0, 1, 2, 3], dtype=dtype),), {"bins": 3, "min": 0, "max": 3}, name="edges"
    )
    yield Sample((ember.ones(4, dtype=dtype),), {"bins": 3}, name="constant")
    yield Sample((make((3, 8), dtype, rng, noncontiguous=True),), {"bins": 6}, name="noncontiguous")


def histc_errors():
    x = ember.tensor([1.0, 2.0])
    yield ErrorInput(Sample((x,), {"bins": 0}), RuntimeError, r"\[histc\] bins must be > 0")
    yield ErrorInput(
        Sample((x,), {"bins": 3, "min": 3, "max": 1}),
        RuntimeError,
        r"\[histc\] max must be larger than min",
    )
    yield ErrorInput(
        Sample((ember.tensor([1.0, math.inf]),)),
        RuntimeError,
        r"\[histc\] range of \[1, inf\] is not finite",
    )
    yield ErrorInput(Sample((ember.tensor([1, 2]),)), NotImplementedError, r"\[histc\].*int64")


OPS.append(
    OpInfo(
        name="histc",
        op=ember.histc,
        ref=histc_ref,
        dtypes=FLOATING,
        sample_inputs=histc_samples,
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=histc_errors,
    )
)


def close_samples(dtype, rng):
    for shape in [(), (0,), (5,), (3, 4)]:
        a = make(shape, dtype, rng)
        yield Sample((a, a), name=f"{shape} same")
        yield Sample((a, make(shape, dtype, rng)), name=f"{shape} other")
    a = make((3, 4), dtype, rng, low=1, high=3)
    if dtype in FLOATING:
        yield Sample((a, a * (1 + 1e-6)), name="near")
        yield Sample((a, a + 1e-3), {"atol": 1e-2}, name="atol")
        yield Sample((a, a * 1.01), {"rtol": 0.05, "atol": 0}, name="rtol")
        edge = ember.tensor([math.nan, math.inf, -math.inf, 1.0, math.inf], dtype=dtype)
        other = ember.tensor([math.nan, math.inf, math.inf, math.nan, 1e30], dtype=dtype)
        yield Sample((edge, other), name="nan inf")
        yield Sample((edge, other), {"equal_nan": True}, name="equal_nan")
    elif dtype != ember.bool:
        yield Sample((a, a + ember.ones_like(a)), {"atol": 1.5}, name="atol")
        yield Sample((a, a + ember.ones_like(a)), {"rtol": 0.3}, name="rtol")
    yield Sample((make((3, 4), dtype, rng), make((4,), dtype, rng)), name="broadcast")


def close_errors(op):
    def errors():
        a = ember.ones(3)
        yield ErrorInput(
            Sample((a, ember.ones(3, dtype=ember.float64))),
            RuntimeError,
            rf"\[{op}\]|\[isclose\].*float32 did not match float64",
        )
        yield ErrorInput(
            Sample((a, a), {"rtol": -1}),
            RuntimeError,
            r"rtol must be greater than or equal to zero",
        )
        yield ErrorInput(
            Sample((a, a), {"atol": -1}),
            RuntimeError,
            r"atol must be greater than or equal to zero",
        )
        yield ErrorInput(
            Sample((ember.ones(2, 3), ember.ones(4))), RuntimeError, r"must match the size"
        )

    return errors


OPS.append(
    OpInfo(
        name="isclose",
        op=ember.isclose,
        ref=np.isclose,
        dtypes=ALL_REAL,
        sample_inputs=close_samples,
        result_dtype=bool_dtype,
        error_inputs=close_errors("isclose"),
    )
)
OPS.append(
    OpInfo(
        name="allclose",
        op=lambda *a, **k: ember.tensor(ember.allclose(*a, **k)),
        ref=lambda *a, **k: np.asarray(np.allclose(*a, **k)),
        dtypes=ALL_REAL,
        sample_inputs=close_samples,
        result_dtype=bool_dtype,
        error_inputs=close_errors("allclose"),
        skip_meta=True,
    )
)


def equal_samples(dtype, rng):
    a = make((3, 4), dtype, rng)
    yield Sample((a, a.clone()), name="equal")
    yield Sample((a, make((3, 4), dtype, rng)), name="different values")
    yield Sample((a, make((4, 3), dtype, rng)), name="different shapes")
    yield Sample((a, a[:1]), name="broadcastable shapes are not equal")
    yield Sample((make((0,), dtype, rng), make((0,), dtype, rng)), name="empty")
    yield Sample((a, a.to(ember.float64)), name="across dtypes")
    if dtype in FLOATING:
        nan = ember.tensor([math.nan], dtype=dtype)
        yield Sample((nan, nan), name="NaN is not equal")


def equal_ref(a, b):
    return np.asarray(a.shape == b.shape and bool(np.all(a == b)))


OPS.append(
    OpInfo(
        name="equal",
        op=lambda *a, **k: ember.tensor(ember.equal(*a, **k)),
        ref=equal_ref,
        dtypes=ALL_REAL,
        sample_inputs=equal_samples,
        result_dtype=bool_dtype,
        skip_meta=True,
    )
)
