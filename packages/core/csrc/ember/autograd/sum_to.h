// Helpers derivative formulas share: reducing a gradient to the shape of an input that
// was broadcast, and the anomaly-mode NaN test.
#pragma once

#include "ember/core/tensor.h"

namespace ember::autograd {

// Whether `shape` broadcasts to `desired`.
EMBER_API bool is_expandable_to(const Shape& shape, const Shape& desired);
// Sums `grad` over the dims along which `shape` was broadcast to produce it.
EMBER_API Tensor sum_to(const Tensor& grad, const Shape& shape);
EMBER_API bool has_nan(const Tensor& t);

}  // namespace ember::autograd
