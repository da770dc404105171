// A reference-counted block of memory on one device. Tensors are views into storages:
// several tensors (a tensor and its transposes, slices, reshapes) may share one.
#pragma once

#include <cstddef>

#include "ember/core/allocator.h"
#include "ember/core/intrusive_ptr.h"

namespace ember {

class EMBER_API StorageImpl : public RefCounted {
 public:
  // Fresh memory from the device's allocator.
  StorageImpl(size_t nbytes, Device device);
  // Memory owned elsewhere (NumPy arrays, DLPack capsules), released by `data`'s deleter.
  StorageImpl(DataPtr data, size_t nbytes);

  void* data() const { return data_.get(); }
  size_t nbytes() const { return nbytes_; }
  Device device() const { return data_.device(); }
  bool resizable() const { return allocator_ != nullptr; }
  // Grows (never shrinks) the storage, keeping its contents (Tensor.resize_).
  void resize(size_t nbytes);

 private:
  DataPtr data_;
  size_t nbytes_;
  Allocator* allocator_;  // null for borrowed memory
};

using Storage = intrusive_ptr<StorageImpl>;

}  // namespace ember
