"""The autograd engine: graph recording, backward/grad semantics, hooks, grad modes,
saved-tensor version checks, custom Functions and anomaly mode, with torch's messages.
Derivatives of individual ops are checked by gradcheck in test_gradcheck.py."""

from __future__ import annotations

import gc
import math
import threading
import weakref

import numpy as np
import pytest

import ember
from ember.autograd import Function


def leaf(values, dtype=ember.float64):
    return ember.tensor(values, dtype=dtype, requires_grad=True)


# ---- recording -----------------------------------------------------------------------


def test_leaf_and_non_leaf_attributes():
    x = leaf([1.0, 2.0])
    y = x * 2
    assert x.is_leaf and x.requires_grad and x.grad_fn is None
    assert not y.is_leaf and y.requires_grad
    assert y.grad_fn.name() == "MulBackward0"
    (next_fn, nr), (other, _) = y.grad_fn.next_functions
    assert next_fn.name() == "AccumulateGrad" and nr == 0
    assert other is None  # the Python number has no history


def test_plain_tensors_record_nothing():
    x = ember.tensor([1.0, 2.0])
    y = x.exp() + 1
    assert not y.requires_grad and y.grad_fn is None and y.is_leaf


def test_integer_results_do_not_require_grad():
    x = leaf([1.0, -2.0])
    assert not (x > 0).requires_grad
    assert not x.isnan().requires_grad


def test_requires_grad_only_for_float_and_complex():
    with pytest.raises(RuntimeError, match="only Tensors of floating point"):
        ember.tensor([1, 2]).requires_grad_()


def test_requires_grad_of_non_leaf_cannot_change():
    y = leaf([1.0]) * 2
    with pytest.raises(RuntimeError, match="leaf variables"):
        y.requires_grad = False


# ---- backward and grad ---------------------------------------------------------------


def test_backward_accumulates_into_leaves():
    x = leaf([1.0, 2.0, 3.0])
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [2.0, 4.0, 6.0])
    (x * 3).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [5.0, 7.0, 9.0])


def test_shared_subexpression_gradients_add_up():
    x = leaf([2.0])
    y = x * x
    z = y * y + y  # x^4 + x^2
    z.backward(ember.ones(1, dtype=ember.float64))
    np.testing.assert_allclose(x.grad.numpy(), [4 * 8 + 2 * 2])


def test_broadcast_inputs_get_reduced_gradients():
    a = leaf(np.ones((3, 1)))
    b = leaf(np.arange(4.0))
    (a * b).sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), np.full((3, 1), 6.0))
    np.testing.assert_allclose(b.grad.numpy(), np.full(4, 3.0))


def test_backward_on_non_scalar_needs_gradient():
    y = leaf([1.0, 2.0]) * 2
    with pytest.raises(RuntimeError, match="grad can be implicitly created only for scalar"):
        y.backward()
    y.backward(ember.tensor([1.0, 1.0], dtype=ember.float64))


def test_backward_on_tensor_without_grad_raises():
    with pytest.raises(RuntimeError, match="does not require grad and does not have a grad_fn"):
        ember.tensor([1.0]).sum().backward()


def test_gradient_shape_mismatch():
    y = leaf([1.0, 2.0]) * 2
    with pytest.raises(RuntimeError, match="Mismatch in shape"):
        y.backward(ember.ones(3, dtype=ember.float64))


def test_second_backward_through_freed_graph_raises():
    x = leaf([1.0, 2.0])
    y = (x.exp()).sum()
    y.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.backward()


def test_retain_graph_allows_second_backward():
    x = leaf([1.0, 2.0])
    y = (x.exp()).sum()
    y.backward(retain_graph=True)
    y.backward()
    np.testing.assert_allclose(x.grad.numpy(), 2 * np.exp([1.0, 2.0]))


def test_autograd_grad_returns_without_accumulating():
    x = leaf([1.0, 2.0])
    (g,) = ember.autograd.grad((x * x).sum(), x)
    np.testing.assert_allclose(g.numpy(), [2.0, 4.0])
    assert x.grad is None


def test_grad_of_non_leaf_input():
    x = leaf([1.0, 2.0])
    y = x * 3
    (g,) = ember.autograd.grad((y * y).sum(), y)
    np.testing.assert_allclose(g.numpy(), [6.0, 12.0])


def test_grad_unused_input():
    x, unused = leaf([1.0]), leaf([2.0])
    with pytest.raises(RuntimeError, match="appears to not have been used"):
        ember.autograd.grad((x * 2).sum(), (x, unused))
    gx, gu = ember.autograd.grad((x * 2).sum(), (x, unused), allow_unused=True)
    assert gu is None
    gx, gu = ember.autograd.grad((x * 2).sum(), (x, unused), materialize_grads=True)
    np.testing.assert_allclose(gu.numpy(), [0.0])


def test_grad_of_input_not_requiring_grad():
    x = leaf([1.0])
    with pytest.raises(RuntimeError, match="does not require grad"):
        ember.autograd.grad((x * 2).sum(), ember.tensor([1.0]))


def test_backward_inputs_restricts_accumulation():
    a, b = leaf([1.0]), leaf([2.0])
    (a * b).sum().backward(inputs=[a])
    np.testing.assert_allclose(a.grad.numpy(), [2.0])
    assert b.grad is None


def test_higher_order_gradients():
    x = leaf([0.5, 1.5])
    y = (x * x * x).sum()
    (g,) = ember.autograd.grad(y, x, create_graph=True)
    np.testing.assert_allclose(g.detach().numpy(), 3 * np.array([0.5, 1.5]) ** 2)
    (h,) = ember.autograd.grad(g.sum(), x)
    np.testing.assert_allclose(h.numpy(), 6 * np.array([0.5, 1.5]))


def test_create_graph_keeps_grad_differentiable():
    x = leaf([2.0])
    (x.exp() * x).sum().backward(create_graph=True)
    assert x.grad.requires_grad
    (h,) = ember.autograd.grad(x.grad.sum(), x)
    # d/dx (e^x + x e^x) = 2 e^x + x e^x
    np.testing.assert_allclose(h.numpy(), [(2 + 2.0) * math.exp(2.0)])


# ---- grad modes ----------------------------------------------------------------------


def test_no_grad_context_and_decorator():
    x = leaf([1.0])
    with ember.no_grad():
        assert not (x * 2).requires_grad
        assert not ember.is_grad_enabled()
    assert ember.is_grad_enabled()

    @ember.no_grad()
    def f(t):
        return t * 2

    assert not f(x).requires_grad


def test_enable_grad_inside_no_grad():
    x = leaf([1.0])
    with ember.no_grad(), ember.enable_grad():
        assert (x * 2).requires_grad


def test_set_grad_enabled_as_function_and_context():
    x = leaf([1.0])
    ember.set_grad_enabled(False)
    try:
        assert not (x * 2).requires_grad
    finally:
        ember.set_grad_enabled(True)
    with ember.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert (x * 2).requires_grad


def test_inference_mode():
    x = leaf([1.0])
    with ember.inference_mode():
        assert ember.is_inference_mode_enabled()
        assert not (x * 2).requires_grad
    assert not ember.is_inference_mode_enabled()

    @ember.inference_mode()
    def f(t):
        return t * 2

    assert not f(x).requires_grad


def test_grad_mode_is_thread_local():
    seen = []
    with ember.no_grad():
        thread = threading.Thread(target=lambda: seen.append(ember.is_grad_enabled()))
        thread.start()
        thread.join()
    assert seen == [True]


# ---- in-place and saved tensors ------------------------------------------------------


def test_inplace_on_leaf_requiring_grad_raises():
    x = leaf([1.0])
    with pytest.raises(
        RuntimeError,
        match="a leaf Variable that requires grad is being used in an in-place operation",
    ):
        x.add_(1)
    with ember.no_grad():
        x.add_(1)  # allowed without recording
    np.testing.assert_allclose(x.detach().numpy(), [2.0])


def test_modified_saved_tensor_raises_version_error():
    x = leaf([1.0, 2.0])
    y = x * 2
    z = y * y  # saves y
    y.add_(1)
    with pytest.raises(
        RuntimeError,
        match=r"modified by an inplace operation.*is at version 1; "
        r"expected version 0",
    ):
        z.sum().backward()


def test_inplace_op_gradient():
    x = leaf([1.0, 2.0])
    y = x * 1
    y.mul_(y.detach() + 1)  # y * (y + 1) with the factor constant
    y.exp_()
    y.sum().backward()
    factor = np.array([2.0, 3.0])
    np.testing.assert_allclose(x.grad.numpy(), np.exp(np.array([1.0, 2.0]) * factor) * factor)


def test_detach_shares_storage_and_leaves_graph():
    x = leaf([1.0, 2.0])
    y = (x * 2).detach()
    assert not y.requires_grad and y.is_leaf
    z = x * 2
    z.detach_()
    assert z.grad_fn is None and not z.requires_grad


# ---- hooks ---------------------------------------------------------------------------


def test_tensor_hook_replaces_gradient_and_can_be_removed():
    x = leaf([1.0, 2.0])
    y = x * 2
    handle = y.register_hook(lambda g: g * 10)
    y.sum().backward(retain_graph=True)
    np.testing.assert_allclose(x.grad.numpy(), [20.0, 20.0])
    handle.remove()
    x.grad = None
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [2.0, 2.0])


def test_leaf_hook_and_post_accumulate_hook():
    x = leaf([1.0])
    seen = []
    x.register_hook(lambda g: seen.append(("hook", g.item())))
    x.register_post_accumulate_grad_hook(lambda t: seen.append(("post", t.grad.item())))
    (x * 3).sum().backward()
    assert seen == [("hook", 3.0), ("post", 3.0)]


def test_post_accumulate_hook_rejected_on_non_leaf():
    y = leaf([1.0]) * 2
    with pytest.raises(RuntimeError, match="non-leaf"):
        y.register_post_accumulate_grad_hook(lambda t: None)


def test_hook_on_tensor_without_grad_raises():
    with pytest.raises(RuntimeError, match="doesn't require gradient"):
        ember.tensor([1.0]).register_hook(lambda g: g)


def test_retain_grad():
    x = leaf([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    assert y.retains_grad
    (y * y).sum().backward()
    np.testing.assert_allclose(y.grad.numpy(), [4.0, 8.0])


def test_node_pre_and_post_hooks():
    x = leaf([1.0])
    y = x * 2
    calls = []
    y.grad_fn.register_prehook(lambda grad_outputs: calls.append("pre"))
    y.grad_fn.register_hook(lambda grad_inputs, grad_outputs: calls.append("post"))
    y.sum().backward()
    assert calls == ["pre", "post"]


# ---- custom Functions ----------------------------------------------------------------


class Cube(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x * x


class ScaleSetup(Function):
    @staticmethod
    def forward(x, factor):
        return x * factor

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.factor = inputs[1]

    @staticmethod
    def backward(ctx, grad):
        return grad * ctx.factor, None


def test_custom_function():
    x = leaf([1.0, 2.0])
    y = Cube.apply(x)
    assert y.grad_fn.name() == "CubeBackward"
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [3.0, 12.0])


def test_custom_function_setup_context_and_needs_input_grad():
    x = leaf([1.0])
    ScaleSetup.apply(x, 5.0).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [5.0])


def test_custom_function_twice_differentiable():
    x = leaf([2.0])
    (g,) = ember.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    (h,) = ember.autograd.grad(g.sum(), x)
    np.testing.assert_allclose(h.numpy(), [12.0])


def test_custom_function_saved_tensor_version_check():
    x = leaf([1.0])
    y = x * 1
    z = Cube.apply(y)
    y.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        z.sum().backward()


def test_graph_is_freed_no_reference_cycles():
    x = leaf([1.0, 2.0])
    y = Cube.apply(x * 2)
    y_ref = weakref.ref(y)
    y.sum().backward()
    del y
    gc.collect()
    assert y_ref() is None


def test_once_differentiable():
    class Square(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        @ember.autograd.once_differentiable
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * 2 * x

    x = leaf([3.0])
    Square.apply(x).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [6.0])
    # Differentiating the backward needs a grad_output that requires grad (as in torch).
    y = Square.apply(x)
    seed = ember.ones_like(y).requires_grad_()
    (g,) = ember.autograd.grad(y, x, seed, create_graph=True)
    with pytest.raises(RuntimeError, match="differentiate twice"):
        g.sum().backward()


# ---- anomaly mode --------------------------------------------------------------------


class NanGrad(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 1

    @staticmethod
    def backward(ctx, grad):
        return grad * float("nan")


def test_anomaly_mode_names_the_node_and_its_forward_trace():
    x = leaf([1.0])
    with pytest.warns(UserWarning, match="Anomaly Detection"), ember.autograd.detect_anomaly():
        y = NanGrad.apply(x)
        with pytest.raises(
            RuntimeError,
            match=r"Function 'NanGradBackward' returned nan values "
            r"in its 0th output(.|\n)*test_autograd.py",
        ):
            y.sum().backward()
    assert not ember.autograd.is_anomaly_enabled()


def test_without_anomaly_mode_nan_passes():
    x = leaf([1.0])
    NanGrad.apply(x).sum().backward()
    assert math.isnan(x.grad.item())


def test_new_results_start_at_version_zero():
    x = ember.ones(3)
    y = x + 1
    assert y._version == 0
    y.add_(1)
    assert y._version == 1


def test_numpy_of_tensor_requiring_grad():
    x = leaf([1.0])
    with pytest.raises(RuntimeError, match=r"Use tensor.detach\(\).numpy\(\)"):
        x.numpy()
    np.testing.assert_allclose(x.numpy(force=True), [1.0])
