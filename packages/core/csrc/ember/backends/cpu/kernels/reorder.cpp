// CPU kernels of the reordering ops that are not views plus copies (ops/reorder.cpp):
// tril/triu and the index of repeat_interleave.
//
// Memory-bound: compiled at the default instruction-set level only, for every dtype.
#include "ember/backends/cpu/kernels/index_loops.h"
#include "ember/core/empty.h"
#include "ember/core/shape.h"
#include "ember/ops/reorder.h"

#if EMBER_CPU_LEVEL == 0

namespace ember::cpu {
inline namespace EMBER_CPU_NS {
namespace {

void triangle_kernel(const Tensor& out, const Tensor& self, int64_t diagonal, bool upper) {
  if (self.numel() == 0) return;
  const int64_t nd = self.dim();
  const int64_t cols = self.sizes()[nd - 1];
  // Rows of every matrix, in row-major order; each run is consecutive rows of one matrix.
  const Shape rows(self.sizes().begin(), self.sizes().end() - 1);
  const Shape out_strides = byte_strides(out), self_strides = byte_strides(self);
  const std::array<Shape, 2> strides{Shape(out_strides.begin(), out_strides.end() - 1),
                                     Shape(self_strides.begin(), self_strides.end() - 1)};
  const std::array<char*, 2> base{static_cast<char*>(out.data_ptr()),
                                  static_cast<char*>(self.data_ptr())};
  const int64_t out_col = out_strides[nd - 1], self_col = self_strides[nd - 1];
  const int64_t nrows = shape_numel(rows);
  dispatch_by_size(self.itemsize(), upper ? "triu" : "tril", [&](auto tag) {
    using E = decltype(tag);
    for_chunks(nrows, chunk_count(nrows * cols, kGrainSize), [&](int, int64_t begin,
                                                                  int64_t end) {
      row_major_runs(rows, strides, base, begin, end,
                     [&](const int64_t* coord, const std::array<char*, 2>& p,
                         const std::array<int64_t, 2>& inner, int64_t n) {
                       for (int64_t r = 0; r < n; ++r) {
                         const int64_t i = coord[nd - 2] + r;
                         char* o = p[0] + r * inner[0];
                         const char* s = p[1] + r * inner[1];
                         for (int64_t j = 0; j < cols; ++j) {
                           const bool keep = upper ? j - i >= diagonal : j - i <= diagonal;
                           *reinterpret_cast<E*>(o + j * out_col) =
                               keep ? *reinterpret_cast<const E*>(s + j * self_col) : E{};
                         }
                       }
                     });
    });
  });
}
EMBER_REGISTER_CPU_KERNEL(triangle_stub, &triangle_kernel);

Tensor repeat_interleave_kernel(const Tensor& repeats, int64_t output_size) {
  const int64_t* r = static_cast<const int64_t*>(repeats.data_ptr());
  const int64_t n = repeats.numel();
  int64_t total = 0;
  for (int64_t i = 0; i < n; ++i) {
    EMBER_CHECK(r[i] >= 0, "[repeat_interleave] repeats can not be negative (got ", r[i],
                " at position ", i, ")");
    total += r[i];
  }
  EMBER_CHECK(output_size < 0 || output_size == total, "[repeat_interleave] allocated size does "
              "not match required size (output_size=", output_size, ", required ", total, ")");
  Tensor out = empty({total}, ScalarType::Int64, repeats.device());
  int64_t* dst = static_cast<int64_t*>(out.data_ptr());
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t k = 0; k < r[i]; ++k) *dst++ = i;
  }
  return out;
}
EMBER_REGISTER_CPU_KERNEL(repeat_interleave_stub, &repeat_interleave_kernel);

}  // namespace
}  // namespace EMBER_CPU_NS
}  // namespace ember::cpu

#endif  // EMBER_CPU_LEVEL == 0
