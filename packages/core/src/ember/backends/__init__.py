"""ember.backends: per-backend flags and queries, as torch.backends (mps, cudnn, ...)."""

from ember.backends import cpu, cudnn, mps

__all__ = ["cpu", "cudnn", "mps"]
