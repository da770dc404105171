// A Python-style number: bool, integer, float or complex, kept at full precision until
// an op converts it to the element type it computes in.
#pragma once

#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>

#include "ember/core/scalar_type.h"

namespace ember {

class EMBER_API Scalar {
 public:
  enum class Kind : int8_t { Bool, Int, Float, Complex };

  Scalar() : Scalar(int64_t(0)) {}
  Scalar(bool v) : kind_(Kind::Bool) { i_ = v; }  // NOLINT
  template <typename T,
            std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T v) : kind_(Kind::Int) {  // NOLINT
    i_ = static_cast<int64_t>(v);
  }
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T v) : kind_(Kind::Float) {  // NOLINT
    d_ = static_cast<double>(v);
  }
  Scalar(Half v) : Scalar(static_cast<double>(static_cast<float>(v))) {}  // NOLINT
  Scalar(BFloat16 v) : Scalar(static_cast<double>(static_cast<float>(v))) {}  // NOLINT
  template <typename T>
  Scalar(std::complex<T> v) : kind_(Kind::Complex) {  // NOLINT
    re_ = static_cast<double>(v.real());
    im_ = static_cast<double>(v.imag());
  }

  Kind kind() const { return kind_; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_integral() const { return kind_ == Kind::Int; }
  bool is_floating() const { return kind_ == Kind::Float; }
  bool is_complex() const { return kind_ == Kind::Complex; }

  // The dtype a 0-d tensor made from this number has: bool, int64, float64, complex128.
  ScalarType type() const;

  template <typename T>
  T to() const {
    if constexpr (is_complex_t<T>::value) {
      using R = typename T::value_type;
      if (kind_ == Kind::Complex) return T(static_cast<R>(re_), static_cast<R>(im_));
      return T(static_cast<R>(to<double>()), R(0));
    } else if constexpr (std::is_same_v<T, bool>) {
      switch (kind_) {
        case Kind::Bool:
        case Kind::Int:
          return i_ != 0;
        case Kind::Float:
          return d_ != 0;
        case Kind::Complex:
          return re_ != 0 || im_ != 0;
      }
      return false;
    } else {
      switch (kind_) {
        case Kind::Bool:
        case Kind::Int:
          return static_cast<T>(i_);
        case Kind::Float:
          return static_cast<T>(d_);
        case Kind::Complex:
          return static_cast<T>(re_);
      }
      return T();
    }
  }

  double to_double() const { return to<double>(); }
  int64_t to_int() const { return to<int64_t>(); }
  std::complex<double> to_complex() const { return to<std::complex<double>>(); }
  std::string repr() const;

 private:
  Kind kind_;
  union {
    int64_t i_;
    double d_;
    struct {
      double re_;
      double im_;
    };
  };
};

}  // namespace ember
