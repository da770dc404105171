// CPU kernels of ops/pointwise_params.h: round(decimals), logit(eps), gelu, softplus,
// nan_to_num, xlogy. Floating dtypes only (the front ends route the rest); 16-bit floats
// compute in float.
#include <cmath>
#include <complex>

#include "ember/backends/cpu/loops.h"
#include "ember/backends/cpu/math.h"
#include "ember/ops/pointwise_params.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

// torch's rounding at `decimals` places: scale, round half to even, scale back (dividing
// by the power of ten for negative decimals, so that it stays exact).
template <typename T>
void round_typed(TensorIterator& iter, int64_t decimals) {
  using M = opmath_t<T>;
  if (decimals == 0) {
    cpu_kernel(iter, [](T x) -> T { return static_cast<T>(std::nearbyint(static_cast<M>(x))); });
    return;
  }
  const bool negative = decimals < 0;
  const double places = static_cast<double>(negative ? -decimals : decimals);
  const M ten = static_cast<M>(std::pow(10.0, places));
  if (negative) {
    cpu_kernel(iter, [ten](T x) -> T {
      return static_cast<T>(std::nearbyint(static_cast<M>(x) / ten) * ten);
    });
  } else {
    cpu_kernel(iter, [ten](T x) -> T {
      return static_cast<T>(std::nearbyint(static_cast<M>(x) * ten) / ten);
    });
  }
}
void round_kernel(TensorIterator& iter, int64_t decimals) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), "round",
                          [&] { round_typed<scalar_t>(iter, decimals); });
}
EMBER_REGISTER_CPU_KERNEL(round_stub, &round_kernel);

template <typename T>
void logit_typed(TensorIterator& iter, double eps) {
  using M = opmath_t<T>;
  if (eps < 0) {
    cpu_kernel(iter, [](T x) -> T {
      const M v = static_cast<M>(x);
      return static_cast<T>(std::log(v / (M(1) - v)));
    });
    return;
  }
  const M lo = static_cast<M>(eps), hi = M(1) - static_cast<M>(eps);
  cpu_kernel(iter, [lo, hi](T x) -> T {
    M v = static_cast<M>(x);
    v = v < lo ? lo : (v > hi ? hi : v);
    return static_cast<T>(std::log(v / (M(1) - v)));
  });
}
void logit_kernel(TensorIterator& iter, double eps) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), "logit", [&] { logit_typed<scalar_t>(iter, eps); });
}
EMBER_REGISTER_CPU_KERNEL(logit_stub, &logit_kernel);

template <typename T>
void gelu_typed(TensorIterator& iter, bool tanh_approximation) {
  using M = opmath_t<T>;
  if (tanh_approximation) {
    const M k = static_cast<M>(0.7978845608028654);  // sqrt(2 / pi)
    cpu_kernel(iter, [k](T x) -> T {
      const M v = static_cast<M>(x);
      return static_cast<T>(M(0.5) * v * (M(1) + std::tanh(k * (v + M(0.044715) * v * v * v))));
    });
  } else {
    cpu_kernel(iter, [](T x) -> T {
      const M v = static_cast<M>(x);
      return static_cast<T>(M(0.5) * v * (M(1) + std::erf(v * M(0.7071067811865476))));
    });
  }
}
void gelu_kernel(TensorIterator& iter, bool tanh_approximation) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), "gelu",
                          [&] { gelu_typed<scalar_t>(iter, tanh_approximation); });
}
EMBER_REGISTER_CPU_KERNEL(gelu_stub, &gelu_kernel);

template <typename T>
void softplus_typed(TensorIterator& iter, double beta, double threshold) {
  using M = opmath_t<T>;
  const M b = static_cast<M>(beta), t = static_cast<M>(threshold);
  cpu_kernel(iter, [b, t](T x) -> T {
    const M v = static_cast<M>(x);
    return static_cast<T>(v * b > t ? v : std::log1p(std::exp(v * b)) / b);
  });
}
void softplus_kernel(TensorIterator& iter, double beta, double threshold) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), "softplus",
                          [&] { softplus_typed<scalar_t>(iter, beta, threshold); });
}
EMBER_REGISTER_CPU_KERNEL(softplus_stub, &softplus_kernel);

// The replacements are converted to the dtype first (so 1e10 becomes inf in float16,
// as torch).
template <typename R>
inline R replace_non_finite(R v, R nan, R posinf, R neginf) {
  if (std::isnan(v)) return nan;
  if (std::isinf(v)) return v > R(0) ? posinf : neginf;
  return v;
}

template <typename T>
void nan_to_num_typed(TensorIterator& iter, double nan, double posinf, double neginf) {
  if constexpr (is_complex_t<T>::value) {
    using R = typename T::value_type;
    const R n = static_cast<R>(nan), p = static_cast<R>(posinf), m = static_cast<R>(neginf);
    cpu_kernel(iter, [n, p, m](T x) -> T {
      return T(replace_non_finite(x.real(), n, p, m), replace_non_finite(x.imag(), n, p, m));
    });
  } else {
    using M = opmath_t<T>;
    // Round-trip through T so that the replacement has T's value (float16 overflow).
    const M n = static_cast<M>(static_cast<T>(static_cast<M>(nan)));
    const M p = static_cast<M>(static_cast<T>(static_cast<M>(posinf)));
    const M m = static_cast<M>(static_cast<T>(static_cast<M>(neginf)));
    cpu_kernel(iter, [n, p, m](T x) -> T {
      return static_cast<T>(replace_non_finite(static_cast<M>(x), n, p, m));
    });
  }
}
void nan_to_num_kernel(TensorIterator& iter, double nan, double posinf, double neginf) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.common_dtype(), "nan_to_num", [&] {
    nan_to_num_typed<scalar_t>(iter, nan, posinf, neginf);
  });
}
EMBER_REGISTER_CPU_KERNEL(nan_to_num_stub, &nan_to_num_kernel);

template <typename T>
void xlogy_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  cpu_kernel(iter, [](T a, T b) -> T {
    const M x = static_cast<M>(a), y = static_cast<M>(b);
    if (std::isnan(y)) return static_cast<T>(y);
    if (x == M(0)) return static_cast<T>(M(0));
    return static_cast<T>(x * std::log(y));
  });
}
void xlogy_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), "xlogy", [&] { xlogy_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(xlogy_stub, &xlogy_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
