// Front ends of var, std, var_mean and std_mean: one pass over the data computing, per
// fixed-size chunk, the mean and the sum of squared deviations (two passes over a chunk
// that is in cache), merged across chunks with Chan et al.'s pairwise formula. As
// accurate as a two-pass algorithm and as deterministic as every reduction here.
#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/reduce.h"
#include "ember/ops/reduce_common.h"

namespace ember {

EMBER_DEFINE_STUB(var_fn, var_stub);

namespace {

std::tuple<Tensor, Tensor> moments(const char* op, const Tensor& out, const Tensor& x,
                                   const DimList& dim, const std::optional<Scalar>& correction,
                                   bool keepdim, bool take_sqrt, bool with_mean) {
  EMBER_CHECK(is_floating(x.dtype()) || is_complex(x.dtype()), "[", op,
              "] std and var only support floating point and complex dtypes, got ",
              scalar_type_name(x.dtype()));
  EMBER_CHECK(!(correction && correction->is_complex()), "[", op,
              "] correction must be a real number, got ", correction->repr());
  const double c = correction ? correction->to_double() : 1.0;
  const DimMask mask = make_dim_mask(op, dim, x.dim());
  const ScalarType result = to_real(x.dtype());
  EMBER_CHECK(!(out.defined() && out.dtype() != result), "[", op,
              "] Expected out tensor to have dtype ", scalar_type_name(result), ", but got ",
              scalar_type_name(out.dtype()), " instead");
  ReduceIterConfig config(op, x, mask, keepdim);
  config.add_output(out, result);
  if (with_mean) config.add_output(Tensor(), x.dtype());
  ReduceIter iter = config.build();
  var_stub(iter.device.type, iter, c, take_sqrt);
  if (out.defined()) out.bump_version();
  return {iter.outputs[0], iter.outputs[1]};
}

}  // namespace

Tensor var(const Tensor& x, const DimList& dim, const std::optional<Scalar>& correction,
           bool keepdim, const Tensor& out) {
  OpScope scope("var");
  return std::get<0>(moments("var", out, x, dim, correction, keepdim, false, false));
}

Tensor std_dev(const Tensor& x, const DimList& dim, const std::optional<Scalar>& correction,
               bool keepdim, const Tensor& out) {
  OpScope scope("std");
  return std::get<0>(moments("std", out, x, dim, correction, keepdim, true, false));
}

std::tuple<Tensor, Tensor> var_mean(const Tensor& x, const DimList& dim,
                                    const std::optional<Scalar>& correction, bool keepdim) {
  OpScope scope("var_mean");
  return moments("var_mean", Tensor(), x, dim, correction, keepdim, false, true);
}

std::tuple<Tensor, Tensor> std_mean(const Tensor& x, const DimList& dim,
                                    const std::optional<Scalar>& correction, bool keepdim) {
  OpScope scope("std_mean");
  return moments("std_mean", Tensor(), x, dim, correction, keepdim, true, true);
}

}  // namespace ember
