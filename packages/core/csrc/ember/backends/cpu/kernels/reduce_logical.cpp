// CPU kernels of all, any and count_nonzero: every dtype, "nonzero" as in Python's bool()
// (NaN is nonzero, -0.0 is zero). all/any write bool or uint8, both one byte of 0 or 1.
#include <complex>
#include <type_traits>

#include "ember/backends/cpu/reduce_loops.h"
#include "ember/ops/reduce.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
inline bool nonzero(T x) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return (x.x & 0x7fffu) != 0;  // any bit but the sign
  } else {
    return x != T(0);
  }
}

enum class Logical { All, Any, Count };

template <typename T, Logical kOp>
struct LogicalOps {
  using in_t = T;
  // uint32 rather than bool lanes: 32-bit masks are what vector compares produce.
  using acc_t = std::conditional_t<kOp == Logical::Count, int64_t, uint32_t>;
  static constexpr bool kVertical = true;

  static acc_t fold(acc_t a, acc_t b) {
    if constexpr (kOp == Logical::All) {
      return a & b;
    } else if constexpr (kOp == Logical::Any) {
      return a | b;
    } else {
      return a + b;
    }
  }
  static acc_t load(T x) { return static_cast<acc_t>(nonzero(x)); }

  acc_t identity() const { return kOp == Logical::All ? acc_t(1) : acc_t(0); }
  acc_t reduce(const T* p, int64_t stride, int64_t n, int64_t) const {
    return multi_fold<kOp == Logical::Count ? 16 : 32>(
        p, stride, n, identity(), [](acc_t a, T x) { return fold(a, load(x)); }, fold);
  }
  acc_t combine(const acc_t& a, const acc_t& b) const { return fold(a, b); }
  void step(acc_t& acc, T x, int64_t) const { acc = fold(acc, load(x)); }
  void write(char* const* out, const acc_t& acc) const {
    if constexpr (kOp == Logical::Count) {
      *reinterpret_cast<int64_t*>(out[0]) = acc;
    } else {
      *reinterpret_cast<uint8_t*>(out[0]) = acc ? 1 : 0;
    }
  }
};

template <Logical kOp>
void logical_kernel(ReduceIter& iter) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.in_dtype, "all",
                                 [&] { reduce_kernel(iter, LogicalOps<scalar_t, kOp>{}); });
}

EMBER_REGISTER_CPU_KERNEL(all_stub, &logical_kernel<Logical::All>);
EMBER_REGISTER_CPU_KERNEL(any_stub, &logical_kernel<Logical::Any>);
EMBER_REGISTER_CPU_KERNEL(count_nonzero_stub, &logical_kernel<Logical::Count>);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
