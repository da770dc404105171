#include "ember/ops/ternary.h"

#include "ember/autograd/record.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/type_promotion.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/indexing_utils.h"

namespace ember {

EMBER_DEFINE_STUB(where_fn, where_stub);
EMBER_DEFINE_STUB(clamp_fn, clamp_stub);
EMBER_DEFINE_STUB(clamp_fn, clamp_min_stub);
EMBER_DEFINE_STUB(clamp_fn, clamp_max_stub);
EMBER_DEFINE_STUB(clamp_scalar_fn, clamp_scalar_stub);
EMBER_DEFINE_STUB(lerp_scalar_fn, lerp_scalar_stub);
EMBER_DEFINE_STUB(lerp_tensor_fn, lerp_tensor_stub);
EMBER_DEFINE_STUB(addc_fn, addcmul_stub);
EMBER_DEFINE_STUB(addc_fn, addcdiv_stub);

namespace {

using detail::build_pointwise;
using detail::wrap_number;

// ---- where --------------------------------------------------------------------------------

// d where(c, x, y) = g where c holds for x, elsewhere for y (zeros in the other places).
class WhereBackward final : public autograd::Node {
 public:
  autograd::variable_list apply(autograd::variable_list&& grads) override {
    const Tensor c = condition_.unpack(shared_from_this());
    const Tensor& g = grads[0];
    const Tensor zero = mul(g, Scalar(0));
    return {Tensor(), should_compute_output(1) ? where(c, g, zero) : Tensor(),
            should_compute_output(2) ? where(c, zero, g) : Tensor()};
  }
  std::string name() const override { return "WhereBackward0"; }
  void release_variables() override { condition_.reset(); }
  autograd::SavedVariable condition_;
};

Tensor where_compute(const Tensor& condition, const Tensor& x, const Tensor& y);

Tensor where_impl(const Tensor& condition, const Tensor& x, const Tensor& y) {
  const bool record = autograd::compute_requires_grad(x, y);
  autograd::NoGradIf no_grad(record);
  Tensor r = where_compute(condition, x, y);
  if (record) {
    auto node = autograd::make_node<WhereBackward>(condition, x, y);
    node->condition_ = autograd::SavedVariable(condition, false);
    autograd::set_history(r, node);
  }
  return r;
}

Tensor where_compute(const Tensor& condition, const Tensor& x, const Tensor& y) {
  EMBER_CHECK(condition.dtype() == ScalarType::Bool, "[where] where expected condition to be a "
              "boolean tensor, but got a tensor with dtype ",
              scalar_type_name(condition.dtype()));
  const ScalarType common = result_type(x, y);
  TensorIterator iter = TensorIteratorConfig("where")
                            .add_output(Tensor())
                            .add_input(condition)
                            .add_input(to_dtype(x, common))
                            .add_input(to_dtype(y, common))
                            .check_all_same_dtype(false)
                            .declare_static_output_dtype(common)
                            .build();
  where_stub(iter.device().type, iter);
  iter.finish();
  return iter.output();
}

ScalarType where_dtype(const Scalar& a, const Tensor& b) {
  ResultTypeState state;
  update_result_type(state, a);
  update_result_type(state, b);
  return result_type(state);
}

}  // namespace

Tensor where(const Tensor& condition, const Tensor& input, const Tensor& other) {
  OpScope scope("where");
  return where_impl(condition, input, other);
}
Tensor where(const Tensor& condition, const Scalar& input, const Tensor& other) {
  OpScope scope("where");
  const ScalarType t = where_dtype(input, other);
  return where_impl(condition, wrap_number("where", input, t, other.device()), other);
}
Tensor where(const Tensor& condition, const Tensor& input, const Scalar& other) {
  OpScope scope("where");
  const ScalarType t = where_dtype(other, input);
  return where_impl(condition, input, wrap_number("where", other, t, input.device()));
}
Tensor where(const Tensor& condition, const Scalar& input, const Scalar& other) {
  OpScope scope("where");
  ResultTypeState state;
  update_result_type(state, input);
  update_result_type(state, other);
  const ScalarType t = result_type(state);
  return where_impl(condition, wrap_number("where", input, t, condition.device()),
                    wrap_number("where", other, t, condition.device()));
}

// ---- clamp --------------------------------------------------------------------------------

namespace {

void check_clamp_dtype(ScalarType common) {
  if (is_complex(common)) EMBER_NOT_IMPLEMENTED("[clamp] clamp is not supported for complex types");
  if (common == ScalarType::Bool) {
    EMBER_NOT_IMPLEMENTED("[clamp] clamp is not implemented for dtype bool");
  }
}

const Tensor& run_clamp(const char* op, const Tensor& out, const Tensor& self,
                        const std::optional<Tensor>& min, const std::optional<Tensor>& max,
                        ScalarType common, bool inplace, Tensor* result) {
  EMBER_CHECK(min || max, "[", op, "] torch.clamp: At least one of 'min' or 'max' must not be "
              "None");
  check_clamp_dtype(common);
  std::vector<Tensor> inputs{self};
  if (min) inputs.push_back(*min);
  if (max) inputs.push_back(*max);
  TensorIterator iter = build_pointwise(op, out, inputs, common, inplace);
  if (min && max) {
    clamp_stub(iter.device().type, iter);
  } else if (min) {
    clamp_min_stub(iter.device().type, iter);
  } else {
    clamp_max_stub(iter.device().type, iter);
  }
  iter.finish();
  *result = iter.output();
  return out;
}

ScalarType clamp_dtype(const Tensor& self, const std::optional<Scalar>& min,
                       const std::optional<Scalar>& max) {
  ResultTypeState state;
  update_result_type(state, self);
  if (min) update_result_type(state, *min);
  if (max) update_result_type(state, *max);
  return result_type(state);
}

ScalarType clamp_dtype(const Tensor& self, const std::optional<Tensor>& min,
                       const std::optional<Tensor>& max) {
  ResultTypeState state;
  update_result_type(state, self);
  if (min) update_result_type(state, *min);
  if (max) update_result_type(state, *max);
  return result_type(state);
}

Tensor clamp_scalars(const char* op, const Tensor& out, const Tensor& self,
                     const std::optional<Scalar>& min, const std::optional<Scalar>& max,
                     bool inplace) {
  EMBER_CHECK(min || max, "[", op, "] torch.clamp: At least one of 'min' or 'max' must not be "
              "None");
  const ScalarType common = clamp_dtype(self, min, max);
  check_clamp_dtype(common);
  if (min) detail::check_value_fits(op, *min, common);
  if (max) detail::check_value_fits(op, *max, common);
  // Number bounds are kernel parameters: a unary loop the compiler vectorizes.
  TensorIterator iter = build_pointwise(op, out, {self}, common, inplace);
  clamp_scalar_stub(iter.device().type, iter, min, max);
  iter.finish();
  return iter.output();
}

}  // namespace

Tensor clamp(const Tensor& self, const std::optional<Scalar>& min,
             const std::optional<Scalar>& max) {
  OpScope scope("clamp");
  return clamp_scalars("clamp", Tensor(), self, min, max, false);
}
Tensor clamp(const Tensor& self, const std::optional<Tensor>& min,
             const std::optional<Tensor>& max) {
  OpScope scope("clamp");
  Tensor result;
  run_clamp("clamp", Tensor(), self, min, max, clamp_dtype(self, min, max), false, &result);
  return result;
}
const Tensor& clamp_(const Tensor& self, const std::optional<Scalar>& min,
                     const std::optional<Scalar>& max) {
  OpScope scope("clamp_");
  clamp_scalars("clamp_", self, self, min, max, true);
  return self;
}
const Tensor& clamp_(const Tensor& self, const std::optional<Tensor>& min,
                     const std::optional<Tensor>& max) {
  OpScope scope("clamp_");
  Tensor result;
  return run_clamp("clamp_", self, self, min, max, clamp_dtype(self, min, max), true, &result);
}
const Tensor& clamp_out(const Tensor& out, const Tensor& self, const std::optional<Scalar>& min,
                        const std::optional<Scalar>& max) {
  OpScope scope("clamp");
  clamp_scalars("clamp", out, self, min, max, false);
  return out;
}
const Tensor& clamp_out(const Tensor& out, const Tensor& self, const std::optional<Tensor>& min,
                        const std::optional<Tensor>& max) {
  OpScope scope("clamp");
  Tensor result;
  return run_clamp("clamp", out, self, min, max, clamp_dtype(self, min, max), false, &result);
}

// ---- lerp ---------------------------------------------------------------------------------

namespace {

void check_lerp(const char* op, const Tensor& start, const Tensor& end) {
  EMBER_CHECK(start.dtype() == end.dtype(), "[", op, "] expected dtype ",
              scalar_type_name(start.dtype()), " for `end` but got dtype ",
              scalar_type_name(end.dtype()));
  if (!is_floating(start.dtype()) && !is_complex(start.dtype())) {
    EMBER_NOT_IMPLEMENTED("[", op, "] lerp is not implemented for dtype ",
                          scalar_type_name(start.dtype()), " (floating or complex only)");
  }
}

const Tensor& lerp_scalar_impl(const char* op, const Tensor& out, const Tensor& start,
                               const Tensor& end, const Scalar& weight, bool inplace,
                               Tensor* result) {
  check_lerp(op, start, end);
  TensorIterator iter = build_pointwise(op, out, {start, end}, start.dtype(), inplace);
  lerp_scalar_stub(iter.device().type, iter, weight);
  iter.finish();
  *result = iter.output();
  return out;
}

const Tensor& lerp_tensor_impl(const char* op, const Tensor& out, const Tensor& start,
                               const Tensor& end, const Tensor& weight, bool inplace,
                               Tensor* result) {
  check_lerp(op, start, end);
  // A 0-d weight may have another floating dtype (torch converts it); others must match.
  EMBER_CHECK(weight.dtype() == start.dtype() || (weight.dim() == 0 && !is_integral(
                  weight.dtype(), /*include_bool=*/true)),
              "[", op, "] expected dtype ", scalar_type_name(start.dtype()),
              " for `weight` but got dtype ", scalar_type_name(weight.dtype()));
  TensorIterator iter = build_pointwise(op, out, {start, end, weight}, start.dtype(), inplace);
  lerp_tensor_stub(iter.device().type, iter);
  iter.finish();
  *result = iter.output();
  return out;
}

}  // namespace

Tensor lerp(const Tensor& start, const Tensor& end, const Scalar& weight) {
  OpScope scope("lerp");
  Tensor result;
  lerp_scalar_impl("lerp", Tensor(), start, end, weight, false, &result);
  return result;
}
Tensor lerp(const Tensor& start, const Tensor& end, const Tensor& weight) {
  OpScope scope("lerp");
  Tensor result;
  lerp_tensor_impl("lerp", Tensor(), start, end, weight, false, &result);
  return result;
}
const Tensor& lerp_(const Tensor& self, const Tensor& end, const Scalar& weight) {
  OpScope scope("lerp_");
  Tensor result;
  return lerp_scalar_impl("lerp_", self, self, end, weight, true, &result);
}
const Tensor& lerp_(const Tensor& self, const Tensor& end, const Tensor& weight) {
  OpScope scope("lerp_");
  Tensor result;
  return lerp_tensor_impl("lerp_", self, self, end, weight, true, &result);
}
const Tensor& lerp_out(const Tensor& out, const Tensor& start, const Tensor& end,
                       const Scalar& weight) {
  OpScope scope("lerp");
  Tensor result;
  return lerp_scalar_impl("lerp", out, start, end, weight, false, &result);
}
const Tensor& lerp_out(const Tensor& out, const Tensor& start, const Tensor& end,
                       const Tensor& weight) {
  OpScope scope("lerp");
  Tensor result;
  return lerp_tensor_impl("lerp", out, start, end, weight, false, &result);
}

// ---- addcmul / addcdiv --------------------------------------------------------------------

namespace {

template <typename Stub>
Tensor addc_impl(Stub& stub, const char* op, const Tensor& out, const Tensor& self,
                 const Tensor& t1, const Tensor& t2, const Scalar& value, bool inplace,
                 bool divide) {
  if (divide) {
    EMBER_CHECK(!(is_integral(t1.dtype(), true) && is_integral(t2.dtype(), true)), "[", op,
                "] Integer division with addcdiv is no longer supported, and in a future "
                "release addcdiv will perform a true division of tensor1 and tensor2. The "
                "historic addcdiv behavior can be implemented as (input + value * torch."
                "trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + "
                "value * tensor1 / tensor2) for float inputs. The future addcdiv behavior can be "
                "implemented with true division as (input + value * torch.true_divide(tensor1, "
                "tensor2)).");
  }
  ResultTypeState state;
  update_result_type(state, self);
  update_result_type(state, t1);
  update_result_type(state, t2);
  const ScalarType common = result_type(state);
  if (common == ScalarType::Bool) {
    EMBER_NOT_IMPLEMENTED("[", op, "] ", op, " is not implemented for dtype bool");
  }
  TensorIterator iter = build_pointwise(op, out, {self, t1, t2}, common, inplace);
  stub(iter.device().type, iter, value);
  iter.finish();
  return iter.output();
}

}  // namespace

Tensor addcmul(const Tensor& self, const Tensor& t1, const Tensor& t2, const Scalar& value) {
  OpScope scope("addcmul");
  return addc_impl(addcmul_stub, "addcmul", Tensor(), self, t1, t2, value, false, false);
}
const Tensor& addcmul_(const Tensor& self, const Tensor& t1, const Tensor& t2,
                       const Scalar& value) {
  OpScope scope("addcmul_");
  addc_impl(addcmul_stub, "addcmul_", self, self, t1, t2, value, true, false);
  return self;
}
const Tensor& addcmul_out(const Tensor& out, const Tensor& self, const Tensor& t1,
                          const Tensor& t2, const Scalar& value) {
  OpScope scope("addcmul");
  addc_impl(addcmul_stub, "addcmul", out, self, t1, t2, value, false, false);
  return out;
}
Tensor addcdiv(const Tensor& self, const Tensor& t1, const Tensor& t2, const Scalar& value) {
  OpScope scope("addcdiv");
  return addc_impl(addcdiv_stub, "addcdiv", Tensor(), self, t1, t2, value, false, true);
}
const Tensor& addcdiv_(const Tensor& self, const Tensor& t1, const Tensor& t2,
                       const Scalar& value) {
  OpScope scope("addcdiv_");
  addc_impl(addcdiv_stub, "addcdiv_", self, self, t1, t2, value, true, true);
  return self;
}
const Tensor& addcdiv_out(const Tensor& out, const Tensor& self, const Tensor& t1,
                          const Tensor& t2, const Scalar& value) {
  OpScope scope("addcdiv");
  addc_impl(addcdiv_stub, "addcdiv", out, self, t1, t2, value, false, true);
  return out;
}

}  // namespace ember
