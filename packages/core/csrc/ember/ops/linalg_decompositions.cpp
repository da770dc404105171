#include "ember/ops/linalg_decompositions.h"

#include <cmath>
#include <limits>

#include "ember/core/empty.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/fill.h"
#include "ember/ops/linalg_common.h"
#include "ember/ops/linalg_norms.h"
#include "ember/ops/unary.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(lu_inverse_fn, lu_inverse_stub);
EMBER_DEFINE_STUB(lu_solve_fn, lu_solve_stub);
EMBER_DEFINE_STUB(lu_det_fn, lu_det_stub);
EMBER_DEFINE_STUB(cholesky_fn, cholesky_stub);
EMBER_DEFINE_STUB(qr_fn, qr_stub);
EMBER_DEFINE_STUB(svd_fn, svd_stub);
EMBER_DEFINE_STUB(eigh_fn, eigh_stub);
EMBER_DEFINE_STUB(lstsq_fn, lstsq_stub);

namespace linalg_detail {

void check_lapack_dtype(const char* op, ScalarType t) {
  if (is_complex(t)) {
    EMBER_NOT_IMPLEMENTED("[", op, "] complex dtypes are not supported yet (got ",
                          scalar_type_name(t), ")");
  }
  EMBER_CHECK(t != ScalarType::Float16 && t != ScalarType::BFloat16, "[", op,
              "] Low precision dtypes not supported. Got ", scalar_type_name(t));
  EMBER_CHECK(t == ScalarType::Float32 || t == ScalarType::Float64, "[", op,
              "] Expected a floating point or complex tensor as input. Got ",
              scalar_type_name(t));
}

void check_matrix_input(const char* op, const Tensor& a, bool square, const char* name) {
  EMBER_CHECK(a.dim() >= 2, "[", op, "] The input tensor ", name,
              " must have at least 2 dimensions, got ", a.describe());
  check_lapack_dtype(op, a.dtype());
  if (square) {
    EMBER_CHECK(a.size(-1) == a.size(-2), "[", op, "] ", name,
                " must be batches of square matrices, but they are ", a.size(-2), " by ",
                a.size(-1), " matrices");
  }
}

Shape batch_shape(const Tensor& a) { return Shape(a.sizes().begin(), a.sizes().end() - 2); }

ColMajor colmajor_empty(const Shape& batch, int64_t rows, int64_t cols, ScalarType dtype,
                        Device device) {
  Shape shape = batch;
  shape.push_back(cols);
  shape.push_back(rows);
  Tensor buffer = empty(shape, dtype, device);
  ColMajor out;
  out.user = transpose(buffer, -2, -1);
  out.kernel = transpose(view(buffer, {shape_numel(batch), cols, rows}), 1, 2);
  return out;
}

ColMajor colmajor_copy(const Tensor& src, const Shape& batch) {
  ColMajor out = colmajor_empty(batch, src.size(-2), src.size(-1), src.dtype(), src.device());
  copy_(out.user, src);
  return out;
}

Tensor flat_batch(const Tensor& t, int64_t trailing_dims) {
  Shape shape{1};
  for (int64_t d = 0; d < t.dim() - trailing_dims; ++d) shape[0] *= t.size(d);
  for (int64_t d = t.dim() - trailing_dims; d < t.dim(); ++d) shape.push_back(t.size(d));
  return view(t, shape);
}

Tensor info_tensor(const Shape& batch, Device device) {
  return zeros(batch, ScalarType::Int32, device);
}

double epsilon(ScalarType t) {
  return t == ScalarType::Float64 ? std::numeric_limits<double>::epsilon()
                                  : std::numeric_limits<float>::epsilon();
}

}  // namespace linalg_detail

using namespace linalg_detail;

namespace {

// Raises LinAlgError for the first matrix whose info is not 0, with torch's wording and a
// "(Batch element i): " prefix for batched inputs; `message(info)` says what went wrong.
template <typename Message>
void check_info(const Tensor& info, const char* op, bool batched, Message message) {
  if (info.device().is_meta() || info.numel() == 0) return;
  const Tensor host = to_device(contiguous(info), Device(DeviceType::CPU));
  const int32_t* values = host.data<int32_t>();
  for (int64_t i = 0; i < host.numel(); ++i) {
    if (values[i] == 0) continue;
    const std::string where =
        batched ? detail::concat("(Batch element ", i, "): ") : std::string();
    if (values[i] < 0 && values[i] != kInfoNonFinite) {
      throw Error(detail::concat("[", op, "] ", where, "internal error: LAPACK argument ",
                                 -values[i], " had an illegal value"));
    }
    throw LinAlgError(detail::concat("[", op, "] ", where, message(values[i])));
  }
}

std::string singular_inverse(int32_t info) {
  return detail::concat("The diagonal element ", info, " is zero, the inversion could not be "
                        "completed because the input matrix is singular.");
}
std::string not_positive_definite(int32_t info) {
  return detail::concat("The factorization could not be completed because the input is not "
                        "positive-definite (the leading minor of order ", info,
                        " is not positive-definite).");
}

// torch.linalg.solve's rule: B is a (batch of) vector(s) when it is 1-D or has exactly
// A's shape without the last dim.
bool is_vector_rhs(const Tensor& a, const Tensor& b) {
  if (b.dim() == 1) return true;
  if (b.dim() != a.dim() - 1) return false;
  return Shape(a.sizes().begin(), a.sizes().end() - 1) == b.sizes();
}

}  // namespace

// ---- inverse ------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_inv_ex(const Tensor& a, bool check_errors) {
  OpScope scope("linalg_inv_ex");
  check_matrix_input("linalg.inv", a, /*square=*/true);
  const Shape batch = batch_shape(a);
  ColMajor work = colmajor_copy(a, batch);
  Tensor info = info_tensor(batch, a.device());
  if (a.numel() > 0) lu_inverse_stub(a.device().type, work.kernel, flat_batch(info, 0));
  if (check_errors) check_info(info, "linalg.inv", a.dim() > 2, singular_inverse);
  return {work.user, info};
}

Tensor linalg_inv(const Tensor& a) {
  OpScope scope("linalg_inv");
  return std::get<0>(linalg_inv_ex(a, /*check_errors=*/true));
}

// ---- solve --------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_solve_ex(const Tensor& a, const Tensor& b, bool left,
                                           bool check_errors) {
  OpScope scope("linalg_solve_ex");
  check_matrix_input("linalg.solve", a, /*square=*/true);
  check_same_device("linalg.solve", a, b);
  EMBER_CHECK(a.dtype() == b.dtype(), "[linalg.solve] Expected A and B to have the same dtype, "
              "but found A of type ", scalar_type_name(a.dtype()), " and B of type ",
              scalar_type_name(b.dtype()), " instead");
  EMBER_CHECK(b.dim() >= 1, "[linalg.solve] The input tensor B must have at least 1 dimension");
  const bool vector = is_vector_rhs(a, b);
  const Tensor b2 = vector ? unsqueeze(b, -1) : b;
  const int64_t n = a.size(-1);
  if (left) {
    EMBER_CHECK(b2.size(-2) == n, "[linalg.solve] Incompatible shapes of A and B for the "
                "equation AX = B (", matrix_str(n, n), " and ",
                matrix_str(b2.size(-2), b2.size(-1)), ")");
  } else {
    EMBER_CHECK(b2.size(-1) == n, "[linalg.solve] Incompatible shapes of A and B for the "
                "equation XA = B (", matrix_str(n, n), " and ",
                matrix_str(b2.size(-2), b2.size(-1)), ")");
  }
  // X A = B is A^T X^T = B^T.
  const Tensor lhs = left ? a : matrix_transpose(a);
  const Tensor rhs = left ? b2 : matrix_transpose(b2);
  const Shape batch = broadcast_shapes(batch_shape(lhs), batch_shape(rhs), "linalg.solve");
  ColMajor work = colmajor_copy(lhs, batch);
  ColMajor x = colmajor_copy(rhs, batch);
  Tensor info = info_tensor(batch, a.device());
  if (x.user.numel() > 0) {
    lu_solve_stub(a.device().type, work.kernel, x.kernel, flat_batch(info, 0));
  }
  if (check_errors) {
    check_info(info, "linalg.solve", false, [](int32_t) {
      return std::string("The solver failed because the input matrix is singular.");
    });
  }
  Tensor result = left ? x.user : matrix_transpose(x.user);
  if (vector) result = squeeze(result, {-1});
  return {result, info};
}

Tensor linalg_solve(const Tensor& a, const Tensor& b, bool left) {
  OpScope scope("linalg_solve");
  return std::get<0>(linalg_solve_ex(a, b, left, /*check_errors=*/true));
}

// ---- determinants ---------------------------------------------------------------------------

namespace {

// One LU factorization gives every determinant form; undefined outputs are skipped.
void lu_determinants(const char* op, const Tensor& a, Tensor* det, Tensor* sign,
                     Tensor* logabsdet) {
  check_matrix_input(op, a, /*square=*/true);
  const Shape batch = batch_shape(a);
  ColMajor work = colmajor_copy(a, batch);
  if (det) *det = empty(batch, a.dtype(), a.device());
  if (sign) *sign = empty(batch, a.dtype(), a.device());
  if (logabsdet) *logabsdet = empty(batch, a.dtype(), a.device());
  if (shape_numel(batch) == 0) return;
  auto flat = [](Tensor* t) { return t ? flat_batch(*t, 0) : Tensor(); };
  lu_det_stub(a.device().type, work.kernel, flat(det), flat(sign), flat(logabsdet));
}

}  // namespace

Tensor linalg_det(const Tensor& a) {
  OpScope scope("linalg_det");
  Tensor det;
  lu_determinants("linalg.det", a, &det, nullptr, nullptr);
  return det;
}

std::tuple<Tensor, Tensor> linalg_slogdet(const Tensor& a) {
  OpScope scope("linalg_slogdet");
  Tensor sign, logabsdet;
  lu_determinants("linalg.slogdet", a, nullptr, &sign, &logabsdet);
  return {sign, logabsdet};
}

Tensor logdet(const Tensor& a) {
  OpScope scope("logdet");
  Tensor sign, logabsdet;
  lu_determinants("logdet", a, nullptr, &sign, &logabsdet);
  // log|det| + log(sign): log(1) = 0, log(0) = -inf (singular), log(-1) = nan (negative).
  return add(logabsdet, log(sign));
}

// ---- Cholesky -------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_cholesky_ex(const Tensor& a, bool upper, bool check_errors) {
  OpScope scope("linalg_cholesky_ex");
  check_matrix_input("linalg.cholesky", a, /*square=*/true);
  const Shape batch = batch_shape(a);
  ColMajor work = colmajor_copy(a, batch);
  Tensor info = info_tensor(batch, a.device());
  if (a.numel() > 0) cholesky_stub(a.device().type, work.kernel, upper, flat_batch(info, 0));
  if (check_errors) check_info(info, "linalg.cholesky", a.dim() > 2, not_positive_definite);
  return {work.user, info};
}

Tensor linalg_cholesky(const Tensor& a, bool upper) {
  OpScope scope("linalg_cholesky");
  return std::get<0>(linalg_cholesky_ex(a, upper, /*check_errors=*/true));
}

// ---- QR -------------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_qr(const Tensor& a, const std::string& mode) {
  OpScope scope("linalg_qr");
  EMBER_CHECK(mode == "reduced" || mode == "complete" || mode == "r", "[linalg.qr] qr received "
              "unrecognized mode '", mode, "' but expected one of 'reduced' (default), 'r', or "
              "'complete'");
  check_matrix_input("linalg.qr", a, /*square=*/false);
  const Shape batch = batch_shape(a);
  const int64_t m = a.size(-2), n = a.size(-1), k = std::min(m, n);
  const bool complete = mode == "complete";
  ColMajor work = colmajor_copy(a, batch);
  ColMajor r = colmajor_empty(batch, complete ? m : k, n, a.dtype(), a.device());
  ColMajor q;
  if (mode != "r") q = colmajor_empty(batch, m, complete ? m : k, a.dtype(), a.device());
  if (shape_numel(batch) > 0) qr_stub(a.device().type, work.kernel, q.kernel, r.kernel);
  Tensor q_out = mode == "r" ? empty({0}, a.dtype(), a.device()) : q.user;
  return {q_out, r.user};
}

// ---- SVD ------------------------------------------------------------------------------------

namespace {

std::string svd_failure(int32_t info) {
  if (info == kInfoNonFinite) {
    return "The algorithm failed to converge because the input matrix contained non-finite "
           "values.";
  }
  return detail::concat("The algorithm failed to converge because the input matrix is "
                        "ill-conditioned or has too many repeated singular values (error code: ",
                        info, ").");
}

void check_svd_driver(const char* op, const std::optional<std::string>& driver) {
  EMBER_CHECK(!driver.has_value(), "[", op, "] keyword argument `driver=` is only supported on "
              "CUDA inputs with cuSOLVER backend.");
}

// Runs the SVD kernel; u and vh are computed when `vectors`.
std::tuple<Tensor, Tensor, Tensor> svd_impl(const char* op, const Tensor& a, bool vectors,
                                            bool full_matrices) {
  check_matrix_input(op, a, /*square=*/false);
  const Shape batch = batch_shape(a);
  const int64_t m = a.size(-2), n = a.size(-1), k = std::min(m, n);
  ColMajor work = colmajor_copy(a, batch);
  Shape s_shape = batch;
  s_shape.push_back(k);
  Tensor s = empty(s_shape, a.dtype(), a.device());
  ColMajor u, vh;
  if (vectors) {
    u = colmajor_empty(batch, m, full_matrices ? m : k, a.dtype(), a.device());
    vh = colmajor_empty(batch, full_matrices ? n : k, n, a.dtype(), a.device());
  }
  Tensor info = info_tensor(batch, a.device());
  if (shape_numel(batch) > 0) {
    svd_stub(a.device().type, work.kernel, u.kernel, flat_batch(s, 1), vh.kernel,
             flat_batch(info, 0));
  }
  check_info(info, op, a.dim() > 2, svd_failure);
  return {u.user, s, vh.user};
}

}  // namespace

std::tuple<Tensor, Tensor, Tensor> linalg_svd(const Tensor& a, bool full_matrices,
                                              const std::optional<std::string>& driver) {
  OpScope scope("linalg_svd");
  check_svd_driver("linalg.svd", driver);
  return svd_impl("linalg.svd", a, /*vectors=*/true, full_matrices);
}

Tensor linalg_svdvals(const Tensor& a, const std::optional<std::string>& driver) {
  OpScope scope("linalg_svdvals");
  check_svd_driver("linalg.svdvals", driver);
  return std::get<1>(svd_impl("linalg.svdvals", a, /*vectors=*/false, false));
}

// ---- symmetric eigensolver -------------------------------------------------------------

namespace {

std::tuple<Tensor, Tensor> eigh_impl(const char* op, const Tensor& a, const std::string& uplo,
                                     bool vectors) {
  EMBER_CHECK(uplo == "L" || uplo == "U" || uplo == "l" || uplo == "u", "[", op,
              "] Expected UPLO argument to be 'L' or 'U', but got ", uplo);
  check_matrix_input(op, a, /*square=*/true);
  const Shape batch = batch_shape(a);
  const int64_t n = a.size(-1);
  ColMajor work = colmajor_copy(a, batch);
  Shape w_shape = batch;
  w_shape.push_back(n);
  Tensor w = empty(w_shape, a.dtype(), a.device());
  Tensor info = info_tensor(batch, a.device());
  if (a.numel() > 0) {
    eigh_stub(a.device().type, work.kernel, flat_batch(w, 1), uplo == "U" || uplo == "u",
              vectors, flat_batch(info, 0));
  }
  check_info(info, op, a.dim() > 2, [](int32_t code) {
    return detail::concat("The algorithm failed to converge because the input matrix is "
                          "ill-conditioned or has too many repeated eigenvalues (error code: ",
                          code, ").");
  });
  return {w, work.user};
}

}  // namespace

std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& a, const std::string& uplo) {
  OpScope scope("linalg_eigh");
  return eigh_impl("linalg.eigh", a, uplo, /*vectors=*/true);
}

Tensor linalg_eigvalsh(const Tensor& a, const std::string& uplo) {
  OpScope scope("linalg_eigvalsh");
  return std::get<0>(eigh_impl("linalg.eigvalsh", a, uplo, /*vectors=*/false));
}

// ---- least squares --------------------------------------------------------------------------

std::tuple<Tensor, Tensor, Tensor, Tensor> linalg_lstsq(const Tensor& a, const Tensor& b,
                                                        std::optional<double> rcond,
                                                        const std::optional<std::string>& drv) {
  OpScope scope("linalg_lstsq");
  const char* op = "linalg.lstsq";
  check_matrix_input(op, a, /*square=*/false);
  check_same_device(op, a, b);
  EMBER_CHECK(a.dtype() == b.dtype(), "[", op, "] Expected input and other to have the same "
              "dtype, but got input's dtype ", scalar_type_name(a.dtype()),
              " and other's dtype ", scalar_type_name(b.dtype()));
  const int64_t dim_diff = a.dim() - b.dim();
  EMBER_CHECK(b.dim() >= 1 && dim_diff >= 0 && dim_diff <= 1, "[", op, "] input.dim() must be "
              "greater or equal to other.dim() and (input.dim() - other.dim()) <= 1 (shapes ",
              shape_str(a.sizes()), " and ", shape_str(b.sizes()), ")");
  const bool vector = dim_diff == 1;
  const Tensor b2 = vector ? unsqueeze(b, -1) : b;
  const int64_t m = a.size(-2), n = a.size(-1), nrhs = b2.size(-1);
  EMBER_CHECK(b2.size(-2) == m, "[", op, "] input.size(-2) should match other.size(-2) (shapes ",
              shape_str(a.sizes()), " and ", shape_str(b.sizes()), ")");
  const std::string driver = drv.value_or("gelsy");
  EMBER_CHECK(driver == "gels" || driver == "gelsy" || driver == "gelsd" || driver == "gelss",
              "[", op, "] parameter `driver` should be one of (gels, gelsy, gelsd, gelss), got ",
              driver);
  const double rc = rcond.value_or(epsilon(a.dtype()) * static_cast<double>(std::max(m, n)));

  const Shape batch = broadcast_shapes(batch_shape(a), batch_shape(b2), op);
  ColMajor work = colmajor_copy(a, batch);
  // The right-hand sides, padded to max(m, n) rows: LAPACK writes the n-row solution there.
  ColMajor x = colmajor_empty(batch, std::max(m, n), nrhs, a.dtype(), a.device());
  if (n > m) zero_(x.user);
  copy_(narrow(x.user, -2, 0, m), b2);
  const bool has_rank = driver != "gels";
  const bool has_sv = driver == "gelsd" || driver == "gelss";
  Tensor rank = has_rank ? zeros(batch, ScalarType::Int64, a.device())
                         : empty({0}, ScalarType::Int64, a.device());
  Shape s_shape = batch;
  s_shape.push_back(std::min(m, n));
  Tensor sv = has_sv ? empty(s_shape, a.dtype(), a.device()) : empty({0}, a.dtype(), a.device());
  Tensor info = info_tensor(batch, a.device());
  if (shape_numel(batch) > 0) {
    lstsq_stub(a.device().type, work.kernel, x.kernel, has_rank ? flat_batch(rank, 0) : Tensor(),
               has_sv ? flat_batch(sv, 1) : Tensor(), rc, driver, flat_batch(info, 0));
  }
  check_info(info, op, a.dim() > 2, [&](int32_t code) {
    if (driver == "gels") {
      return detail::concat("The least squares solution could not be computed because the "
                            "input matrix does not have full rank (error code: ", code, ").");
    }
    return detail::concat("The algorithm failed to converge because the input matrix is "
                          "ill-conditioned or has too many repeated singular values (error "
                          "code: ", code, ").");
  });

  Tensor solution = narrow(x.user, -2, 0, n);
  // Residuals (squared norms of the unexplained rows) only when m > n and, for the
  // rank-revealing drivers, every matrix has full rank n; empty otherwise (torch's rule).
  Tensor residuals = empty({0}, a.dtype(), a.device());
  if (m > n && driver != "gelsy") {
    bool full_rank = true;
    if (has_rank && !rank.device().is_meta()) {
      const Tensor host = contiguous(rank);
      for (int64_t i = 0; i < host.numel(); ++i) full_rank &= host.data<int64_t>()[i] == n;
    }
    if (full_rank) {
      Tensor norms = linalg_vector_norm(narrow(x.user, -2, n, m - n), 2, Shape{-2}, false,
                                        std::nullopt);
      residuals = mul(norms, norms);
    }
  }
  if (vector) solution = squeeze(solution, {-1});
  return {solution, residuals, rank, sv};
}

}  // namespace ember
