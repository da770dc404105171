#include "ember/core/scalar_type.h"

#include <atomic>

namespace ember {

const char* scalar_type_name(ScalarType t) {
  switch (t) {
#define EMBER_NAME_CASE(cpp, name, str) \
  case ScalarType::name:                \
    return str;
    EMBER_FORALL_SCALAR_TYPES(EMBER_NAME_CASE)
#undef EMBER_NAME_CASE
    case ScalarType::Undefined:
      break;
  }
  return "undefined";
}

ScalarType to_real(ScalarType t) {
  if (t == ScalarType::Complex64) return ScalarType::Float32;
  if (t == ScalarType::Complex128) return ScalarType::Float64;
  return t;
}

ScalarType to_complex(ScalarType t) {
  switch (t) {
    case ScalarType::Float64:
    case ScalarType::Complex128:
      return ScalarType::Complex128;
    case ScalarType::Float16:
    case ScalarType::BFloat16:
    case ScalarType::Float32:
    case ScalarType::Complex64:
      return ScalarType::Complex64;
    default:
      break;
  }
  EMBER_NOT_IMPLEMENTED("[to_complex] no complex counterpart of ", scalar_type_name(t));
}

namespace {

// Rank of a floating type's precision; float16 and bfloat16 tie (and meet at float32).
int float_rank(ScalarType t) {
  switch (t) {
    case ScalarType::Float16:
    case ScalarType::BFloat16:
      return 0;
    case ScalarType::Float32:
      return 1;
    default:
      return 2;
  }
}

ScalarType promote_integral(ScalarType a, ScalarType b) {
  // uint8 is the only unsigned type: with int8 the result needs int16; with a wider
  // signed type that type holds every uint8 value.
  if (a == ScalarType::UInt8 || b == ScalarType::UInt8) {
    const ScalarType other = a == ScalarType::UInt8 ? b : a;
    return other == ScalarType::Int8 ? ScalarType::Int16 : other;
  }
  return a > b ? a : b;  // Int8 < Int16 < Int32 < Int64 in the enum
}

ScalarType promote_floating(ScalarType a, ScalarType b) {
  if (a == b) return a;
  const int ra = float_rank(a), rb = float_rank(b);
  if (ra == rb) return ScalarType::Float32;  // float16 with bfloat16
  return ra > rb ? a : b;
}

}  // namespace

ScalarType promote_types(ScalarType a, ScalarType b) {
  EMBER_CHECK_TYPE(a != ScalarType::Undefined && b != ScalarType::Undefined,
                   "[promote_types] undefined dtype");
  if (a == b) return a;
  if (a == ScalarType::Bool) return b;
  if (b == ScalarType::Bool) return a;
  if (is_complex(a) || is_complex(b)) {
    // Precision is the larger of the two real parts; integers add none.
    const ScalarType ra = to_real(a), rb = to_real(b);
    const bool a_float = is_floating(ra), b_float = is_floating(rb);
    ScalarType real = a_float && b_float ? promote_floating(ra, rb) : (a_float ? ra : rb);
    return to_complex(real);
  }
  if (is_floating(a) && is_floating(b)) return promote_floating(a, b);
  if (is_floating(a)) return a;
  if (is_floating(b)) return b;
  return promote_integral(a, b);
}

bool can_cast(ScalarType from, ScalarType to) {
  if (is_complex(from) && !is_complex(to)) return false;
  if (is_floating(from) && is_integral(to, /*include_bool=*/true)) return false;
  if (from != ScalarType::Bool && to == ScalarType::Bool) return false;
  return true;
}

namespace {
std::atomic<ScalarType> g_default_dtype{ScalarType::Float32};
}

ScalarType default_dtype() { return g_default_dtype.load(std::memory_order_relaxed); }

void set_default_dtype(ScalarType t) {
  EMBER_CHECK_TYPE(is_floating(t),
                   "[set_default_dtype] only floating-point types are supported as the default "
                   "type, got ", scalar_type_name(t));
  g_default_dtype.store(t, std::memory_order_relaxed);
}

ScalarType default_complex_dtype() {
  return default_dtype() == ScalarType::Float64 ? ScalarType::Complex128 : ScalarType::Complex64;
}

}  // namespace ember
