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

  VersionCounter& version_counter() const {
    return own_version_ ? *own_version_ : storage_->version_counter();
  }
  // Views use their base's counter (the storage's, or the base's own).
  void share_version_counter(const TensorImpl& base) { own_version_ = base.own_version_; }
  // A counter of this tensor's own, starting at 0 (torch's `.data`).
  void detach_version_counter() { own_version_ = intrusive_ptr<VersionCounter>::make(); }
  uint32_t version() const { return version_counter().current(); }
  void bump_version() { version_counter().bump(); }

  // A 0-d tensor made from a Python number: promotes like a number, not a tensor.
  bool is_wrapped_number() const { return wrapped_number_; }
  void set_wrapped_number(bool value) { wrapped_number_ = value; }

  AutogradMetaBase* autograd_meta() const { return autograd_meta_.get(); }
  void set_autograd_meta(std::unique_ptr<AutogradMetaBase> meta) {
    autograd_meta_ = std::move(meta);
  }
  std::unique_ptr<AutogradMetaBase> release_autograd_meta() { return std::move(autograd_meta_); }

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
  intrusive_ptr<VersionCounter> own_version_;  // null: the storage's counter
  std::unique_ptr<AutogradMetaBase> autograd_meta_;
  void* pyobj_ = nullptr;
};

}  // namespace ember
