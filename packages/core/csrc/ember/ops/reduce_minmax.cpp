// Front ends of amax, amin, max, min, argmax, argmin. NaN propagates: it is the maximum
// and the minimum of anything, and its first occurrence is the index reported. Ties
// report the first extreme element.
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/reduce.h"
#include "ember/ops/reduce_common.h"

namespace ember {

EMBER_DEFINE_STUB(reduce_fn, amax_stub);
EMBER_DEFINE_STUB(reduce_fn, amin_stub);
EMBER_DEFINE_STUB(reduce_fn, max_dim_stub);
EMBER_DEFINE_STUB(reduce_fn, min_dim_stub);
EMBER_DEFINE_STUB(reduce_fn, argmax_stub);
EMBER_DEFINE_STUB(reduce_fn, argmin_stub);

using namespace reduce_detail;

namespace {

// torch 2.13 raises NotImplementedError for complex amax/amin/max()/min() (no kernel for
// the dtype) and RuntimeError for max(x, dim)/min(x, dim).
void check_ordered(const char* op, const Tensor& x, bool with_dim = false) {
  if (!is_complex(x.dtype())) return;
  const std::string msg = detail::concat("[", op, "] not implemented for dtype ",
                                         scalar_type_name(x.dtype()),
                                         " (complex numbers are not ordered)");
  if (with_dim) throw Error(msg);
  throw NotImplementedError(msg);
}

Tensor extreme(const char* op, DispatchStub<reduce_fn>& stub, const Tensor& out, const Tensor& x,
               const DimList& dim, bool keepdim) {
  check_ordered(op, x);
  const DimMask mask = make_dim_mask(op, dim, x.dim());
  check_nonempty_reduction(op, x, mask, all_dims(dim));
  EMBER_CHECK(!(out.defined() && out.dtype() != x.dtype()), "[", op,
              "] Expected the dtype for input and out to match, but got ",
              scalar_type_name(x.dtype()), " for input's dtype and ",
              scalar_type_name(out.dtype()), " for out's dtype.");
  ReduceIter iter = ReduceIterConfig(op, x, mask, keepdim).add_output(out, x.dtype()).build();
  stub(iter.device.type, iter);
  if (out.defined()) out.bump_version();
  return iter.outputs[0];
}

std::tuple<Tensor, Tensor> extreme_dim(const char* op, DispatchStub<reduce_fn>& stub,
                                       const Tensor& values, const Tensor& indices,
                                       const Tensor& x, int64_t dim, bool keepdim) {
  check_ordered(op, x, /*with_dim=*/true);
  const DimMask mask = single_dim_mask(op, dim, x.dim());
  check_nonempty_reduction(op, x, mask, /*all_dims=*/false);
  ReduceIter iter = ReduceIterConfig(op, x, mask, keepdim)
                        .add_output(values, x.dtype())
                        .add_output(indices, ScalarType::Int64)
                        .logical_order(true)
                        .build();
  stub(iter.device.type, iter);
  if (values.defined()) values.bump_version();
  if (indices.defined()) indices.bump_version();
  return {iter.outputs[0], iter.outputs[1]};
}

Tensor arg_extreme(const char* op, DispatchStub<reduce_fn>& stub, const Tensor& x,
                   std::optional<int64_t> dim, bool keepdim, const Tensor& out) {
  EMBER_CHECK(x.dtype() != ScalarType::Bool, "[", op, "] ", op, "(): does not support bool input");
  EMBER_CHECK(!is_complex(x.dtype()), "[", op, "] ", op, "(): does not support complex input");
  DimMask mask;
  if (dim) {
    mask = single_dim_mask(op, *dim, x.dim());
    check_nonempty_reduction(op, x, mask, /*all_dims=*/false);
  } else {
    mask = make_dim_mask(op, std::nullopt, x.dim());
    EMBER_CHECK_INDEX(x.numel() != 0, "[", op, "] ", op,
                      "(): Expected reduction dim to be specified for input.numel() == 0.");
  }
  ReduceIter iter = ReduceIterConfig(op, x, mask, keepdim)
                        .add_output(out, ScalarType::Int64)
                        .logical_order(true)
                        .build();
  stub(iter.device.type, iter);
  if (out.defined()) out.bump_version();
  return iter.outputs[0];
}

}  // namespace

Tensor amax(const Tensor& x, const DimList& dim, bool keepdim) {
  OpScope scope("amax");
  return extreme("amax", amax_stub, Tensor(), x, dim, keepdim);
}
Tensor amax_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim) {
  OpScope scope("amax");
  return extreme("amax", amax_stub, out, x, dim, keepdim);
}
Tensor amin(const Tensor& x, const DimList& dim, bool keepdim) {
  OpScope scope("amin");
  return extreme("amin", amin_stub, Tensor(), x, dim, keepdim);
}
Tensor amin_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim) {
  OpScope scope("amin");
  return extreme("amin", amin_stub, out, x, dim, keepdim);
}

Tensor max(const Tensor& x) {
  OpScope scope("max");
  return extreme("max", amax_stub, Tensor(), x, std::nullopt, false);
}
Tensor min(const Tensor& x) {
  OpScope scope("min");
  return extreme("min", amin_stub, Tensor(), x, std::nullopt, false);
}

std::tuple<Tensor, Tensor> max(const Tensor& x, int64_t dim, bool keepdim) {
  OpScope scope("max");
  return extreme_dim("max", max_dim_stub, Tensor(), Tensor(), x, dim, keepdim);
}
std::tuple<Tensor, Tensor> min(const Tensor& x, int64_t dim, bool keepdim) {
  OpScope scope("min");
  return extreme_dim("min", min_dim_stub, Tensor(), Tensor(), x, dim, keepdim);
}
std::tuple<Tensor, Tensor> max_out(const Tensor& values, const Tensor& indices, const Tensor& x,
                                   int64_t dim, bool keepdim) {
  OpScope scope("max");
  return extreme_dim("max", max_dim_stub, values, indices, x, dim, keepdim);
}
std::tuple<Tensor, Tensor> min_out(const Tensor& values, const Tensor& indices, const Tensor& x,
                                   int64_t dim, bool keepdim) {
  OpScope scope("min");
  return extreme_dim("min", min_dim_stub, values, indices, x, dim, keepdim);
}

std::tuple<Tensor, Tensor> aminmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
  OpScope scope("aminmax");
  const DimList dims = dim ? DimList(Shape{*dim}) : std::nullopt;
  return {extreme("aminmax", amin_stub, Tensor(), x, dims, keepdim),
          extreme("aminmax", amax_stub, Tensor(), x, dims, keepdim)};
}

Tensor argmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim, const Tensor& out) {
  OpScope scope("argmax");
  return arg_extreme("argmax", argmax_stub, x, dim, keepdim, out);
}
Tensor argmin(const Tensor& x, std::optional<int64_t> dim, bool keepdim, const Tensor& out) {
  OpScope scope("argmin");
  return arg_extreme("argmin", argmin_stub, x, dim, keepdim, out);
}

}  // namespace ember
