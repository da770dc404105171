// The LAPACK-backed functions of ember.linalg (torch.linalg's names with a `linalg_`
// prefix): inverses, solves, determinants, Cholesky, QR, SVD, symmetric eigensolver,
// least squares. Every function takes batches (..., m, n). Results are column-major
// per matrix, as LAPACK (and torch) produce them.
//
// The front ends validate, copy the input into column-major batches and call a kernel
// per routine family (stubs below); kernels report failures through an int32 `info`
// tensor per matrix, which the front end turns into torch's errors (LinAlgError).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "ember/core/errors.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

// torch.linalg.LinAlgError: a numerical failure (singular, not positive-definite, no
// convergence). A RuntimeError in Python.
struct EMBER_API LinAlgError : Error {
  using Error::Error;
};

EMBER_API Tensor linalg_inv(const Tensor& a);
// (inverse, info): info[...] > 0 where a matrix is singular; raises instead when
// check_errors.
EMBER_API std::tuple<Tensor, Tensor> linalg_inv_ex(const Tensor& a, bool check_errors = false);
// X with A X = B (left) or X A = B. B is a batch of vectors when it is 1-D or has A's
// shape without the last dim; batch dims broadcast.
EMBER_API Tensor linalg_solve(const Tensor& a, const Tensor& b, bool left = true);
EMBER_API std::tuple<Tensor, Tensor> linalg_solve_ex(const Tensor& a, const Tensor& b,
                                                     bool left = true,
                                                     bool check_errors = false);
EMBER_API Tensor linalg_det(const Tensor& a);
// (sign, logabsdet); a singular matrix gives (0, -inf).
EMBER_API std::tuple<Tensor, Tensor> linalg_slogdet(const Tensor& a);
// log(det): nan for a negative determinant, -inf for zero.
EMBER_API Tensor logdet(const Tensor& a);
EMBER_API Tensor linalg_cholesky(const Tensor& a, bool upper = false);
EMBER_API std::tuple<Tensor, Tensor> linalg_cholesky_ex(const Tensor& a, bool upper = false,
                                                        bool check_errors = false);
// mode: "reduced", "complete" or "r" (Q is then an empty tensor).
EMBER_API std::tuple<Tensor, Tensor> linalg_qr(const Tensor& a,
                                               const std::string& mode = "reduced");
EMBER_API std::tuple<Tensor, Tensor, Tensor> linalg_svd(
    const Tensor& a, bool full_matrices = true,
    const std::optional<std::string>& driver = std::nullopt);
EMBER_API Tensor linalg_svdvals(const Tensor& a,
                                const std::optional<std::string>& driver = std::nullopt);
// (eigenvalues ascending, eigenvectors as columns); UPLO picks the triangle read.
EMBER_API std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& a, const std::string& uplo = "L");
EMBER_API Tensor linalg_eigvalsh(const Tensor& a, const std::string& uplo = "L");
// (solution, residuals, rank, singular_values) with torch's rules for which are filled.
EMBER_API std::tuple<Tensor, Tensor, Tensor, Tensor> linalg_lstsq(
    const Tensor& a, const Tensor& b, std::optional<double> rcond = std::nullopt,
    const std::optional<std::string>& driver = std::nullopt);

// ---- kernels ---------------------------------------------------------------------------
// Matrices are (batch, rows, cols) with column-major strides (rows*cols, 1, rows); `info`
// is int32 (batch,): LAPACK's code (> 0: the numerical failure of that routine), or
// kInfoNonFinite for an input with NaN or infinity where the routine reports that. Inputs
// named "work" are overwritten.
constexpr int32_t kInfoNonFinite = -2147483647 - 1;

// work (b, n, n) -> its inverse; info from the LU factorization.
using lu_inverse_fn = void (*)(const Tensor& work, const Tensor& info);
// Solves work (b, n, n) X = rhs (b, n, k) in place of rhs.
using lu_solve_fn = void (*)(const Tensor& work, const Tensor& rhs, const Tensor& info);
// det, sign, logabsdet: (b,) each, any of them undefined when not wanted.
using lu_det_fn = void (*)(const Tensor& work, const Tensor& det, const Tensor& sign,
                           const Tensor& logabsdet);
// work (b, n, n) -> its Cholesky factor (the other triangle zeroed).
using cholesky_fn = void (*)(const Tensor& work, bool upper, const Tensor& info);
// work (b, m, n); q (b, m, q_cols) or undefined; r (b, r_rows, n), upper triangular.
using qr_fn = void (*)(const Tensor& work, const Tensor& q, const Tensor& r);
// work (b, m, n); s (b, min(m, n)); u, vh (b, m, m|k), (b, n|k, n) or both undefined.
using svd_fn = void (*)(const Tensor& work, const Tensor& u, const Tensor& s, const Tensor& vh,
                        const Tensor& info);
// work (b, n, n) -> eigenvectors (when compute_vectors); w (b, n) eigenvalues.
using eigh_fn = void (*)(const Tensor& work, const Tensor& w, bool upper, bool compute_vectors,
                         const Tensor& info);
// work (b, m, n); rhs (b, max(m, n), k) -> solution in its first n rows; rank (b,) int64
// and s (b, min(m, n)) or undefined; driver "gels", "gelsy", "gelsd" or "gelss".
using lstsq_fn = void (*)(const Tensor& work, const Tensor& rhs, const Tensor& rank,
                          const Tensor& s, double rcond, const std::string& driver,
                          const Tensor& info);

EMBER_DECLARE_STUB(lu_inverse_fn, lu_inverse_stub);
EMBER_DECLARE_STUB(lu_solve_fn, lu_solve_stub);
EMBER_DECLARE_STUB(lu_det_fn, lu_det_stub);
EMBER_DECLARE_STUB(cholesky_fn, cholesky_stub);
EMBER_DECLARE_STUB(qr_fn, qr_stub);
EMBER_DECLARE_STUB(svd_fn, svd_stub);
EMBER_DECLARE_STUB(eigh_fn, eigh_stub);
EMBER_DECLARE_STUB(lstsq_fn, lstsq_stub);

}  // namespace ember
