// CPU kernels of amax, amin, max/min with indices, argmax and argmin. NaN wins every
// comparison; among equal extremes (and among NaNs) the smallest index wins, so the
// result does not depend on the order partial results are combined in.
#include <limits>
#include <type_traits>

#include "ember/backends/cpu/reduce_loops.h"
#include "ember/ops/reduce.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename V>
inline bool nan_value(V v) {
  if constexpr (std::is_floating_point_v<V>) {
    return v != v;
  } else {
    return false;
  }
}

// The extreme of two values, NaN-propagating; written as a select without short-circuit
// evaluation so it vectorizes (see multi_select).
template <bool kMax, typename V>
inline V pick(V a, V x) {
  if constexpr (std::is_floating_point_v<V>) {
    return ((kMax ? x > a : x < a) | (x != x)) ? x : a;
  } else {
    return (kMax ? x > a : x < a) ? x : a;
  }
}

template <bool kMax, typename V>
constexpr V worst() {
  if constexpr (std::is_same_v<V, bool>) {
    return !kMax;
  } else if constexpr (std::is_floating_point_v<V>) {
    return kMax ? -std::numeric_limits<V>::infinity() : std::numeric_limits<V>::infinity();
  } else {
    return kMax ? std::numeric_limits<V>::lowest() : std::numeric_limits<V>::max();
  }
}

constexpr int kSelectLanes = 64;

template <typename T, bool kMax>
struct ExtremeOps {
  using in_t = T;
  using acc_t = opmath_t<T>;
  static constexpr bool kVertical = true;

  acc_t identity() const { return worst<kMax, acc_t>(); }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t) const {
    return multi_select<kSelectLanes>(
        p, stride, n, identity(), [](acc_t a, T x) { return pick<kMax>(a, static_cast<acc_t>(x)); },
        [](acc_t a, acc_t b) { return pick<kMax>(a, b); });
  }
  acc_t combine(const acc_t& a, const acc_t& b) const { return pick<kMax>(a, b); }
  void step(acc_t& acc, T x, int64_t) const { acc = pick<kMax>(acc, static_cast<acc_t>(x)); }
  void write(char* const* out, const acc_t& acc) const {
    *reinterpret_cast<T*>(out[0]) = static_cast<T>(acc);
  }
};

template <typename V>
struct ValueIndex {
  V v;
  int64_t i;
};

// kValues: write the values (output 0) and the indices (output 1); else the indices only.
template <typename T, bool kMax, bool kValues>
struct ArgOps {
  using in_t = T;
  using value_t = opmath_t<T>;
  using acc_t = ValueIndex<value_t>;
  static constexpr bool kVertical = true;

  // Whether a should be reported rather than b.
  static bool better(const acc_t& a, const acc_t& b) {
    const bool an = nan_value(a.v), bn = nan_value(b.v);
    if (an || bn) return an && (!bn || a.i < b.i);
    if (a.v == b.v) return a.i < b.i;
    return kMax ? a.v > b.v : a.v < b.v;
  }

  // The largest index: any element ties with it and wins.
  acc_t identity() const { return {worst<kMax, value_t>(), std::numeric_limits<int64_t>::max()}; }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t index0) const {
    // The extreme value with vectorizable independent accumulators, then its first
    // position: two cheap passes instead of one branchy one.
    const value_t v = multi_select<kSelectLanes>(
        p, stride, n, static_cast<value_t>(p[0]),
        [](value_t a, T x) { return pick<kMax>(a, static_cast<value_t>(x)); },
        [](value_t a, value_t b) { return pick<kMax>(a, b); });
    const int64_t i =
        nan_value(v)
            ? find_first(p, stride, n, [](T x) { return nan_value(static_cast<value_t>(x)); })
            : find_first(p, stride, n, [v](T x) { return static_cast<value_t>(x) == v; });
    return {v, index0 + i};
  }
  acc_t combine(const acc_t& a, const acc_t& b) const { return better(b, a) ? b : a; }
  void step(acc_t& acc, T x, int64_t index) const {
    const acc_t candidate{static_cast<value_t>(x), index};
    if (better(candidate, acc)) acc = candidate;
  }
  void write(char* const* out, const acc_t& acc) const {
    if constexpr (kValues) {
      *reinterpret_cast<T*>(out[0]) = static_cast<T>(acc.v);
      *reinterpret_cast<int64_t*>(out[1]) = acc.i;
    } else {
      *reinterpret_cast<int64_t*>(out[0]) = acc.i;
    }
  }
};

template <bool kMax>
void extreme_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_ALL(iter.in_dtype, kMax ? "amax" : "amin",
                     [&] { reduce_kernel(iter, ExtremeOps<scalar_t, kMax>{}); });
}

template <bool kMax>
void extreme_dim_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_ALL(iter.in_dtype, kMax ? "max" : "min",
                     [&] { reduce_kernel(iter, ArgOps<scalar_t, kMax, true>{}); });
}

template <bool kMax>
void arg_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_NUMERIC(iter.in_dtype, kMax ? "argmax" : "argmin",
                         [&] { reduce_kernel(iter, ArgOps<scalar_t, kMax, false>{}); });
}

EMBER_REGISTER_CPU_KERNEL(amax_stub, &extreme_kernel<true>);
EMBER_REGISTER_CPU_KERNEL(amin_stub, &extreme_kernel<false>);
EMBER_REGISTER_CPU_KERNEL(max_dim_stub, &extreme_dim_kernel<true>);
EMBER_REGISTER_CPU_KERNEL(min_dim_stub, &extreme_dim_kernel<false>);
EMBER_REGISTER_CPU_KERNEL(argmax_stub, &arg_kernel<true>);
EMBER_REGISTER_CPU_KERNEL(argmin_stub, &arg_kernel<false>);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
