// Front ends of the sum-like reductions, the logical ones and logsumexp.
#include "ember/ops/reduce.h"

#include <cmath>

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce_common.h"
#include "ember/ops/unary.h"

namespace ember {

EMBER_DEFINE_STUB(reduce_fn, sum_stub);
EMBER_DEFINE_STUB(reduce_fn, nansum_stub);
EMBER_DEFINE_STUB(reduce_fn, mean_stub);
EMBER_DEFINE_STUB(reduce_fn, prod_stub);
EMBER_DEFINE_STUB(reduce_fn, all_stub);
EMBER_DEFINE_STUB(reduce_fn, any_stub);
EMBER_DEFINE_STUB(reduce_fn, count_nonzero_stub);
EMBER_DEFINE_STUB(reduce_fn, logsumexp_stub);

using namespace reduce_detail;

namespace {

enum class SumKind { Sum, NanSum, Prod, Mean };

// The dtype of sum/prod: `dtype` if given, int64 for integer and bool inputs (torch's
// rule, so sums of small integers do not overflow), else the input's.
ScalarType sum_result_dtype(const Tensor& x, OptDtype dtype) {
  if (dtype) return *dtype;
  return is_int_or_bool(x.dtype()) ? ScalarType::Int64 : x.dtype();
}

Tensor sum_like(const char* op, SumKind kind, const Tensor& out, const Tensor& x,
                DimMask mask, bool keepdim, OptDtype dtype) {
  ScalarType result;
  if (kind == SumKind::Mean) {
    // torch refuses to guess a floating dtype for integer means.
    if (dtype) {
      EMBER_CHECK(is_floating(*dtype) || is_complex(*dtype), "[", op, "] ", op,
                  "(): could not infer output dtype. Optional dtype must be either a floating "
                  "point or complex dtype. Got: ", scalar_type_name(*dtype));
    } else {
      EMBER_CHECK(is_floating(x.dtype()) || is_complex(x.dtype()), "[", op, "] ", op,
                  "(): could not infer output dtype. Input dtype must be either a floating "
                  "point or complex dtype. Got: ", scalar_type_name(x.dtype()));
    }
    result = dtype ? *dtype : x.dtype();
  } else {
    result = sum_result_dtype(x, dtype);
  }
  // The kernels read integers in their own dtype and accumulate in int64; anything else
  // is converted to the result dtype first (torch: sum(x, dtype=d) is sum(x.to(d))).
  Tensor in = x;
  if (result != x.dtype() && !(is_int_or_bool(x.dtype()) && result == ScalarType::Int64)) {
    in = to_dtype(x, result);
  }
  if (kind == SumKind::NanSum && is_int_or_bool(in.dtype())) kind = SumKind::Sum;
  EMBER_CHECK(!(out.defined() && dtype && out.dtype() != result), "[", op,
              "] Expected out tensor to have dtype ", scalar_type_name(result), ", but got ",
              scalar_type_name(out.dtype()), " instead");
  ReduceIter iter =
      ReduceIterConfig(op, in, mask, keepdim).add_output(direct_out(out, result), result).build();
  const DeviceType device = iter.device.type;
  switch (kind) {
    case SumKind::Sum:
      sum_stub(device, iter);
      break;
    case SumKind::NanSum:
      nansum_stub(device, iter);
      break;
    case SumKind::Prod:
      prod_stub(device, iter);
      break;
    case SumKind::Mean:
      mean_stub(device, iter);
      break;
  }
  return deliver(op, out, iter.outputs[0]);
}

void check_nansum_dtype(const char* op, const Tensor& x) {
  EMBER_CHECK(!is_complex(x.dtype()), "[", op, "] ", op,
              " does not support complex inputs (got ", scalar_type_name(x.dtype()), ")");
}

}  // namespace

Tensor sum_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim,
               OptDtype dtype) {
  OpScope scope("sum");
  return sum_like("sum", SumKind::Sum, out, x, make_dim_mask("sum", dim, x.dim()), keepdim, dtype);
}
Tensor sum(const Tensor& x, const DimList& dim, bool keepdim, OptDtype dtype) {
  return sum_out(Tensor(), x, dim, keepdim, dtype);
}

Tensor nansum_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim,
                  OptDtype dtype) {
  OpScope scope("nansum");
  check_nansum_dtype("nansum", x);
  return sum_like("nansum", SumKind::NanSum, out, x, make_dim_mask("nansum", dim, x.dim()),
                  keepdim, dtype);
}
Tensor nansum(const Tensor& x, const DimList& dim, bool keepdim, OptDtype dtype) {
  return nansum_out(Tensor(), x, dim, keepdim, dtype);
}

Tensor mean_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim,
                OptDtype dtype) {
  OpScope scope("mean");
  return sum_like("mean", SumKind::Mean, out, x, make_dim_mask("mean", dim, x.dim()), keepdim,
                  dtype);
}
Tensor mean(const Tensor& x, const DimList& dim, bool keepdim, OptDtype dtype) {
  return mean_out(Tensor(), x, dim, keepdim, dtype);
}

Tensor nanmean_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim,
                   OptDtype dtype) {
  OpScope scope("nanmean");
  EMBER_CHECK(is_floating(x.dtype()) || is_complex(x.dtype()),
              "[nanmean] nanmean(): expected input to have floating point or complex dtype but "
              "got ", scalar_type_name(x.dtype()));
  check_nansum_dtype("nanmean", x);
  make_dim_mask("nanmean", dim, x.dim());  // validates dims before any work
  // torch's definition: nansum / number of non-NaN elements.
  Tensor total = nansum(x, dim, keepdim, dtype);
  Tensor count = sum(logical_not(isnan(x)), dim, keepdim);
  Tensor result = div(total, count);
  return deliver("nanmean", out, result);
}
Tensor nanmean(const Tensor& x, const DimList& dim, bool keepdim, OptDtype dtype) {
  return nanmean_out(Tensor(), x, dim, keepdim, dtype);
}

Tensor prod_out(const Tensor& out, const Tensor& x, std::optional<int64_t> dim, bool keepdim,
                OptDtype dtype) {
  OpScope scope("prod");
  const DimMask mask = dim ? single_dim_mask("prod", *dim, x.dim())
                           : make_dim_mask("prod", std::nullopt, x.dim());
  return sum_like("prod", SumKind::Prod, out, x, mask, keepdim, dtype);
}
Tensor prod(const Tensor& x, std::optional<int64_t> dim, bool keepdim, OptDtype dtype) {
  return prod_out(Tensor(), x, dim, keepdim, dtype);
}

// ---- all, any, count_nonzero ----------------------------------------------------------

namespace {

Tensor logical_reduce(const char* op, DispatchStub<reduce_fn>& stub, const Tensor& x,
                      const DimList& dim, bool keepdim, const Tensor& out) {
  // torch keeps uint8 for uint8 inputs (a legacy of masks before bool existed).
  const ScalarType result = x.dtype() == ScalarType::UInt8 ? ScalarType::UInt8 : ScalarType::Bool;
  const DimMask mask = make_dim_mask(op, dim, x.dim(), /*empty_means_all=*/false);
  ReduceIter iter = ReduceIterConfig(op, x, mask, keepdim).add_output(out, result).build();
  stub(iter.device.type, iter);
  if (out.defined()) out.bump_version();
  return iter.outputs[0];
}

}  // namespace

Tensor all(const Tensor& x, const DimList& dim, bool keepdim, const Tensor& out) {
  OpScope scope("all");
  return logical_reduce("all", all_stub, x, dim, keepdim, out);
}

Tensor any(const Tensor& x, const DimList& dim, bool keepdim, const Tensor& out) {
  OpScope scope("any");
  return logical_reduce("any", any_stub, x, dim, keepdim, out);
}

Tensor count_nonzero(const Tensor& x, const DimList& dim) {
  OpScope scope("count_nonzero");
  const DimMask mask = make_dim_mask("count_nonzero", dim, x.dim());
  ReduceIter iter = ReduceIterConfig("count_nonzero", x, mask, /*keepdim=*/false)
                        .add_output(Tensor(), ScalarType::Int64)
                        .build();
  count_nonzero_stub(iter.device.type, iter);
  return iter.outputs[0];
}

// ---- logsumexp --------------------------------------------------------------------------

Tensor logsumexp(const Tensor& x, const DimList& dim, bool keepdim, const Tensor& out) {
  OpScope scope("logsumexp");
  if (is_complex(x.dtype())) {
    EMBER_NOT_IMPLEMENTED("[logsumexp] complex inputs are not supported yet (got ",
                          scalar_type_name(x.dtype()), ")");
  }
  const DimMask mask = make_dim_mask("logsumexp", dim, x.dim());
  // Integers and bools compute in the default float dtype, as torch.
  const Tensor in = is_int_or_bool(x.dtype()) ? to_dtype(x, default_dtype()) : x;
  ReduceIter iter = ReduceIterConfig("logsumexp", in, mask, keepdim)
                        .add_output(direct_out(out, in.dtype()), in.dtype())
                        .build();
  logsumexp_stub(iter.device.type, iter);
  return deliver("logsumexp", out, iter.outputs[0]);
}

}  // namespace ember
