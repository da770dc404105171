#include "ember/ops/unary.h"

#include <cstring>
#include <cmath>

#include "ember/autograd/record.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/pointwise_params.h"
#include "ember/ops/ternary.h"

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"

namespace ember {
namespace {

enum class UnaryKind { Float, Same, Predicate };

// Whether `name` (or its in-place form `name_`) is `op`.
bool is_op(const char* name, const char* op) {
  const size_t n = std::strlen(op);
  return std::strncmp(name, op, n) == 0 && (name[n] == '\0' || (name[n] == '_' && name[n + 1] == '\0'));
}

// The ops torch defines for real numbers only; complex inputs get a NotImplementedError
// (a RuntimeError) naming the op and the dtype, before any kernel runs.
void check_complex_support(const char* name, ScalarType t) {
  if (!is_complex(t)) return;
  static const char* const kRealOnly[] = {"erf",  "erfc",  "erfinv", "mish",        "floor",
                                          "ceil", "trunc", "frac",   "relu",        "bitwise_not",
                                          "isposinf", "isneginf", "signbit"};
  for (const char* op : kRealOnly) {
    if (is_op(name, op)) {
      EMBER_NOT_IMPLEMENTED("[", name, "] ", op, " is not supported for ", scalar_type_name(t),
                            " inputs");
    }
  }
  if (is_op(name, "sign")) {
    EMBER_NOT_IMPLEMENTED("[", name, "] Unlike NumPy, sign is not intended to support complex "
                          "numbers (got ", scalar_type_name(t), "). Please use sgn instead.");
  }
  EMBER_CHECK(std::strcmp(name, "abs_") != 0, "[abs_] In-place abs is not supported for complex "
              "tensors (got ", scalar_type_name(t), ")");
}

TensorIterator build_unary(const char* name, UnaryKind kind, const Tensor& out, const Tensor& x,
                           bool inplace) {
  check_complex_support(name, x.dtype());
  TensorIteratorConfig config(name);
  config.add_output(out).add_input(x).resize_outputs(!inplace);
  if (is_complex(x.dtype()) && is_op(name, "abs")) {  // |z| is real
    config.declare_static_output_dtype(to_real(x.dtype()))
        .declare_static_common_dtype(x.dtype())
        .cast_common_dtype_to_outputs(true)
        .enforce_safe_casting_to_output(true);
    return config.build();
  }
  switch (kind) {
    case UnaryKind::Float:
      config.promote_inputs_to_common_dtype(true)
          .promote_integer_inputs_to_float(true)
          .cast_common_dtype_to_outputs(true)
          .enforce_safe_casting_to_output(true);
      break;
    case UnaryKind::Same:
      config.cast_common_dtype_to_outputs(true).enforce_safe_casting_to_output(true);
      break;
    case UnaryKind::Predicate:
      // In place (logical_not_) the bool result is written in x's own dtype.
      config.declare_static_output_dtype(ScalarType::Bool)
          .declare_static_common_dtype(x.dtype())
          .cast_common_dtype_to_outputs(true);
      break;
  }
  return config.build();
}

}  // namespace

#define EMBER_DEFINE_UNARY(name, kind)                                              \
  EMBER_DEFINE_STUB(unary_fn, name##_stub);                                         \
  Tensor name(const Tensor& x) {                                                    \
    OpScope scope(#name);                                                           \
    return run_unary_recorded(name##_stub, #name, kind, Tensor(), x, false,         \
                              name##_derivative);                                   \
  }                                                                                 \
  const Tensor& name##_inplace(const Tensor& x) {                                   \
    OpScope scope(#name "_");                                                       \
    run_unary_recorded(name##_stub, #name "_", kind, x, x, true, name##_derivative); \
    return x;                                                                       \
  }                                                                                 \
  const Tensor& name##_out(const Tensor& out, const Tensor& x) {                    \
    OpScope scope(#name);                                                           \
    run_unary_recorded(name##_stub, #name, kind, out, x, false, name##_derivative); \
    return out;                                                                     \
  }
#define EMBER_DEFINE_FLOAT(name) EMBER_DEFINE_UNARY(name, UnaryKind::Float)
#define EMBER_DEFINE_SAME(name) EMBER_DEFINE_UNARY(name, UnaryKind::Same)
#define EMBER_DEFINE_PREDICATE(name) EMBER_DEFINE_UNARY(name, UnaryKind::Predicate)
EMBER_UNARY_FLOAT_OPS(EMBER_DEFINE_FLOAT)
EMBER_UNARY_SAME_OPS(EMBER_DEFINE_SAME)
EMBER_UNARY_PREDICATE_OPS(EMBER_DEFINE_PREDICATE)

Tensor positive(const Tensor& x) {
  EMBER_CHECK_TYPE(x.dtype() != ScalarType::Bool,
                   "[positive] The `+` operator, on a bool tensor is not supported.");
  return x;
}

}  // namespace ember
