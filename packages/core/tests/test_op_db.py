"""Generic tests driven by the op database (op_db/): every op, every dtype it claims,
against its NumPy reference; on meta tensors; in place and with out=; bad inputs."""

from __future__ import annotations

import numpy as np
import pytest
from op_db import ALL_OPS, BY_NAME
from op_db.opinfo import NUMPY_DTYPES, TOLERANCES, to_numpy

import ember


def dtype_name(dtype) -> str:
    return str(dtype).split(".")[-1]


def cases(predicate=lambda op: True):
    return list(_cases(predicate))


def _cases(predicate):
    for op in ALL_OPS:
        if not predicate(op):
            continue
        for dtype in op.dtypes:
            yield pytest.param(op, dtype, id=f"{op.name}-{dtype_name(dtype)}")


def expected_dtype(op, sample, result):
    if op.result_dtype is not None:
        return op.result_dtype(*sample.args, **sample.kwargs)
    return sample.args[0].dtype


def assert_matches(result, expected, dtype, context: str):
    if isinstance(result, (tuple, list)):
        assert len(result) == len(expected), f"{context}: {len(result)} results != {len(expected)}"
        for i, (r, e) in enumerate(zip(result, expected, strict=True)):
            assert_matches(r, e, r.dtype, f"{context}[{i}]")
        return
    expected = np.asarray(expected)
    assert tuple(result.shape) == expected.shape, (
        f"{context}: shape {tuple(result.shape)} != {expected.shape}"
    )
    if dtype in (ember.bfloat16, ember.float16):
        actual = result.to(ember.float64).numpy()
    else:
        actual = result.numpy()
    if dtype.is_floating_point or dtype.is_complex:
        rtol, atol = TOLERANCES[dtype]
        if dtype in (ember.float16, ember.bfloat16):
            # The reference ran in float64 on the rounded inputs; round its result too.
            expected = ember.tensor(expected.astype(np.float64)).to(dtype).to(ember.float64).numpy()
        np.testing.assert_allclose(
            actual,
            expected.astype(actual.dtype),
            rtol=rtol,
            atol=atol,
            equal_nan=True,
            err_msg=context,
        )
    else:
        with np.errstate(all="ignore"):
            expected = expected.astype(NUMPY_DTYPES[dtype])
        np.testing.assert_array_equal(actual, expected, err_msg=context)


@pytest.mark.parametrize("op,dtype", cases(lambda op: op.ref is not None))
def test_values_match_reference(op, dtype):
    rng = np.random.default_rng(1234)
    for sample in op.sample_inputs(dtype, rng):
        result = op.op(*sample.args, **sample.kwargs)
        with np.errstate(all="ignore"):
            expected = op.ref(*to_numpy(sample.args), **sample.kwargs)
        want = expected_dtype(op, sample, result)
        first = result[0] if isinstance(result, (tuple, list)) and result else result
        if isinstance(first, ember.Tensor):
            assert first.dtype == want, f"{op.name}({sample.name}): dtype {first.dtype} != {want}"
        assert_matches(
            result, expected, getattr(result, "dtype", None), f"{op.name}({sample.name}) {dtype}"
        )


def to_meta(value):
    if isinstance(value, ember.Tensor):
        return value.to("meta")
    return value


@pytest.mark.parametrize("op,dtype", cases(lambda op: not op.skip_meta))
def test_meta_tensors_give_shapes_and_dtypes(op, dtype):
    rng = np.random.default_rng(7)
    for sample in op.sample_inputs(dtype, rng):
        cpu = op.op(*sample.args, **sample.kwargs)
        meta = op.op(*[to_meta(a) for a in sample.args], **sample.kwargs)
        cpu_list = list(cpu) if isinstance(cpu, (tuple, list)) else [cpu]
        meta_list = list(meta) if isinstance(meta, (tuple, list)) else [meta]
        assert len(cpu_list) == len(meta_list)
        for c, m in zip(cpu_list, meta_list, strict=True):
            assert m.device == ember.device("meta")
            assert (m.shape, m.dtype) == (c.shape, c.dtype), f"{op.name}({sample.name})"


@pytest.mark.parametrize("op,dtype", cases(lambda op: op.inplace is not None))
def test_inplace_variant(op, dtype):
    rng = np.random.default_rng(3)
    for sample in op.sample_inputs(dtype, rng):
        expected = op.op(*sample.args, **sample.kwargs)
        target = sample.args[0].clone()
        if expected.shape != target.shape or not ember.can_cast(expected.dtype, target.dtype):
            with pytest.raises(RuntimeError):
                op.inplace(target, *sample.args[1:], **sample.kwargs)
            continue
        version = target._version
        returned = op.inplace(target, *sample.args[1:], **sample.kwargs)
        assert returned is target
        assert target._version > version
        assert_matches(
            target, to_numpy(expected.to(target.dtype)), target.dtype, f"{op.name}_({sample.name})"
        )


@pytest.mark.parametrize("op,dtype", cases(lambda op: op.supports_out))
def test_out_argument(op, dtype):
    rng = np.random.default_rng(5)
    for sample in op.sample_inputs(dtype, rng):
        expected = op.op(*sample.args, **sample.kwargs)
        out = ember.empty(expected.shape, dtype=expected.dtype)
        returned = op.op(*sample.args, **sample.kwargs, out=out)
        assert returned is out
        assert_matches(out, to_numpy(expected), out.dtype, f"{op.name}(out=)")


@pytest.mark.parametrize("op", [pytest.param(op, id=op.name) for op in ALL_OPS])
def test_error_inputs(op):
    for error in op.error_inputs():
        with pytest.raises(error.error, match=error.match):
            op.op(*error.sample.args, **error.sample.kwargs)


# Public functions of the compiled core that are not ops (runtime and dtype utilities,
# conversions); each has its own tests.
NOT_OPS = {
    "get_num_threads",
    "set_num_threads",
    "promote_types",
    "can_cast",
    "result_type",
    "get_default_dtype",
    "set_default_dtype",
    "copy_",
    "contiguous",
    "clone",
    # grad-mode queries (autograd's, tested in test_autograd.py)
    "is_grad_enabled",
    "is_inference_mode_enabled",
}


def test_every_public_op_has_a_record():
    public = {
        name
        for name, value in vars(ember._C).items()
        if not name.startswith("_")
        and callable(value)
        and not isinstance(value, type)
        and name
        not in (
            "tensor",
            "empty",
            "empty_strided",
            "zeros",
            "ones",
            "full",
            "arange",
            "linspace",
            "logspace",
            "eye",
            "from_numpy",
        )
    }
    missing = sorted(public - set(BY_NAME) - NOT_OPS)
    assert not missing, f"ops without an OpInfo record in tests/op_db/: {missing}"
