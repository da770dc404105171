# Single source of the core's version: pyproject.toml (scikit-build-core's regex
# provider) and CMake (compiled into libember) both read this line.
__version__ = "0.1.0"
