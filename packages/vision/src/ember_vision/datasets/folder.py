"""Datasets read from a folder per class (``root/<class>/<file>``), with torchvision's
rules: classes are the sorted sub-folder names, files are walked in sorted order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

IMG_EXTENSIONS = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp")

PathLike = str | os.PathLike


def has_file_allowed_extension(filename: str, extensions: str | Iterable[str]) -> bool:
    """Whether ``filename`` ends with one of ``extensions`` (case-insensitive)."""
    suffixes = extensions if isinstance(extensions, str) else tuple(extensions)
    return filename.lower().endswith(suffixes)


def is_image_file(filename: str) -> bool:
    """Whether ``filename`` has one of :data:`IMG_EXTENSIONS`."""
    return has_file_allowed_extension(filename, IMG_EXTENSIONS)


def find_classes(directory: PathLike) -> tuple[list[str], dict[str, int]]:
    """The sorted class folder names in ``directory`` and their indices.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("dog", "cat"): (root / name).mkdir()
    >>> find_classes(root)
    (['cat', 'dog'], {'cat': 0, 'dog': 1})
    """
    classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
    if not classes:
        raise FileNotFoundError(f"Couldn't find any class folder in {directory}.")
    return classes, {name: index for index, name in enumerate(classes)}


def make_dataset(
    directory: PathLike,
    class_to_idx: dict[str, int] | None = None,
    extensions: str | tuple[str, ...] | None = None,
    is_valid_file: Callable[[str], bool] | None = None,
    allow_empty: bool = False,
) -> list[tuple[str, int]]:
    """``(path, class_index)`` for every accepted file under ``directory``'s class folders.

    Exactly one of ``extensions`` and ``is_valid_file`` selects the files. A class with
    no file is an error unless ``allow_empty``.
    """
    directory = os.path.expanduser(os.fspath(directory))
    if class_to_idx is None:
        _, class_to_idx = find_classes(directory)
    elif not class_to_idx:
        raise ValueError("'class_to_index' must have at least one entry to collect any samples.")
    if (extensions is None) == (is_valid_file is None):
        raise ValueError(
            "Both extensions and is_valid_file cannot be None or not None at the same time"
        )
    if extensions is not None:
        allowed = extensions

        def is_valid_file(path: str) -> bool:
            return has_file_allowed_extension(path, allowed)

    samples: list[tuple[str, int]] = []
    found: set[str] = set()
    for class_name in sorted(class_to_idx):
        class_dir = os.path.join(directory, class_name)
        if not os.path.isdir(class_dir):
            continue
        for folder, _, filenames in sorted(os.walk(class_dir, followlinks=True)):
            for filename in sorted(filenames):
                path = os.path.join(folder, filename)
                if is_valid_file(path):
                    samples.append((path, class_to_idx[class_name]))
                    found.add(class_name)
    empty = set(class_to_idx) - found
    if empty and not allow_empty:
        message = f"Found no valid file for the classes {', '.join(sorted(empty))}. "
        if extensions is not None:
            listed = extensions if isinstance(extensions, str) else ", ".join(extensions)
            message += f"Supported extensions are: {listed}"
        raise FileNotFoundError(message)
    return samples


def pil_loader(path: PathLike) -> Any:
    """Open ``path`` with Pillow and convert it to RGB."""
    from PIL import Image

    # Open through a file object so the file is closed once the pixels are read.
    with open(path, "rb") as f:
        return Image.open(f).convert("RGB")


def default_loader(path: PathLike) -> Any:
    """The loader :class:`ImageFolder` uses: :func:`pil_loader`."""
    return pil_loader(path)


class DatasetFolder:
    """Samples stored as ``root/<class>/<...>/<file>``, read with ``loader``.

    Attributes follow torchvision: ``classes``, ``class_to_idx``, ``samples`` (a list of
    ``(path, class_index)``) and ``targets``. ``dataset[i]`` is
    ``(transform(loader(path)), target_transform(class_index))``.
    """

    def __init__(
        self,
        root: PathLike,
        loader: Callable[[str], Any],
        extensions: tuple[str, ...] | None = None,
        transform: Callable[[Any], Any] | None = None,
        target_transform: Callable[[int], Any] | None = None,
        is_valid_file: Callable[[str], bool] | None = None,
        allow_empty: bool = False,
    ) -> None:
        self.root = os.path.expanduser(os.fspath(root))
        self.loader = loader
        self.extensions = extensions
        self.transform = transform
        self.target_transform = target_transform
        self.classes, self.class_to_idx = self.find_classes(self.root)
        self.samples = self.make_dataset(
            self.root, self.class_to_idx, extensions, is_valid_file, allow_empty
        )
        self.targets = [target for _, target in self.samples]

    @staticmethod
    def make_dataset(
        directory: PathLike,
        class_to_idx: dict[str, int],
        extensions: tuple[str, ...] | None = None,
        is_valid_file: Callable[[str], bool] | None = None,
        allow_empty: bool = False,
    ) -> list[tuple[str, int]]:
        """Override to change how samples are collected (default: :func:`make_dataset`)."""
        if class_to_idx is None:
            raise ValueError("The class_to_idx parameter cannot be None.")
        return make_dataset(directory, class_to_idx, extensions, is_valid_file, allow_empty)

    def find_classes(self, directory: PathLike) -> tuple[list[str], dict[str, int]]:
        """Override to change how classes are found (default: :func:`find_classes`)."""
        return find_classes(directory)

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        path, target = self.samples[index]
        sample = self.loader(path)
        if self.transform is not None:
            sample = self.transform(sample)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return sample, target

    def __len__(self) -> int:
        return len(self.samples)

    def __repr__(self) -> str:
        lines = [f"Dataset {type(self).__name__}", f"    Number of datapoints: {len(self)}"]
        lines.append(f"    Root location: {self.root}")
        if self.transform is not None:
            lines.append("    " + repr(self.transform).replace("\n", "\n    "))
        return "\n".join(lines)


class ImageFolder(DatasetFolder):
    """Images stored as ``root/<class>/<file>`` (e.g. ``root/cat/001.png``).

    Samples are PIL images in RGB (through ``loader``), targets class indices.

    >>> import tempfile, pathlib
    >>> from PIL import Image
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "red").mkdir()
    >>> Image.new("RGB", (4, 3), "red").save(root / "red" / "a.png")
    >>> dataset = ImageFolder(root)
    >>> image, target = dataset[0]
    >>> image.size, target, dataset.classes
    ((4, 3), 0, ['red'])
    """

    def __init__(
        self,
        root: PathLike,
        transform: Callable[[Any], Any] | None = None,
        target_transform: Callable[[int], Any] | None = None,
        loader: Callable[[str], Any] = default_loader,
        is_valid_file: Callable[[str], bool] | None = None,
        allow_empty: bool = False,
    ) -> None:
        super().__init__(
            root,
            loader,
            IMG_EXTENSIONS if is_valid_file is None else None,
            transform=transform,
            target_transform=target_transform,
            is_valid_file=is_valid_file,
            allow_empty=allow_empty,
        )
        self.imgs = self.samples
