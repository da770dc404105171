"""cuDNN flags: scripts set these; without CUDA they have no effect but keep their values."""

enabled = True
benchmark = False
deterministic = False
allow_tf32 = True


def is_available() -> bool:
    return False


def version():
    return None
