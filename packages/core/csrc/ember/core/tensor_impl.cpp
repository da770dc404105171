#include "ember/core/tensor_impl.h"

namespace ember {

TensorImpl::TensorImpl(Storage storage, ScalarType dtype, Shape sizes, Shape strides,
                       int64_t storage_offset)
    : storage_(std::move(storage)),
      sizes_(std::move(sizes)),
      strides_(std::move(strides)),
      storage_offset_(storage_offset),
      dtype_(dtype) {
  refresh();
}

TensorImpl::~TensorImpl() = default;

void* TensorImpl::data() const {
  char* base = static_cast<char*>(storage_->data());
  if (base == nullptr) return nullptr;
  return base + storage_offset_ * static_cast<int64_t>(element_size(dtype_));
}

void TensorImpl::set_sizes_strides(Shape sizes, Shape strides, int64_t storage_offset) {
  sizes_ = std::move(sizes);
  strides_ = std::move(strides);
  storage_offset_ = storage_offset;
  refresh();
}

void TensorImpl::refresh() {
  numel_ = 1;
  for (int64_t s : sizes_) numel_ *= s;
  // Contiguous: row-major strides, ignoring dimensions of size 1 (as torch does).
  is_contiguous_ = true;
  int64_t expected = 1;
  for (int64_t d = dim() - 1; d >= 0; --d) {
    if (sizes_[d] == 1) continue;
    if (strides_[d] != expected) {
      is_contiguous_ = numel_ == 0;
      break;
    }
    expected *= sizes_[d];
  }
}

}  // namespace ember
