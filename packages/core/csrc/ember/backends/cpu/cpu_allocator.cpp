#include "ember/backends/cpu/cpu_allocator.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>

#include "ember/core/allocator.h"
#include "ember/core/errors.h"

namespace ember::cpu {
namespace {

constexpr size_t kLargeBlock = size_t(1) << 20;  // 1 MiB
constexpr size_t kPage = 4096;
constexpr size_t kHugePage = size_t(2) << 20;

size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

int64_t default_cache_limit() {
  if (const char* env = std::getenv("EMBER_CPU_CACHE_LIMIT_MB")) {
    return std::max<int64_t>(0, std::atoll(env)) << 20;
  }
  const int64_t ram = static_cast<int64_t>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGESIZE);
  return std::min<int64_t>(ram / 8, int64_t(4) << 30);
}

class CachingCpuAllocator final : public Allocator {
 public:
  DataPtr allocate(size_t nbytes) override {
    if (nbytes < kLargeBlock) return allocate_small(nbytes);
    return allocate_large(nbytes);
  }

  MemoryStats stats() {
    std::lock_guard<std::mutex> lock(mutex_);
    MemoryStats out = stats_;
    out.allocated_bytes = small_bytes_.load() + stats_.allocated_bytes;
    return out;
  }
  void reset_peak() {
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.peak_allocated_bytes = stats_.allocated_bytes;
  }
  void empty_cache() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [size, ptr] : cache_) munmap(ptr, size);
    cache_.clear();
    stats_.cached_bytes = 0;
  }
  void set_limit(int64_t bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.cache_limit_bytes = std::max<int64_t>(bytes, 0);
    while (stats_.cached_bytes > stats_.cache_limit_bytes && !cache_.empty()) {
      auto largest = std::prev(cache_.end());
      munmap(largest->second, largest->first);
      stats_.cached_bytes -= static_cast<int64_t>(largest->first);
      cache_.erase(largest);
    }
  }

  CachingCpuAllocator() { stats_.cache_limit_bytes = default_cache_limit(); }

 private:
  // Small blocks: malloc'ed with room to align the data to 64 bytes by hand
  // (posix_memalign costs several times a malloc); the header before the data keeps
  // the size and the address to free.
  struct SmallHeader {
    void* raw;
    size_t nbytes;
  };

  DataPtr allocate_small(size_t nbytes) {
    void* raw = std::malloc(std::max<size_t>(nbytes, 1) + kAlignment + sizeof(SmallHeader));
    if (raw == nullptr) {
      throw Error(detail::concat("[CPU allocator] out of memory allocating ", nbytes, " bytes"));
    }
    const uintptr_t start = reinterpret_cast<uintptr_t>(raw) + sizeof(SmallHeader);
    void* data = reinterpret_cast<void*>((start + kAlignment - 1) & ~uintptr_t(kAlignment - 1));
    auto* header = reinterpret_cast<SmallHeader*>(data) - 1;
    header->raw = raw;
    header->nbytes = nbytes;
    small_bytes_.fetch_add(static_cast<int64_t>(nbytes), std::memory_order_relaxed);
    return DataPtr(data, data, &free_small, Device(DeviceType::CPU));
  }

  static void free_small(void* data) {
    auto* header = reinterpret_cast<SmallHeader*>(data) - 1;
    instance().small_bytes_.fetch_sub(static_cast<int64_t>(header->nbytes),
                                      std::memory_order_relaxed);
    std::free(header->raw);
  }

  DataPtr allocate_large(size_t nbytes) {
    const size_t size = round_up(nbytes, nbytes >= 16 * kHugePage ? kHugePage : kPage);
    void* ptr = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++stats_.large_allocations;
      // Best fit among cached blocks no more than 1/8 larger than needed.
      auto it = cache_.lower_bound(size);
      if (it != cache_.end() && it->first <= size + size / 8) {
        ptr = it->second;
        live_[ptr] = it->first;
        stats_.cached_bytes -= static_cast<int64_t>(it->first);
        stats_.allocated_bytes += static_cast<int64_t>(it->first);
        ++stats_.cache_hits;
        cache_.erase(it);
      }
    }
    if (ptr == nullptr) {
      ptr = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (ptr == MAP_FAILED) {
        empty_cache();
        ptr = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      }
      if (ptr == MAP_FAILED) {
        throw Error(detail::concat("[CPU allocator] out of memory allocating ", nbytes, " bytes"));
      }
#if defined(MADV_HUGEPAGE)
      if (size >= kHugePage) madvise(ptr, size, MADV_HUGEPAGE);
#endif
      std::lock_guard<std::mutex> lock(mutex_);
      live_[ptr] = size;
      stats_.allocated_bytes += static_cast<int64_t>(size);
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stats_.peak_allocated_bytes = std::max(stats_.peak_allocated_bytes, stats_.allocated_bytes);
    }
    return DataPtr(ptr, ptr, &free_large, Device(DeviceType::CPU));
  }

  static void free_large(void* ptr) { instance().release_large(ptr); }

  void release_large(void* ptr) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = live_.find(ptr);
    if (it == live_.end()) return;  // not ours: cannot happen through DataPtr
    const size_t size = it->second;
    live_.erase(it);
    stats_.allocated_bytes -= static_cast<int64_t>(size);
    if (stats_.cached_bytes + static_cast<int64_t>(size) <= stats_.cache_limit_bytes) {
      cache_.emplace(size, ptr);
      stats_.cached_bytes += static_cast<int64_t>(size);
    } else {
      munmap(ptr, size);
    }
  }

 public:
  static CachingCpuAllocator& instance();

 private:
  std::mutex mutex_;
  std::multimap<size_t, void*> cache_;    // size -> block
  std::unordered_map<void*, size_t> live_;  // large blocks handed out
  MemoryStats stats_;
  std::atomic<int64_t> small_bytes_{0};
};

CachingCpuAllocator& CachingCpuAllocator::instance() {
  // Never destroyed: storages freed during interpreter shutdown still find it.
  static CachingCpuAllocator* allocator = new CachingCpuAllocator();
  return *allocator;
}

const bool registered = [] {
  set_allocator(DeviceType::CPU, &CachingCpuAllocator::instance());
  return true;
}();

}  // namespace

MemoryStats memory_stats() { return CachingCpuAllocator::instance().stats(); }
void reset_peak_memory_stats() { CachingCpuAllocator::instance().reset_peak(); }
void empty_cache() { CachingCpuAllocator::instance().empty_cache(); }
void set_cache_limit(int64_t bytes) { CachingCpuAllocator::instance().set_limit(bytes); }

}  // namespace ember::cpu
