// Views: new metadata over the same storage, no data moved, on every device alike.
// They share the base's version counter, so in-place writes through any of them count.
#pragma once

#include <optional>
#include <vector>

#include "ember/core/tensor.h"

namespace ember {

EMBER_API Tensor view(const Tensor& t, const Shape& size);  // one -1 allowed
EMBER_API Tensor reshape(const Tensor& t, const Shape& size);  // a view when possible
EMBER_API Tensor as_strided(const Tensor& t, const Shape& size, const Shape& stride,
                            std::optional<int64_t> storage_offset = std::nullopt);
EMBER_API Tensor alias(const Tensor& t);
EMBER_API Tensor flatten(const Tensor& t, int64_t start_dim = 0, int64_t end_dim = -1);
EMBER_API Tensor unflatten(const Tensor& t, int64_t dim, const Shape& sizes);
EMBER_API Tensor squeeze(const Tensor& t);
EMBER_API Tensor squeeze(const Tensor& t, const Shape& dims);
EMBER_API Tensor unsqueeze(const Tensor& t, int64_t dim);
EMBER_API Tensor transpose(const Tensor& t, int64_t dim0, int64_t dim1);
EMBER_API Tensor permute(const Tensor& t, const Shape& dims);
EMBER_API Tensor t(const Tensor& t);             // 0-, 1- or 2-d only
EMBER_API Tensor matrix_transpose(const Tensor& t);  // mT: last two dims
EMBER_API Tensor expand(const Tensor& t, const Shape& size);  // -1 keeps a size
EMBER_API Tensor narrow(const Tensor& t, int64_t dim, int64_t start, int64_t length);
EMBER_API Tensor select(const Tensor& t, int64_t dim, int64_t index);
// Python slicing along one dim: start/end clamped as Python does, step > 0.
EMBER_API Tensor slice(const Tensor& t, int64_t dim, std::optional<int64_t> start,
                       std::optional<int64_t> end, int64_t step);
EMBER_API std::vector<Tensor> unbind(const Tensor& t, int64_t dim = 0);
EMBER_API std::vector<Tensor> split(const Tensor& t, int64_t split_size, int64_t dim = 0);
EMBER_API std::vector<Tensor> split_with_sizes(const Tensor& t, const Shape& sizes,
                                               int64_t dim = 0);
EMBER_API std::vector<Tensor> chunk(const Tensor& t, int64_t chunks, int64_t dim = 0);
EMBER_API std::vector<Tensor> tensor_split(const Tensor& t, int64_t sections, int64_t dim = 0);
EMBER_API std::vector<Tensor> tensor_split_indices(const Tensor& t, const Shape& indices,
                                                   int64_t dim = 0);
EMBER_API Tensor diagonal(const Tensor& t, int64_t offset = 0, int64_t dim1 = 0,
                          int64_t dim2 = 1);
EMBER_API Tensor movedim(const Tensor& t, const Shape& source, const Shape& destination);
// Tensor.unfold: windows of `size` every `step` along `dim`, as a new last dim.
EMBER_API Tensor unfold(const Tensor& t, int64_t dim, int64_t size, int64_t step);
// The strides `t` would have viewed as `size`, if that is possible without a copy.
EMBER_API std::optional<Shape> compute_view_strides(const Shape& old_size,
                                                    const Shape& old_stride,
                                                    const Shape& new_size);
// Resolves one -1 in `size` against numel; errors name the op.
EMBER_API Shape infer_size(const Shape& size, int64_t numel, const char* op);

}  // namespace ember
