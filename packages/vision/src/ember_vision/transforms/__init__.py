"""Transforms, as in torchvision.transforms: functional ops in ``functional`` and the
classes that wrap them.

Inputs are PIL images for now; tensor inputs arrive with Ember's tensor core.
"""

from ember_vision.transforms import functional
from ember_vision.transforms.functional import InterpolationMode
from ember_vision.transforms.transforms import CenterCrop, Compose, Lambda, Resize

__all__ = ["CenterCrop", "Compose", "InterpolationMode", "Lambda", "Resize", "functional"]
