"""The file format of events: an event, the answers a side chooses between, and the risks that make it likelier.

Part of the scenario file format (`game.content.models` lists the kinds of record and re-exports these).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field, Strict

from game.content.fields import Id, Percent, Record, Text
from game.content.fields import field as _f
from game.content.fields import text_key as _key
from game.content.vocab import BUILTIN, OpModel, ToEngine, op_formats
from game.engine import rules as r

_OPS = op_formats(BUILTIN)  # (cached: the same unions as `models.BUILTIN_OPS`)
if TYPE_CHECKING:  # (what a type checker can know of unions made at run time)
    Condition = OpModel
    Effect = OpModel
else:
    Condition = _OPS.condition
    Effect = _OPS.effect


class Choice(Record):
    """An answer to an event, chosen by the side's player (the first possible one if nobody chooses)."""

    id: Id = _f("id, unique in the event; its text is the key event.<event>.choice.<id>")
    text: Text | None = _f("what the button says", default=None)
    effects: list[Effect] = _f("what choosing it does", default_factory=list, max_length=32)
    when: Condition | None = _f(
        "a condition that must hold, when the side decides, for this answer to be chosen; left out: always "
        "(a choice whose condition fails is shown greyed, with the condition as the reason)",
        default=None,
    )

    def to_engine(self, ctx: ToEngine) -> r.Choice:
        return r.Choice(self.id, _key(self.text), ctx.ops(self.effects), ctx.op(self.when))


class Risk(Record):
    """Odds an event gains while a condition holds: how a side runs its programme makes the event likelier."""

    add: Annotated[int, Strict(), Field(ge=-100, le=10_000)] = _f(
        "added to the event's `chance` (percent a turn), or to its `weight` for an event of the draw, while "
        "`when` holds; negative makes it less likely"
    )
    when: Condition = _f("the condition, judged for the side the event may happen to")

    def to_engine(self, ctx: ToEngine) -> r.Risk:
        return r.Risk(self.add, ctx.op(self.when))


class Event(Record):
    """News that can happen to a side: checked every turn for each side, in file order (the events with a
    `weight` are drawn instead: see `weight`)."""

    id: Id = _f("unique id")
    title: Text | None = _f("headline; left out, the key event.<id>.title", default=None)
    text: Text | None = _f("the story; left out, the key event.<id>.text", default=None)
    sides: list[Id] = _f("the sides it can happen to; empty: every side", default_factory=list)
    when: Condition | None = _f("a condition that must hold; left out: always", default=None)
    chance: Percent = _f(
        "percent chance each turn while `when` holds, plus the `add` of each of its `risks` that holds (not used "
        "for an event with a `weight`)",
        default=100,
    )
    weight: Annotated[int, Strict(), Field(ge=0, le=10_000)] = _f(
        "more than 0: the event is not rolled on its own but is one of the draw: a side's turn draws one event "
        "with the chance `event_draw` of the settings, among those with a weight whose `when` (and cooldown) "
        "allows, picked by weight plus the `add` of each of its `risks` that holds; so games differ in which "
        "they see",
        default=0,
    )
    risks: list[Risk] = _f(
        "conditions that make it likelier while they hold (a rushed capsule, a skipped test, low reliability): "
        "each adds its `add` to the chance, or to the weight",
        default_factory=list,
        max_length=16,
    )
    once: bool = _f("fires at most once per side", default=True)
    cooldown: Annotated[int, Strict(), Field(ge=0, le=400)] = _f(
        "turns before a repeatable event can fire again", default=0
    )
    effects: list[Effect] = _f("what happens when it fires", default_factory=list, max_length=32)
    choices: list[Choice] = _f(
        "answers the side chooses between (their effects come after `effects`)", default_factory=list, max_length=6
    )
    default: Id | None = _f(
        "the choice taken when no choice's condition holds; required when every choice has a `when`",
        default=None,
    )
    latecomers: bool = _f(
        "false: it never happens to a side that joins after the start (one with `joins`), so an event of the "
        "opening sides' history stays theirs without a mod listing its sides",
        default=True,
    )

    def fires_alone(self) -> bool:
        """Whether it can happen without another event queueing it (the engine's rule, `rules.fires_alone`)."""
        return r.fires_alone(self.chance, self.weight, (x.add for x in self.risks))

    def to_engine(self, ctx: ToEngine) -> r.Event:
        return r.Event(
            id=self.id,
            title=_key(self.title),
            text=_key(self.text),
            sides=tuple(self.sides),
            when=ctx.op(self.when),
            chance=self.chance,
            once=self.once,
            cooldown=self.cooldown,
            effects=ctx.ops(self.effects),
            choices=tuple(x.to_engine(ctx) for x in self.choices),
            default=self.default,
            latecomers=self.latecomers,
            weight=self.weight,
            risks=tuple(x.to_engine(ctx) for x in self.risks),
        )
