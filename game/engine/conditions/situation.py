"""The conditions on where a side stands: the numbers it knows of itself, and which side it is."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine.state import CrewStatus
from game.engine.vocab import (
    ERROR,
    Bounds,
    Condition,
    Doc,
    Established,
    Name,
    OneOf,
    Phrase,
    PhraseArg,
    Predicate,
    Problem,
    Ref,
    Turn,
    World,
)

if TYPE_CHECKING:
    from game.engine.state import GameState

CMP: dict[str, Callable[[int, int], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "eq": operator.eq,
    "ne": operator.ne,
    "ge": operator.ge,
    "gt": operator.gt,
}
_CMP_SIGN = {"lt": "<", "le": "≤", "eq": "=", "ne": "≠", "ge": "≥", "gt": ">"}


def _rival_prestige(state: GameState, side: str) -> int:
    """The best prestige among the other sides (0 if there are none)."""
    best: int | None = None
    for sid, s in state.sides.items():
        if sid != side and (best is None or s.prestige > best):
            best = s.prestige
    return 0 if best is None else best


def _reliability(state: GameState, side: str, tech: str | None) -> int:
    ts = state.sides[side].techs.get(tech or "")
    return ts.reliability if ts is not None and ts.done else 0


def _flights(state: GameState, side: str, tech: str | None) -> int:
    """The steps flown that tested `tech` (each launch counts every step of it the tech carried): how well
    tried the hardware is before a crew trusts it."""
    ts = state.sides[side].techs.get(tech or "")
    return ts.flights if ts is not None else 0


# The values that read one tech of the side (they need `tech`).
OF_TECH = frozenset({"reliability", "flights"})

# The values that never fall in a game (dates, and counts of what has happened): `ge` or `gt` them is lasting.
# Money, prestige, reliability and the crew on the active list can fall.
NEVER_FALL = frozenset({"year", "turn", "deaths", "launches", "flights", "milestones"})


# Values a `compare` condition may read; each is something the side could know of itself,
# plus its rivals' public record (prestige).
COMPARABLE: dict[str, Callable[[GameState, str, str | None], int]] = {
    "prestige": lambda st, sd, _t: st.sides[sd].prestige,
    "rival_prestige": lambda st, sd, _t: _rival_prestige(st, sd),
    "prestige_lead": lambda st, sd, _t: st.sides[sd].prestige - _rival_prestige(st, sd),
    "cash": lambda st, sd, _t: st.sides[sd].cash,
    "budget": lambda st, sd, _t: st.sides[sd].budget,
    "year": lambda st, sd, _t: st.year,
    "turn": lambda st, sd, _t: st.turn,
    "deaths": lambda st, sd, _t: st.sides[sd].deaths,
    "launches": lambda st, sd, _t: st.sides[sd].launches,
    "active_crew": lambda st, sd, _t: [c.status for c in st.sides[sd].crews.values()].count(CrewStatus.ACTIVE),
    "reliability": _reliability,
    "flights": _flights,
    "milestones": lambda st, sd, _t: len(st.sides[sd].milestones),
}


@dataclass(frozen=True, slots=True)
class Compare(Condition):
    """Compares a number the side knows about itself with `to`."""

    op = "compare"
    value: Annotated[
        str,
        OneOf(*COMPARABLE),
        Doc(
            "what to compare: prestige, rival_prestige (the best rival's), prestige_lead (own minus the best "
            "rival's), cash, budget (this year's), year, turn (as an ordinal: year × turns per year + turn − 1), "
            "deaths, launches, active_crew, reliability (of `tech`, 0 if unfinished), flights (steps flown that "
            "tested `tech`: a launch counts each of its steps the tech carried), milestones (how many reached)"
        ),
    ]
    cmp: Annotated[str, OneOf(*CMP), Doc("lt <, le ≤, eq =, ne ≠, ge ≥, gt >")]
    to: Annotated[int, Bounds(-1_000_000, 1_000_000), Doc("the number to compare with")]
    tech: Annotated[
        str | None, Ref("techs"), Doc("the tech whose reliability or flights `value: reliability` or `flights` reads")
    ] = None

    def holds(self, state: GameState, side: str) -> bool:
        return CMP[self.cmp](COMPARABLE[self.value](state, side, self.tech), self.to)

    def compiled(self) -> Predicate:
        value, cmp, to, of = COMPARABLE[self.value], CMP[self.cmp], self.to, self.tech
        return lambda st, side: cmp(value(st, side, of), to)

    def ended_by(self) -> tuple[tuple[str, str, int], ...]:
        if self.value not in OF_TECH or self.tech is None or self.cmp not in ("lt", "le"):
            return ()
        return ((self.value, self.tech, self.to if self.cmp == "lt" else self.to + 1),)

    def never(self, world: World) -> str:
        if world.dates is None:
            return ""
        first, last = world.dates
        cmp, to = CMP[self.cmp], self.to
        if self.value == "year":
            tpy = world.turns_per_year
            if not any(cmp(y, to) for y in range(first // tpy, last // tpy + 1)):
                return f"no year of the scenario is {self.cmp} {to}"
        if self.value == "turn":
            candidates = [t for t in (first, last, to - 1, to, to + 1) if first <= t <= last]
            if not any(cmp(t, to) for t in candidates):
                return f"no turn of the scenario is {self.cmp} {to}"
        return ""

    def lasting(self, known: Established) -> bool:
        return self.value in NEVER_FALL and self.cmp in ("ge", "gt")

    def problems(self, world: World) -> Iterator[Problem]:
        if self.value in OF_TECH and not self.tech:
            message = f"`value: {self.value}` needs the `tech` whose {self.value} it reads"
            yield Problem(ERROR, "tech", message, "", "logic/compare")

    def describe(self) -> Phrase:
        of: PhraseArg = Name("techs", self.tech) if self.tech else "…"  # (only OF_TECH values read a tech)
        value = Phrase(f"cond.value.{self.value}", (("tech", of),))
        to: PhraseArg = Turn(self.to) if self.value == "turn" else str(self.to)
        return Phrase("cond.compare", (("value", value), ("cmp", _CMP_SIGN[self.cmp]), ("to", to)))


@dataclass(frozen=True, slots=True)
class IsSide(Condition):
    """True when the condition is judged for the side `side` (to give one side its own rules)."""

    op = "is_side"
    side: Annotated[str, Ref("sides"), Doc("a side id")]

    def holds(self, state: GameState, side: str) -> bool:
        return side == self.side

    def lasting(self, known: Established) -> bool:
        """The side a condition is judged for never changes."""
        return True

    def never(self, world: World) -> str:
        if not world.known("sides", self.side):
            return f"there is no side {self.side!r}"
        if world.side is not None and world.side != self.side:
            return f"it holds only for {self.side}"
        return ""

    def describe(self) -> Phrase:
        return Phrase("cond.is_side", (("side", Name("sides", self.side)),))


OPS: tuple[type[Condition], ...] = (Compare, IsSide)
