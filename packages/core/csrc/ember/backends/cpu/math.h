// Scalar math the CPU kernels share, for every dtype: float16/bfloat16 go through float.
// Written branch-light so loops over them vectorize where the compiler can.
#pragma once

#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace ember::cpu::math {

inline float exp(float x);
inline double exp(double x);

template <typename T>
inline T sigmoid(T x) {
  return T(1) / (T(1) + math::exp(-x));
}

template <typename T>
inline T softplus(T x) {
  // log(1 + e^x) without overflow: for large x it is x itself.
  return x > T(20) ? x : std::log1p(std::exp(x));
}

// Inverse error function: Giles' single-precision approximation ("Approximating the
// erfinv function", GPU Computing Gems, 2011), then Newton steps on erf for full
// precision.
template <typename T>
inline T erfinv(T y) {
  if (!(y > T(-1))) return y == T(-1) ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::quiet_NaN();
  if (!(y < T(1))) return y == T(1) ? std::numeric_limits<T>::infinity() : std::numeric_limits<T>::quiet_NaN();
  double w = -std::log((1.0 - double(y)) * (1.0 + double(y)));
  double p;
  if (w < 5.0) {
    w -= 2.5;
    p = 2.81022636e-08;
    p = 3.43273939e-07 + p * w;
    p = -3.5233877e-06 + p * w;
    p = -4.39150654e-06 + p * w;
    p = 0.00021858087 + p * w;
    p = -0.00125372503 + p * w;
    p = -0.00417768164 + p * w;
    p = 0.246640727 + p * w;
    p = 1.50140941 + p * w;
  } else {
    w = std::sqrt(w) - 3.0;
    p = -0.000200214257;
    p = 0.000100950558 + p * w;
    p = 0.00134934322 + p * w;
    p = -0.00367342844 + p * w;
    p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w;
    p = 0.00943887047 + p * w;
    p = 1.00167406 + p * w;
    p = 2.83297682 + p * w;
  }
  double x = p * double(y);
  constexpr double two_over_sqrt_pi = 1.1283791670955126;
  for (int i = 0; i < 2; ++i) {
    x -= (std::erf(x) - double(y)) / (two_over_sqrt_pi * std::exp(-x * x));
  }
  return T(x);
}

template <typename T>
inline bool is_nan(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::isnan(x);
  } else {
    return false;
  }
}

}  // namespace ember::cpu::math

namespace ember::cpu::math {

// std::signbit without the vector pattern GCC 12 fails to compile (an internal compiler
// error in the SSE2 build): read the sign from the bits.
inline bool sign_bit(float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return (bits >> 31) != 0;
}
inline bool sign_bit(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return (bits >> 63) != 0;
}

}  // namespace ember::cpu::math

namespace ember::cpu::math {

// exp for float32 written so loops over it vectorize (no calls, no branches): Cody-Waite
// range reduction x = n ln2 + r, a degree-6 polynomial for e^r (Cephes' expf
// coefficients, about 1 ulp), and 2^n built in the exponent bits. Overflow gives inf,
// underflow 0, nan stays nan.
inline float exp(float x) {
  const float clamped = x < -104.0f ? -104.0f : (x > 89.0f ? 89.0f : x);
  const float n = std::floor(clamped * 1.44269504088896341f + 0.5f);
  float r = clamped - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  // 2^n in two halves so that n down to -104 (a subnormal result) still builds exactly.
  const int32_t ni = static_cast<int32_t>(n);
  const int32_t half = ni / 2;
  uint32_t b1 = static_cast<uint32_t>(half + 127) << 23;
  uint32_t b2 = static_cast<uint32_t>(ni - half + 127) << 23;
  float s1, s2;
  std::memcpy(&s1, &b1, sizeof s1);
  std::memcpy(&s2, &b2, sizeof s2);
  float result = p * s1 * s2;
  result = x > 88.72283935546875f ? std::numeric_limits<float>::infinity() : result;
  result = x < -103.97208f ? 0.0f : result;
  return x != x ? x : result;
}
inline double exp(double x) { return std::exp(x); }

}  // namespace ember::cpu::math
