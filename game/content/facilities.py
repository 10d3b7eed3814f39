"""The facilities a scenario offers (a content kind): built once by a side, each adds its bonus to the chance
of every step of the given kinds the side flies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict

from game.content.fields import DESC_DOC as _DESC
from game.content.fields import NAME_DOC as _NAME
from game.content.fields import Id, Record, Text
from game.content.fields import field as _f
from game.content.fields import text_key as _key
from game.content.step_kinds import StepKind
from game.content.vocab import ToEngine
from game.engine import rules as r


class Facility(Record):
    """Something a side builds once and keeps, such as a tracking network: it adds `bonus` to the chance of every
    step of the given kinds the side flies (the odds shown and rolled, through the engine's one odds function)."""

    id: Id = _f("unique id")
    name: Text | None = _f(_NAME, default=None)
    description: Text | None = _f(_DESC, default=None)
    cost: Annotated[int, Strict(), Field(ge=0, le=100_000)] = _f("money, paid when it is ordered")
    requires: list[Id] = _f("techs that must be finished before it can be built", default_factory=list, max_length=8)
    bonus: Annotated[int, Strict(), Field(ge=0, le=50)] = _f(
        "percent points added to the chance of each step of `kinds`", default=0
    )
    kinds: list[StepKind] = _f("the step kinds it helps (see Step kinds)", default_factory=list, max_length=16)

    def to_engine(self, ctx: ToEngine) -> r.Facility:
        return r.Facility(
            self.id,
            _key(self.name),
            self.cost,
            tuple(self.requires),
            self.bonus,
            tuple(self.kinds),
            _key(self.description),
        )
