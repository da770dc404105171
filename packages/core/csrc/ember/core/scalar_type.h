// Element types, their properties, and PyTorch's type-promotion lattice.
#pragma once

#include <complex>
#include <cstdint>
#include <string>

#include "ember/core/errors.h"
#include "ember/core/half.h"
#include "ember/export.h"

namespace ember {

// The order is part of the ABI (dtype objects are indexed by it).
#define EMBER_FORALL_SCALAR_TYPES(_)         \
  _(bool, Bool, "bool")                      \
  _(uint8_t, UInt8, "uint8")                 \
  _(int8_t, Int8, "int8")                    \
  _(int16_t, Int16, "int16")                 \
  _(int32_t, Int32, "int32")                 \
  _(int64_t, Int64, "int64")                 \
  _(::ember::Half, Float16, "float16")       \
  _(::ember::BFloat16, BFloat16, "bfloat16") \
  _(float, Float32, "float32")               \
  _(double, Float64, "float64")              \
  _(std::complex<float>, Complex64, "complex64") \
  _(std::complex<double>, Complex128, "complex128")

enum class ScalarType : int8_t {
#define EMBER_DEFINE_ENUM(cpp, name, str) name,
  EMBER_FORALL_SCALAR_TYPES(EMBER_DEFINE_ENUM)
#undef EMBER_DEFINE_ENUM
      Undefined,
};

constexpr int kNumScalarTypes = static_cast<int>(ScalarType::Undefined);

EMBER_API const char* scalar_type_name(ScalarType t);  // "float32"
// Bytes per element (0 for Undefined). Inline: every op asks, several times.
inline size_t element_size(ScalarType t) {
  constexpr size_t kSizes[] = {
#define EMBER_SIZE_ENTRY(cpp, name, str) sizeof(cpp),
      EMBER_FORALL_SCALAR_TYPES(EMBER_SIZE_ENTRY)
#undef EMBER_SIZE_ENTRY
          0};
  const auto index = static_cast<size_t>(t);
  return index < sizeof(kSizes) / sizeof(kSizes[0]) ? kSizes[index] : 0;
}

inline bool is_complex(ScalarType t) {
  return t == ScalarType::Complex64 || t == ScalarType::Complex128;
}
inline bool is_floating(ScalarType t) {
  return t == ScalarType::Float16 || t == ScalarType::BFloat16 || t == ScalarType::Float32 ||
         t == ScalarType::Float64;
}
inline bool is_integral(ScalarType t, bool include_bool) {
  return (include_bool && t == ScalarType::Bool) ||
         (t >= ScalarType::UInt8 && t <= ScalarType::Int64);
}
inline bool is_signed(ScalarType t) { return t != ScalarType::Bool && t != ScalarType::UInt8; }

// The real type of a complex type (complex64 -> float32); other types unchanged.
EMBER_API ScalarType to_real(ScalarType t);
// The complex type with the same precision (float32 -> complex64).
EMBER_API ScalarType to_complex(ScalarType t);

// torch.promote_types: the smallest type both convert to without losing category.
EMBER_API ScalarType promote_types(ScalarType a, ScalarType b);
// torch.can_cast: whether casting from -> to is allowed under PyTorch's casting rules
// (no lowering of category: float -> int, complex -> float, non-bool -> bool).
EMBER_API bool can_cast(ScalarType from, ScalarType to);

// The default floating dtype (ember.set_default_dtype) and the matching complex one.
EMBER_API ScalarType default_dtype();
EMBER_API void set_default_dtype(ScalarType t);
EMBER_API ScalarType default_complex_dtype();

template <typename T>
struct CppTypeToScalarType;
#define EMBER_SPECIALIZE_CPP(cpp, name, str)                       \
  template <>                                                      \
  struct CppTypeToScalarType<cpp> {                                \
    static constexpr ScalarType value = ScalarType::name;          \
  };
EMBER_FORALL_SCALAR_TYPES(EMBER_SPECIALIZE_CPP)
#undef EMBER_SPECIALIZE_CPP

// The type arithmetic happens in: float for the 16-bit floats, the type itself otherwise.
template <typename T>
struct OpMath {
  using type = T;
};
template <>
struct OpMath<Half> {
  using type = float;
};
template <>
struct OpMath<BFloat16> {
  using type = float;
};
template <typename T>
using opmath_t = typename OpMath<T>::type;

template <typename T>
struct is_complex_t : std::false_type {};
template <typename T>
struct is_complex_t<std::complex<T>> : std::true_type {};

}  // namespace ember

// Type dispatch: EMBER_DISPATCH(dtype, "op", KIND, [&] { ... scalar_t ... }).
// KIND selects the types the body is instantiated for.
#define EMBER_DISPATCH_CASE(cpp, name, ...)     \
  case ::ember::ScalarType::name: {             \
    using scalar_t = cpp;                       \
    return __VA_ARGS__();                       \
  }

#define EMBER_DISPATCH_FAIL(op, t) \
  EMBER_NOT_IMPLEMENTED("[", op, "] not implemented for dtype ", ::ember::scalar_type_name(t))

#define EMBER_CASES_INTEGRAL(...)                            \
  EMBER_DISPATCH_CASE(uint8_t, UInt8, __VA_ARGS__)           \
  EMBER_DISPATCH_CASE(int8_t, Int8, __VA_ARGS__)             \
  EMBER_DISPATCH_CASE(int16_t, Int16, __VA_ARGS__)           \
  EMBER_DISPATCH_CASE(int32_t, Int32, __VA_ARGS__)           \
  EMBER_DISPATCH_CASE(int64_t, Int64, __VA_ARGS__)
#define EMBER_CASES_FLOATING(...)                            \
  EMBER_DISPATCH_CASE(::ember::Half, Float16, __VA_ARGS__)   \
  EMBER_DISPATCH_CASE(::ember::BFloat16, BFloat16, __VA_ARGS__) \
  EMBER_DISPATCH_CASE(float, Float32, __VA_ARGS__)           \
  EMBER_DISPATCH_CASE(double, Float64, __VA_ARGS__)
#define EMBER_CASES_COMPLEX(...)                                      \
  EMBER_DISPATCH_CASE(std::complex<float>, Complex64, __VA_ARGS__)    \
  EMBER_DISPATCH_CASE(std::complex<double>, Complex128, __VA_ARGS__)
#define EMBER_CASES_BOOL(...) EMBER_DISPATCH_CASE(bool, Bool, __VA_ARGS__)

#define EMBER_DISPATCH_SWITCH(TYPE, OP, CASES)   \
  [&] {                                          \
    const ::ember::ScalarType _st = (TYPE);      \
    switch (_st) {                               \
      CASES                                      \
      default:                                   \
        EMBER_DISPATCH_FAIL(OP, _st);            \
    }                                            \
  }()

// Every real type (bool, integers, floats).
#define EMBER_DISPATCH_ALL(TYPE, OP, ...)                                        \
  EMBER_DISPATCH_SWITCH(TYPE, OP,                                                \
                        EMBER_CASES_BOOL(__VA_ARGS__) EMBER_CASES_INTEGRAL(__VA_ARGS__) \
                            EMBER_CASES_FLOATING(__VA_ARGS__))
// Every type including complex.
#define EMBER_DISPATCH_ALL_AND_COMPLEX(TYPE, OP, ...)                            \
  EMBER_DISPATCH_SWITCH(TYPE, OP,                                                \
                        EMBER_CASES_BOOL(__VA_ARGS__) EMBER_CASES_INTEGRAL(__VA_ARGS__) \
                            EMBER_CASES_FLOATING(__VA_ARGS__) EMBER_CASES_COMPLEX(__VA_ARGS__))
#define EMBER_DISPATCH_FLOATING(TYPE, OP, ...) \
  EMBER_DISPATCH_SWITCH(TYPE, OP, EMBER_CASES_FLOATING(__VA_ARGS__))
#define EMBER_DISPATCH_FLOATING_AND_COMPLEX(TYPE, OP, ...) \
  EMBER_DISPATCH_SWITCH(TYPE, OP, EMBER_CASES_FLOATING(__VA_ARGS__) EMBER_CASES_COMPLEX(__VA_ARGS__))
#define EMBER_DISPATCH_INTEGRAL(TYPE, OP, ...) \
  EMBER_DISPATCH_SWITCH(TYPE, OP, EMBER_CASES_INTEGRAL(__VA_ARGS__))
#define EMBER_DISPATCH_INTEGRAL_AND_BOOL(TYPE, OP, ...) \
  EMBER_DISPATCH_SWITCH(TYPE, OP, EMBER_CASES_BOOL(__VA_ARGS__) EMBER_CASES_INTEGRAL(__VA_ARGS__))
// Integers and floats, no bool.
#define EMBER_DISPATCH_NUMERIC(TYPE, OP, ...) \
  EMBER_DISPATCH_SWITCH(TYPE, OP, EMBER_CASES_INTEGRAL(__VA_ARGS__) EMBER_CASES_FLOATING(__VA_ARGS__))
