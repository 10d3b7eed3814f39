"""Frozen slotted dataclasses made nearly as fast to build as plain ones: `quick_init`.

A game makes thousands of small frozen records (events, orders, odds): a frozen dataclass's generated
`__init__` sets each field through `object.__setattr__`, which goes the long way round (the frozen
class's own `__setattr__` refuses). `quick_init` gives such a class an `__init__` with the same
signature that sets each field through its slot's descriptor instead: the instances, their equality,
hash, repr and immutability after construction are exactly what `dataclass` made.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """Stands for a default made by a `default_factory`, as in `dataclasses`."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def quick_init(cls: type[T]) -> type[T]:
    """Give the frozen slotted dataclass `cls` a quicker `__init__` (same parameters, same defaults)."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not (params.frozen and "__slots__" in cls.__dict__) or hasattr(cls, "__post_init__"):
        return cls  # nothing to gain, or an __init__ that does more than set its fields
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    args: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or f.kw_only:
            return cls  # (none of the engine's records has such a field: left as `dataclass` made it)
        names[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is not dataclasses.MISSING:
            names[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_FACTORY")
            body.append(f" if {f.name} is _FACTORY: {f.name} = _factory_{f.name}()")
        else:
            args.append(f.name)
        body.append(f" _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(args)}):\n" + ("\n".join(body) or " pass") + "\n"
    exec(source, names)  # (built from the class's own field names, as `dataclasses` builds it)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**cls.__init__.__annotations__}  # the signature's types, as before
    cls.__init__ = init  # type: ignore[misc]
    return cls
