// Copies and conversions: copy_ (any dtype to any dtype, broadcasting the source),
// to(dtype), contiguous, clone.
#pragma once

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// Writes src (broadcast to dst's shape, cast to dst's dtype) into dst; returns dst.
EMBER_API const Tensor& copy_(const Tensor& dst, const Tensor& src);
// A new tensor with `dtype` (or `t` itself when it already has it and !copy).
EMBER_API Tensor to_dtype(const Tensor& t, ScalarType dtype, bool copy = false);
EMBER_API Tensor to_device(const Tensor& t, Device device, bool copy = false);
EMBER_API Tensor contiguous(const Tensor& t);
EMBER_API Tensor clone(const Tensor& t);

// The kernel reads the input in its dtype and writes the output in its own.
using copy_fn = void (*)(TensorIterator&);
EMBER_DECLARE_STUB(copy_fn, copy_stub);

}  // namespace ember
