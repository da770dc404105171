"""Named tuples returned by ops with several results, as ``torch.return_types``.

Each is a tuple (unpack it, index it) whose items also have names:

>>> import ember
>>> values, indices = ember.tensor([[1.0, 5.0], [7.0, 2.0]]).max(dim=1)
>>> r = ember.tensor([3, 1, 2]).sort()
>>> r.values.tolist(), r[1].tolist()
([1, 2, 3], [1, 2, 0])
"""

from __future__ import annotations

import collections

__all__ = [
    "aminmax",
    "cummax",
    "cummin",
    "kthvalue",
    "max",
    "median",
    "min",
    "mode",
    "nanmedian",
    "sort",
    "topk",
]


def _named_tuple(name: str, fields: tuple[str, ...]) -> type:
    base = collections.namedtuple(name, fields)

    def __new__(cls, *args, **kwargs):
        # torch's structseqs are also built from one sequence: max((values, indices)).
        if len(args) == 1 and not kwargs and isinstance(args[0], (tuple, list)):
            args = tuple(args[0])
        return base.__new__(cls, *args, **kwargs)

    def __repr__(self) -> str:
        body = ",\n".join(
            f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True)
        )
        return f"ember.return_types.{name}(\n{body})"

    namespace = {
        "__slots__": (),
        "__new__": __new__,
        "__repr__": __repr__,
        "__module__": __name__,
        "__qualname__": name,
    }
    return type(name, (base,), namespace)


max = _named_tuple("max", ("values", "indices"))  # noqa: A001
min = _named_tuple("min", ("values", "indices"))  # noqa: A001
sort = _named_tuple("sort", ("values", "indices"))
topk = _named_tuple("topk", ("values", "indices"))
kthvalue = _named_tuple("kthvalue", ("values", "indices"))
median = _named_tuple("median", ("values", "indices"))
nanmedian = _named_tuple("nanmedian", ("values", "indices"))
mode = _named_tuple("mode", ("values", "indices"))
cummax = _named_tuple("cummax", ("values", "indices"))
cummin = _named_tuple("cummin", ("values", "indices"))
aminmax = _named_tuple("aminmax", ("min", "max"))
