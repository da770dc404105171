// A reference-counted block of memory on one device. Tensors are views into storages:
// several tensors (a tensor and its transposes, slices, reshapes) may share one.
#pragma once

#include <cstddef>

#include <atomic>
#include <cstdint>

#include "ember/core/allocator.h"
#include "ember/core/intrusive_ptr.h"

namespace ember {

// Counts in-place writes. Tensors viewing one storage share its counter, so autograd can
// tell that a saved tensor was modified through any view of it; a tensor can also own a
// counter of its own (torch's `.data` does not share the version of its source).
class EMBER_API VersionCounter : public RefCounted {
 public:
  uint32_t current() const { return version_.load(std::memory_order_relaxed); }
  void bump() { version_.fetch_add(1, std::memory_order_relaxed); }

 private:
  std::atomic<uint32_t> version_{0};
};

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
  // Moves the storage into memory shared between processes (Tensor.share_memory_):
  // `data` already holds a copy of the contents, and `shared_fd` is the file descriptor
  // other processes can map (kept open by `data`'s deleter). Every tensor viewing this
  // storage sees the new memory; the storage is no longer resizable.
  void set_shared_data(DataPtr data, int shared_fd);
  bool is_shared() const { return shared_fd_ >= 0; }
  int shared_fd() const { return shared_fd_; }
  // The version counter of the tensors viewing this storage (kept here: one allocation
  // fewer per tensor).
  VersionCounter& version_counter() { return version_; }

 private:
  VersionCounter version_;
  DataPtr data_;
  size_t nbytes_;
  Allocator* allocator_;  // null for borrowed memory
  int shared_fd_ = -1;     // >= 0: memory shared between processes
};

using Storage = intrusive_ptr<StorageImpl>;

}  // namespace ember
