// Floating-point GEMM through OpenBLAS. Matrices that are row- or column-major (any
// leading dimension, so transposes and slices of the inner dim) are passed as they are
// with the matching transpose flag; anything else is packed into a buffer first. The
// output decides the orientation: a row-major C is computed as C^T = B^T A^T in BLAS's
// column-major terms, so no output is ever transposed after the fact.
#include "ember/backends/cpu/blas_kernels.h"

#include <cblas.h>

#include <algorithm>
#include <climits>
#include <optional>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/ops/copy.h"
#include "ember/ops/view.h"

namespace ember::cpu {

GemmBatch gemm_batch(const GemmArgs& args) {
  const Tensor& out = args.out;
  const int64_t nd = out.dim() - 2;
  GemmBatch batch;
  batch.count = 1;
  for (int64_t d = 0; d < nd; ++d) batch.count *= out.sizes()[d];
  batch.a.resize(static_cast<size_t>(batch.count));
  batch.b.resize(static_cast<size_t>(batch.count));
  batch.out.resize(static_cast<size_t>(batch.count));
  Shape counter(static_cast<size_t>(std::max<int64_t>(nd, 0)), 0);
  int64_t oa = 0, ob = 0, oc = 0;
  for (int64_t i = 0; i < batch.count; ++i) {
    batch.a[i] = oa;
    batch.b[i] = ob;
    batch.out[i] = oc;
    // Advance the row-major batch counter, updating the three offsets incrementally.
    for (int64_t d = nd - 1; d >= 0; --d) {
      oa += args.a.strides()[d];
      ob += args.b.strides()[d];
      oc += out.strides()[d];
      if (++counter[d] < out.sizes()[d]) break;
      oa -= args.a.strides()[d] * counter[d];
      ob -= args.b.strides()[d] * counter[d];
      oc -= out.strides()[d] * counter[d];
      counter[d] = 0;
    }
  }
  return batch;
}

namespace {

struct ColOperand {
  CBLAS_TRANSPOSE trans;
  int64_t ld;
};

// A rows x cols matrix with element strides (sr, sc) as a column-major BLAS operand:
// as itself (NoTrans) when its columns are dense, as the transpose of a column-major
// matrix (Trans) when its rows are. The stride of a size-1 dim does not matter.
std::optional<ColOperand> as_col_operand(int64_t rows, int64_t cols, int64_t sr, int64_t sc) {
  const int64_t min_ld_n = std::max<int64_t>(rows, 1), min_ld_t = std::max<int64_t>(cols, 1);
  if (sr == 1 || rows == 1) {
    const int64_t ld = cols == 1 ? min_ld_n : sc;
    if (ld >= min_ld_n && ld <= INT_MAX) return ColOperand{CblasNoTrans, ld};
  }
  if (sc == 1 || cols == 1) {
    const int64_t ld = rows == 1 ? min_ld_t : sr;
    if (ld >= min_ld_t && ld <= INT_MAX) return ColOperand{CblasTrans, ld};
  }
  return std::nullopt;
}

CBLAS_TRANSPOSE flip(CBLAS_TRANSPOSE t) { return t == CblasNoTrans ? CblasTrans : CblasNoTrans; }

float call_dot(int n, const float* x, int incx, const float* y, int incy) {
  return scipy_cblas_sdot(n, x, incx, y, incy);
}
double call_dot(int n, const double* x, int incx, const double* y, int incy) {
  return scipy_cblas_ddot(n, x, incx, y, incy);
}
void call_gemv(CBLAS_TRANSPOSE t, int rows, int cols, float alpha, const float* a, int lda,
               const float* x, int incx, float beta, float* y, int incy) {
  scipy_cblas_sgemv(CblasColMajor, t, rows, cols, alpha, a, lda, x, incx, beta, y, incy);
}
void call_gemv(CBLAS_TRANSPOSE t, int rows, int cols, double alpha, const double* a, int lda,
               const double* x, int incx, double beta, double* y, int incy) {
  scipy_cblas_dgemv(CblasColMajor, t, rows, cols, alpha, a, lda, x, incx, beta, y, incy);
}

void call_gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, float alpha,
               const float* a, int lda, const float* b, int ldb, float beta, float* c, int ldc) {
  scipy_cblas_sgemm(CblasColMajor, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
void call_gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, double alpha,
               const double* a, int lda, const double* b, int ldb, double beta, double* c,
               int ldc) {
  scipy_cblas_dgemm(CblasColMajor, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

// Copies a strided rows x cols matrix into `buf`, column-major with ld = max(rows, 1).
template <typename T>
const T* pack(const T* src, int64_t rows, int64_t cols, int64_t sr, int64_t sc,
              std::vector<T>& buf) {
  buf.resize(static_cast<size_t>(std::max<int64_t>(rows, 1) * cols));
  for (int64_t j = 0; j < cols; ++j) {
    for (int64_t i = 0; i < rows; ++i) buf[j * rows + i] = src[i * sr + j * sc];
  }
  return buf.data();
}

// Vector shapes go to the level-1/2 routines (what NumPy calls too): m == n == 1 is a dot
// product, n == 1 or m == 1 a matrix-vector product. Returns false when the layout does
// not fit them (a zero or too large increment); the GEMM path then handles it.
template <typename T>
bool vector_product(const GemmArgs& g, int64_t m, int64_t n, int64_t k) {
  if (g.out.dim() != 2 || (m != 1 && n != 1)) return false;
  const Tensor &out = g.out, &a = g.a, &b = g.b;
  auto inc_ok = [](int64_t inc) { return inc != 0 && inc <= INT_MAX && inc >= -INT_MAX; };
  const T alpha = g.alpha.to<T>(), beta = g.beta.to<T>();
  T* c = out.data<T>();
  if (m == 1 && n == 1) {
    const int64_t incx = a.stride(1), incy = b.stride(0);
    if (!inc_ok(incx) || !inc_ok(incy)) return false;
    const T d = call_dot(static_cast<int>(k), a.data<T>(), static_cast<int>(incx), b.data<T>(),
                         static_cast<int>(incy));
    *c = beta == T(0) ? alpha * d : alpha * d + beta * *c;
    return true;
  }
  // y = op(A) x: for n == 1, A is a (m x k) and x the column b; for m == 1, y^T = x^T B is
  // y = B^T x with B = b (k x n) and x the row a.
  const bool column = n == 1;
  const Tensor& mat = column ? a : b;
  const int64_t rows = column ? m : k, cols = column ? k : n;
  const int64_t incx = column ? b.stride(0) : a.stride(1);
  const int64_t incy = column ? out.stride(0) : out.stride(1);
  const int64_t len_y = column ? m : n;
  const std::optional<ColOperand> op = as_col_operand(rows, cols, mat.stride(0), mat.stride(1));
  if (!op || !inc_ok(incx) || !inc_ok(incy)) return false;
  // gemv computes op(M) x with M as stored: (rows x cols) for NoTrans, (cols x rows) for
  // Trans; the row-vector case wants the transpose of that.
  CBLAS_TRANSPOSE t = column ? op->trans : flip(op->trans);
  const bool stored_as_given = op->trans == CblasNoTrans;
  const int stored_rows = static_cast<int>(stored_as_given ? rows : cols);
  const int stored_cols = static_cast<int>(stored_as_given ? cols : rows);
  if (beta == T(0)) {
    // BLAS's beta == 0 ignores y, but say so explicitly: NaN there must not survive.
    for (int64_t i = 0; i < len_y; ++i) c[i * incy] = T(0);
  }
  call_gemv(t, stored_rows, stored_cols, alpha, mat.data<T>(), static_cast<int>(op->ld),
            (column ? b : a).data<T>(), static_cast<int>(incx), beta, c,
            static_cast<int>(incy));
  return true;
}

template <typename T>
void gemm_typed(const GemmArgs& g) {
  const Tensor &out = g.out, &a = g.a, &b = g.b;
  const int64_t m = out.size(-2), n = out.size(-1), k = a.size(-1);
  EMBER_CHECK(m <= INT_MAX && n <= INT_MAX && k <= INT_MAX, "[matmul] matrix dimensions ",
              m, "x", k, " @ ", k, "x", n, " exceed the 32-bit BLAS interface");
  const int64_t asr = a.stride(-2), asc = a.stride(-1), bsr = b.stride(-2), bsc = b.stride(-1);
  const std::optional<ColOperand> op_a = as_col_operand(m, k, asr, asc);
  const std::optional<ColOperand> op_b = as_col_operand(k, n, bsr, bsc);
  const std::optional<ColOperand> op_c = as_col_operand(m, n, out.stride(-2), out.stride(-1));
  EMBER_CHECK(op_c.has_value(), "[matmul] internal error: output layout not dense");
  if (vector_product<T>(g, m, n, k)) return;
  const GemmBatch batch = gemm_batch(g);
  const T alpha = g.alpha.to<T>(), beta = g.beta.to<T>();
  const T* a_data = a.data<T>();
  const T* b_data = b.data<T>();
  T* c_data = out.data<T>();

  auto run = [&](int64_t i, std::vector<T>& buf_a, std::vector<T>& buf_b) {
    const T* pa = a_data + batch.a[i];
    const T* pb = b_data + batch.b[i];
    ColOperand oa, ob;
    if (op_a) {
      oa = *op_a;
    } else {
      pa = pack(pa, m, k, asr, asc, buf_a);
      oa = {CblasNoTrans, std::max<int64_t>(m, 1)};
    }
    if (op_b) {
      ob = *op_b;
    } else {
      pb = pack(pb, k, n, bsr, bsc, buf_b);
      ob = {CblasNoTrans, std::max<int64_t>(k, 1)};
    }
    T* pc = c_data + batch.out[i];
    const int ldc = static_cast<int>(op_c->ld);
    if (op_c->trans == CblasNoTrans) {
      call_gemm(oa.trans, ob.trans, static_cast<int>(m), static_cast<int>(n), static_cast<int>(k),
                alpha, pa, static_cast<int>(oa.ld), pb, static_cast<int>(ob.ld), beta, pc, ldc);
    } else {  // row-major C: compute C^T = B^T A^T
      call_gemm(flip(ob.trans), flip(oa.trans), static_cast<int>(n), static_cast<int>(m),
                static_cast<int>(k), alpha, pb, static_cast<int>(ob.ld), pa,
                static_cast<int>(oa.ld), beta, pc, ldc);
    }
  };

  // Small products run on one OpenBLAS thread anyway; a batch of them is split across
  // threads instead (OpenBLAS is safe to call concurrently below its threading threshold).
  int threads = 1;
#if defined(_OPENMP)
  if (batch.count > 1 && m * n * k <= kSmallGemm) {
    threads = static_cast<int>(std::min<int64_t>(omp_get_max_threads(), batch.count));
  }
#endif
  if (threads <= 1) {
    std::vector<T> buf_a, buf_b;
    for (int64_t i = 0; i < batch.count; ++i) run(i, buf_a, buf_b);
    return;
  }
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
  {
    std::vector<T> buf_a, buf_b;
#pragma omp for schedule(static)
    for (int64_t i = 0; i < batch.count; ++i) run(i, buf_a, buf_b);
  }
#endif
}

// The distinct elements of x (stride-0 dims collapsed) converted to float32, expanded
// back to x's shape: a broadcast operand is not materialized.
Tensor compact_to_float(const Tensor& x) {
  Shape sizes = x.sizes();
  for (int64_t d = 0; d < x.dim(); ++d) {
    if (x.strides()[d] == 0) sizes[d] = std::min<int64_t>(sizes[d], 1);
  }
  Tensor compact = make_view(x, sizes, x.strides(), x.storage_offset());
  return expand(to_dtype(compact, ScalarType::Float32), x.sizes());
}

}  // namespace

void blas_gemm(const GemmArgs& g) {
  switch (g.out.dtype()) {
    case ScalarType::Float32:
      gemm_typed<float>(g);
      return;
    case ScalarType::Float64:
      gemm_typed<double>(g);
      return;
    case ScalarType::Float16:
    case ScalarType::BFloat16: {
      // No 16-bit GEMM in OpenBLAS for both types: compute in float32, round once.
      Tensor out = empty(g.out.sizes(), ScalarType::Float32, g.out.device());
      const bool accumulate = g.beta.to_double() != 0.0 || g.beta.is_complex();
      if (accumulate) copy_(out, g.out);
      gemm_typed<float>(GemmArgs{out, compact_to_float(g.a), compact_to_float(g.b), g.alpha,
                                 accumulate ? g.beta : Scalar(0)});
      copy_(g.out, out);
      return;
    }
    default:
      EMBER_NOT_IMPLEMENTED("[matmul] the BLAS kernel does not handle dtype ",
                            scalar_type_name(g.out.dtype()));
  }
}

}  // namespace ember::cpu
