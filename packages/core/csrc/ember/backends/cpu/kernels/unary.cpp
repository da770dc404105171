// CPU kernels of the unary op table (ops/unary.h): one functor per op.
#include <cmath>

#include "ember/backends/cpu/loops.h"
#include "ember/backends/cpu/math.h"
#include "ember/ops/unary.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

// Float ops: compute in opmath (float for float16/bfloat16).
template <typename F>
void float_kernel(TensorIterator& iter, const char* name, F f) {
  EMBER_DISPATCH_FLOATING(iter.dtype(0), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T x) -> T { return T(f(static_cast<M>(x))); });
  });
}

// Float ops with a complex form: `cexpr` computes on std::complex (default level only).
template <typename F, typename G>
void float_complex_kernel(TensorIterator& iter, const char* name, F f, G g) {
  if (is_complex(iter.dtype(0))) {
    EMBER_DISPATCH_SWITCH(iter.dtype(0), name, EMBER_CASES_COMPLEX([&] {
      using T = scalar_t;
      cpu_kernel(iter, [g](T x) -> T { return g(x); });
    }));
    return;
  }
  float_kernel(iter, name, f);
}

#define EMBER_FLOAT_UNARY_KERNEL(name, expr)                                   \
  void name##_kernel(TensorIterator& iter) {                                   \
    float_kernel(iter, #name, [](auto x) { return expr; });                   \
  }                                                                            \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);

#define EMBER_FLOAT_COMPLEX_UNARY_KERNEL(name, expr, cexpr)                    \
  void name##_kernel(TensorIterator& iter) {                                   \
    float_complex_kernel(                                                      \
        iter, #name, [](auto x) { return expr; },                              \
        [](auto x) {                                                           \
          using C = decltype(x);                                               \
          (void)sizeof(C);                                                     \
          return cexpr;                                                        \
        });                                                                    \
  }                                                                            \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);

// The same expression for real and complex arguments.
#define EMBER_FLOAT_BOTH_UNARY_KERNEL(name, expr) EMBER_FLOAT_COMPLEX_UNARY_KERNEL(name, expr, expr)

constexpr double kLn2 = 0.6931471805599453;

EMBER_FLOAT_COMPLEX_UNARY_KERNEL(exp, math::exp(x), std::exp(x))
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(exp2, std::exp2(x), std::exp(x * typename C::value_type(kLn2)))
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(expm1, std::expm1(x), std::exp(x) - C(1))
EMBER_FLOAT_BOTH_UNARY_KERNEL(log, std::log(x))
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(log2, std::log2(x), std::log(x) / typename C::value_type(kLn2))
EMBER_FLOAT_BOTH_UNARY_KERNEL(log10, std::log10(x))
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(log1p, std::log1p(x), std::log(C(1) + x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(sqrt, std::sqrt(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(rsqrt, decltype(x)(1) / std::sqrt(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(sin, std::sin(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(cos, std::cos(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(tan, std::tan(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(asin, std::asin(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(acos, std::acos(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(atan, std::atan(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(sinh, std::sinh(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(cosh, std::cosh(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(tanh, std::tanh(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(asinh, std::asinh(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(acosh, std::acosh(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(atanh, std::atanh(x))
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(sigmoid, math::sigmoid(x), C(1) / (C(1) + std::exp(-x)))
EMBER_FLOAT_UNARY_KERNEL(erf, std::erf(x))
EMBER_FLOAT_UNARY_KERNEL(erfc, std::erfc(x))
EMBER_FLOAT_UNARY_KERNEL(erfinv, math::erfinv(x))
EMBER_FLOAT_BOTH_UNARY_KERNEL(reciprocal, decltype(x)(1) / x)
EMBER_FLOAT_COMPLEX_UNARY_KERNEL(silu, x * math::sigmoid(x), x / (C(1) + std::exp(-x)))
EMBER_FLOAT_UNARY_KERNEL(mish, x * std::tanh(math::softplus(x)))

// Ops that keep the dtype: integers get their own (often trivial) definition.
template <typename T>
constexpr bool is_float_v = std::is_floating_point_v<T> || std::is_same_v<T, Half> ||
                            std::is_same_v<T, BFloat16>;

template <typename F>
void same_kernel_all(TensorIterator& iter, const char* name, F f) {
  EMBER_DISPATCH_ALL(iter.dtype(0), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T x) -> T { return static_cast<T>(f(static_cast<M>(x))); });
  });
}

void neg_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_SWITCH(iter.dtype(0), "neg", EMBER_CASES_INTEGRAL([&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [](T x) -> T { return static_cast<T>(-static_cast<M>(x)); });
  }) EMBER_CASES_FLOATING([&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [](T x) -> T { return static_cast<T>(-static_cast<M>(x)); });
  }) EMBER_CASES_COMPLEX([&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [](T x) -> T { return static_cast<T>(-static_cast<M>(x)); });
  }));
}
EMBER_REGISTER_CPU_KERNEL(neg_stub, &neg_kernel);

void abs_kernel(TensorIterator& iter) {
  if (is_complex(iter.dtype(1))) {  // complex in, real out (ops/unary.cpp)
    EMBER_DISPATCH_SWITCH(iter.dtype(1), "abs", EMBER_CASES_COMPLEX([&] {
      using T = scalar_t;
      cpu_kernel(iter, [](T x) -> typename T::value_type { return std::abs(x); });
    }));
    return;
  }
  same_kernel_all(iter, "abs", [](auto x) {
    using M = decltype(x);
    if constexpr (std::is_same_v<M, bool> || std::is_unsigned_v<M>) {
      return x;
    } else if constexpr (std::is_floating_point_v<M>) {
      return std::abs(x);  // clears the sign of -0.0 and keeps nan
    } else {
      return static_cast<M>(x < M(0) ? -x : x);
    }
  });
}
EMBER_REGISTER_CPU_KERNEL(abs_stub, &abs_kernel);

void sign_kernel(TensorIterator& iter) {
  same_kernel_all(iter, "sign", [](auto x) {
    using M = decltype(x);
    if constexpr (std::is_same_v<M, bool>) {
      return x;
    } else {
      return static_cast<M>((M(0) < x) - (x < M(0)));
    }
  });
}
EMBER_REGISTER_CPU_KERNEL(sign_stub, &sign_kernel);

#define EMBER_ROUNDING_KERNEL(name, fn)                    \
  void name##_kernel(TensorIterator& iter) {               \
    same_kernel_all(iter, #name, [](auto x) {              \
      using M = decltype(x);                               \
      if constexpr (std::is_floating_point_v<M>) {         \
        return fn(x);                                      \
      } else {                                             \
        return x;                                          \
      }                                                    \
    });                                                    \
  }                                                        \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);
EMBER_ROUNDING_KERNEL(floor, std::floor)
EMBER_ROUNDING_KERNEL(ceil, std::ceil)
EMBER_ROUNDING_KERNEL(trunc, std::trunc)

void frac_kernel(TensorIterator& iter) {
  float_kernel(iter, "frac", [](auto x) { return x - std::trunc(x); });
}
EMBER_REGISTER_CPU_KERNEL(frac_stub, &frac_kernel);

void relu_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_NUMERIC(iter.dtype(0), "relu", [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [](T v) -> T {
      const M x = static_cast<M>(v);
      return static_cast<T>(math::is_nan(x) ? x : (x > M(0) ? x : M(0)));
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(relu_stub, &relu_kernel);

template <typename T>
void bitwise_not_typed(TensorIterator& iter) {
  if constexpr (std::is_same_v<T, bool>) {
    cpu_kernel(iter, [](bool x) -> bool { return !x; });
  } else {
    cpu_kernel(iter, [](T x) -> T { return static_cast<T>(~x); });
  }
}

void bitwise_not_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_INTEGRAL_AND_BOOL(iter.dtype(0), "bitwise_not",
                                   [&] { bitwise_not_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(bitwise_not_stub, &bitwise_not_kernel);

// Predicates: bool results. `g` handles complex inputs (default level only).
template <typename F, typename G>
void predicate_kernel(TensorIterator& iter, const char* name, F f, G g) {
  if (is_complex(iter.dtype(1))) {
    EMBER_DISPATCH_SWITCH(iter.dtype(1), name, EMBER_CASES_COMPLEX([&] {
      using T = scalar_t;
      cpu_kernel(iter, [g](T x) -> bool { return g(x.real(), x.imag()); });
    }));
    return;
  }
  EMBER_DISPATCH_ALL(iter.dtype(1), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T x) -> bool { return f(static_cast<M>(x)); });
  });
}

// complex_expr sees the parts `re` and `im`; ops that reject complex inputs (checked in
// ops/unary.cpp) pass `false`.
#define EMBER_PREDICATE_KERNEL(name, float_expr, other_expr, complex_expr)        \
  void name##_kernel(TensorIterator& iter) {                                      \
    predicate_kernel(                                                             \
        iter, #name,                                                              \
        [](auto x) -> bool {                                                      \
          using M = decltype(x);                                                  \
          if constexpr (std::is_floating_point_v<M>) {                            \
            return float_expr;                                                    \
          } else {                                                                \
            return other_expr;                                                    \
          }                                                                       \
        },                                                                        \
        [](auto re, auto im) -> bool {                                            \
          (void)re;                                                               \
          (void)im;                                                               \
          return complex_expr;                                                    \
        });                                                                       \
  }                                                                               \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);
EMBER_PREDICATE_KERNEL(isnan, std::isnan(x), false, std::isnan(re) || std::isnan(im))
EMBER_PREDICATE_KERNEL(isinf, std::isinf(x), false, std::isinf(re) || std::isinf(im))
EMBER_PREDICATE_KERNEL(isfinite, std::isfinite(x), true, std::isfinite(re) && std::isfinite(im))
EMBER_PREDICATE_KERNEL(isposinf, std::isinf(x) && x > 0, false, false)
EMBER_PREDICATE_KERNEL(isneginf, std::isinf(x) && x < 0, false, false)
EMBER_PREDICATE_KERNEL(signbit, math::sign_bit(x), (std::is_signed_v<M> && x < M(0)), false)
EMBER_PREDICATE_KERNEL(logical_not, x == M(0), x == M(0), re == 0 && im == 0)

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
