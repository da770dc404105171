"""Ember: a deep-learning framework with the PyTorch programming model.

>>> import ember
>>> x = ember.tensor([[1.0, 2.0], [3.0, 4.0]])
>>> (x * 2 + 1).sum().item()
24.0

Optional parts load on first use: ``ember.hub`` and ``ember.plugins`` (which discover
plugins) are imported when first touched, so ``import ember`` stays fast and never
imports a plugin.
"""

from __future__ import annotations

import builtins as _builtins
import importlib as _importlib

# OpenBLAS must be loaded before the extension that needs it: importing the wheel's
# module loads libscipy_openblas.so into the process, so libember finds it by soname.
import scipy_openblas32 as _scipy_openblas32  # noqa: F401

from ember import _C
from ember._version import __version__

if _C.__version__ != __version__:  # a stale build next to newer Python sources
    raise ImportError(
        f"ember's compiled core is version {_C.__version__} but the Python package is "
        f"{__version__}: rebuild it (pip install -e packages/core, or reinstall ember)"
    )

# Every public function of the compiled core is an ember function (ember.add, ...);
# the Python layer then replaces a few with richer signatures (ember.zeros(*size), ...).
_PRIVATE_C = {
    "TensorBase",
    "Node",
    "tensor",
    "empty",
    "empty_strided",
    "zeros",
    "ones",
    "full",
    "arange",
    "linspace",
    "logspace",
    "eye",
    "from_numpy",
}
globals().update(
    {
        name: value
        for name, value in vars(_C).items()
        if not name.startswith("_") and name not in _PRIVATE_C
    }
)

from ember import (
    _tensor,  # noqa: E402  (installs the Python-level Tensor methods)
    autograd,  # noqa: E402
)
from ember._creation import (  # noqa: E402
    arange,
    as_tensor,
    empty,
    empty_like,
    empty_strided,
    eye,
    from_numpy,
    full,
    full_like,
    linspace,
    logspace,
    ones,
    ones_like,
    tensor,
    zeros,
    zeros_like,
)
from ember._legacy import install_legacy_constructors  # noqa: E402
from ember._size import Size  # noqa: E402
from ember._storage import UntypedStorage, from_dlpack  # noqa: E402
from ember._storage import install as _install_storage_methods  # noqa: E402
from ember._tensor_str import get_printoptions, set_printoptions  # noqa: E402
from ember.autograd.grad_mode import (  # noqa: E402
    enable_grad,
    inference_mode,
    is_grad_enabled,
    is_inference_mode_enabled,
    no_grad,
    set_grad_enabled,
)
from ember.random import (  # noqa: E402
    Generator,
    bernoulli,
    default_generator,
    get_rng_state,
    initial_seed,
    manual_seed,
    normal,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
    seed,
    set_rng_state,
)

Tensor = _C.TensorBase
_C._set_size_class(Size)
_install_storage_methods(Tensor)

# dtype aliases, as in torch (ember.float is float32, ember.long is int64, ...).
float = float32  # noqa: A001, F821
double = float64  # noqa: F821
half = float16  # noqa: F821
cfloat = complex64  # noqa: F821
cdouble = complex128  # noqa: F821
long = int64  # noqa: F821
int = int32  # noqa: A001, F821
short = int16  # noqa: F821

__all__ = ["Tensor", "Size", "UntypedStorage", "__version__", "hub", "plugins"]

# Submodules imported on first attribute access (PEP 562), not at `import ember`.
_LAZY_SUBMODULES = frozenset(
    {
        "hub",
        "plugins",
        "cli",
        "cuda",
        "accelerator",
        "backends",
        "cpu",
        "linalg",
        "return_types",
        "fft",
    }
)


def __getattr__(name: str):
    if name in _LAZY_SUBMODULES:
        return _importlib.import_module(f"ember.{name}")
    raise AttributeError(f"module 'ember' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_SUBMODULES)


def _legacy_tensor_new(cls, *args, **kwargs):
    """ember.Tensor(...) as torch.Tensor(...): sizes give an uninitialized float tensor,
    data gives a copy as float32 (the legacy constructor's dtype)."""
    device = kwargs.pop("device", None)
    if kwargs:
        raise TypeError(f"Tensor() got unexpected keyword arguments {sorted(kwargs)}")
    if len(args) == 1 and not isinstance(args[0], _builtins.int) and not isinstance(args[0], Size):
        t = tensor(args[0], dtype=float32, device=device)  # noqa: F821
    else:
        t = empty(*args, dtype=float32, device=device)  # noqa: F821
    return t if cls is Tensor else _C._make_subclass(cls, t)


_C._set_tensor_new_hook(_legacy_tensor_new)
install_legacy_constructors(globals())
