#include "ember/ops/unary.h"

#include <cmath>
#include <cstring>

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

// ---- derivatives ------------------------------------------------------------------
// One formula per differentiable op: the gradient of x from the incoming gradient g, the
// input x and the result r, in public ops (differentiable again). `uses` says which of
// x and r the formula reads, so only those are saved.

enum UnaryUses : int { kUsesInput = 1, kUsesResult = 2 };
using UnaryGradFn = Tensor (*)(const Tensor& g, const Tensor& x, const Tensor& r);
struct UnaryDerivative {
  const char* node_name;
  int uses;
  UnaryGradFn fn;
};

constexpr double kLn2 = 0.69314718055994530942;
constexpr double kLn10 = 2.30258509299404568402;
constexpr double kTwoOverSqrtPi = 1.12837916709551257390;
constexpr double kSqrtPiOverTwo = 0.88622692545275801365;

Tensor zeros_grad(const Tensor& g) { return mul(g, Scalar(0)); }

#define EMBER_UNARY_DERIVATIVE(op, node, uses, formula)                               \
  const UnaryDerivative op##_derivative_def{                                          \
      node, uses, [](const Tensor& g, const Tensor& x, const Tensor& r) -> Tensor {   \
        (void)x;                                                                      \
        (void)r;                                                                      \
        return formula;                                                               \
      }};                                                                             \
  constexpr const UnaryDerivative* op##_derivative = &op##_derivative_def;
EMBER_UNARY_DERIVATIVE(exp, "ExpBackward0", kUsesResult, mul(g, r))
EMBER_UNARY_DERIVATIVE(exp2, "Exp2Backward0", kUsesResult, mul(g, mul(r, Scalar(kLn2))))
EMBER_UNARY_DERIVATIVE(expm1, "Expm1Backward0", kUsesResult, mul(g, add(r, Scalar(1))))
EMBER_UNARY_DERIVATIVE(log, "LogBackward0", kUsesInput, div(g, x))
EMBER_UNARY_DERIVATIVE(log2, "Log2Backward0", kUsesInput, div(g, mul(x, Scalar(kLn2))))
EMBER_UNARY_DERIVATIVE(log10, "Log10Backward0", kUsesInput, div(g, mul(x, Scalar(kLn10))))
EMBER_UNARY_DERIVATIVE(log1p, "Log1PBackward0", kUsesInput, div(g, add(x, Scalar(1))))
EMBER_UNARY_DERIVATIVE(sqrt, "SqrtBackward0", kUsesResult, div(g, mul(r, Scalar(2))))
EMBER_UNARY_DERIVATIVE(rsqrt, "RsqrtBackward0", kUsesResult,
                       mul(g, mul(pow(r, Scalar(3)), Scalar(-0.5))))
EMBER_UNARY_DERIVATIVE(sin, "SinBackward0", kUsesInput, mul(g, cos(x)))
EMBER_UNARY_DERIVATIVE(cos, "CosBackward0", kUsesInput, mul(g, neg(sin(x))))
EMBER_UNARY_DERIVATIVE(tan, "TanBackward0", kUsesResult, mul(g, add(mul(r, r), Scalar(1))))
EMBER_UNARY_DERIVATIVE(asin, "AsinBackward0", kUsesInput,
                       div(g, sqrt(sub(Scalar(1), mul(x, x)))))
EMBER_UNARY_DERIVATIVE(acos, "AcosBackward0", kUsesInput,
                       neg(div(g, sqrt(sub(Scalar(1), mul(x, x))))))
EMBER_UNARY_DERIVATIVE(atan, "AtanBackward0", kUsesInput, div(g, add(mul(x, x), Scalar(1))))
EMBER_UNARY_DERIVATIVE(sinh, "SinhBackward0", kUsesInput, mul(g, cosh(x)))
EMBER_UNARY_DERIVATIVE(cosh, "CoshBackward0", kUsesInput, mul(g, sinh(x)))
EMBER_UNARY_DERIVATIVE(tanh, "TanhBackward0", kUsesResult, mul(g, sub(Scalar(1), mul(r, r))))
EMBER_UNARY_DERIVATIVE(asinh, "AsinhBackward0", kUsesInput,
                       div(g, sqrt(add(mul(x, x), Scalar(1)))))
EMBER_UNARY_DERIVATIVE(acosh, "AcoshBackward0", kUsesInput,
                       div(g, sqrt(sub(mul(x, x), Scalar(1)))))
EMBER_UNARY_DERIVATIVE(atanh, "AtanhBackward0", kUsesInput, div(g, sub(Scalar(1), mul(x, x))))
EMBER_UNARY_DERIVATIVE(sigmoid, "SigmoidBackward0", kUsesResult,
                       mul(g, mul(r, sub(Scalar(1), r))))
EMBER_UNARY_DERIVATIVE(erf, "ErfBackward0", kUsesInput,
                       mul(g, mul(exp(neg(mul(x, x))), Scalar(kTwoOverSqrtPi))))
EMBER_UNARY_DERIVATIVE(erfc, "ErfcBackward0", kUsesInput,
                       mul(g, mul(exp(neg(mul(x, x))), Scalar(-kTwoOverSqrtPi))))
EMBER_UNARY_DERIVATIVE(erfinv, "ErfinvBackward0", kUsesResult,
                       mul(g, mul(exp(mul(r, r)), Scalar(kSqrtPiOverTwo))))
EMBER_UNARY_DERIVATIVE(reciprocal, "ReciprocalBackward0", kUsesResult, neg(mul(g, mul(r, r))))
// silu(x) = x s, s = sigmoid(x): s (1 + x (1 - s)).
EMBER_UNARY_DERIVATIVE(silu, "SiluBackward0", kUsesInput,
                       mul(g, mul(sigmoid(x), add(mul(x, sub(Scalar(1), sigmoid(x))),
                                                  Scalar(1)))))
// mish(x) = x t, t = tanh(softplus(x)): t + x sigmoid(x) (1 - t^2).
EMBER_UNARY_DERIVATIVE(mish, "MishBackward0", kUsesInput, [&] {
  const Tensor t = tanh(softplus(x));
  return mul(g, add(t, mul(mul(x, sigmoid(x)), sub(Scalar(1), mul(t, t)))));
}())
EMBER_UNARY_DERIVATIVE(neg, "NegBackward0", 0, neg(g))
EMBER_UNARY_DERIVATIVE(abs, "AbsBackward0", kUsesInput, mul(g, sign(x)))
EMBER_UNARY_DERIVATIVE(sign, "SignBackward0", 0, zeros_grad(g))
EMBER_UNARY_DERIVATIVE(floor, "FloorBackward0", 0, zeros_grad(g))
EMBER_UNARY_DERIVATIVE(ceil, "CeilBackward0", 0, zeros_grad(g))
EMBER_UNARY_DERIVATIVE(trunc, "TruncBackward0", 0, zeros_grad(g))
EMBER_UNARY_DERIVATIVE(frac, "FracBackward0", 0, g)
EMBER_UNARY_DERIVATIVE(relu, "ReluBackward0", kUsesResult,
                       where(gt(r, Scalar(0)), g, zeros_grad(g)))
#undef EMBER_UNARY_DERIVATIVE
// bitwise_not and the predicates give integer or bool results: not differentiable.
constexpr const UnaryDerivative* bitwise_not_derivative = nullptr;
#define EMBER_NOT_DIFFERENTIABLE(op) constexpr const UnaryDerivative* op##_derivative = nullptr;
EMBER_UNARY_PREDICATE_OPS(EMBER_NOT_DIFFERENTIABLE)
#undef EMBER_NOT_DIFFERENTIABLE

using autograd::variable_list;

class UnaryBackward final : public autograd::Node {
 public:
  variable_list apply(variable_list&& grads) override {
    auto self = shared_from_this();
    return {derivative_->fn(grads[0], x_.unpack(self), r_.unpack(self))};
  }
  std::string name() const override { return derivative_->node_name; }
  void release_variables() override {
    x_.reset();
    r_.reset();
  }

  const UnaryDerivative* derivative_ = nullptr;
  autograd::SavedVariable x_, r_;
};

// Runs a unary op, recording its node when x requires grad (in grad mode). In place, the
// input's old value is saved (cloned) when the formula needs it.
template <typename Stub>
Tensor run_unary_recorded(Stub& stub, const char* name, UnaryKind kind, const Tensor& out,
                          const Tensor& x, bool inplace, const UnaryDerivative* d) {
  const bool record = d != nullptr && autograd::compute_requires_grad(x);
  EMBER_CHECK(!(record && out.defined() && !inplace), "[", name, "] functions with out=... "
              "arguments don't support automatic differentiation, but one of the arguments "
              "requires grad.");
  if (!record) {
    TensorIterator iter = build_unary(name, kind, out, x, inplace);
    stub(iter.device().type, iter);
    iter.finish();
    return out.defined() ? out : iter.output();
  }
  if (inplace) autograd::check_inplace(x, name);
  autograd::NoGradIf no_grad(true);
  auto node = autograd::make_node<UnaryBackward>(x);
  node->derivative_ = d;
  if (d->uses & kUsesInput) node->x_ = autograd::SavedVariable(inplace ? clone(x) : x, false);
  TensorIterator iter = build_unary(name, kind, out, x, inplace);
  stub(iter.device().type, iter);
  iter.finish();
  const Tensor r = out.defined() ? out : iter.output();
  if (d->uses & kUsesResult) node->r_ = autograd::SavedVariable(r, true);
  if (inplace) {
    autograd::rebase_history(r, node);
  } else {
    autograd::set_history(r, node);
  }
  return r;
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
