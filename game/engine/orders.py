"""Planning-phase orders: what each action does to the state, and the ready-made orders offered to players.

Every order is validated first (`validate`); the last `EndTurn` of a turn hands over to `turn.resolve_turn`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine import crew, odds
from game.engine import events as ev
from game.engine.actions import (
    Action,
    BuildFacility,
    BuyHardware,
    BuyReliability,
    CancelMission,
    CancelOrder,
    Decide,
    EndTurn,
    FundIntelligence,
    FundResearch,
    PlanMission,
    RecruitCrew,
)
from game.engine.availability import hardware_unlocked, mission_available, tech_available
from game.engine.news import decide, open_choices
from game.engine.odds import useful_funding
from game.engine.rng import Rng
from game.engine.rules import Mission, Ruleset
from game.engine.state import PHASE_OVER, CrewStatus, GameState, PlannedMission, Purchase, SideState
from game.engine.turn import resolve_turn
from game.engine.validate import MAX_CREW_UNITS, validate


def legal_actions(state: GameState, side: str) -> list[Action]:
    """A representative list of valid actions (amounts are sampled: any amount in range is valid).

    `CancelOrder` is left out: it only takes back what another order did, and the seeded random games that
    saves and tests pin were drawn from this list before it existed."""
    if state.phase == PHASE_OVER or side not in state.sides or state.sides[side].ended or side in state.waiting:
        return []
    rules = state.rules
    me = state.sides[side]
    out: list[Action] = []
    for d in me.decisions:
        out.extend(Decide(side, d.id, c) for c in open_choices(state, side, d))
    for tech_id, ts in me.techs.items():
        if ts.done or tech_available(state, side, tech_id):
            cap = useful_funding(rules, me, rules.techs[tech_id], ts)
            for amount in sorted({0, cap // 2, cap}):
                if amount != ts.funding:
                    out.append(FundResearch(side, tech_id, amount))
            if rules.settings.rush_cap and not ts.done and not me.is_rushed(tech_id):
                out.append(FundResearch(side, tech_id, useful_funding(rules, me, rules.techs[tech_id], ts, True), True))
        if rules.settings.test_cap:
            room = odds.test_room(rules, me, tech_id)
            if room > 0:
                out.append(BuyReliability(side, tech_id, room))
    for hw_id, hw in rules.hardware.items():
        if hardware_unlocked(me, rules, hw_id) and hw.unit_cost <= me.cash and me.hardware[hw_id] < MAX_CREW_UNITS:
            out.append(BuyHardware(side, hw_id, 1))
    for cid, c in me.crews.items():
        if (
            c.status == CrewStatus.CANDIDATE
            and rules.crews[cid].available <= state.turn
            and rules.settings.recruit_cost <= me.cash
        ):
            out.append(RecruitCrew(side, cid))
    out.extend(BuildFacility(side, f) for f in rules.facilities if f not in me.facilities)
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


def most_reliable(rules: Ruleset, me: SideState, kinds: Iterable[str]) -> str | None:
    """Of these hardware kinds, the one whose tech this side has made the most reliable (the first of equals);
    None if there are none."""
    best = None
    for hw in kinds:
        if best is None or me.reliability(rules.hardware[hw].tech) > me.reliability(rules.hardware[best].tech):
            best = hw
    return best


def plan_from_stock(rules: Ruleset, me: SideState, mission: Mission) -> PlanMission | None:
    """The most reliable free hardware for each slot and the best free crew; None if something lacks.

    Needs only the side's own state, so a PlayerView can use it; availability is the caller's to check.
    """
    if len(me.plan) >= rules.settings.max_missions_per_turn:
        return None
    picked: list[tuple[str, str]] = []
    taken: dict[str, int] = {}
    for slot in mission.slots:
        best = most_reliable(rules, me, (hw for hw in slot.options if me.free_hardware(hw) > taken.get(hw, 0)))
        if best is None:
            return None
        taken[best] = taken.get(best, 0) + 1
        picked.append((slot.id, best))
    flown_by = crew.best_crew(rules, me, mission)
    if flown_by is None:
        return None
    action = PlanMission(me.id, mission.id, tuple(picked), flown_by)
    return action if odds.order_cost(rules, action) <= me.cash else None


def _apply_research(st: GameState, me: SideState, a: FundResearch, out: list[ev.Event]) -> None:
    me.techs[a.tech].funding = a.amount
    if a.rush != me.is_rushed(a.tech):
        if a.rush:
            me.rushed.append(a.tech)
        else:
            me.rushed.remove(a.tech)


def _apply_buy(st: GameState, me: SideState, a: BuyHardware, out: list[ev.Event]) -> None:
    cost = odds.order_cost(st.rules, a)
    me.cash -= cost
    me.hardware[a.hardware] += a.count
    me.bought.append(Purchase("buy_hardware", a.hardware, a.count, cost))
    out.append(ev.HardwareBought(me.id, a.hardware, a.count, cost))


def _apply_recruit(st: GameState, me: SideState, a: RecruitCrew, out: list[ev.Event]) -> None:
    cost = odds.order_cost(st.rules, a)
    me.cash -= cost
    me.bought.append(Purchase("recruit_crew", a.crew, 1, cost))
    c = me.crews[a.crew]
    c.status = CrewStatus.TRAINING
    c.training_left = st.rules.settings.training_turns
    out.append(ev.CrewRecruited(me.id, a.crew))


def _apply_build(st: GameState, me: SideState, a: BuildFacility, out: list[ev.Event]) -> None:
    cost = odds.order_cost(st.rules, a)
    me.cash -= cost
    me.facilities[a.facility] = st.turn
    me.bought.append(Purchase("build_facility", a.facility, 1, cost))
    out.append(ev.FacilityBuilt(me.id, a.facility, cost))


def _apply_test(st: GameState, me: SideState, a: BuyReliability, out: list[ev.Event]) -> None:
    cost = odds.order_cost(st.rules, a)
    me.cash -= cost
    ts = me.techs[a.tech]
    ts.reliability += a.points
    me.bought.append(Purchase("buy_reliability", a.tech, a.points, cost))
    out.append(ev.ReliabilityBought(me.id, a.tech, a.points, cost, ts.reliability))


def _apply_plan(st: GameState, me: SideState, a: PlanMission, out: list[ev.Event]) -> None:
    cost = odds.order_cost(st.rules, a)
    me.cash -= cost
    window = st.rules.launch_window(a.window).id
    me.plan.append(PlannedMission(a.mission, a.hardware, a.crew, cost, window))
    out.append(ev.MissionPlanned(me.id, a.mission))


def _apply_cancel(st: GameState, me: SideState, a: CancelMission, out: list[ev.Event]) -> None:
    p = me.plan.pop(a.index)
    me.cash += p.cost
    out.append(ev.MissionCancelled(me.id, p.mission))


def _unbuy_hardware(st: GameState, me: SideState, p: Purchase) -> None:
    me.hardware[p.subject] -= p.count


def _unbuild(st: GameState, me: SideState, p: Purchase) -> None:
    del me.facilities[p.subject]


def _untest(st: GameState, me: SideState, p: Purchase) -> None:
    me.techs[p.subject].reliability -= p.count


def _unrecruit(st: GameState, me: SideState, p: Purchase) -> None:
    c = me.crews[p.subject]
    c.status = CrewStatus.CANDIDATE
    c.training_left = 0


# How each kind of purchase is taken back (its money is refunded by `_apply_cancel_order`), by the order's name.
UNDO: dict[str, Callable[[GameState, SideState, Purchase], None]] = {
    "buy_hardware": _unbuy_hardware,
    "recruit_crew": _unrecruit,
    "build_facility": _unbuild,
    "buy_reliability": _untest,
}


def _apply_cancel_order(st: GameState, me: SideState, a: CancelOrder, out: list[ev.Event]) -> None:
    p = me.bought.pop(a.index)
    UNDO[p.order](st, me, p)
    me.cash += p.cost
    out.append(ev.OrderCancelled(me.id, p.order, p.subject, p.count, p.cost))


def _apply_intel(st: GameState, me: SideState, a: FundIntelligence, out: list[ev.Event]) -> None:
    me.intel = a.amount


def _apply_decide(st: GameState, me: SideState, a: Decide, out: list[ev.Event]) -> None:
    # Dice a choice casts while the sides plan must not depend on which side decides first: they come
    # from a stream of their own, seeded by the turn's dice (which planning never advances) and the
    # decision, and the shared stream is left as it was.
    shared = st.rng
    st.rng = Rng.from_seed(shared.state ^ a.decision)
    try:
        decide(st, me, a.decision, a.choice, False, out)
    finally:
        st.rng = shared


def _apply_end(st: GameState, me: SideState, a: EndTurn, out: list[ev.Event]) -> None:
    me.ended = True
    out.append(ev.TurnEnded(me.id))
    if all(s.ended for s in st.sides.values()):
        resolve_turn(st, out)


APPLY: dict[type, Callable[..., None]] = {
    FundResearch: _apply_research,
    BuyHardware: _apply_buy,
    RecruitCrew: _apply_recruit,
    BuildFacility: _apply_build,
    BuyReliability: _apply_test,
    PlanMission: _apply_plan,
    CancelMission: _apply_cancel,
    CancelOrder: _apply_cancel_order,
    FundIntelligence: _apply_intel,
    Decide: _apply_decide,
    EndTurn: _apply_end,
}
