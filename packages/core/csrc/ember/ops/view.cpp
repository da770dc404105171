#include "ember/autograd/record.h"
#include "ember/autograd/sum_to.h"
#include "ember/ops/creation.h"
#include "ember/ops/view.h"

#include <algorithm>
#include <numeric>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"

namespace ember {

// ---- derivatives --------------------------------------------------------------------
// A view's gradient is a function of the incoming gradient alone (reshape it back,
// transpose it back, sum an expanded dim, or place it into zeros at the view's
// position). The output is marked a view of the root base, so in-place writes to it
// are checked.
namespace {

template <typename F>
class ViewBackward final : public autograd::Node {
 public:
  ViewBackward(const char* name, F formula) : name_(name), formula_(std::move(formula)) {}
  autograd::variable_list apply(autograd::variable_list&& grads) override {
    return {formula_(grads[0])};
  }
  std::string name() const override { return name_; }

 private:
  const char* name_;
  F formula_;
};

template <typename F>
Tensor record_view(Tensor out, const Tensor& base, const char* node_name, F formula) {
  if (!autograd::compute_requires_grad(base)) return out;
  auto node = std::make_shared<ViewBackward<F>>(node_name, std::move(formula));
  node->set_next_edges({autograd::gradient_edge(base)});
  autograd::set_history(out, node);
  if (auto* meta = autograd::meta_of(out)) {
    const auto* base_meta = autograd::meta_of(base);
    meta->is_view = true;
    meta->view_base = base_meta != nullptr && base_meta->is_view ? base_meta->view_base : base;
  }
  return out;
}

// The gradient of a view that picks some elements of the base: zeros of the base's shape
// with g written where the view's elements are (`view_of` re-applies the view).
template <typename V>
Tensor scatter_into_zeros(const Tensor& g, const Shape& base_sizes, V view_of) {
  Tensor z = zeros(base_sizes, g.dtype(), g.device());
  copy_(view_of(z), g);
  return z;
}

}  // namespace


Shape infer_size(const Shape& size, int64_t numel, const char* op) {
  Shape out = size;
  int64_t known = 1;
  std::optional<size_t> infer;
  for (size_t i = 0; i < size.size(); ++i) {
    if (size[i] == -1) {
      EMBER_CHECK(!infer, "[", op, "] only one dimension can be inferred");
      infer = i;
    } else {
      EMBER_CHECK(size[i] >= 0, "[", op, "] invalid shape dimension ", size[i]);
      known *= size[i];
    }
  }
  if (infer) {
    EMBER_CHECK(known != 0 && numel % known == 0, "[", op, "] shape '", shape_str(size),
                "' is invalid for input of size ", numel);
    out[*infer] = numel / known;
  } else {
    EMBER_CHECK(known == numel, "[", op, "] shape '", shape_str(size),
                "' is invalid for input of size ", numel);
  }
  return out;
}

std::optional<Shape> compute_view_strides(const Shape& old_size, const Shape& old_stride,
                                          const Shape& new_size) {
  // Walk both shapes in chunks that are contiguous in memory (torch's algorithm): a
  // chunk of old dims can be re-split into new dims only if it is itself contiguous.
  Shape new_stride(new_size.size());
  if (old_size.empty()) {
    std::fill(new_stride.begin(), new_stride.end(), 1);
    return new_stride;
  }
  const int64_t numel = shape_numel(old_size);
  if (numel == 0) {
    if (old_size == new_size) return old_stride;
    return contiguous_strides(new_size);
  }
  int64_t view_d = static_cast<int64_t>(new_size.size()) - 1;
  int64_t chunk_base_stride = old_stride.back();
  int64_t tensor_numel = 1;
  int64_t view_numel = 1;
  for (int64_t d = static_cast<int64_t>(old_size.size()) - 1; d >= 0; --d) {
    tensor_numel *= old_size[d];
    if (d == 0 || (old_size[d - 1] != 1 && old_stride[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || new_size[view_d] == 1)) {
        new_stride[view_d] = view_numel * chunk_base_stride;
        view_numel *= new_size[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (d > 0) {
        chunk_base_stride = old_stride[d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return new_stride;
}

Tensor view(const Tensor& t, const Shape& size) {
  OpScope scope("view");
  const Shape sizes = infer_size(size, t.numel(), "view");
  auto strides = compute_view_strides(t.sizes(), t.strides(), sizes);
  EMBER_CHECK(strides.has_value(),
              "[view] view size is not compatible with input tensor's size and stride (at least "
              "one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  return record_view(make_view(t, sizes, *strides, t.storage_offset()), t, "ViewBackward0",
                     [in = t.sizes()](const Tensor& g) { return reshape(g, in); });
}

Tensor reshape(const Tensor& t, const Shape& size) {
  OpScope scope("reshape");
  const Shape sizes = infer_size(size, t.numel(), "reshape");
  auto grad = [in = t.sizes()](const Tensor& g) { return reshape(g, in); };
  if (auto strides = compute_view_strides(t.sizes(), t.strides(), sizes)) {
    return record_view(make_view(t, sizes, *strides, t.storage_offset()), t, "ViewBackward0",
                       grad);
  }
  Tensor dense;
  {
    autograd::NoGradIf no_grad(autograd::compute_requires_grad(t));
    dense = contiguous(t);
  }
  Tensor out = make_view(dense, sizes, contiguous_strides(sizes), dense.storage_offset());
  if (!autograd::compute_requires_grad(t)) return out;
  // A copy, not a view of t: recorded as a plain op.
  auto node = std::make_shared<ViewBackward<decltype(grad)>>("UnsafeViewBackward0", grad);
  node->set_next_edges({autograd::gradient_edge(t)});
  autograd::set_history(out, node);
  return out;
}

Tensor as_strided(const Tensor& t, const Shape& size, const Shape& stride,
                  std::optional<int64_t> storage_offset) {
  OpScope scope("as_strided");
  check_sizes(size, "as_strided");
  EMBER_CHECK(size.size() == stride.size(), "[as_strided] mismatch in length of strides (",
              stride.size(), ") and shape (", size.size(), ")");
  for (int64_t s : stride) {
    EMBER_CHECK(s >= 0, "[as_strided] Negative strides are not supported at the moment, got "
                "strides: ", shape_str(stride));
  }
  const int64_t offset = storage_offset.value_or(t.storage_offset());
  EMBER_CHECK(offset >= 0, "[as_strided] Tensor: invalid storage offset ", offset);
  const int64_t needed = storage_bytes_for(size, stride, t.dtype(), offset);
  EMBER_CHECK(needed <= static_cast<int64_t>(t.storage()->nbytes()),
              "[as_strided] setStorage: sizes ", shape_str(size), ", strides ", shape_str(stride),
              ", storage offset ", offset, ", and itemsize ", t.itemsize(),
              " requiring a storage size of ", needed, " are out of bounds for storage of size ",
              t.storage()->nbytes());
  EMBER_CHECK(!autograd::compute_requires_grad(t), "[as_strided] the backward of as_strided "
              "is not implemented yet (the input requires grad)");
  return make_view(t, size, stride, offset);
}

Tensor alias(const Tensor& t) {
  return record_view(make_view(t, t.sizes(), t.strides(), t.storage_offset()), t,
                     "AliasBackward0", [](const Tensor& g) { return g; });
}

Tensor flatten(const Tensor& t, int64_t start_dim, int64_t end_dim) {
  OpScope scope("flatten");
  if (t.dim() == 0) return reshape(t, {1});
  start_dim = wrap_dim(start_dim, t.dim(), "flatten");
  end_dim = wrap_dim(end_dim, t.dim(), "flatten");
  EMBER_CHECK(start_dim <= end_dim, "[flatten] start_dim cannot come after end_dim");
  if (start_dim == end_dim) return t;
  Shape size;
  for (int64_t d = 0; d < start_dim; ++d) size.push_back(t.sizes()[d]);
  int64_t merged = 1;
  for (int64_t d = start_dim; d <= end_dim; ++d) merged *= t.sizes()[d];
  size.push_back(merged);
  for (int64_t d = end_dim + 1; d < t.dim(); ++d) size.push_back(t.sizes()[d]);
  return reshape(t, size);
}

Tensor unflatten(const Tensor& t, int64_t dim, const Shape& sizes) {
  OpScope scope("unflatten");
  dim = wrap_dim(dim, t.dim(), "unflatten");
  EMBER_CHECK(!sizes.empty(), "[unflatten] sizes must be non-empty");
  const Shape inferred = infer_size(sizes, t.sizes()[dim], "unflatten");
  Shape size;
  for (int64_t d = 0; d < dim; ++d) size.push_back(t.sizes()[d]);
  for (int64_t s : inferred) size.push_back(s);
  for (int64_t d = dim + 1; d < t.dim(); ++d) size.push_back(t.sizes()[d]);
  return view(t, size);
}

Tensor squeeze(const Tensor& t) {
  OpScope scope("squeeze");
  Shape size, stride;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (t.sizes()[d] != 1) {
      size.push_back(t.sizes()[d]);
      stride.push_back(t.strides()[d]);
    }
  }
  return record_view(make_view(t, size, stride, t.storage_offset()), t, "SqueezeBackward0",
                     [in = t.sizes()](const Tensor& g) { return reshape(g, in); });
}

Tensor squeeze(const Tensor& t, const Shape& dims) {
  OpScope scope("squeeze");
  std::vector<bool> drop(static_cast<size_t>(std::max<int64_t>(t.dim(), 1)), false);
  for (int64_t d : dims) drop[wrap_dim(d, t.dim(), "squeeze")] = true;
  Shape size, stride;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (drop[d] && t.sizes()[d] == 1) continue;
    size.push_back(t.sizes()[d]);
    stride.push_back(t.strides()[d]);
  }
  return record_view(make_view(t, size, stride, t.storage_offset()), t, "SqueezeBackward1",
                     [in = t.sizes()](const Tensor& g) { return reshape(g, in); });
}

Tensor unsqueeze(const Tensor& t, int64_t dim) {
  OpScope scope("unsqueeze");
  dim = wrap_dim(dim, t.dim() + 1, "unsqueeze");
  Shape size = t.sizes(), stride = t.strides();
  const int64_t new_stride = dim >= t.dim() ? 1 : t.sizes()[dim] * t.strides()[dim];
  size.insert(size.begin() + dim, 1);
  stride.insert(stride.begin() + dim, new_stride);
  return record_view(make_view(t, size, stride, t.storage_offset()), t, "UnsqueezeBackward0",
                     [dim](const Tensor& g) { return squeeze(g, Shape{dim}); });
}

Tensor transpose(const Tensor& t, int64_t dim0, int64_t dim1) {
  OpScope scope("transpose");
  dim0 = wrap_dim(dim0, t.dim(), "transpose");
  dim1 = wrap_dim(dim1, t.dim(), "transpose");
  if (t.dim() == 0) return alias(t);
  Shape size = t.sizes(), stride = t.strides();
  std::swap(size[dim0], size[dim1]);
  std::swap(stride[dim0], stride[dim1]);
  return record_view(make_view(t, size, stride, t.storage_offset()), t, "TransposeBackward0",
                     [dim0, dim1](const Tensor& g) { return transpose(g, dim0, dim1); });
}

Tensor permute(const Tensor& t, const Shape& dims) {
  OpScope scope("permute");
  EMBER_CHECK(static_cast<int64_t>(dims.size()) == t.dim(),
              "[permute] number of dims don't match in permute: input has ", t.dim(),
              " dims but got ", dims.size());
  Shape size(dims.size()), stride(dims.size());
  std::vector<bool> seen(dims.size(), false);
  for (size_t i = 0; i < dims.size(); ++i) {
    const int64_t d = wrap_dim(dims[i], t.dim(), "permute");
    EMBER_CHECK(!seen[d], "[permute] repeated dim in permute: ", shape_str(dims));
    seen[d] = true;
    size[i] = t.sizes()[d];
    stride[i] = t.strides()[d];
  }
  Shape inverse(dims.size());
  for (size_t i = 0; i < dims.size(); ++i) inverse[wrap_dim(dims[i], t.dim(), "permute")] = i;
  return record_view(make_view(t, size, stride, t.storage_offset()), t, "PermuteBackward0",
                     [inverse](const Tensor& g) { return permute(g, inverse); });
}

Tensor t(const Tensor& x) {
  EMBER_CHECK(x.dim() <= 2, "[t] t() expects a tensor with <= 2 dimensions, but self is ",
              x.dim(), "D");
  if (x.dim() < 2) return alias(x);
  return transpose(x, 0, 1);
}

Tensor matrix_transpose(const Tensor& x) {
  EMBER_CHECK(x.dim() >= 2, "[mT] tensor.mT is only supported on matrices or batches of "
              "matrices. Got ", x.dim(), "-D tensor.");
  return transpose(x, -2, -1);
}

Tensor expand(const Tensor& t, const Shape& size) {
  OpScope scope("expand");
  EMBER_CHECK(static_cast<int64_t>(size.size()) >= t.dim(), "[expand] the number of sizes "
              "provided (", size.size(), ") must be greater or equal to the number of dimensions "
              "in the tensor (", t.dim(), ")");
  const int64_t nd = static_cast<int64_t>(size.size());
  const int64_t offset = nd - t.dim();
  Shape out_size(size.size()), out_stride(size.size());
  for (int64_t i = nd - 1; i >= 0; --i) {
    const int64_t d = i - offset;
    const int64_t has = d >= 0 ? t.sizes()[d] : 1;
    const int64_t has_stride = d >= 0 ? t.strides()[d] : 0;
    int64_t want = size[i];
    if (want == -1) {
      EMBER_CHECK(d >= 0, "[expand] The expanded size of the tensor (-1) isn't allowed in a "
                  "leading, non-existing dimension ", i);
      want = has;
    }
    EMBER_CHECK(want >= 0, "[expand] invalid size ", want);
    if (has == want) {
      out_size[i] = has;
      out_stride[i] = has_stride;
    } else {
      EMBER_CHECK(has == 1, "[expand] The expanded size of the tensor (", want,
                  ") must match the existing size (", has, ") at non-singleton dimension ", i,
                  ".  Target sizes: ", shape_str(size), ".  Tensor sizes: ",
                  shape_str(t.sizes()));
      out_size[i] = want;
      out_stride[i] = 0;
    }
  }
  return record_view(make_view(t, out_size, out_stride, t.storage_offset()), t,
                     "ExpandBackward0",
                     [in = t.sizes()](const Tensor& g) { return autograd::sum_to(g, in); });
}

Tensor narrow(const Tensor& t, int64_t dim, int64_t start, int64_t length) {
  OpScope scope("narrow");
  EMBER_CHECK(t.dim() > 0, "[narrow] narrow() cannot be applied to a 0-dim tensor.");
  dim = wrap_dim(dim, t.dim(), "narrow");
  const int64_t size = t.sizes()[dim];
  EMBER_CHECK_INDEX(start >= -size && start <= size, "[narrow] start out of range (expected to "
                    "be in range of [", -size, ", ", size, "], but got ", start, ")");
  if (start < 0) start += size;
  EMBER_CHECK(length >= 0 && start <= size - length, "[narrow] start (", start, ") + length (",
              length, ") exceeds dimension size (", size, ").");
  Shape sizes = t.sizes();
  sizes[dim] = length;
  return record_view(
      make_view(t, sizes, t.strides(), t.storage_offset() + start * t.strides()[dim]), t,
      "NarrowBackward0", [in = t.sizes(), dim, start, length](const Tensor& g) {
        return scatter_into_zeros(g, in, [&](const Tensor& z) {
          return narrow(z, dim, start, length);
        });
      });
}

Tensor select(const Tensor& t, int64_t dim, int64_t index) {
  OpScope scope("select");
  EMBER_CHECK_INDEX(t.dim() > 0, "[select] invalid index of a 0-dim tensor. Use `tensor.item()` "
                    "in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a "
                    "number");
  dim = wrap_dim(dim, t.dim(), "select");
  const int64_t size = t.sizes()[dim];
  EMBER_CHECK_INDEX(index >= -size && index < size, "index ", index,
                    " is out of bounds for dimension ", dim, " with size ", size);
  if (index < 0) index += size;
  Shape sizes = t.sizes(), strides = t.strides();
  const int64_t offset = t.storage_offset() + index * strides[dim];
  sizes.erase(sizes.begin() + dim);
  strides.erase(strides.begin() + dim);
  return record_view(make_view(t, sizes, strides, offset), t, "SelectBackward0",
                     [in = t.sizes(), dim, index](const Tensor& g) {
                       return scatter_into_zeros(
                           g, in, [&](const Tensor& z) { return select(z, dim, index); });
                     });
}

Tensor slice(const Tensor& t, int64_t dim, std::optional<int64_t> start_opt,
             std::optional<int64_t> end_opt, int64_t step) {
  EMBER_CHECK_VALUE(step > 0, "[slice] step must be greater than zero");
  dim = wrap_dim(dim, t.dim(), "slice");
  const int64_t size = t.sizes()[dim];
  auto clamp_index = [size](int64_t i) {
    if (i < 0) i += size;
    return std::clamp<int64_t>(i, 0, size);
  };
  const int64_t start = start_opt ? clamp_index(*start_opt) : 0;
  const int64_t end = std::max(start, end_opt ? clamp_index(*end_opt) : size);
  Shape sizes = t.sizes(), strides = t.strides();
  sizes[dim] = (end - start + step - 1) / step;
  const int64_t offset = t.storage_offset() + start * strides[dim];
  strides[dim] *= step;
  return record_view(make_view(t, sizes, strides, offset), t, "SliceBackward0",
                     [in = t.sizes(), dim, start, end, step](const Tensor& g) {
                       return scatter_into_zeros(g, in, [&](const Tensor& z) {
                         return slice(z, dim, start, end, step);
                       });
                     });
}

std::vector<Tensor> unbind(const Tensor& t, int64_t dim) {
  OpScope scope("unbind");
  EMBER_CHECK_INDEX(t.dim() > 0, "[unbind] Dimension specified as 0 but tensor has no dimensions");
  dim = wrap_dim(dim, t.dim(), "unbind");
  std::vector<Tensor> out;
  for (int64_t i = 0; i < t.sizes()[dim]; ++i) out.push_back(select(t, dim, i));
  return out;
}

std::vector<Tensor> split_with_sizes(const Tensor& t, const Shape& sizes, int64_t dim) {
  OpScope scope("split_with_sizes");
  EMBER_CHECK(t.dim() > 0, "[split] split expects at least a 1-dimensional tensor");
  dim = wrap_dim(dim, t.dim(), "split");
  int64_t total = 0;
  for (int64_t s : sizes) {
    EMBER_CHECK(s >= 0, "[split_with_sizes] expects split_sizes have only non-negative entries, "
                "but got split_sizes=", shape_str(sizes));
    total += s;
  }
  EMBER_CHECK(total == t.sizes()[dim], "[split_with_sizes] expects split_sizes to sum exactly to ",
              t.sizes()[dim], " (input tensor's size at dimension ", dim, "), but got "
              "split_sizes=", shape_str(sizes));
  std::vector<Tensor> out;
  int64_t start = 0;
  for (int64_t s : sizes) {
    out.push_back(narrow(t, dim, start, s));
    start += s;
  }
  return out;
}

std::vector<Tensor> split(const Tensor& t, int64_t split_size, int64_t dim) {
  EMBER_CHECK(t.dim() > 0, "[split] split expects at least a 1-dimensional tensor");
  dim = wrap_dim(dim, t.dim(), "split");
  const int64_t size = t.sizes()[dim];
  EMBER_CHECK(split_size >= 0, "[split] split expects split_size be non-negative, but got "
              "split_size=", split_size);
  EMBER_CHECK(split_size > 0 || size == 0, "[split] split_size can only be 0 if dimension size "
              "is 0, but got dimension size of ", size);
  Shape sizes;
  const int64_t n = split_size == 0 ? 1 : std::max<int64_t>((size + split_size - 1) / split_size, 1);
  for (int64_t i = 0; i < n; ++i) sizes.push_back(std::min(split_size, size - i * split_size));
  return split_with_sizes(t, sizes, dim);
}

std::vector<Tensor> chunk(const Tensor& t, int64_t chunks, int64_t dim) {
  EMBER_CHECK(t.dim() > 0, "[chunk] chunk expects at least a 1-dimensional tensor");
  EMBER_CHECK(chunks > 0, "[chunk] chunk expects `chunks` to be greater than 0, got: ", chunks);
  dim = wrap_dim(dim, t.dim(), "chunk");
  const int64_t size = t.sizes()[dim];
  const int64_t split_size = (size + chunks - 1) / chunks;
  if (split_size == 0 && size == 0) {
    Shape sizes(static_cast<size_t>(chunks), 0);
    return split_with_sizes(t, sizes, dim);
  }
  return split(t, split_size, dim);
}

std::vector<Tensor> tensor_split(const Tensor& t, int64_t sections, int64_t dim) {
  OpScope scope("tensor_split");
  EMBER_CHECK(t.dim() > 0, "[tensor_split] expected at least a 1-dimensional tensor, but got a "
              "tensor with 0 dims");
  EMBER_CHECK(sections > 0, "[tensor_split] number of sections must be larger than 0, got ",
              sections);
  dim = wrap_dim(dim, t.dim(), "tensor_split");
  const int64_t size = t.sizes()[dim];
  const int64_t base = size / sections, extra = size % sections;
  Shape sizes;
  for (int64_t i = 0; i < sections; ++i) sizes.push_back(base + (i < extra ? 1 : 0));
  return split_with_sizes(t, sizes, dim);
}

std::vector<Tensor> tensor_split_indices(const Tensor& t, const Shape& indices, int64_t dim) {
  OpScope scope("tensor_split");
  EMBER_CHECK(t.dim() > 0, "[tensor_split] expected at least a 1-dimensional tensor, but got a "
              "tensor with 0 dims");
  dim = wrap_dim(dim, t.dim(), "tensor_split");
  const int64_t size = t.sizes()[dim];
  std::vector<Tensor> out;
  int64_t start = 0;
  auto clamp_index = [size](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + size : i, 0, size); };
  for (int64_t index : indices) {
    const int64_t end = std::max(clamp_index(index), start);
    out.push_back(narrow(t, dim, start, end - start));
    start = end;
  }
  out.push_back(narrow(t, dim, start, size - start));
  return out;
}

Tensor diagonal(const Tensor& t, int64_t offset, int64_t dim1, int64_t dim2) {
  OpScope scope("diagonal");
  dim1 = wrap_dim(dim1, t.dim(), "diagonal");
  dim2 = wrap_dim(dim2, t.dim(), "diagonal");
  EMBER_CHECK(dim1 != dim2, "[diagonal] diagonal dimensions cannot be identical ", dim1, ", ",
              dim2);
  int64_t length;
  int64_t start = t.storage_offset();
  if (offset >= 0) {
    length = std::max<int64_t>(std::min(t.sizes()[dim1], t.sizes()[dim2] - offset), 0);
    if (length > 0) start += offset * t.strides()[dim2];
  } else {
    length = std::max<int64_t>(std::min(t.sizes()[dim1] + offset, t.sizes()[dim2]), 0);
    if (length > 0) start -= offset * t.strides()[dim1];
  }
  Shape sizes, strides;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (d == dim1 || d == dim2) continue;
    sizes.push_back(t.sizes()[d]);
    strides.push_back(t.strides()[d]);
  }
  sizes.push_back(length);
  strides.push_back(t.strides()[dim1] + t.strides()[dim2]);
  return record_view(make_view(t, sizes, strides, start), t, "DiagonalBackward0",
                     [in = t.sizes(), offset, dim1, dim2](const Tensor& g) {
                       return scatter_into_zeros(g, in, [&](const Tensor& z) {
                         return diagonal(z, offset, dim1, dim2);
                       });
                     });
}

Tensor movedim(const Tensor& t, const Shape& source, const Shape& destination) {
  OpScope scope("movedim");
  EMBER_CHECK(source.size() == destination.size(), "[movedim] Invalid source or destination "
              "dims: source (", shape_str(source), " dims) should contain the same number of dims "
              "as destination (", shape_str(destination), " dims)");
  const int64_t nd = t.dim();
  Shape order(static_cast<size_t>(nd), -1);
  std::vector<bool> used_src(static_cast<size_t>(nd), false), used_dst(static_cast<size_t>(nd), false);
  for (size_t i = 0; i < source.size(); ++i) {
    const int64_t s = wrap_dim(source[i], nd, "movedim");
    const int64_t d = wrap_dim(destination[i], nd, "movedim");
    EMBER_CHECK(!used_src[s], "[movedim] repeated dim in `source` (", shape_str(source), ")");
    EMBER_CHECK(!used_dst[d], "[movedim] repeated dim in `destination` (",
                shape_str(destination), ")");
    used_src[s] = used_dst[d] = true;
    order[d] = s;
  }
  int64_t next_src = 0;
  for (int64_t d = 0; d < nd; ++d) {
    if (order[d] != -1) continue;
    while (used_src[next_src]) ++next_src;
    order[d] = next_src++;
  }
  return permute(t, order);
}

Tensor unfold(const Tensor& t, int64_t dim, int64_t size, int64_t step) {
  OpScope scope("unfold");
  dim = wrap_dim(dim, t.dim(), "unfold");
  const int64_t dim_size = t.dim() == 0 ? 1 : t.sizes()[dim];
  EMBER_CHECK(size <= dim_size, "[unfold] maximum size for tensor at dimension ", dim, " is ",
              dim_size, " but size is ", size);
  EMBER_CHECK(step > 0, "[unfold] step is ", step, " but must be > 0");
  EMBER_CHECK(size >= 0, "[unfold] size is ", size, " but must be >= 0");
  Shape sizes = t.sizes(), strides = t.strides();
  if (t.dim() == 0) {
    sizes = {size};
    strides = {1};
    return record_view(make_view(t, sizes, strides, t.storage_offset()), t, "UnfoldBackward0",
                       [](const Tensor& g) { return reshape(g, Shape{}); });
  }
  sizes[dim] = (dim_size - size) / step + 1;
  const int64_t dim_stride = strides[dim];
  strides[dim] = dim_stride * step;
  sizes.push_back(size);
  strides.push_back(dim_stride);
  EMBER_CHECK(!(autograd::compute_requires_grad(t) && step < size), "[unfold] the backward of "
              "overlapping windows (step < size) is not implemented yet (the input requires "
              "grad)");
  return record_view(make_view(t, sizes, strides, t.storage_offset()), t, "UnfoldBackward0",
                     [in = t.sizes(), dim, size, step](const Tensor& g) {
                       return scatter_into_zeros(g, in, [&](const Tensor& z) {
                         return unfold(z, dim, size, step);
                       });
                     });
}

}  // namespace ember
