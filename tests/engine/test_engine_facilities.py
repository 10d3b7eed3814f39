"""Facilities: built with BuildFacility (validated like any order, taken back with CancelOrder), kept in the
state, and their bonus counted in the one odds function the screens, the computer players and the dice use."""

from __future__ import annotations

from engine_kit import PASS, act, arrange, end_turn, round_trip, scripted, with_records

from game.engine import actions as a
from game.engine import events as ev
from game.engine import odds
from game.engine.api import legal_actions, new_game, validate
from game.engine.rules import Facility, Ruleset
from game.engine.serialize import state_to_dict
from game.engine.state import GameState

ORBITER = (("launcher", "booster"),)
TRACKING = Facility("tracking", "facility.tracking.name", 12, ("rocket",), 7, ("orbit_insertion",))
LAB = Facility("lab", "facility.lab.name", 5, ("capsule",), 3, ("reentry",))


def _rules(tiny: Ruleset) -> Ruleset:
    return with_records(tiny, facilities={"tracking": TRACKING, "lab": LAB})


def _ready(rules: Ruleset, cash: int = 40) -> GameState:
    return arrange(scripted(new_game(rules, None, 0)), "red", techs={"rocket": 50}, hardware={"booster": 1}, cash=cash)


def _chances(state: GameState) -> list[int]:
    me = state.sides["red"]
    got = odds.mission_odds(state.rules, me, state.rules.missions["orbiter"], ORBITER, ())
    return [s.chance for s in got.steps]


def test_a_facility_raises_the_chance_of_its_step_kinds_only(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    assert _chances(state) == [50, 45]  # launch, orbit insertion (difficulty 5)
    state, events = act(state, a.BuildFacility("red", "tracking"))
    assert _chances(state) == [50, 52]  # only the orbit insertion: +7
    assert state.sides["red"].cash == 40 - 12
    assert state.sides["red"].facilities == {"tracking": state.turn}
    assert [type(e) for e in events] == [ev.FacilityBuilt]
    # the rival's odds are its own
    blue = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1})
    got = odds.mission_odds(blue.rules, blue.sides["blue"], blue.rules.missions["orbiter"], ORBITER, ())
    assert [s.chance for s in got.steps] == [50, 45]


def test_the_dice_use_the_odds_with_the_bonus(tiny) -> None:  # type: ignore[no-untyped-def]
    # a roll of 50 fails a 45 % step and passes a 52 % one: with the facility the flight reaches orbit
    for build, reached in ((False, False), (True, True)):
        state = _ready(_rules(tiny))
        state.rng.percents = [PASS, 50]  # type: ignore[attr-defined]
        if build:
            state, _ = act(state, a.BuildFacility("red", "tracking"))
        state, _ = act(state, a.PlanMission("red", "orbiter", ORBITER))
        state, _ = end_turn(state)
        assert ("orbit" in state.sides["red"].milestones) is reached


def test_building_is_validated(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny), cash=10)
    cases = {
        a.BuildFacility("red", "nowhere"): "action/unknown_facility",
        a.BuildFacility("red", "lab"): "action/facility_locked",  # needs the capsule
        a.BuildFacility("red", "tracking"): "action/insufficient_funds",  # 12 > 10
    }
    for action, code in cases.items():
        rejection = validate(state, action)
        assert rejection is not None and rejection.code == code, action
    assert validate(state, a.BuildFacility("red", "lab")).subject == "capsule"  # type: ignore[union-attr]
    state = arrange(state, "red", cash=40)
    state, _ = act(state, a.BuildFacility("red", "tracking"))
    rejection = validate(state, a.BuildFacility("red", "tracking"))
    assert rejection is not None and rejection.code == "action/facility_built"


def test_a_facility_can_be_taken_back_until_the_turn_ends(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    state, _ = act(state, a.BuildFacility("red", "tracking"), a.CancelOrder("red", 0))
    assert state.sides["red"].cash == 40 and state.sides["red"].facilities == {}
    state, _ = act(state, a.BuildFacility("red", "tracking"))
    state, _ = end_turn(state)
    assert "tracking" in state.sides["red"].facilities
    assert validate(state, a.CancelOrder("red", 0)) is not None


def test_legal_actions_offer_what_can_be_built(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    builds = [x for x in legal_actions(state, "red") if isinstance(x, a.BuildFacility)]
    assert builds == [a.BuildFacility("red", "tracking")]  # not the lab: no capsule yet
    state, _ = act(state, builds[0])
    assert not [x for x in legal_actions(state, "red") if isinstance(x, a.BuildFacility)]


def test_facilities_are_saved_and_a_side_without_any_hashes_as_before(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    assert "facilities" not in state_to_dict(state)["sides"]["red"]
    state, _ = act(state, a.BuildFacility("red", "tracking"))
    state, _ = end_turn(state)
    back = round_trip(state)
    assert back.sides["red"].facilities == state.sides["red"].facilities
    assert state_to_dict(back) == state_to_dict(state)
