// Writing one value everywhere: fill_, zero_.
#pragma once

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

EMBER_API const Tensor& fill_(const Tensor& t, const Scalar& value);
// fill_ with a 0-d tensor's value.
EMBER_API const Tensor& fill_(const Tensor& t, const Tensor& value);
EMBER_API const Tensor& zero_(const Tensor& t);

using fill_fn = void (*)(TensorIterator&, const Scalar&);
EMBER_DECLARE_STUB(fill_fn, fill_stub);

}  // namespace ember
