#include "ember/ops/tensor_iterator.h"

#include <algorithm>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/core/type_promotion.h"
#include "ember/ops/copy.h"

namespace ember {

// ---- config ---------------------------------------------------------------------------

TensorIteratorConfig& TensorIteratorConfig::add_output(const Tensor& output) {
  outputs_.push_back(output);
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::add_input(const Tensor& input) {
  EMBER_CHECK(input.defined(), "[", op_, "] got an undefined input tensor");
  inputs_.push_back(input);
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::check_all_same_dtype(bool value) {
  check_all_same_dtype_ = value;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::promote_inputs_to_common_dtype(bool value) {
  promote_inputs_ = value;
  if (value) check_all_same_dtype_ = false;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::promote_integer_inputs_to_float(bool value) {
  promote_integer_to_float_ = value;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::cast_common_dtype_to_outputs(bool value) {
  cast_to_outputs_ = value;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::enforce_safe_casting_to_output(bool value) {
  enforce_safe_casting_ = value;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::declare_static_output_dtype(ScalarType dtype) {
  static_output_dtype_ = dtype;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::declare_static_common_dtype(ScalarType dtype) {
  static_common_dtype_ = dtype;
  check_all_same_dtype_ = false;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::resize_outputs(bool value) {
  resize_outputs_ = value;
  return *this;
}
TensorIteratorConfig& TensorIteratorConfig::allow_cross_device(bool value) {
  allow_cross_device_ = value;
  return *this;
}

TensorIterator TensorIteratorConfig::build() {
  TensorIterator iter;
  iter.build(*this);
  return iter;
}

// ---- build ----------------------------------------------------------------------------

void TensorIterator::build(TensorIteratorConfig& config) {
  op_ = config.op_;
  noutputs_ = static_cast<int>(config.outputs_.size());
  EMBER_CHECK(config.outputs_.size() + config.inputs_.size() <=
                  static_cast<size_t>(kMaxIteratorOperands),
              "[", op_, "] more than ", kMaxIteratorOperands, " operands");
  for (const Tensor& out : config.outputs_) {
    Operand& operand = operands_.emplace_back();
    operand.tensor = out;
    operand.original = out;
  }
  for (const Tensor& in : config.inputs_) operands_.emplace_back().tensor = in;
  if (fast_setup(config)) return;
  compute_device(config);
  compute_shape(config);
  compute_types(config);
  compute_permutation();
  allocate_outputs(config);
  compute_strides_and_coalesce();
}

// The common case (every operand contiguous, one shape, one device) needs no
// broadcasting, no permutation and no coalescing: one flat dim covers everything. This
// is most of an op's cost on tiny tensors, so it is skipped.
bool TensorIterator::fast_setup(const TensorIteratorConfig& config) {
  const Operand* found = nullptr;
  for (const Operand& op : operands_) {
    if (op.tensor.defined()) {
      found = &op;
      break;
    }
  }
  if (found == nullptr) return false;
  const Tensor& first = found->tensor;
  const Shape& sizes = first.sizes();
  const Device device = first.device();
  for (const Operand& op : operands_) {
    const Tensor& t = op.tensor;
    if (!t.defined()) continue;  // an output to allocate
    if (!t.is_contiguous() || t.device() != device || t.sizes() != sizes) return false;
  }
  device_ = device;
  broadcast_shape_ = sizes;
  compute_types(config);
  const int64_t nd = static_cast<int64_t>(sizes.size());
  perm_.resize(static_cast<size_t>(nd));
  for (int64_t i = 0; i < nd; ++i) perm_[i] = nd - 1 - i;
  allocate_outputs(config);
  numel_ = first.numel();
  shape_.assign(1, numel_);
  // A single element steps by 0, as the general path's size-1 dims do.
  const bool single = numel_ == 1;
  for (Operand& op : operands_) {
    op.strides.assign(1, single ? 0 : static_cast<int64_t>(element_size(op.tensor.dtype())));
    op.data = static_cast<char*>(op.tensor.data_ptr());
  }
  return true;
}

void TensorIterator::compute_device(const TensorIteratorConfig& config) {
  // The device of the first tensor that is not a CPU scalar; 0-d CPU tensors (and
  // Python numbers) may join tensors of any device, as in torch.
  bool found = false;
  for (const Operand& op : operands_) {
    const Tensor& t = op.tensor;
    if (!t.defined()) continue;
    if (t.device().is_cpu() && t.dim() == 0) continue;
    if (!found) {
      device_ = t.device();
      found = true;
    } else if (config.allow_cross_device_) {
      if (device_.is_cpu()) device_ = t.device();
    } else {
      EMBER_CHECK(t.device().type == device_.type, "[", op_,
                  "] Expected all tensors to be on the same device, but found at least two "
                  "devices, ",
                  device_.str(), " and ", t.device().str(), "!");
    }
  }
  if (!found) {
    for (const Operand& op : operands_) {
      if (op.tensor.defined()) {
        device_ = op.tensor.device();
        break;
      }
    }
  }
}

void TensorIterator::compute_shape(const TensorIteratorConfig& config) {
  // Inputs broadcast together; a fixed-shape output (in-place ops, copy_) takes part, so
  // inputs may broadcast up to it but it may not grow.
  bool first = true;
  auto join = [&](const Shape& sizes) {
    broadcast_shape_ = first ? sizes : broadcast_shapes(broadcast_shape_, sizes, op_);
    first = false;
  };
  for (int i = noutputs_; i < ntensors(); ++i) join(operands_[i].tensor.sizes());
  for (int i = 0; i < noutputs_; ++i) {
    const Tensor& out = operands_[i].tensor;
    if (out.defined() && (!config.resize_outputs_ || ninputs() == 0)) join(out.sizes());
  }
  for (int i = 0; i < noutputs_; ++i) {
    Tensor& out = operands_[i].tensor;
    if (!out.defined() || out.sizes() == broadcast_shape_) continue;
    EMBER_CHECK(config.resize_outputs_ && out.numel() == 0, "[", op_, "] output with shape ",
                shape_str(out.sizes()), " doesn't match the broadcast shape ",
                shape_str(broadcast_shape_));
    // An empty out= tensor is resized to the result, as torch does.
    const Shape strides = contiguous_strides(broadcast_shape_);
    out.storage()->resize(static_cast<size_t>(
        storage_bytes_for(broadcast_shape_, strides, out.dtype(), out.storage_offset())));
    out.impl()->set_sizes_strides(broadcast_shape_, strides, out.storage_offset());
  }
}

void TensorIterator::compute_types(const TensorIteratorConfig& config) {
  if (config.static_common_dtype_ != ScalarType::Undefined) {
    common_dtype_ = config.static_common_dtype_;
  } else if (config.promote_inputs_) {
    ResultTypeState state;
    for (int i = noutputs_; i < ntensors(); ++i) update_result_type(state, operands_[i].tensor);
    common_dtype_ = result_type(state);
  } else if (config.check_all_same_dtype_) {
    for (int i = 0; i < ntensors(); ++i) {
      const Operand& op = operands_[i];
      if (!op.tensor.defined()) continue;
      const bool is_output = i < noutputs_;
      if (is_output && (config.cast_to_outputs_ ||
                        config.static_output_dtype_ != ScalarType::Undefined)) {
        continue;
      }
      if (common_dtype_ == ScalarType::Undefined) {
        common_dtype_ = op.tensor.dtype();
      } else {
        EMBER_CHECK_TYPE(op.tensor.dtype() == common_dtype_, "[", op_,
                         "] expected all tensors to have the same dtype, but got ",
                         scalar_type_name(common_dtype_), " and ",
                         scalar_type_name(op.tensor.dtype()));
      }
    }
  }
  if (config.promote_integer_to_float_ && common_dtype_ != ScalarType::Undefined &&
      is_integral(common_dtype_, /*include_bool=*/true)) {
    common_dtype_ = default_dtype();
  }

  // Inputs: converted to the common dtype when it is set; otherwise kept as they are
  // (the kernel handles mixed dtypes, as copy does).
  for (int i = noutputs_; i < ntensors(); ++i) {
    Operand& op = operands_[i];
    if (common_dtype_ != ScalarType::Undefined && op.tensor.dtype() != common_dtype_) {
      op.tensor = to_dtype(op.tensor, common_dtype_);
    }
    op.dtype = op.tensor.dtype();
  }

  // Outputs: the declared dtype, else the common one, else the first input's.
  ScalarType out_dtype = config.static_output_dtype_;
  if (out_dtype == ScalarType::Undefined) out_dtype = common_dtype_;
  if (out_dtype == ScalarType::Undefined && ninputs() > 0) out_dtype = operands_[noutputs_].dtype;
  for (int i = 0; i < noutputs_; ++i) {
    Operand& op = operands_[i];
    op.dtype = out_dtype;
    if (!op.tensor.defined() || out_dtype == ScalarType::Undefined) continue;
    if (op.tensor.dtype() == out_dtype) continue;
    if (common_dtype_ == ScalarType::Undefined) {  // mixed-dtype kernel writes any dtype
      op.dtype = op.tensor.dtype();
      continue;
    }
    EMBER_CHECK_TYPE(config.cast_to_outputs_, "[", op_, "] expected output dtype ",
                     scalar_type_name(out_dtype), " but got ",
                     scalar_type_name(op.tensor.dtype()));
    EMBER_CHECK(!config.enforce_safe_casting_ || can_cast(out_dtype, op.tensor.dtype()), "[", op_,
                "] result type ", scalar_type_name(out_dtype),
                " can't be cast to the desired output type ", scalar_type_name(op.tensor.dtype()));
    op.tensor = Tensor();  // computed into a temporary, then cast by finish()
  }
}

void TensorIterator::compute_permutation() {
  const int64_t nd = static_cast<int64_t>(broadcast_shape_.size());
  perm_.resize(static_cast<size_t>(nd));
  for (int64_t i = 0; i < nd; ++i) perm_[i] = nd - 1 - i;
  if (nd <= 1) return;

  // Element strides of each defined operand, broadcast to the full shape (0 where
  // broadcast).
  std::vector<Shape> strides;
  for (const Operand& op : operands_) {
    if (!op.tensor.defined()) continue;
    const Tensor& t = op.tensor;
    Shape s(static_cast<size_t>(nd), 0);
    const int64_t offset = nd - t.dim();
    for (int64_t d = 0; d < t.dim(); ++d) {
      s[offset + d] = t.sizes()[d] == 1 ? 0 : t.strides()[d];
    }
    strides.push_back(std::move(s));
  }
  // Positive: dim1 should iterate inside dim0 (it has the smaller stride).
  auto should_swap = [&](int64_t dim0, int64_t dim1) {
    for (const Shape& s : strides) {
      const int64_t s0 = s[dim0], s1 = s[dim1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (broadcast_shape_[dim0] > broadcast_shape_[dim1]) return 1;
    }
    return 0;
  };
  for (int64_t i = 1; i < nd; ++i) {
    int64_t dim1 = i;
    for (int64_t dim0 = i - 1; dim0 >= 0; --dim0) {
      const int cmp = should_swap(perm_[dim0], perm_[dim1]);
      if (cmp > 0) {
        std::swap(perm_[dim0], perm_[dim1]);
        dim1 = dim0;
      } else if (cmp < 0) {
        break;
      }
    }
  }
}

void TensorIterator::allocate_outputs(const TensorIteratorConfig& config) {
  (void)config;
  for (int i = 0; i < noutputs_; ++i) {
    Operand& op = operands_[i];
    if (op.tensor.defined()) continue;
    // Dense, with the inputs' memory order (a transposed input gives a transposed
    // output, as in torch).
    Shape strides(broadcast_shape_.size());
    int64_t running = 1;
    for (int64_t d : perm_) {
      strides[d] = running;
      running *= std::max<int64_t>(broadcast_shape_[d], 1);
    }
    op.tensor = empty_strided(broadcast_shape_, strides, op.dtype, device_);
    if (!op.original.defined()) {
      op.original = op.tensor;
      op.allocated = true;
    }
  }
}

void TensorIterator::compute_strides_and_coalesce() {
  const int64_t nd = static_cast<int64_t>(broadcast_shape_.size());
  numel_ = shape_numel(broadcast_shape_);
  shape_.resize(static_cast<size_t>(std::max<int64_t>(nd, 1)));
  for (int64_t i = 0; i < nd; ++i) shape_[i] = broadcast_shape_[perm_[i]];
  if (nd == 0) shape_[0] = 1;
  for (Operand& op : operands_) {
    const Tensor& t = op.tensor;
    const int64_t itemsize = static_cast<int64_t>(element_size(t.dtype()));
    op.strides.assign(shape_.size(), 0);
    const int64_t offset = nd - t.dim();
    for (int64_t i = 0; i < nd; ++i) {
      const int64_t d = perm_[i] - offset;  // the operand's own dim, if it has it
      if (d >= 0 && t.sizes()[d] != 1) op.strides[i] = t.strides()[d] * itemsize;
    }
    op.data = static_cast<char*>(t.data_ptr());
  }
  // Merge dim d into the dim inside it when every operand steps through both as one.
  if (shape_.size() <= 1) return;
  size_t prev = 0;
  for (size_t d = 1; d < shape_.size(); ++d) {
    bool can = shape_[prev] == 1 || shape_[d] == 1;
    if (!can) {
      can = true;
      for (const Operand& op : operands_) {
        if (op.strides[prev] * shape_[prev] != op.strides[d]) {
          can = false;
          break;
        }
      }
    }
    if (can) {
      if (shape_[prev] == 1) {
        for (Operand& op : operands_) op.strides[prev] = op.strides[d];
      }
      shape_[prev] *= shape_[d];
    } else {
      ++prev;
      if (prev != d) {
        shape_[prev] = shape_[d];
        for (Operand& op : operands_) op.strides[prev] = op.strides[d];
      }
    }
  }
  shape_.resize(prev + 1);
  for (Operand& op : operands_) op.strides.resize(prev + 1);
}

bool TensorIterator::is_scalar(int arg) const {
  for (int64_t s : operands_[arg].strides) {
    if (s != 0) return false;
  }
  return true;
}

bool TensorIterator::is_contiguous() const {
  if (shape_.size() != 1) return false;
  for (const Operand& op : operands_) {
    if (op.strides[0] != static_cast<int64_t>(element_size(op.dtype))) return false;
  }
  return true;
}

void TensorIterator::finish() {
  for (int i = 0; i < noutputs_; ++i) {
    Operand& op = operands_[i];
    if (!op.original.is_same(op.tensor)) copy_(op.original, op.tensor);
    if (!op.allocated) op.original.bump_version();
  }
}

}  // namespace ember
