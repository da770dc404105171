// Autograd: grad modes, the engine's entry points, graph nodes as Python objects
// (grad_fn), the autograd attributes and methods of Tensor, and the node behind a Python
// autograd.Function.
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "ember/autograd/autograd_meta.h"
#include "ember/autograd/engine.h"
#include "ember/autograd/grad_mode.h"
#include "ember/autograd/record.h"
#include "ember/ops/creation.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

using autograd::Node;
using autograd::variable_list;
using MaybeTensors = std::vector<std::optional<Tensor>>;

variable_list from_optional(const MaybeTensors& tensors) {
  variable_list out;
  out.reserve(tensors.size());
  for (const auto& t : tensors) out.push_back(t.value_or(Tensor()));
  return out;
}

py::tuple to_tuple(const variable_list& tensors) {
  py::tuple out(tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) out[i] = py::cast(tensors[i]);
  return out;
}

// Grads a Python hook returned (None: keep them), checked against what it was given.
variable_list hook_result(const py::object& result, const variable_list& given,
                          const char* what) {
  if (result.is_none()) return {};
  py::tuple values = py::isinstance<py::tuple>(result) ? result.cast<py::tuple>()
                                                       : py::make_tuple(result);
  if (values.size() != given.size()) {
    throw py::value_error(std::string(what) + " hook returned " + std::to_string(values.size()) +
                          " values, expected " + std::to_string(given.size()));
  }
  variable_list out;
  for (const auto& v : values) out.push_back(v.is_none() ? Tensor() : v.cast<Tensor>());
  return out;
}

// The node recorded for a Python autograd.Function: backward(ctx, *grads) is Python.
class PyFunctionNode final : public Node {
 public:
  PyFunctionNode(std::string name, py::object ctx, py::object backward, bool materialize)
      : name_(std::move(name)),
        ctx_(std::move(ctx)),
        backward_(std::move(backward)),
        materialize_(materialize) {}
  ~PyFunctionNode() override {
    py::gil_scoped_acquire gil;
    ctx_ = py::object();
    backward_ = py::object();
  }

  variable_list apply(variable_list&& grads) override {
    py::gil_scoped_acquire gil;
    py::tuple args(grads.size());
    for (size_t i = 0; i < grads.size(); ++i) {
      Tensor g = grads[i];
      if (!g.defined() && materialize_) {
        const auto& meta = input_metadata(i);
        g = zeros(meta.shape, meta.dtype, meta.device);
      }
      args[i] = py::cast(g);
    }
    ctx_.attr("_saved") = to_tuple(unpack_saved());
    py::object result = backward_(ctx_, *args);
    py::delattr(ctx_, "_saved");
    py::tuple values = py::isinstance<py::tuple>(result) ? result.cast<py::tuple>()
                                                         : py::make_tuple(result);
    // torch allows extra trailing Nones (for non-tensor forward arguments).
    const size_t expected = num_inputs_of_forward_;
    if (values.size() < expected) {
      throw py::value_error("function " + name_ + " returned an incorrect number of gradients "
                            "(expected " + std::to_string(expected) + ", got " +
                            std::to_string(values.size()) + ")");
    }
    variable_list out;
    for (size_t i = 0; i < expected; ++i) {
      py::handle v = values[i];
      out.push_back(v.is_none() ? Tensor() : v.cast<Tensor>());
    }
    // Only tensor arguments have edges; positions of the others are dropped.
    variable_list edges_only;
    for (size_t i : tensor_positions_) edges_only.push_back(i < out.size() ? out[i] : Tensor());
    return edges_only;
  }
  std::string name() const override { return name_; }
  void release_variables() override {
    for (auto& s : saved_) s.reset();
  }

  variable_list unpack_saved() {
    variable_list out;
    auto self = shared_from_this();
    for (const auto& s : saved_) out.push_back(s.unpack(self));
    return out;
  }

  std::vector<autograd::SavedVariable> saved_;
  std::vector<size_t> tensor_positions_;
  size_t num_inputs_of_forward_ = 0;

 private:
  std::string name_;
  py::object ctx_;
  py::object backward_;
  bool materialize_;
};

bool contains(const variable_list& list, const Tensor& t) {
  for (const Tensor& x : list) {
    if (x.is_same(t)) return true;
  }
  return false;
}

// Records a Python Function's node: edges to the tensor arguments, history on the
// outputs (rebased for dirty ones, skipped for non-differentiable ones), saved tensors.
// Returns the outputs to hand back (an input returned unchanged comes back as an alias,
// so the input itself keeps its own history).
py::tuple record_function(const std::string& name, py::object ctx, py::object backward,
                          const py::tuple& args, const MaybeTensors& outputs_in,
                          const MaybeTensors& to_save, const MaybeTensors& dirty_in,
                          const MaybeTensors& non_differentiable_in, bool materialize) {
  auto node = std::make_shared<PyFunctionNode>(name, std::move(ctx), std::move(backward),
                                               materialize);
  node->num_inputs_of_forward_ = args.size();
  std::vector<autograd::Edge> edges;
  variable_list inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!is_tensor(args[i].ptr())) continue;
    const Tensor t = unpack(args[i].ptr());
    node->tensor_positions_.push_back(i);
    edges.push_back(autograd::gradient_edge(t));
    inputs.push_back(t);
  }
  node->set_next_edges(std::move(edges));
  const variable_list dirty = from_optional(dirty_in);
  const variable_list non_differentiable = from_optional(non_differentiable_in);
  variable_list outputs = from_optional(outputs_in);
  for (Tensor& out : outputs) {
    if (!out.defined()) continue;
    if (contains(dirty, out)) {
      autograd::check_inplace(out, name.c_str());
      autograd::rebase_history(out, node);
      continue;
    }
    if (contains(inputs, out)) out = autograd::detach(out);
    if (contains(non_differentiable, out)) continue;
    autograd::set_history(out, node);
  }
  for (const Tensor& t : from_optional(to_save)) {
    node->saved_.emplace_back(t, t.defined() && contains(outputs, t));
  }
  return to_tuple(outputs);
}

py::object node_object(const std::shared_ptr<Node>& node) {
  if (!node) return py::none();
  return py::cast(node);
}

}  // namespace

void bind_autograd(py::module_& m) {
  // ---- grad modes -------------------------------------------------------------------
  m.def("is_grad_enabled", &autograd::is_grad_enabled);
  m.def("_set_grad_enabled", &autograd::set_grad_enabled);
  m.def("is_inference_mode_enabled", &autograd::is_inference_mode_enabled);
  m.def("_set_inference_mode_enabled", &autograd::set_inference_mode_enabled);
  m.def("_is_anomaly_enabled", &autograd::is_anomaly_enabled);
  m.def("_is_anomaly_check_nan_enabled", &autograd::is_anomaly_check_nan);
  m.def("_set_anomaly_enabled", &autograd::set_anomaly_enabled, py::arg("enabled"),
        py::arg("check_nan") = true);
  m.def("_set_trace_provider", [](py::function provider) {
    // Held for the life of the process on purpose: the C++ side is a static that outlives
    // the interpreter, and dropping a Python reference after finalization is fatal.
    auto* held = new py::function(std::move(provider));
    autograd::set_trace_provider([held]() {
      py::gil_scoped_acquire gil;
      return (*held)().cast<std::string>();
    });
  });

  // ---- engine -----------------------------------------------------------------------
  m.def("_run_backward",
        [](const variable_list& tensors, const MaybeTensors& grads, bool keep_graph,
           bool create_graph, const variable_list& inputs) {
          autograd::backward(tensors, from_optional(grads), keep_graph, create_graph, inputs);
        });
  m.def("_run_grad",
        [](const variable_list& outputs, const variable_list& inputs, const MaybeTensors& grads,
           bool keep_graph, bool create_graph, bool allow_unused, bool materialize) {
          return to_tuple(autograd::grad(outputs, inputs, from_optional(grads), keep_graph,
                                         create_graph, allow_unused, materialize));
        });
  m.def("_record_function", &record_function);

  // ---- graph nodes (Tensor.grad_fn) --------------------------------------------------
  py::class_<Node, std::shared_ptr<Node>>(m, "Node")
      .def("name", &Node::name)
      .def_property_readonly("next_functions",
                             [](const Node& node) {
                               py::tuple out(node.next_edges().size());
                               for (size_t i = 0; i < out.size(); ++i) {
                                 const auto& e = node.next_edge(i);
                                 out[i] = py::make_tuple(node_object(e.function), e.input_nr);
                               }
                               return out;
                             })
      .def_property_readonly("_sequence_nr", &Node::sequence_nr)
      .def("_register_hook",
           [](Node& node, py::function hook) {
             node.add_post_hook([hook](const variable_list& grad_inputs,
                                       const variable_list& grad_outputs) {
               py::gil_scoped_acquire gil;
               return hook_result(hook(to_tuple(grad_inputs), to_tuple(grad_outputs)),
                                  grad_inputs, "post");
             });
           })
      .def("_register_prehook",
           [](Node& node, py::function hook) {
             node.add_pre_hook([hook](const variable_list& grads) {
               py::gil_scoped_acquire gil;
               return hook_result(hook(to_tuple(grads)), grads, "pre");
             });
           })
      .def("__call__", [](Node& node, py::args grads) {
        variable_list in;
        for (const auto& g : grads) in.push_back(g.is_none() ? Tensor() : g.cast<Tensor>());
        return to_tuple(node.apply(std::move(in)));
      })
      .def("__eq__", [](const Node& a, const Node& b) { return &a == &b; })
      .def("__hash__", [](const Node& a) { return std::hash<const Node*>()(&a); })
      .def("__repr__", [](const Node& node) {
        return "<" + node.name() + " object at " +
               std::to_string(reinterpret_cast<uintptr_t>(&node)) + ">";
      });

  // ---- Tensor's autograd attributes --------------------------------------------------
  py::handle type = tensor_type_handle();
  py::object property = py::module_::import("builtins").attr("property");
  auto method = [&](const char* name, auto&& f) {
    return py::cpp_function(f, py::name(name), py::is_method(type));
  };
  type.attr("requires_grad") = property(
      method("requires_grad", [](const Tensor& t) { return autograd::requires_grad(t); }),
      method("requires_grad", [](const Tensor& t, bool value) {
        if (!autograd::is_leaf(t)) {
          throw Error(value ? "you can only change requires_grad flags of leaf variables."
                            : "you can only change requires_grad flags of leaf variables. If "
                              "you want to use a computed variable in a subgraph that doesn't "
                              "require differentiation use var_no_grad = var.detach().");
        }
        autograd::set_requires_grad(t, value);
      }));
  type.attr("grad") = property(
      method("grad", [](const Tensor& t) { return autograd::grad(t); }),
      method("grad", [](const Tensor& t, std::optional<Tensor> g) {
        autograd::set_grad(t, g.value_or(Tensor()));
      }));
  type.attr("grad_fn") = property(method(
      "grad_fn", [](const Tensor& t) { return node_object(autograd::grad_fn(t)); }));
  type.attr("is_leaf") =
      property(method("is_leaf", [](const Tensor& t) { return autograd::is_leaf(t); }));
  type.attr("retains_grad") = property(method("retains_grad", [](const Tensor& t) {
    const auto* m = autograd::meta_of(t);
    return m != nullptr && m->retains_grad;
  }));
  type.attr("output_nr") = property(method("output_nr", [](const Tensor& t) {
    const auto* m = autograd::meta_of(t);
    return m != nullptr ? m->output_nr : 0u;
  }));
  def_method(
      "requires_grad_",
      [](const Tensor& t, bool value) {
        autograd::set_requires_grad(t, value);
        return t;
      },
      py::arg("requires_grad") = true);
  def_method("retain_grad", [](const Tensor& t) { autograd::retain_grad(t); });
  def_method("detach", [](const Tensor& t) { return autograd::detach(t); });
  def_method("detach_", [](const Tensor& t) {
    autograd::detach_(t);
    return t;
  });
  def_method("_register_hook", [](const Tensor& t, py::function hook) {
    autograd::register_hook(t, [hook](const Tensor& grad) {
      py::gil_scoped_acquire gil;
      py::object result = hook(grad);
      return result.is_none() ? Tensor() : result.cast<Tensor>();
    });
  });
  def_method("_register_post_accumulate_grad_hook", [](const Tensor& t, py::function hook) {
    autograd::register_post_accumulate_grad_hook(t, [hook](const Tensor& variable) {
      py::gil_scoped_acquire gil;
      hook(variable);
    });
  });
}

}  // namespace ember::python
