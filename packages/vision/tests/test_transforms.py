"""Transforms on PIL images, checked against NumPy slicing and torchvision's size rules."""

import numpy as np
import pytest
from PIL import Image

from ember_vision.transforms import CenterCrop, Compose, InterpolationMode, Lambda, Resize
from ember_vision.transforms import functional as F


@pytest.mark.parametrize(
    "size,max_size,expected_hw",
    [
        (3, None, (3, 4)),  # shorter edge (height 6) -> 3, width 9 * 3 / 6 = 4.5 -> 4
        ([3], None, (3, 4)),
        ((4, 5), None, (4, 5)),
        (12, None, (12, 18)),
        (6, 8, (5, 8)),  # long edge capped at 8: short = int(8 * 6 / 9) = 5
        (None, 3, (2, 3)),
    ],
)
def test_resize_output_size(gradient_image, size, max_size, expected_hw):
    image, _ = gradient_image
    out = F.resize(image, size, max_size=max_size)
    assert (out.height, out.width) == expected_hw


def test_resize_portrait_keeps_aspect(gradient_image):
    image, _ = gradient_image
    portrait = image.transpose(Image.Transpose.TRANSPOSE)  # 9 high, 6 wide
    out = F.resize(portrait, 4)
    assert (out.height, out.width) == (6, 4)


def test_resize_nearest_upsampling_repeats_pixels(gradient_image):
    image, pixels = gradient_image
    out = Resize((12, 18), interpolation=InterpolationMode.NEAREST)(image)
    expected = pixels.repeat(2, axis=0).repeat(2, axis=1)
    np.testing.assert_array_equal(np.asarray(out), expected)


def test_resize_to_same_size_returns_the_image(gradient_image):
    image, _ = gradient_image
    assert F.resize(image, (6, 9)) is image


@pytest.mark.parametrize(
    "kwargs,error,message",
    [
        ({"size": 0}, ValueError, "must be positive"),
        ({"size": (1, 2, 3)}, ValueError, "sequence of 1 or 2"),
        ({"size": 2.5}, TypeError, "int or a sequence"),
        ({"size": 4, "max_size": 4}, ValueError, "strictly greater"),
        ({"size": (4, 4), "max_size": 9}, ValueError, "max_size should only be passed"),
        ({"size": None}, ValueError, "size can only be None if max_size is set"),
        ({"size": 4, "antialias": False}, ValueError, "antialias=False"),
        ({"size": 4, "interpolation": "bilinear"}, TypeError, "InterpolationMode"),
    ],
)
def test_resize_bad_arguments(gradient_image, kwargs, error, message):
    image, _ = gradient_image
    with pytest.raises(error, match=message):
        F.resize(image, **kwargs)


def test_transforms_reject_non_images():
    with pytest.raises(TypeError, match=r"\[resize\] img should be a PIL Image, got list"):
        F.resize([[1]], 2)
    with pytest.raises(TypeError, match=r"\[center_crop\] img should be a PIL Image"):
        CenterCrop(2)(np.zeros((3, 3)))


@pytest.mark.parametrize(
    "size,expected_slice", [(4, (1, 5, 2, 6)), ((2, 5), (2, 4, 2, 7)), ([3], (2, 5, 3, 6))]
)
def test_center_crop_matches_numpy_slicing(gradient_image, size, expected_slice):
    image, pixels = gradient_image
    top, bottom, left, right = expected_slice
    out = CenterCrop(size)(image)
    np.testing.assert_array_equal(np.asarray(out), pixels[top:bottom, left:right])


def test_center_crop_larger_than_image_zero_pads(gradient_image):
    image, pixels = gradient_image
    out = F.center_crop(image, (9, 10))  # pad height 3 -> (1 top, 2 bottom), width 1 -> (0, 1)
    expected = np.pad(pixels, ((1, 2), (0, 1), (0, 0)))
    np.testing.assert_array_equal(np.asarray(out), expected)


def test_compose_and_lambda(gradient_image):
    image, pixels = gradient_image
    pipeline = Compose([CenterCrop(4), Lambda(np.asarray), Lambda(lambda a: a.sum())])
    assert pipeline(image) == pixels[1:5, 2:6].sum()
    assert "CenterCrop(size=(4, 4))" in repr(pipeline)
    with pytest.raises(TypeError, match="callable"):
        Lambda(3)
