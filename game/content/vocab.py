"""The file format of conditions and effects, derived from the engine's op classes, and the registry of ops.

An op is defined once, in the engine (`game.engine.vocab`); this module reads its fields and their
markers and makes the pydantic model content files are validated with (`CondHasTech`, `EffAddCash`:
the names the JSON Schema and the reference show), whose `to_engine` gives back the engine's op.
Dates stay text in the models (as the file wrote them) and become turn ordinals in `to_engine`.

Which ops exist is a `Vocabulary`: the built-in one unless a test registers more for a while
(`registered`), so that an op made for a test is validated, checked, documented and put in the
schema like any other, and is gone again after the test.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, Strict, create_model, model_validator

from game.content.fields import DateText, Id, Int, Record, date_text
from game.engine import conditions, effects
from game.engine.calendar import date_to_ordinal
from game.engine.vocab import Condition, Effect, FieldSpec, Op, fields_of

# ------------------------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class Vocabulary:
    """The ops content may use, in the order the reference and the schema list them."""

    conditions: tuple[type[Condition], ...]
    effects: tuple[type[Effect], ...]

    def extended(self, *ops: type[Op]) -> Vocabulary:
        """This vocabulary and `ops` (conditions and effects) after it; an op's name must be new."""
        taken = {op.op for op in (*self.conditions, *self.effects)}
        for op in ops:
            if op.op in taken:
                raise ValueError(f"there is already an op called {op.op!r}")
            taken.add(op.op)
        return Vocabulary(
            (*self.conditions, *(op for op in ops if issubclass(op, Condition))),
            (*self.effects, *(op for op in ops if issubclass(op, Effect))),
        )


BUILTIN = Vocabulary(conditions.BUILTIN, effects.BUILTIN)
_CURRENT: ContextVar[Vocabulary] = ContextVar("vocabulary", default=BUILTIN)


def current() -> Vocabulary:
    """The vocabulary content is read with now: the built-in one unless `registered` says otherwise."""
    return _CURRENT.get()


@contextmanager
def registered(*ops: type[Op]) -> Iterator[Vocabulary]:
    """Within the block, content may also use `ops` (for a test: nothing of them is left after it)."""
    token = _CURRENT.set(current().extended(*ops))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


# ------------------------------------------------------------------------------------ to the engine


class ToEngine:
    """Turns validated models into the engine's dataclasses for one scenario's calendar.

    It remembers which model each op came from, so that the static checks can quote a field as the
    file wrote it (`written`).
    """

    def __init__(self, turns_per_year: int) -> None:
        self.turns_per_year = turns_per_year
        self._models: dict[int, tuple[Op, OpModel]] = {}  # id of the engine op -> (op, the model it came from)

    def turn(self, text: str) -> int:
        """A date as a turn ordinal."""
        return date_to_ordinal(text, self.turns_per_year)

    def date(self, text: str | None) -> int | None:
        return None if text is None else date_to_ordinal(text, self.turns_per_year)

    def op(self, model: Any) -> Any:
        """A condition or effect model (or None) as the engine's op."""
        return None if model is None else model.to_engine(self)

    def ops(self, models: list[Any]) -> tuple[Any, ...]:
        return tuple(m.to_engine(self) for m in models)

    def remember(self, op: Op, model: OpModel) -> None:
        self._models[id(op)] = (op, model)

    def written(self, op: Op, field: str) -> str:
        """A field of an op as its file wrote it ("" if left out, or if the op did not come from a file)."""
        found = self._models.get(id(op))
        value = getattr(found[1], field, None) if found is not None and found[0] is op else None
        return "" if value is None else str(value)


class Derived(Record):
    """A model derived from an engine dataclass (`__engine__`): an op, or a record nested in one."""

    __engine__: ClassVar[type]
    __dates__: ClassVar[frozenset[str]] = frozenset()

    def to_engine(self, ctx: ToEngine) -> Any:
        args = {}
        for name in type(self).model_fields:
            if name != "op":
                args[name] = _engine_value(getattr(self, name), name in self.__dates__, ctx)
        made = self.__engine__(**args)
        if isinstance(made, Op):
            ctx.remember(made, self)  # type: ignore[arg-type]
        return made


class OpModel(Derived):
    """The file format of one condition or effect op."""

    op: str


class _DatedOp(OpModel):
    """An op with date fields, which YAML may have read as dates or numbers."""

    @model_validator(mode="before")
    @classmethod
    def _dates(cls, data: object) -> object:
        if isinstance(data, dict):
            return {k: (date_text(v) if k in cls.__dates__ else v) for k, v in data.items()}
        return data


def _engine_value(value: Any, is_date: bool, ctx: ToEngine) -> Any:
    if value is None:
        return None
    if is_date:
        return ctx.date(value)
    if isinstance(value, Derived):
        return value.to_engine(ctx)
    if isinstance(value, list):
        return tuple(_engine_value(x, False, ctx) for x in value)
    return value


# ------------------------------------------------------------------------------------ the models


@dataclass(frozen=True)
class OpFormats:
    """The models of one vocabulary: each op's, and the discriminated unions fields hold."""

    vocabulary: Vocabulary
    conditions: tuple[type[OpModel], ...]
    effects: tuple[type[OpModel], ...]
    nested: tuple[type[Derived], ...]  # records inside ops (the options of `random_one_of`)
    condition: Any  # Annotated[CondAll | CondAny | ..., Field(discriminator="op")]
    effect: Any

    def model(self, name: str) -> type[Derived]:
        """A model of this vocabulary by its name (`CondHasTech`, `WeightedEffects`)."""
        return next(m for m in (*self.conditions, *self.effects, *self.nested) if m.__name__ == name)


def model_name(cls: type) -> str:
    """The name of an engine class's model: `CondHasTech`, `EffAddCash`, or a nested record's `content_name`."""
    if issubclass(cls, Condition):
        return f"Cond{cls.__name__}"
    if issubclass(cls, Effect):
        return f"Eff{cls.__name__}"
    return str(getattr(cls, "content_name", cls.__name__))


def _annotation(spec: FieldSpec, tp: Any, refs: dict[type, Any]) -> Any:
    """The pydantic type of a field of type `tp` (its markers in `spec`)."""
    args = typing.get_args(tp)
    if type(None) in args:  # X | None
        (inner,) = (a for a in args if a is not type(None))
        return _annotation(spec, inner, refs) | None
    if tp is str:
        return Literal[spec.one_of] if spec.one_of else Id
    if tp is bool:
        return bool
    if tp is int:
        if spec.date:
            return DateText
        if spec.bounds is not None:
            return Annotated[int, Strict(), Field(ge=spec.bounds.lo, le=spec.bounds.hi)]
        return Int
    if typing.get_origin(tp) is tuple:
        return list[_annotation(spec, args[0], refs)]  # type: ignore[misc]
    for base, ref in refs.items():
        if isinstance(tp, type) and issubclass(tp, base):
            return ref
    raise TypeError(f"{spec.name}: the file format has no type for {tp!r}")


def _model(cls: Any, base: type[Derived], refs: dict[type, Any]) -> Any:
    specs = fields_of(cls)
    fields: dict[str, Any] = {}
    if issubclass(cls, Op):
        fields["op"] = (Literal[cls.op], ...)
    for spec in specs:
        kw: dict[str, Any] = {"description": spec.doc}
        if spec.default is not dataclasses.MISSING:
            kw["default"] = spec.default
        if spec.items is not None:
            if spec.items.lo:
                kw["min_length"] = spec.items.lo
            if spec.items.hi is not None:
                kw["max_length"] = spec.items.hi
        fields[spec.name] = (_annotation(spec, spec.type, refs), Field(**kw))
    dates = frozenset(s.name for s in specs if s.date)
    if dates and base is OpModel:
        base = _DatedOp
    model = create_model(model_name(cls), __base__=base, __doc__=cls.__doc__, __module__=__name__, **fields)
    model.__engine__ = cls
    model.__dates__ = dates
    return model


def _nested_classes(ops: tuple[type[Op], ...]) -> list[type]:
    """The dataclasses (not ops) that ops hold, like `random_one_of`'s options."""
    found: list[Any] = []
    todo: list[Any] = list(ops)
    while todo:
        cls = todo.pop(0)
        for spec in fields_of(cls):
            for tp in (spec.type, *typing.get_args(spec.type)):
                if dataclasses.is_dataclass(tp) and isinstance(tp, type) and not issubclass(tp, Op) and tp not in found:
                    found.append(tp)
                    todo.append(tp)
    return found


@cache
def op_formats(vocabulary: Vocabulary) -> OpFormats:
    """The models of a vocabulary's ops, made once per vocabulary."""
    ops: tuple[type[Op], ...] = (*vocabulary.conditions, *vocabulary.effects)
    nested_classes = _nested_classes(ops)
    # Ops refer to the unions and to nested records by name; the names are resolved once all exist.
    refs: dict[type, Any] = {
        Condition: typing.ForwardRef("AnyCondition"),
        Effect: typing.ForwardRef("AnyEffect"),
        **{cls: typing.ForwardRef(model_name(cls)) for cls in nested_classes},
    }
    conds = tuple(_model(cls, OpModel, refs) for cls in vocabulary.conditions)
    effs = tuple(_model(cls, OpModel, refs) for cls in vocabulary.effects)
    nested = tuple(_model(cls, Derived, refs) for cls in nested_classes)
    namespace: dict[str, Any] = {
        "AnyCondition": Annotated[typing.Union[conds], Field(discriminator="op")],  # noqa: UP007 - a union made at run time
        "AnyEffect": Annotated[typing.Union[effs], Field(discriminator="op")],  # noqa: UP007
        **{m.__name__: m for m in nested},
    }
    for model in (*conds, *effs, *nested):
        model.model_rebuild(force=True, _types_namespace=namespace)
    return OpFormats(vocabulary, conds, effs, nested, namespace["AnyCondition"], namespace["AnyEffect"])
