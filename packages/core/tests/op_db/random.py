"""Records of the sampling ops: no value reference (see test_random.py for their
statistics), but shapes, dtypes, meta tensors and bad inputs go through the generic tests."""

from __future__ import annotations

import ember
from op_db.opinfo import FLOATING, ErrorInput, OpInfo, Sample


def bernoulli_samples(dtype, rng):
    for shape in [(), (0,), (5,), (3, 4)]:
        yield Sample((ember.full(shape, 0.5, dtype=dtype),), name=str(shape))


def multinomial_samples(dtype, rng):
    probs = ember.tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 1.0]], dtype=dtype)
    yield Sample((probs, 2), name="2 rows without replacement")
    yield Sample((probs[0], 5, True), name="1-d with replacement")


def multinomial_errors():
    probs = ember.tensor([0.5, 0.5])
    yield ErrorInput(Sample((probs, 3)), RuntimeError, "cannot sample n_sample > prob_dist")
    yield ErrorInput(Sample((ember.tensor([-1.0, 2.0]), 1)), RuntimeError, "element < 0")
    yield ErrorInput(Sample((ember.zeros(2), 1)), RuntimeError, "sum of probabilities <= 0")
    yield ErrorInput(Sample((ember.ones(2, 2, 2), 1)), RuntimeError, "must be 1 or 2 dim")


OPS = [
    OpInfo(
        name="bernoulli",
        op=ember.bernoulli,
        ref=None,
        dtypes=FLOATING,
        sample_inputs=bernoulli_samples,
        result_dtype=lambda p: p.dtype,
    ),
    OpInfo(
        name="multinomial",
        op=ember.multinomial,
        ref=None,
        dtypes=(ember.float32, ember.float64),
        sample_inputs=multinomial_samples,
        result_dtype=lambda *a: ember.int64,
        error_inputs=multinomial_errors,
    ),
]
