"""Focused tests of the reductions, scans and sorting ops: what the op database's generic
tests cannot express (named tuples, out= pairs, stability, NaN rules, determinism across
thread counts, accuracy, the reduction paths of large and strided inputs)."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

import ember

# ---- named tuples -------------------------------------------------------------------------


def test_return_types_module():
    import ember.return_types as rt

    assert ember.return_types is rt
    for name in (
        "max",
        "min",
        "sort",
        "topk",
        "kthvalue",
        "median",
        "nanmedian",
        "mode",
        "cummax",
        "cummin",
    ):
        assert getattr(rt, name)._fields == ("values", "indices")


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda x: x.max(dim=1), "max"),
        (lambda x: ember.min(x, 1), "min"),
        (lambda x: x.sort(), "sort"),
        (lambda x: ember.topk(x, 2), "topk"),
        (lambda x: x.kthvalue(2), "kthvalue"),
        (lambda x: x.median(dim=1), "median"),
        (lambda x: x.nanmedian(1), "nanmedian"),
        (lambda x: x.mode(1), "mode"),
        (lambda x: x.cummax(1), "cummax"),
        (lambda x: ember.cummin(x, dim=1), "cummin"),
    ],
)
def test_named_tuple_results(call, name):
    x = ember.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]])
    result = call(x)
    assert type(result) is getattr(ember.return_types, name)
    assert isinstance(result, tuple) and len(result) == 2
    values, indices = result
    assert values is result.values and values is result[0]
    assert indices is result.indices and indices is result[1]
    assert indices.dtype == ember.int64
    assert repr(result).startswith(f"ember.return_types.{name}(\nvalues=tensor(")


def test_named_tuple_construction():
    rt = ember.return_types
    a, b = ember.ones(2), ember.zeros(2, dtype=ember.int64)
    assert rt.max(values=a, indices=b).indices is b
    assert rt.max((a, b)).values is a  # from one sequence, like torch's structseq
    assert rt.max(a, b) == (a, b)
    again = pickle.loads(pickle.dumps(rt.sort(1, 2)))  # tensors do not pickle yet
    assert type(again) is rt.sort and again.indices == 2


def test_max_values_and_indices():
    x = ember.tensor([[1.0, 5.0, 5.0], [7.0, 2.0, 7.0]])
    values, indices = ember.max(x, dim=1)
    assert values.tolist() == [5.0, 7.0]
    assert indices.tolist() == [1, 0]  # the first maximal element
    values, indices = x.min(0, keepdim=True)
    assert values.shape == (1, 3) and indices.tolist() == [[0, 1, 0]]
    assert ember.max(x).item() == 7.0 and ember.max(x).dim() == 0


def test_max_of_two_tensors_is_maximum():
    a = ember.tensor([1.0, 5.0, -1.0])
    b = ember.tensor([2.0, 3.0, -4.0])
    assert ember.max(a, b).tolist() == [2.0, 5.0, -1.0]
    assert a.min(b).tolist() == [1.0, 3.0, -4.0]
    assert ember.max(a, other=b).tolist() == [2.0, 5.0, -1.0]
    out = ember.empty(3)
    assert ember.max(a, b, out=out) is out and out.tolist() == [2.0, 5.0, -1.0]


@pytest.mark.parametrize(
    "op,args",
    [
        ("max", (1,)),
        ("min", (1,)),
        ("sort", (1,)),
        ("topk", (2,)),
        ("kthvalue", (2,)),
        ("median", (1,)),
        ("nanmedian", (1,)),
        ("mode", (1,)),
        ("cummax", (1,)),
        ("cummin", (1,)),
    ],
)
def test_out_pairs(op, args):
    x = ember.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]])
    expected = getattr(ember, op)(x, *args)
    values = ember.empty(0)
    indices = ember.empty(0, dtype=ember.int64)  # empty out= tensors are resized
    result = getattr(ember, op)(x, *args, out=(values, indices))
    assert result.values is values and result.indices is indices
    assert values.tolist() == expected.values.tolist()
    assert indices.tolist() == expected.indices.tolist()


def test_out_checks_dtype_and_shape():
    x = ember.ones(2, 3)
    with pytest.raises(RuntimeError, match=r"\[max\].*dtype int64.*int32"):
        ember.max(x, 1, out=(ember.empty(2), ember.empty(2, dtype=ember.int32)))
    with pytest.raises(RuntimeError, match=r"\[sum\].*shape \(5,\) doesn't match.*\(3,\)"):
        ember.sum(x, 0, out=ember.empty(5))
    with pytest.raises(RuntimeError, match=r"\[sum\] Expected out tensor to have dtype float64"):
        ember.sum(x, 0, dtype=ember.float64, out=ember.empty(3))
    with pytest.raises(RuntimeError, match=r"\[amax\] Expected the dtype for input and out"):
        ember.amax(x, 0, out=ember.empty(3, dtype=ember.float64))
    # sum without dtype= casts into any out dtype, as torch.
    out = ember.empty(3, dtype=ember.int64)
    assert ember.sum(ember.full((2, 3), 1.5), 0, out=out) is out and out.tolist() == [3, 3, 3]


# ---- dtypes ---------------------------------------------------------------------------------


def test_integer_sums_promote_to_int64():
    x = ember.full((1000,), 100, dtype=ember.int8)
    assert x.sum().dtype == ember.int64 and x.sum().item() == 100_000
    assert ember.ones(5, dtype=ember.bool).sum().item() == 5
    assert ember.ones(5, dtype=ember.bool).sum().dtype == ember.int64
    assert ember.full((3,), 200, dtype=ember.uint8).prod().item() == 8_000_000
    assert x.sum(dtype=ember.int16).dtype == ember.int16
    assert x.cumsum(0).dtype == ember.int64 and x.cumsum(0)[-1].item() == 100_000


def test_half_precision_accumulates_in_float32():
    for dtype, n in ((ember.float16, 10_000), (ember.bfloat16, 4096)):
        x = ember.ones(n, dtype=dtype)
        # A float16 running sum would stop at 2048 (bfloat16 at 256).
        assert x.sum().item() == n
        assert x.mean().item() == 1.0
        assert x.sum().dtype == dtype
    x = ember.full((4096,), 0.1, dtype=ember.float16)
    assert x.sum().item() == pytest.approx(4096 * 0.0999755859375, rel=1e-3)


def test_mean_of_integers_is_an_error():
    with pytest.raises(RuntimeError, match=r"mean\(\): could not infer output dtype.*int64"):
        ember.tensor([1, 2]).mean()
    assert ember.tensor([1, 2]).mean(dtype=ember.float32).item() == 1.5


def test_empty_reductions():
    e = ember.zeros(0, 3)
    assert e.sum().item() == 0 and e.prod().item() == 1
    assert math.isnan(e.mean().item())
    assert e.sum(0).tolist() == [0, 0, 0] and e.prod(0).tolist() == [1, 1, 1]
    assert e.amax(1).shape == (0,)
    assert e.all().item() is True and e.any().item() is False
    assert ember.count_nonzero(e).item() == 0
    assert e.logsumexp(0).tolist() == [-math.inf] * 3
    assert e.norm().item() == 0
    with pytest.raises(RuntimeError, match="Expected reduction dim to be specified"):
        e.amax()
    with pytest.raises(IndexError, match="Expected reduction dim 0 to have non-zero size"):
        e.max(0)
    with pytest.raises(IndexError, match="Expected reduction dim to be specified"):
        e.argmax()
    assert math.isnan(ember.median(ember.zeros(0)).item())


def test_all_any_keep_uint8():
    u = ember.tensor([1, 0, 2], dtype=ember.uint8)
    assert u.all().dtype == ember.uint8 and u.any().item() == 1
    assert ember.tensor([1.0, math.nan]).all().item() is True  # NaN is nonzero
    assert ember.tensor([-0.0]).any().item() is False
    assert ember.all(ember.ones(2, 3), dim=()).shape == (2, 3)  # () reduces nothing here


def test_var_std_arguments():
    x = ember.tensor([[1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0, 2.0]])
    assert x.var().item() == pytest.approx(np.var(x.numpy(), ddof=1))
    assert ember.var(x, False).item() == pytest.approx(np.var(x.numpy()))
    assert ember.var(x, 1, True, True).shape == (2, 1)
    assert x.std(dim=1, correction=0).tolist() == pytest.approx(np.std(x.numpy(), 1).tolist())
    var, mean = ember.var_mean(x, 1)
    assert var.tolist() == pytest.approx([5 / 3, 0.0]) and mean.tolist() == [2.5, 2.0]
    assert math.isnan(ember.tensor([1.0]).var().item())  # no degrees of freedom
    with pytest.raises(TypeError):
        ember.var(x, 1, unbiased=True, correction=1)
    c = ember.tensor(np.array([1 + 2j, 3 - 1j]))
    assert c.var().dtype == ember.float64 and c.var().item() == pytest.approx(6.5)


def test_norm_orders():
    x = ember.tensor([[3.0, -4.0], [0.0, 1.0]])
    assert x.norm().item() == pytest.approx(math.sqrt(26))
    assert x.norm(1).item() == 8
    assert x.norm(math.inf).item() == 4 and x.norm(-math.inf).item() == 0
    assert x.norm(0).item() == 3
    assert x.norm(p="fro", dim=(0, 1)).item() == pytest.approx(math.sqrt(26))
    assert x.norm(2, dim=1, keepdim=True).tolist() == [[5.0], [1.0]]
    assert x.norm(dtype=ember.float64).dtype == ember.float64
    assert x.norm(0.5, dim=0).tolist() == pytest.approx([3.0, 9.0])
    out = ember.empty(0)
    assert ember.norm(x, 1, dim=1, out=out) is out and out.tolist() == [7.0, 1.0]
    # torch.norm is ember.linalg's vector/matrix norm, real dtypes so far.
    with pytest.raises(NotImplementedError, match="complex"):
        ember.tensor([1 + 1j]).norm()


# ---- NaN ------------------------------------------------------------------------------------


def test_nan_propagates_through_extremes():
    x = ember.tensor([[1.0, math.nan, 3.0, math.nan], [4.0, 2.0, 0.0, -1.0]])
    assert math.isnan(x.max().item()) and math.isnan(x.amin().item())
    values, indices = x.max(1)
    assert math.isnan(values[0].item()) and indices.tolist() == [1, 0]  # the first NaN
    assert x.argmin(1).tolist() == [1, 3]
    assert math.isnan(x.median().item()) and x.nanmedian().item() == 1.0
    assert x.nanmedian(1).values.tolist() == [1.0, 0.0]
    assert math.isnan(x.median(1).values[0].item()) and x.median(1).indices[0].item() == 1
    assert x.nansum().item() == 9.0 and x.nanmean(1).tolist() == [2.0, 1.25]
    values, indices = x.cummax(1)
    assert indices.tolist() == [[0, 1, 1, 3], [0, 0, 0, 0]]


def test_sort_places_nan_last_or_first():
    x = ember.tensor([2.0, math.nan, -1.0, math.inf, math.nan, -math.inf])
    values, indices = x.sort()
    assert indices.tolist() == [5, 2, 0, 3, 1, 4]
    values, indices = x.sort(descending=True)
    assert indices.tolist() == [1, 4, 3, 0, 2, 5]
    assert math.isnan(x.topk(1).values.item())
    assert x.topk(2, largest=False).values.tolist() == [-math.inf, -1.0]


# ---- sorting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dtype", [ember.float32, ember.int64, ember.uint8, ember.bool, ember.float16]
)
@pytest.mark.parametrize("descending", [False, True])
def test_stable_sort(dtype, descending):
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2 if dtype == ember.bool else 5, size=(4, 3000))
    x = ember.tensor(a, dtype=dtype)
    values, indices = ember.sort(x, dim=1, descending=descending, stable=True)
    key = -a if descending else a
    expected = np.argsort(key, axis=1, kind="stable")
    np.testing.assert_array_equal(indices.numpy(), expected)
    np.testing.assert_array_equal(
        values.to(ember.int64).numpy(), np.take_along_axis(a, expected, 1)
    )
    np.testing.assert_array_equal(
        ember.argsort(x.t(), dim=0, descending=descending, stable=True).t().numpy(), expected
    )


def test_sort_along_inner_dim_keeps_layout():
    x = ember.tensor(np.random.default_rng(1).standard_normal((3, 5, 4)).astype(np.float32))
    values, indices = x.sort(dim=1)
    assert values.is_contiguous() and values.shape == (3, 5, 4)
    np.testing.assert_array_equal(values.numpy(), np.sort(x.numpy(), axis=1))
    np.testing.assert_array_equal(indices.numpy(), np.argsort(x.numpy(), axis=1, kind="stable"))


def test_topk_kthvalue_median_ties_by_index():
    x = ember.tensor([3, 1, 2, 3, 1, 1])
    assert x.topk(3).indices.tolist() == [0, 3, 2]
    assert x.topk(2, largest=False).indices.tolist() == [1, 4]
    assert tuple(v.item() for v in x.kthvalue(2)) == (1, 4)
    assert tuple(v.item() for v in x.median(0)) == (1, 5)  # lower median: 3rd of 6
    assert ember.tensor([1.0, 2.0, 3.0, 4.0]).median().item() == 2.0
    assert tuple(v.item() for v in x.mode()) == (1, 5)  # last index of the mode


def test_mode_prefers_smallest_value():
    x = ember.tensor([[2, 1, 2, 1, 3], [5, 5, 4, 4, 4]])
    values, indices = x.mode(1)
    assert values.tolist() == [1, 4] and indices.tolist() == [3, 4]


def test_unique_inverse_and_counts():
    rng = np.random.default_rng(2)
    a = rng.integers(0, 7, size=(5, 6))
    x = ember.tensor(a)
    values, inverse, counts = ember.unique(x, return_inverse=True, return_counts=True)
    np.testing.assert_array_equal(values.numpy(), np.unique(a))
    assert inverse.shape == x.shape
    np.testing.assert_array_equal(values.numpy()[inverse.numpy()], a)
    np.testing.assert_array_equal(counts.numpy(), np.unique(a, return_counts=True)[1])
    assert isinstance(ember.unique(x), ember.Tensor)
    values, inverse = x.unique(return_inverse=True)
    assert inverse.shape == x.shape


def test_unique_dim():
    x = ember.tensor([[1, 2], [1, 2], [0, 5], [1, 2]])
    values, inverse, counts = ember.unique(x, dim=0, return_inverse=True, return_counts=True)
    assert values.tolist() == [[0, 5], [1, 2]]
    assert inverse.tolist() == [1, 1, 0, 1] and counts.tolist() == [1, 3]
    values, inverse = ember.unique(x.t(), dim=1, return_inverse=True)
    assert values.tolist() == [[0, 1], [5, 2]] and inverse.tolist() == [1, 1, 0, 1]


def test_unique_nan_elements_stay_distinct():
    values, counts = ember.unique(ember.tensor([math.nan, 1.0, math.nan]), return_counts=True)
    assert values[0].item() == 1.0 and math.isnan(values[1].item())
    assert values.shape == (3,) and counts.tolist() == [1, 1, 1]


def test_data_dependent_ops_refuse_meta():
    m = ember.ones(3).to("meta")
    with pytest.raises(NotImplementedError, match=r"\[unique\].*meta"):
        ember.unique(m)
    with pytest.raises(NotImplementedError, match=r"\[bincount\].*meta"):
        ember.bincount(ember.ones(3, dtype=ember.int64).to("meta"))
    with pytest.raises(RuntimeError, match=r"\[equal\].*meta"):
        ember.equal(m, m)
    assert ember.histc(m, bins=7).shape == (7,)  # the shape needs no data


def test_bincount_and_histc():
    x = ember.tensor([3, 1, 2, 3, 1, 1])
    assert ember.bincount(x).tolist() == [0, 3, 1, 2]
    assert ember.bincount(x, minlength=6).tolist() == [0, 3, 1, 2, 0, 0]
    w = ember.tensor([0.5, 1.0, 1.0, 1.0, 1.0, 1.0])
    assert ember.bincount(x, w).tolist() == [0.0, 3.0, 1.0, 1.5]
    assert ember.bincount(x, weights=w.half()).dtype == ember.float64
    with pytest.raises(RuntimeError, match="non-negative"):
        ember.bincount(ember.tensor([0, -2]))
    h = ember.histc(ember.tensor([1.0, 2.0, 1.0]), bins=4, min=0, max=3)
    assert h.tolist() == [0.0, 2.0, 1.0, 0.0]
    assert ember.histc(ember.tensor([1.0, 2.0, 1.0]), bins=4).tolist() == [2.0, 0.0, 0.0, 1.0]
    assert ember.histc(ember.ones(3), bins=3).tolist() == [0.0, 3.0, 0.0]


def test_isclose_allclose_equal():
    a = ember.tensor([1.0, math.inf, math.nan, 1e-9])
    b = ember.tensor([1.0 + 1e-6, math.inf, math.nan, 0.0])
    assert ember.isclose(a, b).tolist() == [True, True, False, True]
    assert ember.isclose(a, b, equal_nan=True).tolist() == [True, True, True, True]
    assert ember.allclose(a, b) is False and ember.allclose(a, b, equal_nan=True) is True
    assert ember.isclose(ember.tensor([10]), ember.tensor([11]), rtol=0.1).item() is True
    assert (
        ember.isclose(
            ember.tensor([10], dtype=ember.uint8), ember.tensor([12], dtype=ember.uint8), atol=1.5
        ).item()
        is False
    )
    assert ember.equal(ember.ones(2), ember.ones(2, dtype=ember.int64)) is True
    assert ember.equal(ember.ones(2), ember.ones(1)) is False
    assert ember.equal(ember.tensor([math.nan]), ember.tensor([math.nan])) is False
    with pytest.raises(RuntimeError, match="float32 did not match float64"):
        ember.isclose(ember.ones(1), ember.ones(1, dtype=ember.float64))


# ---- scans and softmax ------------------------------------------------------------------------


def test_cumsum_dtype_and_out():
    x = ember.tensor([[1, 2, 3], [4, 5, 6]], dtype=ember.int32)
    assert x.cumsum(1).dtype == ember.int64
    assert x.cumsum(1, dtype=ember.float32).tolist() == [[1, 3, 6], [4, 9, 15]]
    assert x.cumprod(0).tolist() == [[1, 2, 3], [4, 10, 18]]
    out = ember.empty(2, 3, dtype=ember.float64)
    assert ember.cumsum(x, 0, out=out) is out and out.tolist() == [[1, 2, 3], [5, 7, 9]]
    assert ember.tensor([True, True]).cumprod(0).dtype == ember.int64


def test_cummax_ties_report_latest_index():
    values, indices = ember.tensor([1.0, 1.0, 0.0, 1.0]).cummax(0)
    assert values.tolist() == [1.0, 1.0, 1.0, 1.0] and indices.tolist() == [0, 1, 1, 3]
    values, indices = ember.tensor([1.0, 1.0, 2.0]).cummin(0)
    assert indices.tolist() == [0, 1, 1]


def test_softmax_is_stable_for_large_inputs():
    x = ember.tensor([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -1000.0]])
    p = x.softmax(1)
    np.testing.assert_allclose(
        p.numpy()[0], np.exp([-2, -1, 0]) / np.exp([-2, -1, 0]).sum(), rtol=1e-6
    )
    np.testing.assert_allclose(p.numpy()[1], [1 / 3] * 3, rtol=1e-6)
    np.testing.assert_allclose(x.log_softmax(1).exp().numpy(), p.numpy(), rtol=1e-5)
    assert ember.softmax(ember.tensor([1, 2]), 0, dtype=ember.float64).dtype == ember.float64
    with pytest.raises(NotImplementedError, match=r"\[softmax\].*int64"):
        ember.tensor([1, 2]).softmax(0)


def test_logsumexp_infinities():
    x = ember.tensor([[math.inf, 1.0], [-math.inf, -math.inf], [1e30, 1e30]])
    result = x.logsumexp(1)
    assert result[0].item() == math.inf and result[1].item() == -math.inf
    assert result[2].item() == pytest.approx(1e30)
    assert ember.tensor([1, 2, 3]).logsumexp(0).dtype == ember.get_default_dtype()


# ---- large inputs: every reduction path against NumPy ------------------------------------------


def _float64_sum(a, axis):
    return a.astype(np.float64).sum(axis=axis)


@pytest.mark.parametrize(
    "shape,dims,layout",
    [
        ((3_000_017,), None, "contiguous"),  # many chunks, parallel over chunks
        ((4096, 300), (0,), "contiguous"),  # the row path
        ((300, 4096), (1,), "contiguous"),  # inner path, parallel over outputs
        ((3, 200_003), (1,), "contiguous"),  # few outputs, long rows
        ((200_003, 3), (0,), "contiguous"),  # narrow kept dim: strided inner path
        ((40, 50, 60), (0, 2), "contiguous"),  # reduced dims that do not merge
        ((40, 50, 60), (1,), "permuted"),  # arbitrary strides
        ((64, 64, 64), (0, 1), "sliced"),  # gaps between rows
    ],
)
def test_large_reductions_match_numpy(shape, dims, layout):
    rng = np.random.default_rng(3)
    a = rng.standard_normal(shape).astype(np.float32)
    x = ember.from_numpy(a)
    if layout == "permuted":
        x, a = x.permute(2, 0, 1), a.transpose(2, 0, 1)
    elif layout == "sliced":
        x, a = x[:, ::2, 1:], a[:, ::2, 1:]
    axis = None if dims is None else dims
    # Pairwise summation: error ~ eps * log(n) * sum(|a|), far below a serial sum's.
    bound = 2e-6 * float(np.abs(a).astype(np.float64).sum(axis=axis).max())
    np.testing.assert_allclose(x.sum(dims).numpy(), _float64_sum(a, axis), rtol=0, atol=bound)
    np.testing.assert_array_equal(x.amax(dims).numpy(), a.max(axis=axis))
    np.testing.assert_allclose(
        x.var(dims).numpy(), a.astype(np.float64).var(axis=axis, ddof=1), rtol=1e-5
    )
    np.testing.assert_allclose(
        x.norm(dim=dims).numpy(), np.sqrt((a.astype(np.float64) ** 2).sum(axis=axis)), rtol=1e-5
    )
    if dims is None or len(dims) == 1:
        d = None if dims is None else dims[0]
        np.testing.assert_array_equal(x.argmax(d).numpy(), a.argmax(axis=d))
        if d is not None:
            values, indices = x.min(d)
            np.testing.assert_array_equal(indices.numpy(), a.argmin(axis=d))


def test_float32_sum_is_accurate():
    # 2^24 + 1 is not a float32: a serial float32 sum of ones stalls at 16777216.
    x = ember.ones(20_000_000)
    assert x.sum().item() == 20_000_000
    a = np.random.default_rng(4).uniform(0, 1, 10_000_000).astype(np.float32)
    exact = a.astype(np.float64).sum()
    assert abs(ember.from_numpy(a).sum().item() - exact) / exact < 1e-6


# ---- determinism across thread counts ------------------------------------------------------------


@pytest.fixture
def threads():
    before = ember.get_num_threads()
    yield
    ember.set_num_threads(before)


@pytest.mark.parametrize(
    "shape,dim",
    [
        ((5_000_000,), None),
        ((2048, 1024), 0),
        ((1024, 2048), 1),
        ((2, 1_500_000), 1),
        ((1_500_000, 2), 0),
        ((300, 20, 300), (0, 2)),
    ],
)
def test_results_do_not_depend_on_thread_count(threads, shape, dim):
    a = np.random.default_rng(5).standard_normal(shape).astype(np.float32)
    x = ember.from_numpy(a)
    results = []
    for n in (1, 2, 3):
        ember.set_num_threads(n)
        results.append(
            [
                x.sum(dim),
                x.mean(dim),
                x.var(dim),
                x.norm(dim=dim),
                x.logsumexp(dim if dim is not None else ()),
                x.argmax(dim if isinstance(dim, int) else None),
            ]
        )
    for other in results[1:]:
        for r1, r2 in zip(results[0], other, strict=True):
            np.testing.assert_array_equal(r1.numpy(), r2.numpy())


# ---- argument handling ---------------------------------------------------------------------------


def test_dim_arguments():
    x = ember.arange(24.0).reshape(2, 3, 4)
    a = np.arange(24.0).reshape(2, 3, 4)
    assert x.sum(dim=(0, -1)).tolist() == a.sum(axis=(0, 2)).tolist()
    assert x.sum([1]).tolist() == a.sum(axis=1).tolist()
    assert x.sum(()).item() == a.sum()
    assert x.mean(-1, keepdim=True).shape == (2, 3, 1)
    assert ember.sum(x, 1, True).shape == (2, 1, 4)
    with pytest.raises(IndexError, match=r"\[sum\] Dimension out of range"):
        x.sum(3)
    with pytest.raises(RuntimeError, match=r"\[sum\] dim 1 appears multiple times"):
        x.sum((1, -2))
    with pytest.raises(TypeError, match=r"\[sum\].*dim"):
        x.sum("a")
    s = ember.tensor(5.0)
    assert s.sum(0).item() == 5.0 and s.max(-1).indices.item() == 0
    assert s.sort().values.item() == 5.0 and s.cumsum(0).item() == 5.0


def test_meta_tensors():
    m = ember.empty(3, 4, device="meta")
    assert m.sum(1).shape == (3,) and m.sum(1).device == ember.device("meta")
    values, indices = m.max(0)
    assert values.shape == (4,) and indices.dtype == ember.int64
    assert m.sort(0).values.shape == (3, 4) and m.topk(2).indices.shape == (3, 2)
    assert m.cumsum(0).shape == (3, 4) and m.softmax(1).shape == (3, 4)
    assert ember.var_mean(m, 1)[1].shape == (3,)


# ---- unique_consecutive, logcumsumexp, msort --------------------------------------------


def test_unique_consecutive():
    x = ember.tensor([1, 1, 2, 2, 3, 1, 1, 2])
    assert ember.unique_consecutive(x).tolist() == [1, 2, 3, 1, 2]
    values, inverse, counts = x.unique_consecutive(return_inverse=True, return_counts=True)
    assert values.tolist() == [1, 2, 3, 1, 2]
    assert inverse.tolist() == [0, 0, 1, 1, 2, 3, 3, 4]
    assert counts.tolist() == [2, 2, 1, 2, 1]
    values, counts = ember.unique_consecutive(x, return_counts=True)
    assert counts.tolist() == [2, 2, 1, 2, 1]
    m = ember.tensor([[1, 2], [1, 2], [0, 5], [1, 2]])
    values, inverse = ember.unique_consecutive(m, dim=0, return_inverse=True)
    assert values.tolist() == [[1, 2], [0, 5], [1, 2]] and inverse.tolist() == [0, 0, 1, 2]
    # NaN never equals NaN: each one is its own run, as in torch.
    values, counts = ember.unique_consecutive(
        ember.tensor([math.nan, math.nan, 1.0, 1.0]), return_counts=True
    )
    assert counts.tolist() == [1, 1, 2]
    assert ember.unique_consecutive(ember.tensor([])).shape == (0,)


def test_logcumsumexp_is_stable():
    x = ember.tensor([1000.0, 1000.0, -math.inf, 0.0])
    got = x.logcumsumexp(0).tolist()
    assert got[0] == 1000.0 and got[1] == pytest.approx(1000.0 + math.log(2))
    assert got[2] == got[1] and got[3] == pytest.approx(got[1])
    assert ember.logcumsumexp(ember.full((3,), -math.inf), 0).tolist() == [-math.inf] * 3
    y = ember.tensor([[0.5, -1.0, 2.0], [3.0, 0.0, 1.0]])
    np.testing.assert_allclose(
        y.logcumsumexp(1).numpy(), np.logaddexp.accumulate(y.numpy(), axis=1), rtol=1e-6
    )
    with pytest.raises(NotImplementedError, match=r"\[logcumsumexp\]"):
        ember.logcumsumexp(ember.tensor([1, 2]), 0)


def test_msort_sorts_along_the_first_dim():
    x = ember.tensor([[3, 1], [1, 2], [2, 0]])
    assert ember.msort(x).tolist() == [[1, 0], [2, 1], [3, 2]]
    assert x.msort().tolist() == [[1, 0], [2, 1], [3, 2]]


def test_tiny_and_scalar_sums():
    x = ember.tensor([1.0, 2.0, 3.0, 4.0])
    assert x.sum().item() == 10.0 and x.sum().shape == ()
    assert ember.tensor([True, True, False]).sum().dtype == ember.int64
    assert ember.tensor(7, dtype=ember.int8).sum().item() == 7


# ---- parity with torch (skipped when torch is not installed) -------------------------------


def _torch():
    return pytest.importorskip("torch")


@pytest.mark.parametrize(
    "name,call",
    [
        ("sum", lambda m, x: m.sum(x, dim=(0, -1), keepdim=True)),
        ("sum dtype", lambda m, x: m.sum(x, 1, dtype=m.float64)),
        ("nansum", lambda m, x: m.nansum(x, 1)),
        ("mean", lambda m, x: m.mean(x, -1)),
        ("nanmean", lambda m, x: m.nanmean(x, 0)),
        ("prod", lambda m, x: m.prod(x, 1)),
        ("amax", lambda m, x: m.amax(x, (0, 2))),
        ("max dim", lambda m, x: tuple(m.max(x, 1))),
        ("min dim", lambda m, x: tuple(m.min(x, -1, keepdim=True))),
        ("argmax", lambda m, x: m.argmax(x)),
        ("argmin dim", lambda m, x: m.argmin(x, 2)),
        ("var", lambda m, x: m.var(x, 1, correction=0)),
        ("std unbiased", lambda m, x: m.std(x, 0, False)),
        ("var_mean", lambda m, x: tuple(m.var_mean(x, (0, 1)))),
        ("std_mean", lambda m, x: tuple(m.std_mean(x, 2, keepdim=True))),
        ("logsumexp", lambda m, x: m.logsumexp(x, 1)),
        ("softmax", lambda m, x: m.softmax(x, 1)),
        ("log_softmax", lambda m, x: m.log_softmax(x, 0)),
        ("cumsum", lambda m, x: m.cumsum(x, 2)),
        ("cumprod", lambda m, x: m.cumprod(x, 1)),
        ("logcumsumexp", lambda m, x: m.logcumsumexp(x, 1)),
        ("cummax", lambda m, x: tuple(m.cummax(x, 1))),
        ("sort", lambda m, x: tuple(m.sort(x, dim=1, descending=True, stable=True))),
        ("argsort", lambda m, x: m.argsort(x, dim=0, stable=True)),
        ("topk", lambda m, x: m.topk(x, 2, dim=1).values),
        ("kthvalue", lambda m, x: m.kthvalue(x, 2, 1).values),
        ("median", lambda m, x: m.median(x)),
        ("nanmedian dim", lambda m, x: m.nanmedian(x, 1).values),
        ("norm", lambda m, x: m.norm(x, 3, dim=1)),
        ("norm fro", lambda m, x: m.norm(x, "fro")),
        ("count_nonzero", lambda m, x: m.count_nonzero(x, 1)),
        ("all", lambda m, x: m.all(x, 1)),
        ("any", lambda m, x: m.any(x)),
    ],
)
def test_matches_torch(name, call):
    torch = _torch()
    a = np.random.default_rng(11).standard_normal((3, 5, 4)).astype(np.float32)
    a.flat[[3, 17]] = np.nan if "nan" in name else a.flat[[3, 17]]
    a[0, 1, :] = a[0, 2, :]  # ties
    expected = call(torch, torch.from_numpy(a.copy()))
    got = call(ember, ember.from_numpy(a.copy()))
    expected = expected if isinstance(expected, tuple) else (expected,)
    got = got if isinstance(got, tuple) else (got,)
    for e, g in zip(expected, got, strict=True):
        assert tuple(g.shape) == tuple(e.shape), name
        assert str(g.dtype).split(".")[-1] == str(e.dtype).split(".")[-1], name
        np.testing.assert_allclose(g.numpy(), e.numpy(), rtol=2e-6, atol=1e-6, err_msg=name)


@pytest.mark.parametrize(
    "dtype", ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16", "float64"]
)
def test_sum_and_prod_dtypes_match_torch(dtype):
    torch = _torch()
    a = np.random.default_rng(5).integers(0, 3, size=(4, 6))
    t = torch.tensor(a).to(getattr(torch, dtype))
    e = ember.tensor(a).to(getattr(ember, dtype))
    for fn in ("sum", "prod", "amax", "cumsum"):
        args = (1,)
        want, got = getattr(t, fn)(*args), getattr(e, fn)(*args)
        assert str(got.dtype).split(".")[-1] == str(want.dtype).split(".")[-1], fn
        np.testing.assert_allclose(got.to(ember.float64).numpy(), want.double().numpy())
