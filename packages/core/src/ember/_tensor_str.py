"""How tensors print: PyTorch's layout (precision, integer mode, scientific notation,
summarized large tensors, dtype and device suffixes) and ``ember.set_printoptions``."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class _PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


PRINT_OPTS = _PrintOptions()

_PROFILES = {
    "default": dict(precision=4, threshold=1000, edgeitems=3, linewidth=80),
    "short": dict(precision=2, threshold=1000, edgeitems=2, linewidth=80),
    "full": dict(precision=4, threshold=math.inf, edgeitems=3, linewidth=80),
}


def set_printoptions(
    precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None
):
    """Set how tensors print (torch.set_printoptions).

    >>> import ember
    >>> ember.set_printoptions(precision=2)
    >>> ember.tensor([1.2345])
    tensor([1.23])
    >>> ember.set_printoptions(profile="default")
    """
    if profile is not None:
        if profile not in _PROFILES:
            raise ValueError(f"set_printoptions: unknown profile {profile!r}")
        for key, value in _PROFILES[profile].items():
            setattr(PRINT_OPTS, key, value)
    if precision is not None:
        PRINT_OPTS.precision = precision
    if threshold is not None:
        PRINT_OPTS.threshold = threshold
    if edgeitems is not None:
        PRINT_OPTS.edgeitems = edgeitems
    if linewidth is not None:
        PRINT_OPTS.linewidth = linewidth
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions() -> dict:
    """The current print options."""
    return dict(vars(PRINT_OPTS))


class _Ellipsis:
    """Marks elements left out of a summarized tensor."""


_ELLIPSIS = _Ellipsis()


def _summarized(t, summarize: bool):
    """Nested lists of the values to print, with _ELLIPSIS where rows are left out."""
    if t.dim() == 0:
        return t.item()
    n = t.shape[0]
    edge = PRINT_OPTS.edgeitems
    if summarize and n > 2 * edge:
        head = [_summarized(t[i], summarize) for i in range(edge)]
        tail = [_summarized(t[i], summarize) for i in range(n - edge, n)]
        return head + [_ELLIPSIS] + tail
    if t.dim() == 1:
        return t.tolist()
    return [_summarized(t[i], summarize) for i in range(n)]


def _flatten(values, out):
    if isinstance(values, list):
        for v in values:
            _flatten(v, out)
    elif values is not _ELLIPSIS:
        out.append(values)
    return out


class _Formatter:
    def __init__(self, values: list, floating: bool):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        precision = PRINT_OPTS.precision
        if not floating:
            self.max_width = max((len(str(v)) for v in values), default=1)
            return
        # Widths come from the nonzero finite values only, as in torch: nan, inf and 0
        # print narrower and are padded to them.
        finite = [abs(v) for v in values if math.isfinite(v) and v != 0]
        if finite:
            self.int_mode = all(math.ceil(v) == v for v in finite)
            big, small = max(finite), min(finite)
            if self.int_mode:
                if big / small > 1000.0 or big > 1.0e8:
                    self.sci_mode = True
            elif big / small > 1000.0 or big > 1.0e8 or small < 1.0e-4:
                self.sci_mode = True
        if PRINT_OPTS.sci_mode is not None:
            self.sci_mode = PRINT_OPTS.sci_mode
        signed = [v for v in values if math.isfinite(v) and v != 0]
        self.max_width = max((len(self._plain(v)) for v in signed), default=1)
        del precision

    def _plain(self, value) -> str:
        if not self.floating:
            return str(value)
        if self.sci_mode:
            return f"{value:.{PRINT_OPTS.precision}e}"
        if self.int_mode:
            text = f"{value:.0f}"
            return text if math.isinf(value) or math.isnan(value) else text + "."
        return f"{value:.{PRINT_OPTS.precision}f}"

    def width(self) -> int:
        return self.max_width

    def format(self, value) -> str:
        text = self._plain(value)
        return " " * (self.max_width - len(text)) + text


class _ComplexFormatter:
    """As torch: the real part padded to its formatter's width, then the signed imaginary
    part unpadded."""

    def __init__(self, values: list):
        self.real = _Formatter([v.real for v in values], True)
        self.imag = _Formatter([v.imag for v in values], True)

    def width(self) -> int:
        return self.real.width() + self.imag.width() + 1

    def format(self, value) -> str:
        imag = self.imag.format(value.imag).lstrip() + "j"
        if imag[0] not in "+-":
            imag = "+" + imag
        return self.real.format(value.real) + imag


def _vector_str(values: list, indent: int, formatter) -> str:
    element_length = formatter.width() + 2
    per_line = max(1, int(math.floor((PRINT_OPTS.linewidth - indent) / element_length)))
    items = [" ..." if v is _ELLIPSIS else formatter.format(v) for v in values]
    lines = [", ".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _nested_str(values, ndim: int, indent: int, formatter) -> str:
    if ndim == 0:
        return formatter.format(values)
    if ndim == 1:
        return _vector_str(values, indent, formatter)
    parts = [
        "..." if v is _ELLIPSIS else _nested_str(v, ndim - 1, indent + 1, formatter) for v in values
    ]
    separator = "," + "\n" * (ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(parts) + "]"


def _suffixes(t) -> list[str]:
    import ember

    out = []
    if t.device.type != "cpu":
        out.append(f"device='{t.device}'")
    default = ember.get_default_dtype()
    implicit = {default, ember.int64, ember.bool}
    if default == ember.float32:
        implicit.add(ember.complex64)
    if t.device.type == "meta":
        out.append(f"size={tuple(t.shape)}")
    elif t.numel() == 0 and t.shape != (0,):
        out.append(f"size={tuple(t.shape)}")
    if t.dtype not in implicit or (
        t.numel() == 0 and t.dtype != default and t.dtype not in (ember.int64, ember.bool)
    ):
        out.append(f"dtype={t.dtype}")
    return out


def tensor_repr(t, prefix: str = "tensor(") -> str:
    indent = len(prefix)
    suffixes = _suffixes(t)
    if t.device.type == "meta":
        body = "..."
    elif t.numel() == 0:
        body = "[]"
    else:
        summarize = t.numel() > PRINT_OPTS.threshold
        values = _summarized(t, summarize)
        flat = _flatten(values, [])
        if t.dtype.is_complex:
            formatter = _ComplexFormatter(flat)
        else:
            formatter = _Formatter(flat, t.dtype.is_floating_point)
        body = _nested_str(values, t.dim(), indent, formatter)
    text = prefix + body
    for suffix in suffixes:
        last_line = text.rsplit("\n", 1)[-1]
        if len(last_line) + len(suffix) + 2 > PRINT_OPTS.linewidth:
            text += ",\n" + " " * indent + suffix
        else:
            text += ", " + suffix
    return text + ")"
