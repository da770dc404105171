// CPU loops over a ReduceIter. A reduction kernel supplies an `Ops` policy:
//
//   struct SumOps {
//     using in_t = float; using acc_t = float;
//     static constexpr bool kVertical = true;          // supports the row path below
//     acc_t identity() const;                          // the result of an empty reduction
//     acc_t reduce(const in_t* p, int64_t stride, int64_t n, int64_t index0) const;
//     acc_t combine(const acc_t& a, const acc_t& b) const;   // a comes before b
//     void step(acc_t& acc, in_t x, int64_t index) const;    // one element (row path)
//     void write(char* const* out, const acc_t& acc) const;  // the outputs of one element
//   };
//
// and reduce_kernel(iter, ops) does the rest:
//
// * Order of evaluation is fixed by shapes and strides only, never by the thread count:
//   each output's reduced range is cut into chunks of a fixed size, each chunk reduced
//   by `reduce`, and the chunk results combined pairwise (a binary counter, i.e. the tree
//   that splits at the largest power of two). Threads only decide who computes which
//   chunk, so ember.set_num_threads(1) and (8) give bitwise-equal results, and float sums
//   have pairwise-summation accuracy (error ~ log n) instead of a serial sum's (~ n).
// * Inner path: the reduced dims are inner; `reduce` runs over contiguous or strided runs
//   (kernels use several independent accumulators there, which the compiler vectorizes).
// * Row path ("vertical"): the innermost kept dim is contiguous and the reduced dims are
//   outer (sum(dim=0) of a row-major matrix): whole rows are accumulated into a vector of
//   partial results with `step`, which vectorizes across the kept dim.
// * OpenMP above a grain size: over output elements when there are enough of them, else
//   over groups of chunks of each output, whose results are then combined in order.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "ember/backends/cpu/loops.h"
#include "ember/ops/reduce_iterator.h"

namespace ember::cpu {
inline namespace EMBER_CPU_NS {

// Elements per chunk of the inner path, chunks per parallel task.
constexpr int64_t kReduceChunk = 4096;
constexpr int64_t kChunksPerTask = 16;
// Rows per chunk of the row path; kept elements per row-path block (wide, so each row
// is read as one long contiguous run: narrow blocks would revisit every row's page once
// per block); the narrowest contiguous kept dim worth the row path.
constexpr int64_t kRowChunk = 64;
constexpr int64_t kRowBlock = 2048;
constexpr int64_t kRowMinWidth = 16;

// A growable array of accumulators (std::vector<bool> has no data()).
template <typename T>
class AccBuffer {
 public:
  AccBuffer() = default;
  explicit AccBuffer(int64_t n) { resize(n); }
  void resize(int64_t n) {
    if (n <= size_) return;
    std::unique_ptr<T[]> fresh(new T[static_cast<size_t>(n)]());
    std::copy(data_.get(), data_.get() + size_, fresh.get());
    data_ = std::move(fresh);
    size_ = n;
  }
  int64_t size() const { return size_; }
  T* data() { return data_.get(); }
  T& operator[](int64_t i) { return data_[static_cast<size_t>(i)]; }

 private:
  std::unique_ptr<T[]> data_;
  int64_t size_ = 0;
};

// Combines items pushed in order with the fixed pairwise tree of a binary counter: level
// l holds the combination of 2^l consecutive items. `width` values per item; a tree of
// width 1 (the inner path, once per output) keeps its levels inline, without allocating.
template <typename Acc, typename Ops>
class PairwiseTree {
 public:
  PairwiseTree(const Ops& ops, int64_t width) : ops_(ops), width_(width) {}

  void push(const Acc* item) {
    if (width_ == 1) {
      Acc carry = *item;
      int level = 0;
      for (; count_ >> level & 1u; ++level) carry = ops_.combine(one_[level], carry);
      one_[level] = carry;
      ++count_;
      return;
    }
    int level = 0;
    carry_.resize(width_);
    std::copy(item, item + width_, carry_.data());
    for (; count_ >> level & 1u; ++level) {
      const Acc* left = slot(level);
      for (int64_t j = 0; j < width_; ++j) carry_[j] = ops_.combine(left[j], carry_[j]);
    }
    slots_.resize((level + 1) * width_);
    std::copy(carry_.data(), carry_.data() + width_, slot(level));
    ++count_;
  }
  // result() of a tree of width 1.
  Acc result_one() const {
    Acc out{};
    bool first = true;
    for (int level = 0; level < 64; ++level) {
      if (!(count_ >> level & 1u)) continue;
      out = first ? one_[level] : ops_.combine(one_[level], out);
      first = false;
    }
    return out;
  }
  // The combination of everything pushed (at least one item), earlier items on the left.
  void result(Acc* out) {
    if (width_ == 1) {
      *out = result_one();
      return;
    }
    bool first = true;
    for (int level = 0; level < 64; ++level) {
      if (!(count_ >> level & 1u)) continue;
      const Acc* s = slot(level);
      for (int64_t j = 0; j < width_; ++j) out[j] = first ? s[j] : ops_.combine(s[j], out[j]);
      first = false;
    }
  }

 private:
  Acc* slot(int level) { return slots_.data() + level * width_; }

  const Ops& ops_;
  int64_t width_;
  uint64_t count_ = 0;
  std::array<Acc, 65> one_{};
  AccBuffer<Acc> slots_;
  AccBuffer<Acc> carry_;
};

// Walks the reduced elements [begin, end) of one output (linear index over the inner
// dims, innermost fastest) as runs along the innermost dim: f(ptr, stride, n, index0).
template <typename T, typename F>
void for_each_run(const ReduceIter& iter, const T* base, int64_t begin, int64_t end, F&& f) {
  const int nd = static_cast<int>(iter.inner_sizes.size());
  if (nd == 0) {  // one element
    if (begin < end) f(base, 1, 1, 0);
    return;
  }
  const Shape& sizes = iter.inner_sizes;
  const Shape& strides = iter.inner_strides;
  if (nd == 1) {
    f(base + begin * strides[0], strides[0], end - begin, begin);
    return;
  }
  std::array<int64_t, 64> counter;
  int64_t rest = begin;
  int64_t offset = 0;
  for (int d = 0; d < nd; ++d) {
    counter[d] = rest % sizes[d];
    rest /= sizes[d];
    offset += counter[d] * strides[d];
  }
  int64_t index = begin;
  while (index < end) {
    const int64_t n = std::min(sizes[0] - counter[0], end - index);
    f(base + offset, strides[0], n, index);
    index += n;
    counter[0] += n;
    offset += n * strides[0];
    for (int d = 0; d < nd - 1 && counter[d] == sizes[d]; ++d) {
      offset -= counter[d] * strides[d];
      counter[d] = 0;
      ++counter[d + 1];
      offset += strides[d + 1];
    }
  }
}

// Element offsets of an output element (in the input, and in each output).
struct OuterOffsets {
  int64_t in = 0;
  int64_t out[ReduceIter::kMaxOutputs] = {0, 0};
};

// Visits output elements [begin, end) in order, over the kept dims from `first_dim` on:
// f(offsets). Offsets are updated incrementally (no division per element).
template <typename F>
void for_each_output(const ReduceIter& iter, int64_t begin, int64_t end, int first_dim, F&& f) {
  const int nd = static_cast<int>(iter.outer_sizes.size());
  std::array<int64_t, 64> counter;
  OuterOffsets off;
  int64_t rest = begin;
  for (int d = first_dim; d < nd; ++d) {
    counter[d] = rest % iter.outer_sizes[d];
    rest /= iter.outer_sizes[d];
    off.in += counter[d] * iter.outer_in_strides[d];
    for (int k = 0; k < iter.noutputs; ++k) off.out[k] += counter[d] * iter.outer_out_strides[k][d];
  }
  for (int64_t o = begin; o < end; ++o) {
    f(off);
    for (int d = first_dim; d < nd; ++d) {
      off.in += iter.outer_in_strides[d];
      for (int k = 0; k < iter.noutputs; ++k) off.out[k] += iter.outer_out_strides[k][d];
      if (++counter[d] < iter.outer_sizes[d]) break;
      off.in -= counter[d] * iter.outer_in_strides[d];
      for (int k = 0; k < iter.noutputs; ++k) off.out[k] -= counter[d] * iter.outer_out_strides[k][d];
      counter[d] = 0;
    }
  }
}

inline OuterOffsets outer_offsets(const ReduceIter& iter, int64_t o, int first_dim = 0) {
  OuterOffsets result;
  for_each_output(iter, o, o + 1, first_dim, [&](const OuterOffsets& off) { result = off; });
  return result;
}

template <typename Ops>
struct ReduceDriver {
  using in_t = typename Ops::in_t;
  using acc_t = typename Ops::acc_t;

  const ReduceIter& iter;
  const Ops& ops;
  const in_t* in;
  int64_t chunk;
  int64_t out_itemsize[ReduceIter::kMaxOutputs];

  ReduceDriver(const ReduceIter& it, const Ops& o, int64_t chunk_size)
      : iter(it), ops(o), in(reinterpret_cast<const in_t*>(it.in_data)), chunk(chunk_size) {
    for (int k = 0; k < ReduceIter::kMaxOutputs; ++k) {
      out_itemsize[k] = k < it.noutputs ? static_cast<int64_t>(element_size(it.out_dtype[k])) : 0;
    }
  }

  int64_t task_size() const { return chunk * kChunksPerTask; }
  int64_t num_tasks() const { return (iter.reduce_size + task_size() - 1) / task_size(); }

  // ---- inner path -------------------------------------------------------------------

  acc_t reduce_range(const in_t* base, int64_t begin, int64_t end) const {
    acc_t acc{};
    bool first = true;
    for_each_run(iter, base, begin, end,
                 [&](const in_t* p, int64_t stride, int64_t n, int64_t index0) {
                   acc_t r = ops.reduce(p, stride, n, index0);
                   acc = first ? r : ops.combine(acc, r);
                   first = false;
                 });
    return acc;
  }

  acc_t reduce_task(const in_t* base, int64_t t) const {
    const int64_t begin = t * task_size();
    const int64_t end = std::min(iter.reduce_size, begin + task_size());
    if (end - begin <= chunk) return reduce_range(base, begin, end);  // a tree of one
    PairwiseTree<acc_t, Ops> tree(ops, 1);
    for (int64_t c = begin; c < end; c += chunk) {
      const acc_t partial = reduce_range(base, c, std::min(c + chunk, end));
      tree.push(&partial);
    }
    return tree.result_one();
  }

  // The whole reduction of one output, serially.
  acc_t reduce_output(const in_t* base) const {
    if (iter.reduce_size == 0) return ops.identity();
    const int64_t tasks = num_tasks();
    if (tasks == 1) return reduce_task(base, 0);
    PairwiseTree<acc_t, Ops> tree(ops, 1);
    for (int64_t t = 0; t < tasks; ++t) {
      const acc_t partial = reduce_task(base, t);
      tree.push(&partial);
    }
    return tree.result_one();
  }

  void write(const OuterOffsets& off, const acc_t& acc) const {
    char* out[ReduceIter::kMaxOutputs] = {nullptr, nullptr};
    for (int k = 0; k < iter.noutputs; ++k) {
      out[k] = iter.out_data[k] + off.out[k] * out_itemsize[k];
    }
    ops.write(out, acc);
  }

  void run_outputs(int64_t begin, int64_t end) const {
    for_each_output(iter, begin, end, 0, [&](const OuterOffsets& off) {
      write(off, reduce_output(in + off.in));
    });
  }

  void run_inner(int threads) const {
    const int64_t n_out = iter.num_outputs;
    if (threads <= 1) {
      run_outputs(0, n_out);
      return;
    }
    const int64_t tasks = iter.reduce_size == 0 ? 1 : num_tasks();
    if (n_out >= threads || tasks == 1) {
      // Groups of outputs worth about a task of work each, handed out dynamically: a
      // thread the OS descheduled does not hold the others up (and which thread does a
      // group never changes its result).
      const int64_t group = std::max<int64_t>(1, task_size() / std::max<int64_t>(1, iter.reduce_size));
      const int64_t groups = (n_out + group - 1) / group;
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(dynamic)
#endif
      for (int64_t g = 0; g < groups; ++g) {
        run_outputs(g * group, std::min(n_out, (g + 1) * group));
      }
      return;
    }
    // Few outputs, long reductions: the tasks of each output in parallel, then combined
    // exactly as reduce_output combines them.
    AccBuffer<acc_t> partials(tasks);
    for_each_output(iter, 0, n_out, 0, [&](const OuterOffsets& off) {
      const in_t* base = in + off.in;
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(dynamic)
#endif
      for (int64_t t = 0; t < tasks; ++t) partials[t] = reduce_task(base, t);
      PairwiseTree<acc_t, Ops> tree(ops, 1);
      for (int64_t t = 0; t < tasks; ++t) tree.push(&partials[t]);
      write(off, tree.result_one());
    });
  }

  // ---- row path -------------------------------------------------------------------

  // f(offset, r): the element offset of reduced row r, for r in [begin, end), in order.
  template <typename F>
  void for_each_row(int64_t begin, int64_t end, F&& f) const {
    const int nd = static_cast<int>(iter.inner_sizes.size());
    const Shape& sizes = iter.inner_sizes;
    const Shape& strides = iter.inner_strides;
    std::array<int64_t, 64> counter;
    int64_t rest = begin, offset = 0;
    for (int d = 0; d < nd; ++d) {
      counter[d] = rest % sizes[d];
      rest /= sizes[d];
      offset += counter[d] * strides[d];
    }
    for (int64_t r = begin; r < end; ++r) {
      f(offset, r);
      for (int d = 0; d < nd; ++d) {
        offset += strides[d];
        if (++counter[d] < sizes[d]) break;
        offset -= counter[d] * strides[d];
        counter[d] = 0;
      }
    }
  }

  int64_t rows_per_task() const { return kRowChunk * kChunksPerTask; }
  int64_t row_tasks() const { return (iter.reduce_size + rows_per_task() - 1) / rows_per_task(); }

  // Rows [c, end) folded into acc[0, width) (columns of `base`), from the identity.
  void fold_rows(const in_t* base, int64_t width, int64_t c, int64_t end, acc_t* acc) const {
    const acc_t id = ops.identity();
    for (int64_t j = 0; j < width; ++j) acc[j] = id;
    for_each_row(c, end, [&](int64_t offset, int64_t r) {
      const in_t* row = base + offset;
      for (int64_t j = 0; j < width; ++j) ops.step(acc[j], row[j], r);
    });
  }

  // One task of rows: its chunks of kRowChunk rows, combined pairwise, into `result`.
  void row_task(const in_t* base, int64_t width, int64_t task, acc_t* result) const {
    const int64_t begin = task * rows_per_task();
    const int64_t end = std::min(iter.reduce_size, begin + rows_per_task());
    if (end - begin <= kRowChunk) {  // a tree of one
      fold_rows(base, width, begin, end, result);
      return;
    }
    PairwiseTree<acc_t, Ops> tree(ops, width);
    AccBuffer<acc_t> chunk(width);
    for (int64_t c = begin; c < end; c += kRowChunk) {
      fold_rows(base, width, c, std::min(c + kRowChunk, end), chunk.data());
      tree.push(chunk.data());
    }
    tree.result(result);
  }

  // Columns [j0, j0 + width) of the kept row at `off`, all reduced rows, serially.
  void row_block(acc_t* acc, const OuterOffsets& off, int64_t j0, int64_t width) const {
    const in_t* base = in + off.in + j0;
    const int64_t tasks = row_tasks();
    if (tasks == 1) {
      row_task(base, width, 0, acc);
      return;
    }
    PairwiseTree<acc_t, Ops> tree(ops, width);
    AccBuffer<acc_t> partial(width);
    for (int64_t t = 0; t < tasks; ++t) {
      row_task(base, width, t, partial.data());
      tree.push(partial.data());
    }
    tree.result(acc);
  }

  void write_row(const OuterOffsets& off, int64_t j0, int64_t width, const acc_t* acc) const {
    char* out[ReduceIter::kMaxOutputs] = {nullptr, nullptr};
    int64_t step[ReduceIter::kMaxOutputs] = {0, 0};
    for (int k = 0; k < iter.noutputs; ++k) {
      const int64_t stride = iter.outer_out_strides[k][0];
      out[k] = iter.out_data[k] + (off.out[k] + j0 * stride) * out_itemsize[k];
      step[k] = stride * out_itemsize[k];
    }
    for (int64_t j = 0; j < width; ++j) {
      ops.write(out, acc[j]);
      for (int k = 0; k < iter.noutputs; ++k) out[k] += step[k];
    }
  }

  void run_rows(int threads) const {
    const int64_t width = iter.outer_sizes[0];
    const int64_t blocks_per_row = (width + kRowBlock - 1) / kRowBlock;
    const int64_t n_rest = iter.num_outputs / width;
    const int64_t blocks = n_rest * blocks_per_row;
    auto run_block = [&](int64_t b) {
      const OuterOffsets off = outer_offsets(iter, b / blocks_per_row, 1);
      const int64_t j0 = (b % blocks_per_row) * kRowBlock;
      const int64_t w = std::min(kRowBlock, width - j0);
      AccBuffer<acc_t> acc(w);
      row_block(acc.data(), off, j0, w);
      write_row(off, j0, w, acc.data());
    };
    const int64_t tasks = row_tasks();
    if (threads <= 1) {
      for (int64_t b = 0; b < blocks; ++b) run_block(b);
      return;
    }
    if (blocks >= threads || tasks == 1) {
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(dynamic)
#endif
      for (int64_t b = 0; b < blocks; ++b) run_block(b);
      return;
    }
    // Few blocks, many rows: the row tasks of each block in parallel.
    AccBuffer<acc_t> partials(tasks * std::min(width, kRowBlock));
    for (int64_t b = 0; b < blocks; ++b) {
      const OuterOffsets off = outer_offsets(iter, b / blocks_per_row, 1);
      const int64_t j0 = (b % blocks_per_row) * kRowBlock;
      const int64_t w = std::min(kRowBlock, width - j0);
      const in_t* base = in + off.in + j0;
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(dynamic)
#endif
      for (int64_t t = 0; t < tasks; ++t) row_task(base, w, t, partials.data() + t * w);
      PairwiseTree<acc_t, Ops> tree(ops, w);
      for (int64_t t = 0; t < tasks; ++t) tree.push(partials.data() + t * w);
      AccBuffer<acc_t> acc(w);
      tree.result(acc.data());
      write_row(off, j0, w, acc.data());
    }
  }
};

// Runs the reduction described by `iter` with `ops`; `chunk` overrides the inner path's
// chunk size.
template <typename Ops>
void reduce_kernel(const ReduceIter& iter, const Ops& ops, int64_t chunk = kReduceChunk) {
  if (iter.num_outputs == 0) return;
  ReduceDriver<Ops> driver(iter, ops, chunk);
  const int64_t work = iter.num_outputs * std::max<int64_t>(iter.reduce_size, 1);
  const int threads = work < kGrainSize ? 1 : max_threads();
  if (iter.reduce_size == 0) {
    const auto id = ops.identity();
    for_each_output(iter, 0, iter.num_outputs, 0,
                    [&](const OuterOffsets& off) { driver.write(off, id); });
    return;
  }
  if constexpr (Ops::kVertical) {
    const bool rows = !iter.outer_sizes.empty() && iter.outer_in_strides[0] == 1 &&
                      iter.outer_sizes[0] >= kRowMinWidth && !iter.inner_sizes.empty();
    if (rows) {
      driver.run_rows(threads);
      return;
    }
  }
  driver.run_inner(threads);
}

// ---- helpers for `reduce` implementations -------------------------------------------

// Folds n elements with K independent accumulators (K chains the CPU overlaps), then
// combines them pairwise. For arithmetic steps (a + x, a | x): the compiler unrolls the
// lane loop and turns it into vector code.
template <int K, typename Acc, typename T, typename Step, typename Combine>
inline Acc multi_fold(const T* p, int64_t stride, int64_t n, Acc init, Step step,
                      Combine combine) {
  if (n < K) {  // short runs (many small reductions): one chain, no lanes to set up
    Acc acc = init;
    for (int64_t i = 0; i < n; ++i) acc = step(acc, p[i * stride]);
    return acc;
  }
  Acc acc[K];
  for (int j = 0; j < K; ++j) acc[j] = init;
  int64_t i = 0;
  if (stride == 1) {
    for (; i + K <= n; i += K) {
      for (int j = 0; j < K; ++j) acc[j] = step(acc[j], p[i + j]);
    }
    for (int j = 0; j < K && i + j < n; ++j) acc[j] = step(acc[j], p[i + j]);
  } else {
    for (; i + K <= n; i += K) {
      for (int j = 0; j < K; ++j) acc[j] = step(acc[j], p[(i + j) * stride]);
    }
    for (int j = 0; j < K && i + j < n; ++j) acc[j] = step(acc[j], p[(i + j) * stride]);
  }
  for (int w = K / 2; w > 0; w /= 2) {
    for (int j = 0; j < w; ++j) acc[j] = combine(acc[j], acc[j + w]);
  }
  return acc[0];
}

// multi_fold for steps that select (NaN-propagating max/min): unrolling the lanes first
// leaves branches the vectorizer cannot undo, so the lane loop is kept a loop, which GCC
// if-converts into compares and blends. Needs many lanes to pay off (measured: 64).
template <int K, typename Acc, typename T, typename Step, typename Combine>
inline Acc multi_select(const T* p, int64_t stride, int64_t n, Acc init, Step step,
                        Combine combine) {
  if (stride != 1 || n < K) return multi_fold<8>(p, stride, n, init, step, combine);
  Acc acc[K];
  for (int j = 0; j < K; ++j) acc[j] = init;
  int64_t i = 0;
  for (; i + K <= n; i += K) {
#pragma GCC unroll 1
    for (int j = 0; j < K; ++j) acc[j] = step(acc[j], p[i + j]);
  }
  for (int j = 0; j < K && i + j < n; ++j) acc[j] = step(acc[j], p[i + j]);
  for (int w = K / 2; w > 0; w /= 2) {
    for (int j = 0; j < w; ++j) acc[j] = combine(acc[j], acc[j + w]);
  }
  return acc[0];
}

// The position of the first of n elements for which match(x) holds (n if none): blocks
// are tested with a vectorizable "any" first, then the hit block element by element.
template <typename T, typename Match>
inline int64_t find_first(const T* p, int64_t stride, int64_t n, Match match) {
  int64_t i = 0;
  if (stride == 1) {
    constexpr int64_t kBlock = 64;
    for (; i + kBlock <= n; i += kBlock) {
      uint32_t any = 0;
      for (int64_t j = 0; j < kBlock; ++j) any |= static_cast<uint32_t>(match(p[i + j]));
      if (any) break;
    }
  }
  for (; i < n; ++i) {
    if (match(p[i * stride])) return i;
  }
  return n;
}

}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu
