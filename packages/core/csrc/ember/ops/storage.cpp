#include "ember/ops/storage.h"

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"

namespace ember {

EMBER_DEFINE_STUB(share_memory_fn, share_memory_stub);
EMBER_DEFINE_STUB(open_shared_fn, open_shared_stub);

void share_memory_(const Storage& storage) {
  OpScope scope("share_memory_");
  if (storage->is_shared() || storage->device().is_meta()) return;
  share_memory_stub(storage->device().type, *storage);
}

Storage open_shared_storage(int64_t pid, int fd, size_t nbytes) {
  OpScope scope("open_shared_storage");
  EMBER_CHECK(pid > 0 && fd >= 0, "[open_shared_storage] invalid handle (pid ", pid, ", fd ",
              fd, ")");
  return open_shared_stub(DeviceType::CPU, pid, fd, nbytes);
}

}  // namespace ember
