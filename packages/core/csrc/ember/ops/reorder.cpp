#include "ember/ops/reorder.h"

#include <algorithm>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(triangle_fn, triangle_stub);
EMBER_DEFINE_STUB(repeat_interleave_fn, repeat_interleave_stub);

namespace {

// Distinct wrapped dims; torch's words for a repeated one.
std::vector<int64_t> unique_dims(const Shape& dims, int64_t ndim, const char* op) {
  std::vector<int64_t> out;
  for (int64_t d : dims) {
    const int64_t w = wrap_dim(d, ndim, op);
    EMBER_CHECK(std::find(out.begin(), out.end(), w) == out.end(), "[", op, "] dim ", w,
                " appears multiple times in the list of dims");
    out.push_back(w);
  }
  return out;
}

// A copy of self in a fresh dense tensor, with the layout of `self` for a plain copy.
Tensor fresh_like(const Tensor& self) { return empty(self.sizes(), self.dtype(), self.device()); }

Tensor flip_impl(const Tensor& self, const std::vector<int64_t>& dims) {
  Tensor out = fresh_like(self);
  if (self.numel() == 0) return out;
  // A view walking the flipped dims backwards (negative strides, internal only: it lives
  // for the copy) gives the result in one strided copy.
  Shape strides = self.strides();
  int64_t offset = self.storage_offset();
  for (int64_t d : dims) {
    if (self.dim() == 0) break;
    offset += (self.sizes()[d] - 1) * strides[d];
    strides[d] = -strides[d];
  }
  copy_(out, make_view(self, self.sizes(), strides, offset));
  return out;
}

int64_t python_mod(int64_t a, int64_t n) {
  const int64_t r = a % n;
  return r < 0 ? r + n : r;
}

Tensor roll_one(const Tensor& self, int64_t shift, int64_t dim) {
  const int64_t n = self.sizes()[dim];
  Tensor out = fresh_like(self);
  if (self.numel() == 0) return out;
  const int64_t s = python_mod(shift, n);
  if (s == 0) {
    copy_(out, self);
    return out;
  }
  copy_(narrow(out, dim, s, n - s), narrow(self, dim, 0, n - s));
  copy_(narrow(out, dim, 0, s), narrow(self, dim, n - s, s));
  return out;
}

}  // namespace

Tensor flip(const Tensor& self, const Shape& dims) {
  OpScope scope("flip");
  return flip_impl(self, unique_dims(dims, self.dim(), "flip"));
}

Tensor fliplr(const Tensor& self) {
  OpScope scope("fliplr");
  EMBER_CHECK(self.dim() >= 2, "[fliplr] Input must be >= 2-d (got a tensor of shape ",
              shape_str(self.sizes()), ")");
  return flip_impl(self, {1});
}

Tensor flipud(const Tensor& self) {
  OpScope scope("flipud");
  EMBER_CHECK(self.dim() >= 1, "[flipud] Input must be >= 1-d (got a tensor of shape ",
              shape_str(self.sizes()), ")");
  return flip_impl(self, {0});
}

Tensor roll(const Tensor& self, const Shape& shifts, const Shape& dims) {
  OpScope scope("roll");
  EMBER_CHECK(!shifts.empty(), "[roll] `shifts` required");
  if (dims.empty()) {
    EMBER_CHECK(shifts.size() == 1, "[roll] shifts and dimensions must align. shifts: ",
                shifts.size(), ", dims:0");
    const Tensor flat = reshape(self, {-1});
    return view(roll_one(flat, shifts[0], 0), self.sizes());
  }
  EMBER_CHECK(shifts.size() == dims.size(), "[roll] shifts and dimensions must align. shifts: ",
              shifts.size(), ", dims:", dims.size());
  EMBER_CHECK_INDEX(self.dim() > 0, "[roll] Dimension specified as ", dims[0],
                    " but tensor has no dimensions");
  Tensor out = self;
  for (size_t i = 0; i < dims.size(); ++i) {
    out = roll_one(out, shifts[i], wrap_dim(dims[i], self.dim(), "roll"));
  }
  return out;
}

Tensor rot90(const Tensor& self, int64_t k, const Shape& dims) {
  OpScope scope("rot90");
  EMBER_CHECK(dims.size() == 2, "[rot90] expected total rotation dims == 2, but got dims = ",
              dims.size());
  EMBER_CHECK(self.dim() >= 2, "[rot90] expected total dims >= 2, but got total dims = ",
              self.dim());
  const int64_t d0 = wrap_dim(dims[0], self.dim(), "rot90");
  const int64_t d1 = wrap_dim(dims[1], self.dim(), "rot90");
  EMBER_CHECK(d0 != d1, "[rot90] expected rotation dims to be different, but got dim0 = ", d0,
              " and dim1 = ", d1);
  switch (python_mod(k, 4)) {
    case 1: return transpose(flip_impl(self, {d1}), d0, d1);
    case 2: return flip_impl(self, {d0, d1});
    case 3: return transpose(flip_impl(self, {d0}), d0, d1);
    default: return clone(self);
  }
}

Tensor repeat(const Tensor& self, const Shape& repeats) {
  OpScope scope("repeat");
  const int64_t n = static_cast<int64_t>(repeats.size());
  EMBER_CHECK(n >= self.dim(), "[repeat] Number of dimensions of repeat dims can not be smaller "
              "than number of dimensions of tensor (", n, " < ", self.dim(), ")");
  Shape padded(static_cast<size_t>(n - self.dim()), 1);
  Shape padded_strides(static_cast<size_t>(n - self.dim()), 0);
  for (int64_t d = 0; d < self.dim(); ++d) {
    padded.push_back(self.sizes()[d]);
    padded_strides.push_back(self.strides()[d]);
  }
  Shape out_sizes(static_cast<size_t>(n));
  for (int64_t d = 0; d < n; ++d) out_sizes[d] = padded[d] * repeats[d];
  check_sizes(out_sizes, "repeat");
  Tensor out = empty(out_sizes, self.dtype(), self.device());
  if (out.numel() == 0) return out;
  // out seen as (r0, s0, r1, s1, ...) receives self broadcast along every r_i.
  const Shape out_strides = contiguous_strides(out_sizes);
  Shape pair_sizes, dst_strides, src_strides;
  for (int64_t d = 0; d < n; ++d) {
    pair_sizes.push_back(repeats[d]);
    pair_sizes.push_back(padded[d]);
    dst_strides.push_back(padded[d] * out_strides[d]);
    dst_strides.push_back(out_strides[d]);
    src_strides.push_back(0);
    src_strides.push_back(padded_strides[d]);
  }
  copy_(make_view(out, pair_sizes, dst_strides, 0),
        make_view(self, pair_sizes, src_strides, self.storage_offset()));
  return out;
}

Tensor tile(const Tensor& self, const Shape& dims) {
  OpScope scope("tile");
  Shape repeats = dims;
  while (static_cast<int64_t>(repeats.size()) < self.dim()) repeats.insert(repeats.begin(), 1);
  return repeat(self, repeats);
}

// ---- repeat_interleave -------------------------------------------------------------------

Tensor repeat_interleave(const Tensor& self, int64_t repeats, std::optional<int64_t> dim,
                         std::optional<int64_t> output_size) {
  OpScope scope("repeat_interleave");
  EMBER_CHECK(repeats >= 0, "[repeat_interleave] Repeats must be non-negative (got ", repeats,
              ")");
  const Tensor input = dim ? self : reshape(self, {-1});
  const int64_t d = dim ? wrap_dim(*dim, input.dim(), "repeat_interleave") : 0;
  const Tensor in = input.dim() == 0 ? reshape(input, {1}) : input;
  const int64_t size = in.sizes()[d];
  EMBER_CHECK(!output_size || *output_size == size * repeats, "[repeat_interleave] allocated "
              "size does not match required size (output_size=", output_size.value_or(0),
              ", required ", size * repeats, ")");
  // in.unsqueeze(d + 1).expand(r) merged back into dim d.
  Shape expanded = in.sizes();
  expanded.insert(expanded.begin() + d + 1, repeats);
  Shape strides = in.strides();
  strides.insert(strides.begin() + d + 1, 0);
  Shape out_sizes = in.sizes();
  out_sizes[d] = size * repeats;
  Tensor out = empty(out_sizes, self.dtype(), self.device());
  if (out.numel() == 0) return out;
  copy_(view(out, expanded), make_view(in, expanded, strides, in.storage_offset()));
  return out;
}

namespace {

Tensor interleave_index(const Tensor& repeats, std::optional<int64_t> output_size) {
  EMBER_CHECK(repeats.dtype() == ScalarType::Int64 || repeats.dtype() == ScalarType::Int32, "[",
              "repeat_interleave] repeats must be an int32 or int64 tensor (got ",
              scalar_type_name(repeats.dtype()), ")");
  const Tensor r = contiguous(to_dtype(repeats, ScalarType::Int64));
  return repeat_interleave_stub(r.device().type, r, output_size.value_or(-1));
}

}  // namespace

Tensor repeat_interleave(const Tensor& self, const Tensor& repeats, std::optional<int64_t> dim,
                         std::optional<int64_t> output_size) {
  OpScope scope("repeat_interleave");
  EMBER_CHECK(repeats.dim() <= 1, "[repeat_interleave] repeats must be 0-dim or 1-dim tensor");
  EMBER_CHECK(repeats.dtype() == ScalarType::Int64 || repeats.dtype() == ScalarType::Int32,
              "[repeat_interleave] repeats must be an int32 or int64 tensor (got ",
              scalar_type_name(repeats.dtype()), ")");
  const Tensor input = dim ? self : reshape(self, {-1});
  const int64_t d = dim ? wrap_dim(*dim, input.dim(), "repeat_interleave") : 0;
  const Tensor in = input.dim() == 0 ? reshape(input, {1}) : input;
  if (repeats.numel() == 1 && !repeats.device().is_meta()) {
    // One count for every element, as an int.
    return repeat_interleave(in, detail::tensor_to_scalar(repeats).to_int(), d, output_size);
  }
  EMBER_CHECK(repeats.numel() == in.sizes()[d], "[repeat_interleave] repeats must have the same "
              "size as input along dim, but got repeats.size(0) = ", repeats.numel(),
              " and input.size(", d, ") = ", in.sizes()[d]);
  if (output_size && (self.device().is_meta() || repeats.device().is_meta())) {
    Shape sizes = in.sizes();
    sizes[d] = *output_size;
    return empty(sizes, self.dtype(), self.device());
  }
  Tensor index = interleave_index(repeats, output_size);
  if (index.device().type != in.device().type) index = to_device(index, in.device());
  return index_select(in, d, index);
}

Tensor repeat_interleave(const Tensor& repeats, std::optional<int64_t> output_size) {
  OpScope scope("repeat_interleave");
  EMBER_CHECK(repeats.dim() == 1, "[repeat_interleave] repeat_interleave only accept 1D vector "
              "as repeat (got a tensor of shape ", shape_str(repeats.sizes()), ")");
  if (output_size && repeats.device().is_meta()) {
    return empty({*output_size}, ScalarType::Int64, repeats.device());
  }
  return interleave_index(repeats, output_size);
}

// ---- tril / triu ---------------------------------------------------------------------------

namespace {

void check_matrix(const char* op, const Tensor& self) {
  EMBER_CHECK(self.dim() >= 2, "[", op, "] ", op,
              ": input tensor must have at least 2 dimensions (got shape ",
              shape_str(self.sizes()), ")");
}

}  // namespace

Tensor tril(const Tensor& self, int64_t diagonal) {
  OpScope scope("tril");
  check_matrix("tril", self);
  Tensor out = fresh_like(self);
  triangle_stub(self.device().type, out, self, diagonal, false);
  return out;
}

Tensor triu(const Tensor& self, int64_t diagonal) {
  OpScope scope("triu");
  check_matrix("triu", self);
  Tensor out = fresh_like(self);
  triangle_stub(self.device().type, out, self, diagonal, true);
  return out;
}

const Tensor& tril_(const Tensor& self, int64_t diagonal) {
  OpScope scope("tril_");
  check_matrix("tril_", self);
  triangle_stub(self.device().type, self, self, diagonal, false);
  self.bump_version();
  return self;
}

const Tensor& triu_(const Tensor& self, int64_t diagonal) {
  OpScope scope("triu_");
  check_matrix("triu_", self);
  triangle_stub(self.device().type, self, self, diagonal, true);
  self.bump_version();
  return self;
}

// ---- constant padding ----------------------------------------------------------------------

Tensor constant_pad_nd(const Tensor& self, const Shape& pad, const Scalar& value) {
  OpScope scope("constant_pad_nd");
  const int64_t n = static_cast<int64_t>(pad.size());
  EMBER_CHECK(n % 2 == 0, "[constant_pad_nd] Length of pad must be even but instead it equals ",
              n);
  EMBER_CHECK(n / 2 <= self.dim(), "[constant_pad_nd] Length of pad should be no more than "
              "twice the number of dimensions of the input. Pad length is ", n,
              " while the input has ", self.dim(), " dimensions.");
  Shape sizes = self.sizes();
  Tensor src = self;
  for (int64_t i = 0; i < n / 2; ++i) {
    const int64_t d = self.dim() - 1 - i;
    const int64_t left = pad[2 * i], right = pad[2 * i + 1];
    const int64_t size = self.sizes()[d] + left + right;
    EMBER_CHECK(size >= 0, "[constant_pad_nd] The input size ", self.sizes()[d],
                ", plus negative padding ", left, " and ", right,
                " resulted in a negative output size, which is invalid. Check dimension ", d,
                " of your input.");
    sizes[d] = size;
    // Negative padding crops the input.
    const int64_t start = std::max<int64_t>(-left, 0);
    const int64_t stop = self.sizes()[d] - std::max<int64_t>(-right, 0);
    src = narrow(src, d, std::min(start, self.sizes()[d]), std::max<int64_t>(stop - start, 0));
  }
  Tensor out = full(sizes, value, self.dtype(), self.device());
  if (src.numel() == 0) return out;
  Tensor dst = out;
  for (int64_t i = 0; i < n / 2; ++i) {
    const int64_t d = self.dim() - 1 - i;
    dst = narrow(dst, d, std::max<int64_t>(pad[2 * i], 0), src.sizes()[d]);
  }
  copy_(dst, src);
  return out;
}

}  // namespace ember
