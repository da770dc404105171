// CPU FFT kernels over PocketFFT (third_party/pocketfft, the C++ header NumPy, SciPy and
// PyTorch's CPU path use). Compiled per instruction-set level like every kernel file:
// PocketFFT transforms several lines at once in vectors as wide as the level allows
// (16 floats with AVX-512), which is what makes n-d transforms fast. Plans are cached
// by PocketFFT (POCKETFFT_CACHE_SIZE); batches and the other dims of an n-d transform
// run on PocketFFT's thread pool with ember's thread count.
//
// PocketFFT is included inside this level's namespace, so the three compiled copies of
// its templates (and its thread pool and plan cache) never merge at link time: a level
// never calls into another level's instructions. The standard headers it includes come
// first, so their include guards keep them out of that namespace.
#include <pthread.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <complex>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <queue>
#include <stdexcept>
#include <thread>
#include <vector>

#include "ember/backends/cpu/kernel_registration.h"
#include "ember/backends/cpu/parallel.h"
#include "ember/core/errors.h"
#include "ember/ops/fft.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
#define POCKETFFT_CACHE_SIZE 16
#include "pocketfft_hdronly.h"

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

EMBER_REGISTER_CPU_KERNEL(fft_c2c_stub, &c2c_kernel);
EMBER_REGISTER_CPU_KERNEL(fft_r2c_stub, &r2c_kernel);
EMBER_REGISTER_CPU_KERNEL(fft_c2r_stub, &c2r_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
