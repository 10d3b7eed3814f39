"""One validate path for every action: typed rejection codes, never an exception for a player's mistake."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from engine_kit import act, arrange, end_turn, end_turns, scripted, with_records

from game.engine import actions as a
from game.engine.actions import IllegalAction, RejectionCode
from game.engine.api import apply, legal_actions, new_game, state_hash, validate
from game.engine.conditions import DateBetween, Flag
from game.engine.rules import Facility
from game.engine.state import PHASE_OVER, CrewStatus, GameState
from game.engine.validate import MAX_HARDWARE_ORDER

ORBITER = (("launcher", "booster"),)
CAPSULE = (("launcher", "booster"), ("capsule", "pod"))
LANDER = (("launcher", "booster"), ("lander", "moon_pod"))


def fresh(rules) -> GameState:
    return scripted(new_game(rules, None, 0))


def flyer(rules) -> GameState:
    """red with rocket and capsule, two boosters and a pod, and anna and boris active."""
    return arrange(
        fresh(rules), "red", techs={"capsule": 50}, hardware={"booster": 2, "pod": 1}, crew=("anna", "boris")
    )


def with_hearing(rules) -> GameState:
    state, _ = end_turns(fresh(rules), 3)
    return state


def with_hearing_fund_closed(rules) -> GameState:
    """The hearing pending for blue, its `fund` choice guarded by a flag blue has not set."""
    hearing = rules.events["hearing"]
    fund, refuse = hearing.choices
    guarded = dataclasses.replace(fund, when=Flag("lobby"))
    return with_hearing(
        with_records(rules, events={"hearing": dataclasses.replace(hearing, choices=(guarded, refuse))})
    )


def green_waiting(rules) -> GameState:
    """A third side, green, that joins in 1961: not in the game yet."""
    green = dataclasses.replace(rules.side("red"), id="green", joins=DateBetween(start=1961 * 4))
    return fresh(dataclasses.replace(rules, sides=(*rules.sides, green)))


def game_over(rules) -> GameState:
    state = fresh(rules)
    state.phase = PHASE_OVER
    return state


def ended(rules) -> GameState:
    state, _ = act(fresh(rules), a.EndTurn("red"))
    return state


def planned_three(rules) -> GameState:
    state = arrange(flyer(rules), "red", hardware={"booster": 4})
    state, _ = act(state, *(a.PlanMission("red", "orbiter", ORBITER) for _ in range(3)))
    return state


def broke(rules) -> GameState:
    return arrange(flyer(rules), "red", cash=0)


def bought_then_booked(rules) -> GameState:
    """red bought a booster this quarter, then booked it for a launch."""
    state = arrange(flyer(rules), "red", hardware={"booster": 0})
    state, _ = act(state, a.BuyHardware("red", "booster"), a.PlanMission("red", "orbiter", ORBITER))
    return state


def with_tracking(rules) -> GameState:
    """A ruleset with one facility (tracking, needs the capsule, costs 12), red without the capsule."""
    tracking = Facility("tracking", "facility.tracking.name", 12, ("capsule",), 5, ("orbit_insertion",))
    return fresh(with_records(rules, facilities={"tracking": tracking}))


def tracking_built(rules) -> GameState:
    state = arrange(with_tracking(rules), "red", techs={"capsule": 50}, cash=40)
    state, _ = act(state, a.BuildFacility("red", "tracking"))
    return state


def spending(rules) -> GameState:
    """Rushing and test campaigns offered; red's rocket done at 50 (ceiling 90) and 40 in cash."""
    rules = dataclasses.replace(rules, settings=dataclasses.replace(rules.settings, rush_cap=100, test_cap=10))
    return arrange(fresh(rules), "red", cash=40)


def dead_anna(rules) -> GameState:
    state = flyer(rules)
    state.sides["red"].crews["anna"].status = CrewStatus.DEAD
    return state


@dataclass(frozen=True)
class Case:
    code: str
    action: a.Action
    setup: Callable = fresh
    why: str = ""


class NotAnAction:
    side = "red"


CASES = [
    Case("unknown_action", NotAnAction(), why="not one of the action types"),  # type: ignore[arg-type]
    Case("game_over", a.EndTurn("red"), game_over),
    Case("unknown_side", a.EndTurn("green")),
    Case("turn_ended", a.BuyHardware("red", "booster"), ended),
    Case("unknown_tech", a.FundResearch("red", "warp_drive", 5)),
    Case("bad_amount", a.FundResearch("red", "rocket", -1), why="negative funding"),
    Case("bad_amount", a.FundResearch("red", "rocket", 10**9), why="more money than exists"),
    Case("tech_locked", a.FundResearch("red", "lander", 5)),
    Case("unknown_hardware", a.BuyHardware("red", "saucer")),
    Case("bad_amount", a.BuyHardware("red", "booster", 0), why="buy nothing"),
    Case("bad_amount", a.BuyHardware("red", "booster", MAX_HARDWARE_ORDER + 1), why="too large an order"),
    Case(
        "bad_amount",
        a.BuyHardware("red", "booster", 1),
        lambda r: arrange(fresh(r), "red", hardware={"booster": 100}),
        "store full",
    ),
    Case("hardware_locked", a.BuyHardware("red", "pod")),
    Case("insufficient_funds", a.BuyHardware("red", "booster", 20)),
    Case("unknown_crew", a.RecruitCrew("red", "nobody")),
    Case("unknown_crew", a.RecruitCrew("red", "dana"), why="the rival's candidate"),
    Case("crew_unavailable", a.RecruitCrew("red", "anna"), flyer, "already serving"),
    Case("crew_unavailable", a.RecruitCrew("red", "carl"), why="not available before 1961"),
    Case("insufficient_funds", a.RecruitCrew("red", "anna"), lambda r: arrange(fresh(r), "red", cash=0)),
    Case("unknown_mission", a.PlanMission("red", "mars", ORBITER)),
    Case("unknown_window", a.PlanMission("red", "orbiter", ORBITER, (), "dawn"), flyer, "tiny has no windows"),
    Case("too_many_missions", a.PlanMission("red", "orbiter", ORBITER), planned_three),
    Case("mission_unavailable", a.PlanMission("red", "moon_landing", LANDER, ("anna", "boris")), flyer),
    Case("missing_hardware", a.PlanMission("red", "crewed_orbiter", ORBITER, ("anna",)), flyer, "a slot left empty"),
    Case(
        "missing_hardware",
        a.PlanMission("red", "orbiter", (("launcher", "booster"), ("launcher", "booster"))),
        flyer,
        "a slot twice",
    ),
    Case("missing_hardware", a.PlanMission("red", "orbiter", (("capsule", "pod"),)), flyer, "a slot the mission lacks"),
    Case("missing_hardware", a.PlanMission("blue", "orbiter", ORBITER), why="nothing in store"),
    Case("wrong_hardware", a.PlanMission("red", "orbiter", (("launcher", "pod"),)), flyer),
    Case("bad_crew", a.PlanMission("red", "crewed_orbiter", CAPSULE, ()), flyer, "no crew"),
    Case("bad_crew", a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna", "boris")), flyer, "too many"),
    Case("bad_crew", a.PlanMission("red", "orbiter", ORBITER, ("anna",)), flyer, "crew on an uncrewed flight"),
    Case("crew_unavailable", a.PlanMission("red", "crewed_orbiter", CAPSULE, ("carl",)), flyer, "a candidate"),
    Case("crew_unavailable", a.PlanMission("red", "crewed_orbiter", CAPSULE, ("dana",)), flyer, "the rival's"),
    Case("crew_unavailable", a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), dead_anna, "dead"),
    Case("insufficient_funds", a.PlanMission("red", "orbiter", ORBITER), broke),
    Case("no_such_plan", a.CancelMission("red", 0)),
    Case("no_such_plan", a.CancelMission("red", -1)),
    Case("no_such_order", a.CancelOrder("red", 0), why="nothing bought this quarter"),
    Case("no_such_order", a.CancelOrder("red", -1)),
    Case("order_in_use", a.CancelOrder("red", 0), bought_then_booked, "the booster is booked for a launch"),
    Case("bad_amount", a.FundIntelligence("red", -5)),
    Case("unknown_decision", a.Decide("blue", 999, "fund"), with_hearing),
    Case("unknown_decision", a.Decide("red", 1, "fund"), with_hearing, "the rival's decision"),
    Case("unknown_choice", a.Decide("blue", 1, "abstain"), with_hearing),
    Case("choice_closed", a.Decide("blue", 1, "fund"), with_hearing_fund_closed),
    Case("side_waiting", a.EndTurn("green"), green_waiting),
    Case("unknown_facility", a.BuildFacility("red", "tracking"), why="the tiny scenario has none"),
    Case("facility_locked", a.BuildFacility("red", "tracking"), with_tracking, "the capsule is unfinished"),
    Case("facility_built", a.BuildFacility("red", "tracking"), tracking_built),
    Case("not_offered", a.FundResearch("red", "capsule", 5, rush=True), why="tiny offers no rushing"),
    Case("not_offered", a.BuyReliability("red", "rocket", 1), why="tiny offers no test campaigns"),
    Case("tech_finished", a.FundResearch("red", "rocket", 5, rush=True), spending),
    Case("unknown_tech", a.BuyReliability("red", "warp_drive", 1), spending),
    Case("tech_unfinished", a.BuyReliability("red", "capsule", 1), spending),
    Case(
        "at_ceiling", a.BuyReliability("red", "rocket", 1), lambda r: arrange(spending(r), "red", techs={"rocket": 90})
    ),
    Case("bad_amount", a.BuyReliability("red", "rocket", 0), spending, "test nothing"),
    Case("test_limit", a.BuyReliability("red", "rocket", 11), spending),
    Case(
        "test_limit", a.BuyReliability("red", "rocket", 3), lambda r: arrange(spending(r), "red", techs={"rocket": 88})
    ),
    Case("insufficient_funds", a.BuyReliability("red", "rocket", 5), lambda r: arrange(spending(r), "red", cash=0)),
    Case(
        "insufficient_funds",
        a.BuildFacility("red", "tracking"),
        lambda r: arrange(with_tracking(r), "red", techs={"capsule": 50}, cash=5),
    ),
]


def _id(case: Case) -> str:
    return f"{case.code}-{case.why or type(case.action).__name__}".replace(" ", "_")


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_validate_rejects_with_codes(tiny, case: Case):
    state = case.setup(tiny)
    before = state_hash(state)
    rejection = validate(state, case.action)
    assert rejection is not None, f"{case.action} should be rejected"
    assert rejection.code == f"action/{case.code}"
    assert rejection.message
    assert state_hash(state) == before
    # apply refuses it with the same rejection, and changes nothing.
    with pytest.raises(IllegalAction) as caught:
        apply(state, case.action)
    assert caught.value.rejection == rejection
    assert state_hash(state) == before
    assert case.action not in legal_actions(state, case.action.side)


def test_bad_crew_trait_is_rejected(tiny):
    rules = dataclasses.replace(
        tiny,
        missions={
            **tiny.missions,
            "crewed_orbiter": dataclasses.replace(tiny.missions["crewed_orbiter"], crew_traits=("female",)),
        },
    )
    state = flyer(rules)
    rejection = validate(state, a.PlanMission("red", "crewed_orbiter", CAPSULE, ("boris",)))
    assert rejection is not None and rejection.code == "action/bad_crew"
    assert validate(state, a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",))) is None


def test_a_candidate_not_yet_available_is_refused_with_the_date(tiny):
    state = new_game(tiny, None, 1)
    rejection = validate(state, a.RecruitCrew("red", "carl"))
    assert rejection is not None and rejection.code == "action/crew_unavailable"
    assert (rejection.needed, rejection.have) == (tiny.crews["carl"].available, state.turn)


def test_busy_crew_cannot_fly_twice_in_a_turn(tiny):
    state = arrange(flyer(tiny), "red", hardware={"pod": 2})
    state, _ = act(state, a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)))
    rejection = validate(state, a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)))
    assert rejection is not None and rejection.code == "action/crew_unavailable"


def test_planned_hardware_is_reserved(tiny):
    state = arrange(flyer(tiny), "red", hardware={"booster": 1})
    state, _ = act(state, a.PlanMission("red", "orbiter", ORBITER))
    rejection = validate(state, a.PlanMission("red", "orbiter", ORBITER))
    assert rejection is not None and rejection.code == "action/missing_hardware"


def test_every_rejection_code_is_covered():
    codes = {code.value.split("/", 1)[1] for code in RejectionCode}
    assert codes == {c.code for c in CASES}, "add a case for each rejection code validate can give"


def test_valid_actions_are_accepted(tiny):
    state = flyer(tiny)
    for action in [
        a.FundResearch("red", "lander", 0),  # clearing an order on a locked tech is fine
        a.FundResearch("red", "capsule", 10**6),
        a.BuyHardware("red", "booster", 2),
        a.FundIntelligence("red", 0),
        a.PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)),
        a.EndTurn("blue"),
    ]:
        assert validate(state, action) is None, action


def test_decisions_can_be_taken_only_before_ending_the_turn(tiny):
    state = with_hearing(tiny)
    decision = state.sides["blue"].decisions[0]
    assert validate(state, a.Decide("blue", decision.id, "fund")) is None
    state, _ = act(state, a.EndTurn("blue"))
    rejection = validate(state, a.Decide("blue", decision.id, "fund"))
    assert rejection is not None and rejection.code == "action/turn_ended"


def test_ending_a_turn_lets_the_other_side_finish(tiny):
    state, _ = act(fresh(tiny), a.EndTurn("red"))
    assert legal_actions(state, "red") == []
    assert a.EndTurn("blue") in legal_actions(state, "blue")
    state, _ = end_turn(state)
    assert state.turn == tiny.settings.start + 1
    assert not any(s.ended for s in state.sides.values())


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.code == "insufficient_funds"], ids=lambda c: type(c.action).__name__
)
def test_a_refusal_for_money_carries_the_price_and_the_cash(tiny, case: Case):
    from game.engine.odds import order_cost

    state = case.setup(tiny)
    rejection = validate(state, case.action)
    assert rejection is not None
    assert rejection.needed == order_cost(state.rules, case.action) > 0
    assert rejection.have == state.sides["red"].cash < rejection.needed
