// CPU kernels of the mask ops (ops/masked.cpp) and nonzero. Those that compact elements
// (masked_select, masked_scatter, nonzero) walk in logical row-major order in two
// passes: count per chunk, then write each chunk at its prefix offset, so the output is
// in order and the same whatever the thread count.
//
// Memory-bound: compiled at the default instruction-set level only, for every dtype.
#include <complex>

#include "ember/backends/cpu/kernels/index_loops.h"
#include "ember/core/empty.h"
#include "ember/ops/indexing.h"

#if EMBER_CPU_LEVEL == 0

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

void masked_fill_kernel(TensorIterator& iter) {
  dispatch_by_size(element_size(iter.dtype(0)), "masked_fill", [&](auto tag) {
    using E = decltype(tag);
    for_each(iter, [](char** data, const int64_t* strides, int64_t n) {
      const E value = *reinterpret_cast<const E*>(data[2]);  // 0-d: stride 0 throughout
      for (int64_t i = 0; i < n; ++i) {
        if (*reinterpret_cast<const bool*>(data[1] + i * strides[1])) {
          *reinterpret_cast<E*>(data[0] + i * strides[0]) = value;
        }
      }
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(masked_fill_stub, &masked_fill_kernel);

// Elements per chunk below which the compaction kernels stay on one thread.
constexpr int64_t kCompactGrain = 1 << 16;

// Counts the true elements of `mask` per chunk; returns the chunks' start offsets (one
// more entry than chunks: the last is the total).
std::vector<int64_t> count_true(const Tensor& mask, int chunks) {
  const Shape sizes = mask.sizes();
  const std::array<Shape, 1> strides{byte_strides(mask)};
  const std::array<char*, 1> base{static_cast<char*>(mask.data_ptr())};
  std::vector<int64_t> offsets(static_cast<size_t>(chunks) + 1, 0);
  for_chunks(mask.numel(), chunks, [&](int c, int64_t begin, int64_t end) {
    int64_t count = 0;
    row_major_runs(sizes, strides, base, begin, end,
                   [&](const int64_t*, const std::array<char*, 1>& p,
                       const std::array<int64_t, 1>& inner, int64_t n) {
                     for (int64_t i = 0; i < n; ++i) count += *(p[0] + i * inner[0]) != 0;
                   });
    offsets[c + 1] = count;
  });
  for (int c = 0; c < chunks; ++c) offsets[c + 1] += offsets[c];
  return offsets;
}

Tensor masked_select_kernel(const Tensor& self, const Tensor& mask) {
  const int64_t numel = mask.numel();
  const int chunks = chunk_count(numel, kCompactGrain);
  const std::vector<int64_t> offsets = count_true(mask, chunks);
  Tensor out = empty({offsets.back()}, self.dtype(), self.device());
  if (offsets.back() == 0) return out;
  const Shape sizes = mask.sizes();
  const std::array<Shape, 2> strides{byte_strides(self), byte_strides(mask)};
  const std::array<char*, 2> base{static_cast<char*>(self.data_ptr()),
                                  static_cast<char*>(mask.data_ptr())};
  dispatch_by_size(self.itemsize(), "masked_select", [&](auto tag) {
    using E = decltype(tag);
    E* dst = static_cast<E*>(out.data_ptr());
    for_chunks(numel, chunks, [&](int c, int64_t begin, int64_t end) {
      int64_t pos = offsets[c];
      row_major_runs(sizes, strides, base, begin, end,
                     [&](const int64_t*, const std::array<char*, 2>& p,
                         const std::array<int64_t, 2>& inner, int64_t n) {
                       for (int64_t i = 0; i < n; ++i) {
                         if (*reinterpret_cast<const bool*>(p[1] + i * inner[1])) {
                           dst[pos++] = *reinterpret_cast<const E*>(p[0] + i * inner[0]);
                         }
                       }
                     });
    });
  });
  return out;
}
EMBER_REGISTER_CPU_KERNEL(masked_select_stub, &masked_select_kernel);

void masked_scatter_kernel(const Tensor& self, const Tensor& mask, const Tensor& source) {
  const int64_t numel = mask.numel();
  const int chunks = chunk_count(numel, kCompactGrain);
  const std::vector<int64_t> offsets = count_true(mask, chunks);
  // Checked before anything is written.
  EMBER_CHECK(offsets.back() <= source.numel(), "[masked_scatter_] Number of elements of source "
              "< number of ones in mask (", source.numel(), " < ", offsets.back(), ")");
  if (offsets.back() == 0) return;
  const Shape sizes = mask.sizes();
  const std::array<Shape, 2> strides{byte_strides(self), byte_strides(mask)};
  const std::array<char*, 2> base{static_cast<char*>(self.data_ptr()),
                                  static_cast<char*>(mask.data_ptr())};
  dispatch_by_size(self.itemsize(), "masked_scatter_", [&](auto tag) {
    using E = decltype(tag);
    const E* src = static_cast<const E*>(source.data_ptr());
    for_chunks(numel, chunks, [&](int c, int64_t begin, int64_t end) {
      int64_t pos = offsets[c];
      row_major_runs(sizes, strides, base, begin, end,
                     [&](const int64_t*, const std::array<char*, 2>& p,
                         const std::array<int64_t, 2>& inner, int64_t n) {
                       for (int64_t i = 0; i < n; ++i) {
                         if (*reinterpret_cast<const bool*>(p[1] + i * inner[1])) {
                           *reinterpret_cast<E*>(p[0] + i * inner[0]) = src[pos++];
                         }
                       }
                     });
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(masked_scatter_stub, &masked_scatter_kernel);

// Whether an element is non-zero (nan is; -0.0 is not), per dtype.
template <typename T>
inline bool is_nonzero(T v) {
  if constexpr (is_complex_t<T>::value) {
    return v.real() != 0 || v.imag() != 0;
  } else {
    return static_cast<opmath_t<T>>(v) != opmath_t<T>(0);
  }
}

template <typename T>
Tensor nonzero_typed(const Tensor& self) {
  const int64_t numel = self.numel();
  const int64_t nd = self.dim();
  const int chunks = chunk_count(numel, kCompactGrain);
  const Shape sizes = self.sizes();
  const std::array<Shape, 1> strides{byte_strides(self)};
  const std::array<char*, 1> base{static_cast<char*>(self.data_ptr())};
  std::vector<int64_t> offsets(static_cast<size_t>(chunks) + 1, 0);
  for_chunks(numel, chunks, [&](int c, int64_t begin, int64_t end) {
    int64_t count = 0;
    row_major_runs(sizes, strides, base, begin, end,
                   [&](const int64_t*, const std::array<char*, 1>& p,
                       const std::array<int64_t, 1>& inner, int64_t n) {
                     for (int64_t i = 0; i < n; ++i) {
                       count += is_nonzero(*reinterpret_cast<const T*>(p[0] + i * inner[0]));
                     }
                   });
    offsets[c + 1] = count;
  });
  for (int c = 0; c < chunks; ++c) offsets[c + 1] += offsets[c];
  Tensor out = empty({offsets.back(), nd}, ScalarType::Int64, self.device());
  if (offsets.back() == 0 || nd == 0) return out;
  int64_t* dst = static_cast<int64_t*>(out.data_ptr());
  for_chunks(numel, chunks, [&](int c, int64_t begin, int64_t end) {
    int64_t* row = dst + offsets[c] * nd;
    row_major_runs(sizes, strides, base, begin, end,
                   [&](const int64_t* coord, const std::array<char*, 1>& p,
                       const std::array<int64_t, 1>& inner, int64_t n) {
                     for (int64_t i = 0; i < n; ++i) {
                       if (!is_nonzero(*reinterpret_cast<const T*>(p[0] + i * inner[0]))) continue;
                       for (int64_t d = 0; d < nd - 1; ++d) row[d] = coord[d];
                       row[nd - 1] = coord[nd - 1] + i;
                       row += nd;
                     }
                   });
  });
  return out;
}

Tensor nonzero_kernel(const Tensor& self) {
  return EMBER_DISPATCH_ALL_AND_COMPLEX(self.dtype(), "nonzero",
                                        [&] { return nonzero_typed<scalar_t>(self); });
}
EMBER_REGISTER_CPU_KERNEL(nonzero_stub, &nonzero_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
