// CPU kernel of copy_: every source dtype to every destination dtype.
#include <cstring>

#include "ember/backends/cpu/loops.h"
#include "ember/ops/copy.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename To, typename From>
inline To convert(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (is_complex_t<To>::value) {
    if constexpr (is_complex_t<From>::value) {
      return To(static_cast<typename To::value_type>(v.real()),
                static_cast<typename To::value_type>(v.imag()));
    } else {
      return To(static_cast<typename To::value_type>(static_cast<opmath_t<From>>(v)));
    }
  } else if constexpr (is_complex_t<From>::value) {
    return convert<To>(v.real());  // the imaginary part is discarded, as in torch
  } else if constexpr (std::is_same_v<To, bool>) {
    return static_cast<opmath_t<From>>(v) != opmath_t<From>(0);
  } else if constexpr (std::is_same_v<To, Half> || std::is_same_v<To, BFloat16>) {
    return To(static_cast<float>(static_cast<opmath_t<From>>(v)));
  } else {
    return static_cast<To>(static_cast<opmath_t<From>>(v));
  }
}

void copy_kernel(TensorIterator& iter) {
  const ScalarType to = iter.dtype(0), from = iter.dtype(1);
  if (to == from && iter.is_contiguous()) {
    const size_t itemsize = element_size(to);
    for_each(iter, [itemsize](char** data, const int64_t*, int64_t n) {
      std::memcpy(data[0], data[1], static_cast<size_t>(n) * itemsize);
    });
    return;
  }
  EMBER_DISPATCH_ALL_AND_COMPLEX(to, "copy_", [&] {
    using To = scalar_t;
    EMBER_DISPATCH_ALL_AND_COMPLEX(from, "copy_", [&] {
      using From = scalar_t;
      cpu_kernel(iter, [](From v) -> To { return convert<To>(v); });
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(copy_stub, &copy_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
