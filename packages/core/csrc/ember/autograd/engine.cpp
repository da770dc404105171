#include "ember/autograd/engine.h"

#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "ember/autograd/accumulate_grad.h"
#include "ember/autograd/autograd_meta.h"
#include "ember/autograd/grad_mode.h"
#include "ember/autograd/sum_to.h"
#include "ember/core/errors.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/creation.h"

namespace ember::autograd {
namespace {

// Feeds the gradients of the outputs into their grad_fns.
class GraphRoot final : public Node {
 public:
  GraphRoot(const std::vector<Edge>& roots, variable_list grads) : grads_(std::move(grads)) {
    set_next_edges(roots);
  }
  variable_list apply(variable_list&&) override { return grads_; }
  std::string name() const override { return "GraphRoot"; }

 private:
  variable_list grads_;
};

struct NodeState {
  int dependencies = 0;
  bool needed = false;
  variable_list buffer;
  std::vector<std::pair<uint32_t, size_t>> captures;  // (input_nr, index in the result)
};

struct NewestFirst {
  bool operator()(const Node* a, const Node* b) const {
    return a->sequence_nr() < b->sequence_nr();
  }
};

std::string ordinal(size_t i) {
  const char* suffix = "th";
  if (i % 100 < 11 || i % 100 > 13) {
    if (i % 10 == 1) suffix = "st";
    if (i % 10 == 2) suffix = "nd";
    if (i % 10 == 3) suffix = "rd";
  }
  return std::to_string(i) + suffix;
}

std::string with_trace(const Node& node, const std::string& message) {
  if (node.forward_trace().empty()) return message;
  return message + "\n\nError detected in " + node.name() +
         ". Traceback of forward call that caused the error:\n" + node.forward_trace();
}

// The gradient `g` for input `input_nr` of `next`, made to match what its forward output
// looked like: summed down to a broadcast input's shape, cast to its dtype.
Tensor validate_gradient(const Node& producer, size_t index, Tensor g, const Node& next,
                         uint32_t input_nr) {
  const InputMetadata& meta = next.input_metadata(input_nr);
  if (g.sizes() != meta.shape) {
    EMBER_CHECK(is_expandable_to(meta.shape, g.sizes()), "Function ", producer.name(),
                " returned an invalid gradient at index ", index, " - got ",
                shape_str(g.sizes()), " but expected shape compatible with ",
                shape_str(meta.shape));
    g = sum_to(g, meta.shape);
  }
  if (g.dtype() != meta.dtype) g = to_dtype(g, meta.dtype);
  return g;
}

void check_nan(const Node& node, const variable_list& outputs) {
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].defined() && has_nan(outputs[i])) {
      throw Error(with_trace(node, "Function '" + node.name() + "' returned nan values in its " +
                                       ordinal(i) + " output."));
    }
  }
}

void materialize_undefined(const Node& node, variable_list& grads) {
  for (size_t i = 0; i < grads.size(); ++i) {
    if (grads[i].defined()) continue;
    const InputMetadata& meta = node.input_metadata(i);
    grads[i] = zeros(meta.shape, meta.dtype, meta.device);
  }
}

}  // namespace

variable_list run_backward(const std::vector<Edge>& roots, const variable_list& grad_roots,
                           bool keep_graph, bool create_graph, const std::vector<Edge>& captures,
                           bool accumulate_grad) {
  GradModeGuard grad_mode(create_graph);
  auto root = std::make_shared<GraphRoot>(roots, grad_roots);

  // Dependencies: how many edges lead into each node.
  std::unordered_map<Node*, NodeState> state;
  std::vector<Node*> order;  // discovery order, parents before children
  {
    std::vector<Node*> stack{root.get()};
    state[root.get()];
    while (!stack.empty()) {
      Node* n = stack.back();
      stack.pop_back();
      order.push_back(n);
      for (const Edge& e : n->next_edges()) {
        if (!e.is_valid()) continue;
        auto [it, inserted] = state.try_emplace(e.function.get());
        ++it->second.dependencies;
        if (inserted) stack.push_back(e.function.get());
      }
    }
  }

  // Which nodes run: all of them for a plain backward; with captures, only those on a
  // path to a captured edge (and, when accumulating, the captured leaves' accumulators).
  for (size_t i = 0; i < captures.size(); ++i) {
    const Edge& e = captures[i];
    if (!e.is_valid()) continue;
    auto it = state.find(e.function.get());
    if (it == state.end()) continue;  // not part of this graph: unused
    it->second.captures.emplace_back(e.input_nr, i);
    if (accumulate_grad && dynamic_cast<AccumulateGrad*>(e.function.get()) != nullptr) {
      it->second.needed = true;
    }
  }
  if (captures.empty()) {
    for (auto& [node, s] : state) s.needed = true;
  } else {
    // Reverse discovery order visits children before parents only for trees; iterate to a
    // fixed point, which a DAG reaches in few sweeps.
    bool changed = true;
    while (changed) {
      changed = false;
      for (auto it = order.rbegin(); it != order.rend(); ++it) {
        NodeState& s = state[*it];
        if (s.needed) continue;
        for (const Edge& e : (*it)->next_edges()) {
          if (!e.is_valid()) continue;
          const NodeState& child = state[e.function.get()];
          if (child.needed || !child.captures.empty()) {
            s.needed = true;
            changed = true;
            break;
          }
        }
      }
    }
  }

  variable_list captured(captures.size());
  std::priority_queue<Node*, std::vector<Node*>, NewestFirst> ready;
  ready.push(root.get());
  while (!ready.empty()) {
    Node* node = ready.top();
    ready.pop();
    NodeState& s = state[node];
    variable_list grads = std::move(s.buffer);
    grads.resize(node->num_inputs());
    for (size_t i = 0; i < grads.size(); ++i) {
      grads[i] = node->call_tensor_hooks(static_cast<uint32_t>(i), std::move(grads[i]));
    }
    node->store_retained_grads(grads);
    for (const auto& [input_nr, index] : s.captures) {
      if (input_nr < grads.size()) captured[index] = grads[input_nr];
    }
    if (!s.needed) continue;

    for (const auto& hook : node->pre_hooks()) {
      variable_list replaced = hook(grads);
      if (!replaced.empty()) grads = std::move(replaced);
    }
    bool any_defined = node == root.get();
    for (const Tensor& g : grads) any_defined = any_defined || g.defined();

    variable_list outputs;
    if (any_defined) {
      materialize_undefined(*node, grads);
      variable_list grad_outputs = node->post_hooks().empty() ? variable_list() : grads;
      try {
        outputs = node->apply(std::move(grads));
      } catch (const Error& error) {
        if (node->forward_trace().empty()) throw;
        throw Error(with_trace(*node, error.what()));
      }
      for (const auto& hook : node->post_hooks()) {
        variable_list replaced = hook(outputs, grad_outputs);
        if (!replaced.empty()) outputs = std::move(replaced);
      }
      if (is_anomaly_enabled() && is_anomaly_check_nan()) check_nan(*node, outputs);
    }
    if (!keep_graph) node->release_variables();

    const auto& edges = node->next_edges();
    EMBER_CHECK(!any_defined || outputs.size() == edges.size(), "Function ", node->name(),
                " returned an incorrect number of gradients (expected ", edges.size(),
                ", got ", outputs.size(), ")");
    for (size_t i = 0; i < edges.size(); ++i) {
      const Edge& e = edges[i];
      if (!e.is_valid()) continue;
      NodeState& child = state[e.function.get()];
      const bool wanted = child.needed || !child.captures.empty();
      if (any_defined && wanted && i < outputs.size() && outputs[i].defined()) {
        Tensor g = validate_gradient(*node, i, std::move(outputs[i]), *e.function, e.input_nr);
        if (child.buffer.size() < e.function->num_inputs()) {
          child.buffer.resize(e.function->num_inputs());
        }
        Tensor& slot = child.buffer[e.input_nr];
        slot = slot.defined() ? add(slot, g) : std::move(g);
      }
      if (--child.dependencies == 0) ready.push(e.function.get());
    }
  }
  return captured;
}

namespace {

std::vector<Edge> root_edges(const variable_list& tensors) {
  std::vector<Edge> edges;
  edges.reserve(tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) {
    Edge e = gradient_edge(tensors[i]);
    EMBER_CHECK(e.is_valid(), "element ", i, " of tensors does not require grad and does not "
                "have a grad_fn");
    edges.push_back(std::move(e));
  }
  return edges;
}

variable_list root_grads(const variable_list& outputs, const variable_list& grads) {
  EMBER_CHECK(grads.empty() || grads.size() == outputs.size(), "grad requires one grad_output "
              "per output: got ", grads.size(), " grad_outputs for ", outputs.size(),
              " outputs");
  variable_list result(outputs.size());
  for (size_t i = 0; i < outputs.size(); ++i) {
    const Tensor& out = outputs[i];
    const Tensor g = grads.empty() ? Tensor() : grads[i];
    if (!g.defined()) {
      EMBER_CHECK(out.numel() == 1, "grad can be implicitly created only for scalar outputs");
      EMBER_CHECK(is_floating(out.dtype()), "grad can be implicitly created only for real "
                  "scalar outputs but got ", scalar_type_name(out.dtype()));
      result[i] = ones(out.sizes(), out.dtype(), out.device());
      continue;
    }
    EMBER_CHECK(g.sizes() == out.sizes(), "Mismatch in shape: grad_output[", i,
                "] has a shape of ", shape_str(g.sizes()), " and output[", i,
                "] has a shape of ", shape_str(out.sizes()), ".");
    EMBER_CHECK(is_complex(g.dtype()) == is_complex(out.dtype()), "For complex Tensors, both "
                "grad_output and output are required to have the same dtype. Mismatch in "
                "dtype: grad_output[", i, "] has a dtype of ", scalar_type_name(g.dtype()),
                " and output[", i, "] has a dtype of ", scalar_type_name(out.dtype()), ".");
    result[i] = g;
  }
  return result;
}

}  // namespace

void backward(const variable_list& tensors, const variable_list& grad_tensors, bool keep_graph,
              bool create_graph, const variable_list& inputs) {
  std::vector<Edge> roots = root_edges(tensors);
  variable_list grads = root_grads(tensors, grad_tensors);
  std::vector<Edge> captures;
  for (const Tensor& input : inputs) {
    Edge e = gradient_edge(input);
    EMBER_CHECK(e.is_valid(), "[backward] One of the differentiated Tensors does not require "
                "grad");
    captures.push_back(std::move(e));
  }
  variable_list captured = run_backward(roots, grads, keep_graph, create_graph, captures,
                                        /*accumulate_grad=*/true);
  // Non-leaf inputs get their .grad too (leaves got theirs from AccumulateGrad).
  GradModeGuard grad_mode(create_graph);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (is_leaf(inputs[i]) || !captured[i].defined()) continue;
    Tensor current = autograd::grad(inputs[i]);
    set_grad(inputs[i], current.defined() ? add(current, captured[i]) : captured[i]);
  }
}

variable_list grad(const variable_list& outputs, const variable_list& inputs,
                   const variable_list& grad_outputs, bool keep_graph, bool create_graph,
                   bool allow_unused, bool materialize_grads) {
  EMBER_CHECK(!inputs.empty(), "grad requires non-empty inputs.");
  std::vector<Edge> roots = root_edges(outputs);
  variable_list grads = root_grads(outputs, grad_outputs);
  std::vector<Edge> captures;
  for (const Tensor& input : inputs) {
    Edge e = gradient_edge(input);
    EMBER_CHECK(e.is_valid(), "One of the differentiated Tensors does not require grad");
    captures.push_back(std::move(e));
  }
  variable_list result = run_backward(roots, grads, keep_graph, create_graph, captures,
                                      /*accumulate_grad=*/false);
  for (size_t i = 0; i < result.size(); ++i) {
    if (result[i].defined()) continue;
    EMBER_CHECK(allow_unused || materialize_grads, "One of the differentiated Tensors appears "
                "to not have been used in the graph. Set allow_unused=True if this is the "
                "desired behavior.");
    if (materialize_grads) {
      result[i] = zeros(inputs[i].sizes(), inputs[i].dtype(), inputs[i].device());
    }
  }
  return result;
}

}  // namespace ember::autograd
