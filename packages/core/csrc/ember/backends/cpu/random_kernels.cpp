// CPU kernels of the random fills: every value is drawn from its own Philox block, so
// the OpenMP split cannot change the result.
#include <algorithm>
#include <cmath>
#include <vector>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "ember/ops/random.h"

namespace ember::cpu {
namespace {

constexpr double kTwoPi = 6.283185307179586;

inline double unit53(uint32_t hi, uint32_t lo) {  // [0, 1) with 53 random bits
  const uint64_t bits = (static_cast<uint64_t>(hi) << 21) ^ (lo >> 11);
  return static_cast<double>(bits & ((uint64_t(1) << 53) - 1)) * (1.0 / 9007199254740992.0);
}
inline float unit24(uint32_t x) { return static_cast<float>(x >> 8) * (1.0f / 16777216.0f); }

template <typename T>
void fill_typed(T* out, int64_t n, const RandomSpec& spec, PhiloxState state) {
  const int64_t per_block = values_per_block(spec, CppTypeToScalarType<T>::value);
  const int64_t blocks = (n + per_block - 1) / per_block;
#pragma omp parallel for schedule(static) if (blocks > 4096)
  for (int64_t b = 0; b < blocks; ++b) {
    const auto r = state.block(static_cast<uint64_t>(b));
    double values[4];
    switch (spec.kind) {
      case RandomSpec::Kind::Uniform:
        if (per_block == 2) {
          values[0] = unit53(r[0], r[1]);
          values[1] = unit53(r[2], r[3]);
        } else {
          for (int k = 0; k < 4; ++k) values[k] = unit24(r[k]);
        }
        for (int k = 0; k < per_block; ++k) values[k] = spec.a + (spec.b - spec.a) * values[k];
        break;
      case RandomSpec::Kind::Normal: {
        // Box-Muller on (0, 1] x [0, 1): two normal values per block.
        const double u1 = 1.0 - unit53(r[0], r[1]);
        const double u2 = unit53(r[2], r[3]);
        const double radius = std::sqrt(-2.0 * std::log(u1));
        values[0] = spec.a + spec.b * radius * std::cos(kTwoPi * u2);
        values[1] = spec.a + spec.b * radius * std::sin(kTwoPi * u2);
        break;
      }
      case RandomSpec::Kind::Integer:
        for (int k = 0; k < 2; ++k) {
          const uint64_t bits = (static_cast<uint64_t>(r[2 * k]) << 32) | r[2 * k + 1];
          const uint64_t v = spec.range ? bits % spec.range : bits;
          values[k] = 0;  // unused for integers: written below without a double round trip
          const int64_t value = spec.low + static_cast<int64_t>(v);
          const int64_t index = b * per_block + k;
          if (index < n) {
            if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
              out[index] = T(static_cast<float>(value));
            } else {
              out[index] = static_cast<T>(value);
            }
          }
        }
        continue;
    }
    for (int k = 0; k < per_block; ++k) {
      const int64_t index = b * per_block + k;
      if (index < n) {
        if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
          out[index] = T(static_cast<float>(values[k]));
        } else if constexpr (std::is_same_v<T, bool>) {
          out[index] = values[k] != 0;
        } else {
          out[index] = static_cast<T>(values[k]);
        }
      }
    }
  }
}

void random_fill_kernel(const Tensor& out, const RandomSpec& spec, PhiloxState state) {
  EMBER_DISPATCH_ALL(out.dtype(), "random", [&] {
    fill_typed<scalar_t>(out.data<scalar_t>(), out.numel(), spec, state);
  });
}

void multinomial_kernel(const Tensor& out, const Tensor& probs, bool replacement,
                        PhiloxState state) {
  const int64_t rows = probs.size(0), categories = probs.size(1), samples = out.size(1);
  const double* p = probs.data<double>();
  int64_t* o = out.data<int64_t>();
  const uint64_t per_row = static_cast<uint64_t>(replacement ? samples : categories);
  for (int64_t r = 0; r < rows; ++r) {
    const double* row = p + r * categories;
    const uint64_t base = static_cast<uint64_t>(r) * per_row;
    if (replacement) {
      std::vector<double> cdf(static_cast<size_t>(categories));
      double total = 0;
      for (int64_t c = 0; c < categories; ++c) cdf[c] = (total += row[c]);
      for (int64_t s = 0; s < samples; ++s) {
        const auto block = state.block(base + static_cast<uint64_t>(s));
        const double u = unit53(block[0], block[1]) * total;
        int64_t c = std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
        c = std::min(c, categories - 1);
        while (row[c] == 0 && c > 0) --c;  // never land on a zero-probability category
        o[r * samples + s] = c;
      }
    } else {
      // Weighted sampling without replacement (Efraimidis & Spirakis): the categories with
      // the largest keys u^(1/w) form the sample, in decreasing key order.
      std::vector<std::pair<double, int64_t>> keys;
      for (int64_t c = 0; c < categories; ++c) {
        if (row[c] <= 0) continue;
        const auto block = state.block(base + static_cast<uint64_t>(c));
        const double u = 1.0 - unit53(block[0], block[1]);
        keys.emplace_back(std::log(u) / row[c], c);
      }
      std::partial_sort(keys.begin(), keys.begin() + samples, keys.end(),
                        [](const auto& a, const auto& b) { return a.first > b.first; });
      for (int64_t s = 0; s < samples; ++s) o[r * samples + s] = keys[s].second;
    }
  }
}

EMBER_REGISTER_KERNEL(random_fill_stub, DeviceType::CPU, &random_fill_kernel);
EMBER_REGISTER_KERNEL(multinomial_stub, DeviceType::CPU, &multinomial_kernel);

}  // namespace
}  // namespace ember::cpu
