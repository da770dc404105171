"""Functional image transforms with torchvision's semantics, on PIL images."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from enum import Enum
from typing import Any


class InterpolationMode(Enum):
    """How pixels are resampled; values are torchvision's names."""

    NEAREST = "nearest"
    NEAREST_EXACT = "nearest-exact"
    BILINEAR = "bilinear"
    BICUBIC = "bicubic"
    BOX = "box"
    HAMMING = "hamming"
    LANCZOS = "lanczos"


def _pil_resample(mode: InterpolationMode) -> int:
    from PIL import Image

    table = {
        InterpolationMode.NEAREST: Image.Resampling.NEAREST,
        InterpolationMode.NEAREST_EXACT: Image.Resampling.NEAREST,
        InterpolationMode.BILINEAR: Image.Resampling.BILINEAR,
        InterpolationMode.BICUBIC: Image.Resampling.BICUBIC,
        InterpolationMode.BOX: Image.Resampling.BOX,
        InterpolationMode.HAMMING: Image.Resampling.HAMMING,
        InterpolationMode.LANCZOS: Image.Resampling.LANCZOS,
    }
    return table[mode]


def _require_pil(op: str, img: Any) -> None:
    from PIL import Image

    if not isinstance(img, Image.Image):
        raise TypeError(f"[{op}] img should be a PIL Image, got {type(img).__name__}")


def get_dimensions(img: Any) -> list[int]:
    """``[channels, height, width]`` of an image."""
    _require_pil("get_dimensions", img)
    width, height = img.size
    return [len(img.getbands()), height, width]


def _resized_size(
    height: int, width: int, size: int | Sequence[int] | None, max_size: int | None
) -> tuple[int, int]:
    """torchvision's output-size rule: an int (or one-element sequence) sets the shorter
    edge, keeping the aspect ratio, then ``max_size`` caps the longer edge."""
    if size is not None and not isinstance(size, int) and len(size) == 2:
        if max_size is not None:
            raise ValueError(
                "[resize] max_size should only be passed if size specifies the length of the "
                f"smaller edge, i.e. size should be an int or a sequence of length 1, got {size}"
            )
        return int(size[0]), int(size[1])
    short, long = (width, height) if width <= height else (height, width)
    if size is None:
        if max_size is None:
            raise ValueError("[resize] size can only be None if max_size is set")
        new_short, new_long = int(max_size * short / long), max_size
    else:
        requested = size if isinstance(size, int) else int(size[0])
        new_short, new_long = requested, int(requested * long / short)
        if max_size is not None:
            if max_size <= requested:
                raise ValueError(
                    f"[resize] max_size = {max_size} must be strictly greater than the requested "
                    f"size for the smaller edge size = {size}"
                )
            if new_long > max_size:
                new_short, new_long = int(max_size * new_short / new_long), max_size
    return (new_long, new_short) if width <= height else (new_short, new_long)


def _check_size(op: str, size: Any, allow_none: bool = False) -> None:
    if size is None and allow_none:
        return
    if isinstance(size, bool) or not isinstance(size, (int, Sequence)):
        raise TypeError(f"[{op}] size should be an int or a sequence of ints, got {size!r}")
    values = [size] if isinstance(size, int) else list(size)
    if len(values) not in (1, 2) or not all(isinstance(v, int) for v in values):
        raise ValueError(f"[{op}] size should be an int or a sequence of 1 or 2 ints, got {size}")
    if any(v <= 0 for v in values):
        raise ValueError(f"[{op}] size must be positive, got {size}")


def resize(
    img: Any,
    size: int | Sequence[int] | None,
    interpolation: InterpolationMode = InterpolationMode.BILINEAR,
    max_size: int | None = None,
    antialias: bool | None = True,
) -> Any:
    """Resize to ``size``: ``(h, w)``, or an int for the shorter edge (aspect kept).

    Pillow always antialiases when downsampling, so ``antialias`` must be true (or None).
    """
    _require_pil("resize", img)
    _check_size("resize", size, allow_none=True)
    if not isinstance(interpolation, InterpolationMode):
        raise TypeError(
            f"[resize] interpolation should be an InterpolationMode, got {interpolation!r}"
        )
    if antialias is False:
        raise ValueError("[resize] antialias=False is not supported for PIL images")
    width, height = img.size
    new_h, new_w = _resized_size(height, width, size, max_size)
    if (new_h, new_w) == (height, width):
        return img
    return img.resize((new_w, new_h), _pil_resample(interpolation))


def pad_constant(img: Any, left: int, top: int, right: int, bottom: int, fill: int = 0) -> Any:
    """Pad with a constant (non-negative padding on each side)."""
    from PIL import Image

    _require_pil("pad", img)
    width, height = img.size
    out = Image.new(img.mode, (width + left + right, height + top + bottom), fill)
    out.paste(img, (left, top))
    return out


def crop(img: Any, top: int, left: int, height: int, width: int) -> Any:
    """The ``height`` x ``width`` region whose top-left corner is ``(top, left)``."""
    _require_pil("crop", img)
    return img.crop((left, top, left + width, top + height))


def center_crop(img: Any, output_size: int | Sequence[int]) -> Any:
    """Crop the centre ``output_size`` region, zero-padding first when it is larger than
    the image (torchvision's rule: the odd pixel of padding goes right/bottom)."""
    _require_pil("center_crop", img)
    _check_size("center_crop", output_size)
    if isinstance(output_size, numbers.Integral):
        crop_h = crop_w = int(output_size)
    elif len(output_size) == 1:
        crop_h = crop_w = int(output_size[0])
    else:
        crop_h, crop_w = int(output_size[0]), int(output_size[1])
    width, height = img.size
    if crop_w > width or crop_h > height:
        pad_left = (crop_w - width) // 2 if crop_w > width else 0
        pad_top = (crop_h - height) // 2 if crop_h > height else 0
        pad_right = (crop_w - width + 1) // 2 if crop_w > width else 0
        pad_bottom = (crop_h - height + 1) // 2 if crop_h > height else 0
        img = pad_constant(img, pad_left, pad_top, pad_right, pad_bottom)
        width, height = img.size
        if crop_w == width and crop_h == height:
            return img
    top = int(round((height - crop_h) / 2.0))
    left = int(round((width - crop_w) / 2.0))
    return crop(img, top, left, crop_h, crop_w)
