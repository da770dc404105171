// Matrix products and the linear-algebra functions. The ember.linalg namespace
// (src/ember/linalg.py) re-exports the `linalg_*` functions under torch.linalg's names.
#include <pybind11/stl.h>

#include "ember/ops/binary.h"
#include "ember/ops/linalg.h"
#include "ember/ops/linalg_decompositions.h"
#include "ember/ops/linalg_norms.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

template <typename Fn, typename FnOut>
void bind_product(py::module_& m, const char* name, const char* other, Fn fn, FnOut fn_out) {
  def_function_and_method(
      m, name,
      [fn, fn_out](const Tensor& a, const Tensor& b, std::optional<Tensor> out) {
        return out ? fn_out(*out, a, b) : fn(a, b);
      },
      py::arg(other), py::kw_only(), py::arg("out") = py::none());
}

// addmm-style ops: op(input, x, y, *, beta=1, alpha=1, out=None) and Tensor.op_.
template <typename Fn, typename FnOut, typename FnInplace>
void bind_add_product(py::module_& m, const char* name, const std::string& inplace_name,
                      const char* first, const char* second, Fn fn, FnOut fn_out,
                      FnInplace fn_inplace) {
  def_function_and_method(
      m, name,
      [fn, fn_out](const Tensor& input, const Tensor& x, const Tensor& y, const Scalar& beta,
                   const Scalar& alpha, std::optional<Tensor> out) {
        return out ? fn_out(*out, input, x, y, beta, alpha) : fn(input, x, y, beta, alpha);
      },
      py::arg(first), py::arg(second), py::kw_only(), py::arg("beta") = 1,
      py::arg("alpha") = 1, py::arg("out") = py::none());
  def_method(
      inplace_name.c_str(),
      [fn_inplace](const Tensor& self, const Tensor& x, const Tensor& y, const Scalar& beta,
                   const Scalar& alpha) { return fn_inplace(self, x, y, beta, alpha); },
      py::arg(first), py::arg(second), py::kw_only(), py::arg("beta") = 1,
      py::arg("alpha") = 1);
}

// einsum(equation, *operands), einsum(equation, [operands]) or the sublist form
// einsum(op1, sublist1, op2, sublist2, ..., [output_sublist]) with ... as Ellipsis.
std::vector<int64_t> sublist_from(py::handle obj) {
  std::vector<int64_t> out;
  for (py::handle item : py::reinterpret_borrow<py::iterable>(obj)) {
    if (item.is(py::ellipsis())) {
      out.push_back(-1);
    } else {
      out.push_back(py::cast<int64_t>(item));
    }
  }
  return out;
}

Tensor einsum_args(const py::args& args) {
  if (args.size() == 0) throw TypeError("[einsum] einsum(): must specify the equation string");
  if (py::isinstance<py::str>(args[0])) {
    const std::string equation = py::cast<std::string>(args[0]);
    std::vector<Tensor> operands;
    if (args.size() == 2 && !is_tensor(args[1].ptr())) {
      operands = py::cast<std::vector<Tensor>>(args[1]);
    } else {
      for (size_t i = 1; i < args.size(); ++i) operands.push_back(py::cast<Tensor>(args[i]));
    }
    return einsum(equation, operands);
  }
  std::vector<Tensor> operands;
  std::vector<std::vector<int64_t>> sublists;
  size_t i = 0;
  for (; i + 1 < args.size(); i += 2) {
    operands.push_back(py::cast<Tensor>(args[i]));
    sublists.push_back(sublist_from(args[i + 1]));
  }
  std::optional<std::vector<int64_t>> output;
  if (i < args.size()) output = sublist_from(args[i]);
  return einsum(operands, sublists, output);
}

// torch.return_types-style named tuples, made once at import.
struct ReturnTypes {
  py::object linalg_slogdet, slogdet, linalg_inv_ex, linalg_solve_ex, linalg_cholesky_ex,
      linalg_qr, linalg_svd, linalg_eigh, linalg_lstsq;
};
ReturnTypes* return_types = nullptr;

py::object named_tuple(const char* name, std::initializer_list<const char*> fields) {
  py::list names;
  for (const char* f : fields) names.append(f);
  py::object type = py::module_::import("collections").attr("namedtuple")(name, names);
  type.attr("__module__") = "ember.return_types";
  return type;
}

template <typename... T>
py::object make(const py::object& type, const T&... values) {
  return type(py::cast(values)...);
}

// A tolerance argument: None, a number (a float64 0-d tensor) or a tensor.
std::optional<Tensor> tolerance_arg(const py::object& value, const char* name) {
  if (value.is_none()) return std::nullopt;
  if (is_tensor(value.ptr())) return unpack(value.ptr());
  Scalar s;
  if (!scalar_from_object(value.ptr(), &s)) {
    throw TypeError(detail::concat("[linalg] ", name, " must be a number or a tensor"));
  }
  return scalar_to_tensor(s, ScalarType::Float64);
}

void bind_decompositions(py::module_& m) {
  auto* rt = new ReturnTypes();  // lives as long as the module (never unloaded)
  return_types = rt;
  rt->linalg_slogdet = named_tuple("linalg_slogdet", {"sign", "logabsdet"});
  rt->slogdet = named_tuple("slogdet", {"sign", "logabsdet"});
  rt->linalg_inv_ex = named_tuple("linalg_inv_ex", {"inverse", "info"});
  rt->linalg_solve_ex = named_tuple("linalg_solve_ex", {"result", "info"});
  rt->linalg_cholesky_ex = named_tuple("linalg_cholesky_ex", {"L", "info"});
  rt->linalg_qr = named_tuple("linalg_qr", {"Q", "R"});
  rt->linalg_svd = named_tuple("linalg_svd", {"U", "S", "Vh"});
  rt->linalg_eigh = named_tuple("linalg_eigh", {"eigenvalues", "eigenvectors"});
  rt->linalg_lstsq =
      named_tuple("linalg_lstsq", {"solution", "residuals", "rank", "singular_values"});
  py::dict types;
  types["linalg_slogdet"] = rt->linalg_slogdet;
  types["slogdet"] = rt->slogdet;
  types["linalg_inv_ex"] = rt->linalg_inv_ex;
  types["linalg_solve_ex"] = rt->linalg_solve_ex;
  types["linalg_cholesky_ex"] = rt->linalg_cholesky_ex;
  types["linalg_qr"] = rt->linalg_qr;
  types["linalg_svd"] = rt->linalg_svd;
  types["linalg_eigh"] = rt->linalg_eigh;
  types["linalg_lstsq"] = rt->linalg_lstsq;
  m.attr("_linalg_return_types") = types;
  py::register_exception<LinAlgError>(m, "_LinAlgError", PyExc_RuntimeError);

  m.def("linalg_inv", [](const Tensor& a) { return linalg_inv(a); }, py::arg("A"));
  m.def("linalg_inv_ex", [](const Tensor& a, bool check_errors) {
    auto [inverse, info] = linalg_inv_ex(a, check_errors);
    return make(return_types->linalg_inv_ex, inverse, info);
  }, py::arg("A"), py::kw_only(), py::arg("check_errors") = false);
  def_function_and_method(m, "inverse", [](const Tensor& a) { return linalg_inv(a); });
  m.def("linalg_solve", [](const Tensor& a, const Tensor& b, bool left) {
    return linalg_solve(a, b, left);
  }, py::arg("A"), py::arg("B"), py::kw_only(), py::arg("left") = true);
  m.def("linalg_solve_ex", [](const Tensor& a, const Tensor& b, bool left, bool check_errors) {
    auto [result, info] = linalg_solve_ex(a, b, left, check_errors);
    return make(return_types->linalg_solve_ex, result, info);
  }, py::arg("A"), py::arg("B"), py::kw_only(), py::arg("left") = true,
     py::arg("check_errors") = false);

  m.def("linalg_det", [](const Tensor& a) { return linalg_det(a); }, py::arg("A"));
  def_function_and_method(m, "det", [](const Tensor& a) { return linalg_det(a); });
  def_function_and_method(m, "logdet", [](const Tensor& a) { return logdet(a); });
  m.def("linalg_slogdet", [](const Tensor& a) {
    auto [sign, logabsdet] = linalg_slogdet(a);
    return make(return_types->linalg_slogdet, sign, logabsdet);
  }, py::arg("A"));
  def_function_and_method(m, "slogdet", [](const Tensor& a) {
    auto [sign, logabsdet] = linalg_slogdet(a);
    return make(return_types->slogdet, sign, logabsdet);
  });

  m.def("linalg_cholesky", [](const Tensor& a, bool upper) { return linalg_cholesky(a, upper); },
        py::arg("A"), py::kw_only(), py::arg("upper") = false);
  m.def("linalg_cholesky_ex", [](const Tensor& a, bool upper, bool check_errors) {
    auto [l, info] = linalg_cholesky_ex(a, upper, check_errors);
    return make(return_types->linalg_cholesky_ex, l, info);
  }, py::arg("A"), py::kw_only(), py::arg("upper") = false, py::arg("check_errors") = false);
  m.def("linalg_qr", [](const Tensor& a, const std::string& mode) {
    auto [q, r] = linalg_qr(a, mode);
    return make(return_types->linalg_qr, q, r);
  }, py::arg("A"), py::arg("mode") = "reduced");
  m.def("linalg_svd", [](const Tensor& a, bool full_matrices,
                         const std::optional<std::string>& driver) {
    auto [u, s, vh] = linalg_svd(a, full_matrices, driver);
    return make(return_types->linalg_svd, u, s, vh);
  }, py::arg("A"), py::arg("full_matrices") = true, py::kw_only(),
     py::arg("driver") = py::none());
  m.def("linalg_svdvals", [](const Tensor& a, const std::optional<std::string>& driver) {
    return linalg_svdvals(a, driver);
  }, py::arg("A"), py::kw_only(), py::arg("driver") = py::none());
  m.def("linalg_eigh", [](const Tensor& a, const std::string& uplo) {
    auto [w, v] = linalg_eigh(a, uplo);
    return make(return_types->linalg_eigh, w, v);
  }, py::arg("A"), py::arg("UPLO") = "L");
  m.def("linalg_eigvalsh", [](const Tensor& a, const std::string& uplo) {
    return linalg_eigvalsh(a, uplo);
  }, py::arg("A"), py::arg("UPLO") = "L");
  m.def("linalg_lstsq", [](const Tensor& a, const Tensor& b, std::optional<double> rcond,
                           const std::optional<std::string>& driver) {
    auto [x, residuals, rank, sv] = linalg_lstsq(a, b, rcond, driver);
    return make(return_types->linalg_lstsq, x, residuals, rank, sv);
  }, py::arg("A"), py::arg("B"), py::arg("rcond") = py::none(), py::kw_only(),
     py::arg("driver") = py::none());

  // Norms: ord is a number or a string ("fro", "nuc"); the string overloads come first.
  m.def("linalg_vector_norm", [](const Tensor& x, const Scalar& ord, std::optional<Shape> dim,
                                 bool keepdim, std::optional<ScalarType> dtype) {
    return linalg_vector_norm(x, ord, dim, keepdim, dtype);
  }, py::arg("x"), py::arg("ord") = 2, py::arg("dim") = py::none(), py::arg("keepdim") = false,
     py::kw_only(), py::arg("dtype") = py::none());
  m.def("linalg_matrix_norm", [](const Tensor& a, const std::string& ord, const Shape& dim,
                                 bool keepdim, std::optional<ScalarType> dtype) {
    return linalg_matrix_norm(a, ord, dim, keepdim, dtype);
  }, py::arg("A"), py::arg("ord") = "fro", py::arg("dim") = Shape{-2, -1},
     py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  m.def("linalg_matrix_norm", [](const Tensor& a, const Scalar& ord, const Shape& dim,
                                 bool keepdim, std::optional<ScalarType> dtype) {
    return linalg_matrix_norm(a, ord, dim, keepdim, dtype);
  }, py::arg("A"), py::arg("ord"), py::arg("dim") = Shape{-2, -1},
     py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  m.def("linalg_norm", [](const Tensor& a, const std::string& ord, std::optional<Shape> dim,
                          bool keepdim, std::optional<ScalarType> dtype) {
    return linalg_norm(a, ord, dim, keepdim, dtype);
  }, py::arg("A"), py::arg("ord"), py::arg("dim") = py::none(), py::arg("keepdim") = false,
     py::kw_only(), py::arg("dtype") = py::none());
  m.def("linalg_norm", [](const Tensor& a, std::optional<Scalar> ord, std::optional<Shape> dim,
                          bool keepdim, std::optional<ScalarType> dtype) {
    return linalg_norm(a, ord, dim, keepdim, dtype);
  }, py::arg("A"), py::arg("ord") = py::none(), py::arg("dim") = py::none(),
     py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  // torch.norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None).
  def_function_and_method(m, "norm", [](const Tensor& a, const std::string& p,
                                        std::optional<Shape> dim, bool keepdim,
                                        std::optional<Tensor> out,
                                        std::optional<ScalarType> dtype) {
    Tensor result = norm(a, p, dim, keepdim, dtype);
    return out ? copy_to_out("norm", *out, result) : result;
  }, py::arg("p") = "fro", py::arg("dim") = py::none(), py::arg("keepdim") = false,
     py::arg("out") = py::none(), py::arg("dtype") = py::none());
  def_function_and_method(m, "norm", [](const Tensor& a, std::optional<Scalar> p,
                                        std::optional<Shape> dim, bool keepdim,
                                        std::optional<Tensor> out,
                                        std::optional<ScalarType> dtype) {
    Tensor result = norm(a, p, dim, keepdim, dtype);
    return out ? copy_to_out("norm", *out, result) : result;
  }, py::arg("p") = py::none(), py::arg("dim") = py::none(), py::arg("keepdim") = false,
     py::arg("out") = py::none(), py::arg("dtype") = py::none());

  m.def("linalg_pinv", [](const Tensor& a, py::object atol, py::object rtol, bool hermitian) {
    return linalg_pinv(a, tolerance_arg(atol, "atol"), tolerance_arg(rtol, "rtol"), hermitian);
  }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
     py::arg("hermitian") = false);
  def_function_and_method(m, "pinverse", [](const Tensor& a, double rcond) {
    return linalg_pinv(a, std::nullopt, scalar_to_tensor(rcond, ScalarType::Float64), false);
  }, py::arg("rcond") = 1e-15);
  m.def("linalg_matrix_rank", [](const Tensor& a, py::object atol, py::object rtol,
                                 bool hermitian) {
    return linalg_matrix_rank(a, tolerance_arg(atol, "atol"), tolerance_arg(rtol, "rtol"),
                              hermitian);
  }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
     py::arg("hermitian") = false);
}

}  // namespace

void bind_linalg(py::module_& m) {
  bind_decompositions(m);
  bind_product(m, "matmul", "other", [](const Tensor& a, const Tensor& b) { return matmul(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return matmul_out(o, a, b); });
  bind_product(m, "mm", "mat2", [](const Tensor& a, const Tensor& b) { return mm(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return mm_out(o, a, b); });
  bind_product(m, "bmm", "mat2", [](const Tensor& a, const Tensor& b) { return bmm(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return bmm_out(o, a, b); });
  bind_product(m, "mv", "vec", [](const Tensor& a, const Tensor& b) { return mv(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return mv_out(o, a, b); });
  bind_product(m, "dot", "tensor", [](const Tensor& a, const Tensor& b) { return dot(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return dot_out(o, a, b); });
  bind_product(m, "vdot", "other", [](const Tensor& a, const Tensor& b) { return vdot(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return vdot_out(o, a, b); });
  bind_product(m, "inner", "other", [](const Tensor& a, const Tensor& b) { return inner(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return inner_out(o, a, b); });
  bind_product(m, "outer", "vec2", [](const Tensor& a, const Tensor& b) { return outer(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return outer_out(o, a, b); });
  bind_product(m, "ger", "vec2", [](const Tensor& a, const Tensor& b) { return outer(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return outer_out(o, a, b); });
  bind_product(m, "kron", "other", [](const Tensor& a, const Tensor& b) { return kron(a, b); },
               [](const Tensor& o, const Tensor& a, const Tensor& b) { return kron_out(o, a, b); });

  bind_add_product(
      m, "addmm", "addmm_", "mat1", "mat2",
      [](const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addmm(i, x, y, b, a);
      },
      [](const Tensor& o, const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b,
         const Scalar& a) { return addmm_out(o, i, x, y, b, a); },
      [](const Tensor& s, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addmm_inplace(s, x, y, b, a);
      });
  bind_add_product(
      m, "addmv", "addmv_", "mat", "vec",
      [](const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addmv(i, x, y, b, a);
      },
      [](const Tensor& o, const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b,
         const Scalar& a) { return addmv_out(o, i, x, y, b, a); },
      [](const Tensor& s, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addmv_inplace(s, x, y, b, a);
      });
  bind_add_product(
      m, "baddbmm", "baddbmm_", "batch1", "batch2",
      [](const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return baddbmm(i, x, y, b, a);
      },
      [](const Tensor& o, const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b,
         const Scalar& a) { return baddbmm_out(o, i, x, y, b, a); },
      [](const Tensor& s, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return baddbmm_inplace(s, x, y, b, a);
      });
  bind_add_product(
      m, "addbmm", "addbmm_", "batch1", "batch2",
      [](const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addbmm(i, x, y, b, a);
      },
      [](const Tensor& o, const Tensor& i, const Tensor& x, const Tensor& y, const Scalar& b,
         const Scalar& a) { return addbmm_out(o, i, x, y, b, a); },
      [](const Tensor& s, const Tensor& x, const Tensor& y, const Scalar& b, const Scalar& a) {
        return addbmm_inplace(s, x, y, b, a);
      });

  // tensordot(a, b, dims=2): an int, or a pair of dim lists (or of single dims).
  m.def("tensordot", [](const Tensor& a, const Tensor& b, py::object dims) {
    if (PyLong_Check(dims.ptr()) || (is_tensor(dims.ptr()) && unpack(dims.ptr()).dim() == 0)) {
      return tensordot(a, b, py::cast<int64_t>(py::int_(dims)));
    }
    Shape dims_a, dims_b;
    py::sequence pair = py::reinterpret_borrow<py::sequence>(dims);
    if (py::len(pair) != 2 || !shape_from_object(pair[0].ptr(), &dims_a) ||
        !shape_from_object(pair[1].ptr(), &dims_b)) {
      throw TypeError("[tensordot] dims must be an int or a pair of lists of ints");
    }
    return tensordot(a, b, dims_a, dims_b);
  }, py::arg("a"), py::arg("b"), py::arg("dims") = 2);
  m.def("einsum", &einsum_args);
  m.def("_copy_to_out", [](const std::string& op, const Tensor& out, const Tensor& result) {
    return copy_to_out(op.c_str(), out, result);
  });
}

}  // namespace ember::python
