// Counting ops: bincount (occurrences of each non-negative integer, optionally weighted)
// and histc (equal-width bins over [min, max]).
#pragma once

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

// int64 counts, or sums of `weights` (float32 for float32 weights, float64 otherwise).
// The length is max(x) + 1, at least `minlength`: it depends on the data (no meta).
EMBER_API Tensor bincount(const Tensor& x, const Tensor& weights = Tensor(),
                          int64_t minlength = 0);
// min == max == 0 means the data's own range; elements outside [min, max] are ignored.
EMBER_API Tensor histc(const Tensor& x, int64_t bins = 100, const Scalar& min = 0,
                       const Scalar& max = 0, const Tensor& out = Tensor());

// x: contiguous 1-d integers; weights: contiguous 1-d or undefined; the kernel allocates
// `out` with `dtype` (it checks for negative values first).
using bincount_fn = void (*)(const Tensor& x, const Tensor& weights, int64_t minlength,
                             ScalarType dtype, Tensor* out);
// x: contiguous; out: contiguous (bins,) of x's dtype.
using histc_fn = void (*)(const Tensor& x, const Tensor& out, double min, double max);
EMBER_DECLARE_STUB(bincount_fn, bincount_stub);
EMBER_DECLARE_STUB(histc_fn, histc_stub);

}  // namespace ember
