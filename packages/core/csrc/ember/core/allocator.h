// Memory for tensor storages. Each device type has one allocator; backends install
// theirs with set_allocator (the CPU backend installs a caching allocator, meta one
// that hands out no memory, an out-of-tree backend its own).
#pragma once

#include <cstddef>
#include <utility>

#include "ember/core/device.h"
#include "ember/export.h"

namespace ember {

using DeleterFn = void (*)(void* context);

// An owning pointer to memory plus how to free it. `context` is what the deleter
// receives (often the pointer itself; for borrowed memory, the owner to release).
class EMBER_API DataPtr {
 public:
  DataPtr() = default;
  DataPtr(void* data, void* context, DeleterFn deleter, Device device)
      : data_(data), context_(context), deleter_(deleter), device_(device) {}
  DataPtr(const DataPtr&) = delete;
  DataPtr& operator=(const DataPtr&) = delete;
  DataPtr(DataPtr&& other) noexcept { *this = std::move(other); }
  DataPtr& operator=(DataPtr&& other) noexcept {
    if (this != &other) {
      clear();
      data_ = std::exchange(other.data_, nullptr);
      context_ = std::exchange(other.context_, nullptr);
      deleter_ = std::exchange(other.deleter_, nullptr);
      device_ = other.device_;
    }
    return *this;
  }
  ~DataPtr() { clear(); }

  void* get() const { return data_; }
  Device device() const { return device_; }
  void clear() {
    if (deleter_ != nullptr) deleter_(context_);
    data_ = context_ = nullptr;
    deleter_ = nullptr;
  }

 private:
  void* data_ = nullptr;
  void* context_ = nullptr;
  DeleterFn deleter_ = nullptr;
  Device device_;
};

class EMBER_API Allocator {
 public:
  virtual ~Allocator() = default;
  // Memory of at least `nbytes`, 64-byte aligned. Throws ember::Error when out of memory.
  virtual DataPtr allocate(size_t nbytes) = 0;
};

EMBER_API void set_allocator(DeviceType type, Allocator* allocator);
// Throws when no backend installed an allocator for `type`.
EMBER_API Allocator* get_allocator(DeviceType type);

constexpr size_t kAlignment = 64;

}  // namespace ember
