// CPU kernels of bincount and histc (ops/histogram.h). Counting scatters into bins, which
// does not vectorize: compiled at the default level only. Serial, so weighted sums add
// in element order whatever the thread count.
#if EMBER_CPU_LEVEL == 0

#include <algorithm>
#include <vector>

#include "ember/backends/cpu/loops.h"
#include "ember/core/empty.h"
#include "ember/ops/fill.h"
#include "ember/ops/histogram.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename I, typename W>
void bincount_weighted(const I* x, const Tensor& weights, int64_t n, Tensor& out) {
  W* bins = out.data<W>();
  if (!weights.defined()) {
    for (int64_t i = 0; i < n; ++i) bins[x[i]] += W(1);
    return;
  }
  const W* w = weights.data<W>();
  for (int64_t i = 0; i < n; ++i) bins[x[i]] += w[i];
}

template <typename I>
void bincount_typed(const Tensor& x, const Tensor& weights, int64_t minlength, ScalarType dtype,
                    Tensor* out) {
  const I* data = x.data<I>();
  const int64_t n = x.numel();
  int64_t largest = -1;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t v = static_cast<int64_t>(data[i]);
    if (v < 0) {
      throw Error(detail::concat("[bincount] bincount only supports 1-d non-negative integral "
                                 "inputs, got ", v, " at index ", i));
    }
    largest = std::max(largest, v);
  }
  *out = empty({std::max(largest + 1, minlength)}, dtype);
  zero_(*out);
  switch (dtype) {
    case ScalarType::Int64:
      bincount_weighted<I, int64_t>(data, weights, n, *out);
      break;
    case ScalarType::Float32:
      bincount_weighted<I, float>(data, weights, n, *out);
      break;
    default:
      bincount_weighted<I, double>(data, weights, n, *out);
      break;
  }
}

void bincount_kernel(const Tensor& x, const Tensor& weights, int64_t minlength, ScalarType dtype,
                     Tensor* out) {
  EMBER_DISPATCH_INTEGRAL(x.dtype(), "bincount",
                          [&] { bincount_typed<scalar_t>(x, weights, minlength, dtype, out); });
}
EMBER_REGISTER_CPU_KERNEL(bincount_stub, &bincount_kernel);

template <typename T>
void histc_typed(const Tensor& x, const Tensor& out, double lo, double hi) {
  const int64_t bins = out.numel();
  std::vector<int64_t> counts(static_cast<size_t>(bins), 0);
  const T* data = x.data<T>();
  const double scale = static_cast<double>(bins) / (hi - lo);
  for (int64_t i = 0; i < x.numel(); ++i) {
    const double v = static_cast<double>(static_cast<opmath_t<T>>(data[i]));
    if (!(v >= lo && v <= hi)) continue;  // outside, or NaN
    const int64_t b = std::min(static_cast<int64_t>((v - lo) * scale), bins - 1);
    ++counts[b];
  }
  T* result = out.data<T>();
  for (int64_t b = 0; b < bins; ++b) result[b] = static_cast<T>(static_cast<opmath_t<T>>(counts[b]));
}

void histc_kernel(const Tensor& x, const Tensor& out, double lo, double hi) {
  EMBER_DISPATCH_FLOATING(x.dtype(), "histc", [&] { histc_typed<scalar_t>(x, out, lo, hi); });
}
EMBER_REGISTER_CPU_KERNEL(histc_stub, &histc_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
