// CPU loops over a TensorIterator. A kernel author writes only the scalar function:
//
//   cpu_kernel(iter, [](float a, float b) -> float { return a + b; });
//
// and gets broadcasting, strides, dtype-correct pointers, a contiguous fast path the
// compiler vectorizes (this header is compiled once per instruction-set level, see
// kernel_registration.h), a hoisted scalar operand, and OpenMP above a grain size.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "ember/backends/cpu/kernel_registration.h"
#include "ember/ops/tensor_iterator.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {

constexpr int kMaxOperands = 8;
// Elements below which a loop runs on one thread: OpenMP's fork costs about a
// microsecond, worth it only for work well above that.
constexpr int64_t kGrainSize = 32768;

inline int max_threads() {
#if defined(_OPENMP)
  return omp_get_max_threads();
#else
  return 1;
#endif
}

// Calls loop(char** data, const int64_t* strides, int64_t n) over the elements
// [begin, end) of the iteration space, one innermost run at a time.
template <typename Loop>
void serial_for_each(const TensorIterator& iter, int64_t begin, int64_t end, Loop& loop) {
  const int nt = iter.ntensors();
  const int nd = iter.ndim();
  const Shape& shape = iter.shape();
  std::array<int64_t, 16> counter{};
  int64_t index = begin;
  for (int d = 0; d < nd; ++d) {
    counter[d] = index % shape[d];
    index /= shape[d];
  }
  std::array<char*, kMaxOperands> ptrs;
  std::array<int64_t, kMaxOperands> inner;
  for (int a = 0; a < nt; ++a) inner[a] = iter.strides(a)[0];
  int64_t remaining = end - begin;
  while (remaining > 0) {
    for (int a = 0; a < nt; ++a) {
      char* p = iter.data(a);
      const Shape& s = iter.strides(a);
      for (int d = 0; d < nd; ++d) p += counter[d] * s[d];
      ptrs[a] = p;
    }
    const int64_t n = std::min(shape[0] - counter[0], remaining);
    loop(ptrs.data(), inner.data(), n);
    remaining -= n;
    counter[0] += n;
    for (int d = 0; d < nd - 1 && counter[d] == shape[d]; ++d) {
      counter[d] = 0;
      ++counter[d + 1];
    }
  }
}

// serial_for_each over the whole iteration space, split across threads when large.
template <typename Loop>
void for_each(const TensorIterator& iter, Loop&& loop, int64_t grain = kGrainSize) {
  const int64_t numel = iter.numel();
  if (numel == 0) return;
  const int threads = static_cast<int>(std::min<int64_t>(max_threads(), numel / grain));
  if (threads <= 1) {
    if (iter.ndim() == 1) {  // one flat run: no index arithmetic
      std::array<char*, kMaxOperands> ptrs;
      std::array<int64_t, kMaxOperands> strides;
      for (int a = 0; a < iter.ntensors(); ++a) {
        ptrs[a] = iter.data(a);
        strides[a] = iter.strides(a)[0];
      }
      loop(ptrs.data(), strides.data(), numel);
      return;
    }
    serial_for_each(iter, 0, numel, loop);
    return;
  }
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
  {
    const int64_t tid = omp_get_thread_num();
    const int64_t chunk = (numel + threads - 1) / threads;
    const int64_t begin = tid * chunk;
    const int64_t end = std::min(numel, begin + chunk);
    if (begin < end) serial_for_each(iter, begin, end, loop);
  }
#endif
}

// ---- elementwise -----------------------------------------------------------------------

template <typename F>
struct function_traits : function_traits<decltype(&F::operator())> {};
template <typename C, typename R, typename... Args>
struct function_traits<R (C::*)(Args...) const> {
  using result_type = R;
  using args = std::tuple<Args...>;
  static constexpr int arity = sizeof...(Args);
};

template <typename traits, size_t... I>
bool all_contiguous(const int64_t* strides, std::index_sequence<I...>) {
  using out_t = typename traits::result_type;
  return strides[0] == sizeof(out_t) &&
         ((strides[I + 1] == sizeof(std::tuple_element_t<I, typename traits::args>)) && ...);
}

template <typename traits, typename Op, size_t... I>
inline void contiguous_loop(char** data, int64_t n, Op& op, std::index_sequence<I...>) {
  using out_t = typename traits::result_type;
  out_t* out = reinterpret_cast<out_t*>(data[0]);
  std::tuple<const std::tuple_element_t<I, typename traits::args>*...> in{
      reinterpret_cast<const std::tuple_element_t<I, typename traits::args>*>(data[I + 1])...};
  for (int64_t i = 0; i < n; ++i) out[i] = op(std::get<I>(in)[i]...);
}

// Contiguous except operand `S` (an input), which is a broadcast scalar.
template <typename traits, int S, typename Op, size_t... I>
inline void scalar_operand_loop(char** data, int64_t n, Op& op, std::index_sequence<I...>) {
  using out_t = typename traits::result_type;
  out_t* out = reinterpret_cast<out_t*>(data[0]);
  const auto scalar = *reinterpret_cast<const std::tuple_element_t<S, typename traits::args>*>(
      data[S + 1]);
  auto pick = [&](auto index_constant, int64_t i) {
    constexpr size_t K = decltype(index_constant)::value;
    using T = std::tuple_element_t<K, typename traits::args>;
    if constexpr (K == static_cast<size_t>(S)) {
      return static_cast<T>(scalar);
    } else {
      return reinterpret_cast<const T*>(data[K + 1])[i];
    }
  };
  for (int64_t i = 0; i < n; ++i) out[i] = op(pick(std::integral_constant<size_t, I>{}, i)...);
}

template <typename traits, typename Op, size_t... I>
inline void strided_loop(char** data, const int64_t* strides, int64_t n, Op& op,
                         std::index_sequence<I...>) {
  using out_t = typename traits::result_type;
  for (int64_t i = 0; i < n; ++i) {
    *reinterpret_cast<out_t*>(data[0] + i * strides[0]) =
        op(*reinterpret_cast<const std::tuple_element_t<I, typename traits::args>*>(
            data[I + 1] + i * strides[I + 1])...);
  }
}

template <typename traits, size_t... I>
bool contiguous_but_scalar(const int64_t* strides, int scalar_arg, std::index_sequence<I...>) {
  using out_t = typename traits::result_type;
  return strides[0] == sizeof(out_t) &&
         (((static_cast<int>(I) == scalar_arg)
               ? strides[I + 1] == 0
               : strides[I + 1] == sizeof(std::tuple_element_t<I, typename traits::args>)) &&
          ...);
}

// out = op(inputs...) elementwise; the lambda's argument and return types must be the
// operands' dtypes.
template <typename Op>
void cpu_kernel(const TensorIterator& iter, Op op) {
  using traits = function_traits<Op>;
  constexpr int arity = traits::arity;
  using indices = std::make_index_sequence<arity>;
  for_each(iter, [&](char** data, const int64_t* strides, int64_t n) {
    if (all_contiguous<traits>(strides, indices{})) {
      contiguous_loop<traits>(data, n, op, indices{});
      return;
    }
    // A hoisted scalar operand pays off for the arithmetic types; the others (bool, small
    // and complex types) take the strided loop, which keeps the build smaller.
    using first_t = std::tuple_element_t<0, typename traits::args>;
    constexpr bool hoist = std::is_same_v<first_t, float> || std::is_same_v<first_t, double> ||
                           std::is_same_v<first_t, int64_t> || std::is_same_v<first_t, int32_t> ||
                           std::is_same_v<first_t, Half> || std::is_same_v<first_t, BFloat16>;
    if constexpr (arity == 2 && hoist) {
      if (contiguous_but_scalar<traits>(strides, 1, indices{})) {
        scalar_operand_loop<traits, 1>(data, n, op, indices{});
        return;
      }
      if (contiguous_but_scalar<traits>(strides, 0, indices{})) {
        scalar_operand_loop<traits, 0>(data, n, op, indices{});
        return;
      }
    }
    strided_loop<traits>(data, strides, n, op, indices{});
  });
}

}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
