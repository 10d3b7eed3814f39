"""The engine's public contract: new_game, legal_actions, validate, apply, is_over, outcome, state_hash.

`apply` never mutates its input. When the last side ends its planning, `apply` plays the rest of
the turn in a fixed order (see `_resolve_turn`) and returns the events of all of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from game.engine import events as ev
from game.engine.actions import (
    Action,
    BuyHardware,
    CancelMission,
    Decide,
    EndTurn,
    FundIntelligence,
    FundResearch,
    IllegalAction,
    PlanMission,
    RecruitCrew,
    Rejection,
    RejectionCode,
)
from game.engine.conditions import Condition, Predicate, compile_condition, date_window, holds
from game.engine.crew import best_crew, crew_ready
from game.engine.effects import MAX_MONEY, apply_effects
from game.engine.odds import (
    MissionOdds,
    instalment,
    lasting_from_prestige,
    mission_odds,
    next_budget,
    order_cost,
    planned_spending,
    reliability_gain,
    research_points,
    useful_funding,
)
from game.engine.rng import Rng
from game.engine.rules import Event, Mission, Ruleset
from game.engine.serialize import state_to_dict
from game.engine.state import (
    CREW_ACTIVE,
    CREW_CANDIDATE,
    CREW_DEAD,
    CREW_INJURED,
    CREW_RETIRED,
    CREW_TRAINING,
    PHASE_OVER,
    PHASE_PLANNING,
    CrewState,
    Decision,
    GameState,
    IntelEstimate,
    LaunchRecord,
    PlannedMission,
    SideState,
    TechState,
)

MAX_HARDWARE_ORDER = 20
MAX_CREW_UNITS = 100
MAX_TURN = 1 << 30  # later than any date: an open end


@dataclass(frozen=True, slots=True)
class Setup:
    """Who plays each side: `human` or `ai:<level>`; the engine records it and plays no differently."""

    controllers: tuple[tuple[str, str], ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    play_on: bool = False  # after a side wins, play on to the end date (the result stands); for the era's later firsts

    def controller(self, side: str) -> str:
        return dict(self.controllers).get(side, "human")


@dataclass(frozen=True, slots=True)
class Outcome:
    winner: str | None
    reason: str
    prestige: tuple[tuple[str, int], ...]
    turn: int
    milestones: dict[str, tuple[str, int]] = field(default_factory=dict)  # first to each: (side, turn)


# --------------------------------------------------------------------------------------------
# a ruleset's conditions, compiled once


@dataclass(frozen=True, slots=True)
class Compiled:
    """A ruleset's conditions as predicates (see `compile_condition`), in the order the engine asks them;
    a predicate of None stands for no condition (always true), so that callers skip the call."""

    rules: Ruleset
    tech_gates: dict[str, tuple[frozenset[str], Predicate | None]]  # tech -> (its requirements, available)
    open_techs: tuple[tuple[str, frozenset[str]], ...]  # (tech, its requirements) for techs with no condition
    gated_techs: tuple[tuple[str, frozenset[str], Predicate], ...]  # (tech, its requirements, available)
    # The open techs a set of finished techs makes researchable: asked on every view, and a side's
    # finished techs change a few dozen times a game (a bounded memo).
    open_techs_after: dict[frozenset[str], frozenset[str]]
    open_missions: frozenset[str]  # missions with no `available` condition
    gated_missions: tuple[tuple[str, Predicate], ...]  # (mission, available) for the others
    # (event, first and last turn it can fire (date_window), the sides it is for or None for all,
    # turns between firings or None if once, when)
    news: tuple[tuple[Event, int, int, frozenset[str] | None, int | None, Predicate], ...]
    victory: tuple[tuple[str, Predicate], ...]  # (victory, when)


def _predicate(cond: Condition | None) -> Predicate | None:
    return None if cond is None else compile_condition(cond)


def _compile(rules: Ruleset) -> Compiled:
    # (Requirements as sets: set.issuperset takes a set fastest.)
    techs = tuple((t.id, frozenset(t.requires), _predicate(t.available)) for t in rules.techs.values())
    return Compiled(
        rules,
        {t: (requires, available) for t, requires, available in techs},
        tuple((t, requires) for t, requires, available in techs if available is None),
        tuple((t, requires, available) for t, requires, available in techs if available is not None),
        {},
        frozenset(m.id for m in rules.missions.values() if m.available is None),
        tuple((m.id, compile_condition(m.available)) for m in rules.missions.values() if m.available is not None),
        tuple(_news_entry(e) for e in rules.events.values()),
        tuple((v.id, compile_condition(v.when)) for v in rules.victory),
    )


def _news_entry(e: Event) -> tuple[Event, int, int, frozenset[str] | None, int | None, Predicate]:
    first, last = date_window(e.when)
    return (
        e,
        -MAX_TURN if first is None else first,
        MAX_TURN if last is None else last,
        frozenset(e.sides) or None,
        None if e.once else max(1, e.cooldown),
        compile_condition(e.when),
    )


_COMPILED: list[Compiled] = []  # the latest first; each holds its ruleset, which is matched by identity
_COMPILED_MAX = 16  # a game plays one ruleset; tests and tools load many
_MEMO_MAX = 512  # sets of finished techs remembered per ruleset (a game meets a few dozen)


def compiled(rules: Ruleset) -> Compiled:
    """The ruleset's compiled conditions, made on first use."""
    for c in _COMPILED:
        if c.rules is rules:
            return c
    c = _compile(rules)
    _COMPILED.insert(0, c)
    del _COMPILED[_COMPILED_MAX:]
    return c


# --------------------------------------------------------------------------------------------
# a new game


def new_game(rules: Ruleset, setup: Setup | None = None, seed: int = 0) -> GameState:
    s = rules.settings
    sides: dict[str, SideState] = {}
    for side in rules.sides:
        techs = {t: TechState() for t in rules.techs}
        for tech_id, points in side.start_progress:
            techs[tech_id].progress = min(points, rules.techs[tech_id].cost)
        for tech_id, rel in side.start_techs:
            tech = rules.techs[tech_id]
            techs[tech_id] = TechState(progress=tech.cost, done=True, reliability=min(rel or tech.base, tech.ceiling))
        crews = {
            cid: CrewState(CREW_CANDIDATE, dict(c.skills), s.morale_start)
            for cid, c in rules.crews.items()
            if c.side == side.id
        }
        for cid in side.start_crew:
            crews[cid].status = CREW_ACTIVE
        hardware = {h: 0 for h in rules.hardware}
        for h, n in side.start_hardware:
            hardware[h] = n
        sides[side.id] = SideState(
            id=side.id,
            cash=side.start_cash,
            budget=side.budget,
            budget_base=side.budget,
            budget_mod=0,
            prestige=side.prestige,
            prestige_year=0,
            research_rate=side.research_rate,
            techs=techs,
            hardware=hardware,
            crews=crews,
        )
    state = GameState(rules, seed, s.start, PHASE_PLANNING, sides, Rng.from_seed(seed))
    state.play_on = setup is not None and setup.play_on
    # Milestones reached before the start: ranked by date (then side order); no prestige is paid.
    reached = sorted(
        (turn, order, i, side.id, ms)
        for i, side in enumerate(rules.sides)
        for ms, turn, order in side.start_milestones
    )
    for turn, _, _, side_id, ms in reached:
        state.sides[side_id].milestones[ms] = turn
        state.firsts.setdefault(ms, []).append((side_id, turn))
    for side_state in state.sides.values():
        _pay_instalment(state, side_state, [])
        _record_history(state, side_state)
    return state


# --------------------------------------------------------------------------------------------
# what a side may do


def mission_available(state: GameState, side: str, mission: Mission) -> bool:
    return holds(mission.available, state, side)


def tech_available(state: GameState, side: str, tech_id: str) -> bool:
    requires, available = compiled(state.rules).tech_gates[tech_id]
    techs = state.sides[side].techs
    for r in requires:
        if not techs[r].done:
            return False
    return available is None or available(state, side)


def available_techs(state: GameState, side: str) -> frozenset[str]:
    """Every tech `side` may research now: `tech_available` for all of them in one pass."""
    c = compiled(state.rules)
    done = frozenset([t for t, ts in state.sides[side].techs.items() if ts.done])
    researchable = c.open_techs_after.get(done)
    if researchable is None:
        researchable = frozenset([t for t, requires in c.open_techs if done.issuperset(requires)])
        if len(c.open_techs_after) >= _MEMO_MAX:
            c.open_techs_after.clear()
        c.open_techs_after[done] = researchable
    gated = [t for t, requires, available in c.gated_techs if done.issuperset(requires) and available(state, side)]
    return researchable.union(gated) if gated else researchable


def available_missions(state: GameState, side: str) -> frozenset[str]:
    """Every mission `side` may fly now: `mission_available` for all of them in one pass."""
    c = compiled(state.rules)
    gated = [m for m, available in c.gated_missions if available(state, side)]
    return c.open_missions.union(gated) if gated else c.open_missions


def hardware_unlocked(me: SideState, rules: Ruleset, hardware: str) -> bool:
    return me.techs[rules.hardware[hardware].tech].done


def _reject(
    code: RejectionCode, message: str, needed: int | None = None, have: int | None = None, subject: str | None = None
) -> Rejection:
    return Rejection(code, message, needed, have, subject)


def _check_research(state: GameState, me: SideState, a: FundResearch) -> Rejection | None:
    if a.tech not in state.rules.techs:
        return _reject(RejectionCode.UNKNOWN_TECH, f"no tech {a.tech!r}")
    if a.amount < 0 or a.amount > MAX_MONEY:
        return _reject(RejectionCode.BAD_AMOUNT, "funding must be between 0 and the money there is")
    if a.amount > 0 and not me.techs[a.tech].done and not tech_available(state, me.id, a.tech):
        return _reject(RejectionCode.TECH_LOCKED, f"{a.tech} needs its prerequisites first")
    return None


def _check_buy(state: GameState, me: SideState, a: BuyHardware) -> Rejection | None:
    hw = state.rules.hardware.get(a.hardware)
    if hw is None:
        return _reject(RejectionCode.UNKNOWN_HARDWARE, f"no hardware {a.hardware!r}")
    if not 1 <= a.count <= MAX_HARDWARE_ORDER:
        return _reject(RejectionCode.BAD_AMOUNT, f"buy between 1 and {MAX_HARDWARE_ORDER} units at a time", MAX_HARDWARE_ORDER, a.count)
    if not hardware_unlocked(me, state.rules, a.hardware):
        return _reject(RejectionCode.HARDWARE_LOCKED, f"{a.hardware} needs {hw.tech} researched first")
    if me.hardware[a.hardware] + a.count > MAX_CREW_UNITS:
        return _reject(RejectionCode.BAD_AMOUNT, "storage is full", MAX_CREW_UNITS, me.hardware[a.hardware] + a.count)
    cost = order_cost(state.rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"{a.count} × {a.hardware} costs {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_recruit(state: GameState, me: SideState, a: RecruitCrew) -> Rejection | None:
    member = state.rules.crews.get(a.crew)
    if member is None or member.side != me.id:
        return _reject(RejectionCode.UNKNOWN_CREW, f"no candidate {a.crew!r} on this side")
    if me.crews[a.crew].status != CREW_CANDIDATE:
        return _reject(RejectionCode.CREW_UNAVAILABLE, f"{a.crew} is not a candidate")
    if member.available > state.turn:
        return _reject(RejectionCode.CREW_UNAVAILABLE, f"{a.crew} cannot be recruited before {state.rules.date_label(member.available)}")
    cost = order_cost(state.rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"recruiting costs {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_plan(state: GameState, me: SideState, a: PlanMission) -> Rejection | None:
    rules = state.rules
    m = rules.missions.get(a.mission)
    if m is None:
        return _reject(RejectionCode.UNKNOWN_MISSION, f"no mission {a.mission!r}")
    if len(me.plan) >= rules.settings.max_missions_per_turn:
        limit = rules.settings.max_missions_per_turn
        return _reject(RejectionCode.TOO_MANY_MISSIONS, f"at most {limit} launches a turn", limit, len(me.plan))
    if not mission_available(state, me.id, m):
        return _reject(RejectionCode.MISSION_UNAVAILABLE, f"{a.mission} is not available yet")
    chosen = dict(a.hardware)
    if len(chosen) != len(a.hardware) or set(chosen) != {s.id for s in m.slots}:
        return _reject(RejectionCode.MISSING_HARDWARE, f"{a.mission} needs hardware for slots {[s.id for s in m.slots]}")
    needed: dict[str, int] = {}
    for slot in m.slots:
        hw = chosen[slot.id]
        if hw not in slot.options:
            return _reject(RejectionCode.WRONG_HARDWARE, f"{hw} cannot fill slot {slot.id} of {a.mission}")
        needed[hw] = needed.get(hw, 0) + 1
    for hw, n in needed.items():
        free = me.hardware.get(hw, 0) - me.reserved_hardware(hw)
        if free < n:
            return _reject(RejectionCode.MISSING_HARDWARE, f"no {hw} in store for {a.mission}: buy one first", n, free, hw)
    if len(a.crew) != m.crew or len(set(a.crew)) != len(a.crew):
        return _reject(RejectionCode.BAD_CREW, f"{a.mission} needs a crew of {m.crew}", m.crew, len(set(a.crew)))
    busy = me.busy_crew()
    for c in a.crew:
        if not crew_ready(me, c) or c in busy:
            return _reject(RejectionCode.CREW_UNAVAILABLE, f"{c} is not ready to fly", subject=c)
    for trait in m.crew_traits:
        if not any(trait in rules.crews[c].traits for c in a.crew):
            return _reject(RejectionCode.BAD_CREW, f"{a.mission} needs a crew member who is {trait}", subject=trait)
    cost = order_cost(rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"the launch costs {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_cancel(state: GameState, me: SideState, a: CancelMission) -> Rejection | None:
    if not 0 <= a.index < len(me.plan):
        return _reject(RejectionCode.NO_SUCH_PLAN, f"no planned mission number {a.index}")
    return None


def _check_intel(state: GameState, me: SideState, a: FundIntelligence) -> Rejection | None:
    if a.amount < 0 or a.amount > MAX_MONEY:
        return _reject(RejectionCode.BAD_AMOUNT, "intelligence funding must not be negative")
    return None


def _check_decide(state: GameState, me: SideState, a: Decide) -> Rejection | None:
    for d in me.decisions:
        if d.id == a.decision:
            if a.choice not in d.choices:
                return _reject(RejectionCode.UNKNOWN_CHOICE, f"{a.choice!r} is not a choice of {d.event}")
            return None
    return _reject(RejectionCode.UNKNOWN_DECISION, f"no pending decision {a.decision}")


def _check_end(state: GameState, me: SideState, a: EndTurn) -> Rejection | None:
    return None


_CHECKS: dict[type, Callable[..., Rejection | None]] = {
    FundResearch: _check_research,
    BuyHardware: _check_buy,
    RecruitCrew: _check_recruit,
    PlanMission: _check_plan,
    CancelMission: _check_cancel,
    FundIntelligence: _check_intel,
    Decide: _check_decide,
    EndTurn: _check_end,
}


def validate(state: GameState, action: Action) -> Rejection | None:
    """None if `action` can be applied now, else why not. Never raises for a player's mistake."""
    check = _CHECKS.get(type(action))
    if check is None:
        return _reject(RejectionCode.UNKNOWN_ACTION, f"not an action: {type(action).__name__}")
    if state.phase == PHASE_OVER:
        return _reject(RejectionCode.GAME_OVER, "the game is over")
    me = state.sides.get(action.side)
    if me is None:
        return _reject(RejectionCode.UNKNOWN_SIDE, f"no side {action.side!r}")
    if me.ended:
        return _reject(RejectionCode.TURN_ENDED, f"{action.side} has already ended this turn")
    return check(state, me, action)  # type: ignore[operator]


def legal_actions(state: GameState, side: str) -> list[Action]:
    """A representative list of valid actions (amounts are sampled: any amount in range is valid)."""
    if state.phase == PHASE_OVER or side not in state.sides or state.sides[side].ended:
        return []
    rules = state.rules
    me = state.sides[side]
    out: list[Action] = []
    for d in me.decisions:
        out.extend(Decide(side, d.id, c) for c in d.choices)
    for tech_id, ts in me.techs.items():
        if ts.done or tech_available(state, side, tech_id):
            cap = useful_funding(rules, me, rules.techs[tech_id], ts)
            for amount in sorted({0, cap // 2, cap}):
                if amount != ts.funding:
                    out.append(FundResearch(side, tech_id, amount))
    for hw_id, hw in rules.hardware.items():
        if hardware_unlocked(me, rules, hw_id) and hw.unit_cost <= me.cash and me.hardware[hw_id] < MAX_CREW_UNITS:
            out.append(BuyHardware(side, hw_id, 1))
    for cid, c in me.crews.items():
        if c.status == CREW_CANDIDATE and rules.crews[cid].available <= state.turn and rules.settings.recruit_cost <= me.cash:
            out.append(RecruitCrew(side, cid))
    for m in rules.missions.values():
        plan = suggest_plan(state, side, m)
        if plan is not None:
            out.append(plan)
    out.extend(CancelMission(side, i) for i in range(len(me.plan)))
    for amount in (0, 2, 5):
        if amount != me.intel:
            out.append(FundIntelligence(side, amount))
    out.append(EndTurn(side))
    return [a for a in out if validate(state, a) is None]


def suggest_plan(state: GameState, side: str, mission: Mission) -> PlanMission | None:
    """A valid way to fly `mission` now with what is in store and the most skilled free crew, if any."""
    me = state.sides[side]
    if not mission_available(state, side, mission):
        return None
    action = plan_from_stock(state.rules, me, mission)
    return action if action is not None and validate(state, action) is None else None


def plan_from_stock(rules: Ruleset, me: SideState, mission: Mission) -> PlanMission | None:
    """The most reliable free hardware for each slot and the best free crew; None if something lacks.

    Needs only the side's own state, so a PlayerView can use it; availability is the caller's to check.
    """
    if len(me.plan) >= rules.settings.max_missions_per_turn:
        return None
    picked: list[tuple[str, str]] = []
    taken: dict[str, int] = {}
    for slot in mission.slots:
        best = None
        for hw in slot.options:
            free = me.hardware.get(hw, 0) - me.reserved_hardware(hw) - taken.get(hw, 0)
            if free > 0 and (best is None or me.reliability(rules.hardware[hw].tech) > me.reliability(rules.hardware[best].tech)):
                best = hw
        if best is None:
            return None
        taken[best] = taken.get(best, 0) + 1
        picked.append((slot.id, best))
    crew = best_crew(rules, me, mission)
    if crew is None or mission.cost > me.cash:
        return None
    return PlanMission(me.id, mission.id, tuple(picked), crew)


# --------------------------------------------------------------------------------------------
# applying an action


def apply(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
    rejection = validate(state, action)
    if rejection is not None:
        raise IllegalAction(rejection)
    new = state.clone()
    out: list[ev.Event] = []
    _APPLY[type(action)](new, new.sides[action.side], action, out)
    new.actions_applied += 1
    return new, out


def _apply_research(st: GameState, me: SideState, a: FundResearch, out: list[ev.Event]) -> None:
    me.techs[a.tech].funding = a.amount


def _apply_buy(st: GameState, me: SideState, a: BuyHardware, out: list[ev.Event]) -> None:
    cost = order_cost(st.rules, a)
    me.cash -= cost
    me.hardware[a.hardware] += a.count
    out.append(ev.HardwareBought(me.id, a.hardware, a.count, cost))


def _apply_recruit(st: GameState, me: SideState, a: RecruitCrew, out: list[ev.Event]) -> None:
    me.cash -= order_cost(st.rules, a)
    c = me.crews[a.crew]
    c.status = CREW_TRAINING
    c.training_left = st.rules.settings.training_turns
    out.append(ev.CrewRecruited(me.id, a.crew))


def _apply_plan(st: GameState, me: SideState, a: PlanMission, out: list[ev.Event]) -> None:
    cost = order_cost(st.rules, a)
    me.cash -= cost
    me.plan.append(PlannedMission(a.mission, a.hardware, a.crew, cost))
    out.append(ev.MissionPlanned(me.id, a.mission))


def _apply_cancel(st: GameState, me: SideState, a: CancelMission, out: list[ev.Event]) -> None:
    p = me.plan.pop(a.index)
    me.cash += p.cost
    out.append(ev.MissionCancelled(me.id, p.mission))


def _apply_intel(st: GameState, me: SideState, a: FundIntelligence, out: list[ev.Event]) -> None:
    me.intel = a.amount


def _apply_decide(st: GameState, me: SideState, a: Decide, out: list[ev.Event]) -> None:
    # Dice a choice casts while the sides plan must not depend on which side decides first: they come
    # from a stream of their own, seeded by the turn's dice (which planning never advances) and the
    # decision, and the shared stream is left as it was.
    shared = st.rng
    st.rng = Rng.from_seed(shared.state ^ a.decision)
    try:
        _decide(st, me, a.decision, a.choice, False, out)
    finally:
        st.rng = shared


def _decide(st: GameState, me: SideState, decision: int, choice: str, automatic: bool, out: list[ev.Event]) -> None:
    d = next(d for d in me.decisions if d.id == decision)
    me.decisions.remove(d)
    event = st.rules.events[d.event]
    chosen = next(c for c in event.choices if c.id == choice)
    out.append(ev.DecisionMade(me.id, d.event, choice, automatic))
    apply_effects(chosen.effects, st, me.id, out)


def _apply_end(st: GameState, me: SideState, a: EndTurn, out: list[ev.Event]) -> None:
    me.ended = True
    out.append(ev.TurnEnded(me.id))
    if all(s.ended for s in st.sides.values()):
        _resolve_turn(st, out)


_APPLY: dict[type, Callable[..., None]] = {
    FundResearch: _apply_research,
    BuyHardware: _apply_buy,
    RecruitCrew: _apply_recruit,
    PlanMission: _apply_plan,
    CancelMission: _apply_cancel,
    FundIntelligence: _apply_intel,
    Decide: _apply_decide,
    EndTurn: _apply_end,
}


# --------------------------------------------------------------------------------------------
# the rest of the turn, once every side has ended its planning


def _resolve_turn(st: GameState, out: list[ev.Event]) -> None:
    """Resolution, news and upkeep, always in this order:

    0. the odds of every planned flight are settled with `mission_odds`, on the state as planning
       left it: the chances the missions screen showed are the chances the dice use. Whatever
       changes a step's chance later in the turn (this quarter's research and its luck, training,
       an event, what an earlier flight taught) counts from the next quarter;
    1. pending decisions left open take their first choice;
    2. each side, in scenario order, pays its research then its intelligence (scaled down
       pro rata when cash runs short), and crews train and heal;
    3. missions fly, each at its settled odds: a seeded coin picks which side launches first this
       turn, then sides take turns launching one mission each, each side's in the order planned;
    4. news: queued events that are due, then every event of the scenario in file order, for
       each side in scenario order;
    5. upkeep: the date advances; at a new year budgets are set; the instalment is paid;
       victory and the end date are checked.
    """
    flights = _settle_odds(st)
    for me in st.sides.values():
        for d in list(me.decisions):
            _decide(st, me, d.id, d.choices[0], True, out)
    for me in st.sides.values():
        _spend_research(st, me, out)
        _spend_intelligence(st, me, out)
        _train_crews(st, me, out)
    _fly_missions(st, flights, out)
    _run_news(st, out)
    _upkeep(st, out)


def _spend_research(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    rules = st.rules
    spending = planned_spending(rules, me, lambda t: tech_available(st, me.id, t))
    for tech_id, spend in spending.research:
        me.cash -= spend
        tech = rules.techs[tech_id]
        ts = me.techs[tech_id]
        # (min() in line, here and below: a builtin call costs more than the comparison)
        points = research_points(me, spend)
        if points > tech.rate_cap:
            points = tech.rate_cap
        if not ts.done:
            ts.progress = ts.progress + points if ts.progress + points < tech.cost else tech.cost
            out.append(ev.ResearchAdvanced(me.id, tech_id, spend, ts.progress))
            if ts.progress >= tech.cost:
                st.finish_tech(me, tech, out)
        else:
            luck = 50 + st.rng.below(101)
            gain = reliability_gain(rules, tech, ts.reliability, points, luck)
            ts.reliability += gain
            out.append(ev.ResearchAdvanced(me.id, tech_id, spend, ts.progress))
            if gain:
                out.append(ev.ReliabilityChanged(me.id, tech_id, gain, ts.reliability))


def _spend_intelligence(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    spend = min(me.intel, max(0, me.cash))
    me.cash -= spend
    s = st.rules.settings
    error = s.intel_noise * s.intel_half // (s.intel_half + spend)
    # Each estimate is off by a roll of below(span) - error percent (none when error is 0). This is most
    # of a game's dice, so the noise is worked out in line rather than by a helper called per value.
    span = 2 * error + 1
    below = st.rng.below
    for rival in st.sides.values():
        if rival.id == me.id:
            continue
        techs: dict[str, int] = {}
        for tech_id, ts in rival.techs.items():
            # A finished tech is seen if spending is high enough or it has flown; reliability is a guess.
            if ts.done and (ts.flights > 0 or below(100) >= error):
                value = ts.reliability
                if error:
                    value += value * (below(span) - error) // 100
                techs[tech_id] = 0 if value < 0 else 100 if value > 100 else value  # (min and max, in line)
        cash, budget = rival.cash, rival.budget
        active = [c.status for c in rival.crews.values()].count(CREW_ACTIVE)
        if error:
            cash = max(0, cash + cash * (below(span) - error) // 100)
            budget = max(0, budget + budget * (below(span) - error) // 100)
            active = max(0, active + active * (below(span) - error) // 100)
        me.intel_reports[rival.id] = IntelEstimate(rival.id, st.turn, error, cash, budget, techs, active)
        out.append(ev.IntelReported(me.id, rival.id))


def _train_crews(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    s = st.rules.settings
    for cid, c in me.crews.items():
        status = c.status
        if status == CREW_TRAINING:
            for k in c.skills:
                c.skills[k] = min(100, c.skills[k] + s.training_gain)
            c.training_left -= 1
            if c.training_left <= 0:
                c.status = CREW_ACTIVE
                out.append(ev.CrewTrained(me.id, cid))
        elif status == CREW_INJURED and c.injured_until <= st.turn + 1:
            c.status = CREW_ACTIVE
            out.append(ev.CrewRecovered(me.id, cid))


Flight = tuple[PlannedMission, MissionOdds]


def _settle_odds(st: GameState) -> dict[str, list[Flight]]:
    """Every side's planned flights with the odds they will fly at: `mission_odds` as planning left the state."""
    rules = st.rules
    return {
        sid: [(p, mission_odds(rules, me, rules.missions[p.mission], p.hardware, p.crew)) for p in me.plan]
        for sid, me in st.sides.items()
    }


def _fly_missions(st: GameState, flights: dict[str, list[Flight]], out: list[ev.Event]) -> None:
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
    out.append(ev.MissionLaunched(me.id, m.id, plan.crew, (odds.success, odds.partial, odds.failure, odds.crew_lost)))
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
            ts.reliability = min(ceiling, ts.reliability + learn)
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
            _crew_flew(st, me, plan.crew, False)
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
        p = ms.first if rank == 1 else ms.second if rank == 2 else ms.later
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
    _crew_flew(st, me, plan.crew, True)
    apply_effects(m.effects, st, me.id, out)
    st.public_log.append(LaunchRecord(st.turn, me.id, m.id, outcome, plan.crew))


def _crew_flew(st: GameState, me: SideState, crew: tuple[str, ...], success: bool) -> None:
    s = st.rules.settings
    for cid in crew:
        c = me.crews[cid]
        c.flights += 1
        for k in c.skills:
            c.skills[k] = min(100, c.skills[k] + s.flight_gain)
    if success and crew:
        for c in me.crews.values():
            if c.status in (CREW_ACTIVE, CREW_TRAINING):
                c.morale = min(100, c.morale + s.morale_gain_success)


def _fire_event(st: GameState, me: SideState, event_id: str, out: list[ev.Event]) -> None:
    event = st.rules.events[event_id]
    me.events_fired[event_id] = st.turn
    if event.choices:
        d = Decision(st.next_decision, event_id, tuple(c.id for c in event.choices))
        st.next_decision += 1
        me.decisions.append(d)
        out.append(ev.EventFired(me.id, event_id, d.id))
        apply_effects(event.effects, st, me.id, out)
    else:
        out.append(ev.EventFired(me.id, event_id, None))
        apply_effects(event.effects, st, me.id, out)


def _run_news(st: GameState, out: list[ev.Event]) -> None:
    due = [q for q in st.queued if q[0] <= st.turn]
    st.queued = [q for q in st.queued if q[0] > st.turn]
    for _, side, event_id in due:
        # A queued event still needs its condition and its sides, but not its chance.
        event = st.rules.events[event_id]
        if event.sides and side not in event.sides:
            continue
        if side in st.sides and holds(event.when, st, side):
            _fire_event(st, st.sides[side], event_id, out)
    turn, sides = st.turn, st.sides.values()
    for event, opens, closes, only, gap, when in compiled(st.rules).news:
        if turn < opens or turn > closes:  # `when` cannot hold (and no die is cast for it)
            continue
        for me in sides:
            if only is not None and me.id not in only:
                continue
            last = me.events_fired.get(event.id)
            if last is not None and (gap is None or turn - last < gap):
                continue
            if not when(st, me.id):
                continue
            if event.chance < 100 and st.rng.percent() > event.chance:
                continue
            _fire_event(st, me, event.id, out)


def _pay_instalment(st: GameState, me: SideState, out: list[ev.Event]) -> None:
    amount = instalment(st.rules, me.budget, st.turn)
    me.cash = min(MAX_MONEY, me.cash + amount)
    out.append(ev.InstalmentPaid(me.id, amount))


def _record_history(st: GameState, me: SideState) -> None:
    me.history.append((st.turn, me.prestige, me.budget, me.cash))


def _upkeep(st: GameState, out: list[ev.Event]) -> None:
    rules = st.rules
    s = rules.settings
    st.turn += 1
    new_year = st.turn_of_year == 1
    out.append(ev.TurnStarted(st.turn, st.year))
    retire = s.retire_morale
    for side in rules.sides:
        me = st.sides[side.id]
        me.ended = False
        for cid, c in me.crews.items():
            if (
                c.morale < retire  # (the cheaper test first: both are asked before any die is cast)
                and c.status in (CREW_ACTIVE, CREW_INJURED, CREW_TRAINING)
                and st.rng.below(100) < (retire - c.morale) * 2
            ):
                c.status = CREW_RETIRED
                out.append(ev.CrewRetired(me.id, cid))
        if new_year:
            me.budget = next_budget(rules, me)
            me.budget_base += side.budget_growth + lasting_from_prestige(rules, me)
            me.prestige_year = 0
            out.append(ev.BudgetSet(me.id, me.budget, st.year))
        _pay_instalment(st, me, out)
        _record_history(st, me)
    _check_victory(st, out)


def _check_victory(st: GameState, out: list[ev.Event]) -> None:
    if st.decided:  # playing on after the result: only the calendar ends the game now
        if st.turn > st.rules.settings.end:
            st.phase = PHASE_OVER
        return
    winners: list[tuple[str, str]] = []
    victory = compiled(st.rules).victory
    for side in st.rules.sides:
        for v, when in victory:
            if when(st, side.id):
                winners.append((side.id, v))
                break
    if winners:
        best = max(st.sides[w].prestige for w, _ in winners)
        top = [(w, r) for w, r in winners if st.sides[w].prestige == best]
        _finish(st, top[0][0] if len(top) == 1 else None, top[0][1], out)
    elif st.turn > st.rules.settings.end:
        best = max(s.prestige for s in st.sides.values())
        leaders = [s.id for s in st.sides.values() if s.prestige == best]
        _finish(st, leaders[0] if len(leaders) == 1 else None, "prestige", out)


def _finish(st: GameState, winner: str | None, reason: str, out: list[ev.Event]) -> None:
    if st.play_on and st.turn <= st.rules.settings.end:
        st.decided = st.turn  # the result stands; the calendar runs on
    else:
        st.phase = PHASE_OVER
    st.winner = winner
    st.end_reason = reason
    out.append(ev.GameWon(winner, reason))


# --------------------------------------------------------------------------------------------
# the end, and identity


def is_over(state: GameState) -> bool:
    return state.phase == PHASE_OVER


def outcome(state: GameState) -> Outcome | None:
    if not is_over(state):
        return None
    return Outcome(
        winner=state.winner,
        reason=state.end_reason,
        prestige=tuple((s.id, s.prestige) for s in state.sides.values()),
        turn=state.turn,
        milestones={m: order[0] for m, order in state.firsts.items() if order},
    )


def state_hash(state: GameState) -> str:
    """A digest of everything in the state but the ruleset itself (whose fingerprint it includes)."""
    data = state_to_dict(state)
    data["ruleset"] = state.rules.fingerprint
    blob = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()


__all__ = [
    "CREW_DEAD",
    "CREW_RETIRED",
    "Outcome",
    "Setup",
    "apply",
    "is_over",
    "legal_actions",
    "new_game",
    "outcome",
    "state_hash",
    "validate",
]
