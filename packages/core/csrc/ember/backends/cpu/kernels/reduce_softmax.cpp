// CPU kernel of softmax and log_softmax (ops/softmax.h): per lane, the maximum, the sum
// of exp(x - max), then the normalized values, computed in float32 for 16-bit inputs.
#include <cmath>
#include <limits>
#include <type_traits>

#include "ember/backends/cpu/slice_loops.h"
#include "ember/ops/softmax.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename A>
inline A max_nan(A a, A x) {
  return (x > a || x != x) ? x : a;
}

template <typename T>
void softmax_typed(const SliceGeometry& g, bool log) {
  using A = opmath_t<T>;
  const T* in = g.input.data<T>();
  T* out = g.output.data<T>();
  const int64_t n = g.n, inner = g.inner;
  for_each_lane(g, [&](int64_t o, int64_t j0, int64_t width) {
    const T* x = in + o * n * inner + j0;
    T* y = out + o * n * inner + j0;
    A m[kSliceBlock], s[kSliceBlock];
    for (int64_t j = 0; j < width; ++j) {
      m[j] = -std::numeric_limits<A>::infinity();
      s[j] = 0;
    }
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) m[j] = max_nan(m[j], static_cast<A>(x[i * inner + j]));
    }
    // Float and double keep exp(x - max) in the output for the last pass; 16-bit types
    // recompute it rather than round it twice.
    constexpr bool kStore = std::is_same_v<T, A>;
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) {
        const A e = std::exp(static_cast<A>(x[i * inner + j]) - m[j]);
        s[j] += e;
        if constexpr (kStore) {
          if (!log) y[i * inner + j] = e;
        }
      }
    }
    if (log) {
      // (x - max) - log(sum): x - (max + log(sum)) would round max + log(sum) first.
      for (int64_t j = 0; j < width; ++j) s[j] = std::log(s[j]);
      for (int64_t i = 0; i < n; ++i) {
        for (int64_t j = 0; j < width; ++j) {
          y[i * inner + j] = static_cast<T>((static_cast<A>(x[i * inner + j]) - m[j]) - s[j]);
        }
      }
      return;
    }
    for (int64_t j = 0; j < width; ++j) s[j] = A(1) / s[j];
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < width; ++j) {
        if constexpr (kStore) {
          y[i * inner + j] *= s[j];
        } else {
          y[i * inner + j] =
              static_cast<T>(std::exp(static_cast<A>(x[i * inner + j]) - m[j]) * s[j]);
        }
      }
    }
  });
}

void softmax_kernel(const SliceGeometry& g, bool log) {
  EMBER_DISPATCH_FLOATING(g.input.dtype(), "softmax", [&] { softmax_typed<scalar_t>(g, log); });
}
EMBER_REGISTER_CPU_KERNEL(softmax_stub, &softmax_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
