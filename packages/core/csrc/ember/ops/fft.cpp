#include "ember/ops/fft.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/reorder.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(fft_fn, fft_c2c_stub);
EMBER_DEFINE_STUB(fft_fn, fft_r2c_stub);
EMBER_DEFINE_STUB(fft_fn, fft_c2r_stub);

namespace {

enum class Norm { Backward, Forward, Ortho };

Norm parse_norm(const char* op, const FftNormArg& norm) {
  if (!norm || *norm == "backward") return Norm::Backward;
  if (*norm == "forward") return Norm::Forward;
  if (*norm == "ortho") return Norm::Ortho;
  throw Error(detail::concat("[", op, "] Invalid normalization mode: \"", *norm,
                             "\" (expected \"backward\", \"forward\" or \"ortho\")"));
}

// The scale of a transform over `signal_numel` points in the given direction.
double norm_factor(Norm norm, int64_t signal_numel, bool forward) {
  if (norm == Norm::Ortho) return 1.0 / std::sqrt(static_cast<double>(signal_numel));
  const bool scale = forward ? norm == Norm::Forward : norm == Norm::Backward;
  return scale ? 1.0 / static_cast<double>(signal_numel) : 1.0;
}

// The real dtype a transform computes in: float32/float64 kept, integers and bool ->
// the default dtype; float16/bfloat16 are not supported (as torch on the CPU).
ScalarType real_compute_dtype(const char* op, ScalarType t) {
  const ScalarType real = to_real(t);
  if (is_integral(real, /*include_bool=*/true)) return default_dtype();
  EMBER_CHECK(real == ScalarType::Float32 || real == ScalarType::Float64, "[", op,
              "] Unsupported dtype ", scalar_type_name(t),
              " (FFTs run in float32, float64, complex64 or complex128)");
  return real;
}

// `x` with dim `d` trimmed or zero-padded (at the end) to `n`.
Tensor resize_dim(const Tensor& x, int64_t d, int64_t n) {
  const int64_t size = x.sizes()[d];
  if (size == n) return x;
  if (n < size) return narrow(x, d, 0, n);
  Shape sizes = x.sizes();
  sizes[d] = n;
  Tensor padded = zeros(sizes, x.dtype(), x.device());
  copy_(narrow(padded, d, 0, size), x);
  return padded;
}

void check_points(const char* op, int64_t n) {
  EMBER_CHECK(n >= 1, "[", op, "] Invalid number of data points (", n, ") specified");
}

// Validated dims (wrapped, unique, in the given order) and signal sizes, by torch's rules
// for the n-dimensional functions. `c2r`: the default last size is 2*(m-1).
struct Plan {
  Shape dims;
  Shape sizes;
};

Plan plan_nd(const char* op, const Tensor& x, const FftDims& s, const FftDims& dim, bool c2r) {
  const int64_t ndim = x.dim();
  Plan plan;
  if (dim) {
    for (int64_t d : *dim) {
      EMBER_CHECK_INDEX(ndim > 0, "[", op, "] Dimension specified as ", d,
                        " but tensor has no dimensions");
      plan.dims.push_back(wrap_dim(d, ndim, op));
    }
    Shape sorted = plan.dims;
    std::sort(sorted.begin(), sorted.end());
    EMBER_CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end(), "[", op,
                "] FFT dims must be unique, got ", shape_str(*dim));
    if (s) {
      EMBER_CHECK(s->size() == dim->size(), "[", op,
                  "] When given, dim and shape arguments must have the same length (got s=",
                  shape_str(*s), ", dim=", shape_str(*dim), ")");
    }
  } else if (s) {
    EMBER_CHECK(static_cast<int64_t>(s->size()) <= ndim, "[", op, "] Got shape with ", s->size(),
                " values but input tensor only has ", ndim, " dimensions.");
    for (int64_t i = ndim - static_cast<int64_t>(s->size()); i < ndim; ++i) plan.dims.push_back(i);
  } else {
    for (int64_t i = 0; i < ndim; ++i) plan.dims.push_back(i);
  }
  for (size_t i = 0; i < plan.dims.size(); ++i) {
    const int64_t d = plan.dims[i];
    int64_t n = s && (*s)[i] != -1 ? (*s)[i] : x.sizes()[d];
    if (c2r && i + 1 == plan.dims.size() && !(s && (*s)[i] != -1)) n = 2 * (x.sizes()[d] - 1);
    check_points(op, n);
    plan.sizes.push_back(n);
  }
  EMBER_CHECK(!plan.dims.empty() || !c2r, "[", op, "] must transform at least one axis");
  return plan;
}

Tensor finish(const char* op, const Tensor& result, const Tensor& out) {
  if (!out.defined()) return result;
  detail::write_out(op, out, result);
  return out;
}

// Complex-to-complex over plan.dims.
Tensor c2c(const char* op, const Tensor& x, const Plan& plan, Norm norm, bool forward,
           const Tensor& out) {
  const ScalarType real = real_compute_dtype(op, x.dtype());
  Tensor in = to_dtype(x, to_complex(real));
  for (size_t i = 0; i < plan.dims.size(); ++i) in = resize_dim(in, plan.dims[i], plan.sizes[i]);
  Tensor result = empty(in.sizes(), in.dtype(), in.device());
  if (!plan.dims.empty() && result.numel() > 0) {
    const double fct = norm_factor(norm, shape_numel(plan.sizes), forward);
    fft_c2c_stub(in.device().type, result, in, plan.dims, fct, forward);
  } else if (result.numel() > 0) {
    copy_(result, in);
  }
  return finish(op, result, out);
}

// Real-to-complex (one-sided along plan.dims.back()); `forward` false computes ihfft.
Tensor r2c(const char* op, const Tensor& x, const Plan& plan, Norm norm, bool forward,
           const Tensor& out) {
  EMBER_CHECK(!is_complex(x.dtype()), "[", op, "] expects a real input tensor, but got ",
              scalar_type_name(x.dtype()));
  const ScalarType real = real_compute_dtype(op, x.dtype());
  Tensor in = to_dtype(x, real);
  for (size_t i = 0; i < plan.dims.size(); ++i) in = resize_dim(in, plan.dims[i], plan.sizes[i]);
  Shape sizes = in.sizes();
  const int64_t last = plan.dims.back();
  sizes[last] = sizes[last] / 2 + 1;
  Tensor result = empty(sizes, to_complex(real), in.device());
  if (result.numel() > 0) {
    const double fct = norm_factor(norm, shape_numel(plan.sizes), forward);
    fft_r2c_stub(in.device().type, result, in, plan.dims, fct, forward);
  }
  return finish(op, result, out);
}

// Complex-to-real: plan.sizes are the output lengths; `forward` true computes hfft.
Tensor c2r(const char* op, const Tensor& x, const Plan& plan, Norm norm, bool forward,
           const Tensor& out) {
  const ScalarType real = real_compute_dtype(op, x.dtype());
  Tensor in = to_dtype(x, to_complex(real));
  const size_t k = plan.dims.size();
  for (size_t i = 0; i + 1 < k; ++i) in = resize_dim(in, plan.dims[i], plan.sizes[i]);
  in = resize_dim(in, plan.dims[k - 1], plan.sizes[k - 1] / 2 + 1);
  Shape sizes = in.sizes();
  sizes[plan.dims[k - 1]] = plan.sizes[k - 1];
  Tensor result = empty(sizes, real, in.device());
  if (result.numel() > 0) {
    const double fct = norm_factor(norm, shape_numel(plan.sizes), forward);
    fft_c2r_stub(in.device().type, result, in, plan.dims, fct, forward);
  }
  return finish(op, result, out);
}

Plan plan_1d(const char* op, const Tensor& x, std::optional<int64_t> n, int64_t dim, bool c2r) {
  EMBER_CHECK_INDEX(x.dim() > 0, "[", op, "] Dimension specified as ", dim,
                    " but tensor has no dimensions");
  const int64_t d = wrap_dim(dim, x.dim(), op);
  int64_t points = n ? *n : (c2r ? 2 * (x.sizes()[d] - 1) : x.sizes()[d]);
  check_points(op, points);
  return Plan{{d}, {points}};
}

FftDims as_dims(const Shape& dim) { return FftDims(dim); }

}  // namespace

Tensor fft_fft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
               const Tensor& out) {
  OpScope scope("fft_fft");
  const Norm mode = parse_norm("fft_fft", norm);
  return c2c("fft_fft", x, plan_1d("fft_fft", x, n, dim, false), mode, true, out);
}

Tensor fft_ifft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
                const Tensor& out) {
  OpScope scope("fft_ifft");
  const Norm mode = parse_norm("fft_ifft", norm);
  return c2c("fft_ifft", x, plan_1d("fft_ifft", x, n, dim, false), mode, false, out);
}

Tensor fft_rfft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
                const Tensor& out) {
  OpScope scope("fft_rfft");
  const Norm mode = parse_norm("fft_rfft", norm);
  return r2c("fft_rfft", x, plan_1d("fft_rfft", x, n, dim, false), mode, true, out);
}

Tensor fft_irfft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_irfft");
  const Norm mode = parse_norm("fft_irfft", norm);
  return c2r("fft_irfft", x, plan_1d("fft_irfft", x, n, dim, true), mode, false, out);
}

Tensor fft_hfft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
                const Tensor& out) {
  OpScope scope("fft_hfft");
  // hfft is a forward transform computed as a c2r: "forward" scales it by 1/n.
  const Norm mode = parse_norm("fft_hfft", norm);
  return c2r("fft_hfft", x, plan_1d("fft_hfft", x, n, dim, true), mode, true, out);
}

Tensor fft_ihfft(const Tensor& x, std::optional<int64_t> n, int64_t dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_ihfft");
  // ihfft is an inverse transform computed as an r2c: "backward" scales it by 1/n.
  const Norm mode = parse_norm("fft_ihfft", norm);
  return r2c("fft_ihfft", x, plan_1d("fft_ihfft", x, n, dim, false), mode, false, out);
}

Tensor fft_fftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                const Tensor& out) {
  OpScope scope("fft_fftn");
  const Norm mode = parse_norm("fft_fftn", norm);
  return c2c("fft_fftn", x, plan_nd("fft_fftn", x, s, dim, false), mode, true, out);
}

Tensor fft_ifftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_ifftn");
  const Norm mode = parse_norm("fft_ifftn", norm);
  return c2c("fft_ifftn", x, plan_nd("fft_ifftn", x, s, dim, false), mode, false, out);
}

Tensor fft_rfftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_rfftn");
  const Norm mode = parse_norm("fft_rfftn", norm);
  Plan plan = plan_nd("fft_rfftn", x, s, dim, false);
  EMBER_CHECK(!plan.dims.empty(), "[fft_rfftn] must transform at least one axis");
  return r2c("fft_rfftn", x, plan, mode, true, out);
}

Tensor fft_irfftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                  const Tensor& out) {
  OpScope scope("fft_irfftn");
  const Norm mode = parse_norm("fft_irfftn", norm);
  return c2r("fft_irfftn", x, plan_nd("fft_irfftn", x, s, dim, true), mode, false, out);
}

Tensor fft_fft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                const Tensor& out) {
  OpScope scope("fft_fft2");
  const Norm mode = parse_norm("fft_fft2", norm);
  return c2c("fft_fft2", x, plan_nd("fft_fft2", x, s, as_dims(dim), false), mode, true, out);
}

Tensor fft_ifft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_ifft2");
  const Norm mode = parse_norm("fft_ifft2", norm);
  return c2c("fft_ifft2", x, plan_nd("fft_ifft2", x, s, as_dims(dim), false), mode, false, out);
}

Tensor fft_rfft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_rfft2");
  const Norm mode = parse_norm("fft_rfft2", norm);
  Plan plan = plan_nd("fft_rfft2", x, s, as_dims(dim), false);
  EMBER_CHECK(!plan.dims.empty(), "[fft_rfft2] must transform at least one axis");
  return r2c("fft_rfft2", x, plan, mode, true, out);
}

Tensor fft_irfft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                  const Tensor& out) {
  OpScope scope("fft_irfft2");
  const Norm mode = parse_norm("fft_irfft2", norm);
  return c2r("fft_irfft2", x, plan_nd("fft_irfft2", x, s, as_dims(dim), true), mode, false, out);
}

Tensor fft_hfftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_hfftn");
  const Norm mode = parse_norm("fft_hfftn", norm);
  return c2r("fft_hfftn", x, plan_nd("fft_hfftn", x, s, dim, true), mode, true, out);
}

Tensor fft_ihfftn(const Tensor& x, const FftDims& s, const FftDims& dim, const FftNormArg& norm,
                  const Tensor& out) {
  OpScope scope("fft_ihfftn");
  const Norm mode = parse_norm("fft_ihfftn", norm);
  Plan plan = plan_nd("fft_ihfftn", x, s, dim, false);
  EMBER_CHECK(!plan.dims.empty(), "[fft_ihfftn] must transform at least one axis");
  return r2c("fft_ihfftn", x, plan, mode, false, out);
}

Tensor fft_hfft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                 const Tensor& out) {
  OpScope scope("fft_hfft2");
  const Norm mode = parse_norm("fft_hfft2", norm);
  return c2r("fft_hfft2", x, plan_nd("fft_hfft2", x, s, as_dims(dim), true), mode, true, out);
}

Tensor fft_ihfft2(const Tensor& x, const FftDims& s, const Shape& dim, const FftNormArg& norm,
                  const Tensor& out) {
  OpScope scope("fft_ihfft2");
  const Norm mode = parse_norm("fft_ihfft2", norm);
  Plan plan = plan_nd("fft_ihfft2", x, s, as_dims(dim), false);
  EMBER_CHECK(!plan.dims.empty(), "[fft_ihfft2] must transform at least one axis");
  return r2c("fft_ihfft2", x, plan, mode, false, out);
}

namespace {

Tensor frequencies(const char* op, int64_t n, double d, std::optional<ScalarType> dtype,
                   Device device, const Tensor& out, bool onesided) {
  EMBER_CHECK(n >= 0, "[", op, "] n must be non-negative, got ", n);
  const ScalarType t = dtype ? *dtype : default_dtype();
  EMBER_CHECK(!is_integral(t, /*include_bool=*/true), "[", op,
              "] expected a floating or complex dtype, got ", scalar_type_name(t));
  const int64_t count = onesided ? n / 2 + 1 : n;
  Tensor result;
  if (device.is_meta()) {
    result = empty({count}, t, device);
  } else {
    Tensor values = empty({count}, ScalarType::Float64, Device(DeviceType::CPU));
    double* p = values.data<double>();
    const double scale = 1.0 / (d * static_cast<double>(n));
    for (int64_t i = 0; i < count; ++i) {
      const int64_t k = (onesided || i < (n + 1) / 2) ? i : i - n;
      p[i] = static_cast<double>(k) * scale;
    }
    result = to_device(to_dtype(values, t), device);
  }
  return finish(op, result, out);
}

Tensor shift(const char* op, const Tensor& x, const FftDims& dim, bool inverse) {
  Shape dims;
  if (dim) {
    for (int64_t d : *dim) dims.push_back(wrap_dim(d, x.dim(), op));
  } else {
    for (int64_t d = 0; d < x.dim(); ++d) dims.push_back(d);
  }
  if (dims.empty()) return clone(x);
  Shape shifts;
  for (int64_t d : dims) {
    const int64_t n = x.sizes()[d];
    shifts.push_back(inverse ? (n + 1) / 2 : n / 2);
  }
  return roll(x, shifts, dims);
}

}  // namespace

Tensor fft_fftfreq(int64_t n, double d, std::optional<ScalarType> dtype, Device device,
                   const Tensor& out) {
  OpScope scope("fft_fftfreq");
  return frequencies("fft_fftfreq", n, d, dtype, device, out, false);
}

Tensor fft_rfftfreq(int64_t n, double d, std::optional<ScalarType> dtype, Device device,
                    const Tensor& out) {
  OpScope scope("fft_rfftfreq");
  return frequencies("fft_rfftfreq", n, d, dtype, device, out, true);
}

Tensor fft_fftshift(const Tensor& x, const FftDims& dim) {
  OpScope scope("fft_fftshift");
  return shift("fft_fftshift", x, dim, false);
}

Tensor fft_ifftshift(const Tensor& x, const FftDims& dim) {
  OpScope scope("fft_ifftshift");
  return shift("fft_ifftshift", x, dim, true);
}

}  // namespace ember
