#include "ember/ops/copy.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"

namespace ember {

EMBER_DEFINE_STUB(copy_fn, copy_stub);

const Tensor& copy_(const Tensor& dst, const Tensor& src) {
  OpScope scope("copy_");
  if (dst.is_same(src)) return dst;
  if (dst.device().type != src.device().type) {
    // Meta has no data to move; between the CPU and another device, that device's copy
    // kernel moves the data (it sees operands on both devices).
    EMBER_CHECK(!src.device().is_meta() || src.dim() == 0,
                "[copy_] Cannot copy out of meta tensor; no data!");
    if (dst.device().is_meta()) return dst;
    EMBER_CHECK(dst.device().is_cpu() || src.device().is_cpu(), "[copy_] copies between ",
                dst.device().str(), " and ", src.device().str(), " must go through the CPU");
  }
  TensorIterator iter = TensorIteratorConfig("copy_")
                            .add_output(dst)
                            .add_input(src)
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .allow_cross_device(true)
                            .build();
  copy_stub(iter.device().type, iter);
  dst.bump_version();
  return dst;
}

Tensor to_dtype(const Tensor& t, ScalarType dtype, bool copy) {
  if (t.dtype() == dtype && !copy) return t;
  OpScope scope("to");
  // Keep the layout of a dense permuted input (torch's preserve_format); anything with
  // gaps or overlaps (slices, expands) becomes contiguous.
  const bool dense_permuted = !t.is_contiguous() && t.numel() > 0 &&
                              storage_bytes_for(t.sizes(), t.strides(), dtype) ==
                                  t.numel() * static_cast<int64_t>(element_size(dtype));
  Tensor out = dense_permuted ? empty_strided(t.sizes(), t.strides(), dtype, t.device())
                              : empty(t.sizes(), dtype, t.device());
  copy_(out, t);
  out.impl()->set_wrapped_number(t.impl()->is_wrapped_number());
  return out;
}

Tensor to_device(const Tensor& t, Device device, bool copy) {
  if (t.device().type == device.type && !copy) return t;
  OpScope scope("to");
  Tensor out = empty(t.sizes(), t.dtype(), device);
  if (device.is_meta()) return out;
  EMBER_CHECK(!t.device().is_meta(), "[to] Cannot copy out of meta tensor; no data!");
  copy_(out, t);
  return out;
}

Tensor contiguous(const Tensor& t) {
  if (t.is_contiguous()) return t;
  OpScope scope("contiguous");
  Tensor out = empty(t.sizes(), t.dtype(), t.device());
  copy_(out, t);
  return out;
}

Tensor clone(const Tensor& t) {
  OpScope scope("clone");
  return to_dtype(t, t.dtype(), /*copy=*/true);
}

}  // namespace ember
