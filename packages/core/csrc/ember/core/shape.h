// Shape arithmetic shared by every op: dimension wrapping, broadcasting, strides.
#pragma once

#include <cstdint>

#include "ember/core/small_vector.h"
#include "ember/export.h"

namespace ember {

// A dimension index in [-ndim, ndim) made non-negative; IndexError otherwise. 0-d
// tensors accept dims 0 and -1, as in torch.
EMBER_API int64_t wrap_dim(int64_t dim, int64_t ndim, const char* op);
// Broadcast two shapes (NumPy rules); error names the op and both shapes.
EMBER_API Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op);
// Row-major strides for `sizes`.
EMBER_API Shape contiguous_strides(const Shape& sizes);
EMBER_API int64_t shape_numel(const Shape& sizes);
// Sizes must be non-negative; error names the op.
EMBER_API void check_sizes(const Shape& sizes, const char* op);

}  // namespace ember
