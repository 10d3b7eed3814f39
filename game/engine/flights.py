"""Missions flying: the odds settled at the end of planning, the launch order, each step's die, and what a
flight earns, costs and teaches.

The launch order (`flight_order`) is what a player can see and plan around: flights go in launch-window
order; inside one window the sides take turns, one flight each, the side with fewer firsts so far first
(equal: the scenario's order of sides), and each side's flights in the order it planned them. No die
decides it."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.crew import crew_flew, crew_ready
from game.engine.effects import apply_effects
from game.engine.index import compiled
from game.engine.odds import MissionOdds, flight_prestige, milestone_prestige, mission_odds, successes
from game.engine.state import GameState, LaunchRecord, PlannedMission, SideState

Flight = tuple[PlannedMission, MissionOdds]


def settle_odds(st: GameState) -> dict[str, list[Flight]]:
    """Every side's planned flights with the odds they will fly at: `mission_odds` as planning left the state."""
    rules = st.rules
    return {
        sid: [(p, mission_odds(rules, me, rules.missions[p.mission], p.hardware, p.crew, p.window)) for p in me.plan]
        for sid, me in st.sides.items()
    }


def firsts_of(st: GameState) -> dict[str, int]:
    """How many firsts (milestones reached before anyone else) each side holds."""
    count = dict.fromkeys(st.sides, 0)
    for ranking in st.firsts.values():
        if ranking and ranking[0][0] in count:
            count[ranking[0][0]] += 1
    return count


def launch_priority(st: GameState) -> list[str]:
    """The sides in the order they launch inside one window: fewer firsts so far first, then the scenario's order."""
    count = firsts_of(st)
    return sorted(st.sides, key=count.__getitem__)  # (a stable sort: equal counts keep the scenario's order)


def flight_order(st: GameState, flights: dict[str, list[Flight]]) -> list[tuple[str, PlannedMission, MissionOdds]]:
    """Every planned flight as (side, plan, odds) in the order they launch (see the module's docstring)."""
    windows = {w.id: i for i, w in enumerate(st.rules.launch_windows)}
    rank = {s: i for i, s in enumerate(launch_priority(st))}
    keyed: list[tuple[tuple[int, int, int], str, PlannedMission, MissionOdds]] = []
    for side, planned in flights.items():
        turn_in_window: dict[int, int] = {}
        for plan, odds in planned:
            w = windows.get(plan.window, len(windows) - 1)  # "" (a save from before windows): the default, the last
            n = turn_in_window[w] = turn_in_window.get(w, -1) + 1
            keyed.append(((w, n, rank[side]), side, plan, odds))
    keyed.sort(key=lambda k: k[0])
    return [(side, plan, odds) for _, side, plan, odds in keyed]


def fly_missions(st: GameState, flights: dict[str, list[Flight]], out: list[ev.Event]) -> list[str]:
    """Fly every planned flight in launch order; returns the sides for which a victory came to hold after one of
    their flights, in the order it did (the first crew home from the Moon wins, not the side with more prestige)."""
    if not any(flights.values()):
        return []
    order = flight_order(st, flights)
    for s in flights:
        st.sides[s].plan.clear()
    victory = () if st.decided else compiled(st.rules).victory[st.victory_mode]
    won: list[str] = []
    for side, plan, odds in order:
        _fly(st, st.sides[side], plan, odds, out)
        if victory and side not in won and any(when(st, side) for _, when in victory):
            won.append(side)
    return won


def _fly(st: GameState, me: SideState, plan: PlannedMission, odds: MissionOdds, out: list[ev.Event]) -> None:
    rules = st.rules
    m = rules.missions[plan.mission]
    if any(not crew_ready(me, c) for c in plan.crew):
        me.cash += plan.cost
        out.append(ev.MissionScrubbed(me.id, m.id, "crew"))
        st.public_log.append(LaunchRecord(st.turn, me.id, m.id, "scrubbed", (), plan.window))
        return
    for _, hw in plan.hardware:
        me.hardware[hw] -= 1
    me.launches += 1
    settled = (odds.success, odds.partial, odds.failure, odds.crew_lost)
    out.append(ev.MissionLaunched(me.id, m.id, plan.crew, settled, plan.hardware, plan.window))
    s = rules.settings
    failed_step: str | None = None
    flawed_step: str | None = None
    crew_lost = False
    for step, settled in zip(m.steps, odds.steps, strict=True):
        tech = settled.tech
        ts = me.techs[tech]
        chance = settled.chance  # what this flight teaches counts from the next quarter
        roll = st.rng.percent()
        passed = roll <= chance
        out.append(ev.StepRolled(me.id, m.id, step.id, chance, roll, passed))
        ts.flights += 1
        learn = s.flight_learning if passed else s.failure_learning
        if not passed:
            ts.failures += 1
        ceiling = rules.techs[tech].ceiling
        if ts.reliability < ceiling and learn:
            before = ts.reliability
            ts.reliability = min(ceiling, ts.reliability + learn)
            out.append(ev.ReliabilityChanged(me.id, tech, ts.reliability - before, ts.reliability))  # what it taught
        if passed:
            continue
        if step.critical:
            failed_step = step.id
            crew_lost = bool(plan.crew) and st.rng.percent() <= step.fatal
            break
        flawed_step = flawed_step or step.id
    if failed_step is not None:
        p = m.prestige.death if crew_lost else m.prestige.failure
        me.add_prestige(p)
        out.append(ev.MissionFailed(me.id, m.id, failed_step, crew_lost))
        out.append(ev.PrestigeChanged(me.id, p, "failure"))
        if crew_lost:
            for c in plan.crew:
                st.kill_crew(me, c, out)
        else:
            crew_flew(st, me, plan.crew, False)
        st.public_log.append(
            LaunchRecord(st.turn, me.id, m.id, "crew_lost" if crew_lost else "failure", plan.crew, plan.window)
        )
        return
    new_rank = 0
    for ms_id in m.milestones:
        if ms_id in me.milestones:
            continue
        ms = rules.milestones[ms_id]
        ranking = st.firsts.setdefault(ms_id, [])
        rank = len(ranking) + 1
        ranking.append((me.id, st.turn))
        me.milestones[ms_id] = st.turn
        p = milestone_prestige(ms, rank)
        me.add_prestige(p)
        out.append(ev.MilestoneAchieved(me.id, ms_id, rank, p))
        new_rank = new_rank or rank
    if not new_rank:
        p = flight_prestige(m, successes(st.public_log, me.id)[m.id]) if m.prestige.success else 0
        me.add_prestige(p)
        out.append(ev.PrestigeChanged(me.id, p, "mission"))
    if flawed_step is not None:
        me.add_prestige(m.prestige.partial)
        out.append(ev.MissionPartlySucceeded(me.id, m.id, flawed_step))
        outcome = "partial"
    else:
        out.append(ev.MissionSucceeded(me.id, m.id))
        outcome = "success"
    crew_flew(st, me, plan.crew, True)
    apply_effects(m.effects, st, me.id, out)
    st.public_log.append(LaunchRecord(st.turn, me.id, m.id, outcome, plan.crew, plan.window))
