#include "ember/ops/scan.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce_common.h"

namespace ember {

EMBER_DEFINE_STUB(scan_fn, cumsum_stub);
EMBER_DEFINE_STUB(scan_fn, cumprod_stub);
EMBER_DEFINE_STUB(scan_fn, logcumsumexp_stub);
EMBER_DEFINE_STUB(scan_indexed_fn, cummax_stub);
EMBER_DEFINE_STUB(scan_indexed_fn, cummin_stub);

using namespace reduce_detail;

namespace {

SliceGeometry geometry(const char* op, const Tensor& in, int64_t dim) {
  const int64_t d = wrap_dim(dim, in.dim(), op);
  SliceGeometry g;
  g.input = contiguous(in);
  g.output = empty(in.sizes(), in.dtype(), in.device());
  for (int64_t i = 0; i < in.dim(); ++i) {
    if (i < d) g.outer *= in.sizes()[i];
    if (i == d) g.n = in.sizes()[i];
    if (i > d) g.inner *= in.sizes()[i];
  }
  return g;
}

Tensor accumulate(const char* op, DispatchStub<scan_fn>& stub, const Tensor& x, int64_t dim,
                  std::optional<ScalarType> dtype, const Tensor& out) {
  const ScalarType result =
      dtype ? *dtype : (is_int_or_bool(x.dtype()) ? ScalarType::Int64 : x.dtype());
  SliceGeometry g = geometry(op, to_dtype(x, result), dim);
  EMBER_CHECK(!(out.defined() && dtype && out.dtype() != result), "[", op,
              "] Expected out tensor to have dtype ", scalar_type_name(result), ", but got ",
              scalar_type_name(out.dtype()), " instead");
  if (x.numel() != 0) stub(x.device().type, g);
  return deliver(op, out, g.output);
}

std::tuple<Tensor, Tensor> running_extreme(const char* op, DispatchStub<scan_indexed_fn>& stub,
                                           const Tensor& x, int64_t dim, const Tensor& values,
                                           const Tensor& indices) {
  if (is_complex(x.dtype())) {
    EMBER_NOT_IMPLEMENTED("[", op, "] not implemented for dtype ", scalar_type_name(x.dtype()),
                          " (complex numbers are not ordered)");
  }
  SliceGeometry g = geometry(op, x, dim);
  Tensor idx = empty(x.sizes(), ScalarType::Int64, x.device());
  if (x.numel() != 0) stub(x.device().type, g, idx);
  if (values.defined()) {
    prepare_output(op, values, x.sizes(), x.dtype(), x.device(), "values");
    copy_(values, g.output);
    values.bump_version();
  }
  if (indices.defined()) {
    prepare_output(op, indices, x.sizes(), ScalarType::Int64, x.device(), "indices");
    copy_(indices, idx);
    indices.bump_version();
  }
  return {values.defined() ? values : g.output, indices.defined() ? indices : idx};
}

}  // namespace

Tensor cumsum(const Tensor& x, int64_t dim, std::optional<ScalarType> dtype, const Tensor& out) {
  OpScope scope("cumsum");
  return accumulate("cumsum", cumsum_stub, x, dim, dtype, out);
}

Tensor cumprod(const Tensor& x, int64_t dim, std::optional<ScalarType> dtype,
               const Tensor& out) {
  OpScope scope("cumprod");
  return accumulate("cumprod", cumprod_stub, x, dim, dtype, out);
}

Tensor logcumsumexp(const Tensor& x, int64_t dim, const Tensor& out) {
  OpScope scope("logcumsumexp");
  (void)wrap_dim(dim, x.dim(), "logcumsumexp");  // torch checks the dim before the dtype
  if (!is_floating(x.dtype())) {
    EMBER_NOT_IMPLEMENTED("[logcumsumexp] not implemented for dtype ",
                          scalar_type_name(x.dtype()), " (floating-point inputs only)");
  }
  SliceGeometry g = geometry("logcumsumexp", x, dim);
  if (x.numel() != 0) logcumsumexp_stub(x.device().type, g);
  return deliver("logcumsumexp", out, g.output);
}

std::tuple<Tensor, Tensor> cummax(const Tensor& x, int64_t dim, const Tensor& values,
                                  const Tensor& indices) {
  OpScope scope("cummax");
  return running_extreme("cummax", cummax_stub, x, dim, values, indices);
}

std::tuple<Tensor, Tensor> cummin(const Tensor& x, int64_t dim, const Tensor& values,
                                  const Tensor& indices) {
  OpScope scope("cummin");
  return running_extreme("cummin", cummin_stub, x, dim, values, indices);
}

}  // namespace ember
