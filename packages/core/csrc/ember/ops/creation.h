// Tensors made from nothing but arguments: zeros, ones, full, arange, linspace,
// logspace, eye, and the *_like variants.
#pragma once

#include <optional>

#include "ember/core/empty.h"
#include "ember/core/scalar.h"
#include "ember/core/tensor.h"

namespace ember {

EMBER_API Tensor full(const Shape& size, const Scalar& value, ScalarType dtype,
                      Device device = Device());
EMBER_API Tensor zeros(const Shape& size, ScalarType dtype, Device device = Device());
EMBER_API Tensor ones(const Shape& size, ScalarType dtype, Device device = Device());

// torch.arange's dtype rule: int64 when start, end and step are all integers, else the
// default dtype (when `dtype` is Undefined).
EMBER_API Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step,
                        ScalarType dtype = ScalarType::Undefined, Device device = Device());
EMBER_API Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps,
                          ScalarType dtype = ScalarType::Undefined, Device device = Device());
EMBER_API Tensor logspace(const Scalar& start, const Scalar& end, int64_t steps, double base,
                          ScalarType dtype = ScalarType::Undefined, Device device = Device());
EMBER_API Tensor eye(int64_t n, int64_t m, ScalarType dtype, Device device = Device());

}  // namespace ember
