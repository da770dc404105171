#include "ember/ops/pointwise_params.h"

#include <limits>

#include "ember/core/errors.h"
#include "ember/core/type_promotion.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/indexing_utils.h"

namespace ember {

EMBER_DEFINE_STUB(round_fn, round_stub);
EMBER_DEFINE_STUB(logit_fn, logit_stub);
EMBER_DEFINE_STUB(gelu_fn, gelu_stub);
EMBER_DEFINE_STUB(softplus_fn, softplus_stub);
EMBER_DEFINE_STUB(nan_to_num_fn, nan_to_num_stub);
EMBER_DEFINE_STUB(xlogy_fn, xlogy_stub);

using detail::build_pointwise;

namespace {

[[noreturn]] void unsupported(const char* op, ScalarType t, const char* what) {
  EMBER_NOT_IMPLEMENTED("[", op, "] ", op, " is not implemented for dtype ", scalar_type_name(t),
                        " (", what, ")");
}

// Integer and bool inputs compute in the default float dtype.
ScalarType float_dtype(ScalarType t) {
  return is_integral(t, /*include_bool=*/true) ? default_dtype() : t;
}

}  // namespace

// ---- square -------------------------------------------------------------------------------

Tensor square(const Tensor& self) {
  OpScope scope("square");
  if (self.dtype() == ScalarType::Bool) {
    const Tensor x = to_dtype(self, ScalarType::Int64);
    return mul(x, x);
  }
  return mul(self, self);
}

const Tensor& square_(const Tensor& self) {
  OpScope scope("square_");
  EMBER_CHECK(self.dtype() != ScalarType::Bool, "[square_] result type int64 can't be cast to "
              "the desired output type bool");
  mul_inplace(self, self);
  return self;
}

const Tensor& square_out(const Tensor& out, const Tensor& self) {
  OpScope scope("square");
  return detail::write_out("square", out, square(self));
}

// ---- round --------------------------------------------------------------------------------

namespace {

Tensor round_impl(const char* op, const Tensor& out, const Tensor& self, int64_t decimals,
                  bool inplace) {
  const ScalarType t = self.dtype();
  if (t == ScalarType::Bool) unsupported(op, t, "round of bool");
  if (is_complex(t)) unsupported(op, t, "complex numbers cannot be rounded");
  if (is_integral(t, false)) {
    if (decimals != 0) unsupported(op, t, "decimals with integer inputs");
    // Integers are already round: a copy (or nothing, in place: still a write).
    if (inplace) {
      self.bump_version();
      return self;
    }
    if (out.defined()) return detail::write_out(op, out, self);
    return clone(self);
  }
  TensorIterator iter = build_pointwise(op, out, {self}, t, inplace);
  round_stub(iter.device().type, iter, decimals);
  iter.finish();
  return iter.output();
}

}  // namespace

Tensor round(const Tensor& self, int64_t decimals) {
  OpScope scope("round");
  return round_impl("round", Tensor(), self, decimals, false);
}
const Tensor& round_(const Tensor& self, int64_t decimals) {
  OpScope scope("round_");
  round_impl("round_", self, self, decimals, true);
  return self;
}
const Tensor& round_out(const Tensor& out, const Tensor& self, int64_t decimals) {
  OpScope scope("round");
  round_impl("round", out, self, decimals, false);
  return out;
}

// ---- logit --------------------------------------------------------------------------------

namespace {

Tensor logit_impl(const char* op, const Tensor& out, const Tensor& self,
                  std::optional<double> eps, bool inplace) {
  if (is_complex(self.dtype())) unsupported(op, self.dtype(), "real inputs only");
  TensorIterator iter = build_pointwise(op, out, {self}, float_dtype(self.dtype()), inplace);
  logit_stub(iter.device().type, iter, eps ? *eps : -1.0);
  iter.finish();
  return iter.output();
}

}  // namespace

Tensor logit(const Tensor& self, std::optional<double> eps) {
  OpScope scope("logit");
  return logit_impl("logit", Tensor(), self, eps, false);
}
const Tensor& logit_(const Tensor& self, std::optional<double> eps) {
  OpScope scope("logit_");
  logit_impl("logit_", self, self, eps, true);
  return self;
}
const Tensor& logit_out(const Tensor& out, const Tensor& self, std::optional<double> eps) {
  OpScope scope("logit");
  logit_impl("logit", out, self, eps, false);
  return out;
}

// ---- activations ----------------------------------------------------------------------------

Tensor gelu(const Tensor& self, const std::string& approximate) {
  OpScope scope("gelu");
  EMBER_CHECK(approximate == "none" || approximate == "tanh", "[gelu] approximate argument must "
              "be either none or tanh. (got '", approximate, "')");
  if (!is_floating(self.dtype())) unsupported("gelu", self.dtype(), "floating inputs only");
  TensorIterator iter = build_pointwise("gelu", Tensor(), {self}, self.dtype(), false);
  gelu_stub(iter.device().type, iter, approximate == "tanh");
  iter.finish();
  return iter.output();
}

Tensor softplus(const Tensor& self, const Scalar& beta, const Scalar& threshold) {
  OpScope scope("softplus");
  if (!is_floating(self.dtype())) unsupported("softplus", self.dtype(), "floating inputs only");
  TensorIterator iter = build_pointwise("softplus", Tensor(), {self}, self.dtype(), false);
  softplus_stub(iter.device().type, iter, beta.to_double(), threshold.to_double());
  iter.finish();
  return iter.output();
}

// ---- nan_to_num ---------------------------------------------------------------------------

namespace {

double largest_finite(ScalarType t) {
  switch (t) {
    case ScalarType::Float16: return 65504.0;
    case ScalarType::BFloat16: return 3.3895313892515355e38;
    case ScalarType::Float32:
    case ScalarType::Complex64: return static_cast<double>(std::numeric_limits<float>::max());
    default: return std::numeric_limits<double>::max();
  }
}

Tensor nan_to_num_impl(const char* op, const Tensor& out, const Tensor& self,
                       std::optional<double> nan, std::optional<double> posinf,
                       std::optional<double> neginf, bool inplace) {
  const ScalarType t = self.dtype();
  if (is_integral(t, /*include_bool=*/true)) {
    // Integers hold no nan or infinity: a copy (or nothing, in place: still a write).
    if (inplace) {
      self.bump_version();
      return self;
    }
    if (out.defined()) return detail::write_out(op, out, self);
    return clone(self);
  }
  const double big = largest_finite(t);
  TensorIterator iter = build_pointwise(op, out, {self}, t, inplace);
  nan_to_num_stub(iter.device().type, iter, nan.value_or(0.0), posinf.value_or(big),
                  neginf.value_or(-big));
  iter.finish();
  return iter.output();
}

}  // namespace

Tensor nan_to_num(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                  std::optional<double> neginf) {
  OpScope scope("nan_to_num");
  return nan_to_num_impl("nan_to_num", Tensor(), self, nan, posinf, neginf, false);
}
const Tensor& nan_to_num_(const Tensor& self, std::optional<double> nan,
                          std::optional<double> posinf, std::optional<double> neginf) {
  OpScope scope("nan_to_num_");
  nan_to_num_impl("nan_to_num_", self, self, nan, posinf, neginf, true);
  return self;
}
const Tensor& nan_to_num_out(const Tensor& out, const Tensor& self, std::optional<double> nan,
                             std::optional<double> posinf, std::optional<double> neginf) {
  OpScope scope("nan_to_num");
  nan_to_num_impl("nan_to_num", out, self, nan, posinf, neginf, false);
  return out;
}

// ---- xlogy --------------------------------------------------------------------------------

namespace {

Tensor xlogy_impl(const char* op, const Tensor& out, const Tensor& x, const Tensor& y,
                  ScalarType common, bool inplace) {
  if (is_complex(common)) unsupported(op, common, "real inputs only");
  TensorIterator iter = build_pointwise(op, out, {x, y}, common, inplace);
  xlogy_stub(iter.device().type, iter);
  iter.finish();
  return iter.output();
}

ScalarType xlogy_dtype(const Tensor& x, const Tensor& y) { return float_dtype(result_type(x, y)); }
ScalarType xlogy_dtype(const Tensor& x, const Scalar& y) { return float_dtype(result_type(x, y)); }

}  // namespace

Tensor xlogy(const Tensor& self, const Tensor& other) {
  OpScope scope("xlogy");
  return xlogy_impl("xlogy", Tensor(), self, other, xlogy_dtype(self, other), false);
}
Tensor xlogy(const Scalar& self, const Tensor& other) {
  OpScope scope("xlogy");
  const ScalarType t = xlogy_dtype(other, self);
  return xlogy_impl("xlogy", Tensor(), detail::wrap_number("xlogy", self, t, other.device()),
                    other, t, false);
}
Tensor xlogy(const Tensor& self, const Scalar& other) {
  OpScope scope("xlogy");
  const ScalarType t = xlogy_dtype(self, other);
  return xlogy_impl("xlogy", Tensor(), self, detail::wrap_number("xlogy", other, t, self.device()),
                    t, false);
}
const Tensor& xlogy_(const Tensor& self, const Tensor& other) {
  OpScope scope("xlogy_");
  xlogy_impl("xlogy_", self, self, other, xlogy_dtype(self, other), true);
  return self;
}
const Tensor& xlogy_(const Tensor& self, const Scalar& other) {
  OpScope scope("xlogy_");
  const ScalarType t = xlogy_dtype(self, other);
  xlogy_impl("xlogy_", self, self, detail::wrap_number("xlogy_", other, t, self.device()), t,
             true);
  return self;
}
const Tensor& xlogy_out(const Tensor& out, const Tensor& self, const Tensor& other) {
  OpScope scope("xlogy");
  xlogy_impl("xlogy", out, self, other, xlogy_dtype(self, other), false);
  return out;
}

}  // namespace ember
