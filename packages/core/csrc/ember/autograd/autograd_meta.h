// Per-tensor autograd state (TensorImpl::autograd_meta), created only for tensors that
// take part in autograd: a plain tensor pays one null pointer, and ops test that pointer
// before anything else.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "ember/autograd/node.h"

namespace ember::autograd {

using PostAccumulateGradHook = std::function<void(const Tensor&)>;

struct EMBER_API AutogradMeta final : AutogradMetaBase {
  bool requires_grad = false;  // a leaf's flag; a non-leaf requires grad by having grad_fn
  bool retains_grad = false;
  // Shared with the grad_fn that stores a retained gradient (Tensor.retain_grad()), so the
  // node never holds the tensor itself.
  std::shared_ptr<Tensor> grad = std::make_shared<Tensor>();
  std::shared_ptr<Node> grad_fn;
  uint32_t output_nr = 0;
  std::weak_ptr<Node> grad_accumulator;  // a leaf's AccumulateGrad, while a graph uses it
  std::vector<Node::TensorHook> leaf_hooks;  // Tensor.register_hook on a leaf
  std::vector<PostAccumulateGradHook> post_accumulate_hooks;
  // A differentiable view (of a tensor that required grad when the view was made).
  bool is_view = false;
  Tensor view_base;
};

// Null when the tensor never took part in autograd.
inline AutogradMeta* meta_of(const Tensor& t) {
  return t.defined() ? static_cast<AutogradMeta*>(t.impl()->autograd_meta()) : nullptr;
}
EMBER_API AutogradMeta& materialize_meta(const Tensor& t);

inline bool requires_grad(const Tensor& t) {
  const AutogradMeta* m = meta_of(t);
  return m != nullptr && (m->requires_grad || m->grad_fn != nullptr);
}
inline const std::shared_ptr<Node>& grad_fn(const Tensor& t) {
  static const std::shared_ptr<Node> none;
  const AutogradMeta* m = meta_of(t);
  return m != nullptr ? m->grad_fn : none;
}
inline bool is_leaf(const Tensor& t) { return grad_fn(t) == nullptr; }

// Tensor.requires_grad_(): leaves of a floating or complex dtype only.
EMBER_API void set_requires_grad(const Tensor& t, bool value);
EMBER_API Tensor grad(const Tensor& t);
EMBER_API void set_grad(const Tensor& t, const Tensor& grad);

// Where the gradient of `t` flows: its grad_fn (and output number), or its leaf
// accumulator; invalid when t does not require grad.
EMBER_API Edge gradient_edge(const Tensor& t);
EMBER_API std::shared_ptr<Node> grad_accumulator(const Tensor& t);

// Makes `fn` the grad_fn of a new output (its next output number). Outputs of a dtype
// that cannot carry a gradient (integer, bool) are left out, as in torch.
EMBER_API void set_history(const Tensor& output, const std::shared_ptr<Node>& fn);
// An in-place op replaced t's value: fn (whose first edge is t's old history) becomes its
// grad_fn.
EMBER_API void rebase_history(const Tensor& t, const std::shared_ptr<Node>& fn);
// Raises torch's errors for in-place writes autograd cannot allow (a leaf that requires
// grad, or a view of one) when grad mode is on.
EMBER_API void check_inplace(const Tensor& t, const char* op);

EMBER_API void retain_grad(const Tensor& t);
EMBER_API void register_hook(const Tensor& t, Node::TensorHook hook);
EMBER_API void register_post_accumulate_grad_hook(const Tensor& t, PostAccumulateGradHook hook);

// A new tensor sharing t's data and version counter, outside the graph.
EMBER_API Tensor detach(const Tensor& t);
// Cuts t out of the graph in place.
EMBER_API void detach_(const Tensor& t);

inline bool is_differentiable_dtype(ScalarType t) { return is_floating(t) || is_complex(t); }

}  // namespace ember::autograd
