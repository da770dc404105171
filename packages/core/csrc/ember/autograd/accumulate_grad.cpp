#include "ember/autograd/accumulate_grad.h"

#include "ember/autograd/autograd_meta.h"
#include "ember/autograd/grad_mode.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"

namespace ember::autograd {

AccumulateGrad::AccumulateGrad(Tensor variable) : variable_(std::move(variable)) {
  add_input_metadata(variable_);
}

Tensor AccumulateGrad::call_tensor_hooks(uint32_t input_nr, Tensor grad) {
  (void)input_nr;
  AutogradMeta* meta = meta_of(variable_);
  if (meta == nullptr) return grad;
  for (const auto& hook : meta->leaf_hooks) {
    if (!grad.defined()) break;
    Tensor replaced = hook(grad);
    if (replaced.defined()) grad = std::move(replaced);
  }
  return grad;
}

namespace {

// The engine's gradient may become .grad itself when nothing else refers to it and it is
// laid out like the variable (torch's "gradient layout contract"); otherwise a copy.
bool can_steal(const Tensor& g, const Tensor& variable) {
  return g.impl()->use_count() == 1 && g.storage()->use_count() == 1 && g.is_contiguous() &&
         variable.is_contiguous() && !requires_grad(g);
}

}  // namespace

variable_list AccumulateGrad::apply(variable_list&& grads) {
  Tensor g = std::move(grads[0]);
  grads.clear();
  if (!g.defined()) return {};
  AutogradMeta& meta = materialize_meta(variable_);
  Tensor& slot = *meta.grad;
  if (is_grad_enabled()) {  // create_graph: .grad keeps its own graph
    slot = slot.defined() ? add(slot, g) : g;
  } else if (!slot.defined()) {
    if (can_steal(g, variable_)) {
      slot = std::move(g);
    } else {  // grad mode is off here, so neither copy records anything
      Tensor dense = contiguous(g);
      slot = dense.is_same(g) ? clone(g) : std::move(dense);
    }
  } else {
    add_inplace(slot, g);
  }
  for (const auto& hook : meta.post_accumulate_hooks) hook(variable_);
  return {};
}

}  // namespace ember::autograd
