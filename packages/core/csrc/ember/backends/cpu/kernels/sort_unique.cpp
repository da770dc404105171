// CPU kernel of unique and unique_consecutive (ops/unique.h): sort (value, index) pairs
// (unique_consecutive keeps the input order), then walk runs of equal values.
// Compiled at the default level only (see sort.cpp).
#if EMBER_CPU_LEVEL == 0

#include <algorithm>
#include <cstring>
#include <numeric>
#include <type_traits>
#include <vector>

#include "ember/backends/cpu/loops.h"
#include "ember/core/empty.h"
#include "ember/ops/unique.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

template <typename K>
inline bool less(K a, K b) {  // NaN largest
  if constexpr (std::is_floating_point_v<K>) {
    return a < b || (b != b && a == a);
  } else {
    return a < b;
  }
}

template <typename T>
void unique_elements(const Tensor& x, bool consecutive, Tensor* values, Tensor* inverse,
                     Tensor* counts) {
  using K = opmath_t<T>;
  const T* data = x.data<T>();
  const int64_t n = x.numel();
  std::vector<std::pair<K, int64_t>> e(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) e[i] = {static_cast<K>(data[i]), i};
  if (!consecutive) {
    std::sort(e.begin(), e.end(), [](const auto& a, const auto& b) {
      if (less(a.first, b.first)) return true;
      if (less(b.first, a.first)) return false;
      return a.second < b.second;
    });
  }
  std::vector<int64_t> starts;  // first entry of each run of equal values
  for (int64_t i = 0; i < n; ++i) {
    if (i == 0 || !(e[i].first == e[i - 1].first)) starts.push_back(i);  // NaN != NaN
  }
  const int64_t u = static_cast<int64_t>(starts.size());
  *values = empty({u}, x.dtype());
  *inverse = empty({n}, ScalarType::Int64);
  *counts = empty({u}, ScalarType::Int64);
  T* v = values->data<T>();
  int64_t* inv = inverse->data<int64_t>();
  int64_t* cnt = counts->data<int64_t>();
  for (int64_t k = 0; k < u; ++k) {
    const int64_t begin = starts[k], end = k + 1 < u ? starts[k + 1] : n;
    v[k] = data[e[begin].second];
    cnt[k] = end - begin;
    for (int64_t i = begin; i < end; ++i) inv[e[i].second] = k;
  }
}

template <typename T>
void unique_rows(const Tensor& x, bool consecutive, Tensor* values, Tensor* inverse,
                 Tensor* counts) {
  using K = opmath_t<T>;
  const T* data = x.data<T>();
  const int64_t n = x.sizes()[0], m = x.sizes()[1];
  auto row = [&](int64_t r) { return data + r * m; };
  auto row_less = [&](int64_t a, int64_t b) {
    for (int64_t j = 0; j < m; ++j) {
      const K va = static_cast<K>(row(a)[j]), vb = static_cast<K>(row(b)[j]);
      if (less(va, vb)) return true;
      if (less(vb, va)) return false;
    }
    return a < b;
  };
  auto row_equal = [&](int64_t a, int64_t b) {
    for (int64_t j = 0; j < m; ++j) {
      if (!(static_cast<K>(row(a)[j]) == static_cast<K>(row(b)[j]))) return false;
    }
    return true;
  };
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  if (!consecutive) std::sort(order.begin(), order.end(), row_less);
  std::vector<int64_t> starts;
  for (int64_t i = 0; i < n; ++i) {
    if (i == 0 || !row_equal(order[i], order[i - 1])) starts.push_back(i);
  }
  const int64_t u = static_cast<int64_t>(starts.size());
  *values = empty({u, m}, x.dtype());
  *inverse = empty({n}, ScalarType::Int64);
  *counts = empty({u}, ScalarType::Int64);
  T* v = values->data<T>();
  int64_t* inv = inverse->data<int64_t>();
  int64_t* cnt = counts->data<int64_t>();
  for (int64_t k = 0; k < u; ++k) {
    const int64_t begin = starts[k], end = k + 1 < u ? starts[k + 1] : n;
    if (m > 0) std::memcpy(v + k * m, row(order[begin]), static_cast<size_t>(m) * sizeof(T));
    cnt[k] = end - begin;
    for (int64_t i = begin; i < end; ++i) inv[order[i]] = k;
  }
}

void unique_kernel(const Tensor& x, bool rows, bool consecutive, Tensor* values,
                   Tensor* inverse, Tensor* counts) {
  EMBER_DISPATCH_ALL(x.dtype(), "unique", [&] {
    if (rows) {
      unique_rows<scalar_t>(x, consecutive, values, inverse, counts);
    } else {
      unique_elements<scalar_t>(x, consecutive, values, inverse, counts);
    }
  });
}
EMBER_REGISTER_CPU_KERNEL(unique_stub, &unique_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
