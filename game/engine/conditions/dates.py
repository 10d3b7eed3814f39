"""The condition on the date: a window of turns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine.vocab import DATE, Condition, Doc, Established, Phrase, Predicate, Turn, World

if TYPE_CHECKING:
    from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class DateBetween(Condition):
    """True from `start` to `end`, both included; leave one out for an open end."""

    op = "date_between"
    start: Annotated[int | None, DATE, Doc("first date it is true (a year means its first turn)")] = None
    end: Annotated[
        int | None, DATE, Doc("last date it is true (a year means its first turn: write 1961-Q4 for the whole year)")
    ] = None

    def holds(self, state: GameState, side: str) -> bool:
        return (self.start is None or state.turn >= self.start) and (self.end is None or state.turn <= self.end)

    def compiled(self) -> Predicate:
        start, end = self.start, self.end
        if end is None:
            return (lambda st, side: True) if start is None else (lambda st, side: st.turn >= start)
        if start is None:
            return lambda st, side: st.turn <= end
        return lambda st, side: start <= st.turn <= end

    def window(self) -> tuple[int | None, int | None]:
        return self.start, self.end

    def lasting(self, known: Established) -> bool:
        """Dates only move on: true for good once started, unless it ends."""
        return self.end is None

    def never(self, world: World) -> str:
        if world.dates is None:
            return ""
        first, last = world.dates
        lo = self.start if self.start is not None else first
        hi = self.end if self.end is not None else last
        shown = f"{world.written(self, 'start') or '…'}–{world.written(self, 'end') or '…'}"
        if lo > hi:
            return f"the window {shown} ends before it starts"
        if hi < first or lo > last:
            return f"the window {shown} is outside the scenario ({world.date_label(first)}–{world.date_label(last)})"
        return ""

    def describe(self) -> Phrase:
        if self.start is not None and self.end is not None:
            return Phrase("cond.date_between", (("start", Turn(self.start)), ("end", Turn(self.end))))
        if self.start is not None:
            return Phrase("cond.date_from", (("start", Turn(self.start)),))
        if self.end is not None:
            return Phrase("cond.date_until", (("end", Turn(self.end)),))
        return Phrase("cond.always")


OPS: tuple[type[Condition], ...] = (DateBetween,)
