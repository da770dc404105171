"""Anomaly detection: nodes remember the traceback of the forward op that made them, and
a backward function that returns NaN raises, naming the node and showing that
traceback."""

from __future__ import annotations

import warnings

from ember import _C


def _forward_trace() -> str:
    import traceback  # only anomaly mode needs it; keeps `import ember` lean

    # Drop this frame.
    return "".join(traceback.format_stack()[:-1])


_C._set_trace_provider(_forward_trace)


def is_anomaly_enabled() -> bool:
    return _C._is_anomaly_enabled()


def is_anomaly_check_nan_enabled() -> bool:
    return _C._is_anomaly_check_nan_enabled()


class detect_anomaly:
    """Context manager (and decorator) that enables anomaly detection in its scope."""

    def __init__(self, check_nan: bool = True) -> None:
        self.prev = _C._is_anomaly_enabled()
        self.prev_check_nan = _C._is_anomaly_check_nan_enabled()
        self.check_nan = check_nan
        warnings.warn(
            "Anomaly Detection has been enabled. This mode will increase the runtime and "
            "should only be enabled for debugging.",
            stacklevel=2,
        )

    def __enter__(self) -> None:
        _C._set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *exc) -> None:
        _C._set_anomaly_enabled(self.prev, self.prev_check_nan)

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return wrapper


class set_detect_anomaly:
    """Sets anomaly detection on or off (immediately, and restores it when used as a
    context manager)."""

    def __init__(self, mode: bool, check_nan: bool = True) -> None:
        self.prev = _C._is_anomaly_enabled()
        self.prev_check_nan = _C._is_anomaly_check_nan_enabled()
        _C._set_anomaly_enabled(bool(mode), check_nan)

    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc) -> None:
        _C._set_anomaly_enabled(self.prev, self.prev_check_nan)
