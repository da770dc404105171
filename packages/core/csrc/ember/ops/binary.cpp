#include "ember/ops/binary.h"

#include <cstring>
#include "ember/autograd/record.h"
#include "ember/ops/indexing.h"
#include "ember/ops/ternary.h"
#include "ember/ops/unary.h"

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

// ---- derivatives ------------------------------------------------------------------
// Each differentiable op has a formula giving the gradients of a and b from the
// incoming gradient g, the inputs and the result r, written with public ops (so it is
// differentiable again). Gradients may keep the broadcast shape: the engine sums them
// down to each input's shape. `need` says which of the two are wanted.

using autograd::variable_list;

struct BinaryGradArgs {
  const Tensor& g;
  const Tensor& a;
  const Tensor& b;
  const Tensor& r;
  bool need_a;
  bool need_b;
};
using BinaryGradFn = std::pair<Tensor, Tensor> (*)(const BinaryGradArgs&);

// Which saved values a formula reads (the others are not kept alive).
enum BinaryUses : int { kUsesA = 1, kUsesB = 2, kUsesResult = 4 };

struct BinaryDerivative {
  const char* node_name;
  int uses;
  BinaryGradFn fn;
};

class BinaryBackward final : public autograd::Node {
 public:
  variable_list apply(variable_list&& grads) override {
    auto self = shared_from_this();
    const Tensor a = a_.unpack(self), b = b_.unpack(self), r = r_.unpack(self);
    auto [ga, gb] = derivative_->fn(
        {grads[0], a, b, r, should_compute_output(0), should_compute_output(1)});
    return {should_compute_output(0) ? ga : Tensor(), should_compute_output(1) ? gb : Tensor()};
  }
  std::string name() const override { return derivative_->node_name; }
  void release_variables() override {
    a_.reset();
    b_.reset();
    r_.reset();
  }

  const BinaryDerivative* derivative_ = nullptr;
  autograd::SavedVariable a_, b_, r_;
};

// Records the node for result r = op(a, b). For an in-place op, `a_before` is a's value
// before the write when the formula needs it (a itself now holds the result).
void record_binary(const BinaryDerivative* d, const Tensor& a, const Tensor& b, const Tensor& r,
                   bool inplace, const Tensor& a_before) {
  // Called before an in-place write rebases a, so a's edge is its history before it.
  auto node = autograd::make_node<BinaryBackward>(a, b);
  node->derivative_ = d;
  if (d->uses & kUsesA) node->a_ = autograd::SavedVariable(inplace ? a_before : a, false);
  if (d->uses & kUsesB) node->b_ = autograd::SavedVariable(b, false);
  if (d->uses & kUsesResult) node->r_ = autograd::SavedVariable(r, true);
  if (inplace) {
    autograd::rebase_history(r, node);
  } else {
    autograd::set_history(r, node);
  }
}

Tensor zeros_grad(const Tensor& g) { return mul(g, Scalar(0)); }

// Half the gradient to each side where a == b, as torch does for maximum/minimum.
std::pair<Tensor, Tensor> select_grad(const BinaryGradArgs& x, const Tensor& a_wins) {
  const Tensor tie = eq(x.a, x.b);
  const Tensor half = mul(x.g, Scalar(0.5));
  const Tensor ga = where(tie, half, where(a_wins, x.g, zeros_grad(x.g)));
  const Tensor gb = where(tie, half, where(a_wins, zeros_grad(x.g), x.g));
  return {ga, gb};
}

const BinaryDerivative kMul{"MulBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  return std::pair{x.need_a ? mul(x.g, x.b) : Tensor(), x.need_b ? mul(x.g, x.a) : Tensor()};
}};
const BinaryDerivative kDiv{"DivBackward0", kUsesB | kUsesResult, [](const BinaryGradArgs& x) {
  return std::pair{x.need_a ? div(x.g, x.b) : Tensor(),
                   x.need_b ? neg(div(mul(x.g, x.r), x.b)) : Tensor()};
}};
const BinaryDerivative kRemainder{"RemainderBackward0", kUsesA | kUsesB,
                                  [](const BinaryGradArgs& x) {
  return std::pair{x.g, x.need_b ? neg(mul(x.g, div_floor(x.a, x.b))) : Tensor()};
}};
const BinaryDerivative kFmod{"FmodBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  return std::pair{x.g, x.need_b ? neg(mul(x.g, div_trunc(x.a, x.b))) : Tensor()};
}};
const BinaryDerivative kPiecewiseConstant{"FloorDivideBackward0", 0, [](const BinaryGradArgs& x) {
  return std::pair{zeros_grad(x.g), zeros_grad(x.g)};
}};
const BinaryDerivative kDivTrunc{"DivBackward2", 0, kPiecewiseConstant.fn};
const BinaryDerivative kDivFloor{"DivBackward3", 0, kPiecewiseConstant.fn};
const BinaryDerivative kPow{"PowBackward1", kUsesA | kUsesB | kUsesResult,
                            [](const BinaryGradArgs& x) {
  Tensor ga, gb;
  if (x.need_a) {
    // b * a^(b-1), taken as 0 where b == 0 (torch's convention, avoids 0 * inf).
    const Tensor d = mul(x.b, pow(x.a, sub(x.b, Scalar(1))));
    ga = mul(x.g, where(eq(x.b, Scalar(0)), zeros_grad(d), d));
  }
  if (x.need_b) {
    // r * log(a), taken as 0 where a == 0 and b >= 0.
    const Tensor d = mul(x.r, log(x.a));
    gb = mul(x.g, where(logical_and(eq(x.a, Scalar(0)), ge(x.b, Scalar(0))), zeros_grad(d), d));
  }
  return std::pair{ga, gb};
}};
const BinaryDerivative kMaximum{"MaximumBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  return select_grad(x, gt(x.a, x.b));
}};
const BinaryDerivative kMinimum{"MinimumBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  return select_grad(x, lt(x.a, x.b));
}};
// fmax/fmin: the gradient goes to the value taken (a on ties, b where a is nan).
const BinaryDerivative kFmax{"FmaxBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  const Tensor a_taken = logical_or(ge(x.a, x.b), isnan(x.b));
  return std::pair{where(a_taken, x.g, zeros_grad(x.g)), where(a_taken, zeros_grad(x.g), x.g)};
}};
const BinaryDerivative kFmin{"FminBackward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  const Tensor a_taken = logical_or(le(x.a, x.b), isnan(x.b));
  return std::pair{where(a_taken, x.g, zeros_grad(x.g)), where(a_taken, zeros_grad(x.g), x.g)};
}};
const BinaryDerivative kAtan2{"Atan2Backward0", kUsesA | kUsesB, [](const BinaryGradArgs& x) {
  const Tensor scale = div(x.g, add(mul(x.a, x.a), mul(x.b, x.b)));
  return std::pair{mul(scale, x.b), neg(mul(scale, x.a))};
}};
const BinaryDerivative kHypot{"HypotBackward0", kUsesA | kUsesB | kUsesResult,
                              [](const BinaryGradArgs& x) {
  const Tensor scale = div(x.g, x.r);
  return std::pair{mul(scale, x.a), mul(scale, x.b)};
}};
const BinaryDerivative kLogaddexp{"LogaddexpBackward0", kUsesA | kUsesB,
                                  [](const BinaryGradArgs& x) {
  return std::pair{div(x.g, add(exp(sub(x.b, x.a)), Scalar(1))),
                   div(x.g, add(exp(sub(x.a, x.b)), Scalar(1)))};
}};
const BinaryDerivative kLogaddexp2{"Logaddexp2Backward0", kUsesA | kUsesB,
                                   [](const BinaryGradArgs& x) {
  return std::pair{div(x.g, add(exp2(sub(x.b, x.a)), Scalar(1))),
                   div(x.g, add(exp2(sub(x.a, x.b)), Scalar(1)))};
}};
const BinaryDerivative kCopysign{"CopysignBackward0", kUsesA | kUsesResult,
                                 [](const BinaryGradArgs& x) {
  // d/da copysign(a, b) = r / a (its sign), 0 where a == 0.
  const Tensor ratio = div(x.r, x.a);
  return std::pair{mul(x.g, where(eq(x.a, Scalar(0)), zeros_grad(ratio), ratio)),
                   zeros_grad(x.g)};
}};

#define EMBER_BINARY_DERIVATIVE_ENTRY(name, derivative) \
  constexpr const BinaryDerivative* name##_derivative = &derivative;
EMBER_BINARY_DERIVATIVE_ENTRY(mul, kMul)
EMBER_BINARY_DERIVATIVE_ENTRY(div, kDiv)
EMBER_BINARY_DERIVATIVE_ENTRY(remainder, kRemainder)
EMBER_BINARY_DERIVATIVE_ENTRY(fmod, kFmod)
EMBER_BINARY_DERIVATIVE_ENTRY(floor_divide, kPiecewiseConstant)
EMBER_BINARY_DERIVATIVE_ENTRY(div_trunc, kDivTrunc)
EMBER_BINARY_DERIVATIVE_ENTRY(div_floor, kDivFloor)
EMBER_BINARY_DERIVATIVE_ENTRY(pow, kPow)
EMBER_BINARY_DERIVATIVE_ENTRY(maximum, kMaximum)
EMBER_BINARY_DERIVATIVE_ENTRY(minimum, kMinimum)
EMBER_BINARY_DERIVATIVE_ENTRY(fmax, kFmax)
EMBER_BINARY_DERIVATIVE_ENTRY(fmin, kFmin)
EMBER_BINARY_DERIVATIVE_ENTRY(atan2, kAtan2)
EMBER_BINARY_DERIVATIVE_ENTRY(hypot, kHypot)
EMBER_BINARY_DERIVATIVE_ENTRY(logaddexp, kLogaddexp)
EMBER_BINARY_DERIVATIVE_ENTRY(logaddexp2, kLogaddexp2)
EMBER_BINARY_DERIVATIVE_ENTRY(copysign, kCopysign)
// Comparisons, logical and bitwise ops give bool or integer results: not differentiable.
#define EMBER_NOT_DIFFERENTIABLE(name) constexpr const BinaryDerivative* name##_derivative = nullptr;
EMBER_BINARY_COMPARE_OPS(EMBER_NOT_DIFFERENTIABLE)
EMBER_BINARY_LOGICAL_OPS(EMBER_NOT_DIFFERENTIABLE)
EMBER_BINARY_BITWISE_OPS(EMBER_NOT_DIFFERENTIABLE)
#undef EMBER_NOT_DIFFERENTIABLE

void check_out_not_recorded(const char* name, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(!autograd::compute_requires_grad(a, b), "[", name, "] functions with out=... "
              "arguments don't support automatic differentiation, but one of the arguments "
              "requires grad.");
}

template <typename Stub>
Tensor run_binary(Stub& stub, const char* name, BinaryKind kind, const Tensor& out,
                  const Tensor& a, const Tensor& b, bool inplace,
                  const BinaryDerivative* derivative) {
  if (out.defined() && !inplace) check_out_not_recorded(name, a, b);
  const bool record = derivative != nullptr && autograd::compute_requires_grad(a, b);
  if (!record) {
    TensorIterator iter = build_binary(name, kind, out, a, b, inplace);
    stub(iter.device().type, iter);
    iter.finish();
    return iter.output();
  }
  if (inplace) autograd::check_inplace(a, name);
  Tensor a_before;
  {
    autograd::NoGradIf no_grad(true);
    if (inplace) a_before = (derivative->uses & kUsesA) ? clone(a) : a;
    TensorIterator iter = build_binary(name, kind, out, a, b, inplace);
    stub(iter.device().type, iter);
    iter.finish();
    Tensor r = iter.output();
    record_binary(derivative, a, b, r, inplace, a_before);
    return r;
  }
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

class AddBackward final : public autograd::Node {
 public:
  AddBackward(const char* name, const Scalar& alpha) : name_(name), alpha_(alpha) {}
  variable_list apply(variable_list&& grads) override {
    const Tensor& g = grads[0];
    Tensor gb;
    if (should_compute_output(1)) gb = alpha_.to_double() == 1.0 ? g : mul(g, alpha_);
    return {should_compute_output(0) ? g : Tensor(), gb};
  }
  std::string name() const override { return name_; }

 private:
  const char* name_;
  Scalar alpha_;
};

Tensor add_impl(const char* name, const Tensor& out, const Tensor& a, const Tensor& b,
                const Scalar& alpha, bool inplace) {
  const bool record = autograd::compute_requires_grad(a, b);
  if (out.defined() && !inplace) check_out_not_recorded(name, a, b);
  if (record && inplace) autograd::check_inplace(a, name);
  autograd::NoGradIf no_grad(record);
  std::shared_ptr<autograd::Node> node;
  if (record) {
    // sub is add with a negated alpha; rsub (number - tensor) too, with the operands
    // swapped.
    const bool is_sub = name[0] == 's' || name[0] == 'r';
    node = std::make_shared<AddBackward>(is_sub ? "SubBackward0" : "AddBackward0", alpha);
    node->set_next_edges({autograd::gradient_edge(a), autograd::gradient_edge(b)});
  }
  TensorIterator iter = build_binary(name, BinaryKind::Arith, out, a, b, inplace);
  check_alpha(name, iter.common_dtype(), alpha);
  add_stub(iter.device().type, iter, alpha);
  iter.finish();
  if (record) {
    if (inplace) {
      autograd::rebase_history(iter.output(), node);
    } else {
      autograd::set_history(iter.output(), node);
    }
  }
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
    return run_binary(name##_stub, #name, kind, Tensor(), a, b, false, name##_derivative); \
  }                                                                                     \
  Tensor name(const Tensor& a, const Scalar& b) {                                       \
    OpScope scope(#name);                                                               \
    return run_binary(name##_stub, #name, kind, Tensor(), a, wrap(#name, kind, a, b), false, \
                      name##_derivative);                                               \
  }                                                                                     \
  Tensor name(const Scalar& a, const Tensor& b) {                                       \
    OpScope scope(#name);                                                               \
    return run_binary(name##_stub, #name, kind, Tensor(), wrap(#name, kind, b, a), b, false, \
                      name##_derivative);                                               \
  }                                                                                     \
  const Tensor& name##_inplace(const Tensor& a, const Tensor& b) {                      \
    OpScope scope(#name "_");                                                           \
    run_binary(name##_stub, #name "_", kind, a, a, b, true, name##_derivative);         \
    return a;                                                                           \
  }                                                                                     \
  const Tensor& name##_inplace(const Tensor& a, const Scalar& b) {                      \
    OpScope scope(#name "_");                                                           \
    run_binary(name##_stub, #name "_", kind, a, a, wrap(#name, kind, a, b), true,       \
               name##_derivative);                                                      \
    return a;                                                                           \
  }                                                                                     \
  const Tensor& name##_out(const Tensor& out, const Tensor& a, const Tensor& b) {       \
    OpScope scope(#name);                                                               \
    run_binary(name##_stub, #name, kind, out, a, b, false, name##_derivative);          \
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
