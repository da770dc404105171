#include "ember/autograd/record.h"
#include "ember/ops/linalg.h"

#include <algorithm>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"
#include "ember/ops/linalg_common.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(gemm_fn, gemm_stub);

namespace linalg_detail {

void check_product_dtype(const char* op, ScalarType t) {
  if (is_complex(t)) {
    EMBER_NOT_IMPLEMENTED("[", op, "] complex dtypes are not supported yet (got ",
                          scalar_type_name(t), ")");
  }
  if (t == ScalarType::Bool) {
    EMBER_NOT_IMPLEMENTED("[", op, "] not implemented for dtype bool");
  }
}

void check_same_device(const char* op, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.device() == b.device(), "[", op,
              "] Expected all tensors to be on the same device, but found ", a.device().str(),
              " and ", b.device().str());
}

Tensor prepare_out(const char* op, const Tensor& out, const Shape& shape, ScalarType dtype,
                   Device device) {
  if (!out.defined()) return empty(shape, dtype, device);
  EMBER_CHECK(out.dtype() == dtype, "[", op, "] Expected out tensor to have dtype ",
              scalar_type_name(dtype), ", but got ", scalar_type_name(out.dtype()), " instead");
  EMBER_CHECK(out.device() == device, "[", op, "] Expected out tensor on ", device.str(),
              ", but got it on ", out.device().str());
  if (out.sizes() != shape) {
    // An empty out= tensor is resized to the result, as TensorIterator does.
    EMBER_CHECK(out.numel() == 0, "[", op, "] out tensor of shape ", shape_str(out.sizes()),
                " does not match the result shape ", shape_str(shape));
    const Shape strides = contiguous_strides(shape);
    out.storage()->resize(static_cast<size_t>(
        storage_bytes_for(shape, strides, out.dtype(), out.storage_offset())));
    out.impl()->set_sizes_strides(shape, strides, out.storage_offset());
  }
  return out;
}

std::string matrix_str(int64_t rows, int64_t cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}

}  // namespace linalg_detail

using namespace linalg_detail;

namespace {

// Whether `from` broadcasts to exactly `to`.
bool expandable(const Shape& from, const Shape& to) {
  if (from.size() > to.size()) return false;
  const size_t offset = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i) {
    if (from[i] != 1 && from[i] != to[offset + i]) return false;
  }
  return true;
}

bool is_zero(const Scalar& s) {
  return s.is_complex() ? s.to_complex() == std::complex<double>(0, 0) : s.to_double() == 0.0;
}
bool is_one(const Scalar& s) {
  return !s.is_complex() && s.to_double() == 1.0;
}

// Whether the kernel can write `out` in place: every matrix dense in row- or column-major
// order and the batches laid out without overlap (contiguous, or its matrix transpose is).
bool writable_in_place(const Tensor& out) {
  if (out.is_contiguous() || out.dim() < 2) return out.is_contiguous();
  return matrix_transpose(out).is_contiguous();
}

// The message every shape mismatch of a product gives: both matrices, both tensors.
[[noreturn]] void shape_error(const char* op, int64_t m, int64_t k1, int64_t k2, int64_t n,
                              const Tensor& a, const Tensor& b) {
  throw Error(detail::concat("[", op, "] mat1 and mat2 shapes cannot be multiplied (",
                             matrix_str(m, k1), " and ", matrix_str(k2, n), "): ", a.describe(),
                             " @ ", b.describe()));
}

void check_dtypes(const char* op, const Tensor& a, const Tensor& b) {
  check_same_device(op, a, b);
  EMBER_CHECK(a.dtype() == b.dtype(), "[", op,
              "] expected m1 and m2 to have the same dtype, but got: ",
              scalar_type_name(a.dtype()), " != ", scalar_type_name(b.dtype()), " (",
              a.describe(), " and ", b.describe(), ")");
  check_product_dtype(op, a.dtype());
}

}  // namespace

void gemm(const Tensor& out, const Tensor& a, const Tensor& b, const Scalar& beta,
          const Scalar& alpha) {
  const int64_t k = a.size(-1);
  if (out.numel() == 0) return;
  if (k == 0 || a.numel() == 0 || b.numel() == 0 || is_zero(alpha)) {
    // Nothing to multiply: out = beta * out.
    if (is_zero(beta)) {
      zero_(out);
    } else if (!is_one(beta)) {
      mul_inplace(out, beta);
    }
    return;
  }
  if (out.device().is_meta()) return;
  if (!writable_in_place(out)) {
    Tensor tmp = empty(out.sizes(), out.dtype(), out.device());
    if (!is_zero(beta)) copy_(tmp, out);
    gemm_stub(tmp.device().type, GemmArgs{tmp, a, b, alpha, beta});
    copy_(out, tmp);
    return;
  }
  gemm_stub(out.device().type, GemmArgs{out, a, b, alpha, beta});
  out.bump_version();
}

// ---- matmul ------------------------------------------------------------------------------

namespace {

Tensor matmul_impl(const char* op, const Tensor& out_arg, const Tensor& a, const Tensor& b) {
  const int64_t da = a.dim(), db = b.dim();
  EMBER_CHECK(da > 0 && db > 0, "[", op,
              "] both arguments to matmul need to be at least 1D, but they are ", da, "D and ",
              db, "D");
  check_dtypes(op, a, b);
  // 1-D operands become a row (first) or a column (second) vector whose dim is removed
  // from the result.
  const int64_t m = da >= 2 ? a.size(-2) : 1;
  const int64_t k = a.size(-1);
  const int64_t kb = db >= 2 ? b.size(-2) : b.size(0);
  const int64_t n = db >= 2 ? b.size(-1) : 1;
  if (k != kb) shape_error(op, m, k, kb, n, a, b);

  const Shape batch_a(a.sizes().begin(), a.sizes().end() - std::min<int64_t>(da, 2));
  const Shape batch_b(b.sizes().begin(), b.sizes().end() - std::min<int64_t>(db, 2));
  const Shape batch = broadcast_shapes(batch_a, batch_b, op);
  Shape result_shape = batch;
  if (da >= 2) result_shape.push_back(m);
  if (db >= 2) result_shape.push_back(n);
  Tensor out = prepare_out(op, out_arg, result_shape, a.dtype(), a.device());

  // The result with both matrix dims present.
  Shape out_mat_shape = batch;
  out_mat_shape.push_back(m);
  out_mat_shape.push_back(n);
  Tensor a_mat = da == 1 ? unsqueeze(a, 0) : a;
  Tensor b_mat = db == 1 ? unsqueeze(b, 1) : b;

  // Matrices and vectors only: one GEMM, no batch views (the common, latency-bound case).
  if (da <= 2 && db <= 2) {
    Tensor out_mat = out;
    if (da == 1) out_mat = unsqueeze(out_mat, 0);
    if (db == 1) out_mat = unsqueeze(out_mat, -1);
    gemm(out_mat, a_mat, b_mat, 0, 1);
    return out;
  }

  // (..., m, k) @ (k, n) with a foldable batch: one GEMM of (batch * m, k) @ (k, n), as
  // torch does; no copy when a's batch and row dims merge into one.
  if (da >= 3 && db <= 2 && out.is_contiguous()) {
    const Shape folded{shape_numel(batch) * m, k};
    if (compute_view_strides(a.sizes(), a.strides(), folded)) {
      Tensor out2 = view(out, {folded[0], n});
      gemm(out2, view(a, folded), b_mat, 0, 1);
      return out;
    }
  }
  Tensor out_mat = reshape(out, out_mat_shape);  // a view: out is fresh or dense
  const bool view_ok = out_mat.storage().get() == out.storage().get() &&
                       out_mat.data_ptr() == out.data_ptr();
  Shape a_shape = batch, b_shape = batch;
  a_shape.push_back(m);
  a_shape.push_back(k);
  b_shape.push_back(k);
  b_shape.push_back(n);
  if (view_ok) {
    gemm(out_mat, expand(a_mat, a_shape), expand(b_mat, b_shape), 0, 1);
  } else {
    Tensor tmp = empty(out_mat_shape, out.dtype(), out.device());
    gemm(tmp, expand(a_mat, a_shape), expand(b_mat, b_shape), 0, 1);
    copy_(out, reshape(tmp, result_shape));
  }
  return out;
}

}  // namespace

// ---- derivatives of the products --------------------------------------------------
// One formula serves matmul, mm, bmm, mv and dot: vectors become matrices (a row for the
// first operand, a column for the second), then dA = G B^T and dB = A^T G, and the
// added dims are removed again. Broadcast batch dims are summed away by the engine.

namespace {

class MatmulBackward final : public autograd::Node {
 public:
  explicit MatmulBackward(const char* name) : name_(name) {}
  autograd::variable_list apply(autograd::variable_list&& grads) override {
    auto self = shared_from_this();
    const Tensor a = a_.unpack(self), b = b_.unpack(self);
    const Tensor& g = grads[0];
    const bool a_vec = a.dim() == 1, b_vec = b.dim() == 1;
    const Tensor am = a_vec ? unsqueeze(a, 0) : a;
    const Tensor bm = b_vec ? unsqueeze(b, -1) : b;
    Tensor gm = g;
    if (a_vec && b_vec) {
      gm = reshape(g, Shape{1, 1});
    } else {
      if (a_vec) gm = unsqueeze(gm, -2);
      if (b_vec) gm = unsqueeze(gm, -1);
    }
    Tensor ga, gb;
    if (should_compute_output(0)) {
      ga = matmul(gm, matrix_transpose(bm));
      if (a_vec) ga = squeeze(ga, Shape{-2});
    }
    if (should_compute_output(1)) {
      gb = matmul(matrix_transpose(am), gm);
      if (b_vec) gb = squeeze(gb, Shape{-1});
    }
    return {ga, gb};
  }
  std::string name() const override { return name_; }
  void release_variables() override {
    a_.reset();
    b_.reset();
  }
  autograd::SavedVariable a_, b_;

 private:
  const char* name_;
};

// Runs a product, recording its node when an operand requires grad.
template <typename F>
Tensor recorded_product(const char* op, const char* node_name, const Tensor& out,
                        const Tensor& a, const Tensor& b, F compute) {
  const bool record = autograd::compute_requires_grad(a, b);
  EMBER_CHECK(!(record && out.defined()), "[", op, "] functions with out=... arguments don't "
              "support automatic differentiation, but one of the arguments requires grad.");
  autograd::NoGradIf no_grad(record);
  Tensor r = compute();
  if (record) {
    auto node = std::make_shared<MatmulBackward>(node_name);
    node->set_next_edges({autograd::gradient_edge(a), autograd::gradient_edge(b)});
    node->a_ = autograd::SavedVariable(a, false);
    node->b_ = autograd::SavedVariable(b, false);
    autograd::set_history(r, node);
  }
  return r;
}

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
  OpScope scope("matmul");
  return recorded_product("matmul", "MmBackward0", Tensor(), a, b,
                          [&] { return matmul_impl("matmul", Tensor(), a, b); });
}

const Tensor& matmul_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("matmul");
  matmul_impl("matmul", out, a, b);
  return out;
}

// ---- mm, bmm, mv, dot ---------------------------------------------------------------------

namespace {

Tensor mm_impl(const Tensor& out_arg, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dim() == 2, "[mm] self must be a matrix, got ", a.describe());
  EMBER_CHECK(b.dim() == 2, "[mm] mat2 must be a matrix, got ", b.describe());
  check_dtypes("mm", a, b);
  if (a.size(1) != b.size(0)) shape_error("mm", a.size(0), a.size(1), b.size(0), b.size(1), a, b);
  Tensor out = prepare_out("mm", out_arg, {a.size(0), b.size(1)}, a.dtype(), a.device());
  gemm(out, a, b, 0, 1);
  return out;
}

void check_bmm(const char* op, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dim() == 3, "[", op, "] batch1 must be a 3D tensor, got ", a.describe());
  EMBER_CHECK(b.dim() == 3, "[", op, "] batch2 must be a 3D tensor, got ", b.describe());
  check_dtypes(op, a, b);
  EMBER_CHECK(a.size(0) == b.size(0), "[", op, "] batch1 and batch2 must have the same number "
              "of batches, got ", a.size(0), " and ", b.size(0), " (", a.describe(), " and ",
              b.describe(), ")");
  if (a.size(2) != b.size(1)) shape_error(op, a.size(1), a.size(2), b.size(1), b.size(2), a, b);
}

Tensor bmm_impl(const Tensor& out_arg, const Tensor& a, const Tensor& b) {
  check_bmm("bmm", a, b);
  Tensor out =
      prepare_out("bmm", out_arg, {a.size(0), a.size(1), b.size(2)}, a.dtype(), a.device());
  gemm(out, a, b, 0, 1);
  return out;
}

void check_mv(const char* op, const Tensor& mat, const Tensor& vec) {
  EMBER_CHECK(mat.dim() == 2 && vec.dim() == 1, "[", op,
              "] expected a matrix and a vector, but got ", mat.dim(), "-D and ", vec.dim(),
              "-D tensors (", mat.describe(), " and ", vec.describe(), ")");
  check_dtypes(op, mat, vec);
  EMBER_CHECK(mat.size(1) == vec.size(0), "[", op, "] size mismatch, got mat (",
              matrix_str(mat.size(0), mat.size(1)), "), vec (", vec.size(0), ") (",
              mat.describe(), " and ", vec.describe(), ")");
}

Tensor mv_impl(const Tensor& out_arg, const Tensor& mat, const Tensor& vec) {
  check_mv("mv", mat, vec);
  Tensor out = prepare_out("mv", out_arg, {mat.size(0)}, mat.dtype(), mat.device());
  gemm(unsqueeze(out, 1), mat, unsqueeze(vec, 1), 0, 1);
  return out;
}

Tensor dot_impl(const char* op, const Tensor& out_arg, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dim() == 1 && b.dim() == 1, "[", op, "] 1D tensors expected, but got ", a.dim(),
              "D and ", b.dim(), "D tensors");
  check_same_device(op, a, b);
  EMBER_CHECK(a.dtype() == b.dtype(), "[", op,
              "] expected both vectors to have same dtype, but found ",
              scalar_type_name(a.dtype()), " and ", scalar_type_name(b.dtype()));
  check_product_dtype(op, a.dtype());
  EMBER_CHECK(a.numel() == b.numel(), "[", op,
              "] inconsistent tensor size, expected tensor [", a.numel(), "] and src [",
              b.numel(), "] to have the same number of elements, but got ", a.numel(), " and ",
              b.numel(), " elements respectively");
  Tensor out = prepare_out(op, out_arg, {}, a.dtype(), a.device());
  gemm(view(out, {1, 1}), unsqueeze(a, 0), unsqueeze(b, 1), 0, 1);
  return out;
}

}  // namespace

Tensor mm(const Tensor& a, const Tensor& b) {
  OpScope scope("mm");
  return recorded_product("mm", "MmBackward0", Tensor(), a, b,
                          [&] { return mm_impl(Tensor(), a, b); });
}
const Tensor& mm_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("mm");
  mm_impl(out, a, b);
  return out;
}
Tensor bmm(const Tensor& a, const Tensor& b) {
  OpScope scope("bmm");
  return recorded_product("bmm", "BmmBackward0", Tensor(), a, b,
                          [&] { return bmm_impl(Tensor(), a, b); });
}
const Tensor& bmm_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("bmm");
  bmm_impl(out, a, b);
  return out;
}
Tensor mv(const Tensor& mat, const Tensor& vec) {
  OpScope scope("mv");
  return recorded_product("mv", "MvBackward0", Tensor(), mat, vec,
                          [&] { return mv_impl(Tensor(), mat, vec); });
}
const Tensor& mv_out(const Tensor& out, const Tensor& mat, const Tensor& vec) {
  OpScope scope("mv");
  mv_impl(out, mat, vec);
  return out;
}
Tensor dot(const Tensor& a, const Tensor& b) {
  OpScope scope("dot");
  return recorded_product("dot", "DotBackward0", Tensor(), a, b,
                          [&] { return dot_impl("dot", Tensor(), a, b); });
}
const Tensor& dot_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("dot");
  dot_impl("dot", out, a, b);
  return out;
}
Tensor vdot(const Tensor& a, const Tensor& b) {
  OpScope scope("vdot");
  return dot_impl("vdot", Tensor(), a, b);
}
const Tensor& vdot_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("vdot");
  dot_impl("vdot", out, a, b);
  return out;
}

// ---- inner, outer, tensordot, kron ---------------------------------------------------------

namespace {

Tensor inner_impl(const Tensor& out, const Tensor& a, const Tensor& b) {
  if (a.dim() == 0 || b.dim() == 0) return out.defined() ? mul_out(out, a, b) : mul(a, b);
  EMBER_CHECK(a.size(-1) == b.size(-1), "[inner] inner() the last dimension must match on both "
              "input tensors but got shapes ", shape_str(a.sizes()), " and ",
              shape_str(b.sizes()), " (dtypes ", scalar_type_name(a.dtype()), " and ",
              scalar_type_name(b.dtype()), ")");
  Tensor result = tensordot(a, b, {-1}, {-1});
  if (!out.defined()) return result;
  Tensor target = prepare_out("inner", out, result.sizes(), result.dtype(), result.device());
  copy_(target, result);
  return target;
}

Tensor outer_operands_check(const char* op, const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dim() == 1, "[", op, "] Expected 1-D argument self, but got ", a.dim(), "-D");
  EMBER_CHECK(b.dim() == 1, "[", op, "] Expected 1-D argument vec2, but got ", b.dim(), "-D");
  return unsqueeze(a, 1);
}

}  // namespace

Tensor inner(const Tensor& a, const Tensor& b) {
  OpScope scope("inner");
  return inner_impl(Tensor(), a, b);
}
const Tensor& inner_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("inner");
  inner_impl(out, a, b);
  return out;
}

Tensor outer(const Tensor& a, const Tensor& b) {
  OpScope scope("outer");
  return mul(outer_operands_check("outer", a, b), b);
}
const Tensor& outer_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("outer");
  mul_out(out, outer_operands_check("outer", a, b), b);
  return out;
}

Tensor tensordot(const Tensor& a, const Tensor& b, const Shape& dims_a, const Shape& dims_b) {
  OpScope scope("tensordot");
  EMBER_CHECK(dims_a.size() == dims_b.size(), "[tensordot] both dimension lists should have "
              "same length, got ", shape_str(dims_a), " and ", shape_str(dims_b));
  check_same_device("tensordot", a, b);
  EMBER_CHECK(a.dtype() == b.dtype(), "[tensordot] both inputs should have same dtype, but got ",
              scalar_type_name(a.dtype()), " and ", scalar_type_name(b.dtype()), " (",
              a.describe(), " and ", b.describe(), ")");
  check_product_dtype("tensordot", a.dtype());
  std::vector<bool> contracted_a(static_cast<size_t>(a.dim()), false);
  std::vector<bool> contracted_b(static_cast<size_t>(b.dim()), false);
  Shape ca, cb;
  Tensor ea = a, eb = b;
  Shape ea_size = a.sizes(), eb_size = b.sizes();
  for (size_t i = 0; i < dims_a.size(); ++i) {
    const int64_t da = wrap_dim(dims_a[i], a.dim(), "tensordot");
    const int64_t db = wrap_dim(dims_b[i], b.dim(), "tensordot");
    EMBER_CHECK(!contracted_a[da], "[tensordot] dim ", da, " appears multiple times in the list "
                "of dims of the first tensor");
    EMBER_CHECK(!contracted_b[db], "[tensordot] dim ", db, " appears multiple times in the list "
                "of dims of the second tensor");
    contracted_a[da] = contracted_b[db] = true;
    const int64_t sa = a.size(da), sb = b.size(db);
    // A size-1 dim broadcasts against the other side, as torch.
    EMBER_CHECK(sa == sb || sa == 1 || sb == 1, "[tensordot] contracted dimensions need to "
                "match, but first has size ", sa, " in dim ", dims_a[i], " and second has size ",
                sb, " in dim ", dims_b[i], " (shapes ", shape_str(a.sizes()), " and ",
                shape_str(b.sizes()), ")");
    ea_size[da] = eb_size[db] = std::max(sa, sb);
    if (sa != sb && std::min(sa, sb) == 0) ea_size[da] = eb_size[db] = 0;
    ca.push_back(da);
    cb.push_back(db);
  }
  ea = expand(a, ea_size);
  eb = expand(b, eb_size);
  // a -> (free_a..., contracted...), b -> (contracted..., free_b...), one mm.
  Shape perm_a, perm_b, free_sizes;
  int64_t free_a = 1, free_b = 1, k = 1;
  for (int64_t d = 0; d < a.dim(); ++d) {
    if (!contracted_a[d]) {
      perm_a.push_back(d);
      free_sizes.push_back(ea.size(d));
      free_a *= ea.size(d);
    }
  }
  for (int64_t d : ca) {
    perm_a.push_back(d);
    k *= ea.size(d);
  }
  for (int64_t d : cb) perm_b.push_back(d);
  for (int64_t d = 0; d < b.dim(); ++d) {
    if (!contracted_b[d]) {
      perm_b.push_back(d);
      free_sizes.push_back(eb.size(d));
      free_b *= eb.size(d);
    }
  }
  Tensor a2 = reshape(permute(ea, perm_a), {free_a, k});
  Tensor b2 = reshape(permute(eb, perm_b), {k, free_b});
  Tensor out = empty({free_a, free_b}, a.dtype(), a.device());
  gemm(out, a2, b2, 0, 1);
  return view(out, free_sizes);
}

Tensor tensordot(const Tensor& a, const Tensor& b, int64_t dims) {
  EMBER_CHECK(dims >= 0, "[tensordot] tensordot expects dims >= 0, but got dims=", dims);
  EMBER_CHECK(dims <= a.dim() && dims <= b.dim(), "[tensordot] tensordot expects dims <= ndim of "
              "both inputs, but got dims=", dims, " for tensors of shape ", shape_str(a.sizes()),
              " and ", shape_str(b.sizes()));
  Shape dims_a, dims_b;
  for (int64_t i = 0; i < dims; ++i) {
    dims_a.push_back(a.dim() - dims + i);
    dims_b.push_back(i);
  }
  return tensordot(a, b, dims_a, dims_b);
}

Tensor kron(const Tensor& a, const Tensor& b) {
  OpScope scope("kron");
  const int64_t nd = std::max(a.dim(), b.dim());
  // a -> (a0, 1, a1, 1, ...), b -> (1, b0, 1, b1, ...): their product interleaves the dims,
  // and merging each pair gives the Kronecker product.
  Shape sa, sb, result;
  for (int64_t d = 0; d < nd; ++d) {
    const int64_t da = d - (nd - a.dim()), db = d - (nd - b.dim());
    const int64_t xa = da >= 0 ? a.size(da) : 1, xb = db >= 0 ? b.size(db) : 1;
    sa.push_back(xa);
    sa.push_back(1);
    sb.push_back(1);
    sb.push_back(xb);
    result.push_back(xa * xb);
  }
  return reshape(mul(reshape(a, sa), reshape(b, sb)), result);
}

const Tensor& copy_to_out(const char* op, const Tensor& out, const Tensor& result) {
  copy_(prepare_out(op, out, result.sizes(), result.dtype(), result.device()), result);
  return out;
}

const Tensor& kron_out(const Tensor& out, const Tensor& a, const Tensor& b) {
  OpScope scope("kron");
  return copy_to_out("kron", out, kron(a, b));
}

// ---- addmm, addmv, baddbmm, addbmm --------------------------------------------------------

namespace {

// Shared by the add* ops: checks `input` against the product's shape and dtype, then writes
// beta * input into the result and accumulates alpha * product into it.
Tensor add_product(const char* op, const Tensor& out_arg, const Tensor& input, bool inplace,
                   const Shape& shape, const Tensor& m1, const Tensor& m2, const Scalar& beta,
                   const Scalar& alpha) {
  check_same_device(op, input, m1);
  EMBER_CHECK(input.dtype() == m1.dtype(), "[", op, "] self and mat2 must have the same dtype, "
              "but got ", scalar_type_name(input.dtype()), " and ", scalar_type_name(m1.dtype()));
  Tensor out;
  if (inplace) {
    EMBER_CHECK(input.sizes() == shape, "[", op, "] Bad in-place call: input tensor size ",
                shape_str(input.sizes()), " and output tensor size ", shape_str(shape),
                " should match");
    out = input;
  } else {
    EMBER_CHECK(expandable(input.sizes(), shape), "[", op, "] input of shape ",
                shape_str(input.sizes()), " cannot be broadcast to the product's shape ",
                shape_str(shape));
    out = prepare_out(op, out_arg, shape, m1.dtype(), m1.device());
    if (!is_zero(beta) && !out.is_same(input)) copy_(out, input);
  }
  gemm(out, m1, m2, beta, alpha);
  return out;
}

Tensor addmm_impl(const char* op, const Tensor& out, const Tensor& input, bool inplace,
                  const Tensor& m1, const Tensor& m2, const Scalar& beta, const Scalar& alpha) {
  EMBER_CHECK(m1.dim() == 2, "[", op, "] mat1 must be a matrix, got ", m1.describe());
  EMBER_CHECK(m2.dim() == 2, "[", op, "] mat2 must be a matrix, got ", m2.describe());
  check_dtypes(op, m1, m2);
  if (m1.size(1) != m2.size(0)) {
    shape_error(op, m1.size(0), m1.size(1), m2.size(0), m2.size(1), m1, m2);
  }
  return add_product(op, out, input, inplace, {m1.size(0), m2.size(1)}, m1, m2, beta, alpha);
}

}  // namespace

Tensor addmm(const Tensor& input, const Tensor& m1, const Tensor& m2, const Scalar& beta,
             const Scalar& alpha) {
  OpScope scope("addmm");
  return addmm_impl("addmm", Tensor(), input, false, m1, m2, beta, alpha);
}
const Tensor& addmm_out(const Tensor& out, const Tensor& input, const Tensor& m1,
                        const Tensor& m2, const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addmm");
  addmm_impl("addmm", out, input, false, m1, m2, beta, alpha);
  return out;
}
const Tensor& addmm_inplace(const Tensor& self, const Tensor& m1, const Tensor& m2,
                            const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addmm_");
  addmm_impl("addmm_", Tensor(), self, true, m1, m2, beta, alpha);
  return self;
}

namespace {

// addmv writes through a column view of the result: (m,) -> (m, 1).
Tensor addmv_any(const char* op, const Tensor& out_arg, const Tensor& input, bool inplace,
                 const Tensor& mat, const Tensor& vec, const Scalar& beta, const Scalar& alpha) {
  check_mv(op, mat, vec);
  const Shape shape{mat.size(0)};
  check_same_device(op, input, mat);
  EMBER_CHECK(input.dtype() == mat.dtype(), "[", op, "] input tensors must have the same dtype, "
              "but got ", scalar_type_name(input.dtype()), ", ", scalar_type_name(mat.dtype()),
              ", and ", scalar_type_name(vec.dtype()));
  Tensor out;
  if (inplace) {
    EMBER_CHECK(input.sizes() == shape, "[", op, "] Bad in-place call: input tensor size ",
                shape_str(input.sizes()), " and output tensor size ", shape_str(shape),
                " should match");
    out = input;
  } else {
    EMBER_CHECK(expandable(input.sizes(), shape), "[", op, "] input of shape ",
                shape_str(input.sizes()), " cannot be broadcast to the product's shape ",
                shape_str(shape));
    out = prepare_out(op, out_arg, shape, mat.dtype(), mat.device());
    if (!is_zero(beta) && !out.is_same(input)) copy_(out, input);
  }
  gemm(unsqueeze(out, 1), mat, unsqueeze(vec, 1), beta, alpha);
  out.bump_version();
  return out;
}

}  // namespace

Tensor addmv(const Tensor& input, const Tensor& mat, const Tensor& vec, const Scalar& beta,
             const Scalar& alpha) {
  OpScope scope("addmv");
  return addmv_any("addmv", Tensor(), input, false, mat, vec, beta, alpha);
}
const Tensor& addmv_out(const Tensor& out, const Tensor& input, const Tensor& mat,
                        const Tensor& vec, const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addmv");
  addmv_any("addmv", out, input, false, mat, vec, beta, alpha);
  return out;
}
const Tensor& addmv_inplace(const Tensor& self, const Tensor& mat, const Tensor& vec,
                            const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addmv_");
  addmv_any("addmv_", Tensor(), self, true, mat, vec, beta, alpha);
  return self;
}

namespace {

Tensor baddbmm_impl(const char* op, const Tensor& out, const Tensor& input, bool inplace,
                    const Tensor& b1, const Tensor& b2, const Scalar& beta,
                    const Scalar& alpha) {
  check_bmm(op, b1, b2);
  return add_product(op, out, input, inplace, {b1.size(0), b1.size(1), b2.size(2)}, b1, b2,
                     beta, alpha);
}

Tensor addbmm_impl(const char* op, const Tensor& out, const Tensor& input, bool inplace,
                   const Tensor& b1, const Tensor& b2, const Scalar& beta, const Scalar& alpha) {
  check_bmm(op, b1, b2);
  // sum_i b1[i] @ b2[i] is one product: (m, batch*k) @ (batch*k, n).
  const int64_t batch = b1.size(0), m = b1.size(1), k = b1.size(2), n = b2.size(2);
  Tensor m1 = reshape(permute(b1, {1, 0, 2}), {m, batch * k});
  Tensor m2 = reshape(b2, {batch * k, n});
  return add_product(op, out, input, inplace, {m, n}, m1, m2, beta, alpha);
}

}  // namespace

Tensor baddbmm(const Tensor& input, const Tensor& b1, const Tensor& b2, const Scalar& beta,
               const Scalar& alpha) {
  OpScope scope("baddbmm");
  return baddbmm_impl("baddbmm", Tensor(), input, false, b1, b2, beta, alpha);
}
const Tensor& baddbmm_out(const Tensor& out, const Tensor& input, const Tensor& b1,
                          const Tensor& b2, const Scalar& beta, const Scalar& alpha) {
  OpScope scope("baddbmm");
  baddbmm_impl("baddbmm", out, input, false, b1, b2, beta, alpha);
  return out;
}
const Tensor& baddbmm_inplace(const Tensor& self, const Tensor& b1, const Tensor& b2,
                              const Scalar& beta, const Scalar& alpha) {
  OpScope scope("baddbmm_");
  baddbmm_impl("baddbmm_", Tensor(), self, true, b1, b2, beta, alpha);
  return self;
}

Tensor addbmm(const Tensor& input, const Tensor& b1, const Tensor& b2, const Scalar& beta,
              const Scalar& alpha) {
  OpScope scope("addbmm");
  return addbmm_impl("addbmm", Tensor(), input, false, b1, b2, beta, alpha);
}
const Tensor& addbmm_out(const Tensor& out, const Tensor& input, const Tensor& b1,
                         const Tensor& b2, const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addbmm");
  addbmm_impl("addbmm", out, input, false, b1, b2, beta, alpha);
  return out;
}
const Tensor& addbmm_inplace(const Tensor& self, const Tensor& b1, const Tensor& b2,
                             const Scalar& beta, const Scalar& alpha) {
  OpScope scope("addbmm_");
  addbmm_impl("addbmm_", Tensor(), self, true, b1, b2, beta, alpha);
  return self;
}

}  // namespace ember
