#include "ember/ops/random.h"

#include <cmath>
#include <limits>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(random_fill_fn, random_fill_stub);
EMBER_DEFINE_STUB(multinomial_fn, multinomial_stub);

namespace {

Generator& generator_or_default(Generator* gen) { return gen ? *gen : default_generator(); }

// Draws into `t` (any layout): contiguous tensors are filled directly, others through a
// contiguous temporary, so the values never depend on the layout.
const Tensor& fill_random(const char* op, const Tensor& t, const RandomSpec& spec,
                          Generator* gen) {
  EMBER_CHECK(!is_complex(t.dtype()), "[", op, "] is not implemented for complex tensors");
  if (t.device().is_meta() || t.numel() == 0) return t;
  const int64_t per_block = values_per_block(spec, t.dtype());
  const int64_t blocks = (t.numel() + per_block - 1) / per_block;
  const PhiloxState state = generator_or_default(gen).reserve(static_cast<uint64_t>(blocks));
  if (t.is_contiguous()) {
    random_fill_stub(t.device().type, t, spec, state);
    t.bump_version();
  } else {
    Tensor dense = empty(t.sizes(), t.dtype(), t.device());
    random_fill_stub(t.device().type, dense, spec, state);
    copy_(t, dense);
  }
  return t;
}

}  // namespace

int64_t values_per_block(const RandomSpec& spec, ScalarType dtype) {
  switch (spec.kind) {
    case RandomSpec::Kind::Uniform:
      return dtype == ScalarType::Float64 ? 2 : 4;  // 53 bits from two words, else 24 from one
    case RandomSpec::Kind::Normal:
      return 2;  // one Box-Muller pair per block
    case RandomSpec::Kind::Integer:
      return 2;  // 64 bits per value
  }
  return 1;
}

const Tensor& uniform_(const Tensor& t, double from, double to, Generator* gen) {
  OpScope scope("uniform_");
  EMBER_CHECK(is_floating(t.dtype()), "[uniform_] expects a floating point tensor, got ",
              scalar_type_name(t.dtype()));
  EMBER_CHECK(from <= to, "[uniform_] expects to return a [from, to) range, but found from=",
              from, " > to=", to);
  return fill_random("uniform_", t, {RandomSpec::Kind::Uniform, from, to}, gen);
}

const Tensor& normal_(const Tensor& t, double mean, double std, Generator* gen) {
  OpScope scope("normal_");
  EMBER_CHECK(is_floating(t.dtype()), "[normal_] expects a floating point tensor, got ",
              scalar_type_name(t.dtype()));
  EMBER_CHECK(std >= 0.0, "[normal_] expects std >= 0.0, but found std ", std);
  return fill_random("normal_", t, {RandomSpec::Kind::Normal, mean, std}, gen);
}

namespace {
// The largest integer every value of `dtype` can hold exactly (random_'s default `to`).
int64_t dtype_max_exact(ScalarType t) {
  switch (t) {
    case ScalarType::Bool:
      return 1;
    case ScalarType::UInt8:
      return 255;
    case ScalarType::Int8:
      return 127;
    case ScalarType::Int16:
      return 32767;
    case ScalarType::Int32:
      return 2147483647;
    case ScalarType::Float16:
      return int64_t(1) << 11;
    case ScalarType::BFloat16:
      return int64_t(1) << 8;
    case ScalarType::Float32:
      return int64_t(1) << 24;
    case ScalarType::Float64:
      return int64_t(1) << 53;
    default:
      return std::numeric_limits<int64_t>::max();
  }
}
}  // namespace

const Tensor& random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator* gen) {
  OpScope scope("random_");
  const int64_t high = to ? *to : dtype_max_exact(t.dtype());
  // Without `to`, the bound is inclusive (torch: [0, 2^mantissa] for floats).
  const uint64_t range = to ? static_cast<uint64_t>(high - from)
                            : static_cast<uint64_t>(high - from) + 1;
  EMBER_CHECK(!to || from < high, "[random_] expects 'from' to be less than 'to', but got from=",
              from, " >= to=", high);
  RandomSpec spec{RandomSpec::Kind::Integer};
  spec.low = from;
  spec.range = range;
  return fill_random("random_", t, spec, gen);
}

const Tensor& bernoulli_(const Tensor& t, double p, Generator* gen) {
  OpScope scope("bernoulli_");
  EMBER_CHECK(p >= 0 && p <= 1, "[bernoulli_] expects p to be in [0, 1], but got p=", p);
  Tensor u = empty(t.sizes(), ScalarType::Float64, t.device());
  uniform_(u, 0.0, 1.0, gen);
  return copy_(t, lt(u, Scalar(p)));
}

Tensor bernoulli(const Tensor& probs, Generator* gen) {
  OpScope scope("bernoulli");
  EMBER_CHECK(is_floating(probs.dtype()), "[bernoulli] expects a floating point tensor of "
              "probabilities, got ", scalar_type_name(probs.dtype()));
  Tensor u = empty(probs.sizes(), ScalarType::Float64, probs.device());
  uniform_(u, 0.0, 1.0, gen);
  return to_dtype(lt(u, probs), probs.dtype());
}

Tensor normal(const Tensor& mean, const Tensor& std, Generator* gen) {
  OpScope scope("normal");
  EMBER_CHECK(is_floating(mean.dtype()) || is_floating(std.dtype()),
              "[normal] expects floating point mean or std, got ", scalar_type_name(mean.dtype()),
              " and ", scalar_type_name(std.dtype()));
  const Shape shape = broadcast_shapes(mean.sizes(), std.sizes(), "normal");
  ScalarType dtype = promote_types(mean.dtype(), std.dtype());
  Tensor z = empty(shape, dtype, mean.device());
  normal_(z, 0.0, 1.0, gen);
  return add(mul(z, std), mean);
}

Tensor randperm(int64_t n, ScalarType dtype, Device device, Generator* gen) {
  OpScope scope("randperm");
  EMBER_CHECK(n >= 0, "[randperm] n must be non-negative, got ", n);
  if (device.is_meta()) return empty({n}, dtype, device);
  // Fisher-Yates over Philox draws: a pure function of the generator state.
  Tensor perm = arange(Scalar(0), Scalar(n), Scalar(1), ScalarType::Int64);
  int64_t* p = perm.data<int64_t>();
  const PhiloxState state = generator_or_default(gen).reserve(static_cast<uint64_t>(n));
  for (int64_t i = n - 1; i > 0; --i) {
    const auto block = state.block(static_cast<uint64_t>(i));
    const uint64_t bits = (static_cast<uint64_t>(block[0]) << 32) | block[1];
    std::swap(p[i], p[bits % static_cast<uint64_t>(i + 1)]);
  }
  return to_device(to_dtype(perm, dtype), device);
}

Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator* gen) {
  OpScope scope("multinomial");
  EMBER_CHECK(probs.dim() == 1 || probs.dim() == 2, "[multinomial] prob_dist must be 1 or 2 dim, "
              "got ", probs.dim());
  EMBER_CHECK(is_floating(probs.dtype()), "[multinomial] only supports floating-point dtypes "
              "for input, got: ", scalar_type_name(probs.dtype()));
  EMBER_CHECK(num_samples > 0, "[multinomial] cannot sample n_sample <= 0 samples");
  const int64_t categories = probs.size(-1);
  EMBER_CHECK(replacement || num_samples <= categories, "[multinomial] cannot sample n_sample > "
              "prob_dist.size(-1) samples without replacement");
  if (probs.device().is_meta()) {
    return probs.dim() == 1 ? empty({num_samples}, ScalarType::Int64, probs.device())
                            : empty({probs.size(0), num_samples}, ScalarType::Int64,
                                    probs.device());
  }
  // Sampling reads every probability to validate it: it runs on the CPU for any device.
  Tensor rows = contiguous(to_dtype(to_device(probs.dim() == 1 ? unsqueeze(probs, 0) : probs,
                                              Device(DeviceType::CPU)),
                                    ScalarType::Float64));
  Tensor out = empty({rows.size(0), num_samples}, ScalarType::Int64);
  if (out.numel() > 0) {
    const double* p = rows.data<double>();
    for (int64_t r = 0; r < rows.size(0); ++r) {
      double sum = 0;
      int64_t positive = 0;
      for (int64_t c = 0; c < categories; ++c) {
        const double v = p[r * categories + c];
        EMBER_CHECK(std::isfinite(v) && v >= 0, "[multinomial] probability tensor contains "
                    "either `inf`, `nan` or element < 0");
        sum += v;
        positive += v > 0;
      }
      EMBER_CHECK(sum > 0, "[multinomial] invalid multinomial distribution (sum of "
                  "probabilities <= 0)");
      EMBER_CHECK(replacement || num_samples <= positive, "[multinomial] invalid multinomial "
                  "distribution (with replacement=False, not enough non-negative category to "
                  "sample)");
    }
    const PhiloxState state = generator_or_default(gen).reserve(
        static_cast<uint64_t>(rows.size(0) * (replacement ? num_samples : categories)));
    multinomial_stub(DeviceType::CPU, out, rows, replacement, state);
  }
  out = to_device(out, probs.device());
  return probs.dim() == 1 ? squeeze(out, {0}) : out;
}

}  // namespace ember
