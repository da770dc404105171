// Elementwise ops of one tensor with parameters, and the remaining small pointwise ops:
// square, round(decimals), logit(eps), gelu(approximate), softplus(beta, threshold),
// nan_to_num(nan, posinf, neginf), xlogy. The nn-style activations are plain ops here;
// ember.nn.functional wraps them. Kernels: backends/cpu/kernels/pointwise_params.cpp.
#pragma once

#include <optional>
#include <string>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// x * x; bool becomes int64 (as torch).
EMBER_API Tensor square(const Tensor& self);
EMBER_API const Tensor& square_(const Tensor& self);
EMBER_API const Tensor& square_out(const Tensor& out, const Tensor& self);

// Round half to even, at `decimals` decimal places (negative: tens, hundreds, ...).
EMBER_API Tensor round(const Tensor& self, int64_t decimals = 0);
EMBER_API const Tensor& round_(const Tensor& self, int64_t decimals = 0);
EMBER_API const Tensor& round_out(const Tensor& out, const Tensor& self, int64_t decimals = 0);

// log(x / (1 - x)), x first clamped to [eps, 1 - eps] when eps is given.
EMBER_API Tensor logit(const Tensor& self, std::optional<double> eps = std::nullopt);
EMBER_API const Tensor& logit_(const Tensor& self, std::optional<double> eps = std::nullopt);
EMBER_API const Tensor& logit_out(const Tensor& out, const Tensor& self,
                                  std::optional<double> eps = std::nullopt);

// approximate: "none" (exact, with erf) or "tanh".
EMBER_API Tensor gelu(const Tensor& self, const std::string& approximate = "none");
EMBER_API Tensor softplus(const Tensor& self, const Scalar& beta = 1,
                          const Scalar& threshold = 20);

// nan, +inf and -inf replaced; infinities default to the dtype's largest finite values.
EMBER_API Tensor nan_to_num(const Tensor& self, std::optional<double> nan = 0.0,
                            std::optional<double> posinf = std::nullopt,
                            std::optional<double> neginf = std::nullopt);
EMBER_API const Tensor& nan_to_num_(const Tensor& self, std::optional<double> nan = 0.0,
                                    std::optional<double> posinf = std::nullopt,
                                    std::optional<double> neginf = std::nullopt);
EMBER_API const Tensor& nan_to_num_out(const Tensor& out, const Tensor& self,
                                       std::optional<double> nan = 0.0,
                                       std::optional<double> posinf = std::nullopt,
                                       std::optional<double> neginf = std::nullopt);

// x * log(y), 0 where x == 0 (unless y is nan); integers compute in the default float.
EMBER_API Tensor xlogy(const Tensor& self, const Tensor& other);
EMBER_API Tensor xlogy(const Scalar& self, const Tensor& other);
EMBER_API Tensor xlogy(const Tensor& self, const Scalar& other);
EMBER_API const Tensor& xlogy_(const Tensor& self, const Tensor& other);
EMBER_API const Tensor& xlogy_(const Tensor& self, const Scalar& other);
EMBER_API const Tensor& xlogy_out(const Tensor& out, const Tensor& self, const Tensor& other);

using round_fn = void (*)(TensorIterator& iter, int64_t decimals);
using logit_fn = void (*)(TensorIterator& iter, double eps);  // eps < 0: no clamping
using gelu_fn = void (*)(TensorIterator& iter, bool tanh_approximation);
using softplus_fn = void (*)(TensorIterator& iter, double beta, double threshold);
// The replacement values, already resolved (no defaults left).
using nan_to_num_fn = void (*)(TensorIterator& iter, double nan, double posinf, double neginf);
using xlogy_fn = void (*)(TensorIterator& iter);
EMBER_DECLARE_STUB(round_fn, round_stub);
EMBER_DECLARE_STUB(logit_fn, logit_stub);
EMBER_DECLARE_STUB(gelu_fn, gelu_stub);
EMBER_DECLARE_STUB(softplus_fn, softplus_stub);
EMBER_DECLARE_STUB(nan_to_num_fn, nan_to_num_stub);
EMBER_DECLARE_STUB(xlogy_fn, xlogy_stub);

}  // namespace ember
