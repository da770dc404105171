"""Sampling: reproducible from a seed, independent of the thread count, and with the
right distributions (moments and frequencies of large samples)."""

import math

import numpy as np
import pytest

import ember


def sample_all(seed=123):
    ember.manual_seed(seed)
    return [
        ember.rand(1000).tolist(),
        ember.randn(1001, dtype=ember.float64).tolist(),
        ember.randint(-5, 5, (999,)).tolist(),
        ember.randperm(50).tolist(),
        ember.multinomial(ember.tensor([0.1, 0.2, 0.7]), 20, replacement=True).tolist(),
    ]


def test_same_seed_same_values_and_generator_state_round_trips():
    assert sample_all() == sample_all()
    ember.manual_seed(5)
    state = ember.get_rng_state()
    first = ember.rand(10).tolist()
    ember.set_rng_state(state)
    assert ember.rand(10).tolist() == first
    assert ember.initial_seed() == 5


def test_values_do_not_depend_on_thread_count():
    before = ember.get_num_threads()
    try:
        ember.set_num_threads(1)
        one = sample_all()
        ember.manual_seed(1)
        big_one = ember.randn(1 << 20).numpy().copy()
        ember.set_num_threads(2)
        two = sample_all()
        ember.manual_seed(1)
        big_two = ember.randn(1 << 20).numpy()
    finally:
        ember.set_num_threads(before)
    assert one == two
    np.testing.assert_array_equal(big_one, big_two)


def test_separate_generators_are_independent_streams():
    g1 = ember.Generator().manual_seed(7)
    g2 = ember.Generator().manual_seed(7)
    a = ember.rand(5, generator=g1).tolist()
    ember.rand(5)  # the default generator does not disturb g2
    assert ember.rand(5, generator=g2).tolist() == a
    assert ember.rand(5, generator=g1).tolist() != a


@pytest.mark.parametrize("dtype", [ember.float16, ember.bfloat16, ember.float32, ember.float64])
def test_uniform_and_normal_moments(dtype):
    ember.manual_seed(0)
    u = ember.rand(200_000, dtype=dtype).to(ember.float64).numpy()
    assert u.min() >= 0 and u.max() <= 1
    assert abs(u.mean() - 0.5) < 0.01 and abs(u.var() - 1 / 12) < 0.01
    n = ember.randn(200_000, dtype=dtype).to(ember.float64).numpy()
    assert abs(n.mean()) < 0.02 and abs(n.std() - 1) < 0.02
    x = ember.empty(100_000, dtype=dtype).normal_(3.0, 0.5).to(ember.float64).numpy()
    assert abs(x.mean() - 3) < 0.02 and abs(x.std() - 0.5) < 0.02
    y = ember.empty(100_000, dtype=dtype).uniform_(-2, 4).to(ember.float64).numpy()
    assert y.min() >= -2 and y.max() <= 4 and abs(y.mean() - 1) < 0.05


def test_randint_range_dtype_and_uniformity():
    ember.manual_seed(0)
    x = ember.randint(3, 8, (60_000,))
    assert x.dtype == ember.int64
    counts = np.bincount(x.numpy() - 3, minlength=5)
    assert counts.min() > 11_000 and counts.max() < 13_000
    assert ember.randint(10, (2, 3)).shape == (2, 3)
    assert ember.randint(0, 2, (4,), dtype=ember.uint8).dtype == ember.uint8


def test_randperm_is_a_permutation():
    p = ember.randperm(1000).numpy()
    assert sorted(p.tolist()) == list(range(1000))
    assert ember.randperm(0).shape == (0,)
    assert ember.randperm(5, dtype=ember.int32).dtype == ember.int32


def test_bernoulli_frequencies():
    ember.manual_seed(0)
    p = ember.full((100_000,), 0.3)
    draws = ember.bernoulli(p).numpy()
    assert set(np.unique(draws)) <= {0.0, 1.0}
    assert abs(draws.mean() - 0.3) < 0.01
    assert abs(ember.empty(100_000).bernoulli_(0.8).numpy().mean() - 0.8) < 0.01


def test_multinomial_frequencies_and_without_replacement():
    ember.manual_seed(0)
    probs = ember.tensor([1.0, 2.0, 0.0, 7.0])
    draws = ember.multinomial(probs, 50_000, replacement=True).numpy()
    freq = np.bincount(draws, minlength=4) / draws.size
    np.testing.assert_allclose(freq, [0.1, 0.2, 0.0, 0.7], atol=0.01)
    rows = ember.multinomial(ember.tensor([[1.0, 1.0, 1.0, 0.0]] * 200), 3).numpy()
    assert all(sorted(r) == [0, 1, 2] for r in rows.tolist())
    # Without replacement, the first pick follows the weights.
    first = ember.multinomial(ember.tensor([[1.0, 3.0]] * 20_000), 1).numpy()[:, 0]
    assert abs(first.mean() - 0.75) < 0.02


def test_normal_with_tensor_mean_and_std():
    ember.manual_seed(0)
    mean = ember.tensor([0.0, 10.0, -5.0]).expand(50_000, 3)
    std = ember.tensor([1.0, 0.1, 2.0])
    x = ember.normal(mean, std).numpy()
    np.testing.assert_allclose(x.mean(0), [0, 10, -5], atol=0.05)
    np.testing.assert_allclose(x.std(0), [1, 0.1, 2], rtol=0.03)
    assert ember.normal(2.0, 3.0, size=(4, 5)).shape == (4, 5)


def test_meta_sampling_allocates_nothing():
    x = ember.rand(1 << 20, 1 << 10, device="meta")
    assert x.shape == (1 << 20, 1 << 10) and x.device.type == "meta"


@pytest.mark.parametrize(
    "call,error,match",
    [
        (lambda: ember.empty(3).uniform_(2, 1), RuntimeError, "from=2 > to=1"),
        (lambda: ember.empty(3).normal_(0, -1), RuntimeError, "std >= 0.0"),
        (lambda: ember.empty(3, dtype=ember.int64).normal_(), RuntimeError, "floating point"),
        (lambda: ember.randint(5, 5, (2,)), RuntimeError, "'from' to be less than 'to'"),
        (lambda: ember.empty(2).bernoulli_(1.5), RuntimeError, "p to be in"),
        (lambda: ember.randperm(-1), RuntimeError, "non-negative"),
        (lambda: ember.Generator("meta"), ValueError, "only 'cpu'"),
    ],
)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_negative_seed_wraps_like_torch():
    g = ember.Generator().manual_seed(-1)
    assert g.initial_seed() == 2**64 - 1
    assert math.isfinite(ember.rand(1, generator=g).item())
