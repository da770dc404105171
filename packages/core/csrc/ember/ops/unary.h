// Elementwise ops of one tensor. Each op is one line of a table below; the table
// generates its public functions (op, op_, op_out), its dispatch stub, and its CPU
// kernel registration (backends/cpu/kernels/unary.cpp pairs it with a functor).
#pragma once

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

// Integer and bool inputs compute in the default float dtype (torch.exp(int) is float).
#define EMBER_UNARY_FLOAT_OPS(_)                                                         \
  _(exp) _(exp2) _(expm1) _(log) _(log2) _(log10) _(log1p) _(sqrt) _(rsqrt) _(sin) _(cos) \
  _(tan) _(asin) _(acos) _(atan) _(sinh) _(cosh) _(tanh) _(asinh) _(acosh) _(atanh)        \
  _(sigmoid) _(erf) _(erfc) _(erfinv) _(reciprocal) _(silu) _(mish)

// The result keeps the input's dtype (bool excluded where torch excludes it).
#define EMBER_UNARY_SAME_OPS(_) \
  _(neg) _(abs) _(sign) _(floor) _(ceil) _(trunc) _(frac) _(relu) _(bitwise_not)

// The result is bool.
#define EMBER_UNARY_PREDICATE_OPS(_) _(isnan) _(isinf) _(isfinite) _(isposinf) _(isneginf) \
  _(signbit) _(logical_not)

namespace ember {

using unary_fn = void (*)(TensorIterator&);

#define EMBER_DECLARE_UNARY(name)                                   \
  EMBER_API Tensor name(const Tensor& x);                           \
  EMBER_API const Tensor& name##_inplace(const Tensor& x);          \
  EMBER_API const Tensor& name##_out(const Tensor& out, const Tensor& x); \
  EMBER_DECLARE_STUB(unary_fn, name##_stub);
EMBER_UNARY_FLOAT_OPS(EMBER_DECLARE_UNARY)
EMBER_UNARY_SAME_OPS(EMBER_DECLARE_UNARY)
EMBER_UNARY_PREDICATE_OPS(EMBER_DECLARE_UNARY)
#undef EMBER_DECLARE_UNARY

EMBER_API Tensor positive(const Tensor& x);

}  // namespace ember
