"""Discrete Fourier transforms, as ``torch.fft``: the same functions, arguments
(``n``/``s``, ``dim``, ``norm``, ``out=``) and results. The transforms are C++ ops over
PocketFFT (``ember._C.fft_*``); this module only gives them their torch.fft names.

>>> import ember
>>> x = ember.tensor([1.0, 2.0, 3.0, 4.0])
>>> ember.fft.rfft(x)
tensor([10.+0.j, -2.+2.j, -2.+0.j])
>>> ember.fft.irfft(ember.fft.rfft(x), n=4)
tensor([1., 2., 3., 4.])

``norm`` is ``"backward"`` (default: the inverse transform scales by ``1/n``),
``"forward"`` (the forward transform scales) or ``"ortho"`` (both by ``1/sqrt(n)``).
Real inputs are promoted to the complex dtype of their precision (float32 -> complex64),
integers to the default float dtype; float16 and bfloat16 are not supported, as in
torch on the CPU.

This module is imported on first use of ``ember.fft``, not at ``import ember``.
"""

from __future__ import annotations

from ember import _C

__all__ = [
    "fft",
    "fft2",
    "fftfreq",
    "fftn",
    "fftshift",
    "hfft",
    "hfft2",
    "hfftn",
    "ifft",
    "ifft2",
    "ifftn",
    "ifftshift",
    "ihfft",
    "ihfft2",
    "ihfftn",
    "irfft",
    "irfft2",
    "irfftn",
    "rfft",
    "rfft2",
    "rfftfreq",
    "rfftn",
]

fft = _C.fft_fft
ifft = _C.fft_ifft
rfft = _C.fft_rfft
irfft = _C.fft_irfft
hfft = _C.fft_hfft
ihfft = _C.fft_ihfft
fftn = _C.fft_fftn
ifftn = _C.fft_ifftn
rfftn = _C.fft_rfftn
irfftn = _C.fft_irfftn
fft2 = _C.fft_fft2
ifft2 = _C.fft_ifft2
rfft2 = _C.fft_rfft2
irfft2 = _C.fft_irfft2
hfftn = _C.fft_hfftn
ihfftn = _C.fft_ihfftn
hfft2 = _C.fft_hfft2
ihfft2 = _C.fft_ihfft2
fftfreq = _C.fft_fftfreq
rfftfreq = _C.fft_rfftfreq
fftshift = _C.fft_fftshift
ifftshift = _C.fft_ifftshift
