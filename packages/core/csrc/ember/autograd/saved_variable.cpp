#include "ember/autograd/saved_variable.h"

#include "ember/autograd/autograd_meta.h"
#include "ember/core/errors.h"

namespace ember::autograd {

SavedVariable::SavedVariable(const Tensor& t, bool is_output) {
  if (!t.defined()) return;
  was_defined_ = true;
  is_output_ = is_output;
  saved_version_ = t.version();
  requires_grad_ = requires_grad(t);
  if (is_output && requires_grad_) {
    data_ = detach(t);
    output_nr_ = meta_of(t)->output_nr;
  } else {
    data_ = t;
  }
}

void SavedVariable::reset() {
  data_ = Tensor();
  released_ = was_defined_;
}

Tensor SavedVariable::unpack(const std::shared_ptr<Node>& owner) const {
  if (!was_defined_) return Tensor();
  EMBER_CHECK(!released_, "Trying to backward through the graph a second time (or directly "
              "access saved tensors after they have already been freed). Saved intermediate "
              "values of the graph are freed when you call .backward() or autograd.grad(). "
              "Specify retain_graph=True if you need to backward through the graph a second "
              "time or if you need to access saved tensors after calling backward.");
  const uint32_t current = data_.version();
  if (current != saved_version_) {
    std::string producer;
    if (is_output_ && owner) {
      producer = detail::concat(", which is output ", output_nr_, " of ", owner->name());
    } else if (const auto& fn = grad_fn(data_)) {
      producer = detail::concat(", which is output ", meta_of(data_)->output_nr, " of ",
                                fn->name());
    }
    EMBER_CHECK(false, "one of the variables needed for gradient computation has been "
                "modified by an inplace operation: [", scalar_type_name(data_.dtype()), " ",
                shape_str(data_.sizes()), "]", producer, ", is at version ", current,
                "; expected version ", saved_version_, " instead. Hint: enable anomaly "
                "detection to find the operation that failed to compute its gradient, with "
                "ember.autograd.set_detect_anomaly(True).");
  }
  if (!is_output_ || !requires_grad_) return data_;
  // A fresh alias whose grad_fn is the unpacking node, so a backward formula that uses
  // the output is differentiable again (create_graph).
  Tensor out = detach(data_);
  AutogradMeta& m = materialize_meta(out);
  m.grad_fn = owner;
  m.output_nr = output_nr_;
  return out;
}

}  // namespace ember::autograd
