"""The conditions on the story so far: flags that effects set, and events that have fired."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine.conditions.progress import Who
from game.engine.vocab import (
    SCOPE_GLOBAL,
    WARNING,
    WHO_SELF,
    Condition,
    Doc,
    Established,
    Name,
    OneOf,
    Phrase,
    Predicate,
    Problem,
    Ref,
    World,
    sides_for,
)

if TYPE_CHECKING:
    from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class Flag(Condition):
    """True when a flag set by `set_flag` is non-zero (or equals `value`, if given)."""

    op = "flag"
    flag: Annotated[str, Doc("the flag's name")]
    scope: Annotated[
        str, OneOf("self", "rival", "global"), Doc("whose flags: the side's own, a rival's, or the world's")
    ] = "self"
    value: Annotated[int | None, Doc("the value it must have; left out: any value but 0")] = None

    def holds(self, state: GameState, side: str) -> bool:
        scope = self.scope
        pools = [state.flags] if scope == SCOPE_GLOBAL else [s.flags for s in sides_for(state, side, scope)]
        for pool in pools:
            v = pool.get(self.flag, 0)
            if (self.value is None and v != 0) or (self.value is not None and v == self.value):
                return True
        return False

    def compiled(self) -> Predicate:
        if self.scope not in (WHO_SELF, SCOPE_GLOBAL):
            return self.holds
        flag, wanted, scope = self.flag, self.value, self.scope

        def flag_is(st: GameState, side: str) -> bool:
            v = (st.sides[side].flags if scope == WHO_SELF else st.flags).get(flag, 0)
            return v != 0 if wanted is None else v == wanted

        return flag_is

    def never(self, world: World) -> str:
        if self.value != 0 and not world.established("flag", self.flag):
            return f"flag {self.flag!r} is never set"
        return ""

    def lasting(self, known: Established) -> bool:
        """Only `set_flag` changes a flag: one that is never cleared (set to 0) stays non-zero once set. A flag
        asked to equal a value may be set to another one: not lasting."""
        return self.value is None and not known.established("flag_cleared", self.flag)

    def problems(self, world: World) -> Iterator[Problem]:
        if self.value != 0 and not world.established("flag", self.flag):
            message = f"flag {self.flag!r} is never set by any effect"
            yield Problem(WARNING, "flag", message, world.suggest("flag", self.flag), "logic/flag")

    def describe(self) -> Phrase:
        if self.value is None:
            return Phrase(f"cond.flag.{self.scope}", (("flag", self.flag),))
        return Phrase(f"cond.flag_is.{self.scope}", (("flag", self.flag), ("value", str(self.value))))


@dataclass(frozen=True, slots=True)
class EventFired(Condition):
    """True when `event` has fired for the side (or a rival, or anyone)."""

    op = "event_fired"
    event: Annotated[str, Ref("events"), Doc("an event id")]
    who: Who = "self"

    def holds(self, state: GameState, side: str) -> bool:
        if self.who == WHO_SELF:
            return self.event in state.sides[side].events_fired
        return any(self.event in s.events_fired for s in sides_for(state, side, self.who))

    def compiled(self) -> Predicate:
        if self.who != WHO_SELF:
            return self.holds
        event = self.event
        return lambda st, side: event in st.sides[side].events_fired

    def lasting(self, known: Established) -> bool:
        """An event that has fired has fired."""
        return True

    def never(self, world: World) -> str:
        if world.known("events", self.event) and not world.reachable_by("events", self.event, self.who):
            if self.who == WHO_SELF and world.side is not None and world.reachable("events", self.event):
                return f"event {self.event!r} can never happen to {world.side}"
            return f"event {self.event!r} can never happen"
        return ""

    def describe(self) -> Phrase:
        return Phrase(f"cond.event_fired.{self.who}", (("event", Name("events", self.event)),))


OPS: tuple[type[Condition], ...] = (Flag, EventFired)
