// Indexing ops with torch's semantics: advanced indexing (index, index_put_), the
// gather/scatter family (gather, scatter, scatter_add, scatter_reduce, index_select,
// index_add, index_copy, index_fill), take/put, the masked ops and nonzero.
//
// Front ends live in ops/indexing.cpp (advanced indexing, take, put),
// ops/scatter_gather.cpp and ops/masked.cpp; the kernels they dispatch to are declared
// here and implemented per device (backends/cpu/kernels/index.cpp, scatter_gather.cpp,
// masked.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// One optional index tensor per leading dim of `self`, as torch's aten::index: an
// undefined entry takes the whole dim. Index tensors are int64 or int32 (negative
// values count from the end) or bool/uint8 masks covering mask.dim() dims; they
// broadcast together. Where the indexed dims are adjacent the result keeps the
// broadcast index shape in their place, otherwise it goes first (NumPy's rule).
using IndexList = std::vector<std::optional<Tensor>>;

EMBER_API Tensor index(const Tensor& self, const IndexList& indices);
// self[indices] = values (values broadcast to the indexing result; same dtype as self).
// accumulate adds instead, duplicates included.
EMBER_API const Tensor& index_put_(const Tensor& self, const IndexList& indices,
                                   const Tensor& values, bool accumulate = false);
EMBER_API Tensor index_put(const Tensor& self, const IndexList& indices, const Tensor& values,
                           bool accumulate = false);

// ---- gather / scatter family -------------------------------------------------------------

EMBER_API Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index);
EMBER_API Tensor gather(const Tensor& self, int64_t dim, const Tensor& index);

// reduce: none, "add" or "multiply" (torch.scatter's deprecated reduce argument).
EMBER_API Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index,
                         const Tensor& src, const std::optional<std::string>& reduce = {});
EMBER_API Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index,
                         const Scalar& value, const std::optional<std::string>& reduce = {});
EMBER_API const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index,
                                 const Tensor& src, const std::optional<std::string>& reduce = {});
EMBER_API const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index,
                                 const Scalar& value,
                                 const std::optional<std::string>& reduce = {});
EMBER_API Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index,
                             const Tensor& src);
EMBER_API const Tensor& scatter_add_(const Tensor& self, int64_t dim, const Tensor& index,
                                     const Tensor& src);
// reduce: "sum", "prod", "mean", "amax" or "amin".
EMBER_API Tensor scatter_reduce(const Tensor& self, int64_t dim, const Tensor& index,
                                const Tensor& src, const std::string& reduce,
                                bool include_self = true);
EMBER_API const Tensor& scatter_reduce_(const Tensor& self, int64_t dim, const Tensor& index,
                                        const Tensor& src, const std::string& reduce,
                                        bool include_self = true);

EMBER_API Tensor index_add(const Tensor& self, int64_t dim, const Tensor& index,
                           const Tensor& source, const Scalar& alpha = 1);
EMBER_API const Tensor& index_add_(const Tensor& self, int64_t dim, const Tensor& index,
                                   const Tensor& source, const Scalar& alpha = 1);
EMBER_API Tensor index_copy(const Tensor& self, int64_t dim, const Tensor& index,
                            const Tensor& source);
EMBER_API const Tensor& index_copy_(const Tensor& self, int64_t dim, const Tensor& index,
                                    const Tensor& source);
EMBER_API Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index,
                            const Scalar& value);
EMBER_API Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index,
                            const Tensor& value);
EMBER_API const Tensor& index_fill_(const Tensor& self, int64_t dim, const Tensor& index,
                                    const Scalar& value);
EMBER_API const Tensor& index_fill_(const Tensor& self, int64_t dim, const Tensor& index,
                                    const Tensor& value);

// ---- flat indexing -----------------------------------------------------------------------

// self viewed as 1-D in row-major order, indexed by `index` (result: index's shape).
EMBER_API Tensor take(const Tensor& self, const Tensor& index);
EMBER_API const Tensor& put_(const Tensor& self, const Tensor& index, const Tensor& source,
                             bool accumulate = false);
EMBER_API Tensor put(const Tensor& self, const Tensor& index, const Tensor& source,
                     bool accumulate = false);

// ---- masks -------------------------------------------------------------------------------

EMBER_API Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value);
EMBER_API Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value);
EMBER_API const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Scalar& value);
EMBER_API const Tensor& masked_fill_(const Tensor& self, const Tensor& mask, const Tensor& value);
EMBER_API Tensor masked_select(const Tensor& self, const Tensor& mask);
EMBER_API Tensor masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source);
EMBER_API const Tensor& masked_scatter_(const Tensor& self, const Tensor& mask,
                                        const Tensor& source);

// Coordinates of the non-zero elements, (n, ndim) int64 in row-major order. The shape
// depends on the data: not available on meta tensors.
EMBER_API Tensor nonzero(const Tensor& self);
// nonzero(as_tuple=True): one 1-D tensor per dim (a 0-d input counts as 1-D).
EMBER_API std::vector<Tensor> nonzero_numpy(const Tensor& self);
EMBER_API Tensor argwhere(const Tensor& self);

// ---- kernels -----------------------------------------------------------------------------

// What an advanced-indexing kernel needs besides its TensorIterator: the size and byte
// stride of each indexed dim of the source (or destination).
struct IndexedDims {
  Shape sizes;
  Shape strides;  // bytes
  const char* op = "index";
  bool flat_message = false;  // take/put word their range error as torch does
  // 0: one index operand per indexed dim. Otherwise the index tensors are stacked in one
  // operand (a TensorIterator takes few operands): index j of an element sits this many
  // bytes after index 0.
  int64_t stacked_stride = 0;
};

// Index tensors beyond which they travel stacked in one operand: an iterator takes at
// most kMaxIteratorOperands, two of them the output and the source.
constexpr size_t kMaxSeparateIndices = kMaxIteratorOperands - 2;

// Operands: out, source restrided to out's shape, then the int64 index tensors (or one
// operand holding them all, see IndexedDims::stacked_stride).
using index_fn = void (*)(TensorIterator& iter, const IndexedDims& dims);
// Operands: the destination restrided (output), values, then the int64 index tensors.
// `serial` keeps duplicates deterministic: later writes win, sums in order.
using index_put_fn = void (*)(TensorIterator& iter, const IndexedDims& dims, bool accumulate,
                              bool serial);
EMBER_DECLARE_STUB(index_fn, index_stub);
EMBER_DECLARE_STUB(index_put_fn, index_put_stub);

// The gather/scatter kernels iterate over the index's shape with `dim` squashed to size
// 1 and walk along `dim` in an inner loop, so a scatter never has two threads writing
// one element (threads split the other dims) and duplicates reduce in order.
enum class ScatterReduce : int8_t { None, Sum, Prod, Max, Min };
enum class IndexErrorStyle : int8_t {
  Runtime,      // RuntimeError "index 5 is out of bounds for dimension 0 with size 3"
  Index,        // the same words as an IndexError
  OutOfRange,   // IndexError "index out of range in self" (index_select)
};
struct ScatterGatherDims {
  int64_t dim = 0;               // for messages
  int64_t loop_size = 0;         // extent of the inner loop (index.size(dim))
  int64_t self_dim_size = 0;     // bound for index values
  int64_t self_dim_stride = 0;   // bytes, in the indexed tensor
  int64_t index_dim_stride = 0;  // bytes
  int64_t other_dim_stride = 0;  // bytes, in the other data operand (0 if none)
  bool wrap_negative = false;    // index_fill accepts negative indices
  IndexErrorStyle error = IndexErrorStyle::Runtime;
  const char* op = "scatter";
};
// Operands: out, self (indexed, restrided), index.
using gather_fn = void (*)(TensorIterator& iter, const ScatterGatherDims& dims);
// Operands: self (indexed, output), src, index.
using scatter_fn = void (*)(TensorIterator& iter, const ScatterGatherDims& dims,
                            ScatterReduce reduce);
// Operands: self (indexed, output), index.
using scatter_fill_fn = void (*)(TensorIterator& iter, const ScatterGatherDims& dims,
                                 const Scalar& value, ScatterReduce reduce);
EMBER_DECLARE_STUB(gather_fn, gather_stub);
EMBER_DECLARE_STUB(scatter_fn, scatter_stub);
EMBER_DECLARE_STUB(scatter_fill_fn, scatter_fill_stub);

// Operands: self (output, written where mask is true), mask (bool), value (0-d, self's
// dtype).
using masked_fill_fn = void (*)(TensorIterator& iter);
EMBER_DECLARE_STUB(masked_fill_fn, masked_fill_stub);
// self and mask have one shape (any strides); the result is 1-D, in row-major order.
using masked_select_fn = Tensor (*)(const Tensor& self, const Tensor& mask);
EMBER_DECLARE_STUB(masked_select_fn, masked_select_stub);
// self and mask have one shape; source is contiguous with at least as many elements as
// the mask has true values (the kernel checks before writing anything).
using masked_scatter_fn = void (*)(const Tensor& self, const Tensor& mask, const Tensor& source);
EMBER_DECLARE_STUB(masked_scatter_fn, masked_scatter_stub);
using nonzero_fn = Tensor (*)(const Tensor& self);
EMBER_DECLARE_STUB(nonzero_fn, nonzero_stub);

}  // namespace ember
