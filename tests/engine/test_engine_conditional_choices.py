"""Choices with conditions: what a side may choose follows each choice's `when`, in every layer that asks."""

from __future__ import annotations

import dataclasses

from engine_kit import act, end_turn, end_turns, scripted, with_records

from game.engine import events as ev
from game.engine.actions import Decide, RejectionCode
from game.engine.api import legal_actions, new_game, validate
from game.engine.conditions import Flag
from game.engine.effects import AddPrestige
from game.engine.rules import Choice
from game.engine.view import player_view

HEARING_TURN = 7842  # tiny: 1960-Q3, blue only


def hearing(tiny, *choices: Choice, default: str | None = None):
    """The tiny game at the hearing, its choices replaced; blue's pending decision."""
    old = tiny.events["hearing"]
    rules = with_records(tiny, events={"hearing": dataclasses.replace(old, choices=choices, default=default)})
    state, _ = end_turns(scripted(new_game(rules, None, 0)), HEARING_TURN - rules.settings.start + 1)
    (decision,) = state.sides["blue"].decisions
    return state, decision


FUND = Choice("fund", "", (AddPrestige(1),), when=Flag("lobby"))
REFUSE = Choice("refuse", "", (AddPrestige(-1),))


def test_a_choice_whose_condition_fails_is_closed_everywhere(tiny):
    state, d = hearing(tiny, FUND, REFUSE)
    view = player_view(state, "blue")
    assert view.open_choices == {d.id: ("refuse",)}
    rejection = validate(state, Decide("blue", d.id, "fund"))
    assert rejection is not None and rejection.code == RejectionCode.CHOICE_CLOSED and rejection.subject == "fund"
    assert validate(state, Decide("blue", d.id, "refuse")) is None
    assert {a.choice for a in legal_actions(state, "blue") if isinstance(a, Decide)} == {"refuse"}


def test_a_choice_opens_when_its_condition_comes_to_hold(tiny):
    state, d = hearing(tiny, FUND, REFUSE)
    state.sides["blue"].flags["lobby"] = 1
    assert player_view(state, "blue").open_choices == {d.id: ("fund", "refuse")}
    state, events = act(state, Decide("blue", d.id, "fund"))
    assert ev.DecisionMade("blue", "hearing", "fund", False) in events


def test_left_open_takes_the_first_possible_choice_not_the_first_listed(tiny):
    state, _ = hearing(tiny, FUND, REFUSE)
    _, events = end_turn(state)
    assert ev.DecisionMade("blue", "hearing", "refuse", True) in events


def test_the_default_is_the_only_choice_when_no_condition_holds(tiny):
    guarded = Choice("refuse", "", (AddPrestige(-1),), when=Flag("other"))
    state, d = hearing(tiny, FUND, guarded, default="refuse")
    assert player_view(state, "blue").open_choices == {d.id: ("refuse",)}
    assert validate(state, Decide("blue", d.id, "fund")) is not None
    _, events = end_turn(state)
    assert ev.DecisionMade("blue", "hearing", "refuse", True) in events
