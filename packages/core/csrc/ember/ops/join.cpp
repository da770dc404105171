#include "ember/ops/join.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/view.h"

namespace ember {

namespace {

// torch still skips 1-D empty tensors of any other shape in cat ("legacy" empties), as
// they were once the only way to write an empty tensor.
bool legacy_empty(const Tensor& t) { return t.dim() == 1 && t.numel() == 0; }

void check_nonempty(const char* op, const std::vector<Tensor>& tensors) {
  EMBER_CHECK(!tensors.empty(), "[", op, "] ", op, " expects a non-empty TensorList");
}

}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  OpScope scope("cat");
  EMBER_CHECK_VALUE(!tensors.empty(), "[cat] torch.cat(): expected a non-empty list of Tensors");
  // The result type promotes over every input, skipped empties included (as torch).
  ScalarType dtype = tensors[0].dtype();
  const Tensor* ref = nullptr;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    EMBER_CHECK(t.defined(), "[cat] got an undefined tensor at position ", i);
    EMBER_CHECK(t.dim() > 0, "[cat] zero-dimensional tensor (at position ", i,
                ") cannot be concatenated");
    dtype = promote_types(dtype, t.dtype());
    if (!ref && !legacy_empty(t)) ref = &t;
  }
  const Device device = tensors[0].device();
  for (size_t i = 0; i < tensors.size(); ++i) {
    EMBER_CHECK(tensors[i].device().type == device.type, "[cat] Expected all tensors to be on "
                "the same device, but found at least two devices, ", device.str(), " and ",
                tensors[i].device().str(), "! (tensor number ", i, " in the list)");
  }
  if (!ref) {
    wrap_dim(dim, 1, "cat");
    return empty({0}, dtype, device);
  }
  dim = wrap_dim(dim, ref->dim(), "cat");
  Shape sizes = ref->sizes();
  int64_t total = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (legacy_empty(t)) continue;
    EMBER_CHECK(t.dim() == ref->dim(), "[cat] Tensors must have same number of dimensions: got ",
                ref->dim(), " and ", t.dim());
    for (int64_t d = 0; d < t.dim(); ++d) {
      EMBER_CHECK(d == dim || t.sizes()[d] == sizes[d], "[cat] Sizes of tensors must match "
                  "except in dimension ", dim, ". Expected size ", sizes[d], " but got size ",
                  t.sizes()[d], " for tensor number ", i, " in the list.");
    }
    total += t.sizes()[dim];
  }
  sizes[dim] = total;
  Tensor out = empty(sizes, dtype, device);
  int64_t offset = 0;
  for (const Tensor& t : tensors) {
    if (legacy_empty(t)) continue;
    const int64_t n = t.sizes()[dim];
    if (n > 0 && t.numel() > 0) copy_(narrow(out, dim, offset, n), t);
    offset += n;
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  OpScope scope("stack");
  check_nonempty("stack", tensors);
  const Shape& first = tensors[0].sizes();
  for (size_t i = 1; i < tensors.size(); ++i) {
    EMBER_CHECK(tensors[i].sizes() == first, "[stack] stack expects each tensor to be equal "
                "size, but got ", detail::shape_list(first), " at entry 0 and ",
                detail::shape_list(tensors[i].sizes()), " at entry ", i);
  }
  dim = wrap_dim(dim, tensors[0].dim() + 1, "stack");
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (const Tensor& t : tensors) parts.push_back(unsqueeze(t, dim));
  return cat(parts, dim);
}

Tensor atleast_1d(const Tensor& t) {
  return t.dim() == 0 ? reshape(t, {1}) : t;
}

Tensor atleast_2d(const Tensor& t) {
  if (t.dim() == 0) return reshape(t, {1, 1});
  if (t.dim() == 1) return unsqueeze(t, 0);
  return t;
}

Tensor atleast_3d(const Tensor& t) {
  if (t.dim() == 0) return reshape(t, {1, 1, 1});
  if (t.dim() == 1) return unsqueeze(unsqueeze(t, 0), 2);
  if (t.dim() == 2) return unsqueeze(t, 2);
  return t;
}

namespace {

std::vector<Tensor> map(const std::vector<Tensor>& tensors, Tensor (*f)(const Tensor&)) {
  std::vector<Tensor> out;
  out.reserve(tensors.size());
  for (const Tensor& t : tensors) out.push_back(f(t));
  return out;
}

}  // namespace

Tensor hstack(const std::vector<Tensor>& tensors) {
  OpScope scope("hstack");
  check_nonempty("hstack", tensors);
  const std::vector<Tensor> parts = map(tensors, atleast_1d);
  return cat(parts, parts[0].dim() == 1 ? 0 : 1);
}

Tensor vstack(const std::vector<Tensor>& tensors) {
  OpScope scope("vstack");
  check_nonempty("vstack", tensors);
  return cat(map(tensors, atleast_2d), 0);
}

Tensor dstack(const std::vector<Tensor>& tensors) {
  OpScope scope("dstack");
  check_nonempty("dstack", tensors);
  return cat(map(tensors, atleast_3d), 2);
}

Tensor column_stack(const std::vector<Tensor>& tensors) {
  OpScope scope("column_stack");
  check_nonempty("column_stack", tensors);
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (const Tensor& t : tensors) {
    parts.push_back(t.dim() <= 1 ? reshape(t, {t.numel(), 1}) : t);
  }
  return hstack(parts);
}

}  // namespace ember
