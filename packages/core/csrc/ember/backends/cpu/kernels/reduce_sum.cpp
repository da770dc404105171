// CPU kernels of sum, nansum, prod and mean (ops/reduce.h). Integers and bool accumulate
// in int64 (wrapping like torch, without C++'s signed-overflow UB), 16-bit floats in
// float32, everything else in its own type.
#include <complex>
#include <type_traits>

#include "ember/backends/cpu/reduce_loops.h"
#include "ember/ops/reduce.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
using sum_acc_t = std::conditional_t<std::is_integral_v<T>, int64_t, opmath_t<T>>;

// Accumulators per fold: 128 bytes of them, so float sums keep several vector
// registers of independent chains.
template <typename Acc>
constexpr int kLanes = sizeof(Acc) >= 16 ? 8 : static_cast<int>(128 / sizeof(Acc));

template <typename Acc>
inline Acc add(Acc a, Acc b) {
  if constexpr (std::is_integral_v<Acc>) {
    return static_cast<Acc>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  } else {
    return a + b;
  }
}

template <typename Acc>
inline Acc mul(Acc a, Acc b) {
  if constexpr (std::is_integral_v<Acc>) {
    return static_cast<Acc>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  } else {
    return a * b;
  }
}

template <typename Out, typename Acc>
inline void store(char* p, Acc v) {
  if constexpr (std::is_same_v<Out, bool>) {
    *reinterpret_cast<bool*>(p) = v != Acc(0);
  } else if constexpr (is_complex_t<Out>::value || !is_complex_t<Acc>::value) {
    *reinterpret_cast<Out*>(p) = static_cast<Out>(v);
  }
}

enum class Fold { Sum, NanSum, Prod, Mean };

template <typename T, typename Out, Fold kFold>
struct SumOps {
  using in_t = T;
  using acc_t = sum_acc_t<T>;
  static constexpr bool kVertical = true;
  static constexpr int K = kLanes<acc_t>;

  int64_t count = 0;  // elements per output (mean)

  static acc_t load(T x) {
    if constexpr (kFold == Fold::NanSum) {
      const acc_t v = static_cast<acc_t>(x);
      return v != v ? acc_t(0) : v;
    } else {
      return static_cast<acc_t>(x);
    }
  }
  static acc_t fold(acc_t a, acc_t b) {
    if constexpr (kFold == Fold::Prod) {
      return mul(a, b);
    } else {
      return add(a, b);
    }
  }

  acc_t identity() const { return kFold == Fold::Prod ? acc_t(1) : acc_t(0); }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t) const {
    return multi_fold<K>(
        p, stride, n, identity(), [](acc_t a, T x) { return fold(a, load(x)); }, fold);
  }
  acc_t combine(const acc_t& a, const acc_t& b) const { return fold(a, b); }
  void step(acc_t& acc, T x, int64_t) const { acc = fold(acc, load(x)); }
  void write(char* const* out, const acc_t& acc) const {
    if constexpr (kFold == Fold::Mean) {
      store<Out>(out[0], acc / static_cast<acc_t>(static_cast<double>(count)));
    } else {
      store<Out>(out[0], acc);
    }
  }
};

template <typename T, Fold kFold>
void run_typed(ReduceIter& iter) {
  // Integers write their own dtype or int64 (their accumulator).
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, int64_t>) {
    if (iter.out_dtype[0] == ScalarType::Int64) {
      reduce_kernel(iter, SumOps<T, int64_t, kFold>{iter.reduce_size});
      return;
    }
  }
  reduce_kernel(iter, SumOps<T, T, kFold>{iter.reduce_size});
}

void sum_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.in_dtype, "sum",
                                 [&] { run_typed<scalar_t, Fold::Sum>(iter); });
}
void nansum_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_FLOATING(iter.in_dtype, "nansum",
                          [&] { run_typed<scalar_t, Fold::NanSum>(iter); });
}
void prod_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.in_dtype, "prod",
                                 [&] { run_typed<scalar_t, Fold::Prod>(iter); });
}
void mean_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_FLOATING_AND_COMPLEX(iter.in_dtype, "mean",
                                      [&] { run_typed<scalar_t, Fold::Mean>(iter); });
}

EMBER_REGISTER_CPU_KERNEL(sum_stub, &sum_kernel);
EMBER_REGISTER_CPU_KERNEL(nansum_stub, &nansum_kernel);
EMBER_REGISTER_CPU_KERNEL(prod_stub, &prod_kernel);
EMBER_REGISTER_CPU_KERNEL(mean_stub, &mean_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
