#include "ember/core/storage.h"

#include <cstring>

#include "ember/core/errors.h"

namespace ember {

StorageImpl::StorageImpl(size_t nbytes, Device device)
    : nbytes_(nbytes), allocator_(get_allocator(device.type)) {
  data_ = allocator_->allocate(nbytes);
}

StorageImpl::StorageImpl(DataPtr data, size_t nbytes)
    : data_(std::move(data)), nbytes_(nbytes), allocator_(nullptr) {}

void StorageImpl::resize(size_t nbytes) {
  if (nbytes <= nbytes_) return;
  EMBER_CHECK(allocator_ != nullptr,
              "[resize_] Trying to resize storage that is not resizable (memory borrowed from "
              "another library)");
  DataPtr fresh = allocator_->allocate(nbytes);
  if (nbytes_ > 0 && data_.get() != nullptr && fresh.get() != nullptr) {
    std::memcpy(fresh.get(), data_.get(), nbytes_);
  }
  data_ = std::move(fresh);
  nbytes_ = nbytes;
}

void StorageImpl::set_shared_data(DataPtr data, int shared_fd) {
  data_ = std::move(data);
  allocator_ = nullptr;
  shared_fd_ = shared_fd;
}

}  // namespace ember
