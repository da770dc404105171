#include "ember/autograd/autograd_meta.h"

#include "ember/autograd/accumulate_grad.h"
#include "ember/autograd/grad_mode.h"
#include "ember/core/errors.h"

namespace ember::autograd {

AutogradMeta& materialize_meta(const Tensor& t) {
  AutogradMeta* m = meta_of(t);
  if (m != nullptr) return *m;
  auto owned = std::make_unique<AutogradMeta>();
  m = owned.get();
  t.impl()->set_autograd_meta(std::move(owned));
  return *m;
}

void set_requires_grad(const Tensor& t, bool value) {
  if (!is_leaf(t)) {
    EMBER_CHECK(value, "[requires_grad_] you can only change requires_grad flags of leaf "
                "variables. If you want to use a computed variable in a subgraph that doesn't "
                "require differentiation use var_no_grad = var.detach().");
    return;  // a non-leaf already requires grad
  }
  if (value) {
    EMBER_CHECK(is_differentiable_dtype(t.dtype()), "[requires_grad_] only Tensors of floating "
                "point and complex dtype can require gradients (got ",
                scalar_type_name(t.dtype()), ")");
  } else if (meta_of(t) == nullptr) {
    return;
  }
  materialize_meta(t).requires_grad = value;
}

Tensor grad(const Tensor& t) {
  const AutogradMeta* m = meta_of(t);
  return m != nullptr ? *m->grad : Tensor();
}

void set_grad(const Tensor& t, const Tensor& g) {
  if (g.defined()) {
    EMBER_CHECK(g.dtype() == t.dtype(), "[grad] assigned grad has data of a different type (",
                scalar_type_name(g.dtype()), " vs ", scalar_type_name(t.dtype()), ")");
    EMBER_CHECK(g.device() == t.device(), "[grad] assigned grad has data located on a "
                "different device (", g.device().str(), " vs ", t.device().str(), ")");
    EMBER_CHECK(g.sizes() == t.sizes(), "[grad] assigned grad has data of a different size (",
                shape_str(g.sizes()), " vs ", shape_str(t.sizes()), ")");
  } else if (meta_of(t) == nullptr) {
    return;
  }
  *materialize_meta(t).grad = g;
}

std::shared_ptr<Node> grad_accumulator(const Tensor& t) {
  AutogradMeta& m = materialize_meta(t);
  if (auto existing = m.grad_accumulator.lock()) return existing;
  auto created = std::make_shared<AccumulateGrad>(t);
  m.grad_accumulator = created;
  return created;
}

Edge gradient_edge(const Tensor& t) {
  const AutogradMeta* m = meta_of(t);
  if (m == nullptr) return {};
  if (m->grad_fn) return {m->grad_fn, m->output_nr};
  if (m->requires_grad) return {grad_accumulator(t), 0};
  return {};
}

void set_history(const Tensor& output, const std::shared_ptr<Node>& fn) {
  if (!output.defined() || !is_differentiable_dtype(output.dtype())) return;
  AutogradMeta& m = materialize_meta(output);
  m.grad_fn = fn;
  m.output_nr = fn->add_input_metadata(output);
  m.requires_grad = false;
}

void rebase_history(const Tensor& t, const std::shared_ptr<Node>& fn) {
  AutogradMeta& m = materialize_meta(t);
  m.grad_fn = fn;
  m.output_nr = fn->add_input_metadata(t);
  m.grad_accumulator.reset();
  if (m.retains_grad) fn->add_retained_grad(m.output_nr, m.grad);
}

void check_inplace(const Tensor& t, const char* op) {
  if (!is_grad_enabled()) return;
  const AutogradMeta* m = meta_of(t);
  if (m == nullptr) return;
  if (m->is_view && requires_grad(m->view_base)) {
    EMBER_CHECK(!is_leaf(m->view_base), "[", op, "] a view of a leaf Variable that requires "
                "grad is being used in an in-place operation.");
    EMBER_NOT_IMPLEMENTED("[", op, "] in-place modification of a view of a tensor that "
                          "requires grad is not supported yet; clone() the view first");
  }
  EMBER_CHECK(!(m->requires_grad && m->grad_fn == nullptr), "[", op, "] a leaf Variable that "
              "requires grad is being used in an in-place operation.");
}

void retain_grad(const Tensor& t) {
  EMBER_CHECK(requires_grad(t), "[retain_grad] can't retain_grad on Tensor that has "
              "requires_grad=False");
  AutogradMeta& m = materialize_meta(t);
  if (m.grad_fn == nullptr || m.retains_grad) return;  // leaves keep .grad anyway
  m.retains_grad = true;
  m.grad_fn->add_retained_grad(m.output_nr, m.grad);
}

void register_hook(const Tensor& t, Node::TensorHook hook) {
  EMBER_CHECK(requires_grad(t), "[register_hook] cannot register a hook on a tensor that "
              "doesn't require gradient");
  AutogradMeta& m = materialize_meta(t);
  if (m.grad_fn) {
    m.grad_fn->add_tensor_hook(m.output_nr, std::move(hook));
  } else {
    m.leaf_hooks.push_back(std::move(hook));
  }
}

void register_post_accumulate_grad_hook(const Tensor& t, PostAccumulateGradHook hook) {
  EMBER_CHECK(requires_grad(t), "[register_post_accumulate_grad_hook] cannot register a hook "
              "on a tensor that doesn't require gradient");
  EMBER_CHECK(is_leaf(t), "[register_post_accumulate_grad_hook] post accumulate grad hooks "
              "cannot be registered on non-leaf tensors");
  materialize_meta(t).post_accumulate_hooks.push_back(std::move(hook));
}

Tensor detach(const Tensor& t) {
  auto impl = intrusive_ptr<TensorImpl>::make(t.storage(), t.dtype(), t.sizes(), t.strides(),
                                              t.storage_offset());
  impl->share_version_counter(*t.impl());
  return Tensor(std::move(impl));
}

void detach_(const Tensor& t) {
  AutogradMeta* m = meta_of(t);
  if (m == nullptr) return;
  EMBER_CHECK(!m->is_view, "[detach_] Can't detach views in-place. Use detach() instead.");
  m->grad_fn = nullptr;
  m->output_nr = 0;
  m->requires_grad = false;
  m->grad_accumulator.reset();
}

}  // namespace ember::autograd
