#include "ember/core/scalar.h"

#include <sstream>

namespace ember {

ScalarType Scalar::type() const {
  switch (kind_) {
    case Kind::Bool:
      return ScalarType::Bool;
    case Kind::Int:
      return ScalarType::Int64;
    case Kind::Float:
      return ScalarType::Float64;
    case Kind::Complex:
      return ScalarType::Complex128;
  }
  return ScalarType::Undefined;
}

std::string Scalar::repr() const {
  std::ostringstream out;
  switch (kind_) {
    case Kind::Bool:
      out << (i_ ? "True" : "False");
      break;
    case Kind::Int:
      out << i_;
      break;
    case Kind::Float:
      out << d_;
      break;
    case Kind::Complex:
      out << "(" << re_ << (im_ < 0 ? "" : "+") << im_ << "j)";
      break;
  }
  return out.str();
}

}  // namespace ember
