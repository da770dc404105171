"""Joining and reordering beyond the op records: cat's promotion and empty-tensor rules,
out=, meta tensors, the list forms of atleast_*d, and large inputs against NumPy."""

from __future__ import annotations

import numpy as np
import pytest

import ember

RNG = np.random.default_rng(77)


@pytest.mark.parametrize(
    "a,b,want",
    [
        (ember.bool, ember.int64, ember.int64),
        (ember.uint8, ember.int8, ember.int16),
        (ember.int32, ember.float16, ember.float16),
        (ember.float16, ember.bfloat16, ember.float32),
        (ember.int64, ember.float32, ember.float32),
        (ember.float32, ember.complex64, ember.complex64),
        (ember.float64, ember.complex64, ember.complex128),
    ],
)
def test_cat_promotes_across_inputs(a, b, want):
    x = ember.ones(2, 3, dtype=a)
    y = ember.zeros(1, 3, dtype=b)
    out = ember.cat([x, y])
    assert out.dtype == want
    np.testing.assert_array_equal(
        out.to(ember.complex128).numpy().real, np.concatenate([np.ones((2, 3)), np.zeros((1, 3))])
    )


def test_cat_legacy_empty_tensors_are_skipped_but_promote():
    x = ember.arange(6).reshape(2, 3)
    out = ember.cat([x, ember.zeros(0)], dim=1)
    assert out.dtype == ember.float32 and tuple(out.shape) == (2, 3)
    assert ember.cat([ember.zeros(0, dtype=ember.float64), x]).dtype == ember.float64
    assert tuple(ember.cat([ember.zeros(2, 0), ember.zeros(3, 0)]).shape) == (5, 0)
    with pytest.raises(RuntimeError, match="Expected size 0 but got size 1"):
        ember.cat([ember.zeros(2, 0), ember.zeros(3, 1)])


def test_cat_out_argument():
    x = ember.arange(6).reshape(2, 3)
    out = ember.empty(4, 3, dtype=ember.float32)
    assert ember.cat([x, x], out=out) is out
    np.testing.assert_array_equal(out.numpy(), np.concatenate([x.numpy()] * 2))
    empty = ember.empty(0)
    ember.cat((x, x), out=empty)
    assert tuple(empty.shape) == (4, 3)
    with pytest.raises(TypeError, match="can't be cast to the desired output type int64"):
        ember.cat([x.float(), x], out=ember.empty(4, 3, dtype=ember.int64))
    with pytest.raises(RuntimeError, match="doesn't match the result shape"):
        ember.cat([x, x], out=ember.empty(2, 2))


def test_aliases_and_keywords():
    x = ember.ones(2, 2)
    assert tuple(ember.concat((x, x), dim=1).shape) == (2, 4)
    assert tuple(ember.concatenate((x, x), axis=1).shape) == (2, 4)
    assert tuple(ember.stack([x, x], dim=-1).shape) == (2, 2, 2)
    assert tuple(ember.row_stack([x, x]).shape) == (4, 2)


def test_join_on_meta_tensors():
    x = ember.zeros(2, 3, device="meta")
    y = ember.zeros(2, 5, dtype=ember.float64, device="meta")
    out = ember.cat([x, y], dim=1)
    assert out.device == ember.device("meta")
    assert (tuple(out.shape), out.dtype) == ((2, 8), ember.float64)
    assert tuple(ember.stack([x, x], 1).shape) == (2, 2, 3)


def test_cat_rejects_mixed_devices():
    with pytest.raises(RuntimeError, match="same device"):
        ember.cat([ember.zeros(2), ember.zeros(2, device="meta")])


def test_atleast_forms():
    a, b = ember.tensor(1.0), ember.ones(3)
    assert tuple(ember.atleast_2d(a).shape) == (1, 1)
    out = ember.atleast_3d(a, b)
    assert isinstance(out, tuple) and [tuple(t.shape) for t in out] == [(1, 1, 1), (1, 3, 1)]
    out = ember.atleast_1d([a, b])
    assert [tuple(t.shape) for t in out] == [(1,), (3,)]


def test_hstack_vstack_dstack_column_stack_match_numpy():
    arrays = [RNG.standard_normal(3), RNG.standard_normal(3)]
    tensors = [ember.from_numpy(a) for a in arrays]
    for ours, theirs in (
        (ember.hstack, np.hstack),
        (ember.vstack, np.vstack),
        (ember.dstack, np.dstack),
        (ember.column_stack, np.column_stack),
    ):
        np.testing.assert_array_equal(ours(tensors).numpy(), theirs(arrays))
    assert tuple(ember.column_stack([ember.tensor(1), ember.tensor(2)]).shape) == (1, 2)


# ---- reordering -------------------------------------------------------------------------------


def test_large_flip_roll_repeat_tile_against_numpy():
    a = RNG.standard_normal((64, 48, 40))
    x = ember.from_numpy(a)
    np.testing.assert_array_equal(ember.flip(x, (0, 2)).numpy(), np.flip(a, (0, 2)))
    np.testing.assert_array_equal(x.flip(1).numpy(), np.flip(a, 1))
    np.testing.assert_array_equal(
        ember.roll(x, (5, -7), (0, 2)).numpy(), np.roll(a, (5, -7), (0, 2))
    )
    np.testing.assert_array_equal(ember.roll(x, 1000).numpy(), np.roll(a, 1000))
    np.testing.assert_array_equal(x.repeat(2, 1, 3).numpy(), np.tile(a, (2, 1, 3)))
    np.testing.assert_array_equal(ember.tile(x, (2, 2)).numpy(), np.tile(a, (2, 2)))
    np.testing.assert_array_equal(ember.rot90(x, 1, (1, 2)).numpy(), np.rot90(a, 1, (1, 2)))


def test_flip_result_is_a_new_tensor():
    x = ember.arange(4)
    y = ember.flip(x, (0,))
    y[0] = 100
    assert x.tolist() == [0, 1, 2, 3]
    assert y.is_contiguous()


def test_repeat_interleave_forms():
    assert ember.repeat_interleave(ember.tensor([1, 2, 0])).tolist() == [0, 1, 1]
    x = ember.tensor([[1, 2], [3, 4]])
    assert x.repeat_interleave(2).tolist() == [1, 1, 2, 2, 3, 3, 4, 4]
    assert x.repeat_interleave(ember.tensor([1, 2]), dim=0).tolist() == [[1, 2], [3, 4], [3, 4]]
    assert ember.repeat_interleave(x, ember.tensor(2), dim=1).tolist() == [
        [1, 1, 2, 2],
        [3, 3, 4, 4],
    ]
    meta = x.to("meta")
    out = ember.repeat_interleave(meta, ember.tensor([1, 2]).to("meta"), dim=0, output_size=3)
    assert tuple(out.shape) == (3, 2) and out.device == ember.device("meta")
    assert tuple(ember.repeat_interleave(meta, 3, dim=1).shape) == (2, 6)
    with pytest.raises(NotImplementedError, match="depends on the input's data"):
        ember.repeat_interleave(meta, ember.tensor([1, 2]).to("meta"), dim=0)


def test_large_repeat_interleave():
    a = RNG.standard_normal((300, 20))
    reps = RNG.integers(0, 5, 300)
    out = ember.repeat_interleave(ember.from_numpy(a), ember.from_numpy(reps), dim=0)
    np.testing.assert_array_equal(out.numpy(), np.repeat(a, reps, axis=0))


def test_tril_triu_in_place_on_views():
    a = RNG.standard_normal((3, 5, 4))
    x = ember.from_numpy(a.copy())
    view = x.transpose(1, 2)  # (3, 4, 5), not contiguous
    version = x._version
    view.tril_(1)
    assert x._version > version
    np.testing.assert_array_equal(view.numpy(), np.tril(a.transpose(0, 2, 1), 1))
    big = RNG.standard_normal((8, 300, 300))
    np.testing.assert_array_equal(ember.triu(ember.from_numpy(big), -3).numpy(), np.triu(big, -3))


def test_constant_pad_nd_value_conversion_and_meta():
    x = ember.arange(6).reshape(2, 3)
    assert ember.constant_pad_nd(x, (1, 1), 1.5).tolist() == [[1, 0, 1, 2, 1], [1, 3, 4, 5, 1]]
    b = ember.constant_pad_nd(x.bool(), (0, 1), 2)
    assert b.dtype == ember.bool and b[:, -1].tolist() == [True, True]
    m = ember.constant_pad_nd(x.to("meta"), (1, 2, 3, 4))
    assert tuple(m.shape) == (9, 6) and m.device == ember.device("meta")
