#include "ember/ops/binary.h"

#include <cstring>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/type_promotion.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"

namespace ember {
namespace {

enum class BinaryKind { Arith, Float, Compare, Logical, Bitwise };

bool is_op_ordered(const char* name) {
  static const char* const kOrdered[] = {"lt", "le", "gt", "ge", "maximum", "minimum", "fmax",
                                         "fmin"};
  for (const char* op : kOrdered) {
    if (std::strncmp(name, op, std::strlen(op)) == 0) return true;
  }
  return false;
}

// The dtype the op computes in, by torch's rules, and the checks on it. Computed
// here (not only in the iterator) so Python numbers can be materialized in it directly.
// The binary ops defined for complex numbers; the others raise NotImplementedError (a
// RuntimeError) naming the op and the dtype.
bool supports_complex(const char* name) {
  static const char* const kComplexOps[] = {"add", "sub", "mul", "div", "pow", "eq", "ne",
                                            "logical_and", "logical_or", "logical_xor"};
  for (const char* op : kComplexOps) {
    const size_t n = std::strlen(op);
    if (std::strncmp(name, op, n) == 0 && (name[n] == '\0' || (name[n] == '_' && name[n + 1] == '\0'))) {
      return true;
    }
  }
  return false;
}

ScalarType compute_dtype(const char* name, BinaryKind kind, ScalarType promoted) {
  if (is_complex(promoted) && !supports_complex(name)) {
    EMBER_NOT_IMPLEMENTED("[", name, "] is not supported for ", scalar_type_name(promoted),
                          is_op_ordered(name) ? " (complex numbers are not ordered)" : "");
  }
  switch (kind) {
    case BinaryKind::Float:
      return is_integral(promoted, /*include_bool=*/true) ? default_dtype() : promoted;
    case BinaryKind::Bitwise:
      EMBER_CHECK(is_integral(promoted, /*include_bool=*/true), "[", name,
                       "] is only supported for integer and bool tensors, got ",
                       scalar_type_name(promoted));
      return promoted;
    default:
      return promoted;
  }
}

TensorIterator build_binary(const char* name, BinaryKind kind, const Tensor& out,
                            const Tensor& a, const Tensor& b, bool inplace) {
  const ScalarType common = compute_dtype(name, kind, result_type(a, b));
  TensorIteratorConfig config(name);
  config.add_output(out)
      .add_input(a)
      .add_input(b)
      .resize_outputs(!inplace)
      .declare_static_common_dtype(common)
      .cast_common_dtype_to_outputs(true);
  if (kind == BinaryKind::Compare || kind == BinaryKind::Logical) {
    config.declare_static_output_dtype(ScalarType::Bool);
  } else {
    config.enforce_safe_casting_to_output(true);
  }
  return config.build();
}

}  // namespace

Tensor scalar_to_tensor(const Scalar& s, ScalarType dtype, Device device) {
  Tensor t = empty({}, dtype, device.is_meta() ? device : Device(DeviceType::CPU));
  if (!device.is_meta()) {
    fill_(t, s);
    if (device.type != DeviceType::CPU) t = to_device(t, device);
  }
  t.impl()->set_wrapped_number(true);
  return t;
}

namespace {

// A Python number joins a tensor op as a wrapped 0-d tensor already in the op's dtype.
Tensor wrap(const char* name, BinaryKind kind, const Tensor& other, const Scalar& s) {
  const ScalarType common = compute_dtype(name, kind, result_type(other, s));
  return scalar_to_tensor(s, common, other.device());
}

template <typename Stub>
Tensor run_binary(Stub& stub, const char* name, BinaryKind kind, const Tensor& out,
                  const Tensor& a, const Tensor& b, bool inplace) {
  TensorIterator iter = build_binary(name, kind, out, a, b, inplace);
  stub(iter.device().type, iter);
  iter.finish();
  return iter.output();
}

void check_sub(const Tensor& a, const Tensor& b) {
  EMBER_CHECK_TYPE(a.dtype() != ScalarType::Bool || b.dtype() != ScalarType::Bool,
                   "[sub] Subtraction, the `-` operator, with two bool tensors is not supported. "
                   "Use the `^` or `logical_xor()` operator instead.");
}

void check_alpha(const char* name, ScalarType dtype, const Scalar& alpha) {
  EMBER_CHECK_TYPE(!(is_integral(dtype, /*include_bool=*/true) && alpha.is_floating()), "[",
                   name, "] For integral input tensors, argument alpha must not be a floating "
                   "point number.");
  EMBER_CHECK_TYPE(!(alpha.is_bool() && dtype != ScalarType::Bool), "[", name,
                   "] Boolean alpha only supported for Boolean results.");
  EMBER_CHECK_TYPE(!(alpha.is_complex() && !is_complex(dtype)), "[", name,
                   "] For non-complex input tensors, argument alpha must not be a complex "
                   "number (got ", scalar_type_name(dtype), " inputs)");
}

Tensor add_impl(const char* name, const Tensor& out, const Tensor& a, const Tensor& b,
                const Scalar& alpha, bool inplace) {
  TensorIterator iter = build_binary(name, BinaryKind::Arith, out, a, b, inplace);
  check_alpha(name, iter.common_dtype(), alpha);
  add_stub(iter.device().type, iter, alpha);
  iter.finish();
  return iter.output();
}

Scalar negate(const Scalar& s) {
  switch (s.kind()) {
    case Scalar::Kind::Bool:
    case Scalar::Kind::Int:
      return Scalar(-s.to_int());
    case Scalar::Kind::Float:
      return Scalar(-s.to_double());
    case Scalar::Kind::Complex:
      return Scalar(-s.to_complex());
  }
  return s;
}

}  // namespace

EMBER_DEFINE_STUB(binary_alpha_fn, add_stub);

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("add");
  return add_impl("add", Tensor(), a, b, alpha, false);
}
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha) {
  OpScope scope("add");
  return add_impl("add", Tensor(), a, wrap("add", BinaryKind::Arith, a, b), alpha, false);
}
const Tensor& add_inplace(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("add_");
  add_impl("add_", a, a, b, alpha, true);
  return a;
}
const Tensor& add_inplace(const Tensor& a, const Scalar& b, const Scalar& alpha) {
  OpScope scope("add_");
  add_impl("add_", a, a, wrap("add_", BinaryKind::Arith, a, b), alpha, true);
  return a;
}
const Tensor& add_out(const Tensor& out, const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("add");
  add_impl("add", out, a, b, alpha, false);
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("sub");
  check_sub(a, b);
  return add_impl("sub", Tensor(), a, b, negate(alpha), false);
}
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha) {
  OpScope scope("sub");
  Tensor wb = wrap("sub", BinaryKind::Arith, a, b);
  check_sub(a, wb);
  return add_impl("sub", Tensor(), a, wb, negate(alpha), false);
}
Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("rsub");
  Tensor wa = wrap("rsub", BinaryKind::Arith, b, a);
  check_sub(wa, b);
  return add_impl("rsub", Tensor(), wa, b, negate(alpha), false);
}
const Tensor& sub_inplace(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("sub_");
  check_sub(a, b);
  add_impl("sub_", a, a, b, negate(alpha), true);
  return a;
}
const Tensor& sub_inplace(const Tensor& a, const Scalar& b, const Scalar& alpha) {
  OpScope scope("sub_");
  Tensor wb = wrap("sub_", BinaryKind::Arith, a, b);
  check_sub(a, wb);
  add_impl("sub_", a, a, wb, negate(alpha), true);
  return a;
}
const Tensor& sub_out(const Tensor& out, const Tensor& a, const Tensor& b, const Scalar& alpha) {
  OpScope scope("sub");
  check_sub(a, b);
  add_impl("sub", out, a, b, negate(alpha), false);
  return out;
}

#define EMBER_DEFINE_BINARY(name, kind)                                                 \
  EMBER_DEFINE_STUB(binary_fn, name##_stub);                                            \
  Tensor name(const Tensor& a, const Tensor& b) {                                       \
    OpScope scope(#name);                                                               \
    return run_binary(name##_stub, #name, kind, Tensor(), a, b, false);                 \
  }                                                                                     \
  Tensor name(const Tensor& a, const Scalar& b) {                                       \
    OpScope scope(#name);                                                               \
    return run_binary(name##_stub, #name, kind, Tensor(), a, wrap(#name, kind, a, b), false); \
  }                                                                                     \
  Tensor name(const Scalar& a, const Tensor& b) {                                       \
    OpScope scope(#name);                                                               \
    return run_binary(name##_stub, #name, kind, Tensor(), wrap(#name, kind, b, a), b, false); \
  }                                                                                     \
  const Tensor& name##_inplace(const Tensor& a, const Tensor& b) {                      \
    OpScope scope(#name "_");                                                           \
    run_binary(name##_stub, #name "_", kind, a, a, b, true);                            \
    return a;                                                                           \
  }                                                                                     \
  const Tensor& name##_inplace(const Tensor& a, const Scalar& b) {                      \
    OpScope scope(#name "_");                                                           \
    run_binary(name##_stub, #name "_", kind, a, a, wrap(#name, kind, a, b), true);      \
    return a;                                                                           \
  }                                                                                     \
  const Tensor& name##_out(const Tensor& out, const Tensor& a, const Tensor& b) {       \
    OpScope scope(#name);                                                               \
    run_binary(name##_stub, #name, kind, out, a, b, false);                             \
    return out;                                                                         \
  }
#define EMBER_DEFINE_ARITH(name) EMBER_DEFINE_BINARY(name, BinaryKind::Arith)
#define EMBER_DEFINE_FLOAT(name) EMBER_DEFINE_BINARY(name, BinaryKind::Float)
#define EMBER_DEFINE_COMPARE(name) EMBER_DEFINE_BINARY(name, BinaryKind::Compare)
#define EMBER_DEFINE_LOGICAL(name) EMBER_DEFINE_BINARY(name, BinaryKind::Logical)
#define EMBER_DEFINE_BITWISE(name) EMBER_DEFINE_BINARY(name, BinaryKind::Bitwise)
EMBER_BINARY_ARITH_OPS(EMBER_DEFINE_ARITH)
EMBER_BINARY_ROUNDING_DIV_OPS(EMBER_DEFINE_ARITH)
EMBER_BINARY_FLOAT_OPS(EMBER_DEFINE_FLOAT)
EMBER_BINARY_COMPARE_OPS(EMBER_DEFINE_COMPARE)
EMBER_BINARY_LOGICAL_OPS(EMBER_DEFINE_LOGICAL)
EMBER_BINARY_BITWISE_OPS(EMBER_DEFINE_BITWISE)

Tensor div_mode(const Tensor& a, const Tensor& b,
                const std::optional<std::string>& rounding_mode) {
  if (!rounding_mode) return div(a, b);
  if (*rounding_mode == "trunc") return div_trunc(a, b);
  if (*rounding_mode == "floor") return div_floor(a, b);
  throw ValueError(detail::concat(
      "[div] expected rounding_mode to be one of None, 'trunc', or 'floor' but found '",
      *rounding_mode, "'"));
}

}  // namespace ember
