// A tensor a backward formula needs, saved at forward time with the version it had.
// Unpacking checks the version (an in-place write in between raises torch's error) and
// that the graph was not freed. An op's own output is saved without its grad_fn (that
// would be a reference cycle output -> node -> output) and gets it back on unpack.
#pragma once

#include <memory>

#include "ember/autograd/node.h"

namespace ember::autograd {

class EMBER_API SavedVariable {
 public:
  SavedVariable() = default;
  SavedVariable(const Tensor& t, bool is_output);

  // `owner`: the node unpacking (needed for saved outputs).
  Tensor unpack(const std::shared_ptr<Node>& owner) const;
  void reset();
  bool defined() const { return was_defined_; }

 private:
  Tensor data_;
  uint32_t saved_version_ = 0;
  uint32_t output_nr_ = 0;
  bool was_defined_ = false;
  bool is_output_ = false;
  bool requires_grad_ = false;
  bool released_ = false;
};

}  // namespace ember::autograd
