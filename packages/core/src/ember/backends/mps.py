"""Apple MPS is not a backend of this build."""


def is_available() -> bool:
    return False


def is_built() -> bool:
    return False
