// The node at the end of every path into a leaf: adds the arriving gradient into the
// leaf's .grad, then runs its post-accumulate-grad hooks.
#pragma once

#include <string>

#include "ember/autograd/node.h"

namespace ember::autograd {

class EMBER_API AccumulateGrad final : public Node {
 public:
  explicit AccumulateGrad(Tensor variable);
  variable_list apply(variable_list&& grads) override;
  std::string name() const override { return "AccumulateGrad"; }
  Tensor call_tensor_hooks(uint32_t input_nr, Tensor grad) override;
  const Tensor& variable() const { return variable_; }

 private:
  Tensor variable_;
};

}  // namespace ember::autograd
