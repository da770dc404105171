"""Records of ember.fft (ops/fft.h, keyed by the `_C` names: fft_fft for ember.fft.fft,
...), against numpy.fft. Samples cover the default and explicit n/s (trimming and zero
padding), every dim choice, the three norms, non-contiguous inputs and batches."""

from __future__ import annotations

import numpy as np

import ember
from op_db.opinfo import COMPLEX, INTEGRAL, ErrorInput, OpInfo, Sample, make_tensor

REAL = (ember.float32, ember.float64)
FFT_INPUTS = (*REAL, *COMPLEX, ember.int64)
NORMS = (None, "backward", "forward", "ortho")
OPS: list[OpInfo] = []


def t(shape, dtype, rng, **kwargs):
    return make_tensor(shape, dtype, rng, low=-1, high=1, **kwargs)


def complex_of(x, *args, **kwargs):
    if x.dtype.is_complex:
        return x.dtype
    if x.dtype.is_floating_point:
        return x.dtype.to_complex()
    return ember.get_default_dtype().to_complex()


def real_of(x, *args, **kwargs):
    if x.dtype.is_complex:
        return x.dtype.to_real()
    if x.dtype.is_floating_point:
        return x.dtype
    return ember.get_default_dtype()


def np_norm(norm):
    return norm  # numpy takes the same names (None = "backward")


# ---- one dim ----------------------------------------------------------------------------


def samples_1d(c2r=False):
    def samples(dtype, rng):
        yield Sample((t((8,), dtype, rng),), name="(8,)")
        yield Sample((t((5,), dtype, rng),), name="(5,) odd")
        yield (
            Sample((t((1,), dtype, rng),), name="(1,)")
            if not c2r
            else Sample((t((2,), dtype, rng),), name="(2,)")
        )
        yield Sample((t((3, 6), dtype, rng),), name="batch")
        yield Sample((t((3, 6), dtype, rng),), {"dim": 0}, name="dim=0")
        yield Sample((t((2, 3, 7), dtype, rng),), {"dim": 1}, name="middle dim")
        yield Sample((t((3, 6), dtype, rng, noncontiguous=True),), name="noncontiguous")
        yield Sample((t((6, 3), dtype, rng).t(),), name="transposed")
        yield Sample((t((6,), dtype, rng),), {"n": 4}, name="n=4 trims")
        yield Sample((t((6,), dtype, rng),), {"n": 11}, name="n=11 pads")
        yield Sample((t((0, 6), dtype, rng),), name="empty batch")
        for norm in NORMS:
            yield Sample((t((2, 6), dtype, rng),), {"norm": norm}, name=f"norm={norm}")
            yield Sample((t((7,), dtype, rng),), {"n": 9, "norm": norm}, name=f"n=9 norm={norm}")

    return samples


def ref_1d(fn):
    def ref(x, n=None, dim=-1, norm=None):
        return fn(x, n=n, axis=dim, norm=np_norm(norm))

    return ref


def errors_1d(name, real_only=False):
    def errors():
        x = ember.ones(4)
        yield ErrorInput(
            Sample((x,), {"norm": "bad"}),
            RuntimeError,
            rf"\[{name}\] Invalid normalization mode: \"bad\"",
        )
        yield ErrorInput(
            Sample((x,), {"n": 0}),
            RuntimeError,
            rf"\[{name}\] Invalid number of data points \(0\) specified",
        )
        yield ErrorInput(
            Sample((x,), {"dim": 3}), IndexError, rf"\[{name}\] Dimension out of range"
        )
        yield ErrorInput(
            Sample((ember.ones(()),)),
            IndexError,
            rf"\[{name}\] Dimension specified as -1 but tensor has no dimensions",
        )
        yield ErrorInput(
            Sample((ember.ones(4, dtype=ember.float16),)),
            RuntimeError,
            rf"\[{name}\] Unsupported dtype float16",
        )
        if real_only:
            yield ErrorInput(
                Sample((ember.ones(4, dtype=ember.complex64),)),
                RuntimeError,
                rf"\[{name}\] expects a real input tensor, but got complex64",
            )

    return errors


ONE_D = [
    ("fft_fft", np.fft.fft, FFT_INPUTS, complex_of, False, False),
    ("fft_ifft", np.fft.ifft, FFT_INPUTS, complex_of, False, False),
    ("fft_rfft", np.fft.rfft, (*REAL, ember.int64), complex_of, False, True),
    ("fft_irfft", np.fft.irfft, FFT_INPUTS, real_of, True, False),
    ("fft_hfft", np.fft.hfft, FFT_INPUTS, real_of, True, False),
    ("fft_ihfft", np.fft.ihfft, (*REAL, ember.int64), complex_of, False, True),
]
for _name, _fn, _dtypes, _result, _c2r, _real_only in ONE_D:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=ref_1d(_fn),
            dtypes=_dtypes,
            sample_inputs=samples_1d(_c2r),
            result_dtype=_result,
            supports_out=True,
            error_inputs=errors_1d(_name, _real_only),
        )
    )

# ---- several dims -------------------------------------------------------------------------


def samples_nd(two_d=False):
    def samples(dtype, rng):
        yield Sample((t((4, 6), dtype, rng),), name="(4, 6)")
        yield Sample((t((2, 3, 4), dtype, rng),), name="(2, 3, 4)")
        yield Sample((t((2, 3, 4), dtype, rng),), {"s": (3, 6)}, name="s=(3, 6)")
        yield Sample((t((2, 3, 4), dtype, rng),), {"dim": (0, 2)}, name="dim=(0, 2)")
        yield Sample((t((2, 3, 4), dtype, rng),), {"dim": (2, 0)}, name="dim=(2, 0)")
        yield Sample((t((2, 3, 4), dtype, rng),), {"s": (5, -1), "dim": (0, 1)}, name="s=(5,-1)")
        yield Sample((t((3, 4), dtype, rng, noncontiguous=True),), name="noncontiguous")
        if not two_d:
            yield Sample((t((5, 6), dtype, rng),), {"dim": 1}, name="dim=1 (int)")
            yield Sample((t((2, 5, 6), dtype, rng),), {"s": (4,)}, name="s=(4,)")
        for norm in NORMS:
            yield Sample((t((3, 4), dtype, rng),), {"norm": norm}, name=f"norm={norm}")

    return samples


def ref_nd(fn, default_dim=None, c2r=False):
    """torch's s=-1 keeps a dim's size; for the last dim of a c2r transform it means
    torch's default output length 2*(m-1)."""

    def ref(x, s=None, dim=default_dim, norm=None):
        axes = (dim,) if isinstance(dim, int) else dim
        if s is not None:
            if axes is None:
                axes = tuple(range(x.ndim - len(s), x.ndim))
            sizes = [x.shape[a] if n == -1 else n for n, a in zip(s, axes, strict=True)]
            if c2r and s[-1] == -1:
                sizes[-1] = 2 * (x.shape[axes[-1]] - 1)
            s = tuple(sizes)
        return fn(x, s=s, axes=axes, norm=np_norm(norm))

    return ref


def errors_nd(name):
    def errors():
        x = ember.ones(4, 4)
        yield ErrorInput(
            Sample((x,), {"dim": (0, 0)}), RuntimeError, rf"\[{name}\] FFT dims must be unique"
        )
        yield ErrorInput(
            Sample((x,), {"s": (2,), "dim": (0, 1)}),
            RuntimeError,
            rf"\[{name}\] When given, dim and shape arguments must have the same",
        )
        yield ErrorInput(
            Sample((x,), {"s": (0, 4)}),
            RuntimeError,
            rf"\[{name}\] Invalid number of data points \(0\)",
        )
        yield ErrorInput(
            Sample((x,), {"norm": "none"}), RuntimeError, rf"\[{name}\] Invalid normalization mode"
        )
        if "2" not in name:
            yield ErrorInput(
                Sample((x,), {"s": (1, 2, 3)}),
                RuntimeError,
                rf"\[{name}\] Got shape with 3 values but input tensor only has 2",
            )

    return errors


N_D = [
    ("fft_fftn", np.fft.fftn, FFT_INPUTS, complex_of, False),
    ("fft_ifftn", np.fft.ifftn, FFT_INPUTS, complex_of, False),
    ("fft_rfftn", np.fft.rfftn, (*REAL, ember.int64), complex_of, False),
    ("fft_irfftn", np.fft.irfftn, FFT_INPUTS, real_of, False),
    ("fft_fft2", np.fft.fftn, FFT_INPUTS, complex_of, True),
    ("fft_ifft2", np.fft.ifftn, FFT_INPUTS, complex_of, True),
    ("fft_rfft2", np.fft.rfftn, (*REAL, ember.int64), complex_of, True),
    ("fft_irfft2", np.fft.irfftn, FFT_INPUTS, real_of, True),
]


def _swap(norm):
    return {None: "forward", "backward": "forward", "forward": "backward"}.get(norm, norm)


def _hfftn(x, s=None, axes=None, norm=None):
    """numpy has no hfftn: torch defines it as irfftn of the conjugate, norm swapped."""
    return np.fft.irfftn(np.conj(x), s=s, axes=axes, norm=_swap(norm))


def _ihfftn(x, s=None, axes=None, norm=None):
    return np.conj(np.fft.rfftn(x, s=s, axes=axes, norm=_swap(norm)))


N_D += [
    ("fft_hfftn", _hfftn, FFT_INPUTS, real_of, False),
    ("fft_ihfftn", _ihfftn, (*REAL, ember.int64), complex_of, False),
    ("fft_hfft2", _hfftn, FFT_INPUTS, real_of, True),
    ("fft_ihfft2", _ihfftn, (*REAL, ember.int64), complex_of, True),
]
for _name, _fn, _dtypes, _result, _two_d in N_D:
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=ref_nd(
                _fn, (-2, -1) if _two_d else None, c2r=_name.startswith(("fft_irfft", "fft_hfft"))
            ),
            dtypes=_dtypes,
            sample_inputs=samples_nd(_two_d),
            result_dtype=_result,
            supports_out=True,
            error_inputs=errors_nd(_name),
        )
    )

# ---- frequencies and shifts ------------------------------------------------------------------


def freq_samples(dtype, rng):
    for n in (1, 4, 5, 8):
        yield Sample((n,), {"dtype": dtype}, name=f"n={n}")
        yield Sample((n, 0.25), {"dtype": dtype}, name=f"n={n} d=0.25")


for _name, _fn in (("fft_fftfreq", np.fft.fftfreq), ("fft_rfftfreq", np.fft.rfftfreq)):
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=(lambda f: lambda n, d=1.0, dtype=None: f(n, d))(_fn),
            dtypes=(ember.float32, ember.float64),
            sample_inputs=freq_samples,
            result_dtype=lambda n, d=1.0, dtype=None: dtype,
            supports_out=True,
            skip_meta=True,  # no tensor input: test_fft.py checks device="meta"
        )
    )


def shift_samples(dtype, rng):
    for shape in [(5,), (4,), (3, 4), (2, 3, 5), (0, 3)]:
        yield Sample((make_tensor(shape, dtype, rng),), name=str(shape))
    yield Sample((make_tensor((3, 4), dtype, rng),), {"dim": 1}, name="dim=1")
    yield Sample((make_tensor((2, 3, 5), dtype, rng),), {"dim": (0, 2)}, name="dim=(0, 2)")
    yield Sample((make_tensor((3, 4), dtype, rng, noncontiguous=True),), name="noncontiguous")


for _name, _fn in (("fft_fftshift", np.fft.fftshift), ("fft_ifftshift", np.fft.ifftshift)):
    OPS.append(
        OpInfo(
            name=_name,
            op=getattr(ember, _name),
            ref=(lambda f: lambda x, dim=None: f(x, axes=dim))(_fn),
            dtypes=(ember.bool, *INTEGRAL, *REAL, *COMPLEX),
            sample_inputs=shift_samples,
            result_dtype=lambda x, **k: x.dtype,
        )
    )
