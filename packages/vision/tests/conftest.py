import numpy as np
import pytest
from PIL import Image


@pytest.fixture
def image_tree(tmp_path):
    """root/<class>/<n>.png with known pixels: class c, image n is filled with 10*c+n."""
    root = tmp_path / "images"
    layout = {"dog": 2, "cat": 3, "bird": 1}
    for class_name, count in layout.items():
        (root / class_name).mkdir(parents=True)
        for n in range(count):
            value = 10 * sorted(layout).index(class_name) + n
            pixels = np.full((5, 7, 3), value, dtype=np.uint8)
            Image.fromarray(pixels).save(root / class_name / f"{n}.png")
    (root / "cat" / "notes.txt").write_text("not an image")
    return root


@pytest.fixture
def gradient_image():
    """A 6x9 RGB image whose pixels are all different (height 6, width 9)."""
    pixels = np.arange(6 * 9 * 3, dtype=np.uint8).reshape(6, 9, 3)
    return Image.fromarray(pixels), pixels
