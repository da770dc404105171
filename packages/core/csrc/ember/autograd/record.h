// What an op's front end uses to record its derivative node. The pattern, in the op's
// own file next to its Node subclass:
//
//   Tensor exp(const Tensor& x) {
//     EMBER_AUTOGRAD_RECORD(record, x);      // grad mode on and x requires grad?
//     Tensor out = ...;                      // computed with recording off inside
//     if (record) {
//       auto node = autograd::make_node<ExpBackward0>(x);
//       node->result = autograd::SavedVariable(out, /*is_output=*/true);
//       autograd::set_history(out, node);
//     }
//     return out;
//   }
//
// A tensor that never took part in autograd has no AutogradMeta, so the test costs a
// null check per input and nothing else.
#pragma once

#include <memory>
#include <vector>

#include "ember/autograd/autograd_meta.h"
#include "ember/autograd/grad_mode.h"
#include "ember/autograd/saved_variable.h"

namespace ember::autograd {

inline bool any_requires_grad(const Tensor& t) { return requires_grad(t); }
inline bool any_requires_grad(const std::vector<Tensor>& ts) {
  for (const Tensor& t : ts) {
    if (requires_grad(t)) return true;
  }
  return false;
}
template <typename... Ts>
bool compute_requires_grad(const Ts&... tensors) {
  return (any_requires_grad(tensors) || ...) && is_grad_enabled();
}

inline void append_edges(std::vector<Edge>& edges, const Tensor& t) {
  edges.push_back(gradient_edge(t));
}
inline void append_edges(std::vector<Edge>& edges, const std::vector<Tensor>& ts) {
  for (const Tensor& t : ts) edges.push_back(gradient_edge(t));
}

// A node of type N whose next edges are the histories of `inputs` (one edge per tensor,
// in order; an undefined or non-differentiable input gets an invalid edge).
template <typename N, typename... Ts>
std::shared_ptr<N> make_node(const Ts&... inputs) {
  auto node = std::make_shared<N>();
  std::vector<Edge> edges;
  (append_edges(edges, inputs), ...);
  node->set_next_edges(std::move(edges));
  return node;
}

// Switches recording off for the rest of the scope when `active` (an op that records its
// own node must not also record the ops it is computed with).
class NoGradIf {
 public:
  explicit NoGradIf(bool active) : active_(active) {
    if (active_) set_grad_enabled(false);
  }
  ~NoGradIf() {
    if (active_) set_grad_enabled(true);
  }
  NoGradIf(const NoGradIf&) = delete;
  NoGradIf& operator=(const NoGradIf&) = delete;

 private:
  bool active_;
};

}  // namespace ember::autograd

#define EMBER_AUTOGRAD_RECORD(flag, ...)                                          \
  const bool flag = ::ember::autograd::compute_requires_grad(__VA_ARGS__);        \
  ::ember::autograd::NoGradIf flag##_no_grad_scope(flag)
