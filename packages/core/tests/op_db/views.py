"""Records of the view ops (ops/view.h): references are NumPy's views of the same data."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided as np_as_strided

import ember
from op_db.opinfo import ALL_REAL, ErrorInput, OpInfo, Sample, make_tensor


def samples_for(shape_args, transposed=True):
    """shape_args: list of (input shape, args tuple, kwargs) cases; each also runs on a
    transposed (non-contiguous) input of the same shape when `transposed`."""

    def samples(dtype, rng):
        for shape, args, kwargs in shape_args:
            x = make_tensor(shape, dtype, rng)
            yield Sample((x, *args), kwargs, name=f"{shape} {args} {kwargs}")
            if transposed and len(shape) >= 2 and min(shape) > 0:
                y = make_tensor(tuple(reversed(shape)), dtype, rng).t() if len(shape) == 2 else None
                if y is not None:
                    yield Sample((y, *args), kwargs, name=f"transposed {shape} {args}")

    return samples


def same(x, *args, **kwargs):
    return x.dtype


def errors(*cases):
    def make():
        rng = np.random.default_rng(0)
        for shape, args, kwargs, error, match in cases:
            yield ErrorInput(
                Sample((make_tensor(shape, ember.float32, rng), *args), kwargs), error, match
            )

    return make


def view_record(name, ref, cases, error_cases=(), op=None, transposed=True):
    return OpInfo(
        name=name,
        op=op or getattr(ember, name),
        ref=ref,
        dtypes=ALL_REAL,
        sample_inputs=samples_for(cases, transposed),
        result_dtype=same,
        error_inputs=errors(*error_cases),
        differentiable=True,
    )


def _as_strided(x, size, stride, storage_offset=0):
    flat = np.ascontiguousarray(x).reshape(-1)[storage_offset:]
    return np_as_strided(flat, shape=size, strides=[s * x.itemsize for s in stride]).copy()


def _tensor_split(x, sections, dim=0):
    return tuple(np.array_split(x, sections, axis=dim))


def _chunk(x, chunks, dim=0):
    size = x.shape[dim]
    step = -(-size // chunks)
    return tuple(np.split(x, range(step, size, step), axis=dim)) if size else (x,)


def _split(x, split_size, dim=0):
    if isinstance(split_size, int):
        return tuple(np.split(x, range(split_size, x.shape[dim], split_size), axis=dim))
    return tuple(np.split(x, np.cumsum(split_size)[:-1], axis=dim))


OPS = [
    view_record(
        "reshape",
        lambda x, s: x.reshape(s),
        [
            ((2, 3), ((3, 2),), {}),
            ((2, 3, 4), ((-1, 4),), {}),
            ((), ((1,),), {}),
            ((0, 3), ((3, 0),), {}),
            ((4, 3), ((12,),), {}),
        ],
        [
            (
                (2, 3),
                ((4, 2),),
                {},
                RuntimeError,
                r"\[reshape\] shape '\(4, 2\)' is invalid "
                r"for input of size 6",
            )
        ],
    ),
    view_record(
        "permute",
        lambda x, d: np.transpose(x, d),
        [((2, 3, 4), ((2, 0, 1),), {}), ((2, 3), ((-1, 0),), {}), ((), ((),), {})],
        [
            ((2, 3), ((0, 0),), {}, RuntimeError, "repeated dim"),
            ((2, 3), ((0,),), {}, RuntimeError, "number of dims don't match"),
        ],
    ),
    view_record(
        "flatten",
        lambda x, start_dim=0, end_dim=-1: (
            x.reshape(
                x.shape[: start_dim % max(x.ndim, 1)]
                + (-1,)
                + x.shape[end_dim % max(x.ndim, 1) + 1 :]
            )
            if x.ndim
            else x.reshape(1)
        ),
        [
            ((2, 3, 4), (), {}),
            ((2, 3, 4), (), {"start_dim": 1}),
            ((), (), {}),
            ((2, 3, 4), (0, 1), {}),
        ],
    ),
    view_record(
        "unflatten",
        lambda x, dim, sizes: x.reshape(
            x.shape[: dim % x.ndim] + tuple(sizes) + x.shape[dim % x.ndim + 1 :]
        ),
        [((6, 4), (0, (2, 3)), {}), ((4, 6), (-1, (3, -1)), {})],
    ),
    view_record(
        "squeeze",
        lambda x, dim=None: (
            np.squeeze(x)
            if dim is None
            else np.squeeze(
                x,
                axis=tuple(
                    d for d in (dim if isinstance(dim, tuple) else (dim,)) if x.shape[d] == 1
                ),
            )
        ),
        [
            ((1, 3, 1), (), {}),
            ((1, 3, 1), (0,), {}),
            ((1, 3, 1), ((0, 2),), {}),
            ((2, 3), (1,), {}),
            ((), (), {}),
        ],
    ),
    view_record(
        "unsqueeze",
        lambda x, dim: np.expand_dims(x, dim),
        [((2, 3), (0,), {}), ((2, 3), (-1,), {}), ((), (0,), {})],
        [((2, 3), (3,), {}, IndexError, "Dimension out of range")],
    ),
    view_record(
        "transpose",
        lambda x, a, b: np.swapaxes(x, a, b),
        [((2, 3, 4), (0, 2), {}), ((2, 3), (-1, -2), {})],
    ),
    view_record("swapaxes", lambda x, a, b: np.swapaxes(x, a, b), [((2, 3, 4), (0, 2), {})]),
    view_record("swapdims", lambda x, a, b: np.swapaxes(x, a, b), [((2, 3, 4), (1, 2), {})]),
    view_record(
        "t",
        lambda x: x.T,
        [((2, 3), (), {}), ((4,), (), {}), ((), (), {})],
        [((2, 3, 4), (), {}, RuntimeError, r"t\(\) expects a tensor with <= 2 dimensions")],
    ),
    view_record("adjoint", lambda x: np.swapaxes(x, -1, -2), [((2, 3, 4), (), {})]),
    view_record(
        "broadcast_to",
        lambda x, s: np.broadcast_to(x, s),
        [((3, 1), ((2, 3, 4),), {}), ((), ((2,),), {})],
        [((3,), ((2, 4),), {}, RuntimeError, "must match the existing size")],
    ),
    view_record(
        "narrow",
        lambda x, d, s, n: np.take(x, range(s % x.shape[d], s % x.shape[d] + n), axis=d),
        [((5, 4), (0, 1, 3), {}), ((5, 4), (1, -2, 2), {})],
        [((5,), (0, 3, 4), {}, RuntimeError, r"start \(3\) \+ length \(4\) exceeds")],
    ),
    view_record(
        "select",
        lambda x, d, i: np.take(x, i, axis=d),
        [((5, 4), (0, 2), {}), ((5, 4), (1, -1), {})],
        [((5, 4), (0, 5), {}, IndexError, "index 5 is out of bounds for dimension 0 with size 5")],
    ),
    view_record(
        "diagonal",
        lambda x, offset=0, dim1=0, dim2=1: np.diagonal(x, offset, dim1, dim2),
        [((4, 5), (), {}), ((4, 5), (1,), {}), ((4, 5), (-2,), {}), ((2, 3, 4), (0, 1, 2), {})],
    ),
    view_record(
        "movedim",
        lambda x, s, d: np.moveaxis(x, s, d),
        [((2, 3, 4), (0, 2), {}), ((2, 3, 4), ((0, 1), (2, 0)), {})],
    ),
    view_record("moveaxis", lambda x, s, d: np.moveaxis(x, s, d), [((2, 3, 4), (0, -1), {})]),
    view_record(
        "as_strided",
        _as_strided,
        [
            ((4, 4), ((2, 2), (4, 1)), {}),
            ((4, 4), ((3,), (5,)), {}),
            ((4, 4), ((2, 2), (1, 2), 3), {}),
        ],
        [((2, 2), ((3, 3), (1, 1)), {}, RuntimeError, "out of bounds for storage")],
        transposed=False,
    ),  # as_strided addresses the storage, not the logical order
    view_record(
        "unbind",
        lambda x, dim=0: tuple(np.moveaxis(x, dim, 0)),
        [((3, 4), (), {}), ((3, 4), (1,), {})],
    ),
    view_record("chunk", _chunk, [((7, 2), (3,), {}), ((6, 2), (3,), {}), ((2, 6), (4, 1), {})]),
    view_record(
        "split", _split, [((7, 2), (3,), {}), ((7, 2), ([2, 5],), {}), ((2, 6), (4, 1), {})]
    ),
    view_record("tensor_split", _tensor_split, [((7, 2), (3,), {}), ((7, 2), ([1, 4],), {})]),
]
