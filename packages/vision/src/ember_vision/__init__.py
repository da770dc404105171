"""ember-vision: datasets, transforms and models for computer vision.

>>> import ember_vision
>>> ember_vision.__version__
'0.1.0'
"""

from ember_vision import datasets, transforms
from ember_vision._version import __version__

__all__ = ["__version__", "datasets", "transforms"]
