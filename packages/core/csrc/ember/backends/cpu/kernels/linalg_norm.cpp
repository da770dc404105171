// CPU kernel of linalg.vector_norm: the ord-norm of each row of a contiguous (p, q)
// matrix. Sums accumulate in double, so float32 squares neither overflow nor lose digits.
#include <algorithm>
#include <cmath>

#include "ember/backends/cpu/loops.h"
#include "ember/ops/linalg_norms.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
double value(T v) {
  if constexpr (std::is_same_v<T, double>) {
    return v;
  } else {
    return static_cast<double>(static_cast<float>(v));
  }
}

template <typename T>
double row_norm(const T* x, int64_t q, double ord) {
  if (ord == 2) {
    // Eight independent partial sums: the loop pipelines without reassociating one sum.
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 8 <= q; i += 8) {
      for (int j = 0; j < 8; ++j) {
        const double v = value(x[i + j]);
        acc[j] += v * v;
      }
    }
    double total = 0;
    for (; i < q; ++i) total += value(x[i]) * value(x[i]);
    for (double a : acc) total += a;
    return std::sqrt(total);
  }
  if (ord == 1) {
    double total = 0;
    for (int64_t i = 0; i < q; ++i) total += std::abs(value(x[i]));
    return total;
  }
  if (std::isinf(ord)) {
    // max |x| or min |x|, NaN propagating.
    double best = std::abs(value(x[0]));
    for (int64_t i = 1; i < q && !std::isnan(best); ++i) {
      const double v = std::abs(value(x[i]));
      if (std::isnan(v) || (ord > 0 ? v > best : v < best)) best = v;
    }
    return best;
  }
  if (ord == 0) {
    double count = 0;
    for (int64_t i = 0; i < q; ++i) count += value(x[i]) != 0 ? 1 : 0;
    return count;
  }
  double total = 0;
  for (int64_t i = 0; i < q; ++i) total += std::pow(std::abs(value(x[i])), ord);
  return std::pow(total, 1.0 / ord);
}

template <typename T>
void vector_norm_typed(const Tensor& out, const Tensor& in, double ord) {
  const int64_t p = in.size(0), q = in.size(1);
  const T* x = in.data<T>();
  T* y = out.data<T>();
  auto rows = [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      // An empty row: 0 for the orders that have an identity (the front end rejects the
      // others).
      const double v = q == 0 ? 0.0 : row_norm(x + r * q, q, ord);
      y[r] = static_cast<T>(static_cast<opmath_t<T>>(v));
    }
  };
  const int threads = static_cast<int>(
      std::min<int64_t>({max_threads(), p, std::max<int64_t>(1, p * q / kGrainSize)}));
  if (threads <= 1) {
    rows(0, p);
    return;
  }
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
  {
    const int64_t nt = omp_get_num_threads(), tid = omp_get_thread_num();
    const int64_t chunk = (p + nt - 1) / nt;
    const int64_t begin = std::min(p, tid * chunk), end = std::min(p, begin + chunk);
    rows(begin, end);
  }
#endif
}

void vector_norm_kernel(const Tensor& out, const Tensor& in, double ord) {
  EMBER_DISPATCH_FLOATING(in.dtype(), "linalg.vector_norm",
                          [&] { vector_norm_typed<scalar_t>(out, in, ord); });
}
EMBER_REGISTER_CPU_KERNEL(vector_norm_stub, &vector_norm_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
