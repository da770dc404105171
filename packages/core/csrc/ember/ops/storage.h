// Storage-level operations: moving a tensor's storage into memory shared between
// processes (Tensor.share_memory_, for data-loading workers) and mapping such memory
// back in another process.
#pragma once

#include <cstdint>

#include "ember/core/storage.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

// Moves `storage` into shared memory (no-op when it already is, and on meta).
EMBER_API void share_memory_(const Storage& storage);
// Maps the shared memory another process `pid` exposes as file descriptor `fd` (from
// StorageImpl::shared_fd), `nbytes` long, into a new CPU storage that is itself shared.
EMBER_API Storage open_shared_storage(int64_t pid, int fd, size_t nbytes);

using share_memory_fn = void (*)(StorageImpl& storage);
EMBER_DECLARE_STUB(share_memory_fn, share_memory_stub);
using open_shared_fn = Storage (*)(int64_t pid, int fd, size_t nbytes);
EMBER_DECLARE_STUB(open_shared_fn, open_shared_stub);

}  // namespace ember
