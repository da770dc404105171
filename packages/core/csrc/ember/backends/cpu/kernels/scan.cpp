// CPU kernels of cumsum, cumprod, logcumsumexp, cummax and cummin (ops/scan.h). Running sums and
// products are kept in a wider type than the data (int64 for integers, double for
// float32, float32 for 16-bit floats), as torch does, and run serially along the dim.
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "ember/backends/cpu/slice_loops.h"
#include "ember/ops/scan.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
struct ScanAcc {
  using type = std::conditional_t<std::is_integral_v<T>, int64_t,
                                  std::conditional_t<std::is_same_v<T, float>, double, opmath_t<T>>>;
};
template <>
struct ScanAcc<std::complex<float>> {
  using type = std::complex<double>;
};

template <bool kProd, typename A>
inline A fold(A a, A b) {
  if constexpr (std::is_integral_v<A>) {
    const uint64_t ua = static_cast<uint64_t>(a), ub = static_cast<uint64_t>(b);
    return static_cast<A>(kProd ? ua * ub : ua + ub);
  } else {
    return kProd ? a * b : a + b;
  }
}

template <typename T, typename A>
inline T narrow(A v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v != A(0);
  } else {
    return static_cast<T>(v);
  }
}

template <typename T, bool kProd>
void accumulate_typed(const SliceGeometry& g) {
  using A = typename ScanAcc<T>::type;
  const T* in = g.input.data<T>();
  T* out = g.output.data<T>();
  const int64_t n = g.n, inner = g.inner;
  for_each_lane(g, [&](int64_t o, int64_t j0, int64_t width) {
    const T* x = in + o * n * inner + j0;
    T* y = out + o * n * inner + j0;
    A acc[kSliceBlock];
    for (int64_t j = 0; j < width; ++j) acc[j] = A(kProd ? 1 : 0);
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) {
        acc[j] = fold<kProd>(acc[j], static_cast<A>(x[i * inner + j]));
        y[i * inner + j] = narrow<T>(acc[j]);
      }
    }
  });
}

// log(exp(a) + exp(b)) without overflow: the larger plus log1p of the smaller's share.
// NaN wins; two equal infinities stay (inf - inf would be NaN).
template <typename A>
inline A log_add_exp(A a, A b) {
  if (a != a || b != b) return a + b;
  const A hi = a > b ? a : b, lo = a > b ? b : a;
  if (std::isinf(lo) && lo == hi) return hi;
  if (hi == std::numeric_limits<A>::infinity()) return hi;
  return hi + std::log1p(std::exp(lo - hi));
}

template <typename T>
void logcumsumexp_typed(const SliceGeometry& g) {
  using A = opmath_t<T>;
  const T* in = g.input.data<T>();
  T* out = g.output.data<T>();
  const int64_t n = g.n, inner = g.inner;
  for_each_lane(g, [&](int64_t o, int64_t j0, int64_t width) {
    const T* x = in + o * n * inner + j0;
    T* y = out + o * n * inner + j0;
    A acc[kSliceBlock];
    for (int64_t j = 0; j < width; ++j) acc[j] = -std::numeric_limits<A>::infinity();
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) {
        acc[j] = log_add_exp(acc[j], static_cast<A>(x[i * inner + j]));
        y[i * inner + j] = static_cast<T>(acc[j]);
      }
    }
  });
}

template <typename V>
inline bool is_nan(V v) {
  if constexpr (std::is_floating_point_v<V>) {
    return v != v;
  } else {
    return false;
  }
}

// torch's rule: the running extreme moves to x when x is NaN, or when it is not NaN and
// x >= it (<= for the minimum), so ties report the latest index.
template <typename T, bool kMax>
void extreme_typed(const SliceGeometry& g, const Tensor& indices) {
  using V = opmath_t<T>;
  const T* in = g.input.data<T>();
  T* out = g.output.data<T>();
  int64_t* idx = indices.data<int64_t>();
  const int64_t n = g.n, inner = g.inner;
  for_each_lane(g, [&](int64_t o, int64_t j0, int64_t width) {
    const int64_t base = o * n * inner + j0;
    V best[kSliceBlock];
    int64_t where[kSliceBlock];
    for (int64_t j = 0; j < width; ++j) {
      best[j] = static_cast<V>(in[base + j]);
      where[j] = 0;
    }
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) {
        const int64_t k = base + i * inner + j;
        const V x = static_cast<V>(in[k]);
        if (is_nan(x) || (!is_nan(best[j]) && (kMax ? x >= best[j] : x <= best[j]))) {
          best[j] = x;
          where[j] = i;
        }
        out[k] = static_cast<T>(best[j]);
        idx[k] = where[j];
      }
    }
  });
}

void cumsum_kernel(const SliceGeometry& g) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(g.input.dtype(), "cumsum",
                                 [&] { accumulate_typed<scalar_t, false>(g); });
}
void cumprod_kernel(const SliceGeometry& g) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(g.input.dtype(), "cumprod",
                                 [&] { accumulate_typed<scalar_t, true>(g); });
}
void logcumsumexp_kernel(const SliceGeometry& g) {
  EMBER_DISPATCH_FLOATING(g.input.dtype(), "logcumsumexp",
                          [&] { logcumsumexp_typed<scalar_t>(g); });
}
void cummax_kernel(const SliceGeometry& g, const Tensor& indices) {
  EMBER_DISPATCH_ALL(g.input.dtype(), "cummax", [&] { extreme_typed<scalar_t, true>(g, indices); });
}
void cummin_kernel(const SliceGeometry& g, const Tensor& indices) {
  EMBER_DISPATCH_ALL(g.input.dtype(), "cummin", [&] { extreme_typed<scalar_t, false>(g, indices); });
}

EMBER_REGISTER_CPU_KERNEL(cumsum_stub, &cumsum_kernel);
EMBER_REGISTER_CPU_KERNEL(cumprod_stub, &cumprod_kernel);
EMBER_REGISTER_CPU_KERNEL(logcumsumexp_stub, &logcumsumexp_kernel);
EMBER_REGISTER_CPU_KERNEL(cummax_stub, &cummax_kernel);
EMBER_REGISTER_CPU_KERNEL(cummin_stub, &cummin_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
