// Meta kernels of the ops whose output shape depends on the data (nonzero,
// masked_select, repeat_interleave without output_size): meta tensors have no data, so
// they raise instead of guessing a shape.
#include "ember/ops/indexing.h"
#include "ember/ops/reorder.h"

namespace ember {
namespace {

[[noreturn]] void data_dependent(const char* op) {
  EMBER_NOT_IMPLEMENTED("[", op, "] the output shape depends on the input's data, which meta "
                        "tensors do not have");
}

Tensor nonzero_meta(const Tensor&) { data_dependent("nonzero"); }
Tensor masked_select_meta(const Tensor&, const Tensor&) { data_dependent("masked_select"); }
Tensor repeat_interleave_meta(const Tensor&, int64_t) { data_dependent("repeat_interleave"); }

EMBER_REGISTER_KERNEL(nonzero_stub, DeviceType::Meta, &nonzero_meta);
EMBER_REGISTER_KERNEL(masked_select_stub, DeviceType::Meta, &masked_select_meta);
EMBER_REGISTER_KERNEL(repeat_interleave_stub, DeviceType::Meta, &repeat_interleave_meta);

}  // namespace
}  // namespace ember
