"""where, clamp, lerp, addcmul/addcdiv and the parameterized pointwise ops: torch's dtype
rules with Python numbers, edge values, and the cases the op records cannot express."""

from __future__ import annotations

import math

import numpy as np
import pytest

import ember


def test_where_result_types_follow_torch():
    c = ember.tensor([True, False, True, False])
    x = ember.arange(4)
    assert ember.where(c, 1.0, 0).dtype == ember.float32
    assert ember.where(c, 1, 0).dtype == ember.int64
    assert ember.where(c, True, False).dtype == ember.bool
    assert ember.where(c, x, 2.5).dtype == ember.float32
    assert ember.where(c, x.float(), 1j).dtype == ember.complex64
    assert ember.where(c, x.to(ember.int8), ember.tensor(3)).dtype == ember.int8
    assert (
        ember.where(c, ember.tensor(1, dtype=ember.int8), ember.tensor(2, dtype=ember.int16)).dtype
        == ember.int16
    )
    assert ember.where(c, x, 2.5).tolist() == [0.0, 2.5, 2.0, 2.5]
    assert x.where(c, -x).tolist() == [0, -1, 2, -3]


def test_where_out_and_meta():
    c = ember.tensor([True, False])
    out = ember.empty(2, dtype=ember.float64)
    assert ember.where(c, ember.ones(2), 0.0, out=out) is out
    assert out.tolist() == [1.0, 0.0]
    m = ember.where(c.to("meta"), ember.ones(3, 1, device="meta"), 2)
    assert tuple(m.shape) == (3, 2) and m.dtype == ember.float32


def test_clamp_promotion_and_in_place_rules():
    x = ember.tensor([1, 2, 3])
    assert ember.clamp(x, 0.5).dtype == ember.float32
    assert ember.clamp(x, ember.tensor(0.5)).dtype == ember.float32
    assert ember.clamp(x, ember.tensor(0.5, dtype=ember.float64)).dtype == ember.float64
    assert ember.clamp(ember.tensor([True, False]), 0).dtype == ember.int64
    assert ember.clamp(x, 2, 1).tolist() == [1, 1, 1]
    with pytest.raises(RuntimeError, match="can't be cast to the desired output type int64"):
        x.clone().clamp_(0.5)
    y = x.clone()
    assert y.clamp_(2) is y and y.tolist() == [2, 2, 3]
    assert x.clamp_min(2).tolist() == [2, 2, 3] and x.clamp_max(2).tolist() == [1, 2, 2]
    assert ember.clip(x, max=ember.tensor([0, 5, 1])).tolist() == [0, 2, 1]


def test_clamp_nan_rules():
    x = ember.tensor([1.0, math.nan, -2.0])
    assert np.isnan(ember.clamp(x, math.nan).numpy()).all()
    assert np.isnan(ember.clamp(x, max=math.nan).numpy()).all()
    out = ember.clamp(x, -1.0, 0.5).numpy()
    assert out[0] == 0.5 and np.isnan(out[1]) and out[2] == -1.0


def test_lerp_is_exact_at_both_ends_and_checks_dtypes():
    a = ember.tensor([1.0, -3.5, 1e8])
    b = ember.tensor([2.0, 7.25, -1e-3])
    assert ember.lerp(a, b, 0.0).tolist() == a.tolist()
    assert ember.lerp(a, b, 1.0).tolist() == b.tolist()
    assert ember.lerp(a, b, ember.ones(3)).tolist() == b.tolist()
    with pytest.raises(RuntimeError, match="output with shape"):
        ember.tensor(1.0).lerp_(ember.tensor([3.0, 4.0]), 0.5)


def test_addcmul_and_addcdiv_values_and_dtypes():
    x = ember.arange(4)
    assert ember.addcmul(x, x, x, value=2.5).tolist() == [0, 3, 10, 21]  # value truncates
    assert ember.addcmul(x, x.float(), x, value=2.5).tolist() == [0.0, 3.5, 12.0, 25.5]
    assert ember.addcmul(x.to(ember.int8), x.to(ember.int16), x.to(ember.int8)).dtype == ember.int16
    out = ember.addcdiv(x, x.float(), x + 1, value=2)
    np.testing.assert_allclose(out.numpy(), np.arange(4) + 2 * np.arange(4) / np.arange(1, 5))
    with pytest.raises(RuntimeError, match="Integer division with addcdiv"):
        ember.addcdiv(x, x, x)
    y = ember.ones(3)
    assert y.addcmul_(y, y, value=-1) is y and y.tolist() == [0.0, 0.0, 0.0]


def test_square_bool_and_round_edge_cases():
    assert ember.square(ember.tensor([True, False])).dtype == ember.int64
    with pytest.raises(RuntimeError, match="int64 can't be cast to the desired output type bool"):
        ember.tensor([True]).square_()
    assert ember.square(ember.tensor([3], dtype=ember.int8)).tolist() == [9]
    r = ember.round(ember.tensor([0.5, 1.5, 2.5, -0.5, -2.5])).tolist()
    assert r == [0.0, 2.0, 2.0, -0.0, -2.0]
    np.testing.assert_allclose(
        ember.round(ember.tensor([1.2345, 12.5]), decimals=2).numpy(), [1.23, 12.5], rtol=1e-6
    )
    assert ember.round(ember.tensor([1234.5, 1250.0]), decimals=-2).tolist() == [1200.0, 1200.0]
    assert ember.round(ember.tensor([1, 2])).tolist() == [1, 2]


def test_logit_eps_and_integer_inputs():
    x = ember.tensor([0.0, 0.25, 1.0])
    np.testing.assert_allclose(ember.logit(x).numpy(), [-np.inf, np.log(1 / 3), np.inf])
    np.testing.assert_allclose(
        ember.logit(x, eps=0.1).numpy(),
        [np.log(0.1 / 0.9), np.log(1 / 3), np.log(0.9 / 0.1)],
        rtol=1e-6,
    )
    assert ember.logit(ember.tensor([0, 1])).dtype == ember.float32
    with pytest.raises(RuntimeError, match="can't be cast"):
        ember.tensor([0, 1]).logit_()


def test_gelu_softplus_values():
    x = np.linspace(-5, 5, 101)
    t = ember.from_numpy(x)
    exact = 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))
    np.testing.assert_allclose(ember.gelu(t).numpy(), exact, rtol=1e-12, atol=1e-15)
    tanh = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    np.testing.assert_allclose(
        ember.gelu(t, approximate="tanh").numpy(), tanh, rtol=1e-12, atol=1e-15
    )
    sp = ember.softplus(ember.tensor([1.0, 30.0]), beta=2, threshold=10).numpy()
    np.testing.assert_allclose(sp, [np.log1p(np.exp(2.0)) / 2, 30.0], rtol=1e-6)
    assert ember.softplus(ember.tensor([1.0]), beta=0).tolist() == [math.inf]


@pytest.mark.parametrize(
    "dtype,big",
    [
        (ember.float16, 65504.0),
        (ember.bfloat16, 3.3895313892515355e38),
        (ember.float32, 3.4028234663852886e38),
    ],
)
def test_nan_to_num_defaults_are_the_dtype_limits(dtype, big):
    x = ember.tensor([math.nan, math.inf, -math.inf, 1.0], dtype=dtype)
    assert ember.nan_to_num(x).to(ember.float64).tolist() == [0.0, big, -big, 1.0]
    y = x.clone()
    assert y.nan_to_num_(nan=2.0) is y and y.to(ember.float64).tolist()[0] == 2.0


def test_nan_to_num_integers_are_copied():
    x = ember.tensor([1, 2])
    y = ember.nan_to_num(x, nan=2.5)
    assert y.tolist() == [1, 2] and y.dtype == ember.int64
    y[0] = 5
    assert x.tolist() == [1, 2]


def test_xlogy_forms():
    x = ember.tensor([0.0, 1.0, 2.0])
    y = ember.tensor([0.0, math.nan, 2.0])
    out = ember.xlogy(x, y).numpy()
    assert out[0] == 0.0 and np.isnan(out[1]) and out[2] == pytest.approx(2 * math.log(2))
    assert ember.xlogy(ember.tensor([0, 1, 2]), 3).dtype == ember.float32
    assert ember.xlogy(2, ember.tensor([1.0, 2.0])).tolist() == pytest.approx(
        [0.0, 2 * math.log(2)]
    )
    with pytest.raises(RuntimeError, match="can't be cast to the desired output type int64"):
        ember.tensor([1, 2]).xlogy_(3)


def test_large_elementwise_on_threads():
    a = np.random.default_rng(3).standard_normal((700, 900)).astype(np.float32)
    t = ember.from_numpy(a)
    np.testing.assert_array_equal(ember.clamp(t, -0.5, 0.5).numpy(), np.clip(a, -0.5, 0.5))
    np.testing.assert_array_equal(ember.where(t > 0, t, 0.0).numpy(), np.where(a > 0, a, 0))
    np.testing.assert_allclose(ember.lerp(t, t * 2, 0.25).numpy(), a * 1.25, rtol=1e-6)
