"""What a side may research, fly and buy now: the availability rules every screen, player and check asks."""

from __future__ import annotations

from game.engine.conditions import holds
from game.engine.index import MEMO_MAX, compiled
from game.engine.rules import Mission, Ruleset
from game.engine.state import GameState, SideState


def mission_available(state: GameState, side: str, mission: Mission) -> bool:
    return holds(mission.available, state, side)


def tech_available(state: GameState, side: str, tech_id: str) -> bool:
    requires, available = compiled(state.rules).tech_gates[tech_id]
    techs = state.sides[side].techs
    for r in requires:
        if not techs[r].done:
            return False
    return available is None or available(state, side)


def finished_techs(me: SideState) -> frozenset[str]:
    """The techs `me` has finished."""
    return frozenset([t for t, ts in me.techs.items() if ts.done])


def available_techs(state: GameState, side: str, finished: frozenset[str] | None = None) -> frozenset[str]:
    """Every tech `side` may research now: `tech_available` for all of them in one pass (`finished`: the side's
    `finished_techs`, when the caller has them already)."""
    c = compiled(state.rules)
    done = finished_techs(state.sides[side]) if finished is None else finished
    researchable = c.open_techs_after.get(done)
    if researchable is None:
        researchable = frozenset([t for t, requires in c.open_techs if done.issuperset(requires)])
        if len(c.open_techs_after) >= MEMO_MAX:
            c.open_techs_after.clear()
        c.open_techs_after[done] = researchable
    gated = [t for t, requires, available in c.gated_techs if done.issuperset(requires) and available(state, side)]
    return researchable.union(gated) if gated else researchable


def available_missions(state: GameState, side: str) -> frozenset[str]:
    """Every mission `side` may fly now: `mission_available` for all of them in one pass."""
    c = compiled(state.rules)
    gated = [m for m, available in c.gated_missions if available(state, side)]
    return c.open_missions.union(gated) if gated else c.open_missions


def closed_missions(state: GameState, side: str, available: frozenset[str] = frozenset()) -> frozenset[str]:
    """The missions `side` can never fly again in this game (not merely not yet): each one's `available` is
    false for good (`Condition.for_good`), as `not` over something lasting that has happened (a tech
    researched, a first flown, a service set up that nothing ends). `available`: missions the caller knows
    are available now (`available_missions`), and so not closed: they are not asked."""
    closable = compiled(state.rules).closable_missions
    found = [m for m, closed in closable if m not in available and closed(state, side)] if closable else None
    return frozenset(found) if found else _NONE


_NONE: frozenset[str] = frozenset()


def hardware_unlocked(me: SideState, rules: Ruleset, hardware: str) -> bool:
    return me.techs[rules.hardware[hardware].tech].done
