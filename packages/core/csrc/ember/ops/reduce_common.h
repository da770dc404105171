// Small rules the reduction front ends share (internal to ops/).
#pragma once

#include "ember/core/errors.h"
#include "ember/core/tensor.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce_iterator.h"

namespace ember::reduce_detail {

inline bool is_int_or_bool(ScalarType t) { return is_integral(t, /*include_bool=*/true); }

// Hands the computed `result` to the caller: into `out` (cast to its dtype) when one was
// given and the kernel could not write it directly.
inline Tensor deliver(const char* op, const Tensor& out, const Tensor& result) {
  if (!out.defined()) return result;
  if (!out.is_same(result)) {
    prepare_output(op, out, result.sizes(), out.dtype(), result.device());
    copy_(out, result);
  }
  out.bump_version();
  return out;
}

// The out tensor a kernel may write directly (same dtype), else undefined (a temporary
// is computed and then cast into `out` by deliver()).
inline Tensor direct_out(const Tensor& out, ScalarType dtype) {
  return out.defined() && out.dtype() == dtype ? out : Tensor();
}

inline bool all_dims(const DimList& dim) { return !dim || dim->empty(); }

}  // namespace ember::reduce_detail
