// The backward graph: a Node per recorded op, an Edge per differentiable input pointing
// at the Node that produced it (or at a leaf's AccumulateGrad). Forward outputs of a
// Node are the inputs of its backward `apply`, and vice versa.
//
// A derivative is a Node subclass next to its op (ops/*.cpp), whose apply() uses public
// ops only: with create_graph=True the engine runs it with grad mode on, so the backward
// pass is itself recorded and can be differentiated again.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ember/core/tensor.h"

namespace ember::autograd {

class Node;
using variable_list = std::vector<Tensor>;

struct Edge {
  std::shared_ptr<Node> function;
  uint32_t input_nr = 0;
  bool is_valid() const { return function != nullptr; }
};

// What a forward output looked like, so the engine can check (and zero-fill) the
// gradient that arrives for it.
struct InputMetadata {
  Shape shape;
  ScalarType dtype = ScalarType::Undefined;
  Device device;
};

class EMBER_API Node : public std::enable_shared_from_this<Node> {
 public:
  // Receives the gradient of input `input_nr` of apply(); returns a replacement
  // (undefined: keep it).
  using TensorHook = std::function<Tensor(const Tensor&)>;
  // Called with apply()'s inputs (gradients of the forward outputs); may replace them.
  using PreHook = std::function<variable_list(const variable_list&)>;
  // Called with (grad_inputs = apply()'s results, grad_outputs = its inputs).
  using PostHook = std::function<variable_list(const variable_list&, const variable_list&)>;

  Node();
  virtual ~Node();
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  virtual variable_list apply(variable_list&& grads) = 0;
  // torch's names: "AddBackward0", "AccumulateGrad", ...
  virtual std::string name() const = 0;
  // Frees saved tensors after a backward pass that does not retain the graph.
  virtual void release_variables() {}
  // Hooks registered on the tensor whose gradient arrives at `input_nr`; a leaf's
  // AccumulateGrad overrides this to run the leaf's own hooks.
  virtual Tensor call_tensor_hooks(uint32_t input_nr, Tensor grad);

  const std::vector<Edge>& next_edges() const { return next_edges_; }
  const Edge& next_edge(size_t i) const { return next_edges_[i]; }
  void set_next_edges(std::vector<Edge> edges) { next_edges_ = std::move(edges); }
  size_t num_outputs() const { return next_edges_.size(); }
  // Whether the gradient of forward input i is wanted (its edge leads somewhere).
  bool should_compute_output(size_t i) const {
    return i < next_edges_.size() && next_edges_[i].is_valid();
  }

  uint32_t add_input_metadata(const Tensor& t);
  size_t num_inputs() const { return input_metadata_.size(); }
  const InputMetadata& input_metadata(size_t i) const { return input_metadata_[i]; }

  // Order of creation, per thread: the engine runs ready nodes newest first.
  uint64_t sequence_nr() const { return sequence_nr_; }

  void add_tensor_hook(uint32_t input_nr, TensorHook hook);
  // Stores the gradient of input `input_nr` into `slot` (Tensor.retain_grad()).
  void add_retained_grad(uint32_t input_nr, std::shared_ptr<Tensor> slot);
  void add_pre_hook(PreHook hook) { pre_hooks_.push_back(std::move(hook)); }
  void add_post_hook(PostHook hook) { post_hooks_.push_back(std::move(hook)); }
  const std::vector<PreHook>& pre_hooks() const { return pre_hooks_; }
  const std::vector<PostHook>& post_hooks() const { return post_hooks_; }
  void store_retained_grads(const variable_list& grads) const;

  // Anomaly mode: where the forward op ran (a Python traceback, set by the bindings).
  const std::string& forward_trace() const { return forward_trace_; }
  void set_forward_trace(std::string trace) { forward_trace_ = std::move(trace); }

 private:
  uint64_t sequence_nr_;
  std::vector<Edge> next_edges_;
  std::vector<InputMetadata> input_metadata_;
  std::vector<std::pair<uint32_t, TensorHook>> tensor_hooks_;
  std::vector<std::pair<uint32_t, std::shared_ptr<Tensor>>> retained_grads_;
  std::vector<PreHook> pre_hooks_;
  std::vector<PostHook> post_hooks_;
  std::string forward_trace_;
};

// Anomaly mode (torch.autograd.detect_anomaly): nodes remember their forward traceback
// and a NaN produced by backward raises. `trace_provider` captures the traceback (the
// Python bindings install one); thread-local like grad mode.
EMBER_API bool is_anomaly_enabled();
EMBER_API bool is_anomaly_check_nan();
EMBER_API void set_anomaly_enabled(bool enabled, bool check_nan = true);
EMBER_API void set_trace_provider(std::function<std::string()> provider);
EMBER_API std::string capture_forward_trace();

}  // namespace ember::autograd
