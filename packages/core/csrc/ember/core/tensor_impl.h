// The data of a tensor: a strided view (sizes, strides, offset) into a storage, its
// dtype and device, and the version counter that in-place writes bump.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "ember/core/device.h"
#include "ember/core/scalar_type.h"
#include "ember/core/small_vector.h"
#include "ember/core/storage.h"

namespace ember {

// Counts in-place writes. Views of one tensor share a counter, so autograd can tell
// that a saved tensor was modified through any of them.
class EMBER_API VersionCounter : public RefCounted {
 public:
  uint32_t current() const { return version_.load(std::memory_order_relaxed); }
  void bump() { version_.fetch_add(1, std::memory_order_relaxed); }

 private:
  std::atomic<uint32_t> version_{0};
};

// What autograd keeps per tensor (grad, grad_fn, hooks); defined by the autograd layer.
struct EMBER_API AutogradMetaBase {
  virtual ~AutogradMetaBase() = default;
};

class EMBER_API TensorImpl : public RefCounted {
 public:
  TensorImpl(Storage storage, ScalarType dtype, Shape sizes, Shape strides,
             int64_t storage_offset);
  ~TensorImpl() override;

  const Shape& sizes() const { return sizes_; }
  const Shape& strides() const { return strides_; }
  int64_t dim() const { return static_cast<int64_t>(sizes_.size()); }
  int64_t numel() const { return numel_; }
  int64_t storage_offset() const { return storage_offset_; }
  ScalarType dtype() const { return dtype_; }
  Device device() const { return storage_->device(); }
  const Storage& storage() const { return storage_; }
  bool is_contiguous() const { return is_contiguous_; }
  // Address of element [0, 0, ...]; null on meta.
  void* data() const;

  // Metadata changes (view ops build new impls; resize_/as_strided_ change in place).
  void set_sizes_strides(Shape sizes, Shape strides, int64_t storage_offset);
  void set_storage(Storage storage) { storage_ = std::move(storage); }

  const intrusive_ptr<VersionCounter>& version_counter() const { return version_; }
  void set_version_counter(intrusive_ptr<VersionCounter> v) { version_ = std::move(v); }
  uint32_t version() const { return version_->current(); }
  void bump_version() { version_->bump(); }

  // A 0-d tensor made from a Python number: promotes like a number, not a tensor.
  bool is_wrapped_number() const { return wrapped_number_; }
  void set_wrapped_number(bool value) { wrapped_number_ = value; }

  AutogradMetaBase* autograd_meta() const { return autograd_meta_.get(); }
  void set_autograd_meta(std::unique_ptr<AutogradMetaBase> meta) {
    autograd_meta_ = std::move(meta);
  }

  // The Python object wrapping this impl, if any (owned by the Python layer).
  void* pyobj() const { return pyobj_; }
  void set_pyobj(void* obj) { pyobj_ = obj; }

 private:
  void refresh();

  Storage storage_;
  Shape sizes_;
  Shape strides_;
  int64_t storage_offset_;
  int64_t numel_ = 1;
  ScalarType dtype_;
  bool is_contiguous_ = true;
  bool wrapped_number_ = false;
  intrusive_ptr<VersionCounter> version_;
  std::unique_ptr<AutogradMetaBase> autograd_meta_;
  void* pyobj_ = nullptr;
};

}  // namespace ember
