// CPU kernels of the gather/scatter family (ops/scatter_gather.cpp): gather, scatter with
// a tensor or a value and an optional reduction. The iteration covers the index's shape
// with `dim` squashed; each element walks `dim` in an inner loop, so threads split only
// the other dims and never write the same element: reductions need no atomics and give
// the same result on every run.
//
// Memory-bound: compiled at the default instruction-set level only, for every dtype.
#include <cmath>

#include "ember/backends/cpu/kernels/index_loops.h"
#include "ember/backends/cpu/math.h"
#include "ember/ops/indexing.h"

#if EMBER_CPU_LEVEL == 0

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

[[noreturn]] void raise_bad_index(const BadIndex& bad, const ScatterGatherDims& dims) {
  switch (dims.error) {
    case IndexErrorStyle::OutOfRange:
      throw IndexError(detail::concat("[", dims.op, "] index out of range in self (index ",
                                      bad.index, ", dimension ", dims.dim, " with size ",
                                      bad.size, ")"));
    case IndexErrorStyle::Index:
      throw IndexError(detail::concat("[", dims.op, "] index ", bad.index,
                                      " is out of bounds for dimension ", dims.dim,
                                      " with size ", bad.size));
    case IndexErrorStyle::Runtime:
      break;
  }
  throw Error(detail::concat("[", dims.op, "] index ", bad.index,
                             " is out of bounds for dimension ", dims.dim, " with size ",
                             bad.size));
}

// The index at step k of the inner loop, checked (and wrapped where allowed); false with
// the bad value recorded when out of range.
inline bool load_index(const char* index, int64_t k, const ScatterGatherDims& dims,
                       BadIndex& bad, int64_t* out) {
  int64_t idx = *reinterpret_cast<const int64_t*>(index + k * dims.index_dim_stride);
  const int64_t size = dims.self_dim_size;
  if (dims.wrap_negative && idx < 0 && idx >= -size) idx += size;
  if (EMBER_UNLIKELY(idx < 0 || idx >= size)) {
    bad.record(idx, dims.dim, size);
    return false;
  }
  *out = idx;
  return true;
}

// Each element of the iteration walks the whole inner loop: the grain counts elements
// of work, not iterations.
int64_t grain_for(const ScatterGatherDims& dims) {
  return std::max<int64_t>(1, kGrainSize / std::max<int64_t>(dims.loop_size, 1));
}

void gather_kernel(TensorIterator& iter, const ScatterGatherDims& dims) {
  BadIndex bad;
  dispatch_by_size(element_size(iter.dtype(0)), dims.op, [&](auto tag) {
    using E = decltype(tag);
    for_each(iter, [&](char** data, const int64_t* strides, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        char* out = data[0] + i * strides[0];
        const char* self = data[1] + i * strides[1];
        const char* index = data[2] + i * strides[2];
        for (int64_t k = 0; k < dims.loop_size; ++k) {
          int64_t idx;
          if (!load_index(index, k, dims, bad, &idx)) continue;
          *reinterpret_cast<E*>(out + k * dims.other_dim_stride) =
              *reinterpret_cast<const E*>(self + idx * dims.self_dim_stride);
        }
      }
    }, grain_for(dims));
  });
  if (bad.hit.load()) raise_bad_index(bad, dims);
}
EMBER_REGISTER_CPU_KERNEL(gather_stub, &gather_kernel);

// dst (op)= v for one reduction, computing in opmath; max/min propagate nan as torch.
template <typename T>
inline void reduce_into(T* dst, T v, ScatterReduce reduce) {
  if constexpr (std::is_same_v<T, bool>) {
    switch (reduce) {
      case ScatterReduce::Sum:
      case ScatterReduce::Max: *dst = *dst || v; return;
      case ScatterReduce::Prod:
      case ScatterReduce::Min: *dst = *dst && v; return;
      case ScatterReduce::None: *dst = v; return;
    }
  } else if constexpr (is_complex_t<T>::value) {
    switch (reduce) {
      case ScatterReduce::Sum: *dst += v; return;
      case ScatterReduce::Prod: *dst *= v; return;
      default: *dst = v; return;  // max/min are refused by the front end
    }
  } else {
    using M = opmath_t<T>;
    const M a = static_cast<M>(*dst), b = static_cast<M>(v);
    switch (reduce) {
      case ScatterReduce::Sum: *dst = static_cast<T>(a + b); return;
      case ScatterReduce::Prod: *dst = static_cast<T>(a * b); return;
      case ScatterReduce::Max:
        if (math::is_nan(a)) return;
        *dst = (math::is_nan(b) || b > a) ? v : *dst;
        return;
      case ScatterReduce::Min:
        if (math::is_nan(a)) return;
        *dst = (math::is_nan(b) || b < a) ? v : *dst;
        return;
      case ScatterReduce::None: *dst = v; return;
    }
  }
}

template <typename T>
void scatter_reduce_typed(TensorIterator& iter, const ScatterGatherDims& dims,
                          ScatterReduce reduce, BadIndex& bad) {
  for_each(iter, [&](char** data, const int64_t* strides, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      char* self = data[0] + i * strides[0];
      const char* src = data[1] + i * strides[1];
      const char* index = data[2] + i * strides[2];
      for (int64_t k = 0; k < dims.loop_size; ++k) {
        int64_t idx;
        if (!load_index(index, k, dims, bad, &idx)) continue;
        reduce_into(reinterpret_cast<T*>(self + idx * dims.self_dim_stride),
                    *reinterpret_cast<const T*>(src + k * dims.other_dim_stride), reduce);
      }
    }
  }, grain_for(dims));
}

void scatter_kernel(TensorIterator& iter, const ScatterGatherDims& dims, ScatterReduce reduce) {
  BadIndex bad;
  if (reduce == ScatterReduce::None) {
    dispatch_by_size(element_size(iter.dtype(0)), dims.op, [&](auto tag) {
      using E = decltype(tag);
      for_each(iter, [&](char** data, const int64_t* strides, int64_t n) {
        for (int64_t i = 0; i < n; ++i) {
          char* self = data[0] + i * strides[0];
          const char* src = data[1] + i * strides[1];
          const char* index = data[2] + i * strides[2];
          for (int64_t k = 0; k < dims.loop_size; ++k) {
            int64_t idx;
            if (!load_index(index, k, dims, bad, &idx)) continue;
            *reinterpret_cast<E*>(self + idx * dims.self_dim_stride) =
                *reinterpret_cast<const E*>(src + k * dims.other_dim_stride);
          }
        }
      }, grain_for(dims));
    });
  } else {
    EMBER_DISPATCH_ALL_AND_COMPLEX(iter.dtype(0), dims.op, [&] {
      scatter_reduce_typed<scalar_t>(iter, dims, reduce, bad);
    });
  }
  if (bad.hit.load()) raise_bad_index(bad, dims);
}
EMBER_REGISTER_CPU_KERNEL(scatter_stub, &scatter_kernel);

template <typename T>
T scalar_as(const Scalar& value) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return T(value.to<float>());
  } else {
    return value.to<T>();
  }
}

template <typename T>
void scatter_fill_typed(TensorIterator& iter, const ScatterGatherDims& dims, const Scalar& value,
                        ScatterReduce reduce, BadIndex& bad) {
  const T v = scalar_as<T>(value);
  for_each(iter, [&](char** data, const int64_t* strides, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      char* self = data[0] + i * strides[0];
      const char* index = data[1] + i * strides[1];
      for (int64_t k = 0; k < dims.loop_size; ++k) {
        int64_t idx;
        if (!load_index(index, k, dims, bad, &idx)) continue;
        reduce_into(reinterpret_cast<T*>(self + idx * dims.self_dim_stride), v, reduce);
      }
    }
  }, grain_for(dims));
}

void scatter_fill_kernel(TensorIterator& iter, const ScatterGatherDims& dims, const Scalar& value,
                         ScatterReduce reduce) {
  BadIndex bad;
  EMBER_DISPATCH_ALL_AND_COMPLEX(iter.dtype(0), dims.op, [&] {
    scatter_fill_typed<scalar_t>(iter, dims, value, reduce, bad);
  });
  if (bad.hit.load()) raise_bad_index(bad, dims);
}
EMBER_REGISTER_CPU_KERNEL(scatter_fill_stub, &scatter_fill_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
