// Loops over a SliceGeometry (ops/softmax.h): (outer, n, inner) with the scanned or
// normalized dim in the middle. A kernel handles one "lane": when inner == 1 a contiguous
// row of n elements; otherwise up to kSliceBlock neighbouring columns at once, each step
// along n touching a contiguous block (which vectorizes). Lanes run in parallel; each
// lane is computed by one thread, so results never depend on the thread count.
#pragma once

#include <algorithm>
#include <cstdint>

#include "ember/backends/cpu/loops.h"
#include "ember/ops/softmax.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {

constexpr int64_t kSliceBlock = 64;

// f(o, j0, width): lane of outer index o, columns [j0, j0 + width) (width 1 and j0 0
// when inner == 1).
template <typename F>
void for_each_lane(const SliceGeometry& g, F&& f) {
  const int64_t blocks = (g.inner + kSliceBlock - 1) / kSliceBlock;
  const int64_t lanes = g.outer * blocks;
  const int64_t work = g.outer * g.n * g.inner;
  const int threads = work < kGrainSize ? 1 : static_cast<int>(std::min<int64_t>(max_threads(), lanes));
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4) if (threads > 1)
#endif
  for (int64_t lane = 0; lane < lanes; ++lane) {
    const int64_t o = lane / blocks;
    const int64_t j0 = (lane % blocks) * kSliceBlock;
    f(o, j0, std::min(kSliceBlock, g.inner - j0));
  }
}

}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
