// Mask-driven ops: masked_fill, masked_select, masked_scatter, and nonzero/argwhere
// (whose output shape depends on the data, so meta tensors cannot run them).
#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(masked_fill_fn, masked_fill_stub);
EMBER_DEFINE_STUB(masked_select_fn, masked_select_stub);
EMBER_DEFINE_STUB(masked_scatter_fn, masked_scatter_stub);
EMBER_DEFINE_STUB(nonzero_fn, nonzero_stub);

namespace {

void check_bool_mask(const char* op, const Tensor& mask) {
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "[", op, "] ", op,
              " only supports boolean masks, but got mask with dtype ",
              scalar_type_name(mask.dtype()));
}

Tensor on_device_of(const Tensor& t, const Tensor& like) {
  if (t.device().type == like.device().type || t.dim() == 0) return t;
  return to_device(t, like.device());
}

// Writes `value` (a 0-d tensor of self's dtype) where mask is true; mask broadcasts to self.
void run_masked_fill(const char* op, const Tensor& self, const Tensor& mask,
                     const Tensor& value) {
  check_bool_mask(op, mask);
  TensorIterator iter = TensorIteratorConfig(op)
                            .add_output(self)
                            .add_input(on_device_of(mask, self))
                            .add_input(value)
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .build();
  masked_fill_stub(iter.device().type, iter);
  iter.finish();
}

Tensor scalar_value(const char* op, const Tensor& self, const Scalar& value) {
  detail::check_value_fits(op, value, self.dtype());
  return scalar_to_tensor(value, self.dtype(), self.device().is_meta() ? self.device() : Device());
}

Tensor tensor_value(const char* op, const Tensor& self, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "[", op, "] ", op,
              " only supports a 0-dimensional value tensor, but got tensor with ", value.dim(),
              " dimension(s).");
  if (!value.device().is_meta() && !self.device().is_meta()) {
    detail::check_value_fits(op, detail::tensor_to_scalar(value), self.dtype());
  }
  return to_dtype(value, self.dtype());
}

// The out-of-place ops broadcast self with the mask (as torch's expand_outplace).
Tensor broadcast_clone(const char* op, const Tensor& self, const Tensor& mask) {
  const Shape sizes = broadcast_shapes(self.sizes(), mask.sizes(), op);
  if (sizes == self.sizes()) return clone(self);
  Tensor out = empty(sizes, self.dtype(), self.device());
  copy_(out, self);
  return out;
}

}  // namespace

const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Scalar& value) {
  OpScope scope("masked_fill_");
  check_bool_mask("masked_fill_", mask);
  run_masked_fill("masked_fill_", self, mask, scalar_value("masked_fill_", self, value));
  return self;
}
const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Tensor& value) {
  OpScope scope("masked_fill_");
  check_bool_mask("masked_fill_", mask);
  run_masked_fill("masked_fill_", self, mask, tensor_value("masked_fill_", self, value));
  return self;
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  OpScope scope("masked_fill");
  check_bool_mask("masked_fill", mask);
  const Tensor v = scalar_value("masked_fill", self, value);
  Tensor out = broadcast_clone("masked_fill", self, mask);
  run_masked_fill("masked_fill", out, mask, v);
  return out;
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  OpScope scope("masked_fill");
  check_bool_mask("masked_fill", mask);
  const Tensor v = tensor_value("masked_fill", self, value);
  Tensor out = broadcast_clone("masked_fill", self, mask);
  run_masked_fill("masked_fill", out, mask, v);
  return out;
}

Tensor masked_select(const Tensor& self, const Tensor& mask) {
  OpScope scope("masked_select");
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "[masked_select] masked_select: expected "
              "BoolTensor for mask (got ", scalar_type_name(mask.dtype()), ")");
  const Shape sizes = broadcast_shapes(self.sizes(), mask.sizes(), "masked_select");
  const Tensor m = on_device_of(mask, self);
  return masked_select_stub(self.device().type, detail::broadcast_view(self, sizes),
                            detail::broadcast_view(m, sizes));
}

const Tensor& masked_scatter_(const Tensor& self, const Tensor& mask, const Tensor& source) {
  OpScope scope("masked_scatter_");
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "[masked_scatter_] masked_scatter_ only "
              "supports boolean masks, but got mask with dtype ", scalar_type_name(mask.dtype()));
  EMBER_CHECK(self.dtype() == source.dtype(), "[masked_scatter_] masked_scatter: expected self "
              "and source to have same dtypes but got ", scalar_type_name(self.dtype()), " and ",
              scalar_type_name(source.dtype()));
  const Shape sizes = broadcast_shapes(self.sizes(), mask.sizes(), "masked_scatter_");
  EMBER_CHECK(sizes == self.sizes(), "[masked_scatter_] mask of shape ", shape_str(mask.sizes()),
              " cannot be broadcast to the shape of self ", shape_str(self.sizes()));
  Tensor src = on_device_of(source, self);
  src = detail::shares_storage(src, self) ? clone(src) : contiguous(src);
  masked_scatter_stub(self.device().type, self,
                      detail::broadcast_view(on_device_of(mask, self), sizes), src);
  self.bump_version();
  return self;
}

Tensor masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source) {
  OpScope scope("masked_scatter");
  Tensor out = broadcast_clone("masked_scatter", self, mask);
  masked_scatter_(out, mask, source);
  return out;
}

Tensor nonzero(const Tensor& self) {
  OpScope scope("nonzero");
  return nonzero_stub(self.device().type, self);
}

std::vector<Tensor> nonzero_numpy(const Tensor& self) {
  OpScope scope("nonzero");
  const Tensor coords = nonzero_stub(self.device().type,
                                     self.dim() == 0 ? reshape(self, {1}) : self);
  std::vector<Tensor> out;
  for (int64_t d = 0; d < coords.sizes()[1]; ++d) out.push_back(select(coords, 1, d));
  return out;
}

Tensor argwhere(const Tensor& self) {
  OpScope scope("argwhere");
  return nonzero_stub(self.device().type, self);
}

}  // namespace ember
