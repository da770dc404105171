#include "ember/autograd/sum_to.h"

#include "ember/ops/reduce.h"
#include "ember/ops/unary.h"
#include "ember/ops/view.h"

namespace ember::autograd {

bool is_expandable_to(const Shape& shape, const Shape& desired) {
  if (shape.size() > desired.size()) return false;
  const size_t offset = desired.size() - shape.size();
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] != desired[offset + i] && shape[i] != 1) return false;
  }
  return true;
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.sizes() == shape) return grad;
  const int64_t leading = grad.dim() - static_cast<int64_t>(shape.size());
  Shape dims;
  for (int64_t d = 0; d < leading; ++d) dims.push_back(d);
  for (int64_t d = leading; d < grad.dim(); ++d) {
    if (shape[d - leading] == 1 && grad.sizes()[d] != 1) dims.push_back(d);
  }
  Tensor reduced = dims.empty() ? grad : sum(grad, dims, /*keepdim=*/true);
  return reduced.sizes() == shape ? reduced : reshape(reduced, shape);
}

bool has_nan(const Tensor& t) {
  if (!is_floating(t.dtype()) && !is_complex(t.dtype())) return false;
  if (t.device().is_meta()) return false;
  const Tensor flag = any(isnan(t));
  return *flag.data<bool>();
}

}  // namespace ember::autograd
