// Matrix products: matmul (with torch's broadcasting rules for every combination of
// ranks), mm, bmm, mv, dot, vdot, inner, outer, the add* fused forms, tensordot, kron
// and einsum. Every product funnels into one batched GEMM (gemm_stub), so a backend
// provides a single kernel; the CPU one calls OpenBLAS for floats and has its own
// integer kernel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

EMBER_API Tensor matmul(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& matmul_out(const Tensor& out, const Tensor& a, const Tensor& b);
EMBER_API Tensor mm(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& mm_out(const Tensor& out, const Tensor& a, const Tensor& b);
EMBER_API Tensor bmm(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& bmm_out(const Tensor& out, const Tensor& a, const Tensor& b);
EMBER_API Tensor mv(const Tensor& mat, const Tensor& vec);
EMBER_API const Tensor& mv_out(const Tensor& out, const Tensor& mat, const Tensor& vec);
EMBER_API Tensor dot(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& dot_out(const Tensor& out, const Tensor& a, const Tensor& b);
// Conjugates the first argument (complex); the same as dot for real dtypes.
EMBER_API Tensor vdot(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& vdot_out(const Tensor& out, const Tensor& a, const Tensor& b);
EMBER_API Tensor inner(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& inner_out(const Tensor& out, const Tensor& a, const Tensor& b);
// outer (alias ger): a[:, None] * b[None, :] with type promotion, as torch.
EMBER_API Tensor outer(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& outer_out(const Tensor& out, const Tensor& a, const Tensor& b);

// beta * input + alpha * (m1 @ m2); input broadcasts to the product's shape (in-place:
// it must have that shape). beta == 0 ignores input (NaN in it does not propagate).
EMBER_API Tensor addmm(const Tensor& input, const Tensor& m1, const Tensor& m2,
                       const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API const Tensor& addmm_out(const Tensor& out, const Tensor& input, const Tensor& m1,
                                  const Tensor& m2, const Scalar& beta = 1,
                                  const Scalar& alpha = 1);
EMBER_API const Tensor& addmm_inplace(const Tensor& self, const Tensor& m1, const Tensor& m2,
                                      const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API Tensor addmv(const Tensor& input, const Tensor& mat, const Tensor& vec,
                       const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API const Tensor& addmv_out(const Tensor& out, const Tensor& input, const Tensor& mat,
                                  const Tensor& vec, const Scalar& beta = 1,
                                  const Scalar& alpha = 1);
EMBER_API const Tensor& addmv_inplace(const Tensor& self, const Tensor& mat, const Tensor& vec,
                                      const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API Tensor baddbmm(const Tensor& input, const Tensor& b1, const Tensor& b2,
                         const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API const Tensor& baddbmm_out(const Tensor& out, const Tensor& input, const Tensor& b1,
                                    const Tensor& b2, const Scalar& beta = 1,
                                    const Scalar& alpha = 1);
EMBER_API const Tensor& baddbmm_inplace(const Tensor& self, const Tensor& b1, const Tensor& b2,
                                        const Scalar& beta = 1, const Scalar& alpha = 1);
// beta * input + alpha * sum_i b1[i] @ b2[i]
EMBER_API Tensor addbmm(const Tensor& input, const Tensor& b1, const Tensor& b2,
                        const Scalar& beta = 1, const Scalar& alpha = 1);
EMBER_API const Tensor& addbmm_out(const Tensor& out, const Tensor& input, const Tensor& b1,
                                   const Tensor& b2, const Scalar& beta = 1,
                                   const Scalar& alpha = 1);
EMBER_API const Tensor& addbmm_inplace(const Tensor& self, const Tensor& b1, const Tensor& b2,
                                       const Scalar& beta = 1, const Scalar& alpha = 1);

// Contracts dims_a of a with dims_b of b (same lengths); the result has a's free dims
// then b's. tensordot(a, b, n) contracts the last n dims of a with the first n of b.
EMBER_API Tensor tensordot(const Tensor& a, const Tensor& b, const Shape& dims_a,
                           const Shape& dims_b);
EMBER_API Tensor tensordot(const Tensor& a, const Tensor& b, int64_t dims);
EMBER_API Tensor kron(const Tensor& a, const Tensor& b);
EMBER_API const Tensor& kron_out(const Tensor& out, const Tensor& a, const Tensor& b);

// einsum("ij,jk->ik", {a, b}): subscripts a-z A-Z, one "..." per operand, implicit
// output (alphabetical, ellipsis first) when "->" is absent.
EMBER_API Tensor einsum(const std::string& equation, const std::vector<Tensor>& operands);
// The sublist form einsum(a, [0, 1], b, [1, 2], [0, 2]); -1 stands for the ellipsis.
EMBER_API Tensor einsum(const std::vector<Tensor>& operands,
                        const std::vector<std::vector<int64_t>>& sublists,
                        const std::optional<std::vector<int64_t>>& output);
// The equation the sublist form stands for (exposed for tests and error messages).
EMBER_API std::string einsum_sublist_equation(
    const std::vector<std::vector<int64_t>>& sublists,
    const std::optional<std::vector<int64_t>>& output);

// Writes `result` into an out= tensor of the same dtype (an empty one is resized first);
// for functions that compute into a fresh tensor (the ember.linalg wrappers).
EMBER_API const Tensor& copy_to_out(const char* op, const Tensor& out, const Tensor& result);

// ---- the batched GEMM every product above runs on ------------------------------------
//
// out[..., M, N] = beta * out + alpha * a[..., M, K] @ b[..., K, N]. The three tensors have
// the same rank (>= 2) and batch sizes; a and b may have any strides (stride-0 batch dims
// from broadcasting included), out is dense per matrix (row- or column-major) with
// non-overlapping batches. beta == 0 ignores what out holds. The dtype is the same for
// all three and is a real, non-bool type.
struct GemmArgs {
  Tensor out;
  Tensor a;
  Tensor b;
  Scalar alpha;
  Scalar beta;
};
using gemm_fn = void (*)(const GemmArgs&);
EMBER_DECLARE_STUB(gemm_fn, gemm_stub);

// The wide-vector CPU kernels are compiled for the "hot" dtypes only; the others go to
// the default level (see wide_simd_ok in dispatch_stub.h).
inline bool wide_simd_ok(const GemmArgs& args) { return is_wide_simd_dtype(args.out.dtype()); }

// Runs the GEMM above after checking layouts: an `out` the kernel cannot write directly
// (not dense per matrix) gets a temporary that is copied back. For use by other ops.
EMBER_API void gemm(const Tensor& out, const Tensor& a, const Tensor& b, const Scalar& beta,
                    const Scalar& alpha);

}  // namespace ember
