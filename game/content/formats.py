"""The whole file format of one vocabulary of ops: the model of every kind of record and of every op.

The built-in vocabulary's format is `game.content.models` as written. A test that registers an op of
its own (`game.content.vocab.registered`) gets the records that hold conditions or effects made again
around the larger unions, so that its op is validated, documented and put in the schema like any other.
"""

from __future__ import annotations

import copy
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, create_model

from game.content.fields import Record
from game.content.models import BUILTIN_OPS, KINDS, NESTED, Choice, Risk
from game.content.vocab import BUILTIN, OpFormats, OpModel, Vocabulary, current, op_formats


@dataclass(frozen=True)
class Formats:
    """The whole file format for one vocabulary of ops: the model of each kind of record, and of each op."""

    ops: OpFormats
    kinds: dict[str, tuple[type[Record], str]]
    nested: tuple[type[BaseModel], ...]

    @property
    def conditions(self) -> tuple[type[OpModel], ...]:
        return self.ops.conditions

    @property
    def effects(self) -> tuple[type[OpModel], ...]:
        return self.ops.effects


def formats() -> Formats:
    """The file format of the vocabulary in use (`game.content.vocab.current`)."""
    return _formats(current())


@cache
def _formats(vocabulary: Vocabulary) -> Formats:
    if vocabulary == BUILTIN:
        return Formats(BUILTIN_OPS, KINDS, NESTED)
    # Another vocabulary (a test's): the records that hold conditions or effects are made again around its unions.
    ops = op_formats(vocabulary)
    swaps: dict[Any, Any] = {
        BUILTIN_OPS.condition: ops.condition,
        typing.get_args(BUILTIN_OPS.condition)[0]: typing.get_args(ops.condition)[0],
        BUILTIN_OPS.effect: ops.effect,
        typing.get_args(BUILTIN_OPS.effect)[0]: typing.get_args(ops.effect)[0],
        **{old: ops.model(old.__name__) for old in BUILTIN_OPS.nested},
    }
    for part in (Choice, Risk):  # the parts of an event that hold conditions or effects
        swaps[part] = _retyped(part, swaps)
    kinds = {kind: (_retyped(model, swaps), prefix) for kind, (model, prefix) in KINDS.items()}
    nested = tuple(swaps.get(mdl, mdl) for mdl in NESTED)
    return Formats(ops, kinds, nested)


def _swapped(tp: Any, swaps: dict[Any, Any]) -> Any:
    try:
        if tp in swaps:
            return swaps[tp]
    except TypeError:  # an unhashable annotation holds no op
        return tp
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_swapped(a, swaps) for a in args)]  # noqa: UP007 - a union made at run time
    if origin is list:
        return list[_swapped(args[0], swaps)]  # type: ignore[misc]
    return tp


def _retyped(model: type[Record], swaps: dict[Any, Any]) -> type[Record]:
    """`model` with the unions and records in `swaps` replaced in its fields (itself if it holds none)."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        new = _swapped(info.annotation, swaps)
        if new != info.annotation:
            fields[name] = (new, copy.copy(info))
    if not fields:
        return model
    return create_model(model.__name__, __base__=model, __doc__=model.__doc__, __module__=__name__, **fields)
