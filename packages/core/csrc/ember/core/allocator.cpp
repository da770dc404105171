#include "ember/core/allocator.h"

#include <array>
#include <atomic>

#include "ember/core/errors.h"

namespace ember {

namespace {
std::array<std::atomic<Allocator*>, kNumDeviceTypes> g_allocators{};
}

void set_allocator(DeviceType type, Allocator* allocator) {
  g_allocators[static_cast<int>(type)].store(allocator, std::memory_order_release);
}

Allocator* get_allocator(DeviceType type) {
  Allocator* allocator = g_allocators[static_cast<int>(type)].load(std::memory_order_acquire);
  EMBER_CHECK(allocator != nullptr, "no allocator is registered for device '",
              device_type_name(type), "' (is its backend loaded?)");
  return allocator;
}

}  // namespace ember
