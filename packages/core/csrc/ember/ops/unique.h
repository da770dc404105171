// unique: the distinct elements (or distinct slices along `dim`) in ascending order, with
// the inverse mapping and the counts on request. NaNs never compare equal, so each NaN
// is its own element (as in torch). The output shape depends on the data: no meta.
#pragma once

#include <optional>
#include <tuple>

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

// (values, inverse, counts); inverse and counts are undefined unless asked for.
// sorted=False is answered sorted too, which torch allows.
EMBER_API std::tuple<Tensor, Tensor, Tensor> unique(const Tensor& x, bool sorted = true,
                                                    bool return_inverse = false,
                                                    bool return_counts = false,
                                                    std::optional<int64_t> dim = std::nullopt);

// unique_consecutive: collapses each run of equal neighbours (elements, or slices along
// `dim`) to one, keeping the input's order.
EMBER_API std::tuple<Tensor, Tensor, Tensor> unique_consecutive(
    const Tensor& x, bool return_inverse = false, bool return_counts = false,
    std::optional<int64_t> dim = std::nullopt);

// Elements of a contiguous 1-d `x`, or rows of a contiguous 2-d `x` (rows=true); sorted
// first unless `consecutive`. The kernel allocates the outputs: values, inverse (one per
// element or row), counts.
using unique_fn = void (*)(const Tensor& x, bool rows, bool consecutive, Tensor* values,
                           Tensor* inverse, Tensor* counts);
EMBER_DECLARE_STUB(unique_fn, unique_stub);

}  // namespace ember
