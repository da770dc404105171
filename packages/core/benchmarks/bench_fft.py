"""rfft of 1M float32 samples (2**20) with ember.fft, numpy.fft and torch.fft (when
installed), median milliseconds, plus a batched complex fft2. All three run PocketFFT;
the figures compare the call path, plan caching and threading."""

from __future__ import annotations

import importlib.util
import statistics
import time

import numpy as np
from harness import Row

N = 1 << 20


def median_ms(fn, repeats: int) -> float:
    fn()  # warm up: plans, output pages
    samples = []
    for _ in range(max(repeats, 3)):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


def run(repeats: int = 7) -> list[Row]:
    import ember

    rng = np.random.default_rng(0)
    signal = rng.standard_normal(N).astype(np.float32)
    images = (rng.standard_normal((64, 256, 256)) + 0j).astype(np.complex64)
    rfft_row = Row("rfft 1M float32", "ms")
    fft2_row = Row("fft2 64x256x256 complex64", "ms")
    x, im = ember.tensor(signal), ember.tensor(images)
    rfft_row.values["ember"] = median_ms(lambda: ember.fft.rfft(x), repeats)
    fft2_row.values["ember"] = median_ms(lambda: ember.fft.fft2(im), repeats)
    rfft_row.values["numpy"] = median_ms(lambda: np.fft.rfft(signal), repeats)
    fft2_row.values["numpy"] = median_ms(lambda: np.fft.fft2(images), repeats)
    if importlib.util.find_spec("torch") is not None:
        import torch

        tx, tim = torch.from_numpy(signal), torch.from_numpy(images)
        rfft_row.values["torch"] = median_ms(lambda: torch.fft.rfft(tx), repeats)
        fft2_row.values["torch"] = median_ms(lambda: torch.fft.fft2(tim), repeats)
    return [rfft_row, fft2_row]
