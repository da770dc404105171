#include "ember/core/empty.h"

#include <limits>

#include "ember/core/errors.h"
#include "ember/core/shape.h"

namespace ember {

int64_t storage_bytes_for(const Shape& sizes, const Shape& strides, ScalarType dtype,
                          int64_t storage_offset) {
  int64_t last = storage_offset;  // index of the farthest element
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == 0) return 0;
    last += (sizes[i] - 1) * strides[i];
  }
  const int64_t itemsize = static_cast<int64_t>(element_size(dtype));
  EMBER_CHECK(last < std::numeric_limits<int64_t>::max() / itemsize,
              "[empty] tensor is too large: ", shape_str(sizes));
  return (last + 1) * itemsize;
}

Tensor empty_strided(const Shape& sizes, const Shape& strides, ScalarType dtype, Device device) {
  check_sizes(sizes, "empty_strided");
  EMBER_CHECK(sizes.size() == strides.size(), "[empty_strided] mismatch in length of strides (",
              strides.size(), ") and shape (", sizes.size(), ")");
  EMBER_CHECK_TYPE(dtype != ScalarType::Undefined, "[empty_strided] undefined dtype");
  const int64_t nbytes = storage_bytes_for(sizes, strides, dtype);
  auto storage = intrusive_ptr<StorageImpl>::make(static_cast<size_t>(nbytes), device);
  return Tensor(intrusive_ptr<TensorImpl>::make(std::move(storage), dtype, sizes, strides, 0));
}

Tensor empty(const Shape& sizes, ScalarType dtype, Device device) {
  return empty_strided(sizes, contiguous_strides(sizes), dtype, device);
}

Tensor make_view(const Tensor& base, Shape sizes, Shape strides, int64_t offset) {
  auto impl = intrusive_ptr<TensorImpl>::make(base.storage(), base.dtype(), std::move(sizes),
                                              std::move(strides), offset);
  impl->share_version_counter(*base.impl());
  return Tensor(std::move(impl));
}

Tensor make_view_as_dtype(const Tensor& base, ScalarType dtype, Shape sizes, Shape strides,
                          int64_t offset) {
  auto impl = intrusive_ptr<TensorImpl>::make(base.storage(), dtype, std::move(sizes),
                                              std::move(strides), offset);
  impl->share_version_counter(*base.impl());
  return Tensor(std::move(impl));
}

}  // namespace ember
