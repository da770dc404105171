#include "ember/ops/linalg_norms.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ember/core/empty.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/linalg.h"
#include "ember/ops/linalg_common.h"
#include "ember/ops/linalg_decompositions.h"
#include "ember/ops/unary.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(vector_norm_fn, vector_norm_stub);

using namespace linalg_detail;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string ord_str(double ord) {
  if (std::isinf(ord)) return ord > 0 ? "inf" : "-inf";
  return detail::concat(ord);
}

// The dtype a norm computes in: `dtype` when given (no narrowing of the input's).
ScalarType norm_dtype(const char* op, ScalarType input, std::optional<ScalarType> dtype) {
  if (is_complex(input)) {
    EMBER_NOT_IMPLEMENTED("[", op, "] complex dtypes are not supported yet (got ",
                          scalar_type_name(input), ")");
  }
  EMBER_CHECK(is_floating(input), "[", op, "] Expected a floating point or complex tensor as "
              "input. Got ", scalar_type_name(input));
  if (!dtype) return input;
  EMBER_CHECK(is_floating(*dtype) && promote_types(input, *dtype) == *dtype, "[", op,
              "] the dtype of the input (", scalar_type_name(input),
              ") should be convertible without narrowing to the specified dtype (",
              scalar_type_name(*dtype), ")");
  return *dtype;
}

}  // namespace

Tensor linalg_vector_norm(const Tensor& x_in, const Scalar& ord_s,
                          const std::optional<Shape>& dim, bool keepdim,
                          std::optional<ScalarType> dtype) {
  OpScope scope("linalg_vector_norm");
  const char* op = "linalg.vector_norm";
  EMBER_CHECK_TYPE(!ord_s.is_complex(), "[", op, "] ord must be a real number");
  const double ord = ord_s.to_double();
  const ScalarType compute = norm_dtype(op, x_in.dtype(), dtype);
  const Tensor x = to_dtype(x_in, compute);
  const int64_t nd = x.dim();
  std::vector<bool> reduce(static_cast<size_t>(std::max<int64_t>(nd, 1)), false);
  if (!dim || dim->empty()) {
    std::fill(reduce.begin(), reduce.end(), true);
  } else {
    for (int64_t d : *dim) {
      const int64_t w = wrap_dim(d, nd, op);
      EMBER_CHECK(!reduce[w], "[", op, "] dim ", w, " appears multiple times in the list of dims");
      reduce[w] = true;
    }
  }
  Shape kept, reduced, out_shape;
  int64_t p = 1, q = 1;
  for (int64_t d = 0; d < nd; ++d) {
    if (reduce[d]) {
      reduced.push_back(d);
      q *= x.size(d);
      // inf, -inf and negative orders have no identity: an empty reduction is an error.
      EMBER_CHECK(x.size(d) != 0 || (ord >= 0 && !std::isinf(ord)), "[", op,
                  "] linalg.vector_norm cannot compute the ", ord_str(ord), " norm on ",
                  dim && !dim->empty() ? detail::concat("the dimension ", d, " because this "
                                                        "dimension is empty")
                                       : std::string("an empty tensor"),
                  " and the operation does not have an identity");
      if (keepdim) out_shape.push_back(1);
    } else {
      kept.push_back(d);
      p *= x.size(d);
      out_shape.push_back(x.size(d));
    }
  }
  Tensor out = empty({p}, compute, x.device());
  if (p > 0) {
    Shape perm = kept;
    for (int64_t d : reduced) perm.push_back(d);
    Tensor rows = contiguous(reshape(nd > 0 ? permute(x, perm) : x, {p, q}));
    vector_norm_stub(x.device().type, out, rows, ord);
  }
  return view(out, out_shape);
}

namespace {

enum class MatrixOrd { Fro, Nuc, One, MinusOne, Inf, MinusInf, Two, MinusTwo };

Tensor matrix_norm_impl(const Tensor& a_in, MatrixOrd ord, const Shape& dim, bool keepdim, std::optional<ScalarType> dtype) {
  const char* op = "linalg.matrix_norm";
  EMBER_CHECK(a_in.dim() >= 2, "[", op, "] The input tensor A must have at least 2 dimensions, "
              "got ", a_in.describe());
  const ScalarType compute = norm_dtype(op, a_in.dtype(), dtype);
  EMBER_CHECK(dim.size() == 2, "[", op, "] dim must be a 2-tuple. Got ", shape_str(dim));
  const int64_t d0 = wrap_dim(dim[0], a_in.dim(), op), d1 = wrap_dim(dim[1], a_in.dim(), op);
  EMBER_CHECK(d0 != d1, "[", op, "] dims must be different. Got (", dim[0], ", ", dim[1], ")");
  const bool spectral = ord == MatrixOrd::Nuc || ord == MatrixOrd::Two || ord == MatrixOrd::MinusTwo;
  if (spectral) check_lapack_dtype(op, compute);
  const Tensor a = to_dtype(a_in, compute);

  Shape out_shape;
  for (int64_t d = 0; d < a.dim(); ++d) {
    if (d != d0 && d != d1) {
      out_shape.push_back(a.size(d));
    } else if (keepdim) {
      out_shape.push_back(1);
    }
  }
  // The norm of an empty matrix is 0 whatever the order.
  if (a.size(d0) == 0 || a.size(d1) == 0) return zeros(out_shape, compute, a.device());

  auto vnorm = [&](const Tensor& t, double o, int64_t d) {
    return linalg_vector_norm(t, o, Shape{d}, /*keepdim=*/true, std::nullopt);
  };
  Tensor result;
  switch (ord) {
    case MatrixOrd::Fro:
      return linalg_vector_norm(a, 2, Shape{d0, d1}, keepdim, std::nullopt);
    case MatrixOrd::One:  // max over columns of the column sums of |a|
      result = vnorm(vnorm(a, 1, d0), kInf, d1);
      break;
    case MatrixOrd::MinusOne:
      result = vnorm(vnorm(a, 1, d0), -kInf, d1);
      break;
    case MatrixOrd::Inf:  // max over rows of the row sums of |a|
      result = vnorm(vnorm(a, 1, d1), kInf, d0);
      break;
    case MatrixOrd::MinusInf:
      result = vnorm(vnorm(a, 1, d1), -kInf, d0);
      break;
    default: {
      // Singular values of the matrices formed by (d0, d1), moved to the end.
      Tensor moved = movedim(a, {d0, d1}, {-2, -1});
      Tensor s = linalg_svdvals(moved, std::nullopt);
      const double o = ord == MatrixOrd::Two ? kInf : ord == MatrixOrd::MinusTwo ? -kInf : 1.0;
      result = linalg_vector_norm(s, o, Shape{-1}, false, std::nullopt);
      if (!keepdim) return result;
      return reshape(result, out_shape);
    }
  }
  return keepdim ? result : reshape(result, out_shape);
}

MatrixOrd matrix_ord(const Scalar& ord) {
  const double o = ord.to_double();
  if (o == 1) return MatrixOrd::One;
  if (o == -1) return MatrixOrd::MinusOne;
  if (o == 2) return MatrixOrd::Two;
  if (o == -2) return MatrixOrd::MinusTwo;
  if (o == kInf) return MatrixOrd::Inf;
  if (o == -kInf) return MatrixOrd::MinusInf;
  throw Error(detail::concat("[linalg.matrix_norm] Order ", ord_str(o), " not supported."));
}

MatrixOrd matrix_ord(const std::string& ord) {
  if (ord == "fro") return MatrixOrd::Fro;
  if (ord == "nuc") return MatrixOrd::Nuc;
  throw Error(detail::concat("[linalg.matrix_norm] Order ", ord, " not supported."));
}

}  // namespace

Tensor linalg_matrix_norm(const Tensor& a, const Scalar& ord, const Shape& dim, bool keepdim,
                          std::optional<ScalarType> dtype) {
  OpScope scope("linalg_matrix_norm");
  EMBER_CHECK_TYPE(!ord.is_complex(), "[linalg.matrix_norm] ord must be a real number");
  return matrix_norm_impl(a, matrix_ord(ord), dim, keepdim, dtype);
}

Tensor linalg_matrix_norm(const Tensor& a, const std::string& ord, const Shape& dim,
                          bool keepdim, std::optional<ScalarType> dtype) {
  OpScope scope("linalg_matrix_norm");
  return matrix_norm_impl(a, matrix_ord(ord), dim, keepdim, dtype);
}

namespace {

// linalg.norm's choice of a vector or a matrix norm from dim (and the input's rank).
template <typename Ord>
Tensor linalg_norm_impl(const Tensor& a, const std::optional<Ord>& ord,
                        const std::optional<Shape>& dim, bool keepdim,
                        std::optional<ScalarType> dtype) {
  const char* op = "linalg.norm";
  if (dim) {
    EMBER_CHECK(dim->size() == 1 || dim->size() == 2, "[", op, "] If dim is specified, it must "
                "be of length 1 or 2. Got ", shape_str(*dim));
  } else if (ord) {
    EMBER_CHECK(a.dim() == 1 || a.dim() == 2, "[", op, "] If dim is not specified but ord is, "
                "the input must be 1D or 2D. Got ", a.dim(), "D.");
  }
  const bool matrix = dim ? dim->size() == 2 : (ord && a.dim() == 2);
  if (matrix) {
    const Shape mdim = dim ? *dim : Shape{-2, -1};
    if constexpr (std::is_same_v<Ord, std::string>) {
      return linalg_matrix_norm(a, ord.value_or("fro"), mdim, keepdim, dtype);
    } else {
      if (!ord) return linalg_matrix_norm(a, std::string("fro"), mdim, keepdim, dtype);
      return linalg_matrix_norm(a, *ord, mdim, keepdim, dtype);
    }
  }
  if constexpr (std::is_same_v<Ord, std::string>) {
    // A string order names a matrix norm: on a vector that is matrix_norm's error.
    EMBER_CHECK(!dim, "[", op, "] ord '", *ord, "' is a matrix norm: dim must have 2 "
                "elements, got ", shape_str(*dim));
    return linalg_matrix_norm(a, *ord, Shape{-2, -1}, keepdim, dtype);
  } else {
    return linalg_vector_norm(a, ord.value_or(Scalar(2)), dim, keepdim, dtype);
  }
}

}  // namespace

Tensor linalg_norm(const Tensor& a, const std::optional<Scalar>& ord,
                   const std::optional<Shape>& dim, bool keepdim,
                   std::optional<ScalarType> dtype) {
  OpScope scope("linalg_norm");
  return linalg_norm_impl<Scalar>(a, ord, dim, keepdim, dtype);
}

Tensor linalg_norm(const Tensor& a, const std::string& ord, const std::optional<Shape>& dim,
                   bool keepdim, std::optional<ScalarType> dtype) {
  OpScope scope("linalg_norm");
  return linalg_norm_impl<std::string>(a, ord, dim, keepdim, dtype);
}

// torch.norm (torch/functional.py): "fro" over at most 2 dims is the vector 2-norm; other
// strings are matrix norms over dim (all dims when absent); numbers are vector norms.
Tensor norm(const Tensor& a, const std::optional<Scalar>& p, const std::optional<Shape>& dim,
            bool keepdim, std::optional<ScalarType> dtype) {
  OpScope scope("norm");
  return linalg_vector_norm(a, p.value_or(Scalar(2)), dim, keepdim, dtype);
}

Tensor norm(const Tensor& a, const std::string& p, const std::optional<Shape>& dim,
            bool keepdim, std::optional<ScalarType> dtype) {
  OpScope scope("norm");
  if (p == "fro" && (!dim || dim->size() <= 2)) {
    return linalg_vector_norm(a, 2, dim, keepdim, dtype);
  }
  Shape all;
  for (int64_t d = 0; d < a.dim(); ++d) all.push_back(d);
  return linalg_matrix_norm(a, p, dim ? *dim : all, keepdim, dtype);
}

// ---- pinv, matrix_rank -----------------------------------------------------------------------

namespace {

// The tolerance below which singular values count as zero: max(atol, rtol * smax), with
// a trailing size-1 dim so it broadcasts against the values (..., k).
Tensor tolerance(const Tensor& a, const Tensor& smax, const std::optional<Tensor>& atol,
                 const std::optional<Tensor>& rtol) {
  const double default_rtol =
      epsilon(a.dtype()) * static_cast<double>(std::max(a.size(-1), a.size(-2)));
  // A Python number arrives as a CPU 0-d tensor: it joins a's device (meta included).
  auto on_device = [&](const Tensor& x) {
    return x.device() == a.device() ? x : to_device(x, a.device());
  };
  Tensor atol_t = atol ? on_device(*atol) : scalar_to_tensor(0.0, ScalarType::Float64, a.device());
  Tensor rtol_t;
  if (rtol) {
    rtol_t = on_device(*rtol);
  } else if (atol) {
    rtol_t = mul(le(atol_t, 0), default_rtol);  // 0 where atol > 0
  } else {
    rtol_t = scalar_to_tensor(default_rtol, ScalarType::Float64, a.device());
  }
  EMBER_CHECK(!is_complex(atol_t.dtype()) && !is_complex(rtol_t.dtype()),
              "[linalg.pinv] atol and rtol must be real");
  return maximum(unsqueeze(atol_t, -1), mul(unsqueeze(rtol_t, -1), smax));
}

// 1 / values where mask holds, 0 elsewhere (no inf * 0 on the way).
Tensor masked_reciprocal(const Tensor& values, const Tensor& mask) {
  return div(mask, add(mul(values, mask), logical_not(mask)));
}

}  // namespace

Tensor linalg_pinv(const Tensor& a, const std::optional<Tensor>& atol,
                   const std::optional<Tensor>& rtol, bool hermitian) {
  OpScope scope("linalg_pinv");
  check_matrix_input("linalg.pinv", a, /*square=*/hermitian);
  const int64_t m = a.size(-2), n = a.size(-1);
  if (std::min(m, n) == 0) {
    Shape shape = batch_shape(a);
    shape.push_back(n);
    shape.push_back(m);
    return zeros(shape, a.dtype(), a.device());
  }
  if (hermitian) {
    auto [w, v] = linalg_eigh(a, "L");
    Tensor abs_w = abs(w);
    Tensor smax = linalg_vector_norm(w, kInf, Shape{-1}, true, std::nullopt);
    Tensor inv = masked_reciprocal(w, gt(abs_w, tolerance(a, smax, atol, rtol)));
    return matmul(mul(v, unsqueeze(inv, -2)), matrix_transpose(v));
  }
  auto [u, s, vh] = linalg_svd(a, /*full_matrices=*/false, std::nullopt);
  Tensor smax = linalg_vector_norm(s, kInf, Shape{-1}, true, std::nullopt);
  Tensor inv = masked_reciprocal(s, gt(s, tolerance(a, smax, atol, rtol)));
  return matmul(mul(matrix_transpose(vh), unsqueeze(inv, -2)), matrix_transpose(u));
}

Tensor linalg_matrix_rank(const Tensor& a, const std::optional<Tensor>& atol,
                          const std::optional<Tensor>& rtol, bool hermitian) {
  OpScope scope("linalg_matrix_rank");
  check_matrix_input("linalg.matrix_rank", a, /*square=*/hermitian);
  if (std::min(a.size(-1), a.size(-2)) == 0) {
    return zeros(batch_shape(a), ScalarType::Int64, a.device());
  }
  Tensor s = hermitian ? abs(linalg_eigvalsh(a, "L")) : linalg_svdvals(a, std::nullopt);
  Tensor smax = linalg_vector_norm(s, kInf, Shape{-1}, true, std::nullopt);
  Tensor above = to_dtype(gt(s, tolerance(a, smax, atol, rtol)), s.dtype());
  // The 0-"norm" counts the nonzeros.
  return to_dtype(linalg_vector_norm(above, 0, Shape{-1}, false, std::nullopt),
                  ScalarType::Int64);
}

}  // namespace ember
