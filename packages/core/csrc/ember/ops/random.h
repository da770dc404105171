// Random sampling: in-place fills (uniform_, normal_, random_, bernoulli_) and the
// functions built on them (rand, randn, randint, randperm, normal, bernoulli, multinomial).
// `gen` may be null for the default generator.
#pragma once

#include <optional>

#include "ember/core/generator.h"
#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

EMBER_API const Tensor& uniform_(const Tensor& t, double from, double to, Generator* gen);
EMBER_API const Tensor& normal_(const Tensor& t, double mean, double std, Generator* gen);
// Integers in [from, to); without `to`, [0, 2^mantissa] for floats or the dtype's range.
EMBER_API const Tensor& random_(const Tensor& t, int64_t from, std::optional<int64_t> to,
                                Generator* gen);
EMBER_API const Tensor& bernoulli_(const Tensor& t, double p, Generator* gen);
EMBER_API Tensor bernoulli(const Tensor& probs, Generator* gen);
EMBER_API Tensor normal(const Tensor& mean, const Tensor& std, Generator* gen);
EMBER_API Tensor randperm(int64_t n, ScalarType dtype, Device device, Generator* gen);
EMBER_API Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement,
                             Generator* gen);

// What a fill kernel draws: kind and parameters.
struct RandomSpec {
  enum class Kind { Uniform, Normal, Integer } kind;
  double a = 0, b = 1;      // uniform [a, b) or normal (mean a, std b)
  int64_t low = 0;          // integers: low + (bits % range)
  uint64_t range = 0;       // 0: the full 64-bit range
};
// Values per Philox block for a spec and dtype (how many counters an op reserves).
EMBER_API int64_t values_per_block(const RandomSpec& spec, ScalarType dtype);

// Fills a contiguous tensor.
using random_fill_fn = void (*)(const Tensor& out, const RandomSpec& spec, PhiloxState state);
EMBER_DECLARE_STUB(random_fill_fn, random_fill_stub);
// Writes num_samples category indices per row of a contiguous 2-D float64 `probs`.
using multinomial_fn = void (*)(const Tensor& out, const Tensor& probs, bool replacement,
                                PhiloxState state);
EMBER_DECLARE_STUB(multinomial_fn, multinomial_stub);

}  // namespace ember
