#include "ember/ops/reduce_iterator.h"

#include <algorithm>
#include <numeric>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"

namespace ember {

DimMask make_dim_mask(const char* op, const DimList& dims, int64_t ndim, bool empty_means_all) {
  EMBER_CHECK(ndim <= 64, "[", op, "] reductions support tensors of at most 64 dims, got ", ndim);
  const DimMask all = ndim == 64 ? ~DimMask(0) : ((DimMask(1) << ndim) - 1);
  if (!dims) return all;
  if (dims->empty()) return empty_means_all ? all : 0;
  DimMask mask = 0;
  for (int64_t d : *dims) {
    const int64_t w = wrap_dim(d, ndim, op);
    if (ndim == 0) continue;  // a 0-d tensor accepts dim 0 / -1 and reduces nothing
    EMBER_CHECK(!is_reduced(mask, w), "[", op, "] dim ", w,
                " appears multiple times in the list of dims");
    mask |= DimMask(1) << w;
  }
  return mask;
}

DimMask single_dim_mask(const char* op, int64_t dim, int64_t ndim) {
  return make_dim_mask(op, Shape{dim}, ndim);
}

Shape reduced_shape(const Shape& sizes, DimMask mask, bool keepdim) {
  Shape out;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (!is_reduced(mask, static_cast<int64_t>(d))) {
      out.push_back(sizes[d]);
    } else if (keepdim) {
      out.push_back(1);
    }
  }
  return out;
}

int64_t reduced_numel(const Shape& sizes, DimMask mask) {
  int64_t n = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (is_reduced(mask, static_cast<int64_t>(d))) n *= sizes[d];
  }
  return n;
}

void check_nonempty_reduction(const char* op, const Tensor& x, DimMask mask, bool all_dims) {
  if (x.numel() != 0) return;
  if (all_dims) {
    throw Error(detail::concat("[", op, "] ", op, "(): Expected reduction dim to be specified for "
                               "input.numel() == 0. Specify the reduction dim with the 'dim' "
                               "argument."));
  }
  for (int64_t d = 0; d < x.dim(); ++d) {
    EMBER_CHECK_INDEX(!(is_reduced(mask, d) && x.sizes()[d] == 0), "[", op, "] ", op,
                      "(): Expected reduction dim ", d, " to have non-zero size.");
  }
}

Tensor prepare_output(const char* op, const Tensor& out, const Shape& shape, ScalarType dtype,
                      Device device, const char* what) {
  if (!out.defined()) return empty(shape, dtype, device);
  EMBER_CHECK(out.dtype() == dtype, "[", op, "] Expected ", what, " tensor to have dtype ",
              scalar_type_name(dtype), ", but got ", scalar_type_name(out.dtype()), " instead");
  EMBER_CHECK(out.device().type == device.type, "[", op, "] Expected ", what,
              " tensor on device ", device.str(), ", but got ", out.device().str());
  if (out.sizes() != shape) {
    EMBER_CHECK(out.numel() == 0, "[", op, "] ", what, " tensor with shape ",
                shape_str(out.sizes()), " doesn't match the result shape ", shape_str(shape));
    // An empty out= tensor is resized to the result, as torch does.
    const Shape strides = contiguous_strides(shape);
    out.storage()->resize(static_cast<size_t>(
        storage_bytes_for(shape, strides, out.dtype(), out.storage_offset())));
    out.impl()->set_sizes_strides(shape, strides, out.storage_offset());
  }
  return out;
}

ReduceIterConfig& ReduceIterConfig::add_output(const Tensor& out, ScalarType dtype) {
  EMBER_CHECK(noutputs_ < ReduceIter::kMaxOutputs, "[", op_, "] too many outputs");
  outputs_[noutputs_++] = {out, dtype};
  return *this;
}

namespace {

struct Dim {
  int64_t size;
  int64_t in_stride;
  int64_t out_stride[ReduceIter::kMaxOutputs];
};

// At most 64 dims (make_dim_mask checks): fixed storage, no heap on the per-call path.
struct DimList64 {
  Dim dims[64];
  int n = 0;
  void push_back(const Dim& d) { dims[n++] = d; }
  Dim* begin() { return dims; }
  Dim* end() { return dims + n; }
};

// Sorts dims by input stride (smallest first) unless `keep_order`, then merges each dim
// into the one inside it when every operand steps through both as one.
void sort_and_coalesce(DimList64& dims, int noutputs, bool keep_order) {
  if (!keep_order) {
    // A stable insertion sort: a handful of dims, and std::stable_sort would allocate.
    auto less = [&](const Dim& a, const Dim& b) {
      if (a.in_stride != b.in_stride) return a.in_stride < b.in_stride;
      return noutputs > 0 && a.out_stride[0] < b.out_stride[0];
    };
    for (int i = 1; i < dims.n; ++i) {
      const Dim d = dims.dims[i];
      int j = i;
      for (; j > 0 && less(d, dims.dims[j - 1]); --j) dims.dims[j] = dims.dims[j - 1];
      dims.dims[j] = d;
    }
  }
  int merged = 0;
  for (int i = 0; i < dims.n; ++i) {
    const Dim& d = dims.dims[i];
    if (merged > 0) {
      Dim& inner = dims.dims[merged - 1];
      bool can = inner.in_stride * inner.size == d.in_stride;
      for (int k = 0; k < noutputs && can; ++k) {
        can = inner.out_stride[k] * inner.size == d.out_stride[k];
      }
      if (can) {
        inner.size *= d.size;
        continue;
      }
    }
    dims.dims[merged++] = d;
  }
  dims.n = merged;
}

}  // namespace

ReduceIter ReduceIterConfig::build() {
  ReduceIter iter;
  iter.op = op_;
  iter.device = input_.device();
  iter.in_dtype = input_.dtype();
  iter.in_data = static_cast<const char*>(input_.data_ptr());
  iter.noutputs = noutputs_;

  const Shape& sizes = input_.sizes();
  const Shape out_shape = reduced_shape(sizes, mask_, keepdim_);
  for (int k = 0; k < iter.noutputs; ++k) {
    const auto& [out, dtype] = outputs_[k];
    iter.outputs[k] = prepare_output(op_, out, out_shape, dtype, iter.device,
                                     k == 0 ? "out" : "indices");
    iter.out_dtype[k] = dtype;
    iter.out_data[k] = static_cast<char*>(iter.outputs[k].data_ptr());
  }

  // Input dim d -> its output dim (when kept).
  DimList64 outer, inner;
  int64_t out_dim = 0;
  for (int64_t d = 0; d < input_.dim(); ++d) {
    const bool reduced = is_reduced(mask_, d);
    Dim dim{sizes[d], input_.strides()[d], {0, 0}};
    if (!reduced || keepdim_) {
      for (int k = 0; k < iter.noutputs; ++k) {
        dim.out_stride[k] = iter.outputs[k].strides()[out_dim];
      }
      ++out_dim;
    }
    if (sizes[d] == 1) continue;  // contributes nothing to either loop
    (reduced ? inner : outer).push_back(dim);
  }
  // Innermost first: the last logical dim leads when the order must be kept.
  std::reverse(outer.begin(), outer.end());
  std::reverse(inner.begin(), inner.end());
  sort_and_coalesce(outer, iter.noutputs, /*keep_order=*/false);
  sort_and_coalesce(inner, 0, logical_order_);

  iter.num_outputs = 1;
  for (const Dim& d : outer) {
    iter.outer_sizes.push_back(d.size);
    iter.outer_in_strides.push_back(d.in_stride);
    for (int k = 0; k < iter.noutputs; ++k) iter.outer_out_strides[k].push_back(d.out_stride[k]);
    iter.num_outputs *= d.size;
  }
  iter.reduce_size = 1;
  for (const Dim& d : inner) {
    iter.inner_sizes.push_back(d.size);
    iter.inner_strides.push_back(d.in_stride);
    iter.reduce_size *= d.size;
  }
  if (iter.num_outputs == 0) iter.reduce_size = reduced_numel(sizes, mask_);
  if (input_.numel() == 0 && iter.num_outputs != 0) iter.reduce_size = 0;
  return iter;
}

}  // namespace ember
