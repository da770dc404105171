// Loops the indexing kernels share: element-size dispatch (data movement does not care
// about the dtype), a TensorIterator walk for any number of operands, a row-major walk
// (nonzero, masked_select and masked_scatter must visit elements in logical order, which
// TensorIterator's memory-order reordering would not give), deterministic chunking, and
// the record of an out-of-range index (raised after the loop, never inside OpenMP).
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "ember/backends/cpu/loops.h"
#include "ember/core/errors.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {

// 16 bytes moved as one (complex128).
struct Bytes16 {
  uint64_t lo, hi;
};

// Calls f(E{}) with E an unsigned type of the element size (1, 2, 4, 8 or 16 bytes).
template <typename F>
void dispatch_by_size(size_t itemsize, const char* op, F&& f) {
  switch (itemsize) {
    case 1: return f(uint8_t{});
    case 2: return f(uint16_t{});
    case 4: return f(uint32_t{});
    case 8: return f(uint64_t{});
    case 16: return f(Bytes16{});
    default: break;
  }
  throw Error(detail::concat("[", op, "] unsupported element size ", itemsize));
}

// serial_for_each (loops.h) for any number of operands.
template <typename Loop>
void serial_for_each_n(const TensorIterator& iter, int64_t begin, int64_t end, Loop& loop) {
  const int nt = iter.ntensors();
  const int nd = iter.ndim();
  const Shape& shape = iter.shape();
  std::vector<int64_t> counter(static_cast<size_t>(nd), 0);
  int64_t index = begin;
  for (int d = 0; d < nd; ++d) {
    counter[d] = index % shape[d];
    index /= shape[d];
  }
  std::vector<char*> ptrs(static_cast<size_t>(nt));
  std::vector<int64_t> inner(static_cast<size_t>(nt));
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

// The number of chunks [0, numel) is split into: one per thread above `grain` elements
// each, one below.
inline int chunk_count(int64_t numel, int64_t grain) {
  if (numel <= 0) return 1;
  return static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(max_threads(), numel / grain)));
}

// Calls body(chunk, begin, end) for `chunks` equal parts of [0, numel), in parallel when
// chunks > 1. The split depends only on numel and chunks, so results built per chunk
// and joined in chunk order are deterministic.
template <typename Body>
void for_chunks(int64_t numel, int chunks, Body&& body) {
  const int64_t size = (numel + chunks - 1) / std::max(chunks, 1);
  auto run = [&](int c) {
    const int64_t begin = c * size;
    const int64_t end = std::min(numel, begin + size);
    if (begin < end) body(c, begin, end);
  };
  if (chunks <= 1) {
    run(0);
    return;
  }
#if defined(_OPENMP)
#pragma omp parallel for num_threads(chunks) schedule(static, 1)
  for (int c = 0; c < chunks; ++c) run(c);
#else
  for (int c = 0; c < chunks; ++c) run(c);
#endif
}

// for_each over a TensorIterator with any number of operands; `serial` keeps one thread.
template <typename Loop>
void for_each_n(const TensorIterator& iter, Loop&& loop, bool serial, int64_t grain = kGrainSize) {
  const int64_t numel = iter.numel();
  if (numel == 0) return;
  const int chunks = serial ? 1 : chunk_count(numel, grain);
  for_chunks(numel, chunks, [&](int, int64_t begin, int64_t end) {
    serial_for_each_n(iter, begin, end, loop);
  });
}

// Walks positions [begin, end) of `sizes` in row-major order, one run along the last dim
// at a time: f(coord, ptrs, inner_strides, n) where coord is the run's first coordinate
// and ptrs[a] its address in operand a (strides in bytes, per dim, per operand).
template <size_t N, typename F>
void row_major_runs(const Shape& sizes, const std::array<Shape, N>& strides,
                    const std::array<char*, N>& base, int64_t begin, int64_t end, F&& f) {
  const int64_t nd = static_cast<int64_t>(sizes.size());
  std::array<int64_t, N> inner{};
  if (nd == 0) {
    if (begin < end) f(static_cast<const int64_t*>(nullptr), base, inner, int64_t(1));
    return;
  }
  std::vector<int64_t> coord(static_cast<size_t>(nd), 0);
  int64_t rest = begin;
  for (int64_t d = nd - 1; d >= 0; --d) {
    coord[d] = rest % sizes[d];
    rest /= sizes[d];
  }
  for (size_t a = 0; a < N; ++a) inner[a] = strides[a][nd - 1];
  int64_t remaining = end - begin;
  while (remaining > 0) {
    std::array<char*, N> ptrs;
    for (size_t a = 0; a < N; ++a) {
      char* p = base[a];
      for (int64_t d = 0; d < nd; ++d) p += coord[d] * strides[a][d];
      ptrs[a] = p;
    }
    const int64_t n = std::min(sizes[nd - 1] - coord[nd - 1], remaining);
    f(static_cast<const int64_t*>(coord.data()), ptrs, inner, n);
    remaining -= n;
    coord[nd - 1] += n;
    for (int64_t d = nd - 1; d > 0 && coord[d] == sizes[d]; --d) {
      coord[d] = 0;
      ++coord[d - 1];
    }
  }
}

// Byte strides of a tensor, per dim.
inline Shape byte_strides(const Tensor& t) {
  Shape s = t.strides();
  for (auto& v : s) v *= static_cast<int64_t>(t.itemsize());
  return s;
}

// The first out-of-range index a kernel met (any thread); raised after the loop.
struct BadIndex {
  std::atomic<bool> hit{false};
  int64_t index = 0;
  int64_t dim = 0;
  int64_t size = 0;
  void record(int64_t i, int64_t d, int64_t s) {
    bool expected = false;
    if (hit.compare_exchange_strong(expected, true)) {
      index = i;
      dim = d;
      size = s;
    }
  }
};

}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
