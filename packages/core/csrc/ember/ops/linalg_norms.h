// Norms and the functions built on singular values: linalg.vector_norm, matrix_norm,
// norm, torch.norm, pinv and matrix_rank. Vector norms run one kernel (vector_norm_stub);
// matrix norms are vector norms of rows/columns or of the singular values.
#pragma once

#include <optional>
#include <string>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

// ord: any number (inf, -inf and 0 included); dim: all dims when absent or empty; dtype:
// computes in this dtype (no narrowing of the input's).
EMBER_API Tensor linalg_vector_norm(const Tensor& x, const Scalar& ord = 2,
                                   const std::optional<Shape>& dim = std::nullopt,
                                   bool keepdim = false,
                                   std::optional<ScalarType> dtype = std::nullopt);
// ord: 1, -1, 2, -2, inf, -inf, or "fro" / "nuc" (the string overload).
EMBER_API Tensor linalg_matrix_norm(const Tensor& a, const Scalar& ord,
                                   const Shape& dim = {-2, -1}, bool keepdim = false,
                                   std::optional<ScalarType> dtype = std::nullopt);
EMBER_API Tensor linalg_matrix_norm(const Tensor& a, const std::string& ord = "fro",
                                   const Shape& dim = {-2, -1}, bool keepdim = false,
                                   std::optional<ScalarType> dtype = std::nullopt);
// linalg.norm: a vector norm or a matrix norm depending on dim and ord, as torch.
EMBER_API Tensor linalg_norm(const Tensor& a, const std::optional<Scalar>& ord = std::nullopt,
                            const std::optional<Shape>& dim = std::nullopt, bool keepdim = false,
                            std::optional<ScalarType> dtype = std::nullopt);
EMBER_API Tensor linalg_norm(const Tensor& a, const std::string& ord,
                            const std::optional<Shape>& dim = std::nullopt, bool keepdim = false,
                            std::optional<ScalarType> dtype = std::nullopt);
// torch.norm / Tensor.norm (p a number, or "fro" / "nuc").
EMBER_API Tensor norm(const Tensor& a, const std::optional<Scalar>& p,
                      const std::optional<Shape>& dim = std::nullopt, bool keepdim = false,
                      std::optional<ScalarType> dtype = std::nullopt);
EMBER_API Tensor norm(const Tensor& a, const std::string& p,
                      const std::optional<Shape>& dim = std::nullopt, bool keepdim = false,
                      std::optional<ScalarType> dtype = std::nullopt);

// Singular values (or |eigenvalues| when hermitian) above max(atol, rtol * largest) count;
// atol/rtol are 0-d or batch-shaped tensors. Without either, rtol = eps * max(m, n); with
// atol > 0 alone, rtol = 0.
EMBER_API Tensor linalg_pinv(const Tensor& a, const std::optional<Tensor>& atol = std::nullopt,
                            const std::optional<Tensor>& rtol = std::nullopt,
                            bool hermitian = false);
EMBER_API Tensor linalg_matrix_rank(const Tensor& a,
                                   const std::optional<Tensor>& atol = std::nullopt,
                                   const std::optional<Tensor>& rtol = std::nullopt,
                                   bool hermitian = false);

// out (p,) = the ord-norm of each row of in (p, q); both contiguous, floating, same dtype.
using vector_norm_fn = void (*)(const Tensor& out, const Tensor& in, double ord);
EMBER_DECLARE_STUB(vector_norm_fn, vector_norm_stub);

}  // namespace ember
