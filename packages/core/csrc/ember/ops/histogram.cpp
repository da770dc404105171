#include "ember/ops/histogram.h"

#include <cmath>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce.h"
#include "ember/ops/reduce_iterator.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(bincount_fn, bincount_stub);
EMBER_DEFINE_STUB(histc_fn, histc_stub);

Tensor bincount(const Tensor& x, const Tensor& weights, int64_t minlength) {
  OpScope scope("bincount");
  if (!is_integral(x.dtype(), /*include_bool=*/false)) {
    EMBER_NOT_IMPLEMENTED("[bincount] not implemented for dtype ", scalar_type_name(x.dtype()),
                          ": bincount only supports 1-d non-negative integral inputs");
  }
  EMBER_CHECK(x.dim() == 1, "[bincount] bincount only supports 1-d non-negative integral "
              "inputs, got shape ", shape_str(x.sizes()));
  EMBER_CHECK(minlength >= 0, "[bincount] minlength should be >= 0, got ", minlength);
  if (weights.defined()) {
    EMBER_CHECK(weights.dim() == 1 && weights.sizes()[0] == x.sizes()[0],
                "[bincount] weights should be 1-d and have the same length as input (input "
                "shape ", shape_str(x.sizes()), ", weights shape ", shape_str(weights.sizes()),
                ")");
    EMBER_CHECK(!is_complex(weights.dtype()), "[bincount] complex weights are not supported");
  }
  if (x.device().is_meta()) {
    EMBER_NOT_IMPLEMENTED("[bincount] cannot run on the meta device: the size of its result "
                          "depends on the data");
  }
  // torch: float32 weights sum in float32, any other weights in float64.
  const ScalarType dtype = !weights.defined() ? ScalarType::Int64
                           : weights.dtype() == ScalarType::Float32 ? ScalarType::Float32
                                                                    : ScalarType::Float64;
  Tensor w;
  if (weights.defined()) w = contiguous(to_dtype(weights, dtype));
  Tensor out;
  bincount_stub(x.device().type, contiguous(x), w, minlength, dtype, &out);
  return out;
}

namespace {

double value_of(const Tensor& t) {
  Tensor v = to_dtype(to_device(t, Device(DeviceType::CPU)), ScalarType::Float64, true);
  return *v.data<double>();
}

}  // namespace

Tensor histc(const Tensor& x, int64_t bins, const Scalar& min, const Scalar& max,
             const Tensor& out) {
  OpScope scope("histc");
  if (!is_floating(x.dtype())) {
    EMBER_NOT_IMPLEMENTED("[histc] not implemented for dtype ", scalar_type_name(x.dtype()),
                          " (histc takes floating-point inputs)");
  }
  EMBER_CHECK(bins > 0, "[histc] bins must be > 0, but got ", bins);
  double lo = min.to_double(), hi = max.to_double();
  const bool meta = x.device().is_meta();
  if (lo == 0 && hi == 0 && x.numel() > 0 && !meta) {
    lo = value_of(amin(x));
    hi = value_of(amax(x));
  }
  if (lo == hi) {
    lo -= 1;
    hi += 1;
  }
  EMBER_CHECK(std::isfinite(lo) && std::isfinite(hi), "[histc] range of [", lo, ", ", hi,
              "] is not finite");
  EMBER_CHECK(lo < hi, "[histc] max must be larger than min (got min ", lo, ", max ", hi, ")");
  Tensor result = prepare_output("histc", out, {bins}, x.dtype(), x.device());
  Tensor target = result.is_contiguous() ? result : empty({bins}, x.dtype(), x.device());
  histc_stub(x.device().type, contiguous(x), target, lo, hi);
  if (!target.is_same(result)) copy_(result, target);
  if (out.defined()) out.bump_version();
  return result;
}

}  // namespace ember
