// CPU kernels of advanced indexing (index, index_put_) and so of take/put and
// Tensor.__getitem__/__setitem__ with tensor indices.
//
// Gathers and scatters are bound by memory access, not arithmetic: wide vectors do not
// help them, so this file is compiled at the default instruction-set level only (the
// dispatcher falls back to it from every level), for every dtype.
#include <cstring>

#include "ember/backends/cpu/kernels/index_loops.h"
#include "ember/ops/indexing.h"

#if EMBER_CPU_LEVEL == 0

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

[[noreturn]] void raise_bad_index(const BadIndex& bad, const IndexedDims& dims) {
  if (dims.flat_message) {
    throw IndexError(detail::concat("[", dims.op, "] out of range: tried to access index ",
                                    bad.index, " on a tensor of ", bad.size, " elements."));
  }
  throw IndexError(detail::concat("[", dims.op, "] index ", bad.index,
                                  " is out of bounds for dimension ", bad.dim, " with size ",
                                  bad.size));
}

// The byte offset of element i of the iteration inside the indexed tensor, or -1 with
// the bad index recorded. Operands 2.. are the int64 index tensors.
inline bool element_offset(char** data, const int64_t* strides, int64_t i,
                           const IndexedDims& dims, BadIndex& bad, int64_t* offset) {
  int64_t total = 0;
  const size_t k = dims.sizes.size();
  for (size_t j = 0; j < k; ++j) {
    const int64_t jj = static_cast<int64_t>(j);
    const char* p = dims.stacked_stride != 0 ? data[2] + i * strides[2] + jj * dims.stacked_stride
                                             : data[2 + j] + i * strides[2 + j];
    int64_t idx = *reinterpret_cast<const int64_t*>(p);
    const int64_t size = dims.sizes[j];
    if (EMBER_UNLIKELY(idx < -size || idx >= size)) {
      bad.record(idx, static_cast<int64_t>(j), size);
      return false;
    }
    if (idx < 0) idx += size;
    total += idx * dims.strides[j];
  }
  *offset = total;
  return true;
}

// Whether every index operand is constant along this run: then the run is one block of
// the source (x[idx] copying whole rows), moved without per-element index reads.
inline bool constant_index_run(const int64_t* strides, const IndexedDims& dims) {
  const size_t operands = dims.stacked_stride != 0 ? 1 : dims.sizes.size();
  for (size_t j = 0; j < operands; ++j) {
    if (strides[2 + j] != 0) return false;
  }
  return true;
}

// Copies n elements from src to dst with the given byte strides, memcpy when dense.
template <typename E>
inline void copy_run(char* dst, int64_t dst_stride, const char* src, int64_t src_stride,
                     int64_t n) {
  if (dst_stride == static_cast<int64_t>(sizeof(E)) &&
      src_stride == static_cast<int64_t>(sizeof(E))) {
    std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(E));
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    *reinterpret_cast<E*>(dst + i * dst_stride) =
        *reinterpret_cast<const E*>(src + i * src_stride);
  }
}

void index_kernel(TensorIterator& iter, const IndexedDims& dims) {
  BadIndex bad;
  dispatch_by_size(element_size(iter.dtype(0)), dims.op, [&](auto tag) {
    using E = decltype(tag);
    for_each_n(iter, [&](char** data, const int64_t* strides, int64_t n) {
      if (constant_index_run(strides, dims)) {
        int64_t offset;
        if (element_offset(data, strides, 0, dims, bad, &offset)) {
          copy_run<E>(data[0], strides[0], data[1] + offset, strides[1], n);
        }
        return;
      }
      if (dims.sizes.size() == 1 && dims.stacked_stride == 0) {  // the common case
        const int64_t size = dims.sizes[0], stride = dims.strides[0];
        for (int64_t i = 0; i < n; ++i) {
          int64_t idx = *reinterpret_cast<const int64_t*>(data[2] + i * strides[2]);
          if (EMBER_UNLIKELY(idx < -size || idx >= size)) {
            bad.record(idx, 0, size);
            continue;
          }
          if (idx < 0) idx += size;
          *reinterpret_cast<E*>(data[0] + i * strides[0]) =
              *reinterpret_cast<const E*>(data[1] + i * strides[1] + idx * stride);
        }
        return;
      }
      for (int64_t i = 0; i < n; ++i) {
        int64_t offset;
        if (!element_offset(data, strides, i, dims, bad, &offset)) continue;
        *reinterpret_cast<E*>(data[0] + i * strides[0]) =
            *reinterpret_cast<const E*>(data[1] + i * strides[1] + offset);
      }
    }, /*serial=*/false);
  });
  if (bad.hit.load()) raise_bad_index(bad, dims);
}
EMBER_REGISTER_CPU_KERNEL(index_stub, &index_kernel);

template <typename T>
inline void accumulate_into(T* dst, T value) {
  if constexpr (std::is_same_v<T, bool>) {
    *dst = *dst || value;
  } else if constexpr (is_complex_t<T>::value) {
    *dst += value;
  } else {
    using M = opmath_t<T>;
    *dst = static_cast<T>(static_cast<M>(*dst) + static_cast<M>(value));
  }
}

template <typename T>
void index_put_accumulate(TensorIterator& iter, const IndexedDims& dims, BadIndex& bad) {
  // Serial: duplicate indices add up in order, the same sum on every run.
  for_each_n(iter, [&](char** data, const int64_t* strides, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      int64_t offset;
      if (!element_offset(data, strides, i, dims, bad, &offset)) continue;
      accumulate_into(reinterpret_cast<T*>(data[0] + i * strides[0] + offset),
                      *reinterpret_cast<const T*>(data[1] + i * strides[1]));
    }
  }, /*serial=*/true);
}

void index_put_kernel(TensorIterator& iter, const IndexedDims& dims, bool accumulate,
                      bool serial) {
  BadIndex bad;
  if (accumulate) {
    EMBER_DISPATCH_ALL_AND_COMPLEX(iter.dtype(0), dims.op,
                                   [&] { index_put_accumulate<scalar_t>(iter, dims, bad); });
  } else {
    dispatch_by_size(element_size(iter.dtype(0)), dims.op, [&](auto tag) {
      using E = decltype(tag);
      for_each_n(iter, [&](char** data, const int64_t* strides, int64_t n) {
        if (constant_index_run(strides, dims)) {  // x[idx] = rows: one block per run
          int64_t offset;
          if (element_offset(data, strides, 0, dims, bad, &offset)) {
            copy_run<E>(data[0] + offset, strides[0], data[1], strides[1], n);
          }
          return;
        }
        for (int64_t i = 0; i < n; ++i) {
          int64_t offset;
          if (!element_offset(data, strides, i, dims, bad, &offset)) continue;
          *reinterpret_cast<E*>(data[0] + i * strides[0] + offset) =
              *reinterpret_cast<const E*>(data[1] + i * strides[1]);
        }
      }, serial);
    });
  }
  if (bad.hit.load()) raise_bad_index(bad, dims);
}
EMBER_REGISTER_CPU_KERNEL(index_put_stub, &index_put_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
