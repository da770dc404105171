// Sorting and selection along one dim: sort, argsort, topk, kthvalue, median, nanmedian,
// mode; and unique. NaN sorts as the largest value (first when descending), as in torch.
// Sorting is always stable here (stable=False permits any order of equal elements, so a
// stable order is a valid answer); topk, kthvalue and median break ties between equal
// values by their index, so results never depend on the thread count.
#pragma once

#include <optional>
#include <tuple>

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

using TensorPair = std::tuple<Tensor, Tensor>;

// `values` / `indices` may be undefined (allocated) or out= tensors.
EMBER_API TensorPair sort(const Tensor& x, int64_t dim = -1, bool descending = false,
                          bool stable = false, const Tensor& values = Tensor(),
                          const Tensor& indices = Tensor());
EMBER_API Tensor argsort(const Tensor& x, int64_t dim = -1, bool descending = false,
                         bool stable = false);
EMBER_API TensorPair topk(const Tensor& x, int64_t k, int64_t dim = -1, bool largest = true,
                          bool sorted = true, const Tensor& values = Tensor(),
                          const Tensor& indices = Tensor());
// The k-th smallest element (k counts from 1).
EMBER_API TensorPair kthvalue(const Tensor& x, int64_t k, int64_t dim = -1, bool keepdim = false,
                              const Tensor& values = Tensor(), const Tensor& indices = Tensor());
// The lower median: NaN when the slice holds a NaN (nanmedian: of the non-NaN elements).
EMBER_API Tensor median(const Tensor& x);
EMBER_API Tensor nanmedian(const Tensor& x);
EMBER_API TensorPair median(const Tensor& x, int64_t dim, bool keepdim = false,
                            const Tensor& values = Tensor(), const Tensor& indices = Tensor());
EMBER_API TensorPair nanmedian(const Tensor& x, int64_t dim, bool keepdim = false,
                               const Tensor& values = Tensor(), const Tensor& indices = Tensor());
// The most frequent value (the smallest of equally frequent ones) and its last index.
EMBER_API TensorPair mode(const Tensor& x, int64_t dim = -1, bool keepdim = false,
                          const Tensor& values = Tensor(), const Tensor& indices = Tensor());

// Rows of a contiguous (outer, n) input; `values` and `indices` are contiguous
// (outer, width) outputs.
struct SortSlices {
  Tensor input;
  Tensor values;
  Tensor indices;
  int64_t outer = 1;
  int64_t n = 1;
};

enum class SelectKind { Kth, Median, NanMedian, Mode };

using sort_fn = void (*)(const SortSlices&, bool descending);
using topk_fn = void (*)(const SortSlices&, int64_t k, bool largest);
// Kth: the k-th smallest (k from 1); the other kinds ignore k.
using select_fn = void (*)(const SortSlices&, SelectKind kind, int64_t k);
EMBER_DECLARE_STUB(sort_fn, sort_stub);
EMBER_DECLARE_STUB(topk_fn, topk_stub);
EMBER_DECLARE_STUB(select_fn, select_stub);

}  // namespace ember
