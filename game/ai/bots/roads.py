"""What a goal takes, worked out from a PlayerView and the rules: the missions and techs that reach some
milestones, the chain of rate-capped research that sets their date, and the prizes still open.

Part of the scripted bots' toolbox (game/ai/bots): it uses only `game.engine`'s public helpers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine import Mission, PlayerView, Ruleset, own_needs

# ------------------------------------------------------------------------------------------ what a goal takes


def victory_milestones(rules: Ruleset) -> list[str]:
    """The milestones a side must reach itself to win (what the victory conditions ask for)."""
    wanted: list[str] = []
    for v in rules.victory:
        _, milestones, _ = own_needs(v.when)
        wanted += [m for m in milestones if m not in wanted]
    return wanted


def closure(rules: Ruleset, techs: Iterable[str]) -> set[str]:
    """The techs and every prerequisite under them."""
    out: set[str] = set()
    stack = list(techs)
    while stack:
        t = stack.pop()
        if t not in out:
            out.add(t)
            stack.extend(rules.techs[t].requires)
    return out


def research_left(view: PlayerView, techs: Iterable[str]) -> int:
    """Research points still to spend to finish all of `techs` (and their prerequisites)."""
    me = view.me
    return sum(
        view.rules.techs[t].cost - me.techs[t].progress for t in closure(view.rules, techs) if not me.techs[t].done
    )


def slot_hardware(view: PlayerView, options: Iterable[str]) -> str:
    """The option of a slot that is least research away (the most reliable among those already unlocked)."""
    rules, me = view.rules, view.me

    def key(hw: str) -> tuple[int, int, int]:
        tech = rules.hardware[hw].tech
        return (research_left(view, [tech]), -me.reliability(tech), rules.hardware[hw].unit_cost)

    return min(options, key=key)


def mission_techs(view: PlayerView, mission: Mission) -> set[str]:
    """The techs (prerequisites included) of the cheapest way to fill every slot of `mission`, and those its
    availability asks for."""
    techs = {view.rules.hardware[slot_hardware(view, s.options)].tech for s in mission.slots}
    techs |= set(own_needs(mission.available)[0])
    return closure(view.rules, techs)


def missions_for(rules: Ruleset, milestone: str) -> list[Mission]:
    return [m for m in rules.missions.values() if milestone in m.milestones]


def cheapest_mission(view: PlayerView, milestone: str) -> Mission | None:
    """The mission that earns `milestone` for the least research still to do (None if none does)."""
    options = missions_for(view.rules, milestone)
    if not options:
        return None
    return min(options, key=lambda m: (research_left(view, mission_techs(view, m)), m.cost, m.id))


@dataclass(frozen=True, slots=True)
class Road:
    """What reaching some milestones takes: the missions to fly, prerequisites first, and the techs."""

    missions: tuple[str, ...]
    techs: frozenset[str]


def road_to(view: PlayerView, milestones: Iterable[str]) -> Road:
    """The missions (stepping stones before the missions they open) and techs that reach `milestones`."""
    missions: list[str] = []
    techs: set[str] = set()
    seen: set[str] = set()

    def reach(milestone: str) -> None:
        if milestone in seen or milestone in view.me.milestones:
            return
        seen.add(milestone)
        mission = cheapest_mission(view, milestone)
        if mission is None:
            return
        need_techs, need_milestones, _ = own_needs(mission.available)
        for m in need_milestones:
            reach(m)
        techs.update(mission_techs(view, mission))
        techs.update(closure(view.rules, need_techs))
        if mission.id not in missions:
            missions.append(mission.id)

    for m in milestones:
        reach(m)
    return Road(tuple(missions), frozenset(techs))


def flight_techs(view: PlayerView, missions: Iterable[str]) -> set[str]:
    """The techs whose reliability the steps of `missions` test (with the hardware a slot would use)."""
    rules = view.rules
    out: set[str] = set()
    for mid in missions:
        m = rules.missions[mid]
        chosen = {s.id: rules.hardware[slot_hardware(view, s.options)].tech for s in m.slots}
        out.update(chosen[st.slot] for st in m.steps)
    return out


def _chain_lengths(view: PlayerView, techs: Iterable[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """For each unfinished tech of `techs`: the rate-capped quarters of the longest chain it starts (itself and
    the techs of `techs` waiting on it), and those techs."""
    rules, me = view.rules, view.me
    todo = [t for t in techs if not me.techs[t].done]
    todo_set = set(todo)
    after: dict[str, list[str]] = {t: [] for t in todo}
    for t in todo:
        for r in rules.techs[t].requires:
            if r in todo_set:
                after[r].append(t)
    memo: dict[str, int] = {}

    def length(t: str) -> int:
        if t not in memo:
            tech = rules.techs[t]
            quarters = -(-(tech.cost - me.techs[t].progress) // tech.rate_cap)
            memo[t] = quarters + max((length(d) for d in after[t]), default=0)
        return memo[t]

    for t in todo:
        length(t)
    return memo, after


def critical_order(view: PlayerView, techs: Iterable[str]) -> list[str]:
    """The unfinished techs of `techs`, longest chain of rate-capped quarters first: the ones that hold the
    goal back most are funded first."""
    lengths, _ = _chain_lengths(view, techs)
    return sorted(lengths, key=lambda t: (-lengths[t], t))


def critical_chain(view: PlayerView, techs: Iterable[str]) -> list[str]:
    """The longest chain of rate-capped research among the unfinished `techs`: what sets the goal's date."""
    lengths, after = _chain_lengths(view, techs)
    chain: list[str] = []
    ready = [t for t in lengths if not any(r in lengths for r in view.rules.techs[t].requires)]
    step = max(ready, key=lambda t: (lengths[t], t), default=None)
    while step is not None:
        chain.append(step)
        step = max(after[step], key=lambda t: (lengths[t], t), default=None)
    return chain


def slack(view: PlayerView, techs: Iterable[str]) -> dict[str, int]:
    """For each unfinished tech of `techs`, the quarters its research could wait without holding back the
    longest chain (0 on the critical chain itself)."""
    lengths, _ = _chain_lengths(view, techs)
    longest = max(lengths.values(), default=0)
    rules = view.rules
    # A tech's chain counts what waits on it; what it waits on comes first, so its start is also held back.
    before: dict[str, int] = {}

    def wait(t: str) -> int:
        if t not in before:
            tech = rules.techs[t]
            before[t] = max(
                (
                    wait(r) + -(-(rules.techs[r].cost - view.me.techs[r].progress) // rules.techs[r].rate_cap)
                    for r in tech.requires
                    if r in lengths
                ),
                default=0,
            )
        return before[t]

    return {t: longest - lengths[t] - wait(t) for t in lengths}


def quarters_to(view: PlayerView, techs: Iterable[str]) -> int:
    """Quarters of rate-capped research at least before every tech of `techs` is finished (0 when they are)."""
    lengths, _ = _chain_lengths(view, closure(view.rules, techs))
    return max(lengths.values(), default=0)


def list_price(rules: Ruleset, mission: Mission) -> int:
    """What a flight of `mission` costs with the cheapest unit in every slot and none in store."""
    return mission.cost + sum(min(rules.hardware[h].unit_cost for h in slot.options) for slot in mission.slots)


# ------------------------------------------------------------------------------------------ prizes


def open_prizes(view: PlayerView, crewed: bool | None = None) -> list[str]:
    """The milestones this side has not reached that some mission earns, richest prize first; with `crewed`,
    only those earned by crewed (True) or uncrewed (False) missions."""
    out: list[tuple[int, str]] = []
    for ms in view.rules.milestones:
        _, prestige = view.prize(ms)
        if prestige <= 0:
            continue
        missions = missions_for(view.rules, ms)
        if not missions or (crewed is not None and all(bool(m.crew) != crewed for m in missions)):
            continue
        out.append((-prestige, ms))
    return [ms for _, ms in sorted(out)]


def is_first(view: PlayerView, milestone: str) -> bool:
    """Whether nobody has reached `milestone` yet (the first's prize is still there)."""
    return not view.firsts.get(milestone)
