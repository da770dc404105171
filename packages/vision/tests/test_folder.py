"""ImageFolder / DatasetFolder against the files the test wrote."""

import os

import numpy as np
import pytest
from PIL import Image

from ember_vision.datasets import DatasetFolder, ImageFolder, find_classes, make_dataset


def test_classes_are_sorted_folder_names(image_tree):
    classes, class_to_idx = find_classes(image_tree)
    assert classes == ["bird", "cat", "dog"]
    assert class_to_idx == {"bird": 0, "cat": 1, "dog": 2}


def test_image_folder_samples_targets_and_pixels(image_tree):
    dataset = ImageFolder(image_tree)
    assert len(dataset) == 6  # notes.txt is not an image
    assert dataset.targets == [0, 1, 1, 1, 2, 2]
    assert dataset.imgs is dataset.samples
    expected = [("bird", 0), ("cat", 0), ("cat", 1), ("cat", 2), ("dog", 0), ("dog", 1)]
    for (path, target), (class_name, n) in zip(dataset.samples, expected, strict=True):
        assert path == os.path.join(str(image_tree), class_name, f"{n}.png")
        image, label = dataset[dataset.samples.index((path, target))]
        assert label == target == dataset.class_to_idx[class_name]
        assert image.mode == "RGB" and image.size == (7, 5)
        assert (np.asarray(image) == 10 * target + n).all()


def test_transforms_are_applied(image_tree):
    dataset = ImageFolder(
        image_tree, transform=lambda img: img.size, target_transform=lambda t: t * 100
    )
    assert dataset[5] == ((7, 5), 200)


def test_grayscale_images_are_converted_to_rgb(tmp_path):
    (tmp_path / "gray").mkdir()
    Image.fromarray(np.full((2, 2), 77, dtype=np.uint8), mode="L").save(tmp_path / "gray/a.png")
    image, _ = ImageFolder(tmp_path)[0]
    assert image.mode == "RGB"
    assert (np.asarray(image) == 77).all()


def test_is_valid_file_replaces_extensions(image_tree):
    dataset = ImageFolder(image_tree, is_valid_file=lambda p: p.endswith("0.png"))
    assert [os.path.basename(p) for p, _ in dataset.samples] == ["0.png"] * 3


def test_dataset_folder_with_own_loader_and_extensions(image_tree):
    dataset = DatasetFolder(
        image_tree, loader=lambda p: open(p).read(), extensions=(".txt",), allow_empty=True
    )
    assert len(dataset) == 1
    assert dataset[0] == ("not an image", 1)


def test_empty_class_is_an_error_unless_allowed(image_tree):
    (image_tree / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="Found no valid file for the classes empty"):
        ImageFolder(image_tree)
    dataset = ImageFolder(image_tree, allow_empty=True)
    assert "empty" in dataset.classes and len(dataset) == 6


def test_no_class_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="Couldn't find any class folder"):
        ImageFolder(tmp_path)


def test_make_dataset_argument_errors(image_tree):
    with pytest.raises(ValueError, match="Both extensions and is_valid_file"):
        make_dataset(image_tree, extensions=(".png",), is_valid_file=lambda p: True)
    with pytest.raises(ValueError, match="Both extensions and is_valid_file"):
        make_dataset(image_tree)
    with pytest.raises(ValueError, match="at least one entry"):
        make_dataset(image_tree, class_to_idx={}, extensions=(".png",))
