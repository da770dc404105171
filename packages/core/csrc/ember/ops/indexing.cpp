// Advanced indexing (torch's aten::index and index_put_) and the flat take/put, built on
// one idea from PyTorch's IndexKernel: restride the source so that every indexed dim
// has stride 0 and the result's shape, restride each index tensor the same way, and let
// a TensorIterator walk them together; the kernel adds index * stride per indexed dim.
#include "ember/ops/indexing.h"

#include <algorithm>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/join.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(index_fn, index_stub);
EMBER_DEFINE_STUB(index_put_fn, index_put_stub);

namespace {

// Index tensors after masks were replaced by their nonzero() columns: one optional int64
// tensor per leading dim of self.
struct ExpandedIndices {
  IndexList indices;
  // True when they all come from one mask: its positions are distinct, so index_put_
  // may write them in parallel.
  bool distinct = false;
};

ExpandedIndices expand_indices(const char* op, const Tensor& self, const IndexList& indices) {
  ExpandedIndices out;
  int64_t dim = 0;
  int masks = 0, tensors = 0;
  for (const std::optional<Tensor>& entry : indices) {
    if (!entry || !entry->defined()) {
      out.indices.emplace_back(std::nullopt);
      ++dim;
      continue;
    }
    const Tensor& t = *entry;
    ++tensors;
    const ScalarType st = t.dtype();
    if (st == ScalarType::Bool || st == ScalarType::UInt8) {
      ++masks;
      EMBER_CHECK_INDEX(dim + t.dim() <= self.dim(), "[", op,
                        "] too many indices for tensor of dimension ", self.dim());
      for (int64_t j = 0; j < t.dim(); ++j) {
        EMBER_CHECK_INDEX(t.sizes()[j] == self.sizes()[dim + j], "[", op,
                          "] The shape of the mask ", detail::shape_list(t.sizes()),
                          " at index ", j, " does not match the shape of the indexed tensor ",
                          detail::shape_list(self.sizes()), " at index ", dim + j);
      }
      // The coordinates of the true elements index the mask's dims jointly.
      // A CPU mask indexing a tensor elsewhere (meta included) is read where it lives.
      Tensor coords = nonzero(t);
      if (coords.device().type != self.device().type) coords = to_device(coords, self.device());
      for (int64_t j = 0; j < t.dim(); ++j) out.indices.emplace_back(select(coords, 1, j));
      dim += t.dim();
    } else if (st == ScalarType::Int64 || st == ScalarType::Int32) {
      Tensor idx = to_dtype(t, ScalarType::Int64);
      if (idx.device().type != self.device().type) idx = to_device(idx, self.device());
      out.indices.emplace_back(std::move(idx));
      ++dim;
    } else {
      throw IndexError(detail::concat("[", op, "] tensors used as indices must be long, int, "
                                      "byte or bool tensors (got ", scalar_type_name(st), ")"));
    }
  }
  EMBER_CHECK_INDEX(dim <= self.dim(), "[", op, "] too many indices for tensor of dimension ",
                    self.dim(), " (got ", dim, ")");
  out.distinct = masks == 1 && tensors == 1;
  return out;
}

// Everything a kernel needs: the source restrided to the result's shape, the index
// tensors likewise, and the indexed dims' sizes and strides.
struct AdvancedIndex {
  Tensor src;
  std::vector<Tensor> indices;
  IndexedDims dims;
  Shape result_sizes;
  bool empty_index = true;  // no index tensor at all
};

AdvancedIndex make_advanced_index(const char* op, const Tensor& self, IndexList indices) {
  AdvancedIndex info;
  while (static_cast<int64_t>(indices.size()) < self.dim()) indices.emplace_back(std::nullopt);

  // The index tensors broadcast together.
  Shape index_shape;
  bool first = true;
  for (const auto& idx : indices) {
    if (!idx) continue;
    if (first) {
      index_shape = idx->sizes();
      first = false;
      continue;
    }
    try {
      index_shape = broadcast_shapes(index_shape, idx->sizes(), op);
    } catch (const Error&) {
      std::string list;
      for (const auto& other : indices) {
        if (other) list += (list.empty() ? "" : ", ") + detail::shape_list(other->sizes());
      }
      throw IndexError(detail::concat("[", op, "] shape mismatch: indexing tensors could not be "
                                      "broadcast together with shapes ", list));
    }
  }
  if (first) return info;
  info.empty_index = false;

  // Indexed dims separated by a whole dim move to the front (NumPy's rule); adjacent
  // ones keep their place.
  int64_t first_dim = -1, last_dim = -1, count = 0;
  bool adjacent = true;
  for (int64_t d = 0; d < static_cast<int64_t>(indices.size()); ++d) {
    if (!indices[d]) continue;
    if (first_dim < 0) {
      first_dim = d;
    } else if (last_dim != d - 1) {
      adjacent = false;
    }
    last_dim = d;
    ++count;
  }
  Tensor src = self;
  if (!adjacent) {
    Shape perm;
    IndexList reordered;
    for (int64_t d = 0; d < self.dim(); ++d) {
      if (indices[d]) {
        perm.push_back(d);
        reordered.push_back(indices[d]);
      }
    }
    for (int64_t d = 0; d < self.dim(); ++d) {
      if (!indices[d]) {
        perm.push_back(d);
        reordered.emplace_back(std::nullopt);
      }
    }
    src = permute(self, perm);
    indices = std::move(reordered);
    first_dim = 0;
  }

  const int64_t itemsize = static_cast<int64_t>(self.itemsize());
  Shape before(src.sizes().begin(), src.sizes().begin() + first_dim);
  Shape after(src.sizes().begin() + first_dim + count, src.sizes().end());
  info.result_sizes = before;
  for (int64_t s : index_shape) info.result_sizes.push_back(s);
  for (int64_t s : after) info.result_sizes.push_back(s);

  Shape src_strides;
  for (int64_t d = 0; d < first_dim; ++d) src_strides.push_back(src.strides()[d]);
  for (size_t i = 0; i < index_shape.size(); ++i) src_strides.push_back(0);
  for (int64_t d = first_dim + count; d < src.dim(); ++d) src_strides.push_back(src.strides()[d]);
  info.src = make_view(src, info.result_sizes, src_strides, src.storage_offset());

  const int64_t index_ndim = static_cast<int64_t>(index_shape.size());
  // An index tensor of the broadcast index shape seen with the result's shape.
  auto restride_index = [&](const Tensor& b) {
    Shape strides(info.result_sizes.size(), 0);
    for (int64_t k = 0; k < index_ndim; ++k) strides[first_dim + k] = b.strides()[k];
    return make_view(b, info.result_sizes, strides, b.storage_offset());
  };
  std::vector<Tensor> broadcast;
  for (int64_t j = 0; j < count; ++j) {
    const int64_t d = first_dim + j;
    const Tensor& idx = *indices[d];
    const int64_t size = src.sizes()[d];
    // An empty dim has no valid index at all (torch words this without the value).
    EMBER_CHECK_INDEX(size > 0 || idx.numel() == 0 || shape_numel(info.result_sizes) == 0, "[",
                      op, "] index is out of bounds for dimension with size 0");
    info.dims.sizes.push_back(size);
    info.dims.strides.push_back(src.strides()[d] * itemsize);
    broadcast.push_back(detail::broadcast_view(idx, index_shape));
  }
  if (broadcast.size() <= kMaxSeparateIndices) {
    for (const Tensor& b : broadcast) info.indices.push_back(restride_index(b));
  } else {
    // Too many for separate operands: one (count, *index_shape) tensor holds them all.
    const Tensor stacked = stack(broadcast, 0);
    info.dims.stacked_stride = stacked.strides()[0] * static_cast<int64_t>(sizeof(int64_t));
    info.indices.push_back(restride_index(select(stacked, 0, 0)));
  }
  info.dims.op = op;
  return info;
}

Tensor run_index(const char* op, const Tensor& self, const IndexList& indices,
                 bool flat_message = false) {
  ExpandedIndices expanded = expand_indices(op, self, indices);
  AdvancedIndex info = make_advanced_index(op, self, std::move(expanded.indices));
  if (info.empty_index) return clone(self);
  info.dims.flat_message = flat_message;
  Tensor out = empty(info.result_sizes, self.dtype(), self.device());
  TensorIteratorConfig config(op);
  config.add_output(out).add_input(info.src).check_all_same_dtype(false).resize_outputs(false);
  for (const Tensor& idx : info.indices) config.add_input(idx);
  TensorIterator iter = config.build();
  index_stub(iter.device().type, iter, info.dims);
  iter.finish();
  return out;
}

void run_index_put(const char* op, const Tensor& self, const IndexList& indices,
                   const Tensor& values, bool accumulate, bool flat_message = false) {
  EMBER_CHECK(values.dtype() == self.dtype(), "[", op,
              "] Index put requires the source and destination dtypes match, got ",
              scalar_type_name(self.dtype()), " for the destination and ",
              scalar_type_name(values.dtype()), " for the source.");
  ExpandedIndices expanded = expand_indices(op, self, indices);
  const bool distinct = expanded.distinct;
  AdvancedIndex info = make_advanced_index(op, self, std::move(expanded.indices));
  if (info.empty_index) {
    // Nothing indexed: the whole tensor is the target.
    EMBER_CHECK(!accumulate, "[", op, "] index_put_ with accumulate=True needs an index");
    copy_(self, values);
    return;
  }
  info.dims.flat_message = flat_message;
  // values broadcast to the indexing result.
  bool fits = values.dim() <= static_cast<int64_t>(info.result_sizes.size());
  for (int64_t i = 1; fits && i <= values.dim(); ++i) {
    const int64_t v = values.sizes()[values.dim() - i];
    const int64_t r = info.result_sizes[info.result_sizes.size() - i];
    fits = v == r || v == 1;
  }
  EMBER_CHECK(fits, "[", op, "] shape mismatch: value tensor of shape ",
              detail::shape_list(values.sizes()),
              " cannot be broadcast to indexing result of shape ",
              detail::shape_list(info.result_sizes));
  Tensor src = values;
  if (src.device().type != self.device().type) src = to_device(src, self.device());
  if (detail::shares_storage(src, self)) src = clone(src);  // reads must not see the writes
  TensorIteratorConfig config(op);
  config.add_output(info.src)
      .add_input(detail::broadcast_view(src, info.result_sizes))
      .check_all_same_dtype(false)
      .resize_outputs(false);
  for (const Tensor& idx : info.indices) config.add_input(idx);
  TensorIterator iter = config.build();
  index_put_stub(iter.device().type, iter, info.dims, accumulate,
                 /*serial=*/accumulate || !distinct);
  iter.finish();
}

}  // namespace

Tensor index(const Tensor& self, const IndexList& indices) {
  OpScope scope("index");
  return run_index("index", self, indices);
}

const Tensor& index_put_(const Tensor& self, const IndexList& indices, const Tensor& values,
                         bool accumulate) {
  OpScope scope("index_put_");
  run_index_put("index_put_", self, indices, values, accumulate);
  return self;
}

Tensor index_put(const Tensor& self, const IndexList& indices, const Tensor& values,
                 bool accumulate) {
  OpScope scope("index_put");
  Tensor out = clone(self);
  run_index_put("index_put", out, indices, values, accumulate);
  return out;
}

// ---- take / put ----------------------------------------------------------------------------

namespace {

void check_long_index(const char* op, const Tensor& index) {
  EMBER_CHECK(index.dtype() == ScalarType::Int64, "[", op, "] ", op,
              "(): Expected a long tensor for index, but got ", scalar_type_name(index.dtype()));
}

}  // namespace

Tensor take(const Tensor& self, const Tensor& index) {
  OpScope scope("take");
  check_long_index("take", index);
  const Tensor flat = reshape(self, {-1});
  EMBER_CHECK_INDEX(flat.numel() > 0 || index.numel() == 0, "[take] take(): tried to take from "
                    "an empty tensor");
  return run_index("take", flat, {index}, /*flat_message=*/true);
}

const Tensor& put_(const Tensor& self, const Tensor& index, const Tensor& source,
                   bool accumulate) {
  OpScope scope("put_");
  check_long_index("put_", index);
  EMBER_CHECK(self.dtype() == source.dtype(), "[put_] put_(): self and source expected to have "
              "the same dtype, but got self.dtype = ", scalar_type_name(self.dtype()),
              " and source.dtype = ", scalar_type_name(source.dtype()));
  EMBER_CHECK(index.numel() == source.numel(), "[put_] put_(): Expected source and index to have "
              "the same number of elements, but got source.numel() = ", source.numel(),
              ", index.numel() = ", index.numel());
  EMBER_CHECK_INDEX(self.numel() > 0 || index.numel() == 0, "[put_] put_(): Tried to put "
                    "elements into an empty tensor");
  if (index.numel() == 0) {
    self.bump_version();
    return self;
  }
  // A flat view when self allows one; otherwise put into a dense copy and write it back.
  const bool dense = self.is_contiguous();
  const Tensor flat = dense ? view(self, {-1}) : view(contiguous(self), {-1});
  run_index_put("put_", flat, {reshape(index, {-1})}, reshape(source, {-1}), accumulate,
                /*flat_message=*/true);
  if (!dense) copy_(self, view(flat, self.sizes()));
  return self;
}

Tensor put(const Tensor& self, const Tensor& index, const Tensor& source, bool accumulate) {
  OpScope scope("put");
  Tensor out = clone(self);
  put_(out, index, source, accumulate);
  return out;
}

}  // namespace ember
