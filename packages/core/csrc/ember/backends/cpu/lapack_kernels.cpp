// CPU kernels of the LAPACK-backed linalg functions (ops/linalg_decompositions.h), over
// OpenBLAS's LAPACK. Compiled once: OpenBLAS picks its own kernels for the CPU.
//
// Every kernel takes batches of column-major matrices (the layout LAPACK wants), asks
// LAPACK for the workspace size once per call, and runs the matrices of a batch in
// parallel when they are small enough that OpenBLAS would run each on one thread anyway
// (it is then safe to call concurrently).
#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

#if defined(_OPENMP)
#include <omp.h>
#endif

// The wheel's LAPACK symbols carry the scipy_ prefix: scipy_sgetrf_ and so on.
#define LAPACK_GLOBAL(lcname, UCNAME) scipy_##lcname##_
#define lapack_complex_float std::complex<float>
#define lapack_complex_double std::complex<double>
#include <lapack.h>

#include "ember/core/errors.h"
#include "ember/ops/linalg_decompositions.h"

namespace ember::cpu {
namespace {

using lint = lapack_int;

// Typed entry points: Lapack<float>::getrf calls sgetrf, Lapack<double>::getrf dgetrf.
#define EMBER_LAPACK_WRAPPERS(T, p)                                                          \
  template <>                                                                                \
  struct Lapack<T> {                                                                         \
    static void getrf(lint m, lint n, T* a, lint lda, lint* ipiv, lint* info) {              \
      LAPACK_##p##getrf(&m, &n, a, &lda, ipiv, info);                                        \
    }                                                                                        \
    static void getri(lint n, T* a, lint lda, const lint* ipiv, T* work, lint lwork,         \
                      lint* info) {                                                          \
      LAPACK_##p##getri(&n, a, &lda, ipiv, work, &lwork, info);                              \
    }                                                                                        \
    static void getrs(char trans, lint n, lint nrhs, const T* a, lint lda, const lint* ipiv, \
                      T* b, lint ldb, lint* info) {                                          \
      scipy_LAPACK_##p##getrs(&trans, &n, &nrhs, a, &lda, ipiv, b, &ldb, info);              \
    }                                                                                        \
    static void potrf(char uplo, lint n, T* a, lint lda, lint* info) {                       \
      scipy_LAPACK_##p##potrf(&uplo, &n, a, &lda, info);                                     \
    }                                                                                        \
    static void geqrf(lint m, lint n, T* a, lint lda, T* tau, T* work, lint lwork,           \
                      lint* info) {                                                          \
      LAPACK_##p##geqrf(&m, &n, a, &lda, tau, work, &lwork, info);                           \
    }                                                                                        \
    static void orgqr(lint m, lint n, lint k, T* a, lint lda, const T* tau, T* work,         \
                      lint lwork, lint* info) {                                              \
      LAPACK_##p##orgqr(&m, &n, &k, a, &lda, tau, work, &lwork, info);                       \
    }                                                                                        \
    static void gesdd(char jobz, lint m, lint n, T* a, lint lda, T* s, T* u, lint ldu,       \
                      T* vt, lint ldvt, T* work, lint lwork, lint* iwork, lint* info) {      \
      scipy_LAPACK_##p##gesdd(&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork,   \
                              iwork, info);                                                  \
    }                                                                                        \
    static void syevd(char jobz, char uplo, lint n, T* a, lint lda, T* w, T* work,           \
                      lint lwork, lint* iwork, lint liwork, lint* info) {                    \
      scipy_LAPACK_##p##syevd(&jobz, &uplo, &n, a, &lda, w, work, &lwork, iwork, &liwork,    \
                              info);                                                         \
    }                                                                                        \
    static void gels(lint m, lint n, lint nrhs, T* a, lint lda, T* b, lint ldb, T* work,     \
                     lint lwork, lint* info) {                                               \
      const char trans = 'N';                                                                \
      scipy_LAPACK_##p##gels(&trans, &m, &n, &nrhs, a, &lda, b, &ldb, work, &lwork, info);   \
    }                                                                                        \
    static void gelsy(lint m, lint n, lint nrhs, T* a, lint lda, T* b, lint ldb, lint* jpvt, \
                      T rcond, lint* rank, T* work, lint lwork, lint* info) {                \
      LAPACK_##p##gelsy(&m, &n, &nrhs, a, &lda, b, &ldb, jpvt, &rcond, rank, work, &lwork,   \
                        info);                                                               \
    }                                                                                        \
    static void gelsd(lint m, lint n, lint nrhs, T* a, lint lda, T* b, lint ldb, T* s,       \
                      T rcond, lint* rank, T* work, lint lwork, lint* iwork, lint* info) {   \
      LAPACK_##p##gelsd(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank, work, &lwork,      \
                        iwork, info);                                                        \
    }                                                                                        \
    static void gelss(lint m, lint n, lint nrhs, T* a, lint lda, T* b, lint ldb, T* s,       \
                      T rcond, lint* rank, T* work, lint lwork, lint* info) {                \
      LAPACK_##p##gelss(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank, work, &lwork,      \
                        info);                                                               \
    }                                                                                        \
  };

template <typename T>
struct Lapack;
EMBER_LAPACK_WRAPPERS(float, s)
EMBER_LAPACK_WRAPPERS(double, d)
#undef EMBER_LAPACK_WRAPPERS

// A workspace size LAPACK reported through a query (lwork = -1) in a T.
template <typename T>
lint work_size(T reported) {
  return std::max<lint>(1, static_cast<lint>(std::ceil(static_cast<double>(reported))));
}

// Column-major batch: matrix i at data + i * stride(0), leading dimension stride(2).
template <typename T>
struct Batch {
  explicit Batch(const Tensor& t)
      : data(t.defined() ? t.data<T>() : nullptr),
        count(t.defined() ? t.size(0) : 0),
        rows(t.defined() ? t.size(1) : 0),
        cols(t.defined() ? t.size(2) : 0),
        batch_stride(t.defined() ? t.stride(0) : 0),
        ld(t.defined() ? static_cast<lint>(std::max<int64_t>(t.stride(2), 1)) : 1) {}
  T* operator[](int64_t i) const { return data + i * batch_stride; }
  T* data;
  int64_t count, rows, cols, batch_stride;
  lint ld;
};

void check_lapack_size(const char* op, int64_t n) {
  EMBER_CHECK(n <= std::numeric_limits<lint>::max(), "[", op, "] matrix dimension ", n,
              " exceeds the 32-bit LAPACK interface");
}

// Below this order OpenBLAS runs its LAPACK routines (getrf, potrf, ...) and the BLAS
// calls inside the reference ones on the calling thread.
constexpr int64_t kSmallMatrix = 64;

// Runs fn(i) for every matrix of the batch; in parallel for small matrices (below
// OpenBLAS's own threading thresholds) when there are several. `Scratch` is per thread.
template <typename Scratch, typename Fn>
void for_each_matrix(int64_t count, int64_t size, Fn fn) {
  int threads = 1;
#if defined(_OPENMP)
  if (count > 1 && size < kSmallMatrix) {
    threads = static_cast<int>(std::min<int64_t>(omp_get_max_threads(), count));
  }
#endif
  if (threads <= 1) {
    Scratch scratch;
    for (int64_t i = 0; i < count; ++i) fn(i, scratch);
    return;
  }
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
  {
    Scratch scratch;
#pragma omp for schedule(static)
    for (int64_t i = 0; i < count; ++i) fn(i, scratch);
  }
#endif
}

template <typename T>
struct Scratch {
  std::vector<T> work, tau;
  std::vector<lint> ipiv, iwork;
};

// ---- LU: inverse, solve, determinants --------------------------------------------------

template <typename T>
void lu_inverse_typed(const Tensor& work_t, const Tensor& info_t) {
  const Batch<T> a(work_t);
  const lint n = static_cast<lint>(a.rows);
  int32_t* info_out = info_t.data<int32_t>();
  T query = 0;
  lint status = 0;
  Lapack<T>::getri(n, a[0], a.ld, nullptr, &query, -1, &status);
  const lint lwork = work_size(query);
  for_each_matrix<Scratch<T>>(a.count, n, [&](int64_t i, Scratch<T>& s) {
    s.ipiv.resize(static_cast<size_t>(std::max<lint>(n, 1)));
    s.work.resize(static_cast<size_t>(lwork));
    lint info = 0;
    Lapack<T>::getrf(n, n, a[i], a.ld, s.ipiv.data(), &info);
    if (info == 0) Lapack<T>::getri(n, a[i], a.ld, s.ipiv.data(), s.work.data(), lwork, &info);
    info_out[i] = info;
  });
}

void lu_inverse_kernel(const Tensor& work, const Tensor& info) {
  check_lapack_size("linalg.inv", work.size(1));
  if (work.dtype() == ScalarType::Float32) {
    lu_inverse_typed<float>(work, info);
  } else {
    lu_inverse_typed<double>(work, info);
  }
}

template <typename T>
void lu_solve_typed(const Tensor& work_t, const Tensor& rhs_t, const Tensor& info_t) {
  const Batch<T> a(work_t), b(rhs_t);
  const lint n = static_cast<lint>(a.rows), nrhs = static_cast<lint>(b.cols);
  int32_t* info_out = info_t.data<int32_t>();
  for_each_matrix<Scratch<T>>(a.count, std::max<int64_t>(n, nrhs), [&](int64_t i,
                                                                       Scratch<T>& s) {
    s.ipiv.resize(static_cast<size_t>(std::max<lint>(n, 1)));
    lint info = 0;
    Lapack<T>::getrf(n, n, a[i], a.ld, s.ipiv.data(), &info);
    if (info == 0) Lapack<T>::getrs('N', n, nrhs, a[i], a.ld, s.ipiv.data(), b[i], b.ld, &info);
    info_out[i] = info;
  });
}

void lu_solve_kernel(const Tensor& work, const Tensor& rhs, const Tensor& info) {
  check_lapack_size("linalg.solve", std::max(work.size(1), rhs.size(2)));
  if (work.dtype() == ScalarType::Float32) {
    lu_solve_typed<float>(work, rhs, info);
  } else {
    lu_solve_typed<double>(work, rhs, info);
  }
}

template <typename T>
void lu_det_typed(const Tensor& work_t, const Tensor& det_t, const Tensor& sign_t,
                  const Tensor& logabs_t) {
  const Batch<T> a(work_t);
  const lint n = static_cast<lint>(a.rows);
  T* det = det_t.defined() ? det_t.data<T>() : nullptr;
  T* sign = sign_t.defined() ? sign_t.data<T>() : nullptr;
  T* logabs = logabs_t.defined() ? logabs_t.data<T>() : nullptr;
  for_each_matrix<Scratch<T>>(a.count, n, [&](int64_t i, Scratch<T>& s) {
    s.ipiv.resize(static_cast<size_t>(std::max<lint>(n, 1)));
    lint info = 0;
    if (n > 0) Lapack<T>::getrf(n, n, a[i], a.ld, s.ipiv.data(), &info);
    // det = prod(diag(U)) * (-1)^(row swaps); a zero pivot (info > 0) makes it 0.
    double product = 1, log_sum = 0, sgn = 1;
    for (lint j = 0; j < n; ++j) {
      const double u = static_cast<double>(a[i][j + static_cast<int64_t>(j) * a.ld]);
      product *= u;
      log_sum += std::log(std::abs(u));
      if (u < 0) sgn = -sgn;
      if (s.ipiv[j] != j + 1) {
        product = -product;
        sgn = -sgn;
      }
    }
    if (product == 0 && !std::isnan(product)) sgn = 0;
    if (sgn == 0) log_sum = -std::numeric_limits<double>::infinity();
    if (det) det[i] = static_cast<T>(product);
    if (sign) sign[i] = static_cast<T>(sgn);
    if (logabs) logabs[i] = static_cast<T>(log_sum);
  });
}

void lu_det_kernel(const Tensor& work, const Tensor& det, const Tensor& sign,
                   const Tensor& logabsdet) {
  check_lapack_size("linalg.det", work.size(1));
  if (work.dtype() == ScalarType::Float32) {
    lu_det_typed<float>(work, det, sign, logabsdet);
  } else {
    lu_det_typed<double>(work, det, sign, logabsdet);
  }
}

// ---- Cholesky ---------------------------------------------------------------------------

template <typename T>
void cholesky_typed(const Tensor& work_t, bool upper, const Tensor& info_t) {
  const Batch<T> a(work_t);
  const lint n = static_cast<lint>(a.rows);
  int32_t* info_out = info_t.data<int32_t>();
  for_each_matrix<Scratch<T>>(a.count, n, [&](int64_t i, Scratch<T>&) {
    lint info = 0;
    Lapack<T>::potrf(upper ? 'U' : 'L', n, a[i], a.ld, &info);
    info_out[i] = info;
    // potrf leaves the other triangle as it was: zero it.
    T* m = a[i];
    for (lint c = 0; c < n; ++c) {
      for (lint r = 0; r < n; ++r) {
        if (upper ? r > c : r < c) m[r + static_cast<int64_t>(c) * a.ld] = T(0);
      }
    }
  });
}

void cholesky_kernel(const Tensor& work, bool upper, const Tensor& info) {
  check_lapack_size("linalg.cholesky", work.size(1));
  if (work.dtype() == ScalarType::Float32) {
    cholesky_typed<float>(work, upper, info);
  } else {
    cholesky_typed<double>(work, upper, info);
  }
}

// ---- QR -----------------------------------------------------------------------------------

template <typename T>
void qr_typed(const Tensor& work_t, const Tensor& q_t, const Tensor& r_t) {
  const Batch<T> a(work_t), q(q_t), r(r_t);
  const lint m = static_cast<lint>(a.rows), n = static_cast<lint>(a.cols);
  const lint k = std::min(m, n);
  const lint q_cols = q_t.defined() ? static_cast<lint>(q.cols) : 0;
  T query = 0;
  lint status = 0;
  Lapack<T>::geqrf(m, n, a[0], a.ld, nullptr, &query, -1, &status);
  lint lwork = work_size(query);
  if (q_t.defined()) {
    Lapack<T>::orgqr(m, q_cols, k, q[0], q.ld, nullptr, &query, -1, &status);
    lwork = std::max(lwork, work_size(query));
  }
  for_each_matrix<Scratch<T>>(a.count, std::max(m, n), [&](int64_t i, Scratch<T>& s) {
    s.tau.resize(static_cast<size_t>(std::max<lint>(k, 1)));
    s.work.resize(static_cast<size_t>(lwork));
    lint info = 0;
    Lapack<T>::geqrf(m, n, a[i], a.ld, s.tau.data(), s.work.data(), lwork, &info);
    // R: the upper triangle of the factored matrix (zero below it and past row k).
    T* rm = r[i];
    for (int64_t c = 0; c < n; ++c) {
      for (int64_t row = 0; row < r.rows; ++row) {
        rm[row + c * r.ld] = row <= c && row < m ? a[i][row + c * a.ld] : T(0);
      }
    }
    if (!q_t.defined() || m == 0) return;
    // Q: the reflectors' columns, expanded by orgqr (which sets any further columns).
    T* qm = q[i];
    for (int64_t c = 0; c < std::min<int64_t>(q_cols, n); ++c) {
      std::copy(a[i] + c * a.ld, a[i] + c * a.ld + m, qm + c * q.ld);
    }
    Lapack<T>::orgqr(m, q_cols, k, qm, q.ld, s.tau.data(), s.work.data(), lwork, &info);
  });
}

void qr_kernel(const Tensor& work, const Tensor& q, const Tensor& r) {
  check_lapack_size("linalg.qr", std::max(work.size(1), work.size(2)));
  if (work.dtype() == ScalarType::Float32) {
    qr_typed<float>(work, q, r);
  } else {
    qr_typed<double>(work, q, r);
  }
}

// ---- SVD ----------------------------------------------------------------------------------

template <typename T>
void set_identity(T* m, int64_t n, int64_t ld) {
  for (int64_t c = 0; c < n; ++c) {
    for (int64_t r = 0; r < n; ++r) m[r + c * ld] = r == c ? T(1) : T(0);
  }
}

template <typename T>
void svd_typed(const Tensor& work_t, const Tensor& u_t, const Tensor& s_t, const Tensor& vh_t,
               const Tensor& info_t) {
  const Batch<T> a(work_t), u(u_t), vh(vh_t);
  const lint m = static_cast<lint>(a.rows), n = static_cast<lint>(a.cols);
  const lint k = std::min(m, n);
  const bool vectors = u_t.defined();
  const bool full = vectors && u.cols == m && vh.rows == n;
  const char jobz = !vectors ? 'N' : full ? 'A' : 'S';
  T* s_data = s_t.data<T>();
  const int64_t s_stride = s_t.stride(0);
  int32_t* info_out = info_t.data<int32_t>();
  if (k == 0) {  // nothing to decompose; full_matrices asks for orthogonal U and Vh
    for (int64_t i = 0; i < a.count; ++i) {
      info_out[i] = 0;
      if (full && m > 0) set_identity(u[i], m, u.ld);
      if (full && n > 0) set_identity(vh[i], n, vh.ld);
    }
    return;
  }
  T dummy = 0;
  const lint ldu = vectors ? u.ld : 1, ldvt = vectors ? vh.ld : 1;
  T query = 0;
  lint status = 0;
  std::vector<lint> iwork_query(static_cast<size_t>(8 * k));
  Lapack<T>::gesdd(jobz, m, n, a[0], a.ld, s_data, vectors ? u[0] : &dummy, ldu,
                   vectors ? vh[0] : &dummy, ldvt, &query, -1, iwork_query.data(), &status);
  const lint lwork = work_size(query);
  for_each_matrix<Scratch<T>>(a.count, std::max(m, n), [&](int64_t i, Scratch<T>& s) {
    s.work.resize(static_cast<size_t>(lwork));
    s.iwork.resize(static_cast<size_t>(8 * k));
    T local_dummy = 0;
    lint info = 0;
    Lapack<T>::gesdd(jobz, m, n, a[i], a.ld, s_data + i * s_stride,
                     vectors ? u[i] : &local_dummy, ldu, vectors ? vh[i] : &local_dummy, ldvt,
                     s.work.data(), lwork, s.iwork.data(), &info);
    // gesdd checks for NaN first and reports it as an illegal A (-4).
    info_out[i] = info == -4 ? kInfoNonFinite : info;
  });
}

void svd_kernel(const Tensor& work, const Tensor& u, const Tensor& s, const Tensor& vh,
                const Tensor& info) {
  check_lapack_size("linalg.svd", std::max(work.size(1), work.size(2)));
  if (work.dtype() == ScalarType::Float32) {
    svd_typed<float>(work, u, s, vh, info);
  } else {
    svd_typed<double>(work, u, s, vh, info);
  }
}

// ---- symmetric eigensolver ------------------------------------------------------------------

template <typename T>
void eigh_typed(const Tensor& work_t, const Tensor& w_t, bool upper, bool vectors,
                const Tensor& info_t) {
  const Batch<T> a(work_t);
  const lint n = static_cast<lint>(a.rows);
  const char jobz = vectors ? 'V' : 'N', uplo = upper ? 'U' : 'L';
  T* w = w_t.data<T>();
  const int64_t w_stride = w_t.stride(0);
  int32_t* info_out = info_t.data<int32_t>();
  T query = 0;
  lint iquery = 0, status = 0;
  Lapack<T>::syevd(jobz, uplo, n, a[0], a.ld, w, &query, -1, &iquery, -1, &status);
  const lint lwork = work_size(query), liwork = std::max<lint>(1, iquery);
  for_each_matrix<Scratch<T>>(a.count, n, [&](int64_t i, Scratch<T>& s) {
    s.work.resize(static_cast<size_t>(lwork));
    s.iwork.resize(static_cast<size_t>(liwork));
    lint info = 0;
    Lapack<T>::syevd(jobz, uplo, n, a[i], a.ld, w + i * w_stride, s.work.data(), lwork,
                     s.iwork.data(), liwork, &info);
    info_out[i] = info;
  });
}

void eigh_kernel(const Tensor& work, const Tensor& w, bool upper, bool vectors,
                 const Tensor& info) {
  check_lapack_size("linalg.eigh", work.size(1));
  if (work.dtype() == ScalarType::Float32) {
    eigh_typed<float>(work, w, upper, vectors, info);
  } else {
    eigh_typed<double>(work, w, upper, vectors, info);
  }
}

// ---- least squares ---------------------------------------------------------------------------

template <typename T>
void lstsq_typed(const Tensor& work_t, const Tensor& rhs_t, const Tensor& rank_t,
                 const Tensor& s_t, double rcond_d, const std::string& driver,
                 const Tensor& info_t) {
  const Batch<T> a(work_t), b(rhs_t);
  const lint m = static_cast<lint>(a.rows), n = static_cast<lint>(a.cols);
  const lint nrhs = static_cast<lint>(b.cols), k = std::min(m, n);
  const T rcond = static_cast<T>(rcond_d);
  int64_t* rank_out = rank_t.defined() ? rank_t.data<int64_t>() : nullptr;
  T* s_data = s_t.defined() ? s_t.data<T>() : nullptr;
  const int64_t s_stride = s_t.defined() ? s_t.stride(0) : 0;
  int32_t* info_out = info_t.data<int32_t>();
  if (k == 0) {  // no equations or no unknowns: rank 0, the solution stays zero
    for (int64_t i = 0; i < a.count; ++i) {
      info_out[i] = 0;
      if (rank_out) rank_out[i] = 0;
    }
    return;
  }
  // Workspace query with the driver's own routine.
  T query = 0;
  lint iquery = 1, rank = 0, status = 0;
  std::vector<T> s_query(static_cast<size_t>(k));
  std::vector<lint> jpvt_query(static_cast<size_t>(n));
  if (driver == "gels") {
    Lapack<T>::gels(m, n, nrhs, a[0], a.ld, b[0], b.ld, &query, -1, &status);
  } else if (driver == "gelsy") {
    Lapack<T>::gelsy(m, n, nrhs, a[0], a.ld, b[0], b.ld, jpvt_query.data(), rcond, &rank, &query,
                     -1, &status);
  } else if (driver == "gelsd") {
    Lapack<T>::gelsd(m, n, nrhs, a[0], a.ld, b[0], b.ld, s_query.data(), rcond, &rank, &query,
                     -1, &iquery, &status);
  } else {
    Lapack<T>::gelss(m, n, nrhs, a[0], a.ld, b[0], b.ld, s_query.data(), rcond, &rank, &query,
                     -1, &status);
  }
  const lint lwork = work_size(query), liwork = std::max<lint>(1, iquery);
  for_each_matrix<Scratch<T>>(a.count, std::max(m, n), [&](int64_t i, Scratch<T>& s) {
    s.work.resize(static_cast<size_t>(lwork));
    lint info = 0, r = 0;
    T* sv = s_data ? s_data + i * s_stride : nullptr;
    if (driver == "gels") {
      Lapack<T>::gels(m, n, nrhs, a[i], a.ld, b[i], b.ld, s.work.data(), lwork, &info);
    } else if (driver == "gelsy") {
      s.ipiv.assign(static_cast<size_t>(n), 0);  // jpvt: every column free to pivot
      Lapack<T>::gelsy(m, n, nrhs, a[i], a.ld, b[i], b.ld, s.ipiv.data(), rcond, &r,
                       s.work.data(), lwork, &info);
    } else if (driver == "gelsd") {
      s.iwork.resize(static_cast<size_t>(liwork));
      Lapack<T>::gelsd(m, n, nrhs, a[i], a.ld, b[i], b.ld, sv, rcond, &r, s.work.data(), lwork,
                       s.iwork.data(), &info);
    } else {
      Lapack<T>::gelss(m, n, nrhs, a[i], a.ld, b[i], b.ld, sv, rcond, &r, s.work.data(), lwork,
                       &info);
    }
    info_out[i] = info;
    if (rank_out) rank_out[i] = r;
  });
}

void lstsq_kernel(const Tensor& work, const Tensor& rhs, const Tensor& rank, const Tensor& s,
                  double rcond, const std::string& driver, const Tensor& info) {
  check_lapack_size("linalg.lstsq", std::max({work.size(1), work.size(2), rhs.size(2)}));
  if (work.dtype() == ScalarType::Float32) {
    lstsq_typed<float>(work, rhs, rank, s, rcond, driver, info);
  } else {
    lstsq_typed<double>(work, rhs, rank, s, rcond, driver, info);
  }
}

}  // namespace

EMBER_REGISTER_KERNEL(lu_inverse_stub, DeviceType::CPU, &lu_inverse_kernel);
EMBER_REGISTER_KERNEL(lu_solve_stub, DeviceType::CPU, &lu_solve_kernel);
EMBER_REGISTER_KERNEL(lu_det_stub, DeviceType::CPU, &lu_det_kernel);
EMBER_REGISTER_KERNEL(cholesky_stub, DeviceType::CPU, &cholesky_kernel);
EMBER_REGISTER_KERNEL(qr_stub, DeviceType::CPU, &qr_kernel);
EMBER_REGISTER_KERNEL(svd_stub, DeviceType::CPU, &svd_kernel);
EMBER_REGISTER_KERNEL(eigh_stub, DeviceType::CPU, &eigh_kernel);
EMBER_REGISTER_KERNEL(lstsq_stub, DeviceType::CPU, &lstsq_kernel);

}  // namespace ember::cpu
