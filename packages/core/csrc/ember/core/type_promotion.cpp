#include "ember/core/type_promotion.h"

namespace ember {
namespace {

ScalarType promote_skip_undefined(ScalarType a, ScalarType b) {
  if (a == ScalarType::Undefined) return b;
  if (b == ScalarType::Undefined) return a;
  return promote_types(a, b);
}

// A Python number stands for the default dtype of its category.
ScalarType wrapped_dtype(ScalarType t) {
  if (is_complex(t)) return default_complex_dtype();
  if (is_floating(t)) return default_dtype();
  return t;
}

// `higher` comes from a higher-priority group; `lower` only matters when its category
// is higher.
ScalarType combine_categories(ScalarType higher, ScalarType lower) {
  if (is_complex(higher)) return higher;
  if (is_complex(lower)) {
    // A float tensor keeps its precision: float64 with a complex number -> complex128.
    return is_floating(higher) ? to_complex(higher) : lower;
  }
  if (is_floating(higher)) return higher;
  if (higher == ScalarType::Bool || is_floating(lower)) {
    return promote_skip_undefined(higher, lower);
  }
  return higher != ScalarType::Undefined ? higher : lower;
}

}  // namespace

void update_result_type(ResultTypeState& state, const Tensor& tensor) {
  if (!tensor.defined()) return;
  ScalarType current = tensor.dtype();
  if (tensor.impl()->is_wrapped_number()) {
    state.wrapped_result = promote_skip_undefined(state.wrapped_result, wrapped_dtype(current));
  } else if (tensor.dim() > 0) {
    state.dim_result = promote_skip_undefined(state.dim_result, current);
  } else {
    state.zero_result = promote_skip_undefined(state.zero_result, current);
  }
}

void update_result_type(ResultTypeState& state, const Scalar& scalar) {
  state.wrapped_result = promote_skip_undefined(state.wrapped_result, wrapped_dtype(scalar.type()));
}

ScalarType result_type(const ResultTypeState& state) {
  return combine_categories(state.dim_result,
                            combine_categories(state.zero_result, state.wrapped_result));
}

ScalarType result_type(const Tensor& a, const Tensor& b) {
  ResultTypeState state;
  update_result_type(state, a);
  update_result_type(state, b);
  return result_type(state);
}

ScalarType result_type(const Tensor& a, const Scalar& b) {
  ResultTypeState state;
  update_result_type(state, a);
  update_result_type(state, b);
  return result_type(state);
}

}  // namespace ember
