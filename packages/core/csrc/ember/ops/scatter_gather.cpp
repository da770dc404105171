// The gather/scatter family: gather, scatter (tensor or value, with torch's old
// reduce='add'|'multiply'), scatter_add, scatter_reduce, and the index_* ops, which are
// the same kernels with a 1-D index broadcast along the other dims (index_select is a
// gather, index_add a scatter-sum, index_copy a scatter, index_fill a scatter of a value).
//
// Every kernel iterates over the index's shape with `dim` squashed to size 1 and walks
// along `dim` in an inner loop: threads split the other dims, so no two of them write one
// element, and duplicate indices reduce in index order (deterministic results).
#include <limits>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"

namespace ember {

EMBER_DEFINE_STUB(gather_fn, gather_stub);
EMBER_DEFINE_STUB(scatter_fn, scatter_stub);
EMBER_DEFINE_STUB(scatter_fill_fn, scatter_fill_stub);

namespace {

// torch treats 0-d tensors as 1-D of size 1 here.
Tensor as_1d(const Tensor& t) {
  return t.dim() == 0 ? make_view(t, {1}, {1}, t.storage_offset()) : t;
}
int64_t nonempty_dim(const Tensor& t) { return t.dim() == 0 ? 1 : t.dim(); }

// `t` seen with `sizes` (each no larger than t's own), keeping its strides.
Tensor restride(const Tensor& t, const Shape& sizes) {
  return make_view(t, sizes, t.strides(), t.storage_offset());
}

// The iteration shape: `sizes` with `dim` squashed to 1.
Shape squash(Shape sizes, int64_t dim) {
  sizes[dim] = 1;
  return sizes;
}

// In-place writes into a tensor whose elements alias each other (an expanded view)
// would race and lose values.
void check_no_internal_overlap(const char* op, const Tensor& t) {
  for (int64_t d = 0; d < t.dim(); ++d) {
    EMBER_CHECK(!(t.strides()[d] == 0 && t.sizes()[d] > 1), "[", op,
                "] unsupported operation: more than one element of the written-to tensor refers "
                "to a single memory location. Please clone() the tensor before performing the "
                "operation.");
  }
}

void check_same_device(const char* op, const Tensor& a, const Tensor& b, const char* what) {
  EMBER_CHECK(a.device().type == b.device().type, "[", op,
              "] Expected all tensors to be on the same device, but found ", what, " on ",
              b.device().str(), " and self on ", a.device().str());
}

ScatterGatherDims make_dims(const char* op, int64_t dim, const Tensor& self, const Tensor& index,
                            const Tensor* other, IndexErrorStyle error) {
  ScatterGatherDims dims;
  dims.op = op;
  dims.dim = dim;
  dims.loop_size = index.sizes()[dim];
  dims.self_dim_size = self.sizes()[dim];
  dims.self_dim_stride = self.strides()[dim] * static_cast<int64_t>(self.itemsize());
  dims.index_dim_stride = index.strides()[dim] * static_cast<int64_t>(index.itemsize());
  dims.other_dim_stride =
      other ? other->strides()[dim] * static_cast<int64_t>(other->itemsize()) : 0;
  dims.error = error;
  return dims;
}

// ---- gather --------------------------------------------------------------------------------

// out[i][j] = self[i][index[i][j]] (dim 1), for an index of the result's shape (1-D-ified).
void run_gather(const char* op, const Tensor& out1, const Tensor& self1, int64_t dim,
                const Tensor& index1, IndexErrorStyle error) {
  if (index1.numel() == 0) return;
  const Shape iter_sizes = squash(index1.sizes(), dim);
  TensorIterator iter = TensorIteratorConfig(op)
                            .add_output(restride(out1, iter_sizes))
                            .add_input(restride(self1, iter_sizes))
                            .add_input(restride(index1, iter_sizes))
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .build();
  gather_stub(iter.device().type, iter, make_dims(op, dim, self1, index1, &out1, error));
  iter.finish();
}

void check_gather_shapes(const char* op, const Tensor& self, int64_t dim, const Tensor& index) {
  EMBER_CHECK(nonempty_dim(index) == nonempty_dim(self), "[", op,
              "] Index tensor must have the same number of dimensions as input tensor");
  const Tensor s = as_1d(self), i = as_1d(index);
  for (int64_t d = 0; d < s.dim(); ++d) {
    if (d == dim) continue;
    EMBER_CHECK(i.sizes()[d] <= s.sizes()[d], "[", op, "] Size does not match at dimension ", d,
                " expected index ", detail::shape_list(index.sizes()),
                " to be no larger than self ", detail::shape_list(self.sizes()),
                " apart from dimension ", dim);
  }
}

// ---- scatter -------------------------------------------------------------------------------

std::optional<ScatterReduce> parse_scatter_reduce(const std::optional<std::string>& reduce) {
  if (!reduce) return ScatterReduce::None;
  if (*reduce == "add") return ScatterReduce::Sum;
  if (*reduce == "multiply") return ScatterReduce::Prod;
  return std::nullopt;
}

void check_scatter_shapes(const char* op, const Tensor& self, int64_t dim, const Tensor& index,
                          const Tensor* src) {
  EMBER_CHECK(nonempty_dim(index) == nonempty_dim(self), "[", op,
              "] Index tensor must have the same number of dimensions as self tensor");
  if (src) {
    EMBER_CHECK(nonempty_dim(index) == nonempty_dim(*src), "[", op,
                "] Index tensor must have the same number of dimensions as src tensor");
  }
  const Tensor s = as_1d(self), i = as_1d(index);
  const Tensor o = src ? as_1d(*src) : Tensor();
  for (int64_t d = 0; d < s.dim(); ++d) {
    const bool bad = (d != dim && i.sizes()[d] > s.sizes()[d]) ||
                     (src && i.sizes()[d] > o.sizes()[d]);
    if (!bad) continue;
    if (src) {
      throw Error(detail::concat("[", op, "] Expected index ", detail::shape_list(index.sizes()),
                                 " to be no larger than self ", detail::shape_list(self.sizes()),
                                 " apart from dimension ", dim,
                                 " and to be no larger size than src ",
                                 detail::shape_list(src->sizes())));
    }
    throw Error(detail::concat("[", op, "] Expected index ", detail::shape_list(index.sizes()),
                               " to be no larger than self ", detail::shape_list(self.sizes()),
                               " apart from dimension ", dim));
  }
}

// self[..index[i][j]..] (op)= src[i][j], self/index/src 1-D-ified and validated.
void run_scatter(const char* op, const Tensor& self1, int64_t dim, const Tensor& index1,
                 const Tensor& src1, ScatterReduce reduce, IndexErrorStyle error) {
  if (index1.numel() == 0) return;
  check_no_internal_overlap(op, self1);
  Tensor src = src1;
  if (detail::shares_storage(src, self1)) src = clone(src);
  const Shape iter_sizes = squash(index1.sizes(), dim);
  TensorIterator iter = TensorIteratorConfig(op)
                            .add_output(restride(self1, iter_sizes))
                            .add_input(restride(src, iter_sizes))
                            .add_input(restride(index1, iter_sizes))
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .build();
  scatter_stub(iter.device().type, iter, make_dims(op, dim, self1, index1, &src, error), reduce);
  iter.finish();
}

void run_scatter_fill(const char* op, const Tensor& self1, int64_t dim, const Tensor& index1,
                      const Scalar& value, ScatterReduce reduce, IndexErrorStyle error,
                      bool wrap_negative) {
  if (index1.numel() == 0) return;
  check_no_internal_overlap(op, self1);
  const Shape iter_sizes = squash(index1.sizes(), dim);
  TensorIterator iter = TensorIteratorConfig(op)
                            .add_output(restride(self1, iter_sizes))
                            .add_input(restride(index1, iter_sizes))
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .build();
  ScatterGatherDims dims = make_dims(op, dim, self1, index1, nullptr, error);
  dims.wrap_negative = wrap_negative;
  scatter_fill_stub(iter.device().type, iter, dims, value, reduce);
  iter.finish();
}

const Tensor& scatter_src_impl(const char* op, const Tensor& self, int64_t dim,
                               const Tensor& index, const Tensor& src, ScatterReduce reduce) {
  dim = wrap_dim(dim, self.dim(), op);
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/false, self.device());
  EMBER_CHECK(self.dtype() == src.dtype(), "[", op,
              "] scatter(): Expected self.dtype to be equal to src.dtype (got ",
              scalar_type_name(self.dtype()), " and ", scalar_type_name(src.dtype()), ")");
  check_same_device(op, self, src, "src");
  check_scatter_shapes(op, self, dim, idx, &src);
  run_scatter(op, as_1d(self), dim, as_1d(idx), as_1d(src), reduce, IndexErrorStyle::Runtime);
  self.bump_version();
  return self;
}

const Tensor& scatter_value_impl(const char* op, const Tensor& self, int64_t dim,
                                 const Tensor& index, const Scalar& value, ScatterReduce reduce) {
  dim = wrap_dim(dim, self.dim(), op);
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/false, self.device());
  check_scatter_shapes(op, self, dim, idx, nullptr);
  detail::check_value_fits(op, value, self.dtype());
  run_scatter_fill(op, as_1d(self), dim, as_1d(idx), value, reduce, IndexErrorStyle::Runtime,
                   /*wrap_negative=*/false);
  self.bump_version();
  return self;
}

ScatterReduce parse_reduce_or_throw(const char* op, const std::optional<std::string>& reduce) {
  const std::optional<ScatterReduce> r = parse_scatter_reduce(reduce);
  EMBER_CHECK(r.has_value(), "[", op, "] reduce argument must be either add or multiply. (got '",
              *reduce, "')");
  return *r;
}

// The value a reduction starts from, so that include_self=False can overwrite the
// scattered-to elements with it first (torch's approach).
Scalar reduce_identity(ScalarType t, const std::string& reduce) {
  if (reduce == "sum" || reduce == "mean") return Scalar(int64_t(0));
  if (reduce == "prod") return Scalar(int64_t(1));
  const bool lowest = reduce == "amax";
  if (t == ScalarType::Bool) return Scalar(!lowest);
  if (is_floating(t)) {
    const double inf = std::numeric_limits<double>::infinity();
    return Scalar(lowest ? -inf : inf);
  }
  switch (t) {
    case ScalarType::UInt8: return lowest ? Scalar(int64_t(0)) : Scalar(int64_t(255));
    case ScalarType::Int8: return lowest ? Scalar(int64_t(-128)) : Scalar(int64_t(127));
    case ScalarType::Int16: return lowest ? Scalar(int64_t(-32768)) : Scalar(int64_t(32767));
    case ScalarType::Int32:
      return Scalar(int64_t(lowest ? std::numeric_limits<int32_t>::min()
                                   : std::numeric_limits<int32_t>::max()));
    default:
      return Scalar(lowest ? std::numeric_limits<int64_t>::min()
                           : std::numeric_limits<int64_t>::max());
  }
}

const Tensor& scatter_reduce_impl(const char* op, const Tensor& self, int64_t dim,
                                  const Tensor& index, const Tensor& src,
                                  const std::string& reduce, bool include_self) {
  ScatterReduce kind;
  if (reduce == "sum" || reduce == "mean") {
    kind = ScatterReduce::Sum;
  } else if (reduce == "prod") {
    kind = ScatterReduce::Prod;
  } else if (reduce == "amax") {
    kind = ScatterReduce::Max;
  } else if (reduce == "amin") {
    kind = ScatterReduce::Min;
  } else {
    throw Error(detail::concat("[", op, "] reduce argument must be either sum, prod, mean, amax "
                               "or amin, got ", reduce));
  }
  if (is_complex(self.dtype()) && (kind == ScatterReduce::Max || kind == ScatterReduce::Min)) {
    EMBER_NOT_IMPLEMENTED("[", op, "] reduce='", reduce, "' is not implemented for dtype ",
                          scalar_type_name(self.dtype()), " (complex numbers are not ordered)");
  }
  if (reduce == "mean") {
    EMBER_CHECK_TYPE(self.dtype() != ScalarType::Bool, "[", op,
                     "] reduce='mean' is not implemented for dtype bool");
    if (is_complex(self.dtype())) {
      EMBER_NOT_IMPLEMENTED("[", op, "] reduce='mean' is not implemented for complex dtypes: "
                            "complex division is not available yet");
    }
  }
  dim = wrap_dim(dim, self.dim(), op);
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/false, self.device());
  EMBER_CHECK(self.dtype() == src.dtype(), "[", op,
              "] scatter(): Expected self.dtype to be equal to src.dtype (got ",
              scalar_type_name(self.dtype()), " and ", scalar_type_name(src.dtype()), ")");
  check_same_device(op, self, src, "src");
  check_scatter_shapes(op, self, dim, idx, &src);
  if (idx.numel() == 0) {
    self.bump_version();  // an in-place op counts as a write even when empty
    return self;
  }
  const Tensor self1 = as_1d(self), idx1 = as_1d(idx);
  if (!include_self) {
    run_scatter_fill(op, self1, dim, idx1, reduce_identity(self.dtype(), reduce),
                     ScatterReduce::None, IndexErrorStyle::Runtime, false);
  }
  run_scatter(op, self1, dim, idx1, as_1d(src), kind, IndexErrorStyle::Runtime);
  if (reduce == "mean") {
    // Divide by the number of values each element received (itself included or not).
    const Tensor count = include_self ? ones(self.sizes(), self.dtype(), self.device())
                                      : zeros(self.sizes(), self.dtype(), self.device());
    const Tensor count1 = as_1d(count);
    run_scatter(op, count1, dim, idx1, as_1d(ones(src.sizes(), src.dtype(), src.device())),
                ScatterReduce::Sum, IndexErrorStyle::Runtime);
    masked_fill_(count, eq(count, Scalar(int64_t(0))), Scalar(int64_t(1)));
    if (is_floating(self.dtype())) {
      div_inplace(self, count);
    } else {
      div_floor_inplace(self, count);
    }
  }
  self.bump_version();
  return self;
}

// ---- index_* ------------------------------------------------------------------------------

// A 1-D index broadcast over `sizes` along `dim` (stride 0 elsewhere).
Tensor index_along(const Tensor& index1d, const Shape& sizes, int64_t dim) {
  Shape strides(sizes.size(), 0);
  strides[dim] = index1d.dim() == 0 ? 0 : index1d.strides()[0];
  return make_view(index1d, sizes, strides, index1d.storage_offset());
}

// index_add_ / index_copy_ validation: shapes of self and source agree except at dim.
void check_index_source(const char* op, const Tensor& self, int64_t dim, const Tensor& index,
                        const Tensor& source) {
  EMBER_CHECK_INDEX(index.dim() <= 1, "[", op, "] ", op,
                    "(): Index is supposed to be a vector, but got dim: ", index.dim(),
                    " with type: ", scalar_type_name(index.dtype()),
                    " and size: ", detail::shape_list(index.sizes()));
  bool same = nonempty_dim(self) == nonempty_dim(source);
  const Tensor s = as_1d(self), o = as_1d(source);
  for (int64_t d = 0; same && d < s.dim(); ++d) {
    if (d != dim && s.sizes()[d] != o.sizes()[d]) same = false;
  }
  EMBER_CHECK(same, "[", op, "] source tensor shape must match self tensor shape, excluding the "
              "specified dimension. Got self.shape = ", detail::shape_list(self.sizes()),
              " source.shape = ", detail::shape_list(source.sizes()));
  EMBER_CHECK(index.numel() == o.sizes()[dim], "[", op, "] ", op, "(): Number of indices (",
              index.numel(), ") should be equal to source.size(dim): (", o.sizes()[dim],
              "), for dim: ", dim);
}

const Tensor& index_add_impl(const char* op, const Tensor& self, int64_t dim,
                             const Tensor& index, const Tensor& source, const Scalar& alpha) {
  dim = wrap_dim(dim, self.dim(), op);
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/true, self.device());
  EMBER_CHECK(self.dtype() == source.dtype(), "[", op, "] ", op, "(): self (",
              scalar_type_name(self.dtype()), ") and source (", scalar_type_name(source.dtype()),
              ") must have the same scalar type");
  check_same_device(op, self, source, "source");
  check_index_source(op, self, dim, idx, source);
  // alpha converts to self's dtype first (an integer tensor truncates a float alpha).
  Tensor src = source;
  const ScalarType t = self.dtype();
  if (is_integral(t, /*include_bool=*/false)) {
    if (alpha.to_int() != 1) src = mul(source, Scalar(alpha.to_int()));
  } else if (t == ScalarType::Bool) {
    if (!alpha.to<bool>()) src = zeros(source.sizes(), t, source.device());
  } else if (alpha.to_complex() != std::complex<double>(1.0, 0.0)) {
    src = mul(source, alpha);
  }
  const Tensor src1 = as_1d(src);
  run_scatter(op, as_1d(self), dim, index_along(idx, src1.sizes(), dim), src1,
              ScatterReduce::Sum, IndexErrorStyle::Runtime);
  self.bump_version();
  return self;
}

const Tensor& index_copy_impl(const char* op, const Tensor& self, int64_t dim,
                              const Tensor& index, const Tensor& source) {
  dim = wrap_dim(dim, self.dim(), op);
  EMBER_CHECK_INDEX(index.dim() <= 1, "[", op, "] ", op,
                    "(): Index should have dimension 1 or 0 (got ", index.dim(), ")");
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/false, self.device());
  EMBER_CHECK(self.dtype() == source.dtype(), "[", op, "] ", op,
              "(): self and source expected to have the same dtype, but got (self) ",
              scalar_type_name(self.dtype()), " and (source) ", scalar_type_name(source.dtype()));
  check_same_device(op, self, source, "source");
  check_index_source(op, self, dim, idx, source);
  const Tensor src1 = as_1d(source);
  run_scatter(op, as_1d(self), dim, index_along(idx, src1.sizes(), dim), src1,
              ScatterReduce::None, IndexErrorStyle::Index);
  self.bump_version();
  return self;
}

const Tensor& index_fill_impl(const char* op, const Tensor& self, int64_t dim,
                              const Tensor& index, const Scalar& value) {
  dim = wrap_dim(dim, self.dim(), op);
  EMBER_CHECK(index.dim() <= 1, "[", op, "] Index has to be a vector/scalar");
  const Tensor idx = detail::index_as_long(op, index, /*allow_int32=*/false, self.device());
  detail::check_value_fits(op, value, self.dtype());
  const Tensor self1 = as_1d(self);
  Shape sizes = self1.sizes();
  sizes[dim] = idx.numel();
  run_scatter_fill(op, self1, dim, index_along(idx, sizes, dim), value, ScatterReduce::None,
                   IndexErrorStyle::Index, /*wrap_negative=*/true);
  self.bump_version();
  return self;
}

Scalar value_of(const char* op, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "[", op, "] ", op,
              " only supports a 0-dimensional value tensor, but got tensor with ", value.dim(),
              " dimension(s).");
  return detail::tensor_to_scalar(value);
}

}  // namespace

// ---- public ops ------------------------------------------------------------------------------

Tensor gather(const Tensor& self, int64_t dim, const Tensor& index) {
  OpScope scope("gather");
  dim = wrap_dim(dim, self.dim(), "gather");
  const Tensor idx = detail::index_as_long("gather", index, false, self.device());
  check_gather_shapes("gather", self, dim, idx);
  Tensor out = empty(index.sizes(), self.dtype(), self.device());
  run_gather("gather", as_1d(out), as_1d(self), dim, as_1d(idx), IndexErrorStyle::Runtime);
  return out;
}

Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index) {
  OpScope scope("index_select");
  dim = wrap_dim(dim, self.dim(), "index_select");
  EMBER_CHECK_INDEX(index.dim() <= 1, "[index_select] index_select(): Index is supposed to be a "
                    "vector");
  EMBER_CHECK(index.dtype() == ScalarType::Int64 || index.dtype() == ScalarType::Int32,
              "[index_select] index_select(): Expected dtype int32 or int64 for index (got ",
              scalar_type_name(index.dtype()), ")");
  EMBER_CHECK(self.dim() > 0 || index.numel() == 1, "[index_select] index_select(): Index to "
              "scalar can have only 1 value, got ", index.numel(), " value(s)");
  const Tensor idx = detail::index_as_long("index_select", index, true, self.device());
  Shape sizes = self.sizes();
  if (self.dim() > 0) sizes[dim] = idx.numel();
  Tensor out = empty(sizes, self.dtype(), self.device());
  const Tensor out1 = as_1d(out);
  run_gather("index_select", out1, as_1d(self), dim, index_along(idx, out1.sizes(), dim),
             IndexErrorStyle::OutOfRange);
  return out;
}

Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
               const std::optional<std::string>& reduce) {
  OpScope scope("scatter");
  const ScatterReduce r = parse_reduce_or_throw("scatter", reduce);
  Tensor out = clone(self);
  scatter_src_impl("scatter", out, dim, index, src, r);
  return out;
}
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
               const std::optional<std::string>& reduce) {
  OpScope scope("scatter");
  const ScatterReduce r = parse_reduce_or_throw("scatter", reduce);
  Tensor out = clone(self);
  scatter_value_impl("scatter", out, dim, index, value, r);
  return out;
}
const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                       const std::optional<std::string>& reduce) {
  OpScope scope("scatter_");
  return scatter_src_impl("scatter_", self, dim, index, src,
                          parse_reduce_or_throw("scatter_", reduce));
}
const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
                       const std::optional<std::string>& reduce) {
  OpScope scope("scatter_");
  return scatter_value_impl("scatter_", self, dim, index, value,
                            parse_reduce_or_throw("scatter_", reduce));
}

Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  OpScope scope("scatter_add");
  Tensor out = clone(self);
  scatter_src_impl("scatter_add", out, dim, index, src, ScatterReduce::Sum);
  return out;
}
const Tensor& scatter_add_(const Tensor& self, int64_t dim, const Tensor& index,
                           const Tensor& src) {
  OpScope scope("scatter_add_");
  return scatter_src_impl("scatter_add_", self, dim, index, src, ScatterReduce::Sum);
}

Tensor scatter_reduce(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                      const std::string& reduce, bool include_self) {
  OpScope scope("scatter_reduce");
  Tensor out = clone(self);
  scatter_reduce_impl("scatter_reduce", out, dim, index, src, reduce, include_self);
  return out;
}
const Tensor& scatter_reduce_(const Tensor& self, int64_t dim, const Tensor& index,
                              const Tensor& src, const std::string& reduce, bool include_self) {
  OpScope scope("scatter_reduce_");
  return scatter_reduce_impl("scatter_reduce_", self, dim, index, src, reduce, include_self);
}

Tensor index_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                 const Scalar& alpha) {
  OpScope scope("index_add");
  Tensor out = clone(self);
  index_add_impl("index_add", out, dim, index, source, alpha);
  return out;
}
const Tensor& index_add_(const Tensor& self, int64_t dim, const Tensor& index,
                         const Tensor& source, const Scalar& alpha) {
  OpScope scope("index_add_");
  return index_add_impl("index_add_", self, dim, index, source, alpha);
}

Tensor index_copy(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  OpScope scope("index_copy");
  Tensor out = clone(self);
  index_copy_impl("index_copy", out, dim, index, source);
  return out;
}
const Tensor& index_copy_(const Tensor& self, int64_t dim, const Tensor& index,
                          const Tensor& source) {
  OpScope scope("index_copy_");
  return index_copy_impl("index_copy_", self, dim, index, source);
}

Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  OpScope scope("index_fill");
  Tensor out = clone(self);
  index_fill_impl("index_fill", out, dim, index, value);
  return out;
}
Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
  OpScope scope("index_fill");
  const Scalar v = value_of("index_fill", value);
  Tensor out = clone(self);
  index_fill_impl("index_fill", out, dim, index, v);
  return out;
}
const Tensor& index_fill_(const Tensor& self, int64_t dim, const Tensor& index,
                          const Scalar& value) {
  OpScope scope("index_fill_");
  return index_fill_impl("index_fill_", self, dim, index, value);
}
const Tensor& index_fill_(const Tensor& self, int64_t dim, const Tensor& index,
                          const Tensor& value) {
  OpScope scope("index_fill_");
  return index_fill_impl("index_fill_", self, dim, index, value_of("index_fill_", value));
}

}  // namespace ember
