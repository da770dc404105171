// Front ends of sort, argsort, topk, kthvalue, median, nanmedian and mode. Each moves the
// dim last and makes the input contiguous, so the kernels see rows; results are moved
// back (and made contiguous, as torch returns them).
#include "ember/ops/sort.h"

#include <limits>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce_iterator.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(sort_fn, sort_stub);
EMBER_DEFINE_STUB(topk_fn, topk_stub);
EMBER_DEFINE_STUB(select_fn, select_stub);

namespace {

enum class Ordered { WithBool, NoBool };

// Exception types as torch 2.13's: sort, argsort and topk check the dtype themselves
// (RuntimeError); the selection ops have no kernel for it (NotImplementedError).
void check_dtype(const char* op, const Tensor& x, Ordered ordered) {
  const std::string name(op);
  const bool runtime = name == "sort" || name == "argsort" || name == "topk";
  std::string msg;
  if (is_complex(x.dtype())) {
    msg = detail::concat("[", op, "] ", op, " does not support complex dtypes (got ",
                         scalar_type_name(x.dtype()), ")");
  } else if (ordered == Ordered::NoBool && x.dtype() == ScalarType::Bool) {
    msg = detail::concat("[", op, "] ", op, " is not implemented for dtype bool");
  } else {
    return;
  }
  if (runtime) throw Error(msg);
  throw NotImplementedError(msg);
}

// x with `dim` last, as contiguous rows, and room for `width` results per row.
SortSlices make_slices(const Tensor& x, int64_t d, int64_t width) {
  SortSlices s;
  const Tensor moved = x.dim() == 0 ? reshape(x, {1}) : movedim(x, {d}, {-1});
  s.n = moved.sizes()[moved.dim() - 1];
  s.outer = 1;
  for (int64_t i = 0; i + 1 < moved.dim(); ++i) s.outer *= moved.sizes()[i];
  s.input = reshape(contiguous(moved), {s.outer, s.n});
  s.values = empty({s.outer, width}, x.dtype(), x.device());
  s.indices = empty({s.outer, width}, ScalarType::Int64, x.device());
  return s;
}

// A (outer, width) result back in x's layout with `width` elements along dim d.
Tensor along_dim(const Tensor& rows, const Tensor& x, int64_t d) {
  if (x.dim() == 0) return reshape(rows, {});
  Shape moved;
  for (int64_t i = 0; i < x.dim(); ++i) {
    if (i != d) moved.push_back(x.sizes()[i]);
  }
  moved.push_back(rows.sizes()[1]);
  return contiguous(movedim(reshape(rows, moved), {-1}, {d}));
}

// A (outer, 1) result as the reduction of dim d.
Tensor reduced_along(const Tensor& rows, const Tensor& x, int64_t d, bool keepdim) {
  return reshape(rows, reduced_shape(x.sizes(), x.dim() == 0 ? 0 : DimMask(1) << d, keepdim));
}

Tensor give(const char* op, const Tensor& out, const Tensor& result, const char* what) {
  if (!out.defined()) return result;
  prepare_output(op, out, result.sizes(), result.dtype(), result.device(), what);
  copy_(out, result);
  out.bump_version();
  return out;
}

TensorPair give_pair(const char* op, const Tensor& values, const Tensor& indices,
                     const Tensor& v, const Tensor& i) {
  return {give(op, values, v, "values"), give(op, indices, i, "indices")};
}

TensorPair select(const char* op, SelectKind kind, const Tensor& x, int64_t k, int64_t dim,
                  bool keepdim, const Tensor& values, const Tensor& indices) {
  // The order of torch's checks: dim, size, k, then the dtype.
  const int64_t d = wrap_dim(dim, x.dim(), op);
  const int64_t n = x.dim() == 0 ? 1 : x.sizes()[d];
  EMBER_CHECK_INDEX(n > 0, "[", op, "] ", op, "(): Expected reduction dim ", d,
                    " to have non-zero size.");
  if (kind == SelectKind::Kth) {
    EMBER_CHECK(k >= 1 && k <= n, "[", op, "] kthvalue(): selected number k out of range for "
                "dimension ", d, " (k = ", k, ", size ", n, ")");
  }
  check_dtype(op, x, kind == SelectKind::Mode ? Ordered::WithBool : Ordered::NoBool);
  SortSlices s = make_slices(x, d, 1);
  if (s.outer * s.n != 0) select_stub(x.device().type, s, kind, k);
  return give_pair(op, values, indices, reduced_along(s.values, x, d, keepdim),
                   reduced_along(s.indices, x, d, keepdim));
}

// median() / nanmedian() of every element: 0-d, NaN when empty.
Tensor select_all(const char* op, SelectKind kind, const Tensor& x) {
  check_dtype(op, x, Ordered::NoBool);
  const Tensor flat = reshape(x, {-1});
  if (flat.numel() == 0) {
    Tensor out = empty({}, x.dtype(), x.device());
    EMBER_CHECK(is_floating(x.dtype()), "[", op, "] ", op,
                "() of an empty tensor is NaN, which dtype ", scalar_type_name(x.dtype()),
                " cannot hold");
    if (!x.device().is_meta()) {
      // NaN of the dtype, written through a float32 cast so every float type gets one.
      Tensor nan32 = empty({}, ScalarType::Float32, x.device());
      *nan32.data<float>() = std::numeric_limits<float>::quiet_NaN();
      copy_(out, nan32);
    }
    return out;
  }
  const Tensor values = std::get<0>(select(op, kind, flat, 1, 0, false, Tensor(), Tensor()));
  return reshape(values, {});
}

}  // namespace

TensorPair sort(const Tensor& x, int64_t dim, bool descending, bool stable,
                const Tensor& values, const Tensor& indices) {
  OpScope scope("sort");
  (void)stable;  // always stable
  check_dtype("sort", x, Ordered::WithBool);
  const int64_t d = wrap_dim(dim, x.dim(), "sort");
  SortSlices s = make_slices(x, d, x.dim() == 0 ? 1 : x.sizes()[d]);
  if (s.outer * s.n != 0) sort_stub(x.device().type, s, descending);
  return give_pair("sort", values, indices, along_dim(s.values, x, d),
                   along_dim(s.indices, x, d));
}

Tensor argsort(const Tensor& x, int64_t dim, bool descending, bool stable) {
  OpScope scope("argsort");
  check_dtype("argsort", x, Ordered::WithBool);
  return std::get<1>(sort(x, dim, descending, stable));
}

TensorPair topk(const Tensor& x, int64_t k, int64_t dim, bool largest, bool sorted,
                const Tensor& values, const Tensor& indices) {
  OpScope scope("topk");
  (void)sorted;  // results are always sorted (a valid order for sorted=False too)
  check_dtype("topk", x, Ordered::NoBool);
  const int64_t d = wrap_dim(dim, x.dim(), "topk");
  const int64_t n = x.dim() == 0 ? 1 : x.sizes()[d];
  EMBER_CHECK(k >= 0 && k <= n, "[topk] selected index k out of range (k = ", k,
              ", size of dim ", d, " is ", n, ")");
  SortSlices s = make_slices(x, d, k);
  if (s.outer * k != 0) topk_stub(x.device().type, s, k, largest);
  return give_pair("topk", values, indices, along_dim(s.values, x, d),
                   along_dim(s.indices, x, d));
}

TensorPair kthvalue(const Tensor& x, int64_t k, int64_t dim, bool keepdim, const Tensor& values,
                    const Tensor& indices) {
  OpScope scope("kthvalue");
  return select("kthvalue", SelectKind::Kth, x, k, dim, keepdim, values, indices);
}

TensorPair median(const Tensor& x, int64_t dim, bool keepdim, const Tensor& values,
                  const Tensor& indices) {
  OpScope scope("median");
  return select("median", SelectKind::Median, x, 0, dim, keepdim, values, indices);
}

TensorPair nanmedian(const Tensor& x, int64_t dim, bool keepdim, const Tensor& values,
                     const Tensor& indices) {
  OpScope scope("nanmedian");
  return select("nanmedian", SelectKind::NanMedian, x, 0, dim, keepdim, values, indices);
}

Tensor median(const Tensor& x) {
  OpScope scope("median");
  return select_all("median", SelectKind::Median, x);
}

Tensor nanmedian(const Tensor& x) {
  OpScope scope("nanmedian");
  return select_all("nanmedian", SelectKind::NanMedian, x);
}

TensorPair mode(const Tensor& x, int64_t dim, bool keepdim, const Tensor& values,
                const Tensor& indices) {
  OpScope scope("mode");
  return select("mode", SelectKind::Mode, x, 0, dim, keepdim, values, indices);
}

}  // namespace ember
