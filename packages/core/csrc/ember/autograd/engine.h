// The backward pass: runs the graph from the outputs' grad_fns towards the leaves,
// each node once all the gradients flowing into it have arrived (dependency counting),
// newest node first among the ready ones. Single-threaded: CPU kernels are already
// parallel inside.
#pragma once

#include "ember/autograd/node.h"

namespace ember::autograd {

// Tensor.backward / autograd.backward: accumulates into the leaves' .grad (only into
// `inputs` when given). `grad_tensors[i]` may be undefined for one-element outputs.
EMBER_API void backward(const variable_list& tensors, const variable_list& grad_tensors,
                        bool keep_graph, bool create_graph, const variable_list& inputs);

// autograd.grad: the gradients of `outputs` with respect to `inputs`, returned rather
// than accumulated. Unused inputs give undefined tensors (zeros with materialize_grads).
EMBER_API variable_list grad(const variable_list& outputs, const variable_list& inputs,
                             const variable_list& grad_outputs, bool keep_graph,
                             bool create_graph, bool allow_unused, bool materialize_grads);

// The engine itself: gradients `grad_roots` enter at `roots`; the gradients arriving at
// `captures` are returned; with accumulate_grad, AccumulateGrad nodes run.
EMBER_API variable_list run_backward(const std::vector<Edge>& roots,
                                     const variable_list& grad_roots, bool keep_graph,
                                     bool create_graph, const std::vector<Edge>& captures,
                                     bool accumulate_grad);

}  // namespace ember::autograd
