// softmax and log_softmax along one dim: exp(x - max) / sum(exp(x - max)), with the max
// subtracted so large inputs do not overflow. Floating inputs; `dtype` converts first.
#pragma once

#include <optional>

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

EMBER_API Tensor softmax(const Tensor& x, int64_t dim,
                         std::optional<ScalarType> dtype = std::nullopt);
EMBER_API Tensor log_softmax(const Tensor& x, int64_t dim,
                             std::optional<ScalarType> dtype = std::nullopt);

// A contiguous input and output viewed as (outer, n, inner), the softmax dim in the middle.
struct SliceGeometry {
  Tensor input;
  Tensor output;
  int64_t outer = 1;
  int64_t n = 1;
  int64_t inner = 1;
};
inline bool wide_simd_ok(const SliceGeometry& g) { return is_wide_simd_dtype(g.input.dtype()); }

using softmax_fn = void (*)(const SliceGeometry&, bool log);
EMBER_DECLARE_STUB(softmax_fn, softmax_stub);

}  // namespace ember
