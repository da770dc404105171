// CPU kernels of sort, topk and the selections (kthvalue, median, nanmedian, mode) over
// the rows of a SortSlices (ops/sort.h). Sorting is branchy, comparison-bound work that
// wide vectors do not speed up, so this file is compiled at the default level only (the
// dispatcher falls back to it on every CPU).
#if EMBER_CPU_LEVEL == 0

#include <algorithm>
#include <type_traits>
#include <vector>

#include "ember/backends/cpu/loops.h"
#include "ember/ops/sort.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

// Values are compared as K: float for the 16-bit floats, the type itself otherwise.
template <typename K>
struct Entry {
  K v;
  int64_t i;
};

template <typename K>
inline bool is_nan(K v) {
  if constexpr (std::is_floating_point_v<K>) {
    return v != v;
  } else {
    return false;
  }
}

// Ascending order with NaN largest (all NaNs equivalent).
template <typename K>
inline bool less(K a, K b) {
  if constexpr (std::is_floating_point_v<K>) {
    return a < b || (is_nan(b) && !is_nan(a));
  } else {
    return a < b;
  }
}

// A strict total order: by value, then by index.
template <typename K>
inline bool before(const Entry<K>& a, const Entry<K>& b) {
  if (less(a.v, b.v)) return true;
  if (less(b.v, a.v)) return false;
  return a.i < b.i;
}
template <typename K>
inline bool before_desc(const Entry<K>& a, const Entry<K>& b) {
  if (less(b.v, a.v)) return true;
  if (less(a.v, b.v)) return false;
  return a.i < b.i;
}

// Runs f(row, entries) for every row in parallel; entries is a per-thread buffer holding
// the row's (value, index) pairs.
template <typename T, typename F>
void for_each_row(const SortSlices& s, F f) {
  using K = opmath_t<T>;
  const T* in = s.input.data<T>();
  const int64_t work = s.outer * s.n;
  const int threads =
      work < kGrainSize ? 1 : static_cast<int>(std::min<int64_t>(max_threads(), s.outer));
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads) if (threads > 1)
#endif
  {
    std::vector<Entry<K>> entries(static_cast<size_t>(s.n));
#if defined(_OPENMP)
#pragma omp for schedule(dynamic)
#endif
    for (int64_t row = 0; row < s.outer; ++row) {
      const T* x = in + row * s.n;
      for (int64_t i = 0; i < s.n; ++i) entries[i] = {static_cast<K>(x[i]), i};
      f(row, entries);
    }
  }
}

template <typename T>
void sort_typed(const SortSlices& s, bool descending) {
  using K = opmath_t<T>;
  T* values = s.values.data<T>();
  int64_t* indices = s.indices.data<int64_t>();
  for_each_row<T>(s, [&](int64_t row, std::vector<Entry<K>>& e) {
    // Indices break ties, which makes std::sort produce the stable order.
    if (descending) {
      std::sort(e.begin(), e.end(), before_desc<K>);
    } else {
      std::sort(e.begin(), e.end(), before<K>);
    }
    for (int64_t i = 0; i < s.n; ++i) {
      values[row * s.n + i] = static_cast<T>(e[i].v);
      indices[row * s.n + i] = e[i].i;
    }
  });
}

template <typename T>
void topk_typed(const SortSlices& s, int64_t k, bool largest) {
  using K = opmath_t<T>;
  T* values = s.values.data<T>();
  int64_t* indices = s.indices.data<int64_t>();
  for_each_row<T>(s, [&](int64_t row, std::vector<Entry<K>>& e) {
    if (largest) {
      std::partial_sort(e.begin(), e.begin() + k, e.end(), before_desc<K>);
    } else {
      std::partial_sort(e.begin(), e.begin() + k, e.end(), before<K>);
    }
    for (int64_t i = 0; i < k; ++i) {
      values[row * k + i] = static_cast<T>(e[i].v);
      indices[row * k + i] = e[i].i;
    }
  });
}

template <typename K>
Entry<K> kth(std::vector<Entry<K>>& e, int64_t k) {
  std::nth_element(e.begin(), e.begin() + k, e.end(), before<K>);
  return e[k];
}

template <typename K>
Entry<K> mode_of(std::vector<Entry<K>>& e) {
  std::sort(e.begin(), e.end(), before<K>);
  Entry<K> best = e[0];
  int64_t best_count = 0;
  const int64_t n = static_cast<int64_t>(e.size());
  for (int64_t start = 0; start < n;) {
    int64_t end = start + 1;
    // ==, not the sort order's equivalence: NaN never equals NaN, so each NaN is a
    // value seen once (torch's rule).
    while (end < n && e[end].v == e[start].v) ++end;
    // Strictly more frequent only: the smallest of equally frequent values wins; its
    // index is the last occurrence (the run is ordered by index).
    if (end - start > best_count) {
      best_count = end - start;
      best = e[end - 1];
    }
    start = end;
  }
  return best;
}

template <typename T>
void select_typed(const SortSlices& s, SelectKind kind, int64_t k) {
  using K = opmath_t<T>;
  T* values = s.values.data<T>();
  int64_t* indices = s.indices.data<int64_t>();
  for_each_row<T>(s, [&](int64_t row, std::vector<Entry<K>>& e) {
    Entry<K> r{};
    if (kind == SelectKind::Kth) {
      r = kth(e, k - 1);
    } else if (kind == SelectKind::Mode) {
      r = mode_of(e);
    } else {
      int64_t finite = 0, first_nan = -1;
      for (const Entry<K>& x : e) {
        if (!is_nan(x.v)) {
          ++finite;
        } else if (first_nan < 0) {
          first_nan = x.i;
        }
      }
      if (kind == SelectKind::Median && first_nan >= 0) {
        r = {e[first_nan].v, first_nan};  // NaN propagates
      } else if (finite == 0) {
        r = {e[0].v, 0};  // nanmedian of only NaNs
      } else {
        const int64_t count = kind == SelectKind::Median ? s.n : finite;
        r = kth(e, (count - 1) / 2);
      }
    }
    values[row] = static_cast<T>(r.v);
    indices[row] = r.i;
  });
}

void sort_kernel(const SortSlices& s, bool descending) {
  EMBER_DISPATCH_ALL(s.input.dtype(), "sort", [&] { sort_typed<scalar_t>(s, descending); });
}
void topk_kernel(const SortSlices& s, int64_t k, bool largest) {
  EMBER_DISPATCH_ALL(s.input.dtype(), "topk", [&] { topk_typed<scalar_t>(s, k, largest); });
}
void select_kernel(const SortSlices& s, SelectKind kind, int64_t k) {
  EMBER_DISPATCH_ALL(s.input.dtype(), "select", [&] { select_typed<scalar_t>(s, kind, k); });
}

EMBER_REGISTER_CPU_KERNEL(sort_stub, &sort_kernel);
EMBER_REGISTER_CPU_KERNEL(topk_stub, &topk_kernel);
EMBER_REGISTER_CPU_KERNEL(select_stub, &select_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
