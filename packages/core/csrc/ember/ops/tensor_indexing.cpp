#include "ember/ops/tensor_indexing.h"

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/fill.h"
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/view.h"

namespace ember {
namespace {

bool is_mask(const Tensor& t) {
  return t.dtype() == ScalarType::Bool || t.dtype() == ScalarType::UInt8;
}

// Dims of self an item consumes.
int64_t consumed_dims(const TensorIndex& item) {
  switch (item.kind()) {
    case TensorIndex::Kind::Integer:
    case TensorIndex::Kind::Slice:
      return 1;
    case TensorIndex::Kind::Tensor:
      return is_mask(item.tensor()) ? item.tensor().dim() : 1;
    default:
      return 0;
  }
}

// The basic items applied as views, and the tensor items left for advanced indexing in
// the form index() takes (one entry per dim it covers, a mask covering mask.dim()).
struct Sliced {
  Tensor view;
  IndexList indices;
  int64_t covered = 0;  // dims of `view` the entries in `indices` cover
  bool advanced = false;

  void record(const Tensor& t, int64_t dim) {
    while (covered < dim) {
      indices.emplace_back(std::nullopt);
      ++covered;
    }
    indices.emplace_back(t);
    covered += is_mask(t) ? t.dim() : 1;
    advanced = true;
  }
};

// A Python bool (or 0-d bool tensor) as an index of a new size-1 dim: [0] or [].
Tensor bool_index(bool value, Device device) {
  Tensor t = zeros({value ? 1 : 0}, ScalarType::Int64, device);
  return t;
}

Sliced apply_slicing(const Tensor& self, const std::vector<TensorIndex>& items) {
  int64_t specified = 0;
  int ellipses = 0;
  for (const TensorIndex& item : items) {
    if (item.kind() == TensorIndex::Kind::Ellipsis) ++ellipses;
    specified += consumed_dims(item);
  }
  EMBER_CHECK_INDEX(ellipses <= 1, "[index] an index can only have a single ellipsis ('...')");
  EMBER_CHECK_INDEX(specified <= self.dim(), "[index] too many indices for tensor of dimension ",
                    self.dim());
  Sliced out;
  out.view = self;
  int64_t dim = 0;
  for (const TensorIndex& item : items) {
    switch (item.kind()) {
      case TensorIndex::Kind::Integer:
        EMBER_CHECK_INDEX(out.view.dim() > 0, "[index] invalid index of a 0-dim tensor. Use "
                          "`tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a "
                          "0-dim tensor to a number");
        out.view = select(out.view, dim, item.integer());
        break;
      case TensorIndex::Kind::Slice:
        EMBER_CHECK_VALUE(item.step() > 0, "[index] step must be greater than zero");
        out.view = slice(out.view, dim, item.start(), item.stop(), item.step());
        ++dim;
        break;
      case TensorIndex::Kind::None:
        out.view = unsqueeze(out.view, dim);
        ++dim;
        break;
      case TensorIndex::Kind::Ellipsis:
        dim += self.dim() - specified;
        break;
      case TensorIndex::Kind::Boolean:
        // A new dim of size 1, indexed by [0] (True) or [] (False), as torch.
        out.view = unsqueeze(out.view, dim);
        out.record(bool_index(item.boolean(), out.view.device()), dim);
        ++dim;
        break;
      case TensorIndex::Kind::Tensor: {
        const Tensor& t = item.tensor();
        if (t.dim() == 0 && is_integral(t.dtype(), /*include_bool=*/true) &&
            !t.device().is_meta()) {
          if (!is_mask(t)) {
            // A 0-d integer tensor selects, like an int.
            EMBER_CHECK_INDEX(out.view.dim() > 0, "[index] invalid index of a 0-dim tensor. "
                              "Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                              "convert a 0-dim tensor to a number");
            out.view = select(out.view, dim, detail::tensor_to_scalar(t).to_int());
          } else {
            out.view = unsqueeze(out.view, dim);
            out.record(bool_index(detail::tensor_to_scalar(t).to<bool>(), out.view.device()),
                       dim);
            ++dim;
          }
          break;
        }
        out.record(t, dim);
        dim += is_mask(t) ? t.dim() : 1;
        break;
      }
    }
  }
  return out;
}

// One mask over every dim of the view: the masked ops do it in one pass.
bool single_full_mask(const Sliced& s) {
  if (s.indices.size() != 1 || !s.indices[0]) return false;
  const Tensor& m = *s.indices[0];
  return m.dtype() == ScalarType::Bool && m.dim() > 0 && m.sizes() == s.view.sizes();
}

}  // namespace

Tensor index_get(const Tensor& self, const std::vector<TensorIndex>& items) {
  OpScope scope("index");
  Sliced s = apply_slicing(self, items);
  if (!s.advanced) return s.view;
  if (single_full_mask(s) && !s.view.device().is_meta()) {
    return masked_select(s.view, *s.indices[0]);
  }
  return index(s.view, s.indices);
}

void index_set(const Tensor& self, const std::vector<TensorIndex>& items, const Tensor& value) {
  OpScope scope("index_put_");
  Sliced s = apply_slicing(self, items);
  if (!s.advanced) {
    copy_(s.view, value);
    return;
  }
  Tensor v = to_dtype(value, self.dtype());
  if (v.device().type != self.device().type) v = to_device(v, self.device());
  if (single_full_mask(s) && v.numel() == 1 && v.dim() == 0) {
    masked_fill_(s.view, *s.indices[0], v);
    return;
  }
  index_put_(s.view, s.indices, v);
}

void index_set(const Tensor& self, const std::vector<TensorIndex>& items, const Scalar& value) {
  OpScope scope("index_put_");
  detail::check_value_fits("index_put_", value, self.dtype());
  Sliced s = apply_slicing(self, items);
  if (!s.advanced) {
    fill_(s.view, value);
    return;
  }
  if (single_full_mask(s)) {
    masked_fill_(s.view, *s.indices[0], value);
    return;
  }
  index_put_(s.view, s.indices, detail::wrap_number("index_put_", value, self.dtype(),
                                                    self.device()));
}

}  // namespace ember
