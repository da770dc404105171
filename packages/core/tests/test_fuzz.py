"""Hypothesis throws random shapes, strides, dtypes and indices at the ops: each call must
give NumPy's answer or raise a clean Python exception (never crash, never a wrong value)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ember

DTYPES = [
    ember.bool,
    ember.uint8,
    ember.int8,
    ember.int16,
    ember.int32,
    ember.int64,
    ember.float32,
    ember.float64,
]
NP = {
    ember.bool: np.bool_,
    ember.uint8: np.uint8,
    ember.int8: np.int8,
    ember.int16: np.int16,
    ember.int32: np.int32,
    ember.int64: np.int64,
    ember.float32: np.float32,
    ember.float64: np.float64,
}
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

shapes = st.lists(st.integers(0, 4), min_size=0, max_size=4).map(tuple)


@st.composite
def arrays(draw, shape=None):
    shape = draw(shapes) if shape is None else shape
    dtype = draw(st.sampled_from(DTYPES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if dtype == ember.bool:
        data = rng.random(shape) > 0.5
    elif dtype.is_floating_point:
        data = rng.normal(size=shape) * 4
    else:
        data = rng.integers(0 if dtype == ember.uint8 else -20, 20, size=shape)
    array = np.asarray(data).astype(NP[dtype])
    tensor = ember.tensor(array, dtype=dtype)
    # A random non-contiguous layout with the same values: transpose, then transpose back
    # through a strided copy.
    if tensor.dim() >= 2 and draw(st.booleans()):
        tensor = (
            tensor.t().contiguous().t()
            if tensor.dim() == 2
            else tensor.transpose(0, -1).contiguous().transpose(0, -1)
        )
    return tensor, array


BINARY = {
    "add": (ember.add, np.add),
    "mul": (ember.mul, np.multiply),
    "maximum": (ember.maximum, np.maximum),
    "eq": (ember.eq, np.equal),
    "lt": (ember.lt, np.less),
    "logical_and": (ember.logical_and, np.logical_and),
}


@FUZZ
@given(a=arrays(), b=arrays(), name=st.sampled_from(sorted(BINARY)))
def test_binary_ops_broadcast_or_raise(a, b, name):
    (ta, na), (tb, nb) = a, b
    op, ref = BINARY[name]
    try:
        expected_shape = np.broadcast_shapes(na.shape, nb.shape)
    except ValueError:
        try:
            op(ta, tb)
        except RuntimeError as exc:
            assert f"[{name}]" in str(exc)
            return
        raise AssertionError(f"{name} accepted shapes {na.shape} and {nb.shape}") from None
    if name == "add" and ta.dtype == ember.bool and tb.dtype == ember.bool:
        expected = np.logical_or(na, nb)
    else:
        with np.errstate(all="ignore"):
            expected = ref(na, nb)
    result = op(ta, tb)
    assert tuple(result.shape) == expected_shape
    got = result.to(ember.float64).numpy() if result.dtype != ember.bool else result.numpy()
    if result.dtype.is_floating_point:
        np.testing.assert_allclose(got, expected.astype(np.float64), rtol=1e-5, atol=1e-5)
    elif result.dtype == ember.bool:
        np.testing.assert_array_equal(got, expected)
    else:  # integers may wrap differently only where NumPy promoted further: compare in range
        same = expected.astype(NP[result.dtype]) if expected.dtype != np.bool_ else expected
        np.testing.assert_array_equal(got, same.astype(np.float64))


index_items = st.one_of(
    st.integers(-6, 6),
    st.builds(
        slice,
        st.none() | st.integers(-6, 6),
        st.none() | st.integers(-6, 6),
        st.none() | st.integers(1, 3),
    ),
    st.just(None),
    st.just(Ellipsis),
)


@FUZZ
@given(a=arrays(), index=st.lists(index_items, max_size=4).map(tuple))
def test_basic_indexing_matches_numpy(a, index):
    tensor, array = a
    try:
        expected = array[index]
    except IndexError:
        try:
            tensor[index]
        except IndexError:
            return
        raise AssertionError(f"index {index} accepted for shape {array.shape}") from None
    result = tensor[index]
    assert tuple(result.shape) == expected.shape
    np.testing.assert_array_equal(result.numpy(), expected)


@FUZZ
@given(a=arrays(), new_shape=st.lists(st.integers(-1, 6), min_size=0, max_size=3).map(tuple))
def test_reshape_matches_numpy_or_raises(a, new_shape):
    tensor, array = a
    try:
        expected = array.reshape(new_shape)
    except ValueError:
        try:
            tensor.reshape(new_shape)
        except RuntimeError:
            return
        raise AssertionError(f"reshape {array.shape} -> {new_shape} accepted") from None
    np.testing.assert_array_equal(tensor.reshape(new_shape).numpy(), expected)


@FUZZ
@given(a=arrays(), dtype=st.sampled_from(DTYPES))
def test_dtype_conversion_matches_numpy(a, dtype):
    tensor, array = a
    converted = tensor.to(dtype)
    if array.dtype.kind == "f" and dtype in (
        ember.uint8,
        ember.int8,
        ember.int16,
        ember.int32,
        ember.int64,
    ):
        array = np.trunc(array)
        info = np.iinfo(NP[dtype])
        if array.size and (array.min() < info.min or array.max() > info.max):
            return  # out-of-range float -> int casts are undefined (in C, NumPy and torch)
    with np.errstate(all="ignore"):
        expected = array.astype(NP[dtype])
    np.testing.assert_array_equal(converted.numpy(), expected)


def test_more_dims_than_inline_shape_capacity():
    """Shapes live inline up to 6 dims; more spill to the heap without losing sizes."""
    t = ember.zeros(2, 1, 3, 1, 2, 1, 2, 1)
    assert t.shape == (2, 1, 3, 1, 2, 1, 2, 1)
    assert t[None, None, None].shape == (1, 1, 1, 2, 1, 3, 1, 2, 1, 2, 1)
    assert t.squeeze().shape == (2, 3, 2, 2)
    assert (t + 1).sum().item() == 24 if hasattr(t, "sum") else (t + 1).numel() == 24
