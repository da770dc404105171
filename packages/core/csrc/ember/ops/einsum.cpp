// einsum, reduced to views, permutes/reshapes and batched GEMMs (torch's strategy):
//
// 1. parse the equation; every operand becomes a view with one dim per distinct
//    subscript in one global order (repeated subscripts take a diagonal, missing ones
//    are size-1 dims), so operands broadcast against each other;
// 2. a dim that no later operand and not the output needs is summed as soon as possible;
// 3. operands are combined left to right: dims both have and sum over become the K of a
//    batched GEMM, dims both keep become its batch, the rest its M and N; with nothing to
//    sum the pair is an elementwise product (type promotion included, as in torch);
// 4. the result is permuted into the output order.
#include <algorithm>
#include <array>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"
#include "ember/ops/linalg.h"
#include "ember/ops/linalg_common.h"
#include "ember/ops/view.h"

namespace ember {
namespace {

constexpr int kNumLabels = 52;  // A-Z then a-z, torch's numbering

int label_index(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' : 26 + (c - 'a'); }
char label_char(int index) {
  return static_cast<char>(index < 26 ? 'A' + index : 'a' + (index - 26));
}
bool is_label(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

struct Term {
  std::vector<int> labels;  // subscripts in order, the ellipsis excluded
  int ellipsis_at = -1;     // index in `labels` before which "..." stands, -1 if none
};

// One operand's (or the output's) subscripts; `what` names it in errors.
Term parse_term(const std::string& text, const std::string& what) {
  Term term;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      EMBER_CHECK(term.ellipsis_at < 0, "[einsum] einsum(): found '.' for ", what,
                  " for which an ellipsis was already found");
      EMBER_CHECK(i + 2 < text.size() && text[i + 1] == '.' && text[i + 2] == '.',
                  "[einsum] einsum(): found '.' for ", what,
                  " that is not part of any ellipsis");
      term.ellipsis_at = static_cast<int>(term.labels.size());
      i += 2;
    } else {
      EMBER_CHECK(is_label(c), "[einsum] einsum(): invalid subscript given at index ", i,
                  " in the equation string, subscripts must be in [a-zA-Z]");
      term.labels.push_back(label_index(c));
    }
  }
  return term;
}

// Sums `x` over the dims marked in `sum`, keeping them as size 1. Integer and bool inputs
// sum in int64 (torch.sum's dtype). Computed as a matrix-vector product with ones.
Tensor sum_keepdim(const Tensor& x, const std::vector<bool>& sum) {
  Shape kept_dims, summed_dims, result_shape = x.sizes();
  int64_t p = 1, q = 1;
  for (int64_t d = 0; d < x.dim(); ++d) {
    if (sum[d]) {
      summed_dims.push_back(d);
      q *= x.size(d);
      result_shape[d] = 1;
    } else {
      kept_dims.push_back(d);
      p *= x.size(d);
    }
  }
  if (summed_dims.empty()) return x;
  const ScalarType dtype =
      is_integral(x.dtype(), /*include_bool=*/true) ? ScalarType::Int64 : x.dtype();
  linalg_detail::check_product_dtype("einsum", dtype);
  Tensor src = to_dtype(x, dtype);
  Shape perm = kept_dims;
  for (int64_t d : summed_dims) perm.push_back(d);
  Tensor mat = reshape(permute(src, perm), {p, q});
  Tensor out = empty({p, 1}, dtype, x.device());
  gemm(out, mat, ones({q, 1}, dtype, x.device()), 0, 1);
  return view(out, result_shape);
}

// left and right have the same number of dims (sizes equal or 1 per dim); returns their
// product summed over the dims marked in `sum`, kept as size 1.
Tensor sum_product(const Tensor& left_in, const Tensor& right_in, const std::vector<bool>& sum) {
  Tensor left = left_in, right = right_in;
  const int64_t nd = left.dim();
  std::vector<bool> sum_left(nd, false), sum_right(nd, false);
  bool any_left = false, any_right = false, any_k = false;
  for (int64_t d = 0; d < nd; ++d) {
    if (!sum[d]) continue;
    const bool l = left.size(d) != 1, r = right.size(d) != 1;
    if (l && !r) any_left = sum_left[d] = true;
    if (r && !l) any_right = sum_right[d] = true;
    if (l && r) any_k = true;
  }
  if (any_left) left = sum_keepdim(left, sum_left);
  if (any_right) right = sum_keepdim(right, sum_right);
  if (!any_k) return mul(left, right);

  linalg_detail::check_same_device("einsum", left, right);
  EMBER_CHECK(left.dtype() == right.dtype(), "[einsum] expected m1 and m2 to have the same "
              "dtype, but got: ", scalar_type_name(left.dtype()), " != ",
              scalar_type_name(right.dtype()));
  linalg_detail::check_product_dtype("einsum", left.dtype());
  // Batch dims (both keep), M (left only), K (summed, both), N (right only), then size-1.
  Shape batch, lo, ks, ro, ones_dims;
  int64_t nb = 1, m = 1, k = 1, n = 1;
  Shape result_sizes;
  for (int64_t d = 0; d < nd; ++d) {
    const bool l = left.size(d) != 1, r = right.size(d) != 1;
    if (sum[d] && l && r) {
      ks.push_back(d);
      k *= left.size(d);
    } else if (!sum[d] && l && r) {
      batch.push_back(d);
      nb *= left.size(d);
    } else if (!sum[d] && l) {
      lo.push_back(d);
      m *= left.size(d);
    } else if (!sum[d] && r) {
      ro.push_back(d);
      n *= right.size(d);
    } else {
      ones_dims.push_back(d);
    }
  }
  Shape perm_l = batch, perm_r = batch, perm_out = batch;
  for (int64_t d : lo) perm_l.push_back(d);
  for (int64_t d : ks) perm_l.push_back(d);
  for (int64_t d : ones_dims) perm_l.push_back(d);
  for (int64_t d : ro) perm_l.push_back(d);
  for (int64_t d : ks) perm_r.push_back(d);
  for (int64_t d : ro) perm_r.push_back(d);
  for (int64_t d : ones_dims) perm_r.push_back(d);
  for (int64_t d : lo) perm_r.push_back(d);
  Tensor a = reshape(permute(left, perm_l), {nb, m, k});
  Tensor b = reshape(permute(right, perm_r), {nb, k, n});
  Tensor out = empty({nb, m, n}, left.dtype(), left.device());
  gemm(out, a, b, 0, 1);
  // Back to the global dim order: (batch, lo, ro) sizes, then size-1 for the rest.
  Shape sizes;
  for (int64_t d : batch) sizes.push_back(left.size(d));
  for (int64_t d : lo) {
    perm_out.push_back(d);
    sizes.push_back(left.size(d));
  }
  for (int64_t d : ro) {
    perm_out.push_back(d);
    sizes.push_back(right.size(d));
  }
  for (int64_t d : ks) perm_out.push_back(d);
  for (int64_t d : ones_dims) perm_out.push_back(d);
  sizes.resize(perm_out.size(), 1);
  Tensor result = view(out, sizes);
  Shape inverse(static_cast<size_t>(nd));
  for (int64_t i = 0; i < nd; ++i) inverse[perm_out[i]] = i;
  return permute(result, inverse);
}

}  // namespace

Tensor einsum(const std::string& equation_in, const std::vector<Tensor>& operands) {
  OpScope scope("einsum");
  EMBER_CHECK(!operands.empty(), "[einsum] einsum(): must provide at least one operand");
  std::string equation;
  for (char c : equation_in) {
    if (c != ' ') equation += c;
  }
  const size_t arrow = equation.find("->");
  const std::string lhs = equation.substr(0, arrow);
  // ---- parse the input terms ---------------------------------------------------------
  std::vector<Term> terms;
  size_t start = 0;
  while (true) {
    const size_t comma = lhs.find(',', start);
    const std::string text = lhs.substr(start, comma == std::string::npos ? std::string::npos
                                                                          : comma - start);
    const size_t index = terms.size();
    EMBER_CHECK(index < operands.size(), "[einsum] einsum(): fewer operands were provided than "
                "specified in the equation");
    terms.push_back(parse_term(text, "operand " + std::to_string(index)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  EMBER_CHECK(terms.size() == operands.size(), "[einsum] einsum(): more operands were provided "
              "than specified in the equation");
  for (size_t i = 1; i < operands.size(); ++i) {
    linalg_detail::check_same_device("einsum", operands[0], operands[i]);
  }

  std::array<int, kNumLabels> count{};
  int64_t ell_dims = 0;
  bool any_ellipsis = false;
  for (size_t i = 0; i < terms.size(); ++i) {
    const Term& term = terms[i];
    const int64_t nlabels = static_cast<int64_t>(term.labels.size());
    const int64_t ndim = operands[i].dim();
    if (term.ellipsis_at >= 0) {
      EMBER_CHECK(nlabels <= ndim, "[einsum] einsum(): the number of subscripts in the "
                  "equation (", nlabels, ") is more than the number of dimensions (", ndim,
                  ") for operand ", i);
      ell_dims = std::max(ell_dims, ndim - nlabels);
      any_ellipsis = true;
    } else {
      EMBER_CHECK(nlabels == ndim, "[einsum] einsum(): the number of subscripts in the equation "
                  "(", nlabels, ") does not match the number of dimensions (", ndim,
                  ") for operand ", i, " and no ellipsis was given");
    }
    for (int l : term.labels) ++count[l];
  }

  // ---- the output ----------------------------------------------------------------------
  Term output;
  if (arrow != std::string::npos) {
    output = parse_term(equation.substr(arrow + 2), "the output");
    std::array<bool, kNumLabels> seen{};
    for (int l : output.labels) {
      EMBER_CHECK(count[l] > 0, "[einsum] einsum(): output subscript ", label_char(l),
                  " does not appear in the equation for any input operand");
      EMBER_CHECK(!seen[l], "[einsum] einsum(): output subscript ", label_char(l),
                  " appears more than once in the output");
      seen[l] = true;
    }
  } else {
    // Implicit: the ellipsis dims, then the subscripts used once, in alphabetical order.
    if (any_ellipsis) output.ellipsis_at = 0;
    for (int l = 0; l < kNumLabels; ++l) {
      if (count[l] == 1) output.labels.push_back(l);
    }
  }

  // ---- global dim order: ellipsis dims, output subscripts, then the summed ones ---------
  std::array<int64_t, kNumLabels> position{};
  position.fill(-1);
  int64_t nd = ell_dims;
  for (int l : output.labels) position[l] = nd++;
  for (int l = 0; l < kNumLabels; ++l) {
    if (count[l] > 0 && position[l] < 0) position[l] = nd++;
  }
  std::vector<bool> in_output(static_cast<size_t>(nd), false);
  if (output.ellipsis_at >= 0) {
    for (int64_t d = 0; d < ell_dims; ++d) in_output[d] = true;
  }
  for (int l : output.labels) in_output[position[l]] = true;

  // The subscript at a global position (for error messages).
  auto label_at = [&](int64_t g) {
    return label_char(static_cast<int>(std::find(position.begin(), position.end(), g) -
                                       position.begin()));
  };

  // ---- each operand as a view over the global dims ---------------------------------------
  std::vector<Tensor> aligned;
  Shape sizes(static_cast<size_t>(nd), 1);  // the broadcast size of every global dim
  std::vector<int64_t> size_from(static_cast<size_t>(nd), -1);
  for (size_t i = 0; i < operands.size(); ++i) {
    const Term& term = terms[i];
    Tensor t = operands[i];
    // Global position of each of t's dims.
    std::vector<int64_t> where;
    const int64_t ell_here = t.dim() - static_cast<int64_t>(term.labels.size());
    for (size_t j = 0; j <= term.labels.size(); ++j) {
      if (static_cast<int>(j) == term.ellipsis_at) {
        for (int64_t e = 0; e < ell_here; ++e) where.push_back(ell_dims - ell_here + e);
      }
      if (j < term.labels.size()) where.push_back(position[term.labels[j]]);
    }
    // A repeated subscript takes the diagonal (which diagonal() moves to the last dim).
    for (bool again = true; again;) {
      again = false;
      for (size_t d1 = 0; d1 < where.size() && !again; ++d1) {
        for (size_t d2 = d1 + 1; d2 < where.size() && !again; ++d2) {
          if (where[d1] != where[d2] || where[d1] < ell_dims) continue;
          const int64_t s1 = t.size(static_cast<int64_t>(d1));
          const int64_t s2 = t.size(static_cast<int64_t>(d2));
          EMBER_CHECK(s1 == s2, "[einsum] einsum(): subscript ", label_at(where[d1]),
                      " is repeated for operand ", i, " but the sizes don't match, ", s2,
                      " != ", s1);
          const int64_t pos = where[d1];
          t = diagonal(t, 0, static_cast<int64_t>(d1), static_cast<int64_t>(d2));
          where.erase(where.begin() + static_cast<std::ptrdiff_t>(d2));
          where.erase(where.begin() + static_cast<std::ptrdiff_t>(d1));
          where.push_back(pos);
          again = true;
        }
      }
    }
    // Permute into global order, then insert size-1 dims for the positions it lacks.
    Shape perm(where.size());
    for (size_t j = 0; j < perm.size(); ++j) perm[j] = static_cast<int64_t>(j);
    std::sort(perm.begin(), perm.end(), [&](int64_t x, int64_t y) { return where[x] < where[y]; });
    t = permute(t, perm);
    Shape view_sizes(static_cast<size_t>(nd), 1), view_strides(static_cast<size_t>(nd), 0);
    for (size_t j = 0; j < perm.size(); ++j) {
      const int64_t g = where[perm[j]];
      view_sizes[g] = t.size(static_cast<int64_t>(j));
      view_strides[g] = t.stride(static_cast<int64_t>(j));
    }
    t = make_view(t, view_sizes, view_strides, t.storage_offset());
    for (int64_t g = 0; g < nd; ++g) {
      const int64_t s = view_sizes[g];
      if (s == 1) continue;
      if (sizes[g] == 1) {
        sizes[g] = s;
        size_from[g] = static_cast<int64_t>(i);
      } else if (sizes[g] != s) {
        if (g < ell_dims) {
          throw Error(detail::concat("[einsum] einsum(): operands do not broadcast: dimension ",
                                     g, " of the ellipsis has size ", s, " for operand ", i,
                                     " but size ", sizes[g], " for operand ", size_from[g]));
        }
        throw Error(detail::concat("[einsum] einsum(): subscript ", label_at(g),
                                   " has size ", s, " for operand ", i,
                                   " which does not broadcast with previously seen size ",
                                   sizes[g]));
      }
    }
    aligned.push_back(t);
  }

  // ---- contraction --------------------------------------------------------------------
  // last_use[g]: the last operand in which global dim g is not of size 1.
  std::vector<int64_t> last_use(static_cast<size_t>(nd), -1);
  for (size_t i = 0; i < aligned.size(); ++i) {
    for (int64_t g = 0; g < nd; ++g) {
      if (aligned[i].size(g) != 1) last_use[g] = static_cast<int64_t>(i);
    }
  }
  auto summable_at = [&](int64_t i) {
    std::vector<bool> sum(static_cast<size_t>(nd), false);
    for (int64_t g = 0; g < nd; ++g) sum[g] = !in_output[g] && last_use[g] == i;
    return sum;
  };
  Tensor result = aligned[0];
  {
    std::vector<bool> sum = summable_at(0);
    bool any = false;
    for (int64_t g = 0; g < nd; ++g) any = any || (sum[g] && result.size(g) != 1);
    if (any) result = sum_keepdim(result, sum);
  }
  for (size_t i = 1; i < aligned.size(); ++i) {
    result = sum_product(result, aligned[i], summable_at(static_cast<int64_t>(i)));
  }

  // ---- output order; the summed dims are size 1 now and are dropped ---------------------
  Shape perm, out_sizes;
  for (size_t j = 0; j <= output.labels.size(); ++j) {
    if (static_cast<int>(j) == output.ellipsis_at) {
      for (int64_t d = 0; d < ell_dims; ++d) perm.push_back(d);
    }
    if (j < output.labels.size()) perm.push_back(position[output.labels[j]]);
  }
  for (int64_t d : perm) out_sizes.push_back(result.size(d));
  for (int64_t g = 0; g < nd; ++g) {
    if (!in_output[g]) perm.push_back(g);
  }
  result = permute(result, perm);
  return reshape(result, out_sizes);
}

std::string einsum_sublist_equation(const std::vector<std::vector<int64_t>>& sublists,
                                    const std::optional<std::vector<int64_t>>& output) {
  auto term = [](const std::vector<int64_t>& sublist) {
    std::string text;
    for (int64_t s : sublist) {
      if (s == -1) {
        text += "...";
        continue;
      }
      EMBER_CHECK(s >= 0 && s < kNumLabels, "[einsum] einsum(): subscript in subscript list is "
                  "not within the valid range [0, ", kNumLabels, ")");
      text += label_char(static_cast<int>(s));
    }
    return text;
  };
  std::string equation;
  for (size_t i = 0; i < sublists.size(); ++i) {
    if (i) equation += ',';
    equation += term(sublists[i]);
  }
  if (output) equation += "->" + term(*output);
  return equation;
}

Tensor einsum(const std::vector<Tensor>& operands,
              const std::vector<std::vector<int64_t>>& sublists,
              const std::optional<std::vector<int64_t>>& output) {
  EMBER_CHECK(operands.size() == sublists.size(), "[einsum] einsum(): the sublist format needs "
              "one subscript list per operand, got ", operands.size(), " operands and ",
              sublists.size(), " lists");
  return einsum(einsum_sublist_equation(sublists, output), operands);
}

}  // namespace ember
