// CPU kernel of logsumexp: partial results are (max m, sum of exp(x - m)), combined
// pairwise like every reduction, so large inputs never overflow.
#include <cmath>
#include <limits>

#include "ember/backends/cpu/reduce_loops.h"
#include "ember/ops/reduce.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {


template <typename V>
struct MaxSumExp {
  V m;
  V s;
};

template <typename T>
struct LogSumExpOps {
  using in_t = T;
  using V = opmath_t<T>;
  using acc_t = MaxSumExp<V>;
  static constexpr bool kVertical = true;

  // An infinite or NaN maximum decides the result by itself (and x - m would be NaN).
  static bool settled(V m, acc_t* out) {
    if (m != m) {
      *out = {m, m};
      return true;
    }
    if (std::isinf(m)) {
      *out = {m, m > 0 ? V(1) : V(0)};
      return true;
    }
    return false;
  }

  acc_t identity() const { return {-std::numeric_limits<V>::infinity(), V(0)}; }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t) const {
    const V m = multi_select<64>(
        p, stride, n, -std::numeric_limits<V>::infinity(),
        [](V a, T x) {
          const V v = static_cast<V>(x);
          return ((v > a) | (v != v)) ? v : a;
        },
        [](V a, V b) { return ((b > a) | (b != b)) ? b : a; });
    acc_t out;
    if (settled(m, &out)) return out;
    V s = 0;
    for (int64_t i = 0; i < n; ++i) s += std::exp(static_cast<V>(p[i * stride]) - m);
    return {m, s};
  }
  acc_t combine(const acc_t& a, const acc_t& b) const {
    if (a.m != a.m || b.m != b.m) return {a.m + b.m, a.m + b.m};
    const V m = a.m > b.m ? a.m : b.m;
    acc_t out;
    if (settled(m, &out)) return out;
    return {m, a.s * std::exp(a.m - m) + b.s * std::exp(b.m - m)};
  }
  void step(acc_t& acc, T x, int64_t) const { acc = combine(acc, {static_cast<V>(x), V(1)}); }
  void write(char* const* out, const acc_t& acc) const {
    *reinterpret_cast<T*>(out[0]) = static_cast<T>(acc.m + std::log(acc.s));
  }
};

void logsumexp_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_FLOATING(iter.in_dtype, "logsumexp",
                          [&] { reduce_kernel(iter, LogSumExpOps<scalar_t>{}); });
}
EMBER_REGISTER_CPU_KERNEL(logsumexp_stub, &logsumexp_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
