"""The closed vocabulary of conditions a scenario can ask about, and how each is judged.

A condition is always judged for one side ("self"); "rival" means any other side.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.state import GameState, SideState


@dataclass(frozen=True, slots=True)
class All:
    of: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Any:
    of: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    cond: Condition


@dataclass(frozen=True, slots=True)
class DateBetween:
    start: int | None = None  # ordinals, inclusive
    end: int | None = None


@dataclass(frozen=True, slots=True)
class HasTech:
    tech: str
    who: str = "self"


@dataclass(frozen=True, slots=True)
class Achieved:
    milestone: str
    by: str = "self"  # self, rival or anyone


@dataclass(frozen=True, slots=True)
class FirstTo:
    milestone: str
    by: str = "self"  # the side that reached it first is self / a rival


@dataclass(frozen=True, slots=True)
class Flag:
    flag: str
    scope: str = "self"  # self, rival or global
    value: int | None = None  # None: any non-zero value


@dataclass(frozen=True, slots=True)
class EventFired:
    event: str
    who: str = "self"


@dataclass(frozen=True, slots=True)
class Compare:
    value: str  # one of COMPARABLE
    cmp: str  # lt le eq ne ge gt
    to: int
    tech: str | None = None  # for reliability


@dataclass(frozen=True, slots=True)
class IsSide:
    side: str


Condition = (
    All
    | Any
    | Not
    | DateBetween
    | HasTech
    | Achieved
    | FirstTo
    | Flag
    | EventFired
    | Compare
    | IsSide
)

CMP: dict[str, Callable[[int, int], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "eq": operator.eq,
    "ne": operator.ne,
    "ge": operator.ge,
    "gt": operator.gt,
}


def _rivals(state: GameState, side: str) -> list[SideState]:
    return [s for sid, s in state.sides.items() if sid != side]


def _rival_prestige(state: GameState, side: str) -> int:
    """The best prestige among the other sides (0 if there are none)."""
    best: int | None = None
    for sid, s in state.sides.items():
        if sid != side and (best is None or s.prestige > best):
            best = s.prestige
    return 0 if best is None else best


def _who(state: GameState, side: str, who: str) -> Iterable[SideState]:
    if who == "self":
        return (state.sides[side],)
    if who == "rival":
        return _rivals(state, side)
    return state.sides.values()


def _reliability(state: GameState, side: str, tech: str | None) -> int:
    ts = state.sides[side].techs.get(tech or "")
    return ts.reliability if ts is not None and ts.done else 0


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
    "active_crew": lambda st, sd, _t: [c.status for c in st.sides[sd].crews.values()].count("active"),
    "reliability": _reliability,
    "milestones": lambda st, sd, _t: len(st.sides[sd].milestones),
}


def _all(c: All, st: GameState, side: str) -> bool:
    for x in c.of:  # noqa: SIM110 - a plain loop: all() of a generator costs twice as much here
        if not holds(x, st, side):
            return False
    return True


def _any(c: Any, st: GameState, side: str) -> bool:
    for x in c.of:  # noqa: SIM110 - as in _all
        if holds(x, st, side):
            return True
    return False


def _not(c: Not, st: GameState, side: str) -> bool:
    return not holds(c.cond, st, side)


def _date(c: DateBetween, st: GameState, side: str) -> bool:
    return (c.start is None or st.turn >= c.start) and (c.end is None or st.turn <= c.end)


def _has_tech(c: HasTech, st: GameState, side: str) -> bool:
    if c.who == "self":  # (the usual question, asked without a list of one)
        t = st.sides[side].techs.get(c.tech)
        return t is not None and t.done
    for s in _who(st, side, c.who):
        t = s.techs.get(c.tech)
        if t is not None and t.done:
            return True
    return False


def _achieved(c: Achieved, st: GameState, side: str) -> bool:
    if c.by == "self":
        return c.milestone in st.sides[side].milestones
    return any(c.milestone in s.milestones for s in _who(st, side, c.by))


def _first_to(c: FirstTo, st: GameState, side: str) -> bool:
    order = st.firsts.get(c.milestone)
    if not order:
        return False
    first = order[0][0]
    return first == side if c.by == "self" else (first != side if c.by == "rival" else True)


def _flag(c: Flag, st: GameState, side: str) -> bool:
    pools = [st.flags] if c.scope == "global" else [s.flags for s in _who(st, side, c.scope)]
    for pool in pools:
        v = pool.get(c.flag, 0)
        if (c.value is None and v != 0) or (c.value is not None and v == c.value):
            return True
    return False


def _event_fired(c: EventFired, st: GameState, side: str) -> bool:
    if c.who == "self":
        return c.event in st.sides[side].events_fired
    return any(c.event in s.events_fired for s in _who(st, side, c.who))


def _compare(c: Compare, st: GameState, side: str) -> bool:
    return CMP[c.cmp](COMPARABLE[c.value](st, side, c.tech), c.to)


def _is_side(c: IsSide, st: GameState, side: str) -> bool:
    return side == c.side


_JUDGES: dict[type, Callable[..., bool]] = {
    All: _all,
    Any: _any,
    Not: _not,
    DateBetween: _date,
    HasTech: _has_tech,
    Achieved: _achieved,
    FirstTo: _first_to,
    Flag: _flag,
    EventFired: _event_fired,
    Compare: _compare,
    IsSide: _is_side,
}


def holds(cond: Condition | None, state: GameState, side: str) -> bool:
    """Whether `cond` is true for `side` now; no condition at all is always true."""
    if cond is None:
        return True
    return _JUDGES[type(cond)](cond, state, side)


Predicate = Callable[["GameState", str], bool]


def _always(st: GameState, side: str) -> bool:
    return True


def compile_condition(cond: Condition | None) -> Predicate:
    """`holds` for one condition, as a function of (state, side) that gives the same answers.

    The type dispatch and the reading of the condition's fields are done once, here: for the engine's
    hot loops, which ask a ruleset's same few hundred conditions every turn. The common kinds get a
    function of their own; the rest call their judge as `holds` would.
    """
    if cond is None:
        return _always
    if isinstance(cond, All):
        parts = tuple(compile_condition(c) for c in cond.of)

        def all_of(st: GameState, side: str) -> bool:
            for part in parts:  # noqa: SIM110 - as in _all
                if not part(st, side):
                    return False
            return True

        return all_of
    if isinstance(cond, Any):
        parts = tuple(compile_condition(c) for c in cond.of)

        def any_of(st: GameState, side: str) -> bool:
            for part in parts:  # noqa: SIM110 - as in _all
                if part(st, side):
                    return True
            return False

        return any_of
    if isinstance(cond, Not):
        inner = compile_condition(cond.cond)
        return lambda st, side: not inner(st, side)
    if isinstance(cond, DateBetween):
        start, end = cond.start, cond.end
        if end is None:
            return _always if start is None else lambda st, side: st.turn >= start
        if start is None:
            return lambda st, side: st.turn <= end
        return lambda st, side: start <= st.turn <= end
    if isinstance(cond, HasTech) and cond.who == "self":
        tech = cond.tech

        def has_tech(st: GameState, side: str) -> bool:
            t = st.sides[side].techs.get(tech)
            return t is not None and t.done

        return has_tech
    if isinstance(cond, Achieved):
        milestone, by = cond.milestone, cond.by
        if by == "self":
            return lambda st, side: milestone in st.sides[side].milestones

        def achieved(st: GameState, side: str) -> bool:
            for sid, s in st.sides.items():  # noqa: SIM110 - as in _all
                if milestone in s.milestones and (by != "rival" or sid != side):
                    return True
            return False

        return achieved
    if isinstance(cond, FirstTo):
        milestone, by = cond.milestone, cond.by

        def first_to(st: GameState, side: str) -> bool:
            order = st.firsts.get(milestone)
            if not order:
                return False
            return order[0][0] == side if by == "self" else (order[0][0] != side if by == "rival" else True)

        return first_to
    if isinstance(cond, EventFired) and cond.who == "self":
        event = cond.event
        return lambda st, side: event in st.sides[side].events_fired
    if isinstance(cond, Flag) and cond.scope in ("self", "global"):
        flag, wanted, scope = cond.flag, cond.value, cond.scope

        def flag_is(st: GameState, side: str) -> bool:
            v = (st.sides[side].flags if scope == "self" else st.flags).get(flag, 0)
            return v != 0 if wanted is None else v == wanted

        return flag_is
    if isinstance(cond, Compare):
        value, cmp, to, of = COMPARABLE[cond.value], CMP[cond.cmp], cond.to, cond.tech
        return lambda st, side: cmp(value(st, side, of), to)
    judge, c = _JUDGES[type(cond)], cond
    return lambda st, side: judge(c, st, side)


def date_window(cond: Condition | None) -> tuple[int | None, int | None]:
    """(first, last) turn on which `cond` can hold, None for no bound: what a `date_between` at its top,
    or directly inside a top-level `all`, allows (the tightest of them). Lets a caller skip asking."""
    if isinstance(cond, DateBetween):
        return cond.start, cond.end
    first: int | None = None
    last: int | None = None
    if isinstance(cond, All):
        for c in cond.of:
            if isinstance(c, DateBetween):
                if c.start is not None and (first is None or c.start > first):
                    first = c.start
                if c.end is not None and (last is None or c.end < last):
                    last = c.end
    return first, last


def own_needs(cond: Condition | None) -> tuple[list[str], list[str], bool]:
    """(own techs the condition asks for, own milestones it asks for, whether it also asks for something
    neither research nor this side's flights can bring), looking through `all`. The computer players
    plan toward the first two; the mission screen names those a side still lacks."""
    if cond is None:
        return [], [], False
    if isinstance(cond, HasTech) and cond.who == "self":
        return [cond.tech], [], False
    if isinstance(cond, Achieved) and cond.by == "self":
        return [], [cond.milestone], False
    if isinstance(cond, All):
        techs: list[str] = []
        milestones: list[str] = []
        gated = False
        for c in cond.of:
            t, ms, g = own_needs(c)
            techs += t
            milestones += ms
            gated = gated or g
        return techs, milestones, gated
    return [], [], True
