// Elementwise ops of three operands (or two with parameters): where, clamp/clip and
// clamp_min/clamp_max, lerp, addcmul, addcdiv. Broadcasting and torch's type promotion
// (Python numbers are weak) come from TensorIterator; kernels live in
// backends/cpu/kernels/ternary.cpp.
#pragma once

#include <optional>
#include <vector>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// condition ? input : other, elementwise, in result_type(input, other).
EMBER_API Tensor where(const Tensor& condition, const Tensor& input, const Tensor& other);
EMBER_API Tensor where(const Tensor& condition, const Scalar& input, const Tensor& other);
EMBER_API Tensor where(const Tensor& condition, const Tensor& input, const Scalar& other);
EMBER_API Tensor where(const Tensor& condition, const Scalar& input, const Scalar& other);

// min/max: either may be absent, not both. Numbers promote weakly, tensors fully.
EMBER_API Tensor clamp(const Tensor& self, const std::optional<Scalar>& min,
                       const std::optional<Scalar>& max);
EMBER_API Tensor clamp(const Tensor& self, const std::optional<Tensor>& min,
                       const std::optional<Tensor>& max);
EMBER_API const Tensor& clamp_(const Tensor& self, const std::optional<Scalar>& min,
                               const std::optional<Scalar>& max);
EMBER_API const Tensor& clamp_(const Tensor& self, const std::optional<Tensor>& min,
                               const std::optional<Tensor>& max);
EMBER_API const Tensor& clamp_out(const Tensor& out, const Tensor& self,
                                  const std::optional<Scalar>& min,
                                  const std::optional<Scalar>& max);
EMBER_API const Tensor& clamp_out(const Tensor& out, const Tensor& self,
                                  const std::optional<Tensor>& min,
                                  const std::optional<Tensor>& max);

// start + weight * (end - start); start and end share a floating or complex dtype.
EMBER_API Tensor lerp(const Tensor& start, const Tensor& end, const Scalar& weight);
EMBER_API Tensor lerp(const Tensor& start, const Tensor& end, const Tensor& weight);
EMBER_API const Tensor& lerp_(const Tensor& self, const Tensor& end, const Scalar& weight);
EMBER_API const Tensor& lerp_(const Tensor& self, const Tensor& end, const Tensor& weight);
EMBER_API const Tensor& lerp_out(const Tensor& out, const Tensor& start, const Tensor& end,
                                 const Scalar& weight);
EMBER_API const Tensor& lerp_out(const Tensor& out, const Tensor& start, const Tensor& end,
                                 const Tensor& weight);

// self + value * tensor1 * tensor2 and self + value * tensor1 / tensor2.
EMBER_API Tensor addcmul(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2,
                         const Scalar& value = 1);
EMBER_API const Tensor& addcmul_(const Tensor& self, const Tensor& tensor1,
                                 const Tensor& tensor2, const Scalar& value = 1);
EMBER_API const Tensor& addcmul_out(const Tensor& out, const Tensor& self, const Tensor& tensor1,
                                    const Tensor& tensor2, const Scalar& value = 1);
EMBER_API Tensor addcdiv(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2,
                         const Scalar& value = 1);
EMBER_API const Tensor& addcdiv_(const Tensor& self, const Tensor& tensor1,
                                 const Tensor& tensor2, const Scalar& value = 1);
EMBER_API const Tensor& addcdiv_out(const Tensor& out, const Tensor& self, const Tensor& tensor1,
                                    const Tensor& tensor2, const Scalar& value = 1);

// Operands: out, condition (bool), input, other (out's dtype).
using where_fn = void (*)(TensorIterator& iter);
// Operands: out, self, then the bounds present (all in the common dtype).
using clamp_fn = void (*)(TensorIterator& iter);
// Operands: out, self; the bounds are numbers (one may be absent), so the loop is unary.
using clamp_scalar_fn = void (*)(TensorIterator& iter, const std::optional<Scalar>& min,
                                 const std::optional<Scalar>& max);
// Operands: out, start, end[, weight].
using lerp_scalar_fn = void (*)(TensorIterator& iter, const Scalar& weight);
using lerp_tensor_fn = void (*)(TensorIterator& iter);
// Operands: out, self, tensor1, tensor2.
using addc_fn = void (*)(TensorIterator& iter, const Scalar& value);
EMBER_DECLARE_STUB(where_fn, where_stub);
EMBER_DECLARE_STUB(clamp_fn, clamp_stub);
EMBER_DECLARE_STUB(clamp_fn, clamp_min_stub);
EMBER_DECLARE_STUB(clamp_fn, clamp_max_stub);
EMBER_DECLARE_STUB(clamp_scalar_fn, clamp_scalar_stub);
EMBER_DECLARE_STUB(lerp_scalar_fn, lerp_scalar_stub);
EMBER_DECLARE_STUB(lerp_tensor_fn, lerp_tensor_stub);
EMBER_DECLARE_STUB(addc_fn, addcmul_stub);
EMBER_DECLARE_STUB(addc_fn, addcdiv_stub);

}  // namespace ember
