"""A device backend built outside Ember registers kernels on the same dispatch stubs as
the CPU backend (tests/cpp_extensions/toy_backend) and works through the public API.
Registering a backend is process-wide, so the checks run in a fresh interpreter."""

import subprocess
import sys
import textwrap

from cpp_build import build_extension

SCRIPT = """
import importlib.util, sys
import ember

spec = importlib.util.spec_from_file_location("toy_backend", {path!r})
toy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(toy)

x = ember.ones(3, device="toy")
assert x.device == ember.device("toy") and x.device.type == "toy", x.device
y = x + x
assert y.device.type == "toy"
assert y.cpu().tolist() == [2.0, 2.0, 2.0]
w = ember.tensor([1.0, 2.0, 3.0]).to("toy")
assert (w + y).to("cpu").tolist() == [3.0, 4.0, 5.0]
assert ember.add(w, w, alpha=3).cpu().tolist() == [4.0, 8.0, 12.0]
assert toy.allocations() >= 4

for bad, error, text in [
    (lambda: ember.exp(x), NotImplementedError, "[exp] is not implemented for device 'toy'"),
    (lambda: x + ember.ones(3), RuntimeError, "Expected all tensors to be on the same device"),
    (lambda: ember.ones(2, dtype=ember.int64, device="toy"), NotImplementedError,
     "supports float32 only"),
]:
    try:
        bad()
    except error as exc:
        assert text in str(exc), str(exc)
    else:
        raise AssertionError(f"expected {{error.__name__}}")
print("toy backend ok")
"""


def test_out_of_tree_backend_registers_and_runs(tmp_path):
    built = build_extension("toy_backend", tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT.format(path=str(built)))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "toy backend ok" in result.stdout
