// CPU kernel of the batched GEMM (ops/linalg.h). Floating types go to OpenBLAS
// (blas_kernels.cpp); integers have their own kernel here, compiled per ISA level.
//
// Integer products wrap around like the element type does (as torch): the arithmetic is
// done in an unsigned type of at least the element's width, where overflow is defined
// and congruent modulo 2^bits, and the result is truncated to the element type.
#include <algorithm>
#include <type_traits>
#include <vector>

#include "ember/backends/cpu/blas_kernels.h"
#include "ember/backends/cpu/loops.h"
#include "ember/ops/linalg.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

// Columns of C computed together: the accumulator row and the matching panel of B stay
// in cache while the K loop streams over them.
constexpr int64_t kColumnBlock = 256;

template <typename T>
using acc_t = std::conditional_t<(sizeof(T) > 4), uint64_t, uint32_t>;

template <typename T>
void int_gemm(const GemmArgs& g) {
  using U = acc_t<T>;
  const Tensor &out = g.out, &a = g.a, &b = g.b;
  const int64_t m = out.size(-2), n = out.size(-1), k = a.size(-1);
  const int64_t asr = a.stride(-2), asc = a.stride(-1), bsr = b.stride(-2), bsc = b.stride(-1);
  const int64_t osr = out.stride(-2), osc = out.stride(-1);
  const U alpha = static_cast<U>(g.alpha.to<int64_t>());
  const U beta = static_cast<U>(g.beta.to<int64_t>());
  const bool use_beta = beta != 0;
  const GemmBatch batch = gemm_batch(g);
  const T* a_data = a.data<T>();
  const T* b_data = b.data<T>();
  T* c_data = out.data<T>();

  std::vector<U> packed_b(static_cast<size_t>(k * n));
  const int64_t work = m * n * k;
  const int threads = static_cast<int>(
      std::max<int64_t>(1, std::min<int64_t>(max_threads(), work / kGrainSize)));
  for (int64_t bi = 0; bi < batch.count; ++bi) {
    const T* pa = a_data + batch.a[bi];
    const T* pb = b_data + batch.b[bi];
    T* pc = c_data + batch.out[bi];
    // B as a dense row-major K x N panel of accumulator values (any input strides).
    for (int64_t kk = 0; kk < k; ++kk) {
      for (int64_t j = 0; j < n; ++j) {
        packed_b[kk * n + j] = static_cast<U>(pb[kk * bsr + j * bsc]);
      }
    }
    const U* bp = packed_b.data();
    auto rows = [&](int64_t begin, int64_t end) {
      U acc[kColumnBlock];
      for (int64_t j0 = 0; j0 < n; j0 += kColumnBlock) {
        const int64_t width = std::min(kColumnBlock, n - j0);
        for (int64_t i = begin; i < end; ++i) {
          std::fill(acc, acc + width, U(0));
          for (int64_t kk = 0; kk < k; ++kk) {
            const U av = static_cast<U>(pa[i * asr + kk * asc]);
            if (av == 0) continue;
            const U* brow = bp + kk * n + j0;
            for (int64_t j = 0; j < width; ++j) acc[j] += av * brow[j];
          }
          T* crow = pc + i * osr + j0 * osc;
          for (int64_t j = 0; j < width; ++j) {
            U v = alpha * acc[j];
            if (use_beta) v += beta * static_cast<U>(crow[j * osc]);
            crow[j * osc] = static_cast<T>(v);
          }
        }
      }
    };
    if (threads <= 1 || m < 2) {
      rows(0, m);
      continue;
    }
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
    {
      const int64_t nt = omp_get_num_threads(), tid = omp_get_thread_num();
      const int64_t chunk = (m + nt - 1) / nt;
      const int64_t begin = std::min(m, tid * chunk), end = std::min(m, begin + chunk);
      if (begin < end) rows(begin, end);
    }
#endif
  }
}

void gemm_kernel(const GemmArgs& args) {
  const ScalarType t = args.out.dtype();
  if (is_floating(t)) {
    blas_gemm(args);
    return;
  }
  EMBER_DISPATCH_INTEGRAL(t, "matmul", [&] { int_gemm<scalar_t>(args); });
}
EMBER_REGISTER_CPU_KERNEL(gemm_stub, &gemm_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
