// CPU kernels of ops/complex.h. Complex dtypes are compiled at the default level only
// (kernel_registration.h); the dispatcher sends complex operands there.
#include <cmath>
#include <complex>

#include "ember/backends/cpu/loops.h"
#include "ember/ops/complex.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

#define EMBER_CASES_REAL_PARTS(...)                   \
  EMBER_DISPATCH_CASE(float, Float32, __VA_ARGS__)    \
  EMBER_DISPATCH_CASE(double, Float64, __VA_ARGS__)

void complex_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_SWITCH(iter.common_dtype(), "complex", EMBER_CASES_REAL_PARTS([&] {
    using T = scalar_t;
    cpu_kernel(iter, [](T re, T im) -> std::complex<T> { return std::complex<T>(re, im); });
  }));
}
EMBER_REGISTER_CPU_KERNEL(complex_stub, &complex_kernel);

void polar_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_SWITCH(iter.common_dtype(), "polar", EMBER_CASES_REAL_PARTS([&] {
    using T = scalar_t;
    cpu_kernel(iter, [](T r, T theta) -> std::complex<T> {
      return std::complex<T>(r * std::cos(theta), r * std::sin(theta));
    });
  }));
}
EMBER_REGISTER_CPU_KERNEL(polar_stub, &polar_kernel);

template <typename T>
void angle_typed(TensorIterator& iter) {
  if constexpr (is_complex_t<T>::value) {
    using R = typename T::value_type;
    cpu_kernel(iter, [](T x) -> R { return std::atan2(x.imag(), x.real()); });
  } else {
    using M = opmath_t<T>;
    cpu_kernel(iter, [](T v) -> T {
      const M x = static_cast<M>(v);
      if (std::isnan(x)) return v;
      return static_cast<T>(x < M(0) ? M(3.14159265358979323846) : M(0));
    });
  }
}

void angle_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.common_dtype(), "angle",
                                      [&] { angle_typed<scalar_t>(iter); });
}
EMBER_REGISTER_CPU_KERNEL(angle_stub, &angle_kernel);

void conj_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_SWITCH(iter.dtype(0), "conj", EMBER_CASES_COMPLEX([&] {
    using T = scalar_t;
    cpu_kernel(iter, [](T x) -> T { return std::conj(x); });
  }));
}
EMBER_REGISTER_CPU_KERNEL(conj_stub, &conj_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
