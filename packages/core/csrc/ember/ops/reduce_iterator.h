// Reductions, solved once (the TensorIterator of reductions): which dims an op reduces,
// the shape of its result, its outputs (allocated, or out= checked and resized), and the
// geometry a kernel walks. The geometry splits the input's dims into kept ("outer") dims,
// one per output element, and reduced ("inner") dims, each group sorted so the smallest
// stride comes first and coalesced where dims step through memory as one. A kernel then
// sees at most a few loops with element strides and never the original layout.
//
//   ReduceIter iter = ReduceIterConfig("sum", x, mask, keepdim)
//                         .add_output(out, ScalarType::Int64).build();
//   sum_stub(iter.device.type, iter);
//
// Device-independent: the CPU loops over it live in backends/cpu/reduce_loops.h.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ember/core/tensor.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// The dims an op reduces, as the user gave them: nullopt means every dim.
using DimList = std::optional<Shape>;
// Bit d set: dim d is reduced (tensors have at most 64 dims here).
using DimMask = uint64_t;

// Wraps and checks `dims` (IndexError "Dimension out of range", RuntimeError for a
// repeated dim). An empty list means every dim for most reductions (torch's convention
// for sum(dim=())); all/any pass empty_means_all=false, where it means none.
EMBER_API DimMask make_dim_mask(const char* op, const DimList& dims, int64_t ndim,
                                bool empty_means_all = true);
EMBER_API DimMask single_dim_mask(const char* op, int64_t dim, int64_t ndim);
inline bool is_reduced(DimMask mask, int64_t d) { return (mask >> d) & 1u; }
// The result's shape: reduced dims dropped, or kept with size 1.
EMBER_API Shape reduced_shape(const Shape& sizes, DimMask mask, bool keepdim);
// Number of elements each output element reduces.
EMBER_API int64_t reduced_numel(const Shape& sizes, DimMask mask);
// torch's error for reducing an empty dim with an op that has no identity (amax, argmax,
// max, ...): "Expected reduction dim 0 to have non-zero size."
EMBER_API void check_nonempty_reduction(const char* op, const Tensor& x, DimMask mask,
                                        bool all_dims);

// The tensor an op writes into: `out` when given (its dtype must be `dtype`; an empty out
// is resized, any other shape mismatch is an error), else a new tensor.
EMBER_API Tensor prepare_output(const char* op, const Tensor& out, const Shape& shape,
                                ScalarType dtype, Device device, const char* what = "out");

struct EMBER_API ReduceIter {
  static constexpr int kMaxOutputs = 2;

  const char* op = "";
  Device device;
  ScalarType in_dtype = ScalarType::Undefined;
  ScalarType out_dtype[kMaxOutputs] = {ScalarType::Undefined, ScalarType::Undefined};
  int noutputs = 0;
  const char* in_data = nullptr;
  char* out_data[kMaxOutputs] = {nullptr, nullptr};

  // Geometry, innermost dim first, strides in elements (not bytes).
  Shape outer_sizes;  // kept dims: one output element per index
  Shape outer_in_strides;
  Shape outer_out_strides[kMaxOutputs];
  Shape inner_sizes;  // reduced dims
  Shape inner_strides;
  int64_t num_outputs = 0;  // product of outer_sizes
  int64_t reduce_size = 1;  // product of inner_sizes

  // The outputs as the caller sees them.
  Tensor outputs[kMaxOutputs];
};

// Inputs reduce in their own dtype: cast them before (to_dtype) when an op computes in
// another one.
class EMBER_API ReduceIterConfig {
 public:
  ReduceIterConfig(const char* op, const Tensor& input, DimMask mask, bool keepdim)
      : op_(op), input_(input), mask_(mask), keepdim_(keepdim) {}

  // `out` may be undefined (allocated here) or a user's out= tensor of exactly `dtype`.
  ReduceIterConfig& add_output(const Tensor& out, ScalarType dtype);
  // Reduced dims are walked in the input's logical order (last dim innermost) and merged
  // only when that keeps the order, so the linear index of an element in the reduced
  // space is its row-major index: arg reductions report it and break ties by it.
  ReduceIterConfig& logical_order(bool value) {
    logical_order_ = value;
    return *this;
  }

  ReduceIter build();

 private:
  const char* op_;
  Tensor input_;
  DimMask mask_;
  bool keepdim_;
  bool logical_order_ = false;
  std::pair<Tensor, ScalarType> outputs_[ReduceIter::kMaxOutputs];
  int noutputs_ = 0;
};

// The AVX2/AVX-512 reduction kernels exist for the hot input dtypes only (see
// kernel_registration.h); the others run the default-level kernels.
inline bool wide_simd_ok(const ReduceIter& iter) { return is_wide_simd_dtype(iter.in_dtype); }

}  // namespace ember
