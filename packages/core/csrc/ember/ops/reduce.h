// Reductions: sum, nansum, mean, nanmean, prod, amax, amin, max, min, argmax, argmin,
// all, any, count_nonzero, logsumexp, var, std, var_mean, std_mean. torch's rules:
// `dim` is an int, a list (empty: every dim) or nullopt (every dim); integer and bool
// sums and products accumulate and return int64 unless `dtype` says otherwise; float16
// and bfloat16 accumulate in float32; mean and var want floating or complex inputs.
// Front ends here (validation, result dtype and shape, output allocation); kernels in
// backends/cpu/kernels/reduce_*.cpp over a ReduceIter.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/reduce_iterator.h"

namespace ember {

using OptDtype = std::optional<ScalarType>;

// `out` may be undefined in every *_impl-style entry point below: then a new tensor is
// returned; otherwise the result is written into it and it is returned.
#define EMBER_DECLARE_SUM_LIKE(name)                                                         \
  EMBER_API Tensor name(const Tensor& x, const DimList& dim = std::nullopt,                 \
                        bool keepdim = false, OptDtype dtype = std::nullopt);               \
  EMBER_API Tensor name##_out(const Tensor& out, const Tensor& x, const DimList& dim,        \
                              bool keepdim, OptDtype dtype);
EMBER_DECLARE_SUM_LIKE(sum)
EMBER_DECLARE_SUM_LIKE(nansum)
EMBER_DECLARE_SUM_LIKE(mean)
EMBER_DECLARE_SUM_LIKE(nanmean)
#undef EMBER_DECLARE_SUM_LIKE

// torch.prod takes one dim (or none: every dim).
EMBER_API Tensor prod(const Tensor& x, std::optional<int64_t> dim = std::nullopt,
                      bool keepdim = false, OptDtype dtype = std::nullopt);
EMBER_API Tensor prod_out(const Tensor& out, const Tensor& x, std::optional<int64_t> dim,
                          bool keepdim, OptDtype dtype);

EMBER_API Tensor amax(const Tensor& x, const DimList& dim = std::nullopt, bool keepdim = false);
EMBER_API Tensor amax_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim);
EMBER_API Tensor amin(const Tensor& x, const DimList& dim = std::nullopt, bool keepdim = false);
EMBER_API Tensor amin_out(const Tensor& out, const Tensor& x, const DimList& dim, bool keepdim);

// max(x) / min(x): the 0-d extreme value (NaN when any element is NaN).
EMBER_API Tensor max(const Tensor& x);
EMBER_API Tensor min(const Tensor& x);
// max(x, dim) / min(x, dim): (values, indices); the index of the first extreme element
// (of the first NaN, when there is one).
EMBER_API std::tuple<Tensor, Tensor> max(const Tensor& x, int64_t dim, bool keepdim = false);
EMBER_API std::tuple<Tensor, Tensor> min(const Tensor& x, int64_t dim, bool keepdim = false);
EMBER_API std::tuple<Tensor, Tensor> max_out(const Tensor& values, const Tensor& indices,
                                             const Tensor& x, int64_t dim, bool keepdim);
EMBER_API std::tuple<Tensor, Tensor> min_out(const Tensor& values, const Tensor& indices,
                                             const Tensor& x, int64_t dim, bool keepdim);
// (min, max) in one call: every element, or along `dim`.
EMBER_API std::tuple<Tensor, Tensor> aminmax(const Tensor& x,
                                             std::optional<int64_t> dim = std::nullopt,
                                             bool keepdim = false);
// No dim: the index into the flattened tensor.
EMBER_API Tensor argmax(const Tensor& x, std::optional<int64_t> dim = std::nullopt,
                        bool keepdim = false, const Tensor& out = Tensor());
EMBER_API Tensor argmin(const Tensor& x, std::optional<int64_t> dim = std::nullopt,
                        bool keepdim = false, const Tensor& out = Tensor());

// bool results (uint8 for uint8 inputs, as torch); an empty dim list reduces nothing.
EMBER_API Tensor all(const Tensor& x, const DimList& dim = std::nullopt, bool keepdim = false,
                     const Tensor& out = Tensor());
EMBER_API Tensor any(const Tensor& x, const DimList& dim = std::nullopt, bool keepdim = false,
                     const Tensor& out = Tensor());
EMBER_API Tensor count_nonzero(const Tensor& x, const DimList& dim = std::nullopt);

// log(sum(exp(x))) without overflow; integer inputs compute in the default dtype.
EMBER_API Tensor logsumexp(const Tensor& x, const DimList& dim, bool keepdim = false,
                           const Tensor& out = Tensor());

// Variance and standard deviation with Bessel's `correction` (default 1); float and
// complex inputs, real results.
EMBER_API Tensor var(const Tensor& x, const DimList& dim = std::nullopt,
                     const std::optional<Scalar>& correction = std::nullopt, bool keepdim = false,
                     const Tensor& out = Tensor());
// torch.std (named std_dev here so it never shadows namespace std).
EMBER_API Tensor std_dev(const Tensor& x, const DimList& dim = std::nullopt,
                         const std::optional<Scalar>& correction = std::nullopt,
                         bool keepdim = false, const Tensor& out = Tensor());
// (var, mean) and (std, mean) in one pass over the data.
EMBER_API std::tuple<Tensor, Tensor> var_mean(const Tensor& x, const DimList& dim = std::nullopt,
                                              const std::optional<Scalar>& correction = std::nullopt,
                                              bool keepdim = false);
EMBER_API std::tuple<Tensor, Tensor> std_mean(const Tensor& x, const DimList& dim = std::nullopt,
                                              const std::optional<Scalar>& correction = std::nullopt,
                                              bool keepdim = false);

using reduce_fn = void (*)(ReduceIter&);
// correction: Bessel's; take_sqrt: std rather than var. A second output receives the mean.
using var_fn = void (*)(ReduceIter&, double correction, bool take_sqrt);
EMBER_DECLARE_STUB(reduce_fn, sum_stub);
EMBER_DECLARE_STUB(reduce_fn, nansum_stub);
EMBER_DECLARE_STUB(reduce_fn, mean_stub);
EMBER_DECLARE_STUB(reduce_fn, prod_stub);
EMBER_DECLARE_STUB(reduce_fn, amax_stub);
EMBER_DECLARE_STUB(reduce_fn, amin_stub);
EMBER_DECLARE_STUB(reduce_fn, max_dim_stub);  // values and indices
EMBER_DECLARE_STUB(reduce_fn, min_dim_stub);
EMBER_DECLARE_STUB(reduce_fn, argmax_stub);
EMBER_DECLARE_STUB(reduce_fn, argmin_stub);
EMBER_DECLARE_STUB(reduce_fn, all_stub);
EMBER_DECLARE_STUB(reduce_fn, any_stub);
EMBER_DECLARE_STUB(reduce_fn, count_nonzero_stub);
EMBER_DECLARE_STUB(reduce_fn, logsumexp_stub);
EMBER_DECLARE_STUB(var_fn, var_stub);

}  // namespace ember
