"""The effects on the story: flags that conditions read, and events queued for later."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine import events as ev
from game.engine.effects.money import Target
from game.engine.vocab import SCOPE_GLOBAL, Bounds, Doc, Effect, OneOf, Phrase, Ref, sides_for

if TYPE_CHECKING:
    from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class SetFlag(Effect):
    """Sets a named number that conditions can read with `flag`."""

    op = "set_flag"
    flag: Annotated[str, Doc("the flag's name")]
    value: Annotated[int, Bounds(-1_000_000, 1_000_000), Doc("its value (0 clears it)")] = 1
    scope: Annotated[
        str, OneOf("self", "rival", "global"), Doc("whose flag: the side's own, every rival's, or the world's")
    ] = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        if self.scope == SCOPE_GLOBAL:
            state.flags[self.flag] = self.value
            return
        for s in sides_for(state, side, self.scope):
            s.flags[self.flag] = self.value

    def facts(self) -> Iterator[tuple[str, str]]:
        yield "flag", self.flag
        if self.value == 0:
            yield "flag_cleared", self.flag  # (a `flag` condition over it is not lasting)


@dataclass(frozen=True, slots=True)
class QueueEvent(Effect):
    """Makes an event fire after `delay` turns if its `when` holds then (its `chance` is not rolled)."""

    op = "queue_event"
    event: Annotated[str, Ref("events"), Doc("an event id")]
    delay: Annotated[int, Bounds(1, 400), Doc("turns from now")] = 1
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            state.queued.append((state.turn + max(1, self.delay), s.id, self.event))

    def facts(self) -> Iterator[tuple[str, str]]:
        yield "queued", self.event

    def describe(self) -> Phrase:
        return Phrase("effect.later")


OPS: tuple[type[Effect], ...] = (SetFlag, QueueEvent)
