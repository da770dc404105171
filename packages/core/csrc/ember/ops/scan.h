// Scans along one dim: cumsum, cumprod (integers and bool accumulate in int64 unless
// `dtype` is given, as torch), cummax and cummin (values and the index where each running
// extreme was last attained; NaN, once seen, stays).
#pragma once

#include <optional>
#include <tuple>

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/softmax.h"

namespace ember {

EMBER_API Tensor cumsum(const Tensor& x, int64_t dim,
                        std::optional<ScalarType> dtype = std::nullopt,
                        const Tensor& out = Tensor());
EMBER_API Tensor cumprod(const Tensor& x, int64_t dim,
                         std::optional<ScalarType> dtype = std::nullopt,
                         const Tensor& out = Tensor());
// log(cumsum(exp(x))) without overflow; floating inputs.
EMBER_API Tensor logcumsumexp(const Tensor& x, int64_t dim, const Tensor& out = Tensor());
EMBER_API std::tuple<Tensor, Tensor> cummax(const Tensor& x, int64_t dim,
                                            const Tensor& values = Tensor(),
                                            const Tensor& indices = Tensor());
EMBER_API std::tuple<Tensor, Tensor> cummin(const Tensor& x, int64_t dim,
                                            const Tensor& values = Tensor(),
                                            const Tensor& indices = Tensor());

// The geometry of softmax (outer, n, inner), contiguous input and output of one dtype.
using scan_fn = void (*)(const SliceGeometry&);
// cummax/cummin: `indices` is a contiguous int64 tensor shaped like the output.
using scan_indexed_fn = void (*)(const SliceGeometry&, const Tensor& indices);
EMBER_DECLARE_STUB(scan_fn, cumsum_stub);
EMBER_DECLARE_STUB(scan_fn, cumprod_stub);
EMBER_DECLARE_STUB(scan_fn, logcumsumexp_stub);
EMBER_DECLARE_STUB(scan_indexed_fn, cummax_stub);
EMBER_DECLARE_STUB(scan_indexed_fn, cummin_stub);

}  // namespace ember
