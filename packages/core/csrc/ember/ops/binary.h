// Elementwise ops of two tensors (or a tensor and a Python number), with broadcasting
// and torch's type promotion. Like unary.h, each op is one table line that generates
// its functions and dispatch stub; backends/cpu/kernels/binary.cpp holds the functors.
#pragma once

#include <optional>
#include <string>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

// Arithmetic in the promoted dtype.
#define EMBER_BINARY_ARITH_OPS(_) \
  _(mul) _(remainder) _(fmod) _(floor_divide) _(pow) _(maximum) _(minimum) _(fmax) _(fmin)
// div's rounding modes: C++ only (Python reaches them through div(rounding_mode=)).
#define EMBER_BINARY_ROUNDING_DIV_OPS(_) _(div_trunc) _(div_floor)
// Integer inputs compute in the default float dtype.
#define EMBER_BINARY_FLOAT_OPS(_) _(div) _(atan2) _(hypot) _(logaddexp) _(logaddexp2) _(copysign)
// Compare in the promoted dtype; the result is bool.
#define EMBER_BINARY_COMPARE_OPS(_) _(eq) _(ne) _(lt) _(le) _(gt) _(ge)
// Truth of each input; the result is bool.
#define EMBER_BINARY_LOGICAL_OPS(_) _(logical_and) _(logical_or) _(logical_xor)
// Integers and bool only.
#define EMBER_BINARY_BITWISE_OPS(_) \
  _(bitwise_and) _(bitwise_or) _(bitwise_xor) _(bitwise_left_shift) _(bitwise_right_shift)

// The ops with Python bindings.
#define EMBER_BINARY_PUBLIC_OPS(_) \
  EMBER_BINARY_ARITH_OPS(_) EMBER_BINARY_FLOAT_OPS(_) EMBER_BINARY_COMPARE_OPS(_) \
  EMBER_BINARY_LOGICAL_OPS(_) EMBER_BINARY_BITWISE_OPS(_)
#define EMBER_BINARY_OPS(_) EMBER_BINARY_PUBLIC_OPS(_) EMBER_BINARY_ROUNDING_DIV_OPS(_)

namespace ember {

using binary_fn = void (*)(TensorIterator&);
using binary_alpha_fn = void (*)(TensorIterator&, const Scalar&);

#define EMBER_DECLARE_BINARY(name)                                                  \
  EMBER_API Tensor name(const Tensor& a, const Tensor& b);                          \
  EMBER_API Tensor name(const Tensor& a, const Scalar& b);                          \
  EMBER_API Tensor name(const Scalar& a, const Tensor& b);                          \
  EMBER_API const Tensor& name##_inplace(const Tensor& a, const Tensor& b);         \
  EMBER_API const Tensor& name##_inplace(const Tensor& a, const Scalar& b);         \
  EMBER_API const Tensor& name##_out(const Tensor& out, const Tensor& a, const Tensor& b); \
  EMBER_DECLARE_STUB(binary_fn, name##_stub);
EMBER_BINARY_OPS(EMBER_DECLARE_BINARY)
#undef EMBER_DECLARE_BINARY

// add and sub: a + alpha * b.
EMBER_API Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
EMBER_API Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
EMBER_API const Tensor& add_inplace(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
EMBER_API const Tensor& add_inplace(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
EMBER_API const Tensor& add_out(const Tensor& out, const Tensor& a, const Tensor& b,
                                const Scalar& alpha = 1);
EMBER_API Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
EMBER_API Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
EMBER_API Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha = 1);
EMBER_API const Tensor& sub_inplace(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
EMBER_API const Tensor& sub_inplace(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
EMBER_API const Tensor& sub_out(const Tensor& out, const Tensor& a, const Tensor& b,
                                const Scalar& alpha = 1);
EMBER_DECLARE_STUB(binary_alpha_fn, add_stub);

// torch.div's rounding_mode: none (true division), "trunc" or "floor".
EMBER_API Tensor div_mode(const Tensor& a, const Tensor& b,
                          const std::optional<std::string>& rounding_mode);

// A 0-d tensor for a Python number, marked as a wrapped number (weak dtype).
EMBER_API Tensor scalar_to_tensor(const Scalar& s, ScalarType dtype, Device device = Device());

}  // namespace ember
