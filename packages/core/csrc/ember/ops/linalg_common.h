// Helpers shared by the linear-algebra front ends (linalg.cpp, einsum.cpp,
// linalg_decompositions.cpp, linalg_norms.cpp); not part of the public API.
#pragma once

#include <string>

#include "ember/core/tensor.h"

namespace ember::linalg_detail {

// Real, non-bool dtypes only; complex raises NotImplementedError naming it.
void check_product_dtype(const char* op, ScalarType t);
void check_same_device(const char* op, const Tensor& a, const Tensor& b);
// The tensor a result is written to: `out` (checked, and resized when empty) or a new one.
Tensor prepare_out(const char* op, const Tensor& out, const Shape& shape, ScalarType dtype,
                   Device device);
// "2x3"
std::string matrix_str(int64_t rows, int64_t cols);

// float32 and float64 only, with torch's errors for the others (complex: not yet).
void check_lapack_dtype(const char* op, ScalarType t);
// At least 2-D, a LAPACK dtype, and square when asked.
void check_matrix_input(const char* op, const Tensor& a, bool square, const char* name = "A");
// a.shape[:-2]
Shape batch_shape(const Tensor& a);
// A batch of column-major matrices, as the caller sees it (..., rows, cols) and as the
// kernels take it (batch, rows, cols); both views of one buffer.
struct ColMajor {
  Tensor user;
  Tensor kernel;
};
ColMajor colmajor_empty(const Shape& batch, int64_t rows, int64_t cols, ScalarType dtype,
                        Device device);
// `src` broadcast to `batch` and copied into a new column-major batch.
ColMajor colmajor_copy(const Tensor& src, const Shape& batch);
// t (..., trailing dims) viewed as (batch, trailing dims); t must be contiguous.
Tensor flat_batch(const Tensor& t, int64_t trailing_dims);
// int32 zeros of the batch shape.
Tensor info_tensor(const Shape& batch, Device device);
// Machine epsilon of float32 or float64.
double epsilon(ScalarType t);

}  // namespace ember::linalg_detail
