// CPU kernels of ops/ternary.h: where, clamp, lerp, addcmul, addcdiv. Arithmetic runs in
// opmath (float for the 16-bit floats); complex types use std::complex.
#include <cmath>
#include <complex>
#include <optional>

#include "ember/backends/cpu/kernels/index_loops.h"
#include "ember/backends/cpu/loops.h"
#include "ember/backends/cpu/math.h"
#include "ember/ops/ternary.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

#if EMBER_CPU_LEVEL == 0
// A select of bytes: the dtype does not matter, only its size. The condition is bool, so
// the dispatcher runs this at the default level always (wide_simd_ok).
void where_kernel(TensorIterator& iter) {
  dispatch_by_size(element_size(iter.dtype(0)), "where", [&](auto tag) {
    using E = decltype(tag);
    cpu_kernel(iter, [](bool c, E a, E b) -> E { return c ? a : b; });
  });
}
EMBER_REGISTER_CPU_KERNEL(where_stub, &where_kernel);
#endif

// ---- clamp: a nan bound gives nan everywhere, a nan input stays nan, min > max gives
// max (torch's rules) ----------------------------------------------------------------------

template <typename T>
void clamp_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  cpu_kernel(iter, [](T x, T lo, T hi) -> T {
    const M l = static_cast<M>(lo), h = static_cast<M>(hi);
    M r = static_cast<M>(x);
    r = r < l ? l : r;
    r = r > h ? h : r;
    r = math::is_nan(l) ? l : r;
    return static_cast<T>(math::is_nan(h) ? h : r);
  });
}
template <typename T>
void clamp_min_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  cpu_kernel(iter, [](T x, T lo) -> T {
    const M r = static_cast<M>(x), l = static_cast<M>(lo);
    return static_cast<T>((r < l || math::is_nan(l)) ? l : r);
  });
}
template <typename T>
void clamp_max_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  cpu_kernel(iter, [](T x, T hi) -> T {
    const M r = static_cast<M>(x), h = static_cast<M>(hi);
    return static_cast<T>((r > h || math::is_nan(h)) ? h : r);
  });
}

template <typename T>
void clamp_scalar_typed(TensorIterator& iter, const std::optional<Scalar>& min,
                        const std::optional<Scalar>& max) {
  using M = opmath_t<T>;
  const M lo = min ? min->to<M>() : M(0), hi = max ? max->to<M>() : M(0);
  if ((min && math::is_nan(lo)) || (max && math::is_nan(hi))) {
    const T nan = static_cast<T>(math::is_nan(lo) ? lo : hi);
    cpu_kernel(iter, [nan](T) -> T { return nan; });
    return;
  }
  // Selects, not branches: a nan input fails both comparisons and stays.
  if (min && max) {
    cpu_kernel(iter, [lo, hi](T x) -> T {
      M r = static_cast<M>(x);
      r = r < lo ? lo : r;
      return static_cast<T>(r > hi ? hi : r);
    });
  } else if (min) {
    cpu_kernel(iter, [lo](T x) -> T {
      const M r = static_cast<M>(x);
      return static_cast<T>(r < lo ? lo : r);
    });
  } else {
    cpu_kernel(iter, [hi](T x) -> T {
      const M r = static_cast<M>(x);
      return static_cast<T>(r > hi ? hi : r);
    });
  }
}

void clamp_scalar_kernel(TensorIterator& iter, const std::optional<Scalar>& min,
                         const std::optional<Scalar>& max) {
  EMBER_DISPATCH_NUMERIC(iter.common_dtype(), "clamp",
                         [&] { clamp_scalar_typed<scalar_t>(iter, min, max); });
}
EMBER_REGISTER_CPU_KERNEL(clamp_scalar_stub, &clamp_scalar_kernel);

void clamp_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_NUMERIC(iter.common_dtype(), "clamp", [&] { clamp_typed<scalar_t>(iter); });
}
void clamp_min_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_NUMERIC(iter.common_dtype(), "clamp_min",
                         [&] { clamp_min_typed<scalar_t>(iter); });
}
void clamp_max_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_NUMERIC(iter.common_dtype(), "clamp_max",
                         [&] { clamp_max_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(clamp_stub, &clamp_kernel);
EMBER_REGISTER_CPU_KERNEL(clamp_min_stub, &clamp_min_kernel);
EMBER_REGISTER_CPU_KERNEL(clamp_max_stub, &clamp_max_kernel);

// ---- lerp: torch's two-sided formula, exact at both ends ---------------------------------

template <typename M>
inline M lerp_value(M a, M b, M w) {
  bool low;
  if constexpr (is_complex_t<M>::value) {
    low = std::abs(w) < typename M::value_type(0.5);
  } else {
    low = w < M(0.5);
  }
  return low ? a + w * (b - a) : b - (b - a) * (M(1) - w);
}

template <typename T>
void lerp_scalar_typed(TensorIterator& iter, const Scalar& weight) {
  using M = opmath_t<T>;
  const M w = weight.to<M>();
  cpu_kernel(iter, [w](T a, T b) -> T {
    return static_cast<T>(lerp_value(static_cast<M>(a), static_cast<M>(b), w));
  });
}
template <typename T>
void lerp_tensor_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  cpu_kernel(iter, [](T a, T b, T w) -> T {
    return static_cast<T>(lerp_value(static_cast<M>(a), static_cast<M>(b), static_cast<M>(w)));
  });
}

void lerp_scalar_kernel(TensorIterator& iter, const Scalar& weight) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.common_dtype(), "lerp",
                                      [&] { lerp_scalar_typed<scalar_t>(iter, weight); });
}
void lerp_tensor_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.common_dtype(), "lerp",
                                      [&] { lerp_tensor_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(lerp_scalar_stub, &lerp_scalar_kernel);
EMBER_REGISTER_CPU_KERNEL(lerp_tensor_stub, &lerp_tensor_kernel);

// ---- addcmul / addcdiv: value converts to the op's dtype first (torch truncates a float
// value for integer tensors) ------------------------------------------------------------

template <typename T>
void addcmul_typed(TensorIterator& iter, const Scalar& value) {
  using M = opmath_t<T>;
  const M v = static_cast<M>(value.to<T>());
  cpu_kernel(iter, [v](T s, T a, T b) -> T {
    return static_cast<T>(static_cast<M>(s) + v * static_cast<M>(a) * static_cast<M>(b));
  });
}
template <typename T>
void addcdiv_typed(TensorIterator& iter, const Scalar& value) {
  using M = opmath_t<T>;
  const M v = value.to<M>();
  cpu_kernel(iter, [v](T s, T a, T b) -> T {
    return static_cast<T>(static_cast<M>(s) + v * static_cast<M>(a) / static_cast<M>(b));
  });
}

void addcmul_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_SWITCH(iter.common_dtype(), "addcmul",
                        EMBER_CASES_INTEGRAL([&] { addcmul_typed<scalar_t>(iter, value); })
                            EMBER_CASES_FLOATING([&] { addcmul_typed<scalar_t>(iter, value); })
                                EMBER_CASES_COMPLEX(
                                    [&] { addcmul_typed<scalar_t>(iter, value); }));
}
void addcdiv_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.common_dtype(), "addcdiv",
                                      [&] { addcdiv_typed<scalar_t>(iter, value); });
}
EMBER_REGISTER_CPU_KERNEL(addcmul_stub, &addcmul_kernel);
EMBER_REGISTER_CPU_KERNEL(addcdiv_stub, &addcdiv_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
