// isclose, allclose and equal, written with public elementwise ops and reductions (so
// every backend that has those has these), following torch's definitions.
#include "ember/ops/compare.h"

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/reduce.h"
#include "ember/ops/unary.h"

namespace ember {

namespace {

bool read_bool(const char* op, const Tensor& t) {
  EMBER_CHECK(!t.device().is_meta(), "[", op,
              "] cannot run on the meta device: its result is a Python bool");
  const Tensor cpu = to_device(t, Device(DeviceType::CPU));
  return *static_cast<const bool*>(cpu.data_ptr());
}

}  // namespace

Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  OpScope scope("isclose");
  EMBER_CHECK(a.dtype() == b.dtype(), "[isclose] ", scalar_type_name(a.dtype()),
              " did not match ", scalar_type_name(b.dtype()));
  EMBER_CHECK(rtol >= 0, "[isclose] rtol must be greater than or equal to zero, but got ", rtol);
  EMBER_CHECK(atol >= 0, "[isclose] atol must be greater than or equal to zero, but got ", atol);
  Tensor close = eq(a, b);
  const bool inexact = is_floating(a.dtype()) || is_complex(a.dtype());
  if (equal_nan && inexact) close = logical_or(close, logical_and(isnan(a), isnan(b)));
  if (a.dtype() == ScalarType::Bool || (rtol == 0 && atol == 0)) return close;
  // Integers compare in the default float dtype: no wraparound in |a - b|.
  const Tensor fa = inexact ? a : to_dtype(a, default_dtype());
  const Tensor fb = inexact ? b : to_dtype(b, default_dtype());
  const Tensor allowed = add(abs(mul(fb, Scalar(rtol))), Scalar(atol));
  const Tensor actual = abs(sub(fa, fb));
  // Infinite errors (inf vs finite, or inf - inf) are never close; equal infinities were
  // caught by eq above.
  return logical_or(close, logical_and(isfinite(actual), le(actual, allowed)));
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  OpScope scope("allclose");
  return read_bool("allclose", all(isclose(a, b, rtol, atol, equal_nan)));
}

bool equal(const Tensor& a, const Tensor& b) {
  OpScope scope("equal");
  if (a.sizes() != b.sizes()) return false;
  return read_bool("equal", all(eq(a, b)));
}

}  // namespace ember
