// Random number generators: Philox4x32-10, a counter-based generator (Salmon et al.,
// "Parallel Random Numbers: As Easy as 1, 2, 3", SC'11). A random value is a pure
// function of (seed, offset, element index), so results do not depend on how many
// threads fill a tensor. Each op reserves a range of counters (advancing the offset)
// under the generator's lock, then fills in parallel.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>

#include "ember/core/intrusive_ptr.h"
#include "ember/export.h"

namespace ember {

// One Philox4x32-10 block: 4 random 32-bit words for (key, counter).
inline std::array<uint32_t, 4> philox4x32(uint64_t key, uint64_t counter_hi,
                                          uint64_t counter_lo) {
  uint32_t k0 = static_cast<uint32_t>(key), k1 = static_cast<uint32_t>(key >> 32);
  uint32_t c0 = static_cast<uint32_t>(counter_lo), c1 = static_cast<uint32_t>(counter_lo >> 32);
  uint32_t c2 = static_cast<uint32_t>(counter_hi), c3 = static_cast<uint32_t>(counter_hi >> 32);
  constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
  constexpr uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
  for (int round = 0; round < 10; ++round) {
    const uint64_t p0 = static_cast<uint64_t>(kM0) * c0;
    const uint64_t p1 = static_cast<uint64_t>(kM1) * c2;
    const uint32_t n0 = static_cast<uint32_t>(p1 >> 32) ^ c1 ^ k0;
    const uint32_t n2 = static_cast<uint32_t>(p0 >> 32) ^ c3 ^ k1;
    c1 = static_cast<uint32_t>(p1);
    c3 = static_cast<uint32_t>(p0);
    c0 = n0;
    c2 = n2;
    k0 += kW0;
    k1 += kW1;
  }
  return {c0, c1, c2, c3};
}

// Where an op's random values come from: block i of the op is philox(seed, offset + i).
struct PhiloxState {
  uint64_t seed;
  uint64_t offset;
  std::array<uint32_t, 4> block(uint64_t i) const { return philox4x32(seed, 0, offset + i); }
};

class EMBER_API Generator : public RefCounted {
 public:
  explicit Generator(uint64_t seed = kDefaultSeed) : seed_(seed), initial_seed_(seed) {}

  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const;
  uint64_t offset() const;
  void set_state(uint64_t seed, uint64_t offset);
  // Reserves `blocks` Philox blocks for one op and returns where they start.
  PhiloxState reserve(uint64_t blocks);

  // torch's default seed, so a fresh process is reproducible without manual_seed.
  static constexpr uint64_t kDefaultSeed = 67280421310721ull;

 private:
  mutable std::mutex mutex_;
  uint64_t seed_;
  uint64_t initial_seed_;
  uint64_t offset_ = 0;
};

// The process-wide CPU generator (ember.default_generator).
EMBER_API Generator& default_generator();

}  // namespace ember
