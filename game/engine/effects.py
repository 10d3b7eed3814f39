"""The closed vocabulary of effects events and missions can have, and how each changes the state.

An effect is applied for one side ("self"); `target: rival` applies it to every other side.
Effects only ever mutate a state that `apply` has already cloned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import events as ev
from game.engine.state import SERVING, CrewStatus

if TYPE_CHECKING:
    from game.engine.state import GameState, SideState

# Hard bounds that keep every number a scenario can push in range.
MAX_MONEY = 1_000_000
MAX_PRESTIGE = 100_000


@dataclass(frozen=True, slots=True)
class AddBudget:
    amount: int  # changes the yearly budget from next year on
    target: str = "self"


@dataclass(frozen=True, slots=True)
class AddCash:
    amount: int
    target: str = "self"


@dataclass(frozen=True, slots=True)
class AddPrestige:
    amount: int
    target: str = "self"


@dataclass(frozen=True, slots=True)
class ResearchProgress:
    tech: str
    amount: int  # research points; on a finished tech, reliability points instead
    target: str = "self"


@dataclass(frozen=True, slots=True)
class ModifyReliability:
    tech: str
    amount: int
    target: str = "self"


@dataclass(frozen=True, slots=True)
class ResearchRate:
    amount: int  # percent points added to the side's research rate
    target: str = "self"


@dataclass(frozen=True, slots=True)
class SetFlag:
    flag: str
    value: int = 1
    scope: str = "self"  # self, rival or global


@dataclass(frozen=True, slots=True)
class QueueEvent:
    event: str
    delay: int = 1  # turns from now
    target: str = "self"


@dataclass(frozen=True, slots=True)
class CrewMorale:
    amount: int
    target: str = "self"


@dataclass(frozen=True, slots=True)
class InjureCrew:
    count: int = 1
    turns: int = 0  # 0: the scenario's usual injury time
    target: str = "self"


@dataclass(frozen=True, slots=True)
class LoseCrew:
    count: int = 1  # active crew members who die (an accident on the ground)
    target: str = "self"


@dataclass(frozen=True, slots=True)
class Weighted:
    weight: int
    effects: tuple[Effect, ...]


@dataclass(frozen=True, slots=True)
class RandomOneOf:
    options: tuple[Weighted, ...]


Effect = (
    AddBudget
    | AddCash
    | AddPrestige
    | ResearchProgress
    | ModifyReliability
    | ResearchRate
    | SetFlag
    | QueueEvent
    | CrewMorale
    | InjureCrew
    | LoseCrew
    | RandomOneOf
)


def _clamp(v: int, lo: int, hi: int) -> int:
    return lo if v < lo else hi if v > hi else v


def _targets(state: GameState, side: str, target: str) -> list[SideState]:
    if target == "self":
        return [state.sides[side]]
    return [s for sid, s in state.sides.items() if sid != side]


def _add_budget(e: AddBudget, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        s.budget_mod = _clamp(s.budget_mod + e.amount, -MAX_MONEY, MAX_MONEY)
        out.append(ev.BudgetChanged(s.id, e.amount))


def _add_cash(e: AddCash, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        s.cash = _clamp(s.cash + e.amount, -MAX_MONEY, MAX_MONEY)
        out.append(ev.CashChanged(s.id, e.amount))


def _add_prestige(e: AddPrestige, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        s.add_prestige(e.amount)
        out.append(ev.PrestigeChanged(s.id, e.amount, "event"))


def _research_progress(e: ResearchProgress, st: GameState, side: str, out: list[ev.Event]) -> None:
    tech = st.rules.techs[e.tech]
    for s in _targets(st, side, e.target):
        ts = s.techs[e.tech]
        if ts.done:
            ts.reliability = _clamp(ts.reliability + e.amount, 0, tech.ceiling)
        else:
            ts.progress = _clamp(ts.progress + e.amount, 0, tech.cost)
            if ts.progress >= tech.cost:
                st.finish_tech(s, tech, out)


def _modify_reliability(e: ModifyReliability, st: GameState, side: str, out: list[ev.Event]) -> None:
    tech = st.rules.techs[e.tech]
    for s in _targets(st, side, e.target):
        ts = s.techs[e.tech]
        if ts.done:
            before = ts.reliability
            ts.reliability = _clamp(ts.reliability + e.amount, 0, tech.ceiling)
            out.append(ev.ReliabilityChanged(s.id, e.tech, ts.reliability - before, ts.reliability))


def _research_rate(e: ResearchRate, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        s.research_rate = _clamp(s.research_rate + e.amount, 10, 400)


def _set_flag(e: SetFlag, st: GameState, side: str, out: list[ev.Event]) -> None:
    if e.scope == "global":
        st.flags[e.flag] = e.value
        return
    for s in _targets(st, side, e.scope):
        s.flags[e.flag] = e.value


def _queue_event(e: QueueEvent, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        st.queued.append((st.turn + max(1, e.delay), s.id, e.event))


def _crew_morale(e: CrewMorale, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        for c in s.crews.values():
            if c.status in SERVING:
                c.morale = _clamp(c.morale + e.amount, 0, 100)


def _injure_crew(e: InjureCrew, st: GameState, side: str, out: list[ev.Event]) -> None:
    turns = e.turns or st.rules.settings.injury_turns
    for s in _targets(st, side, e.target):
        pool = [cid for cid, c in s.crews.items() if c.status == CrewStatus.ACTIVE]
        for _ in range(min(e.count, len(pool))):
            cid = pool.pop(st.rng.below(len(pool)))
            s.crews[cid].status = CrewStatus.INJURED
            s.crews[cid].injured_until = st.turn + turns
            out.append(ev.CrewInjured(s.id, cid, turns))


def _lose_crew(e: LoseCrew, st: GameState, side: str, out: list[ev.Event]) -> None:
    for s in _targets(st, side, e.target):
        pool = [cid for cid, c in s.crews.items() if c.status == CrewStatus.ACTIVE]
        for _ in range(min(e.count, len(pool))):
            cid = pool.pop(st.rng.below(len(pool)))
            st.kill_crew(s, cid, out)


def _random_one_of(e: RandomOneOf, st: GameState, side: str, out: list[ev.Event]) -> None:
    total = sum(max(0, o.weight) for o in e.options)
    if total <= 0:
        return
    pick = st.rng.below(total)
    for o in e.options:
        pick -= max(0, o.weight)
        if pick < 0:
            apply_effects(o.effects, st, side, out)
            return


_APPLIERS: dict[type, Callable[..., None]] = {
    AddBudget: _add_budget,
    AddCash: _add_cash,
    AddPrestige: _add_prestige,
    ResearchProgress: _research_progress,
    ModifyReliability: _modify_reliability,
    ResearchRate: _research_rate,
    SetFlag: _set_flag,
    QueueEvent: _queue_event,
    CrewMorale: _crew_morale,
    InjureCrew: _injure_crew,
    LoseCrew: _lose_crew,
    RandomOneOf: _random_one_of,
}


def apply_effects(effects: tuple[Effect, ...], state: GameState, side: str, out: list[ev.Event]) -> None:
    for e in effects:
        _APPLIERS[type(e)](e, state, side, out)
