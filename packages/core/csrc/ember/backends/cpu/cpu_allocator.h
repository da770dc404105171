// The CPU backend's allocator. Small blocks come from malloc; large blocks (>= 1 MiB)
// are mmap'ed, marked for transparent huge pages, and cached when freed, so the next
// allocation of a similar size reuses memory whose pages are already mapped. Without
// the cache, every large out-of-place op pays a page fault per 4 KiB of its output.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ember/export.h"

namespace ember::cpu {

struct MemoryStats {
  int64_t allocated_bytes = 0;       // live, handed out to storages
  int64_t peak_allocated_bytes = 0;
  int64_t cached_bytes = 0;          // freed large blocks kept for reuse
  int64_t cache_limit_bytes = 0;
  int64_t large_allocations = 0;     // large requests served
  int64_t cache_hits = 0;            // ... of which reused a cached block
};

EMBER_API MemoryStats memory_stats();
EMBER_API void reset_peak_memory_stats();
// Returns every cached block to the OS.
EMBER_API void empty_cache();
// Caps the cache (bytes); blocks freed beyond it go back to the OS. Default: the
// EMBER_CPU_CACHE_LIMIT_MB environment variable, else 1/8 of RAM capped at 4 GiB.
EMBER_API void set_cache_limit(int64_t bytes);

}  // namespace ember::cpu
