// CPU kernel of var, std, var_mean and std_mean (ops/moments.cpp). Each run of elements
// is reduced in two passes (its mean, then its squared deviations from it); partial
// results (count, mean, M2) are merged with Chan et al.'s formula in double precision.
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "ember/backends/cpu/reduce_loops.h"
#include "ember/ops/reduce.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
struct MomentTypes {
  using value = opmath_t<T>;  // float for float16
  using real = value;
  using wide = double;        // merging precision
  using wide_real = double;
  using out = T;
};
template <typename R>
struct MomentTypes<std::complex<R>> {
  using value = std::complex<R>;
  using real = R;
  using wide = std::complex<double>;
  using wide_real = double;
  using out = R;
};

template <typename W>
struct Moments {
  int64_t n;
  W mean;
  double m2;
};

template <typename T>
struct VarOps {
  using Types = MomentTypes<T>;
  using V = typename Types::value;
  using R = typename Types::real;
  using W = typename Types::wide;
  using in_t = T;
  using acc_t = Moments<W>;
  static constexpr bool kVertical = true;

  double correction = 1;
  bool take_sqrt = false;
  bool with_mean = false;

  static double sq(const W& d) {
    if constexpr (is_complex_t<W>::value) {
      return std::norm(d);
    } else {
      return d * d;
    }
  }
  static R sq_value(const V& d) {
    if constexpr (is_complex_t<V>::value) {
      return std::norm(d);
    } else {
      return d * d;
    }
  }

  acc_t identity() const { return {0, W(0), 0.0}; }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t) const {
    constexpr int K = sizeof(V) == 4 ? 32 : 16;
    const V total = multi_fold<K>(
        p, stride, n, V(0), [](V a, T x) { return a + static_cast<V>(x); },
        [](V a, V b) { return a + b; });
    const V mean = total / static_cast<V>(static_cast<R>(n));
    const R m2 = multi_fold<K>(
        p, stride, n, R(0),
        [mean](R a, T x) { return a + sq_value(static_cast<V>(x) - mean); },
        [](R a, R b) { return a + b; });
    return {n, static_cast<W>(mean), static_cast<double>(m2)};
  }
  acc_t combine(const acc_t& a, const acc_t& b) const {
    if (a.n == 0) return b;
    if (b.n == 0) return a;
    const int64_t n = a.n + b.n;
    const double fa = static_cast<double>(a.n), fb = static_cast<double>(b.n);
    const double fn = static_cast<double>(n);
    const W delta = b.mean - a.mean;
    return {n, a.mean + delta * (fb / fn), a.m2 + b.m2 + sq(delta) * (fa * fb / fn)};
  }
  void step(acc_t& acc, T x, int64_t) const {
    // Welford's update, one element at a time (the row path).
    const W v = static_cast<W>(static_cast<V>(x));
    acc.n += 1;
    const double fn = static_cast<double>(acc.n);
    const W delta = v - acc.mean;
    acc.mean += delta / fn;
    acc.m2 += sq(delta) * ((fn - 1) / fn);
  }
  void write(char* const* out, const acc_t& acc) const {
    using out_t = typename Types::out;
    const double divisor = std::max(0.0, static_cast<double>(acc.n) - correction);
    double v = acc.m2 / divisor;
    if (take_sqrt) v = std::sqrt(v);
    *reinterpret_cast<out_t*>(out[0]) = static_cast<out_t>(static_cast<R>(v));
    if (with_mean) {
      W mean = acc.mean;
      if (acc.n == 0) mean = W(std::numeric_limits<double>::quiet_NaN());
      *reinterpret_cast<T*>(out[1]) = static_cast<T>(static_cast<V>(mean));
    }
  }
};

void var_kernel(ReduceIter& iter, double correction, bool take_sqrt) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.in_dtype, "var", [&] {
    reduce_kernel(iter, VarOps<scalar_t>{correction, take_sqrt, iter.noutputs == 2});
  });
}
EMBER_REGISTER_CPU_KERNEL(var_stub, &var_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
