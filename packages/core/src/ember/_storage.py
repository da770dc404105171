"""Storages and DLPack: ``Tensor.untyped_storage()``, ``ember.UntypedStorage``,
``Tensor.share_memory_()``, ``Tensor.__dlpack__`` and ``ember.from_dlpack``, as in torch.

>>> import ember, numpy as np
>>> t = ember.arange(4.0)
>>> a = np.from_dlpack(t)          # shares t's memory
>>> a[0] = 7.0
>>> t[0].item()
7.0
>>> t.untyped_storage().nbytes()
16

``share_memory_()`` moves a tensor's storage into an anonymous shared mapping (memfd,
``MAP_SHARED``): forked workers see writes both ways, and another process can map it with
``UntypedStorage._from_shared_handle(storage._shared_handle())`` while the owner keeps
the tensor alive.
"""

from __future__ import annotations

import builtins

from ember import _C

# DLPack device types (the DLPack specification's DLDeviceType).
_KDLCPU = 1


class UntypedStorage:
    """The bytes under one or more tensors (torch.UntypedStorage): every view of a tensor
    shares one storage."""

    __slots__ = ("_handle",)

    def __init__(self, handle) -> None:
        if not isinstance(handle, _C._Storage):
            raise TypeError(
                "UntypedStorage is obtained from Tensor.untyped_storage(); constructing one "
                "directly is not supported yet"
            )
        self._handle = handle

    def nbytes(self) -> builtins.int:
        return self._handle.nbytes()

    def size(self) -> builtins.int:
        return self._handle.nbytes()

    def __len__(self) -> builtins.int:
        return self._handle.nbytes()

    def element_size(self) -> builtins.int:
        return 1

    def data_ptr(self) -> builtins.int:
        return self._handle.data_ptr()

    @property
    def device(self):
        return self._handle.device

    @property
    def is_cpu(self) -> builtins.bool:
        return self.device.type == "cpu"

    def is_shared(self) -> builtins.bool:
        return self._handle.is_shared()

    def share_memory_(self) -> UntypedStorage:
        self._handle.share_memory_()
        return self

    def resizable(self) -> builtins.bool:
        return self._handle.resizable()

    def tolist(self) -> list[builtins.int]:
        return list(self._handle._bytes())

    def __getitem__(self, index):
        data = self._handle._bytes()
        if isinstance(index, slice):
            return list(data[index])
        return data[index]

    def __iter__(self):
        return iter(self.tolist())

    def _shared_handle(self) -> tuple[builtins.int, builtins.int, builtins.int]:
        """(pid, fd, nbytes): what another process needs to map this shared storage."""
        return tuple(self._handle._shared_handle())

    @classmethod
    def _from_shared_handle(cls, handle) -> UntypedStorage:
        pid, fd, nbytes = handle
        return cls(_C._open_shared_storage(pid, fd, nbytes))

    def _tensor(self, dtype, size, stride, storage_offset: builtins.int = 0):
        """A tensor viewing this storage (torch's ``Tensor.set_(storage, ...)``)."""
        return _C._tensor_from_storage(
            self._handle, dtype, tuple(size), tuple(stride), storage_offset
        )

    def __repr__(self) -> str:
        return (
            f"ember.UntypedStorage(nbytes={self.nbytes()}, device={self.device}, "
            f"shared={self.is_shared()})"
        )


def untyped_storage(self) -> UntypedStorage:
    """The storage this tensor views."""
    return UntypedStorage(_C._storage_of(self))


def share_memory_(self):
    """Moves the storage into shared memory (a no-op if it already is); returns self."""
    _C._share_memory_(self)
    return self


def is_shared(self) -> builtins.bool:
    return _C._is_shared(self)


def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    """A DLPack capsule sharing this tensor's memory (the Python array API protocol):
    versioned (DLPack 1.0) when the consumer passes ``max_version >= (1, 0)``."""
    if stream is not None and stream != -1:
        raise BufferError(f"__dlpack__: stream must be None for CPU tensors, got {stream!r}")
    if dl_device is not None and tuple(dl_device) != (_KDLCPU, 0):
        raise BufferError(f"__dlpack__: cannot export a CPU tensor to device {dl_device}")
    if self.device.type != "cpu":
        raise BufferError(f"__dlpack__: only CPU tensors can be exported, got {self.device}")
    tensor = self.clone() if copy else self
    versioned = max_version is not None and max_version[0] >= 1
    return _C._to_dlpack(tensor, versioned, builtins.bool(copy))


def __dlpack_device__(self) -> tuple[builtins.int, builtins.int]:
    if self.device.type != "cpu":
        raise BufferError(f"__dlpack_device__: {self.device} tensors cannot be exported")
    return (_KDLCPU, 0)


def from_dlpack(ext_tensor):
    """An ember tensor sharing memory with ``ext_tensor``: any object with ``__dlpack__``
    (NumPy arrays, torch tensors, ...) or a DLPack capsule.

    >>> import ember, numpy as np
    >>> a = np.arange(3.0)
    >>> t = ember.from_dlpack(a)
    >>> a[1] = 5.0
    >>> t[1].item()
    5.0
    """
    if not hasattr(ext_tensor, "__dlpack__"):
        return _C._from_dlpack_capsule(ext_tensor)
    if hasattr(ext_tensor, "__dlpack_device__"):
        device = ext_tensor.__dlpack_device__()
        if int(device[0]) != _KDLCPU:
            raise BufferError(f"from_dlpack: only CPU memory can be imported, got device {device}")
    try:
        capsule = ext_tensor.__dlpack__(max_version=(1, 0))
    except TypeError:  # a producer that predates the versioned protocol
        capsule = ext_tensor.__dlpack__()
    return _C._from_dlpack_capsule(capsule)


def install(tensor_type) -> None:
    for name, fn in {
        "untyped_storage": untyped_storage,
        "share_memory_": share_memory_,
        "is_shared": is_shared,
        "__dlpack__": __dlpack__,
        "__dlpack_device__": __dlpack_device__,
    }.items():
        setattr(tensor_type, name, fn)
