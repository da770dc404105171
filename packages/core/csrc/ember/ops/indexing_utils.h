// Helpers shared by the indexing, joining and reordering front ends (internal: not
// installed API). Each states one of torch's conventions once.
#pragma once

#include <string>

#include <vector>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/export.h"
#include "ember/ops/tensor_iterator.h"

namespace ember::detail {

// "[2, 4]": the way torch prints shapes inside indexing error messages.
EMBER_API std::string shape_list(const Shape& shape);

// torch's out= rule for ops that compute into a fresh tensor: `out` takes the result's
// shape when it is empty (else the shapes must agree) and receives the result cast to
// its dtype, which must not lower the category (float into int). Returns out.
EMBER_API const Tensor& write_out(const char* op, const Tensor& out, const Tensor& result);

// torch's check when a Python number meets a tensor of `dtype` (masked_fill, scatter,
// clamp, where, ...): "value cannot be converted to type int8 without overflow".
EMBER_API void check_value_fits(const char* op, const Scalar& value, ScalarType dtype);

// The number a 0-d tensor holds (torch's item()). Meta tensors have none: 0 stands in,
// as kernels are skipped there.
EMBER_API Scalar tensor_to_scalar(const Tensor& t);

// Index tensors of the gather/scatter family: int64 (int32 too where torch accepts it,
// converted), on `device`; anything else is an error naming the op.
EMBER_API Tensor index_as_long(const char* op, const Tensor& index, bool allow_int32,
                               Device device);

// Whether two tensors may share memory (same storage): a source that aliases the
// destination of an in-place scatter is copied first.
EMBER_API bool shares_storage(const Tensor& a, const Tensor& b);

// A view of `t` with `sizes` whose strides broadcast t into them (0 where t has size 1
// or lacks the dim); the caller has checked that t broadcasts.
EMBER_API Tensor broadcast_view(const Tensor& t, const Shape& sizes);

// An elementwise op computing in `common`: inputs are converted to it, out (undefined:
// allocated; in place: its shape is fixed) receives the result cast to its own dtype
// when that does not lower the category (float into int is an error, as torch).
EMBER_API TensorIterator build_pointwise(const char* op, const Tensor& out,
                               const std::vector<Tensor>& inputs, ScalarType common,
                               bool inplace);

// A Python number joining a tensor op: checked to fit the op's dtype, then a wrapped 0-d
// tensor of it (weak in promotion), on `device` when that is meta.
EMBER_API Tensor wrap_number(const char* op, const Scalar& s, ScalarType dtype, Device device);

}  // namespace ember::detail
