// torch.result_type: the dtype an op computes in, given tensors and Python numbers.
// Dimensioned tensors outrank 0-d tensors, which outrank Python numbers ("wrapped
// numbers"); a lower rank only matters when its category (bool < integer < float <
// complex) is higher, and a Python float then means the default dtype, not float64.
#pragma once

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"

namespace ember {

struct ResultTypeState {
  ScalarType dim_result = ScalarType::Undefined;
  ScalarType zero_result = ScalarType::Undefined;
  ScalarType wrapped_result = ScalarType::Undefined;
};

EMBER_API void update_result_type(ResultTypeState& state, const Tensor& tensor);
EMBER_API void update_result_type(ResultTypeState& state, const Scalar& scalar);
EMBER_API ScalarType result_type(const ResultTypeState& state);

EMBER_API ScalarType result_type(const Tensor& a, const Tensor& b);
EMBER_API ScalarType result_type(const Tensor& a, const Scalar& b);

}  // namespace ember
