// Closeness and equality of whole tensors: isclose (elementwise), allclose, equal.
#pragma once

#include "ember/core/tensor.h"

namespace ember {

// |a - b| <= atol + rtol * |b|, elementwise (broadcasting), with equal infinities close
// and NaNs close to each other only when equal_nan. a and b must have one dtype.
EMBER_API Tensor isclose(const Tensor& a, const Tensor& b, double rtol = 1e-5,
                         double atol = 1e-8, bool equal_nan = false);
EMBER_API bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8,
                        bool equal_nan = false);
// Same shape and equal elements (compared after type promotion, NaN unequal).
EMBER_API bool equal(const Tensor& a, const Tensor& b);

}  // namespace ember
