"""Transform classes: each holds its arguments and calls the functional op."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ember_vision.transforms import functional as F
from ember_vision.transforms.functional import InterpolationMode


class Compose:
    """Apply ``transforms`` in order.

    >>> Compose([lambda x: x + 1, lambda x: x * 2])(3)
    8
    """

    def __init__(self, transforms: Sequence[Callable[[Any], Any]]) -> None:
        self.transforms = list(transforms)

    def __call__(self, img: Any) -> Any:
        for transform in self.transforms:
            img = transform(img)
        return img

    def __repr__(self) -> str:
        body = "".join(f"\n    {t}" for t in self.transforms)
        return f"{type(self).__name__}({body}\n)"


class Lambda:
    """Apply a user function.

    >>> Lambda(lambda x: x * 10)(4)
    40
    """

    def __init__(self, lambd: Callable[[Any], Any]) -> None:
        if not callable(lambd):
            raise TypeError(f"[Lambda] argument should be callable, got {type(lambd).__name__}")
        self.lambd = lambd

    def __call__(self, img: Any) -> Any:
        return self.lambd(img)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Resize:
    """Resize to ``size`` (see :func:`ember_vision.transforms.functional.resize`)."""

    def __init__(
        self,
        size: int | Sequence[int] | None,
        interpolation: InterpolationMode = InterpolationMode.BILINEAR,
        max_size: int | None = None,
        antialias: bool | None = True,
    ) -> None:
        F._check_size("Resize", size, allow_none=max_size is not None)
        self.size = size
        self.interpolation = interpolation
        self.max_size = max_size
        self.antialias = antialias

    def __call__(self, img: Any) -> Any:
        return F.resize(img, self.size, self.interpolation, self.max_size, self.antialias)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(size={self.size}, interpolation={self.interpolation.value}, "
            f"max_size={self.max_size}, antialias={self.antialias})"
        )


class CenterCrop:
    """Crop the centre (see :func:`ember_vision.transforms.functional.center_crop`)."""

    def __init__(self, size: int | Sequence[int]) -> None:
        F._check_size("CenterCrop", size)
        if isinstance(size, int):
            self.size = (size, size)
        elif len(size) == 1:
            self.size = (size[0], size[0])
        else:
            self.size = (size[0], size[1])

    def __call__(self, img: Any) -> Any:
        return F.center_crop(img, self.size)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(size={self.size})"
