"""Random sampling and the default generator (torch.random and the sampling functions).

>>> import ember
>>> _ = ember.manual_seed(0)
>>> a = ember.rand(3)
>>> _ = ember.manual_seed(0)
>>> ember.rand(3).tolist() == a.tolist()
True
"""

from __future__ import annotations

import builtins
import contextlib

from ember import _C
from ember._creation import _device, _dtype, _finish, _size

Generator = _C.Generator
default_generator = _C.default_generator


def manual_seed(seed) -> Generator:
    """Seed the default generator; returns it."""
    return default_generator.manual_seed(builtins.int(seed))


def seed() -> builtins.int:
    """Seed the default generator from the OS's entropy; returns the seed."""
    return default_generator.seed()


def initial_seed() -> builtins.int:
    """The seed the default generator was last seeded with."""
    return default_generator.initial_seed()


def get_rng_state():
    """The default generator's state as a uint8 tensor."""
    return default_generator.get_state()


def set_rng_state(new_state) -> None:
    """Restore a state from get_rng_state()."""
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(devices=None, enabled: builtins.bool = True, **_ignored):
    """Run a block with the default generator's state restored afterwards."""
    if not enabled:
        yield
        return
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)


def rand(*size, generator=None, dtype=None, device=None, requires_grad=False, out=None, **_):
    """Uniform samples on [0, 1)."""
    t = _C.empty(_size(size, "rand"), _dtype(dtype), _device(device))
    _C._uniform_(t, 0.0, 1.0, generator)
    return _finish(t, requires_grad, out)


def randn(*size, generator=None, dtype=None, device=None, requires_grad=False, out=None, **_):
    """Standard normal samples."""
    t = _C.empty(_size(size, "randn"), _dtype(dtype), _device(device))
    _C._normal_(t, 0.0, 1.0, generator)
    return _finish(t, requires_grad, out)


def randint(
    low=0,
    high=None,
    size=None,
    *,
    generator=None,
    dtype=None,
    device=None,
    requires_grad=False,
    out=None,
):
    """Integers uniform on [low, high): ``randint(10, (3,))`` or ``randint(3, 10, (3,))``."""
    if size is None:  # randint(high, size)
        low, high, size = 0, low, high
    if high is None or size is None:
        raise TypeError("randint() missing required arguments 'high' and 'size'")
    t = _C.empty(_size((size,), "randint"), _C.int64 if dtype is None else dtype, _device(device))
    _C._random_(t, builtins.int(low), builtins.int(high), generator)
    return _finish(t, requires_grad, out)


def randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False, out=None):
    """A random permutation of 0..n-1."""
    t = _C._randperm(
        builtins.int(n), _C.int64 if dtype is None else dtype, _device(device), generator
    )
    return _finish(t, requires_grad, out)


def normal(
    mean=0.0,
    std=1.0,
    size=None,
    *,
    generator=None,
    dtype=None,
    device=None,
    requires_grad=False,
    out=None,
):
    """Normal samples with tensor or number mean and std (broadcast), or of a given size."""
    if isinstance(mean, _C.TensorBase) or isinstance(std, _C.TensorBase):
        like = mean if isinstance(mean, _C.TensorBase) else std
        mean_t = (
            mean if isinstance(mean, _C.TensorBase) else _C.full((), mean, like.dtype, like.device)
        )
        std_t = std if isinstance(std, _C.TensorBase) else _C.full((), std, like.dtype, like.device)
        return _finish(_C._normal(mean_t, std_t, generator), requires_grad, out)
    if size is None:
        raise TypeError("normal() with number mean and std needs a size")
    t = _C.empty(_size((size,), "normal"), _dtype(dtype), _device(device))
    _C._normal_(t, builtins.float(mean), builtins.float(std), generator)
    return _finish(t, requires_grad, out)


def rand_like(input, *, dtype=None, device=None, requires_grad=False, **_):
    """rand with ``input``'s shape, dtype and device."""
    return rand(
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )


def randn_like(input, *, dtype=None, device=None, requires_grad=False, **_):
    """randn with ``input``'s shape, dtype and device."""
    return randn(
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )


def randint_like(input, low=0, high=None, *, dtype=None, device=None, requires_grad=False, **_):
    """randint with ``input``'s shape, dtype and device."""
    if high is None:
        low, high = 0, low
    return randint(
        low,
        high,
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )


def bernoulli(input, p=None, *, generator=None, out=None):
    """Samples 1 with probability ``input`` (or ``p``), else 0, in ``input``'s dtype."""
    if p is not None:
        t = _C.empty(input.shape, input.dtype, input.device)
        _C._bernoulli_(t, builtins.float(p), generator)
        return _finish(t, False, out)
    return _finish(_C.bernoulli(input, generator=generator), False, out)


# ---- in-place samplers, installed as Tensor methods --------------------------------------


def _uniform_(self, from_=0.0, to=1.0, *, generator=None, **kwargs):
    from_ = kwargs.pop("from", from_)
    return _C._uniform_(self, builtins.float(from_), builtins.float(to), generator)


def _normal_(self, mean=0.0, std=1.0, *, generator=None):
    return _C._normal_(self, builtins.float(mean), builtins.float(std), generator)


def _random_(self, from_=0, to=None, *, generator=None, **kwargs):
    from_ = kwargs.pop("from", from_)
    if to is None and from_ != 0:  # random_(to) means [0, to)
        from_, to = 0, from_
    return _C._random_(
        self, builtins.int(from_), None if to is None else builtins.int(to), generator
    )


def _bernoulli_(self, p=0.5, *, generator=None):
    if isinstance(p, _C.TensorBase):
        return self.copy_(_C.bernoulli(p.expand_as(self).to(_C.float64), generator=generator))
    return _C._bernoulli_(self, builtins.float(p), generator)


for _name, _fn in {
    "uniform_": _uniform_,
    "normal_": _normal_,
    "random_": _random_,
    "bernoulli_": _bernoulli_,
}.items():
    setattr(_C.TensorBase, _name, _fn)
_C.TensorBase.bernoulli = lambda self, p=None, *, generator=None: bernoulli(
    self, p, generator=generator
)
