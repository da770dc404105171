// CPU kernels of the binary op table (ops/binary.h).
#include <atomic>
#include <cmath>

#include "ember/backends/cpu/loops.h"
#include "ember/backends/cpu/math.h"
#include "ember/ops/binary.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
constexpr bool is_floatish_v = std::is_floating_point_v<T>;

// out = f(a, b) in the common dtype, computing in opmath (float for 16-bit floats).
template <typename F>
void same_dtype_kernel(TensorIterator& iter, const char* name, F f) {
  EMBER_DISPATCH_ALL(iter.common_dtype(), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T a, T b) -> T {
      return static_cast<T>(f(static_cast<M>(a), static_cast<M>(b)));
    });
  });
}

// `if constexpr` discards only inside templates, so per-type branches live in these
// function templates rather than in the dispatch lambdas.
template <typename T>
void add_typed(TensorIterator& iter, const Scalar& alpha) {
  using M = opmath_t<T>;
  if constexpr (std::is_same_v<T, bool>) {
    const bool a = alpha.to<bool>();
    cpu_kernel(iter, [a](bool x, bool y) -> bool { return x || (a && y); });
  } else {
    const M a = alpha.to<M>();
    if (a == M(1)) {
      cpu_kernel(iter, [](T x, T y) -> T { return static_cast<T>(M(x) + M(y)); });
    } else {
      cpu_kernel(iter, [a](T x, T y) -> T { return static_cast<T>(M(x) + a * M(y)); });
    }
  }
}

void add_kernel(TensorIterator& iter, const Scalar& alpha) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.common_dtype(), "add",
                                 [&] { add_typed<scalar_t>(iter, alpha); });
}
EMBER_REGISTER_CPU_KERNEL(add_stub, &add_kernel);

template <typename T>
void mul_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  if constexpr (std::is_same_v<T, bool>) {
    cpu_kernel(iter, [](bool x, bool y) -> bool { return x && y; });
  } else {
    cpu_kernel(iter, [](T x, T y) -> T { return static_cast<T>(M(x) * M(y)); });
  }
}

void mul_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.common_dtype(), "mul", [&] { mul_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(mul_stub, &mul_kernel);

// Integer division and remainder by zero raise, as torch does; the kernel records it
// and the error is raised after the loop (never from inside an OpenMP region).
struct ZeroDivisionFlag {
  std::atomic<bool> hit{false};
  void raise_if_hit(const char* op) const {
    if (hit.load()) throw Error(detail::concat("[", op, "] ZeroDivisionError"));
  }
};

template <typename T, typename IntOp, typename FloatOp>
void division_typed(TensorIterator& iter, ZeroDivisionFlag& zero, IntOp int_op, FloatOp float_op) {
  using M = opmath_t<T>;
  if constexpr (std::is_integral_v<T>) {
    cpu_kernel(iter, [&zero, int_op](T a, T b) -> T {
      if (b == 0) {
        zero.hit.store(true, std::memory_order_relaxed);
        return T(0);
      }
      return int_op(a, b);
    });
  } else {
    cpu_kernel(iter, [float_op](T a, T b) -> T { return static_cast<T>(float_op(M(a), M(b))); });
  }
}

template <typename IntOp, typename FloatOp>
void division_kernel(TensorIterator& iter, const char* name, IntOp int_op, FloatOp float_op) {
  ZeroDivisionFlag zero;
  EMBER_DISPATCH_NUMERIC(iter.common_dtype(), name,
                         [&] { division_typed<scalar_t>(iter, zero, int_op, float_op); });
  zero.raise_if_hit(name);
}

template <typename T>
T floor_div_int(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b == T(-1)) return static_cast<T>(-static_cast<std::make_unsigned_t<T>>(a));  // no UB
    const T q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? static_cast<T>(q - 1) : q;
  } else {
    return a / b;
  }
}

template <typename M>
M floor_div_float(M a, M b) {
  // Python's float floor division: floor of the true quotient, computed via fmod so
  // that a == b * q + r holds as well as it can.
  if (b == M(0)) return a / b;
  const M mod = std::fmod(a, b);
  M div = (a - mod) / b;
  if (mod != M(0) && ((b < M(0)) != (mod < M(0)))) div -= M(1);
  if (div != M(0)) {
    const M floored = std::floor(div);
    if (div - floored > M(0.5)) return floored + M(1);
    return floored;
  }
  return std::copysign(M(0), a / b);
}

void div_floor_kernel(TensorIterator& iter) {
  division_kernel(iter, "div", [](auto a, auto b) { return floor_div_int(a, b); },
                  [](auto a, auto b) { return floor_div_float(a, b); });
}
EMBER_REGISTER_CPU_KERNEL(div_floor_stub, &div_floor_kernel);
EMBER_REGISTER_CPU_KERNEL(floor_divide_stub, &div_floor_kernel);

void div_trunc_kernel(TensorIterator& iter) {
  division_kernel(iter, "div",
                  [](auto a, auto b) {
                    using T = decltype(a);
                    if constexpr (std::is_signed_v<T>) {
                      if (b == T(-1)) return static_cast<T>(-static_cast<std::make_unsigned_t<T>>(a));
                    }
                    return static_cast<T>(a / b);
                  },
                  [](auto a, auto b) { return std::trunc(a / b); });
}
EMBER_REGISTER_CPU_KERNEL(div_trunc_stub, &div_trunc_kernel);

void remainder_kernel(TensorIterator& iter) {
  division_kernel(iter, "remainder",
                  [](auto a, auto b) {
                    using T = decltype(a);
                    if constexpr (std::is_signed_v<T>) {
                      if (b == T(-1)) return T(0);
                      const T r = static_cast<T>(a % b);
                      return (r != 0 && ((r < 0) != (b < 0))) ? static_cast<T>(r + b) : r;
                    } else {
                      return static_cast<T>(a % b);
                    }
                  },
                  [](auto a, auto b) {
                    using M = decltype(a);
                    M r = std::fmod(a, b);
                    if (r != M(0) && ((r < M(0)) != (b < M(0)))) r += b;
                    return r;
                  });
}
EMBER_REGISTER_CPU_KERNEL(remainder_stub, &remainder_kernel);

void fmod_kernel(TensorIterator& iter) {
  division_kernel(iter, "fmod",
                  [](auto a, auto b) {
                    using T = decltype(a);
                    if constexpr (std::is_signed_v<T>) {
                      if (b == T(-1)) return T(0);
                    }
                    return static_cast<T>(a % b);
                  },
                  [](auto a, auto b) { return std::fmod(a, b); });
}
EMBER_REGISTER_CPU_KERNEL(fmod_stub, &fmod_kernel);

template <typename T>
T int_pow(T base, T exp) {
  if constexpr (std::is_signed_v<T>) {
    if (exp < 0) {
      if (base == 1) return 1;
      if (base == -1) return (exp & 1) ? T(-1) : T(1);
      return 0;
    }
  }
  T result = 1;
  while (exp) {
    if (exp & 1) result = static_cast<T>(result * base);
    exp = static_cast<T>(exp >> 1);
    base = static_cast<T>(base * base);
  }
  return result;
}

template <typename T>
void pow_typed(TensorIterator& iter) {
  using M = opmath_t<T>;
  if constexpr (std::is_same_v<T, bool>) {
    cpu_kernel(iter, [](bool a, bool b) -> bool { return a || !b; });
  } else if constexpr (std::is_integral_v<T>) {
    cpu_kernel(iter, [](T a, T b) -> T { return int_pow(a, b); });
  } else {
    cpu_kernel(iter, [](T a, T b) -> T { return static_cast<T>(std::pow(M(a), M(b))); });
  }
}

void pow_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.common_dtype(), "pow", [&] { pow_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(pow_stub, &pow_kernel);

#define EMBER_SAME_DTYPE_KERNEL(name, expr)                                 \
  void name##_kernel(TensorIterator& iter) {                                \
    same_dtype_kernel(iter, #name, [](auto a, auto b) {                     \
      using M = decltype(a);                                                \
      (void)sizeof(M);                                                      \
      return expr;                                                          \
    });                                                                     \
  }                                                                         \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);

// maximum/minimum propagate nan; fmax/fmin ignore it.
EMBER_SAME_DTYPE_KERNEL(maximum, (math::is_nan(a) || math::is_nan(b)) ? (math::is_nan(a) ? a : b)
                                                                      : (a > b ? a : b))
EMBER_SAME_DTYPE_KERNEL(minimum, (math::is_nan(a) || math::is_nan(b)) ? (math::is_nan(a) ? a : b)
                                                                      : (a < b ? a : b))
EMBER_SAME_DTYPE_KERNEL(fmax, math::is_nan(a) ? b : (math::is_nan(b) ? a : (a > b ? a : b)))
EMBER_SAME_DTYPE_KERNEL(fmin, math::is_nan(a) ? b : (math::is_nan(b) ? a : (a < b ? a : b)))

// Float ops: the common dtype is already floating (ops/binary.cpp promotes integers).
template <typename F>
void float_binary_kernel(TensorIterator& iter, const char* name, F f) {
  EMBER_DISPATCH_FLOATING(iter.common_dtype(), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T a, T b) -> T { return static_cast<T>(f(M(a), M(b))); });
  });
}

#define EMBER_FLOAT_BINARY_KERNEL(name, expr)                                    \
  void name##_kernel(TensorIterator& iter) {                                     \
    float_binary_kernel(iter, #name, [](auto a, auto b) { return expr; });       \
  }                                                                              \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);

// Complex division (ops/binary.cpp lets complex through for div only).
void div_kernel(TensorIterator& iter) {
  if (is_complex(iter.common_dtype())) {
    EMBER_DISPATCH_SWITCH(iter.common_dtype(), "div", EMBER_CASES_COMPLEX([&] {
      using T = scalar_t;
      cpu_kernel(iter, [](T a, T b) -> T { return a / b; });
    }));
    return;
  }
  float_binary_kernel(iter, "div", [](auto a, auto b) { return a / b; });
}
EMBER_REGISTER_CPU_KERNEL(div_stub, &div_kernel);
EMBER_FLOAT_BINARY_KERNEL(atan2, std::atan2(a, b))
EMBER_FLOAT_BINARY_KERNEL(hypot, std::hypot(a, b))
EMBER_FLOAT_BINARY_KERNEL(copysign, std::copysign(a, b))

template <typename M>
M logaddexp(M a, M b) {
  if (std::isinf(a) && a == b) return a;  // both -inf (or both +inf)
  const M m = a > b ? a : b;
  if (std::isnan(m)) return a + b;
  return m + std::log1p(std::exp(-std::abs(a - b)));
}
template <typename M>
M logaddexp2(M a, M b) {
  if (std::isinf(a) && a == b) return a;
  const M m = a > b ? a : b;
  if (std::isnan(m)) return a + b;
  return m + std::log1p(std::exp2(-std::abs(a - b))) / M(0.6931471805599453);
}
EMBER_FLOAT_BINARY_KERNEL(logaddexp, logaddexp(a, b))
EMBER_FLOAT_BINARY_KERNEL(logaddexp2, logaddexp2(a, b))

// Comparisons and logical ops: inputs in the common dtype, bool out. Complex inputs
// reach eq, ne and the logical ops only (ops/binary.cpp rejects the ordered ones).
template <typename T, typename F>
void complex_predicate_typed(TensorIterator& iter, F f) {
  if constexpr (is_complex_t<T>::value) cpu_kernel(iter, [f](T a, T b) -> bool { return f(a, b); });
}

template <typename F, typename G>
void predicate_kernel(TensorIterator& iter, const char* name, F f, G g) {
  if (is_complex(iter.common_dtype())) {
    EMBER_DISPATCH_SWITCH(iter.common_dtype(), name, EMBER_CASES_COMPLEX([&] {
      complex_predicate_typed<scalar_t>(iter, g);
    }));
    return;
  }
  EMBER_DISPATCH_ALL(iter.common_dtype(), name, [&] {
    using T = scalar_t;
    using M = opmath_t<T>;
    cpu_kernel(iter, [f](T a, T b) -> bool { return f(M(a), M(b)); });
  });
}

#define EMBER_PREDICATE_BINARY_KERNEL(name, expr, complex_expr)                 \
  void name##_kernel(TensorIterator& iter) {                                 \
    predicate_kernel(                                                        \
        iter, #name,                                                         \
        [](auto a, auto b) -> bool {                                         \
          using M = decltype(a);                                             \
          (void)sizeof(M);                                                   \
          return expr;                                                       \
        },                                                                   \
        [](auto a, auto b) -> bool {                                         \
          using M = decltype(a);                                             \
          (void)sizeof(M);                                                   \
          (void)a;                                                           \
          (void)b;                                                           \
          return complex_expr;                                               \
        });                                                                  \
  }                                                                          \
  EMBER_REGISTER_CPU_KERNEL(name##_stub, &name##_kernel);

EMBER_PREDICATE_BINARY_KERNEL(eq, a == b, a == b)
EMBER_PREDICATE_BINARY_KERNEL(ne, a != b, a != b)
EMBER_PREDICATE_BINARY_KERNEL(lt, a < b, false)
EMBER_PREDICATE_BINARY_KERNEL(le, a <= b, false)
EMBER_PREDICATE_BINARY_KERNEL(gt, a > b, false)
EMBER_PREDICATE_BINARY_KERNEL(ge, a >= b, false)
EMBER_PREDICATE_BINARY_KERNEL(logical_and, (a != M(0)) && (b != M(0)), (a != M(0)) && (b != M(0)))
EMBER_PREDICATE_BINARY_KERNEL(logical_or, (a != M(0)) || (b != M(0)), (a != M(0)) || (b != M(0)))
EMBER_PREDICATE_BINARY_KERNEL(logical_xor, (a != M(0)) != (b != M(0)),
                              (a != M(0)) != (b != M(0)))

template <typename F>
void bitwise_kernel(TensorIterator& iter, const char* name, F f) {
  EMBER_DISPATCH_INTEGRAL_AND_BOOL(iter.common_dtype(), name, [&] {
    using T = scalar_t;
    cpu_kernel(iter, [f](T a, T b) -> T { return static_cast<T>(f(a, b)); });
  });
}

template <typename T>
T shift_left(T a, T b) {
  using U = std::make_unsigned_t<T>;
  constexpr T bits = static_cast<T>(sizeof(T) * 8);
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) return 0;
  }
  return b >= bits ? T(0) : static_cast<T>(static_cast<U>(a) << b);
}
template <typename T>
T shift_right(T a, T b) {
  constexpr T bits = static_cast<T>(sizeof(T) * 8);
  if constexpr (std::is_signed_v<T>) {
    if (b < 0 || b >= bits) return a < 0 ? T(-1) : T(0);
  } else {
    if (b >= bits) return T(0);
  }
  return static_cast<T>(a >> b);
}

void bitwise_and_kernel(TensorIterator& iter) {
  bitwise_kernel(iter, "bitwise_and", [](auto a, auto b) { return a & b; });
}
void bitwise_or_kernel(TensorIterator& iter) {
  bitwise_kernel(iter, "bitwise_or", [](auto a, auto b) { return a | b; });
}
void bitwise_xor_kernel(TensorIterator& iter) {
  bitwise_kernel(iter, "bitwise_xor", [](auto a, auto b) { return a ^ b; });
}
template <typename T>
void shift_typed(TensorIterator& iter, bool left) {
  if (left) {
    cpu_kernel(iter, [](T a, T b) -> T { return shift_left(a, b); });
  } else {
    cpu_kernel(iter, [](T a, T b) -> T { return shift_right(a, b); });
  }
}

void shift_kernel(TensorIterator& iter, bool left) {
  const char* name = left ? "bitwise_left_shift" : "bitwise_right_shift";
  EMBER_DISPATCH_INTEGRAL(iter.common_dtype(), name, [&] { shift_typed<scalar_t>(iter, left); });
}
void left_shift_kernel(TensorIterator& iter) { shift_kernel(iter, true); }
void right_shift_kernel(TensorIterator& iter) { shift_kernel(iter, false); }
EMBER_REGISTER_CPU_KERNEL(bitwise_and_stub, &bitwise_and_kernel);
EMBER_REGISTER_CPU_KERNEL(bitwise_or_stub, &bitwise_or_kernel);
EMBER_REGISTER_CPU_KERNEL(bitwise_xor_stub, &bitwise_xor_kernel);
EMBER_REGISTER_CPU_KERNEL(bitwise_left_shift_stub, &left_shift_kernel);
EMBER_REGISTER_CPU_KERNEL(bitwise_right_shift_stub, &right_shift_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
