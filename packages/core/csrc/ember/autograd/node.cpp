#include "ember/autograd/node.h"

#include <atomic>

#include "ember/ops/binary.h"
#include "ember/ops/copy.h"

namespace ember::autograd {
namespace {
thread_local uint64_t next_sequence_nr = 0;
thread_local bool anomaly_enabled = false;
thread_local bool anomaly_check_nan = true;
std::function<std::string()>& trace_provider() {
  static std::function<std::string()> provider;
  return provider;
}
}  // namespace

Node::Node() : sequence_nr_(next_sequence_nr++) {
  if (anomaly_enabled) forward_trace_ = capture_forward_trace();
}
Node::~Node() = default;

uint32_t Node::add_input_metadata(const Tensor& t) {
  input_metadata_.push_back({t.sizes(), t.dtype(), t.device()});
  return static_cast<uint32_t>(input_metadata_.size() - 1);
}

void Node::add_tensor_hook(uint32_t input_nr, TensorHook hook) {
  tensor_hooks_.emplace_back(input_nr, std::move(hook));
}

void Node::add_retained_grad(uint32_t input_nr, std::shared_ptr<Tensor> slot) {
  for (const auto& entry : retained_grads_) {
    if (entry.first == input_nr && entry.second == slot) return;
  }
  retained_grads_.emplace_back(input_nr, std::move(slot));
}

Tensor Node::call_tensor_hooks(uint32_t input_nr, Tensor grad) {
  for (const auto& [nr, hook] : tensor_hooks_) {
    if (nr != input_nr || !grad.defined()) continue;
    Tensor replaced = hook(grad);
    if (replaced.defined()) grad = std::move(replaced);
  }
  return grad;
}

void Node::store_retained_grads(const variable_list& grads) const {
  for (const auto& [nr, slot] : retained_grads_) {
    if (nr >= grads.size() || !grads[nr].defined()) continue;
    // Accumulates across backward calls, as a leaf's .grad does; the first one is copied
    // so later in-place accumulation elsewhere cannot change it.
    *slot = slot->defined() ? add(*slot, grads[nr]) : clone(grads[nr]);
  }
}

bool is_anomaly_enabled() { return anomaly_enabled; }
bool is_anomaly_check_nan() { return anomaly_check_nan; }
void set_anomaly_enabled(bool enabled, bool check_nan) {
  anomaly_enabled = enabled;
  anomaly_check_nan = check_nan;
}
void set_trace_provider(std::function<std::string()> provider) {
  trace_provider() = std::move(provider);
}
std::string capture_forward_trace() {
  const auto& provider = trace_provider();
  return provider ? provider() : std::string();
}

}  // namespace ember::autograd
