"""Ember demo: what is installed, which plugins it found, and a vision dataset loaded
through the plugin registry.

Run it with `nox -s demo` (which builds and installs `ember[vision]` first).
"""

from __future__ import annotations

import collections
import tempfile
from pathlib import Path

import ember
import ember.hub
from ember.cli import info as ember_info
from ember.cli import plugins as ember_plugins


def make_image_folder(root: Path) -> None:
    """Twelve small images in three colour classes: root/<colour>/<n>.png."""
    from PIL import Image

    colours = {"red": (220, 40, 40), "green": (40, 200, 60), "blue": (40, 60, 220)}
    for index, (name, rgb) in enumerate(colours.items()):
        (root / name).mkdir(parents=True)
        for n in range(index + 3):
            Image.new("RGB", (24 + 4 * n, 16 + 2 * n), rgb).save(root / name / f"{n}.png")


def main() -> None:
    print(f"== ember {ember.__version__}")
    print(ember_info.format_text(ember_info.collect()))
    print("\n== plugins")
    print(ember_plugins.format_table(ember.plugins.plugins()))

    print("\n== a dataset and transforms from the registry")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "colours"
        make_image_folder(root)
        transform = ember.hub.get_transform(
            "Compose",
            [ember.hub.get_transform("Resize", 12), ember.hub.get_transform("CenterCrop", 12)],
        )
        dataset = ember.hub.get_dataset("vision:ImageFolder", root, transform=transform)
        counts = collections.Counter(dataset.classes[t] for t in dataset.targets)
        print(f"ImageFolder at {root.name}/: {len(dataset)} images, classes {dataset.classes}")
        print("per class:", dict(sorted(counts.items())))
        image, target = dataset[0]
        print(
            f"sample 0: {image.size[0]}x{image.size[1]} {image.mode}, "
            f"class {dataset.classes[target]!r}, centre pixel {image.getpixel((6, 6))}"
        )


if __name__ == "__main__":
    main()
