// Shared memory for CPU storages: an anonymous memfd mapped MAP_SHARED. A forked child
// inherits the mapping; any other process of the same user can map it through
// /proc/<pid>/fd/<fd> while the owner keeps the storage alive (the descriptor stays open
// until the storage is freed).
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "ember/core/errors.h"
#include "ember/ops/storage.h"

namespace ember::cpu {
namespace {

struct SharedMapping {
  void* data;
  size_t length;
  int fd;
};

void release_mapping(void* context) {
  auto* m = static_cast<SharedMapping*>(context);
  munmap(m->data, m->length);
  close(m->fd);
  delete m;
}

std::string errno_text() { return std::strerror(errno); }

DataPtr map_fd(int fd, size_t length, const char* op) {
  void* p = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) {
    const std::string err = errno_text();
    close(fd);
    throw Error(detail::concat("[", op, "] mmap of ", length, " bytes failed: ", err));
  }
  auto* m = new SharedMapping{p, length, fd};
  return DataPtr(p, m, &release_mapping, Device(DeviceType::CPU));
}

void share_memory_kernel(StorageImpl& storage) {
  const size_t nbytes = storage.nbytes();
  const size_t length = nbytes > 0 ? nbytes : 1;  // mmap refuses empty mappings
  int fd = memfd_create("ember_shared_storage", MFD_CLOEXEC);
  EMBER_CHECK(fd >= 0, "[share_memory_] memfd_create failed: ", errno_text());
  if (ftruncate(fd, static_cast<off_t>(length)) != 0) {
    const std::string err = errno_text();
    close(fd);
    throw Error(detail::concat("[share_memory_] could not size shared memory to ", length,
                               " bytes: ", err));
  }
  DataPtr data = map_fd(fd, length, "share_memory_");
  if (nbytes > 0 && storage.data() != nullptr) std::memcpy(data.get(), storage.data(), nbytes);
  storage.set_shared_data(std::move(data), fd);
}

Storage open_shared_kernel(int64_t pid, int fd, size_t nbytes) {
  const std::string path = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
  const int local = open(path.c_str(), O_RDWR | O_CLOEXEC);
  EMBER_CHECK(local >= 0, "[open_shared_storage] cannot open ", path, ": ", errno_text(),
              " (the owning process must keep the shared tensor alive)");
  const size_t length = nbytes > 0 ? nbytes : 1;
  DataPtr data = map_fd(local, length, "open_shared_storage");
  auto storage = intrusive_ptr<StorageImpl>::make(DataPtr(), nbytes);
  // Shared under its own descriptor, which the mapping's deleter closes.
  storage->set_shared_data(std::move(data), local);
  return storage;
}

}  // namespace

EMBER_REGISTER_KERNEL(share_memory_stub, DeviceType::CPU, &share_memory_kernel);
EMBER_REGISTER_KERNEL(open_shared_stub, DeviceType::CPU, &open_shared_kernel);

}  // namespace ember::cpu
