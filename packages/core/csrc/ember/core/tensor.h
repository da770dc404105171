// Tensor: the handle everything passes around (a reference-counted TensorImpl).
#pragma once

#include <string>

#include "ember/core/tensor_impl.h"

namespace ember {

class EMBER_API Tensor {
 public:
  Tensor() = default;
  explicit Tensor(intrusive_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return static_cast<bool>(impl_); }
  TensorImpl* impl() const { return impl_.get(); }
  const intrusive_ptr<TensorImpl>& impl_ptr() const { return impl_; }

  const Shape& sizes() const { return impl_->sizes(); }
  const Shape& strides() const { return impl_->strides(); }
  int64_t size(int64_t dim) const;  // negative dims count from the end
  int64_t stride(int64_t dim) const;
  int64_t dim() const { return impl_->dim(); }
  int64_t numel() const { return impl_->numel(); }
  ScalarType dtype() const { return impl_->dtype(); }
  Device device() const { return impl_->device(); }
  int64_t storage_offset() const { return impl_->storage_offset(); }
  bool is_contiguous() const { return impl_->is_contiguous(); }
  size_t itemsize() const { return element_size(dtype()); }
  void* data_ptr() const { return impl_->data(); }
  template <typename T>
  T* data() const {
    return static_cast<T*>(impl_->data());
  }
  const Storage& storage() const { return impl_->storage(); }
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }

  uint32_t version() const { return impl_->version(); }
  void bump_version() const { impl_->bump_version(); }

  // "tensor of shape (2, 3) and dtype float32", for error messages.
  std::string describe() const;

 private:
  intrusive_ptr<TensorImpl> impl_;
};

// "(2, 3)"
EMBER_API std::string shape_str(const Shape& shape);

}  // namespace ember
