// CPU kernel of fill_.
#include "ember/backends/cpu/loops.h"
#include "ember/ops/fill.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename T>
T scalar_as(const Scalar& value) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return T(value.to<float>());
  } else {
    return value.to<T>();
  }
}

void fill_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.dtype(0), "fill_", [&] {
    using T = scalar_t;
    const T v = scalar_as<T>(value);
    for_each(iter, [v](char** data, const int64_t* strides, int64_t n) {
      if (strides[0] == static_cast<int64_t>(sizeof(T))) {
        T* out = reinterpret_cast<T*>(data[0]);
        for (int64_t i = 0; i < n; ++i) out[i] = v;
      } else {
        for (int64_t i = 0; i < n; ++i) *reinterpret_cast<T*>(data[0] + i * strides[0]) = v;
      }
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(fill_stub, &fill_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
