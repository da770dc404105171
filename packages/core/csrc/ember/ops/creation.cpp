#include "ember/ops/creation.h"

#include <cmath>

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"
#include "ember/ops/unary.h"

namespace ember {

Tensor full(const Shape& size, const Scalar& value, ScalarType dtype, Device device) {
  OpScope scope("full");
  Tensor t = empty(size, dtype, device);
  fill_(t, value);
  return t;
}

Tensor zeros(const Shape& size, ScalarType dtype, Device device) {
  return full(size, Scalar(0), dtype, device);
}

Tensor ones(const Shape& size, ScalarType dtype, Device device) {
  return full(size, Scalar(1), dtype, device);
}

namespace {

// start + i * step for i < n, computed on the CPU in int64 (exact integer ranges) or
// float64, then cast to `dtype` and moved to `device`.
Tensor affine_sequence(int64_t n, const Scalar& start, const Scalar& step, bool integral,
                       ScalarType dtype, Device device) {
  if (device.is_meta()) return empty({n}, dtype, device);
  Tensor seq = empty({n}, integral ? ScalarType::Int64 : ScalarType::Float64);
  if (integral) {
    int64_t* p = seq.data<int64_t>();
    const int64_t s = start.to_int(), st = step.to_int();
    for (int64_t i = 0; i < n; ++i) p[i] = s + i * st;
  } else {
    double* p = seq.data<double>();
    const double s = start.to_double(), st = step.to_double();
    for (int64_t i = 0; i < n; ++i) p[i] = s + static_cast<double>(i) * st;
  }
  return to_device(to_dtype(seq, dtype), device);
}

}  // namespace

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, ScalarType dtype,
              Device device) {
  OpScope scope("arange");
  const bool all_integral = !start.is_floating() && !end.is_floating() && !step.is_floating() &&
                            !start.is_complex() && !end.is_complex() && !step.is_complex();
  if (dtype == ScalarType::Undefined) dtype = all_integral ? ScalarType::Int64 : default_dtype();
  const double s = start.to_double(), e = end.to_double(), st = step.to_double();
  EMBER_CHECK(st != 0, "[arange] step must be nonzero");
  EMBER_CHECK(std::isfinite(s) && std::isfinite(e), "[arange] unsupported range: ", s, " -> ",
              e);
  EMBER_CHECK((st > 0 && e >= s) || (st < 0 && e <= s),
              "[arange] upper bound and larger bound inconsistent with step sign");
  int64_t n;
  if (all_integral) {
    const int64_t is = start.to_int(), ie = end.to_int(), ist = step.to_int();
    n = ist > 0 ? (ie - is + ist - 1) / ist : (is - ie - ist - 1) / (-ist);
  } else {
    n = static_cast<int64_t>(std::ceil((e - s) / st));
  }
  return affine_sequence(std::max<int64_t>(n, 0), start, step, all_integral, dtype, device);
}

Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, ScalarType dtype,
                Device device) {
  OpScope scope("linspace");
  EMBER_CHECK(steps >= 0, "[linspace] number of steps must be non-negative");
  if (dtype == ScalarType::Undefined) dtype = default_dtype();
  const double s = start.to_double(), e = end.to_double();
  if (device.is_meta()) return empty({steps}, dtype, device);
  const double step = steps > 1 ? (e - s) / static_cast<double>(steps - 1) : 0.0;
  Tensor out = empty({steps}, ScalarType::Float64);
  double* p = out.data<double>();
  // The second half counts back from `end`, as torch does, so the last value is exact.
  const int64_t half = steps / 2;
  for (int64_t i = 0; i < steps; ++i) {
    p[i] = i < half ? s + step * static_cast<double>(i)
                    : e - step * static_cast<double>(steps - 1 - i);
  }
  return to_device(to_dtype(out, dtype), device);
}

Tensor logspace(const Scalar& start, const Scalar& end, int64_t steps, double base,
                ScalarType dtype, Device device) {
  OpScope scope("logspace");
  if (dtype == ScalarType::Undefined) dtype = default_dtype();
  Tensor exponents = linspace(start, end, steps, ScalarType::Float64, device);
  Tensor values = pow(Scalar(base), exponents);
  return to_dtype(values, dtype);
}

Tensor eye(int64_t n, int64_t m, ScalarType dtype, Device device) {
  OpScope scope("eye");
  EMBER_CHECK(n >= 0, "[eye] n must be greater or equal to 0, got ", n);
  if (m < 0) m = n;
  Tensor out = zeros({n, m}, dtype, device);
  if (!device.is_meta() && std::min(n, m) > 0) {
    // The diagonal is a strided view with stride m + 1.
    Tensor diagonal = make_view(out, {std::min(n, m)}, {m + 1}, 0);
    fill_(diagonal, Scalar(1));
  }
  return out;
}

}  // namespace ember
