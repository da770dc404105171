// torch.fft's functions (ops/fft.h) as ember._C.fft_<name>; src/ember/fft.py re-exports
// them under their torch.fft names.
#include <pybind11/stl.h>

#include "ember/ops/fft.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Tensor out_or_none(const std::optional<Tensor>& out) { return out ? *out : Tensor(); }

template <typename Fn>
void bind_1d(py::module_& m, const char* name, Fn fn) {
  m.def(
      name,
      [fn](const Tensor& x, std::optional<int64_t> n, int64_t dim,
           std::optional<std::string> norm, std::optional<Tensor> out) {
        return fn(x, n, dim, norm, out_or_none(out));
      },
      py::arg("input"), py::arg("n") = py::none(), py::arg("dim") = -1,
      py::arg("norm") = py::none(), py::kw_only(), py::arg("out") = py::none());
}

template <typename Fn>
void bind_nd(py::module_& m, const char* name, Fn fn) {
  m.def(
      name,
      [fn](const Tensor& x, std::optional<Shape> s, std::optional<Shape> dim,
           std::optional<std::string> norm, std::optional<Tensor> out) {
        return fn(x, s, dim, norm, out_or_none(out));
      },
      py::arg("input"), py::arg("s") = py::none(), py::arg("dim") = py::none(),
      py::arg("norm") = py::none(), py::kw_only(), py::arg("out") = py::none());
}

template <typename Fn>
void bind_2d(py::module_& m, const char* name, Fn fn) {
  m.def(
      name,
      [fn](const Tensor& x, std::optional<Shape> s, Shape dim, std::optional<std::string> norm,
           std::optional<Tensor> out) { return fn(x, s, dim, norm, out_or_none(out)); },
      py::arg("input"), py::arg("s") = py::none(), py::arg("dim") = Shape{-2, -1},
      py::arg("norm") = py::none(), py::kw_only(), py::arg("out") = py::none());
}

template <typename Fn>
void bind_freq(py::module_& m, const char* name, Fn fn) {
  m.def(
      name,
      [fn, name](int64_t n, double d, std::optional<Tensor> out, std::optional<ScalarType> dtype,
                 py::object layout, std::optional<Device> device, bool requires_grad) {
        if (!layout.is_none() && !py::str(layout).equal(py::str("ember.strided"))) {
          throw ValueError(detail::concat("[", name, "] only the strided layout is supported"));
        }
        if (requires_grad) {
          throw NotImplementedError(
              detail::concat("[", name, "] requires_grad=True: autograd is not available yet"));
        }
        return fn(n, d, dtype, device ? *device : Device(), out_or_none(out));
      },
      py::arg("n"), py::arg("d") = 1.0, py::kw_only(), py::arg("out") = py::none(),
      py::arg("dtype") = py::none(), py::arg("layout") = py::none(),
      py::arg("device") = py::none(), py::arg("requires_grad") = false);
}

}  // namespace

void bind_fft(py::module_& m) {
  bind_1d(m, "fft_fft", &fft_fft);
  bind_1d(m, "fft_ifft", &fft_ifft);
  bind_1d(m, "fft_rfft", &fft_rfft);
  bind_1d(m, "fft_irfft", &fft_irfft);
  bind_1d(m, "fft_hfft", &fft_hfft);
  bind_1d(m, "fft_ihfft", &fft_ihfft);
  bind_nd(m, "fft_fftn", &fft_fftn);
  bind_nd(m, "fft_ifftn", &fft_ifftn);
  bind_nd(m, "fft_rfftn", &fft_rfftn);
  bind_nd(m, "fft_irfftn", &fft_irfftn);
  bind_2d(m, "fft_fft2", &fft_fft2);
  bind_2d(m, "fft_ifft2", &fft_ifft2);
  bind_2d(m, "fft_rfft2", &fft_rfft2);
  bind_2d(m, "fft_irfft2", &fft_irfft2);
  bind_nd(m, "fft_hfftn", &fft_hfftn);
  bind_nd(m, "fft_ihfftn", &fft_ihfftn);
  bind_2d(m, "fft_hfft2", &fft_hfft2);
  bind_2d(m, "fft_ihfft2", &fft_ihfft2);
  bind_freq(m, "fft_fftfreq", &fft_fftfreq);
  bind_freq(m, "fft_rfftfreq", &fft_rfftfreq);
  m.def(
      "fft_fftshift", [](const Tensor& x, std::optional<Shape> dim) { return fft_fftshift(x, dim); },
      py::arg("input"), py::arg("dim") = py::none());
  m.def(
      "fft_ifftshift",
      [](const Tensor& x, std::optional<Shape> dim) { return fft_ifftshift(x, dim); },
      py::arg("input"), py::arg("dim") = py::none());
}

}  // namespace ember::python
