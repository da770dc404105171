// CPU FFT kernels over PocketFFT (third_party/pocketfft, the C++ header NumPy, SciPy and
// PyTorch's CPU path use). Compiled once, not per instruction-set level: PocketFFT picks
// its own vector width, and the transforms are memory-bound beyond small sizes. Plans
// are cached by PocketFFT (POCKETFFT_CACHE_SIZE); batches and the other dims of an n-d
// transform run on PocketFFT's thread pool with ember's thread count.
#define POCKETFFT_CACHE_SIZE 16
#include "pocketfft_hdronly.h"

#include <complex>

#include "ember/backends/cpu/parallel.h"
#include "ember/core/errors.h"
#include "ember/ops/fft.h"

namespace ember::cpu {
namespace {

pocketfft::shape_t to_shape(const Shape& s) { return pocketfft::shape_t(s.begin(), s.end()); }

// Byte strides, as PocketFFT takes them.
pocketfft::stride_t byte_strides(const Tensor& t) {
  pocketfft::stride_t out;
  const auto item = static_cast<ptrdiff_t>(element_size(t.dtype()));
  for (int64_t s : t.strides()) out.push_back(static_cast<ptrdiff_t>(s) * item);
  return out;
}

size_t threads() { return static_cast<size_t>(get_num_threads()); }

void c2c_kernel(const Tensor& out, const Tensor& in, const Shape& dims, double fct, bool forward) {
  const auto shape = to_shape(in.sizes());
  const auto axes = to_shape(dims);
  if (in.dtype() == ScalarType::Complex64) {
    pocketfft::c2c<float>(shape, byte_strides(in), byte_strides(out), axes, forward,
                          static_cast<const std::complex<float>*>(in.data_ptr()),
                          static_cast<std::complex<float>*>(out.data_ptr()),
                          static_cast<float>(fct), threads());
  } else {
    EMBER_CHECK(in.dtype() == ScalarType::Complex128, "[fft] unexpected dtype ",
                scalar_type_name(in.dtype()));
    pocketfft::c2c<double>(shape, byte_strides(in), byte_strides(out), axes, forward,
                           static_cast<const std::complex<double>*>(in.data_ptr()),
                           static_cast<std::complex<double>*>(out.data_ptr()), fct, threads());
  }
}

void r2c_kernel(const Tensor& out, const Tensor& in, const Shape& dims, double fct, bool forward) {
  const auto shape = to_shape(in.sizes());
  const auto axes = to_shape(dims);
  if (in.dtype() == ScalarType::Float32) {
    pocketfft::r2c<float>(shape, byte_strides(in), byte_strides(out), axes, forward,
                          static_cast<const float*>(in.data_ptr()),
                          static_cast<std::complex<float>*>(out.data_ptr()),
                          static_cast<float>(fct), threads());
  } else {
    EMBER_CHECK(in.dtype() == ScalarType::Float64, "[fft] unexpected dtype ",
                scalar_type_name(in.dtype()));
    pocketfft::r2c<double>(shape, byte_strides(in), byte_strides(out), axes, forward,
                           static_cast<const double*>(in.data_ptr()),
                           static_cast<std::complex<double>*>(out.data_ptr()), fct, threads());
  }
}

void c2r_kernel(const Tensor& out, const Tensor& in, const Shape& dims, double fct, bool forward) {
  const auto shape = to_shape(out.sizes());
  const auto axes = to_shape(dims);
  if (out.dtype() == ScalarType::Float32) {
    pocketfft::c2r<float>(shape, byte_strides(in), byte_strides(out), axes, forward,
                          static_cast<const std::complex<float>*>(in.data_ptr()),
                          static_cast<float*>(out.data_ptr()), static_cast<float>(fct),
                          threads());
  } else {
    EMBER_CHECK(out.dtype() == ScalarType::Float64, "[fft] unexpected dtype ",
                scalar_type_name(out.dtype()));
    pocketfft::c2r<double>(shape, byte_strides(in), byte_strides(out), axes, forward,
                           static_cast<const std::complex<double>*>(in.data_ptr()),
                           static_cast<double*>(out.data_ptr()), fct, threads());
  }
}

}  // namespace

EMBER_REGISTER_KERNEL(fft_c2c_stub, DeviceType::CPU, &c2c_kernel);
EMBER_REGISTER_KERNEL(fft_r2c_stub, DeviceType::CPU, &r2c_kernel);
EMBER_REGISTER_KERNEL(fft_c2r_stub, DeviceType::CPU, &c2r_kernel);

}  // namespace ember::cpu
