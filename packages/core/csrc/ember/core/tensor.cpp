#include "ember/core/tensor.h"

#include "ember/core/shape.h"

namespace ember {

int64_t Tensor::size(int64_t d) const { return sizes()[wrap_dim(d, dim(), "size")]; }

int64_t Tensor::stride(int64_t d) const { return strides()[wrap_dim(d, dim(), "stride")]; }

std::string Tensor::describe() const {
  return "tensor of shape " + shape_str(sizes()) + " and dtype " + scalar_type_name(dtype());
}

std::string shape_str(const Shape& shape) {
  std::string out = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(shape[i]);
  }
  if (shape.size() == 1) out += ",";
  return out + ")";
}

}  // namespace ember
