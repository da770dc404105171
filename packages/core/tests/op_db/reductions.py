"""Records of the reductions, softmax and scans (ops/reduce.h, softmax.h, scan.h); the
sorting family is in sorting.py, which shares the input helpers defined here.

Ops that return (values, indices) have one record for the values under the op's name and
one for the indices ("max.indices"); the references define ember's documented tie rules
(the first extreme element for max/argmax, the last one for cummax).
"""

from __future__ import annotations

import math

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, FLOATING, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

NUMERIC = (*INTEGRAL, *FLOATING)
COMPLEX = (ember.complex64, ember.complex128)
SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (0, 3)]
DIM_ERROR = r"Dimension out of range"


# ---- inputs ------------------------------------------------------------------------------


def make(shape, dtype, rng, *, low=None, high=None, noncontiguous=False, nans=False):
    """make_tensor, plus complex values and optional NaNs sprinkled into float inputs."""
    if dtype in COMPLEX:
        real = rng.uniform(-3, 3, size=shape) + 1j * rng.uniform(-3, 3, size=shape)
        t = ember.tensor(np.asarray(real)).to(dtype)
        if noncontiguous and t.dim() > 0 and t.numel() > 1:
            wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=dtype)
            wide[..., ::2] = t
            t = wide[..., ::2]
        return t
    if nans and dtype in FLOATING and math.prod(shape) > 2:
        array = rng.uniform(-3, 3, size=shape)
        array.flat[rng.choice(array.size, size=max(1, array.size // 5), replace=False)] = np.nan
        t = ember.tensor(array, dtype=dtype)
        if noncontiguous:
            wide = ember.zeros(*t.shape[:-1], t.shape[-1] * 2, dtype=dtype)
            wide[..., ::2] = t
            t = wide[..., ::2]
        return t
    return make_tensor(shape, dtype, rng, low=low, high=high, noncontiguous=noncontiguous)


def reduction_samples(
    *, dim_kwargs=True, single_dim=False, keepdim=True, nans=False, low=None, high=None, extra=()
):
    """Every shape with every-dim reductions, then dims given as ints, negative ints and
    tuples, with keepdim, on contiguous, non-contiguous and transposed inputs."""

    def samples(dtype, rng):
        def t(shape, **kw):
            return make(shape, dtype, rng, low=low, high=high, nans=nans, **kw)

        for shape in SHAPES:
            yield Sample((t(shape),), name=f"{shape}")
        if not dim_kwargs:
            return
        yield Sample((t(()),), {"dim": 0}, name="0-d dim=0")
        yield Sample((t((5,)),), {"dim": 0}, name="(5,) dim=0")
        yield Sample((t((3, 4)),), {"dim": 1}, name="(3, 4) dim=1")
        yield Sample((t((3, 4)),), {"dim": 0, "keepdim": keepdim}, name="dim=0 keepdim")
        yield Sample((t((2, 3, 4)),), {"dim": -1}, name="dim=-1")
        yield Sample((t((2, 3, 4)),), {"dim": -2, "keepdim": keepdim}, name="dim=-2 keepdim")
        yield Sample((t((0, 3)),), {"dim": 1}, name="(0, 3) dim=1")
        yield Sample((t((3, 4), noncontiguous=True),), {"dim": 1}, name="noncontiguous dim=1")
        yield Sample((t((4, 3)).t(),), {"dim": 0}, name="transposed dim=0")
        if not single_dim:
            yield Sample((t((2, 3, 4)),), {"dim": (0, 2)}, name="dim=(0, 2)")
            yield Sample(
                (t((2, 3, 4)),), {"dim": (-1, 0), "keepdim": keepdim}, name="dim=(-1, 0) keepdim"
            )
            yield Sample(
                (t((2, 3, 4)).permute(2, 0, 1),), {"dim": (1, 2)}, name="permuted dim=(1, 2)"
            )
            yield Sample((t((0, 3)),), {"dim": (0,)}, name="(0, 3) dim=(0,)")
            yield Sample((t((3, 4, 2)),), {"dim": []}, name="dim=[]")
        yield from extra(dtype, rng) if callable(extra) else ()

    return samples


def has_identity_free(samples):
    """Only the samples that do not reduce an empty dim (ops without an identity)."""

    def filtered(dtype, rng):
        for sample in samples(dtype, rng):
            x, dim = sample.args[0], sample.kwargs.get("dim")
            dims = (
                range(x.dim())
                if dim is None or dim == () or dim == []
                else (dim if isinstance(dim, (tuple, list)) else (dim,))
            )
            if x.dim() == 0 or all(x.shape[d] > 0 for d in dims):
                yield sample

    return filtered


def dim_errors(op, *, tuple_dims=True, dtype=ember.float32):
    def errors():
        rng = np.random.default_rng(0)
        x = make_tensor((2, 3), dtype, rng)
        yield ErrorInput(Sample((x,), {"dim": 2}), IndexError, DIM_ERROR)
        yield ErrorInput(Sample((x,), {"dim": -3}), IndexError, DIM_ERROR)
        if tuple_dims:
            yield ErrorInput(
                Sample((x,), {"dim": (0, 0)}),
                RuntimeError,
                rf"\[{op}\].*dim 0 appears multiple times",
            )
            yield ErrorInput(Sample((x,), {"dim": (1, 5)}), IndexError, DIM_ERROR)
            yield ErrorInput(Sample((x,), {"dim": "0"}), TypeError, r"dim")
        else:
            yield ErrorInput(Sample((x,), {"dim": (0, 1)}), TypeError, r"dim")

    return errors


def chain(*generators):
    def errors():
        for g in generators:
            yield from g()

    return errors


# ---- references --------------------------------------------------------------------------


def axis_of(x, dim):
    """torch's dim -> NumPy's axis: None and () reduce everything; 0-d inputs have no axis."""
    if dim is None or x.ndim == 0:
        return None
    if isinstance(dim, (tuple, list)):
        return None if len(dim) == 0 else tuple(dim)
    return dim


def wide(x):
    if x.dtype.kind == "f":
        return x.astype(np.float64)
    if x.dtype.kind == "c":
        return x.astype(np.complex128)
    return x


def np_dtype(dtype):
    from op_db.opinfo import NUMPY_DTYPES

    return np.float64 if dtype in (ember.bfloat16, ember.float16) else NUMPY_DTYPES[dtype]


def sum_ref(np_fn):
    def ref(x, dim=None, keepdim=False, dtype=None):
        if dtype is not None:
            x = x.astype(np_dtype(dtype))
        elif x.dtype.kind in "biu":
            x = x.astype(np.int64)
        with np.errstate(all="ignore"):
            return np.asarray(np_fn(wide(x), axis=axis_of(x, dim), keepdims=keepdim))

    return ref


def sum_dtype(x, dim=None, keepdim=False, dtype=None):
    if dtype is not None:
        return dtype
    return ember.int64 if x.dtype in (ember.bool, *INTEGRAL) else x.dtype


def same_dtype(x, *args, **kwargs):
    return x.dtype


def int64_dtype(*args, **kwargs):
    return ember.int64


def bool_dtype(*args, **kwargs):
    return ember.bool


def float_dtype(x, *args, **kwargs):
    return x.dtype if x.dtype.is_floating_point else ember.get_default_dtype()


def real_dtype(x, *args, **kwargs):
    return {ember.complex64: ember.float32, ember.complex128: ember.float64}.get(x.dtype, x.dtype)


def _nanmean(x, axis=None, keepdims=False):
    count = np.sum(~np.isnan(x), axis=axis, keepdims=keepdims)
    return np.nansum(x, axis=axis, keepdims=keepdims) / count


def prod_ref(x, dim=None, keepdim=False, dtype=None):
    return sum_ref(np.prod)(x, dim, keepdim, dtype)


def extreme_ref(np_fn):
    def ref(x, dim=None, keepdim=False):
        return np.asarray(np_fn(x, axis=axis_of(x, dim), keepdims=keepdim))

    return ref


def first(result):
    """The values of a (values, indices) result; other results unchanged."""
    return result[0] if isinstance(result, tuple) else result


def second(result):
    return result[1]


def max_min_ref(np_extreme, np_binary):
    def ref(x, other=None, dim=None, keepdim=False):
        if isinstance(other, np.ndarray):
            return np_binary(x, other)
        if isinstance(other, int):
            dim = other
        return np.asarray(np_extreme(x, axis=axis_of(x, dim), keepdims=keepdim))

    return ref


def arg_ref(np_arg):
    def ref(x, dim=None, keepdim=False):
        if x.ndim == 0:
            return np.asarray(0)
        if dim is None:
            index = np_arg(x.reshape(-1))
            return np.full((1,) * x.ndim if keepdim else (), index, dtype=np.int64)
        return np.asarray(np_arg(x, axis=dim, keepdims=keepdim))

    return ref


def max_indices_ref(x, dim, keepdim=False):
    return arg_ref(np.argmax)(x, dim, keepdim)


def min_indices_ref(x, dim, keepdim=False):
    return arg_ref(np.argmin)(x, dim, keepdim)


def logical_ref(np_fn):
    def ref(x, dim=None, keepdim=False):
        axis = None if dim is None or x.ndim == 0 else dim
        if isinstance(axis, list):
            axis = tuple(axis)
        return np.asarray(np_fn(x != 0, axis=axis, keepdims=keepdim))

    return ref


def logical_dtype(x, *args, **kwargs):
    return ember.uint8 if x.dtype == ember.uint8 else ember.bool


def count_nonzero_ref(x, dim=None):
    return np.asarray(np.count_nonzero(x, axis=axis_of(x, dim)), dtype=np.int64)


def logsumexp_ref(x, dim, keepdim=False):
    x = x.astype(np.float64)
    axis = axis_of(x, dim)
    with np.errstate(all="ignore"):
        m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)
        m = np.where(np.isinf(m), 0.0, m)  # infinite maxima decide the result alone
        s = np.sum(np.exp(x - m), axis=axis, keepdims=keepdim)
        return np.asarray(np.log(s) + (m if keepdim else np.squeeze(m, axis=axis)))


def norm_ref(x, p="fro", dim=None, keepdim=False, dtype=None):
    a = np.abs(x.astype(np.complex128 if x.dtype.kind == "c" else np.float64))
    axis = axis_of(x, dim)
    if p == "fro":
        p = 2
    with np.errstate(all="ignore"):
        if p == math.inf:
            return np.asarray(np.max(a, axis=axis, keepdims=keepdim))
        if p == -math.inf:
            return np.asarray(np.min(a, axis=axis, keepdims=keepdim))
        if p == 0:
            return np.asarray(np.sum(a != 0, axis=axis, keepdims=keepdim), dtype=np.float64)
        return np.asarray(np.sum(a**p, axis=axis, keepdims=keepdim) ** (1.0 / p))


def norm_dtype(x, p="fro", dim=None, keepdim=False, dtype=None):
    return real_dtype(x) if dtype is None else dtype


def var_ref(take_sqrt, part=0):
    def ref(x, dim=None, unbiased=None, keepdim=False, correction=None):
        if isinstance(dim, bool):
            unbiased, dim = dim, None
        ddof = 1 if correction is None else correction
        if unbiased is not None:
            ddof = 1 if unbiased else 0
        x = wide(x)
        axis = axis_of(x, dim)
        with np.errstate(all="ignore"):
            mean = np.mean(x, axis=axis, keepdims=True)
            n = (
                x.size
                if axis is None
                else math.prod(x.shape[a] for a in (axis if isinstance(axis, tuple) else (axis,)))
            )
            m2 = np.sum(np.abs(x - mean) ** 2, axis=axis, keepdims=keepdim)
            v = m2 / max(0, n - ddof)
            if part == 1:
                return np.asarray(np.mean(x, axis=axis, keepdims=keepdim))
            return np.asarray(np.sqrt(v) if take_sqrt else v)

    return ref


def softmax_ref(log):
    def ref(x, dim, dtype=None):
        x = x.astype(np.float64)
        if x.ndim == 0:
            return np.asarray(0.0 if log else 1.0)
        m = np.max(x, axis=dim, keepdims=True) if x.size else 0
        with np.errstate(all="ignore"):
            e = np.exp(x - m)
            s = np.sum(e, axis=dim, keepdims=True)
            return x - m - np.log(s) if log else e / s

    return ref


def softmax_dtype(x, dim, dtype=None):
    return x.dtype if dtype is None else dtype


def cum_ref(np_fn):
    def ref(x, dim, dtype=None):
        if dtype is not None:
            x = x.astype(np_dtype(dtype))
        elif x.dtype.kind in "biu":
            x = x.astype(np.int64)
        x = wide(x)
        if x.ndim == 0:
            return x.copy()
        with np.errstate(all="ignore"):
            return np_fn(x, axis=dim)

    return ref


def cumext_ref(is_max, part):
    """torch's running extreme: moves to x when x is NaN, or when neither is NaN and
    x >= best (<= for min); the index is where the extreme was last attained."""

    def along(row):
        values, indices = np.empty_like(row), np.empty(row.shape, np.int64)
        best, where = row[0], 0
        for i, v in enumerate(row):
            v_nan = v != v
            if v_nan or (best == best and (v >= best if is_max else v <= best)):
                best, where = v, i
            values[i], indices[i] = best, where
        return values if part == 0 else indices

    def ref(x, dim):
        if x.ndim == 0:
            return x.copy() if part == 0 else np.asarray(0)
        if x.size == 0:
            return x.copy() if part == 0 else np.zeros(x.shape, np.int64)
        return np.apply_along_axis(along, dim, x)

    return ref


# ---- records -----------------------------------------------------------------------------

OPS: list[OpInfo] = []


def sum_like_samples(nans=False, low=None, high=None):
    def extra(dtype, rng):
        if dtype not in COMPLEX:
            yield Sample(
                (make((3, 4), dtype, rng, low=low, high=high),),
                {"dim": 1, "dtype": ember.float64},
                name="dtype=float64",
            )
        if dtype in (ember.float16, ember.bfloat16):
            # Accumulation in float32: a float16 running sum would stop at 2048.
            yield Sample((ember.ones(5000, dtype=dtype),), name="5000 ones")

    return reduction_samples(nans=nans, low=low, high=high, extra=extra)


def mean_errors():
    yield ErrorInput(
        Sample((ember.ones(3, dtype=ember.int64),)),
        RuntimeError,
        r"\[mean\].*could not infer output dtype.*Got: int64",
    )
    yield ErrorInput(
        Sample((ember.ones(3),), {"dtype": ember.int32}),
        RuntimeError,
        r"\[mean\].*Optional dtype must be either a floating point",
    )


for _name, _np_fn, _dtypes, _nans in [
    ("sum", np.sum, (*ALL_REAL, *COMPLEX), False),
    ("nansum", np.nansum, (*INTEGRAL, *FLOATING), True),
    ("mean", np.mean, (*FLOATING, *COMPLEX), False),
    ("nanmean", _nanmean, FLOATING, True),
]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=sum_ref(_np_fn),
            dtypes=_dtypes,
            sample_inputs=sum_like_samples(nans=_nans),
            result_dtype=sum_dtype,
            supports_out=True,
            error_inputs=chain(dim_errors(_name), mean_errors)
            if _name == "mean"
            else dim_errors(_name),
            differentiable=True,
        )
    )

OPS.append(
    OpInfo(
        name="prod",
        op=ember.prod,
        ref=prod_ref,
        dtypes=(*ALL_REAL, *COMPLEX),
        sample_inputs=reduction_samples(single_dim=True, low=-2, high=2),
        result_dtype=sum_dtype,
        supports_out=True,
        error_inputs=dim_errors("prod", tuple_dims=False),
        differentiable=True,
    )
)


def empty_extreme_errors(op, call=None):
    def errors():
        yield ErrorInput(
            Sample((ember.zeros(0, 3),)),
            RuntimeError,
            rf"\[{op}\].*Expected reduction dim to be specified for "
            r"input.numel\(\) == 0",
        )
        yield ErrorInput(
            Sample((ember.zeros(0, 3),), {"dim": 0}),
            IndexError,
            rf"\[{op}\].*Expected reduction dim 0 to have non-zero size",
        )
        yield ErrorInput(
            Sample((ember.ones(2, dtype=ember.complex64),)),
            NotImplementedError,
            rf"\[{op}\].*complex64",
        )

    return errors


for _name, _np_fn in [("amax", np.max), ("amin", np.min)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=extreme_ref(_np_fn),
            dtypes=ALL_REAL,
            sample_inputs=has_identity_free(reduction_samples(nans=True)),
            result_dtype=same_dtype,
            supports_out=True,
            error_inputs=chain(dim_errors(_name), empty_extreme_errors(_name)),
            differentiable=True,
        )
    )


def max_min_samples(dtype, rng):
    for shape in [(), (5,), (3, 4), (2, 3, 4)]:
        yield Sample((make(shape, dtype, rng, nans=True),), name=f"{shape}")
    for sample in reduction_samples(single_dim=True, nans=True)(dtype, rng):
        x, dim = sample.args[0], sample.kwargs.get("dim")
        if dim is not None and (x.dim() == 0 or x.shape[dim] > 0):
            yield sample
    yield Sample((make((3, 4), dtype, rng), 1), name="positional dim")
    yield Sample((make((3, 4), dtype, rng), make((4,), dtype, rng)), name="binary overload")


def max_min_indices_samples(dtype, rng):
    for sample in max_min_samples(dtype, rng):
        args = sample.args
        if "dim" in sample.kwargs or (len(args) == 2 and isinstance(args[1], int)):
            yield sample
    # Ties: the first extreme element.
    yield Sample(
        (ember.tensor([[1, 3, 3, 0], [2, 2, 1, 2]], dtype=dtype),), {"dim": 1}, name="ties"
    )


def max_min_errors(op):
    def errors():
        yield ErrorInput(
            Sample((ember.zeros(0, 3),)),
            RuntimeError,
            rf"\[{op}\].*Expected reduction dim to be specified",
        )
        yield ErrorInput(
            Sample((ember.zeros(0, 3),), {"dim": 0}),
            IndexError,
            rf"\[{op}\].*Expected reduction dim 0 to have non-zero size",
        )
        yield ErrorInput(Sample((ember.ones(2, 3),), {"dim": 2}), IndexError, DIM_ERROR)

    return errors


for _name, _np_ext, _np_bin, _idx_ref in [
    ("max", np.max, np.maximum, max_indices_ref),
    ("min", np.min, np.minimum, min_indices_ref),
]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda f: lambda *a, **k: first(f(*a, **k)))(getattr(ember, _name)),
            ref=max_min_ref(_np_ext, _np_bin),
            dtypes=ALL_REAL,
            sample_inputs=max_min_samples,
            result_dtype=lambda x, *a, **k: (
                ember.result_type(x, a[0]) if a and isinstance(a[0], ember.Tensor) else x.dtype
            ),
            error_inputs=max_min_errors(_name),
            differentiable=True,
        )
    )
    OPS.append(
        OpInfo(
            name=f"{_name}.indices",
            op=(lambda f: lambda *a, **k: second(f(*a, **k)))(getattr(ember, _name)),
            ref=_idx_ref,
            dtypes=ALL_REAL,
            sample_inputs=max_min_indices_samples,
            result_dtype=int64_dtype,
        )
    )


def arg_samples(dtype, rng):
    yield from reduction_samples(single_dim=True, nans=True)(dtype, rng)
    for sample in reduction_samples(single_dim=True)(dtype, rng):
        if "dim" in sample.kwargs:
            continue
        if sample.args[0].numel() > 0:
            yield Sample(sample.args, {"keepdim": True}, name=f"{sample.name} keepdim")
    yield Sample(
        (ember.tensor([[1, 3, 3, 0], [2, 2, 1, 2]], dtype=dtype),), {"dim": 1}, name="ties"
    )


def arg_errors(op):
    def errors():
        yield ErrorInput(
            Sample((ember.zeros(0, 3),)),
            IndexError,
            rf"\[{op}\].*Expected reduction dim to be specified",
        )
        yield ErrorInput(
            Sample((ember.ones(3, dtype=ember.bool),)),
            RuntimeError,
            rf"\[{op}\].*does not support bool input",
        )
        yield from dim_errors(op, tuple_dims=False)()

    return errors


for _name, _np_fn in [("argmax", np.argmax), ("argmin", np.argmin)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=arg_ref(_np_fn),
            dtypes=NUMERIC,
            sample_inputs=has_identity_free(arg_samples),
            result_dtype=int64_dtype,
            supports_out=True,
            error_inputs=arg_errors(_name),
        )
    )

for _name, _np_fn in [("all", np.all), ("any", np.any)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=logical_ref(_np_fn),
            dtypes=(*ALL_REAL, *COMPLEX),
            sample_inputs=reduction_samples(low=0, high=2),
            result_dtype=logical_dtype,
            supports_out=True,
            error_inputs=dim_errors(_name),
        )
    )

OPS.append(
    OpInfo(
        name="count_nonzero",
        op=ember.count_nonzero,
        ref=count_nonzero_ref,
        dtypes=(*ALL_REAL, *COMPLEX),
        sample_inputs=lambda dtype, rng: (
            s for s in reduction_samples(low=0, high=2)(dtype, rng) if "keepdim" not in s.kwargs
        ),
        result_dtype=int64_dtype,
        error_inputs=dim_errors("count_nonzero"),
    )
)


def logsumexp_samples(dtype, rng):
    for sample in reduction_samples(nans=True)(dtype, rng):
        yield Sample(
            sample.args,
            {"dim": sample.kwargs.get("dim", ())}
            | {k: v for k, v in sample.kwargs.items() if k != "dim"},
            name=sample.name,
        )
    if dtype in FLOATING:
        inf = math.inf
        yield Sample(
            (ember.tensor([[inf, 1.0], [-inf, -inf], [1e30, 1e30]], dtype=dtype),),
            {"dim": 1},
            name="infinities",
        )


OPS.append(
    OpInfo(
        name="logsumexp",
        op=ember.logsumexp,
        ref=logsumexp_ref,
        dtypes=ALL_REAL,
        sample_inputs=logsumexp_samples,
        result_dtype=float_dtype,
        supports_out=True,
        error_inputs=dim_errors("logsumexp"),
        differentiable=True,
    )
)


def norm_samples(dtype, rng):
    for sample in reduction_samples()(dtype, rng):
        yield sample
        x = sample.args[0]
        if x.numel() == 0:
            continue  # p < 0 and inf have no identity: see norm_errors
        for p in (1, math.inf, -math.inf, 0, 3, 0.5, -1):
            yield Sample((x,), {"p": p, **sample.kwargs}, name=f"{sample.name} p={p}")
    yield Sample((make((3, 4), dtype, rng),), {"p": "fro", "dim": (0, 1)}, name="fro")
    yield Sample((make((3, 4), dtype, rng),), {"p": 2, "dim": 1, "keepdim": True}, name="keepdim")
    if dtype == ember.float32:
        yield Sample((make((3, 4), dtype, rng),), {"dtype": ember.float64}, name="dtype")


def norm_errors():
    yield ErrorInput(
        Sample((ember.ones(3, dtype=ember.int64),)),
        RuntimeError,
        r"\[linalg.vector_norm\].*Expected a floating point or complex tensor as input. "
        r"Got int64",
    )
    yield ErrorInput(
        Sample((ember.zeros(0),), {"p": math.inf}),
        RuntimeError,
        r"\[linalg.vector_norm\].*cannot compute the inf norm on an empty tensor",
    )
    yield ErrorInput(
        Sample((ember.ones(3),), {"dtype": ember.float16}),
        RuntimeError,
        r"convertible without narrowing",
    )
    yield from dim_errors("linalg.vector_norm")()


# torch.norm lives with ember.linalg (op_db/linalg.py has its record, "norm", with the
# matrix orders); this one covers the vector orders over every reduction layout.
OPS.append(
    OpInfo(
        name="norm.vector_orders",
        op=ember.norm,
        ref=norm_ref,
        dtypes=FLOATING,
        sample_inputs=norm_samples,
        result_dtype=norm_dtype,
        supports_out=True,
        error_inputs=norm_errors,
        differentiable=True,
    )
)


def var_samples(dtype, rng):
    yield from reduction_samples()(dtype, rng)
    x = make((3, 4), dtype, rng)
    yield Sample((x,), {"dim": 1, "correction": 0}, name="correction=0")
    yield Sample((x,), {"dim": (0, 1), "correction": 2, "keepdim": True}, name="correction=2")
    yield Sample((x,), {"correction": 1.5}, name="correction=1.5")
    yield Sample((x, 0, False), name="legacy (dim, unbiased)")
    yield Sample((x, False), name="legacy unbiased=False")
    yield Sample((x,), {"dim": 0, "unbiased": True, "keepdim": True}, name="unbiased kwarg")
    yield Sample((make((5000,), dtype, rng, low=1000, high=1001),), name="large mean")


def var_errors(op):
    def errors():
        yield ErrorInput(
            Sample((ember.ones(3, dtype=ember.int64),)),
            RuntimeError,
            rf"\[{op}\].*only support floating point and complex",
        )
        yield from dim_errors(op)()

    return errors


for _name, _sqrt in [("var", False), ("std", True)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=var_ref(_sqrt),
            dtypes=(*FLOATING, *COMPLEX),
            sample_inputs=var_samples,
            result_dtype=real_dtype,
            supports_out=True,
            error_inputs=var_errors(_name),
            differentiable=True,
        )
    )
    for _part, _suffix in [(0, ""), (1, ".mean")]:
        OPS.append(
            OpInfo(
                name=f"{_name}_mean{_suffix}",
                op=(lambda f, i: lambda *a, **k: f(*a, **k)[i])(
                    getattr(ember, f"{_name}_mean"), _part
                ),
                ref=var_ref(_sqrt, _part),
                dtypes=(*FLOATING, *COMPLEX),
                sample_inputs=var_samples,
                result_dtype=real_dtype if _part == 0 else same_dtype,
                error_inputs=var_errors(f"{_name}_mean") if _part == 0 else lambda: iter(()),
                differentiable=True,
            )
        )


def dim_samples(dtypes_for_dtype_kwarg=(), nans=False, low=None, high=None):
    """One dim per sample (softmax, scans): every dim of several shapes."""

    def samples(dtype, rng):
        def t(shape, **kw):
            return make(shape, dtype, rng, nans=nans, low=low, high=high, **kw)

        yield Sample((t(()),), {"dim": 0}, name="0-d")
        yield Sample((t(()),), {"dim": -1}, name="0-d dim=-1")
        yield Sample((t((0,)),), {"dim": 0}, name="empty")
        yield Sample((t((0, 3)),), {"dim": 1}, name="(0, 3) dim=1")
        yield Sample((t((5,)),), {"dim": 0}, name="(5,)")
        yield Sample((t((3, 4)),), {"dim": 1}, name="(3, 4) dim=1")
        yield Sample((t((3, 4)),), {"dim": 0}, name="(3, 4) dim=0")
        yield Sample((t((2, 3, 4)),), {"dim": -2}, name="(2, 3, 4) dim=-2")
        yield Sample((t((2, 70, 3)),), {"dim": 1}, name="(2, 70, 3) dim=1")
        yield Sample((t((3, 4), noncontiguous=True),), {"dim": 1}, name="noncontiguous")
        yield Sample((t((4, 3)).t(),), {"dim": 0}, name="transposed")
        for target in dtypes_for_dtype_kwarg if dtype not in COMPLEX else ():
            yield Sample((t((3, 4)),), {"dim": 1, "dtype": target}, name=f"dtype={target}")

    return samples


def single_dim_errors(op, dtype=ember.float32):
    def errors():
        x = make_tensor((2, 3), dtype, np.random.default_rng(0))
        yield ErrorInput(Sample((x,), {"dim": 2}), IndexError, DIM_ERROR)
        yield ErrorInput(Sample((x,), {"dim": -3}), IndexError, DIM_ERROR)

    return errors


def aminmax_ref(part):
    def ref(x, dim=None, keepdim=False):
        return extreme_ref(np.min if part == 0 else np.max)(x, dim, keepdim)

    return ref


for _part, _name in [(0, "aminmax"), (1, "aminmax.max")]:
    OPS.append(
        OpInfo(
            name=_name,
            op=(lambda i: lambda *a, **k: ember.aminmax(*a, **k)[i])(_part),
            ref=aminmax_ref(_part),
            dtypes=ALL_REAL,
            sample_inputs=has_identity_free(reduction_samples(single_dim=True, nans=True)),
            result_dtype=same_dtype,
            error_inputs=chain(
                single_dim_errors("aminmax"), lambda: iter(empty_extreme_errors("aminmax")())
            ),
            differentiable=True,
        )
    )

for _name, _log in [("softmax", False), ("log_softmax", True)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=softmax_ref(_log),
            dtypes=FLOATING,
            sample_inputs=dim_samples((ember.float64,)),
            result_dtype=softmax_dtype,
            error_inputs=chain(
                single_dim_errors(_name),
                lambda n=_name: iter(
                    [
                        ErrorInput(
                            Sample((ember.ones(3, dtype=ember.int64),), {"dim": 0}),
                            NotImplementedError,
                            rf"\[{n}\].*int64",
                        )
                    ]
                ),
            ),
            differentiable=True,
        )
    )

for _name, _np_fn in [("cumsum", np.cumsum), ("cumprod", np.cumprod)]:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=cum_ref(_np_fn),
            dtypes=(*ALL_REAL, *COMPLEX),
            sample_inputs=dim_samples((ember.float64, ember.int32), low=-2, high=2),
            result_dtype=lambda x, dim, dtype=None: sum_dtype(x, dtype=dtype),
            supports_out=True,
            error_inputs=single_dim_errors(_name),
            differentiable=True,
        )
    )


def logcumsumexp_ref(x, dim):
    x = x.astype(np.float64)
    if x.ndim == 0:
        return x.copy()
    with np.errstate(all="ignore"):
        return np.logaddexp.accumulate(x, axis=dim)


OPS.append(
    OpInfo(
        name="logcumsumexp",
        op=ember.logcumsumexp,
        ref=logcumsumexp_ref,
        dtypes=FLOATING,
        sample_inputs=dim_samples(nans=True),
        result_dtype=same_dtype,
        supports_out=True,
        error_inputs=chain(
            single_dim_errors("logcumsumexp"),
            lambda: iter(
                [
                    ErrorInput(
                        Sample((ember.ones(3, dtype=ember.int64),), {"dim": 0}),
                        NotImplementedError,
                        r"\[logcumsumexp\].*int64",
                    )
                ]
            ),
        ),
        differentiable=True,
    )
)

for _name, _is_max in [("cummax", True), ("cummin", False)]:
    for _part, _suffix in [(0, ""), (1, ".indices")]:
        OPS.append(
            OpInfo(
                name=f"{_name}{_suffix}",
                op=(lambda f, i: lambda *a, **k: f(*a, **k)[i])(getattr(ember, _name), _part),
                ref=cumext_ref(_is_max, _part),
                dtypes=ALL_REAL,
                sample_inputs=dim_samples(nans=True),
                result_dtype=same_dtype if _part == 0 else int64_dtype,
                error_inputs=single_dim_errors(_name),
                differentiable=_part == 0,
            )
        )
