// Discrete Fourier transforms, as torch.fft: the front ends here check arguments, promote
// dtypes (real -> complex of the same precision, integers -> the default float dtype),
// pad or trim each transformed dim to the requested length and compute the output shape,
// so every backend (and `meta`) sees the same rules; the CPU kernels run PocketFFT
// (backends/cpu/fft_kernels.cpp). Python exposes them as ember.fft.* (src/ember/fft.py).
//
// `norm` is torch's: "backward" (default; the inverse scales by 1/n), "forward" (the
// forward transform scales by 1/n) or "ortho" (both by 1/sqrt(n)). `out`, when defined,
// receives the result (torch's out=).
#pragma once

#include <optional>
#include <string>

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

using FftNormArg = std::optional<std::string>;
using FftDims = std::optional<Shape>;

// One dim.
EMBER_API Tensor fft_fft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                         int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                         const Tensor& out = Tensor());
EMBER_API Tensor fft_ifft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                          int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                          const Tensor& out = Tensor());
EMBER_API Tensor fft_rfft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                          int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                          const Tensor& out = Tensor());
EMBER_API Tensor fft_irfft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                           int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                           const Tensor& out = Tensor());
EMBER_API Tensor fft_hfft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                          int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                          const Tensor& out = Tensor());
EMBER_API Tensor fft_ihfft(const Tensor& x, std::optional<int64_t> n = std::nullopt,
                           int64_t dim = -1, const FftNormArg& norm = std::nullopt,
                           const Tensor& out = Tensor());

// Several dims. fftn family: s and dim default as torch (all dims, or the last len(s));
// a -1 in s keeps that dim's size. fft2 family: dim defaults to (-2, -1).
EMBER_API Tensor fft_fftn(const Tensor& x, const FftDims& s = std::nullopt,
                          const FftDims& dim = std::nullopt, const FftNormArg& norm = std::nullopt,
                          const Tensor& out = Tensor());
EMBER_API Tensor fft_ifftn(const Tensor& x, const FftDims& s = std::nullopt,
                           const FftDims& dim = std::nullopt,
                           const FftNormArg& norm = std::nullopt, const Tensor& out = Tensor());
EMBER_API Tensor fft_rfftn(const Tensor& x, const FftDims& s = std::nullopt,
                           const FftDims& dim = std::nullopt,
                           const FftNormArg& norm = std::nullopt, const Tensor& out = Tensor());
EMBER_API Tensor fft_irfftn(const Tensor& x, const FftDims& s = std::nullopt,
                            const FftDims& dim = std::nullopt,
                            const FftNormArg& norm = std::nullopt, const Tensor& out = Tensor());
EMBER_API Tensor fft_fft2(const Tensor& x, const FftDims& s = std::nullopt,
                          const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                          const Tensor& out = Tensor());
EMBER_API Tensor fft_ifft2(const Tensor& x, const FftDims& s = std::nullopt,
                           const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                           const Tensor& out = Tensor());
EMBER_API Tensor fft_rfft2(const Tensor& x, const FftDims& s = std::nullopt,
                           const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                           const Tensor& out = Tensor());
EMBER_API Tensor fft_irfft2(const Tensor& x, const FftDims& s = std::nullopt,
                            const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                            const Tensor& out = Tensor());

// Hermitian n-d transforms (torch.fft.hfftn/ihfftn, hfft2/ihfft2): the last dim is the
// one-sided one, as for irfftn/rfftn.
EMBER_API Tensor fft_hfftn(const Tensor& x, const FftDims& s = std::nullopt,
                           const FftDims& dim = std::nullopt,
                           const FftNormArg& norm = std::nullopt, const Tensor& out = Tensor());
EMBER_API Tensor fft_ihfftn(const Tensor& x, const FftDims& s = std::nullopt,
                            const FftDims& dim = std::nullopt,
                            const FftNormArg& norm = std::nullopt, const Tensor& out = Tensor());
EMBER_API Tensor fft_hfft2(const Tensor& x, const FftDims& s = std::nullopt,
                           const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                           const Tensor& out = Tensor());
EMBER_API Tensor fft_ihfft2(const Tensor& x, const FftDims& s = std::nullopt,
                            const Shape& dim = {-2, -1}, const FftNormArg& norm = std::nullopt,
                            const Tensor& out = Tensor());

// Sample frequencies: [0, 1, ..., (n-1)//2, -(n//2), ..., -1] / (d*n), and the
// non-negative half [0, ..., n//2] / (d*n). dtype: the default float dtype when unset.
EMBER_API Tensor fft_fftfreq(int64_t n, double d = 1.0,
                             std::optional<ScalarType> dtype = std::nullopt,
                             Device device = Device(), const Tensor& out = Tensor());
EMBER_API Tensor fft_rfftfreq(int64_t n, double d = 1.0,
                              std::optional<ScalarType> dtype = std::nullopt,
                              Device device = Device(), const Tensor& out = Tensor());

// Roll the zero frequency to the centre (and back); dim: every dim when unset.
EMBER_API Tensor fft_fftshift(const Tensor& x, const FftDims& dim = std::nullopt);
EMBER_API Tensor fft_ifftshift(const Tensor& x, const FftDims& dim = std::nullopt);

// Kernels: `out` is a fresh contiguous tensor; `in` is already padded/trimmed so that
// (c2c, r2c) its sizes along `dims` are the signal lengths, or (c2r) the last dim holds
// out.size(dims.back())/2 + 1 values. `fct` scales the result; `forward` picks the sign
// of the exponent (c2r/r2c with forward flipped compute hfft/ihfft).
using fft_fn = void (*)(const Tensor& out, const Tensor& in, const Shape& dims, double fct,
                        bool forward);
EMBER_DECLARE_STUB(fft_fn, fft_c2c_stub);
EMBER_DECLARE_STUB(fft_fn, fft_r2c_stub);
EMBER_DECLARE_STUB(fft_fn, fft_c2r_stub);

}  // namespace ember
