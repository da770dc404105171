// The meta backend: tensors with shapes and dtypes but no memory. Its allocator hands
// out null pointers; ops skip their kernels on meta (see dispatch_stub.h).
#include "ember/core/allocator.h"

namespace ember {
namespace {

class MetaAllocator final : public Allocator {
 public:
  DataPtr allocate(size_t) override {
    return DataPtr(nullptr, nullptr, nullptr, Device(DeviceType::Meta));
  }
};

const bool registered = [] {
  static MetaAllocator allocator;
  set_allocator(DeviceType::Meta, &allocator);
  return true;
}();

}  // namespace
}  // namespace ember
