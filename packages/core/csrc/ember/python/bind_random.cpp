// Random sampling and ember.Generator. The Python layer (ember/_random.py) gives the
// functions torch's signatures; these take explicit sizes, dtypes and devices.
#include <cstring>
#include <random>

#include "ember/core/empty.h"
#include "ember/core/generator.h"
#include "ember/ops/random.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

uint64_t seed_bits(py::int_ seed) {
  // torch accepts negative seeds, taking them modulo 2^64.
  const py::int_ modulus = py::reinterpret_steal<py::int_>(PyLong_FromUnsignedLongLong(~0ull));
  py::object wrapped = seed.attr("__and__")(modulus);
  return py::cast<uint64_t>(wrapped);
}

Generator* unwrap(std::optional<std::shared_ptr<Generator>> gen) {
  return gen && *gen ? gen->get() : nullptr;
}

using GenArg = std::optional<std::shared_ptr<Generator>>;

}  // namespace

void bind_random(py::module_& m) {
  py::class_<Generator, std::shared_ptr<Generator>>(m, "Generator", R"doc(
A random number generator (Philox4x32-10, counter based: results do not depend on the
thread count). ``ember.Generator().manual_seed(0)`` makes an independent stream.)doc")
      .def(py::init([](const Device& device) {
             if (!device.is_cpu()) throw py::value_error("Generator: only 'cpu' generators exist");
             return std::make_shared<Generator>();
           }),
           py::arg("device") = Device(DeviceType::CPU))
      .def("manual_seed", [](std::shared_ptr<Generator> self, py::int_ seed) {
        self->manual_seed(seed_bits(seed));
        return self;
      }, py::arg("seed"))
      .def("seed", [](Generator& self) {
        std::random_device entropy;
        const uint64_t seed = (static_cast<uint64_t>(entropy()) << 32) | entropy();
        self.manual_seed(seed);
        return seed;
      })
      .def("initial_seed", &Generator::initial_seed)
      .def("get_state", [](Generator& self) {
        Tensor state = empty({16}, ScalarType::UInt8);
        const uint64_t words[2] = {self.initial_seed(), self.offset()};
        std::memcpy(state.data_ptr(), words, sizeof words);
        return state;
      })
      .def("set_state", [](Generator& self, const Tensor& state) {
        if (state.dtype() != ScalarType::UInt8 || state.numel() != 16 || !state.is_contiguous() ||
            !state.device().is_cpu()) {
          throw py::value_error("Generator.set_state: expected a contiguous ember.uint8 CPU "
                                "tensor of 16 bytes from get_state()");
        }
        uint64_t words[2];
        std::memcpy(words, state.data_ptr(), sizeof words);
        self.set_state(words[0], words[1]);
      }, py::arg("new_state"))
      .def_property_readonly("device", [](Generator&) { return Device(DeviceType::CPU); });

  m.attr("default_generator") =
      std::shared_ptr<Generator>(&default_generator(), [](Generator*) {});

  m.def("_uniform_", [](const Tensor& t, double from, double to, GenArg gen) {
    return uniform_(t, from, to, unwrap(gen));
  });
  m.def("_normal_", [](const Tensor& t, double mean, double std, GenArg gen) {
    return normal_(t, mean, std, unwrap(gen));
  });
  m.def("_random_", [](const Tensor& t, int64_t from, std::optional<int64_t> to, GenArg gen) {
    return random_(t, from, to, unwrap(gen));
  });
  m.def("_bernoulli_", [](const Tensor& t, double p, GenArg gen) {
    return bernoulli_(t, p, unwrap(gen));
  });
  m.def("bernoulli", [](const Tensor& p, GenArg generator) {
    return bernoulli(p, unwrap(generator));
  }, py::arg("input"), py::kw_only(), py::arg("generator") = py::none());
  m.def("_normal", [](const Tensor& mean, const Tensor& std, GenArg gen) {
    return normal(mean, std, unwrap(gen));
  });
  m.def("_randperm", [](int64_t n, ScalarType dtype, Device device, GenArg gen) {
    return randperm(n, dtype, device, unwrap(gen));
  });
  def_function_and_method(m, "multinomial", [](const Tensor& probs, int64_t num_samples,
                                               bool replacement, GenArg generator) {
    return multinomial(probs, num_samples, replacement, unwrap(generator));
  }, py::arg("num_samples"), py::arg("replacement") = false, py::kw_only(),
     py::arg("generator") = py::none());
}

}  // namespace ember::python
