"""Whether an order can be given now: one check per kind of action, each answering with a typed Rejection."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import odds
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
    Rejection,
    RejectionCode,
)
from game.engine.availability import hardware_unlocked, mission_available, tech_available
from game.engine.crew import crew_ready
from game.engine.effects import MAX_MONEY
from game.engine.news import open_choices
from game.engine.state import PHASE_OVER, CrewStatus, GameState, Purchase, SideState

MAX_HARDWARE_ORDER = 20
MAX_CREW_UNITS = 100


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
    if a.rush:
        if not state.rules.settings.rush_cap:
            return _reject(RejectionCode.NOT_OFFERED, "this scenario offers no rushing")
        if me.techs[a.tech].done:
            return _reject(RejectionCode.TECH_FINISHED, f"{a.tech} is finished: only research can be rushed")
    return None


def _check_test(state: GameState, me: SideState, a: BuyReliability) -> Rejection | None:
    rules = state.rules
    tech = rules.techs.get(a.tech)
    if tech is None:
        return _reject(RejectionCode.UNKNOWN_TECH, f"no tech {a.tech!r}")
    if not rules.settings.test_cap:
        return _reject(RejectionCode.NOT_OFFERED, "this scenario offers no test campaigns")
    ts = me.techs[a.tech]
    if not ts.done:
        return _reject(RejectionCode.TECH_UNFINISHED, f"{a.tech} must be finished before it is tested")
    if ts.reliability >= tech.ceiling:
        return _reject(RejectionCode.AT_CEILING, f"{a.tech} is at its ceiling", tech.ceiling, ts.reliability)
    room = odds.test_room(rules, me, a.tech)
    if a.points < 1 or a.points > MAX_MONEY:
        return _reject(RejectionCode.BAD_AMOUNT, "buy at least one point", room, a.points)
    if a.points > room:
        return _reject(RejectionCode.TEST_LIMIT, f"at most {room} more points of {a.tech} this turn", room, a.points)
    cost = odds.order_cost(rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"the tests cost {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_buy(state: GameState, me: SideState, a: BuyHardware) -> Rejection | None:
    hw = state.rules.hardware.get(a.hardware)
    if hw is None:
        return _reject(RejectionCode.UNKNOWN_HARDWARE, f"no hardware {a.hardware!r}")
    if not 1 <= a.count <= MAX_HARDWARE_ORDER:
        return _reject(
            RejectionCode.BAD_AMOUNT,
            f"buy between 1 and {MAX_HARDWARE_ORDER} units at a time",
            MAX_HARDWARE_ORDER,
            a.count,
        )
    if not hardware_unlocked(me, state.rules, a.hardware):
        return _reject(RejectionCode.HARDWARE_LOCKED, f"{a.hardware} needs {hw.tech} researched first")
    if me.hardware[a.hardware] + a.count > MAX_CREW_UNITS:
        return _reject(RejectionCode.BAD_AMOUNT, "storage is full", MAX_CREW_UNITS, me.hardware[a.hardware] + a.count)
    cost = odds.order_cost(state.rules, a)
    if cost > me.cash:
        return _reject(
            RejectionCode.INSUFFICIENT_FUNDS, f"{a.count} × {a.hardware} costs {cost}, cash is {me.cash}", cost, me.cash
        )
    return None


def _check_recruit(state: GameState, me: SideState, a: RecruitCrew) -> Rejection | None:
    member = state.rules.crews.get(a.crew)
    if member is None or member.side != me.id:
        return _reject(RejectionCode.UNKNOWN_CREW, f"no candidate {a.crew!r} on this side")
    if me.crews[a.crew].status != CrewStatus.CANDIDATE:
        return _reject(RejectionCode.CREW_UNAVAILABLE, f"{a.crew} is not a candidate")
    if member.available > state.turn:  # the figures: the first turn the candidate can be recruited, and now
        return _reject(
            RejectionCode.CREW_UNAVAILABLE,
            f"{a.crew} cannot be recruited before {state.rules.date_label(member.available)}",
            member.available,
            state.turn,
        )
    cost = odds.order_cost(state.rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"recruiting costs {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_build(state: GameState, me: SideState, a: BuildFacility) -> Rejection | None:
    facility = state.rules.facilities.get(a.facility)
    if facility is None:
        return _reject(RejectionCode.UNKNOWN_FACILITY, f"no facility {a.facility!r}")
    if a.facility in me.facilities:
        return _reject(RejectionCode.FACILITY_BUILT, f"{a.facility} is built already")
    for tech in facility.requires:
        if not me.techs[tech].done:
            return _reject(RejectionCode.FACILITY_LOCKED, f"{a.facility} needs {tech} researched first", subject=tech)
    cost = odds.order_cost(state.rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"{a.facility} costs {cost}, cash is {me.cash}", cost, me.cash)
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
    if a.window and all(w.id != a.window for w in rules.launch_windows):
        return _reject(RejectionCode.UNKNOWN_WINDOW, f"no launch window {a.window!r}", subject=a.window)
    chosen = dict(a.hardware)
    if len(chosen) != len(a.hardware) or set(chosen) != {s.id for s in m.slots}:
        return _reject(
            RejectionCode.MISSING_HARDWARE, f"{a.mission} needs hardware for slots {[s.id for s in m.slots]}"
        )
    needed: dict[str, int] = {}
    for slot in m.slots:
        hw = chosen[slot.id]
        if hw not in slot.options:
            return _reject(RejectionCode.WRONG_HARDWARE, f"{hw} cannot fill slot {slot.id} of {a.mission}")
        needed[hw] = needed.get(hw, 0) + 1
    for hw, n in needed.items():
        free = me.free_hardware(hw)
        if free < n:
            return _reject(
                RejectionCode.MISSING_HARDWARE, f"no {hw} in store for {a.mission}: buy one first", n, free, hw
            )
    if len(a.crew) != m.crew or len(set(a.crew)) != len(a.crew):
        return _reject(RejectionCode.BAD_CREW, f"{a.mission} needs a crew of {m.crew}", m.crew, len(set(a.crew)))
    busy = me.busy_crew()
    for c in a.crew:
        if not crew_ready(me, c) or c in busy:
            return _reject(RejectionCode.CREW_UNAVAILABLE, f"{c} is not ready to fly", subject=c)
    for trait in m.crew_traits:
        if not any(trait in rules.crews[c].traits for c in a.crew):
            return _reject(RejectionCode.BAD_CREW, f"{a.mission} needs a crew member who is {trait}", subject=trait)
    cost = odds.order_cost(rules, a)
    if cost > me.cash:
        return _reject(RejectionCode.INSUFFICIENT_FUNDS, f"the launch costs {cost}, cash is {me.cash}", cost, me.cash)
    return None


def _check_cancel(state: GameState, me: SideState, a: CancelMission) -> Rejection | None:
    if not 0 <= a.index < len(me.plan):
        return _reject(RejectionCode.NO_SUCH_PLAN, f"no planned mission number {a.index}")
    return None


def _hardware_unused(me: SideState, p: Purchase) -> Rejection | None:
    free = me.free_hardware(p.subject)
    if free < p.count:  # the units are booked by a launch planned since: cancel the launch first
        return _reject(
            RejectionCode.ORDER_IN_USE, f"{p.subject} is booked for a planned launch", p.count, free, p.subject
        )
    return None


def _still_training(me: SideState, p: Purchase) -> Rejection | None:
    if me.crews[p.subject].status != CrewStatus.TRAINING:
        return _reject(RejectionCode.ORDER_IN_USE, f"{p.subject} is no longer in training", subject=p.subject)
    return None


def _nothing_hangs_on(me: SideState, p: Purchase) -> Rejection | None:
    return None  # nothing else hangs on a facility or on tests within the quarter: launches' odds settle at its end


# Whether a purchase can still be taken back, by the order's name (see orders.UNDO).
_UNDOABLE: dict[str, Callable[[SideState, Purchase], Rejection | None]] = {
    "buy_hardware": _hardware_unused,
    "recruit_crew": _still_training,
    "build_facility": _nothing_hangs_on,
    "buy_reliability": _nothing_hangs_on,
}


def _check_cancel_order(state: GameState, me: SideState, a: CancelOrder) -> Rejection | None:
    if not 0 <= a.index < len(me.bought):
        return _reject(RejectionCode.NO_SUCH_ORDER, f"no purchase number {a.index} this quarter")
    p = me.bought[a.index]
    return _UNDOABLE[p.order](me, p)


def _check_intel(state: GameState, me: SideState, a: FundIntelligence) -> Rejection | None:
    if a.amount < 0 or a.amount > MAX_MONEY:
        return _reject(RejectionCode.BAD_AMOUNT, "intelligence funding must not be negative")
    return None


def _check_decide(state: GameState, me: SideState, a: Decide) -> Rejection | None:
    for d in me.decisions:
        if d.id == a.decision:
            if a.choice not in d.choices:
                return _reject(RejectionCode.UNKNOWN_CHOICE, f"{a.choice!r} is not a choice of {d.event}")
            if a.choice not in open_choices(state, me.id, d):
                return _reject(
                    RejectionCode.CHOICE_CLOSED,
                    f"{a.choice!r} cannot be chosen now (its condition does not hold)",
                    subject=a.choice,
                )
            return None
    return _reject(RejectionCode.UNKNOWN_DECISION, f"no pending decision {a.decision}")


def _check_end(state: GameState, me: SideState, a: EndTurn) -> Rejection | None:
    return None


_CHECKS: dict[type, Callable[..., Rejection | None]] = {
    FundResearch: _check_research,
    BuyHardware: _check_buy,
    RecruitCrew: _check_recruit,
    BuildFacility: _check_build,
    BuyReliability: _check_test,
    PlanMission: _check_plan,
    CancelMission: _check_cancel,
    CancelOrder: _check_cancel_order,
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
    if action.side in state.waiting:
        return _reject(RejectionCode.SIDE_WAITING, f"{action.side} has not joined the game yet")
    if me.ended:
        return _reject(RejectionCode.TURN_ENDED, f"{action.side} has already ended this turn")
    return check(state, me, action)  # type: ignore[operator]
