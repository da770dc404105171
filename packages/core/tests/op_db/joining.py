"""Records of the joining and reordering ops (ops/join.h, ops/reorder.h): cat and its
aliases, stack and the NumPy-style stacks, atleast_*d, flip, roll, rot90, repeat, tile,
repeat_interleave, tril/triu and constant_pad_nd.

Ops taking a list of tensors are called through a wrapper that takes them as separate
arguments, so the generic meta test (which converts top-level tensors) reaches them."""

from __future__ import annotations

import functools

import numpy as np

import ember
from op_db.opinfo import ALL_REAL, ErrorInput, OpInfo, Sample, make_tensor

ALL_TYPES = (*ALL_REAL, ember.complex64, ember.complex128)


def same_dtype(x, *args, **kwargs):
    return x.dtype


def promoted(*tensors, **kwargs):
    return functools.reduce(ember.promote_types, [t.dtype for t in tensors])


def listed(fn):
    """ember.cat(tensors, ...) called as op(*tensors, ...)."""
    return lambda *tensors, **kwargs: fn(list(tensors), **kwargs)


def other_dtype(dtype):
    """A second dtype to mix with `dtype` (exercises promotion)."""
    return ember.int8 if dtype in (ember.bool, ember.uint8) else ember.float64


# ---- cat / stack ---------------------------------------------------------------------------


def cat_samples(dtype, rng):
    yield Sample((make_tensor((2, 3), dtype, rng), make_tensor((4, 3), dtype, rng)), name="dim 0")
    yield Sample(
        (
            make_tensor((2, 3), dtype, rng),
            make_tensor((2, 1), dtype, rng),
            make_tensor((2, 0), dtype, rng),
        ),
        {"dim": 1},
        name="dim 1 with an empty part",
    )
    yield Sample(
        (
            make_tensor((2, 3, 4), dtype, rng, noncontiguous=True),
            make_tensor((4, 3, 2), dtype, rng).permute(2, 1, 0),
        ),
        {"dim": -1},
        name="noncontiguous, negative dim",
    )
    yield Sample((make_tensor((3,), dtype, rng),), name="one tensor")
    yield Sample(
        (
            make_tensor((2, 3), dtype, rng),
            make_tensor((0,), dtype, rng),
            make_tensor((1, 3), dtype, rng),
        ),
        name="legacy empty 1-d is skipped",
    )
    yield Sample(
        (make_tensor((0,), dtype, rng), make_tensor((0,), dtype, rng)), name="only empties"
    )
    yield Sample(
        (make_tensor((2, 2), dtype, rng), make_tensor((1, 2), other_dtype(dtype), rng)),
        name="promotion",
    )


def _cat_ref(*arrays, dim=0):
    kept = [a for a in arrays if not (a.ndim == 1 and a.size == 0)]
    dtype = np.result_type(*arrays)
    if not kept:
        return np.zeros((0,), dtype)
    return np.concatenate([a.astype(dtype) for a in kept], axis=dim)


def cat_errors():
    yield ErrorInput(Sample(()), ValueError, r"expected a non-empty list of Tensors")
    yield ErrorInput(
        Sample((ember.zeros(3, 4), ember.zeros(2, 3))),
        RuntimeError,
        r"Sizes of tensors must match except in dimension 0. Expected size 4 but "
        r"got size 3 for tensor number 1 in the list",
    )
    yield ErrorInput(
        Sample((ember.zeros(3, 4), ember.zeros(3, 4, 1))),
        RuntimeError,
        r"Tensors must have same number of dimensions: got 2 and 3",
    )
    yield ErrorInput(
        Sample((ember.tensor(1.0),)),
        RuntimeError,
        r"zero-dimensional tensor \(at position 0\) cannot be concatenated",
    )
    yield ErrorInput(
        Sample((ember.zeros(3, 4), ember.zeros(3, 4)), {"dim": 2}),
        IndexError,
        r"Dimension out of range",
    )


def stack_samples(dtype, rng):
    yield Sample((make_tensor((2, 3), dtype, rng), make_tensor((2, 3), dtype, rng)), name="dim 0")
    yield Sample(
        (
            make_tensor((2, 3), dtype, rng, noncontiguous=True),
            make_tensor((3, 2), dtype, rng).t(),
            make_tensor((2, 3), dtype, rng),
        ),
        {"dim": 2},
        name="last dim, noncontiguous",
    )
    yield Sample(
        (make_tensor((2, 3), dtype, rng), make_tensor((2, 3), dtype, rng)),
        {"dim": -2},
        name="negative dim",
    )
    yield Sample(
        (make_tensor((), dtype, rng), make_tensor((), other_dtype(dtype), rng)),
        name="0-d, promotion",
    )
    yield Sample((make_tensor((0,), dtype, rng), make_tensor((0,), dtype, rng)), name="empty")


def _stack_ref(*arrays, dim=0):
    dtype = np.result_type(*arrays)
    return np.stack([a.astype(dtype) for a in arrays], axis=dim)


def stack_errors():
    yield ErrorInput(Sample(()), RuntimeError, r"stack expects a non-empty TensorList")
    yield ErrorInput(
        Sample((ember.zeros(3, 4), ember.zeros(2, 4))),
        RuntimeError,
        r"stack expects each tensor to be equal size, but got \[3, 4\] at entry 0 "
        r"and \[2, 4\] at entry 1",
    )
    yield ErrorInput(
        Sample((ember.zeros(3, 4), ember.zeros(3, 4)), {"dim": 3}),
        IndexError,
        r"Dimension out of range",
    )


def numpy_stack_samples(dtype, rng):
    """Mixed ranks for hstack/vstack/dstack/column_stack."""
    yield Sample((make_tensor((3,), dtype, rng), make_tensor((2,), dtype, rng)), name="1-d")
    yield Sample(
        (make_tensor((2, 3), dtype, rng), make_tensor((2, 3), dtype, rng, noncontiguous=True)),
        name="2-d",
    )
    yield Sample(
        (make_tensor((2, 3, 2), dtype, rng), make_tensor((2, 3, 1), dtype, rng)), name="3-d"
    )
    yield Sample(
        (make_tensor((), dtype, rng), make_tensor((), other_dtype(dtype), rng)),
        name="0-d, promotion",
    )


def _numpy_stack_ref(fn):
    def ref(*arrays):
        dtype = np.result_type(*arrays)
        return fn([a.astype(dtype) for a in arrays])

    return ref


def numpy_stack_case(fn_np):
    """The samples this stack accepts: NumPy decides which shapes join."""

    def samples(dtype, rng):
        for sample in numpy_stack_samples(dtype, rng):
            try:
                fn_np([np.zeros(tuple(t.shape)) for t in sample.args])
            except ValueError:
                continue
            yield sample

    return samples


def stack_list_errors(name):
    def errors():
        yield ErrorInput(Sample(()), RuntimeError, rf"{name} expects a non-empty TensorList")

    return errors


# ---- atleast ---------------------------------------------------------------------------------


def atleast_samples(dtype, rng):
    for shape in [(), (3,), (2, 3), (2, 3, 4), (0,)]:
        yield Sample((make_tensor(shape, dtype, rng),), name=str(shape))


# ---- flip / roll / rot90 ---------------------------------------------------------------------


def flip_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, (0,)), name="dim 0")
    yield Sample((x, (0, 1)), name="both dims")
    yield Sample((x, (-1,)), name="negative dim")
    yield Sample((x, ()), name="no dims")
    yield Sample(
        (make_tensor((2, 3, 4), dtype, rng, noncontiguous=True), (2, 0)), name="noncontiguous 3-d"
    )
    yield Sample((make_tensor((4, 3), dtype, rng).t(), (1,)), name="transposed")
    yield Sample((make_tensor((), dtype, rng), (0,)), name="0-d")
    yield Sample((make_tensor((0, 3), dtype, rng), (0, 1)), name="empty")


def _flip_ref(x, dims):
    if x.ndim == 0:
        return x.copy()
    return np.flip(x, tuple(dims)).copy()


def flip_errors():
    yield ErrorInput(
        Sample((ember.zeros(3, 4), (0, 0))),
        RuntimeError,
        r"dim 0 appears multiple times in the list of dims",
    )
    yield ErrorInput(Sample((ember.zeros(3, 4), (2,))), IndexError, r"Dimension out of range")


def matrix_samples(dtype, rng):
    yield Sample((make_tensor((3, 4), dtype, rng),), name="2-d")
    yield Sample((make_tensor((2, 3, 4), dtype, rng, noncontiguous=True),), name="3-d")
    yield Sample((make_tensor((4, 3), dtype, rng).t(),), name="transposed")
    yield Sample((make_tensor((0, 2), dtype, rng),), name="empty")


def vector_samples(dtype, rng):
    yield Sample((make_tensor((5,), dtype, rng),), name="1-d")
    yield from matrix_samples(dtype, rng)


def roll_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 1), name="flattened")
    yield Sample((x, -5, 0), name="negative shift larger than the dim")
    yield Sample((x, (1, 2), (0, 1)), name="two dims")
    yield Sample(
        (make_tensor((2, 3, 4), dtype, rng, noncontiguous=True), 3, -1), name="noncontiguous"
    )
    yield Sample((make_tensor((4, 3), dtype, rng).t(), (2,), (1,)), name="transposed")
    yield Sample((make_tensor((), dtype, rng), 1), name="0-d")
    yield Sample((make_tensor((0, 3), dtype, rng), 1, 1), name="empty")


def _roll_ref(x, shifts, dims=None):
    return np.roll(x, shifts, axis=dims)


def roll_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, (1, 2), (0,))),
        RuntimeError,
        r"shifts and dimensions must align. shifts: 2, dims:1",
    )
    yield ErrorInput(
        Sample((x, (1, 2))), RuntimeError, r"shifts and dimensions must align. shifts: 2, dims:0"
    )
    yield ErrorInput(Sample((x, 1, 2)), IndexError, r"Dimension out of range")
    yield ErrorInput(
        Sample((ember.tensor(1.0), 1, 0)),
        IndexError,
        r"Dimension specified as 0 but tensor has no dimensions",
    )


def rot90_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    for k in (-1, 0, 1, 2, 3, 5):
        yield Sample((x, k), name=f"k={k}")
    yield Sample(
        (make_tensor((2, 3, 4), dtype, rng, noncontiguous=True), 1, (2, 0)), name="other dims"
    )


def _rot90_ref(x, k=1, dims=(0, 1)):
    return np.rot90(x, k, axes=tuple(dims)).copy()


def rot90_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(Sample((x, 1, (0,))), RuntimeError, r"expected total rotation dims == 2")
    yield ErrorInput(Sample((ember.zeros(3), 1)), RuntimeError, r"expected total dims >= 2")
    yield ErrorInput(
        Sample((x, 1, (0, 0))), RuntimeError, r"expected rotation dims to be different"
    )


# ---- repeat / tile / repeat_interleave -------------------------------------------------------


def repeat_samples(dtype, rng):
    x = make_tensor((2, 3), dtype, rng)
    yield Sample((x, (2, 1)), name="same rank")
    yield Sample((x, (2, 1, 3)), name="more dims")
    yield Sample(
        (make_tensor((2, 3), dtype, rng, noncontiguous=True), (1, 2)), name="noncontiguous"
    )
    yield Sample((x, (0, 2)), name="zero repeats")
    yield Sample((make_tensor((), dtype, rng), (3,)), name="0-d")
    yield Sample((make_tensor((), dtype, rng), ()), name="0-d, no repeats")


def repeat_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, (2,))),
        RuntimeError,
        r"Number of dimensions of repeat dims can not be smaller than number of "
        r"dimensions of tensor",
    )
    yield ErrorInput(
        Sample((x, (-1, 2))), RuntimeError, r"Trying to create tensor with negative dimension"
    )


def tile_samples(dtype, rng):
    x = make_tensor((2, 3), dtype, rng)
    yield Sample((x, (2,)), name="fewer dims than the input")
    yield Sample((x, (2, 1, 2)), name="more dims")
    yield Sample((make_tensor((4, 3), dtype, rng).t(), (1, 2)), name="transposed")
    yield Sample((make_tensor((), dtype, rng), ()), name="0-d")


def repeat_interleave_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    yield Sample((x, 2), name="int, flattened")
    yield Sample((x, 2, 1), name="int, dim 1")
    yield Sample((x, ember.tensor([1, 2, 0]), 0), name="tensor")
    yield Sample(
        (x, ember.tensor([1, 2, 0], dtype=ember.int32), 0),
        {"output_size": 3},
        name="int32 tensor with output_size",
    )
    yield Sample((x, ember.tensor([2]), -1), name="one-element tensor")
    yield Sample(
        (make_tensor((3, 4), dtype, rng, noncontiguous=True), ember.tensor([0, 1, 2, 3]), 1),
        name="noncontiguous",
    )
    yield Sample((make_tensor((), dtype, rng), 3), name="0-d")
    yield Sample((make_tensor((0, 2), dtype, rng), 2, 0), name="empty")


def _repeat_interleave_ref(x, repeats, dim=None, output_size=None):
    return np.repeat(x, repeats, axis=dim)


def repeat_interleave_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(
        Sample((x, ember.tensor([1, 2]), 0)),
        RuntimeError,
        r"repeats must have the same size as input along dim, but got "
        r"repeats.size\(0\) = 2 and input.size\(0\) = 3",
    )
    yield ErrorInput(
        Sample((x, ember.tensor([-1, 2, 0]), 0)), RuntimeError, r"repeats can not be negative"
    )
    yield ErrorInput(Sample((x, -1)), RuntimeError, r"Repeats must be non-negative")
    yield ErrorInput(
        Sample((x, ember.tensor([1.0, 2.0, 0.0]), 0)),
        RuntimeError,
        r"repeats must be an int32 or int64 tensor",
    )
    yield ErrorInput(
        Sample((x, ember.tensor([1, 2, 0]), 0), {"output_size": 4}),
        RuntimeError,
        r"allocated size does not match required size",
    )
    yield ErrorInput(
        Sample((ember.tensor([[1, 2]]),)),
        RuntimeError,
        r"repeat_interleave only accept 1D vector as repeat",
    )


# ---- tril / triu / constant_pad_nd -----------------------------------------------------------


def triangle_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    for k in (0, 1, -1, 5, -5):
        yield Sample((x, k), name=f"diagonal={k}")
    yield Sample((make_tensor((2, 4, 3), dtype, rng, noncontiguous=True),), name="batched")
    yield Sample((make_tensor((4, 3), dtype, rng).t(), 1), name="transposed")
    yield Sample((make_tensor((0, 3), dtype, rng),), name="empty")


def triangle_errors(name):
    def errors():
        yield ErrorInput(
            Sample((ember.zeros(3),)),
            RuntimeError,
            rf"{name}: input tensor must have at least 2 dimensions",
        )

    return errors


def pad_samples(dtype, rng):
    x = make_tensor((3, 4), dtype, rng)
    value = True if dtype == ember.bool else 2
    yield Sample((x, (1, 2)), name="last dim")
    yield Sample((x, (1, 0, 0, 2), value), name="two dims with a value")
    yield Sample((x, (-1, 2), value), name="negative pad crops")
    yield Sample((x, (-2, -2)), name="cropped to nothing")
    yield Sample(
        (make_tensor((2, 3, 4), dtype, rng, noncontiguous=True), (1, 1, 1, 1, 1, 1)),
        name="noncontiguous 3-d",
    )
    yield Sample((make_tensor((), dtype, rng), ()), name="0-d")
    yield Sample((make_tensor((0, 2), dtype, rng), (0, 0, 1, 1), value), name="empty input")


def _pad_ref(x, pad, value=0):
    if x.ndim == 0:
        return x.copy()
    out = x
    widths = [(0, 0)] * x.ndim
    for i in range(len(pad) // 2):
        d = x.ndim - 1 - i
        left, right = pad[2 * i], pad[2 * i + 1]
        size = out.shape[d]
        start, stop = max(-left, 0), size - max(-right, 0)
        out = np.take(out, np.arange(start, max(stop, start)), axis=d)
        widths[d] = (max(left, 0), max(right, 0))
    return np.pad(out, widths, constant_values=np.asarray(value).astype(x.dtype))


def pad_errors():
    x = ember.zeros(3, 4)
    yield ErrorInput(Sample((x, (1,))), RuntimeError, r"Length of pad must be even")
    yield ErrorInput(
        Sample((x, (1, 1, 1, 1, 1, 1))),
        RuntimeError,
        r"Length of pad should be no more than twice the number of dimensions",
    )
    yield ErrorInput(
        Sample((x, (-3, -2))), RuntimeError, r"resulted in a negative output size, which is invalid"
    )


def atleast_ref(fn):
    return lambda x: np.asarray(fn(x))


OPS: list[OpInfo] = [
    OpInfo(
        name="cat",
        op=listed(ember.cat),
        ref=_cat_ref,
        dtypes=ALL_TYPES,
        sample_inputs=cat_samples,
        result_dtype=promoted,
        error_inputs=cat_errors,
        differentiable=True,
    ),
    OpInfo(
        name="concat",
        op=listed(ember.concat),
        ref=_cat_ref,
        dtypes=ALL_REAL,
        sample_inputs=cat_samples,
        result_dtype=promoted,
        differentiable=True,
    ),
    OpInfo(
        name="concatenate",
        op=lambda *ts, dim=0: ember.concatenate(list(ts), axis=dim),
        ref=_cat_ref,
        dtypes=ALL_REAL,
        sample_inputs=cat_samples,
        result_dtype=promoted,
        differentiable=True,
    ),
    OpInfo(
        name="stack",
        op=listed(ember.stack),
        ref=_stack_ref,
        dtypes=ALL_TYPES,
        sample_inputs=stack_samples,
        result_dtype=promoted,
        error_inputs=stack_errors,
        differentiable=True,
    ),
    OpInfo(
        name="hstack",
        op=listed(ember.hstack),
        ref=_numpy_stack_ref(np.hstack),
        dtypes=ALL_TYPES,
        sample_inputs=numpy_stack_case(np.hstack),
        result_dtype=promoted,
        error_inputs=stack_list_errors("hstack"),
        differentiable=True,
    ),
    OpInfo(
        name="vstack",
        op=listed(ember.vstack),
        ref=_numpy_stack_ref(np.vstack),
        dtypes=ALL_TYPES,
        sample_inputs=numpy_stack_case(np.vstack),
        result_dtype=promoted,
        error_inputs=stack_list_errors("vstack"),
        differentiable=True,
    ),
    OpInfo(
        name="row_stack",
        op=listed(ember.row_stack),
        ref=_numpy_stack_ref(np.vstack),
        dtypes=ALL_REAL,
        sample_inputs=numpy_stack_case(np.vstack),
        result_dtype=promoted,
        differentiable=True,
    ),
    OpInfo(
        name="dstack",
        op=listed(ember.dstack),
        ref=_numpy_stack_ref(np.dstack),
        dtypes=ALL_TYPES,
        sample_inputs=numpy_stack_case(np.dstack),
        result_dtype=promoted,
        error_inputs=stack_list_errors("dstack"),
        differentiable=True,
    ),
    OpInfo(
        name="column_stack",
        op=listed(ember.column_stack),
        ref=_numpy_stack_ref(np.column_stack),
        dtypes=ALL_TYPES,
        sample_inputs=numpy_stack_case(np.column_stack),
        result_dtype=promoted,
        error_inputs=stack_list_errors("column_stack"),
        differentiable=True,
    ),
    OpInfo(
        name="atleast_1d",
        op=ember.atleast_1d,
        ref=atleast_ref(np.atleast_1d),
        dtypes=ALL_TYPES,
        sample_inputs=atleast_samples,
        result_dtype=same_dtype,
        differentiable=True,
    ),
    OpInfo(
        name="atleast_2d",
        op=ember.atleast_2d,
        ref=atleast_ref(np.atleast_2d),
        dtypes=ALL_TYPES,
        sample_inputs=atleast_samples,
        result_dtype=same_dtype,
        differentiable=True,
    ),
    OpInfo(
        name="atleast_3d",
        op=ember.atleast_3d,
        ref=atleast_ref(np.atleast_3d),
        dtypes=ALL_TYPES,
        sample_inputs=atleast_samples,
        result_dtype=same_dtype,
        differentiable=True,
    ),
    OpInfo(
        name="flip",
        op=ember.flip,
        ref=_flip_ref,
        dtypes=ALL_TYPES,
        sample_inputs=flip_samples,
        result_dtype=same_dtype,
        error_inputs=flip_errors,
        differentiable=True,
    ),
    OpInfo(
        name="fliplr",
        op=ember.fliplr,
        ref=np.fliplr,
        dtypes=ALL_TYPES,
        sample_inputs=matrix_samples,
        result_dtype=same_dtype,
        differentiable=True,
        error_inputs=lambda: iter(
            [ErrorInput(Sample((ember.zeros(3),)), RuntimeError, r"Input must be >= 2-d")]
        ),
    ),
    OpInfo(
        name="flipud",
        op=ember.flipud,
        ref=np.flipud,
        dtypes=ALL_TYPES,
        sample_inputs=vector_samples,
        result_dtype=same_dtype,
        differentiable=True,
        error_inputs=lambda: iter(
            [ErrorInput(Sample((ember.tensor(1.0),)), RuntimeError, r"Input must be >= 1-d")]
        ),
    ),
    OpInfo(
        name="roll",
        op=ember.roll,
        ref=_roll_ref,
        dtypes=ALL_TYPES,
        sample_inputs=roll_samples,
        result_dtype=same_dtype,
        error_inputs=roll_errors,
        differentiable=True,
    ),
    OpInfo(
        name="rot90",
        op=ember.rot90,
        ref=_rot90_ref,
        dtypes=ALL_TYPES,
        sample_inputs=rot90_samples,
        result_dtype=same_dtype,
        error_inputs=rot90_errors,
        differentiable=True,
    ),
    OpInfo(
        name="repeat",
        op=lambda x, reps: x.repeat(*reps),
        ref=lambda x, reps: np.tile(x, reps),
        dtypes=ALL_TYPES,
        sample_inputs=repeat_samples,
        result_dtype=same_dtype,
        error_inputs=repeat_errors,
        differentiable=True,
    ),
    OpInfo(
        name="tile",
        op=ember.tile,
        ref=np.tile,
        dtypes=ALL_TYPES,
        sample_inputs=tile_samples,
        result_dtype=same_dtype,
        differentiable=True,
    ),
    OpInfo(
        name="repeat_interleave",
        op=ember.repeat_interleave,
        ref=_repeat_interleave_ref,
        dtypes=ALL_TYPES,
        sample_inputs=repeat_interleave_samples,
        result_dtype=same_dtype,
        error_inputs=repeat_interleave_errors,
        differentiable=True,
        skip_meta=True,
    ),
    OpInfo(
        name="tril",
        op=ember.tril,
        ref=np.tril,
        dtypes=ALL_TYPES,
        sample_inputs=triangle_samples,
        result_dtype=same_dtype,
        supports_out=True,
        inplace=lambda x, *a, **k: x.tril_(*a, **k),
        error_inputs=triangle_errors("tril"),
        differentiable=True,
    ),
    OpInfo(
        name="triu",
        op=ember.triu,
        ref=np.triu,
        dtypes=ALL_TYPES,
        sample_inputs=triangle_samples,
        result_dtype=same_dtype,
        supports_out=True,
        inplace=lambda x, *a, **k: x.triu_(*a, **k),
        error_inputs=triangle_errors("triu"),
        differentiable=True,
    ),
    OpInfo(
        name="constant_pad_nd",
        op=ember.constant_pad_nd,
        ref=_pad_ref,
        dtypes=ALL_TYPES,
        sample_inputs=pad_samples,
        result_dtype=same_dtype,
        error_inputs=pad_errors,
        differentiable=True,
    ),
]
