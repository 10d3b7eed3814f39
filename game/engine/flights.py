"""Missions flying: the odds settled at the end of planning, the launch order, each step's die, and what a
flight earns, costs and teaches."""

from __future__ import annotations

from game.engine import events as ev
from game.engine.crew import crew_flew, crew_ready
from game.engine.effects import apply_effects
from game.engine.odds import MissionOdds, milestone_prestige, mission_odds
from game.engine.state import GameState, LaunchRecord, PlannedMission, SideState

Flight = tuple[PlannedMission, MissionOdds]


def settle_odds(st: GameState) -> dict[str, list[Flight]]:
    """Every side's planned flights with the odds they will fly at: `mission_odds` as planning left the state."""
    rules = st.rules
    return {
        sid: [(p, mission_odds(rules, me, rules.missions[p.mission], p.hardware, p.crew)) for p in me.plan]
        for sid, me in st.sides.items()
    }


def fly_missions(st: GameState, flights: dict[str, list[Flight]], out: list[ev.Event]) -> None:
    order = list(st.sides)
    if not any(flights[s] for s in order):
        return
    k = st.rng.below(len(order))
    order = order[k:] + order[:k]
    queues = {s: list(flights[s]) for s in order}
    for s in order:
        st.sides[s].plan.clear()
    while any(queues.values()):
        for s in order:
            if queues[s]:
                plan, odds = queues[s].pop(0)
                _fly(st, st.sides[s], plan, odds, out)


def _fly(st: GameState, me: SideState, plan: PlannedMission, odds: MissionOdds, out: list[ev.Event]) -> None:
    rules = st.rules
    m = rules.missions[plan.mission]
    if any(not crew_ready(me, c) for c in plan.crew):
        me.cash += plan.cost
        out.append(ev.MissionScrubbed(me.id, m.id, "crew"))
        st.public_log.append(LaunchRecord(st.turn, me.id, m.id, "scrubbed"))
        return
    for _, hw in plan.hardware:
        me.hardware[hw] -= 1
    me.launches += 1
    settled = (odds.success, odds.partial, odds.failure, odds.crew_lost)
    out.append(ev.MissionLaunched(me.id, m.id, plan.crew, settled, plan.hardware))
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
        st.public_log.append(LaunchRecord(st.turn, me.id, m.id, "crew_lost" if crew_lost else "failure", plan.crew))
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
        p = m.prestige.success
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
    st.public_log.append(LaunchRecord(st.turn, me.id, m.id, outcome, plan.crew))
