"""The conditions that join others: `all`, `any` and `not`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine.vocab import Condition, Doc, Established, Items, Needs, Phrase, Predicate, World

if TYPE_CHECKING:
    from game.engine.state import GameState

Conditions = Annotated[tuple[Condition, ...], Items(hi=64), Doc("the conditions")]


@dataclass(frozen=True, slots=True)
class All(Condition):
    """True when every condition in `of` is true."""

    op = "all"
    of: Conditions

    def holds(self, state: GameState, side: str) -> bool:
        for x in self.of:  # noqa: SIM110 - a plain loop: all() of a generator costs twice as much here
            if not x.holds(state, side):
                return False
        return True

    def compiled(self) -> Predicate:
        parts = tuple(c.compiled() for c in self.of)

        def all_of(st: GameState, side: str) -> bool:
            for part in parts:  # noqa: SIM110 - as in holds
                if not part(st, side):
                    return False
            return True

        return all_of

    def window(self) -> tuple[int | None, int | None]:
        """The tightest window of the conditions joined."""
        first: int | None = None
        last: int | None = None
        for c in self.of:
            lo, hi = c.window()
            if lo is not None and (first is None or lo > first):
                first = lo
            if hi is not None and (last is None or hi < last):
                last = hi
        return first, last

    def needs(self) -> Needs:
        techs: list[str] = []
        milestones: list[str] = []
        firsts: list[tuple[str, str]] = []
        gated = False
        for c in self.of:
            n = c.needs()
            techs += n.techs
            milestones += n.milestones
            firsts += n.firsts
            gated = gated or n.gated
        return Needs(tuple(techs), tuple(milestones), tuple(firsts), gated)

    def never(self, world: World) -> str:
        for c in self.of:
            reason = c.never(world)
            if reason:
                return reason
        return ""

    def lasting(self, known: Established) -> bool:
        return all(c.lasting(known) for c in self.of)

    def for_good(self, known: Established, value: bool) -> Predicate | None:
        """True for good when every part is; false for good when one part is."""
        return _joined(self.of, known, value, every=value)

    def ended_by(self) -> tuple[tuple[str, str, int], ...]:
        """One part false is enough."""
        return tuple(way for c in self.of for way in c.ended_by())

    def describe(self) -> Phrase:
        return Phrase("cond.all", (("parts", tuple(c.describe() for c in self.of)),))


@dataclass(frozen=True, slots=True)
class Any(Condition):
    """True when at least one condition in `of` is true."""

    op = "any"
    of: Conditions

    def holds(self, state: GameState, side: str) -> bool:
        for x in self.of:  # noqa: SIM110 - as in All.holds
            if x.holds(state, side):
                return True
        return False

    def compiled(self) -> Predicate:
        parts = tuple(c.compiled() for c in self.of)

        def any_of(st: GameState, side: str) -> bool:
            for part in parts:  # noqa: SIM110 - as in All.holds
                if part(st, side):
                    return True
            return False

        return any_of

    def never(self, world: World) -> str:
        if not self.of:
            return "an empty `any` is never true"
        reasons = [c.never(world) for c in self.of]
        return reasons[0] if all(reasons) else ""

    def lasting(self, known: Established) -> bool:
        return all(c.lasting(known) for c in self.of)

    def for_good(self, known: Established, value: bool) -> Predicate | None:
        """True for good when one part is; false for good when every part is."""
        return _joined(self.of, known, value, every=not value)

    def describe(self) -> Phrase:
        return Phrase("cond.any", (("parts", tuple(c.describe() for c in self.of)),))


@dataclass(frozen=True, slots=True)
class Not(Condition):
    """True when `cond` is false."""

    op = "not"
    cond: Annotated[Condition, Doc("the condition to negate")]

    def holds(self, state: GameState, side: str) -> bool:
        return not self.cond.holds(state, side)

    def compiled(self) -> Predicate:
        inner = self.cond.compiled()
        return lambda st, side: not inner(st, side)

    def for_good(self, known: Established, value: bool) -> Predicate | None:
        """`value` for good when `cond` is the opposite for good (false for good once a lasting `cond` holds)."""
        return self.cond.for_good(known, not value)

    def describe(self) -> Phrase:
        return Phrase("cond.not", (("part", self.cond.describe()),))


def _joined(parts: tuple[Condition, ...], known: Established, value: bool, every: bool) -> Predicate | None:
    """`for_good` of a join: its parts' predicates for `value`, of which every one must be true (`every`: None
    if a part can never be told) or any one (None if none can)."""
    found = [c.for_good(known, value) for c in parts]
    told = [p for p in found if p is not None]
    if not told or (every and len(told) < len(found)):
        return None
    if len(told) == 1:
        return told[0]
    if every:
        return lambda st, side: all(p(st, side) for p in told)
    return lambda st, side: any(p(st, side) for p in told)


OPS: tuple[type[Condition], ...] = (All, Any, Not)
