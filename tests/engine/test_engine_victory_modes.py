"""Victory modes: which victories end a game early is chosen when it starts; prestige decides at the end date."""

from __future__ import annotations

import dataclasses

import pytest
from engine_kit import act, arrange, end_turn, end_turns, of_type, scripted

from game.engine import events as ev
from game.engine.actions import PlanMission
from game.engine.api import is_over, new_game, outcome
from game.engine.rules import VictoryMode
from game.engine.serialize import state_to_dict
from game.engine.setup import Setup

LANDER = (("launcher", "booster"), ("lander", "moon_pod"))


def moded(tiny):
    """Tiny with two modes: `race` (the Moon ends it, the default) and `era` (only the end date does)."""
    return dataclasses.replace(
        tiny, victory_modes=(VictoryMode("race", "r", ("moon_first",)), VictoryMode("era", "e", ()))
    )


def landed(rules, mode: str):
    state = scripted(new_game(rules, Setup(victory=mode), 0))
    state = arrange(
        state,
        "red",
        techs={"rocket": 80, "lander": 80},
        hardware={"booster": 1, "moon_pod": 1},
        crew=("anna", "boris"),
        milestones=("crewed_orbit",),
    )
    state, _ = act(state, PlanMission("red", "moon_landing", LANDER, ("anna", "boris")))
    return end_turn(state)


@pytest.mark.parametrize("mode", ["", "race"])
def test_in_the_default_mode_the_landing_ends_the_game(tiny, mode):
    state, events = landed(moded(tiny), mode)
    assert ev.GameWon("red", "moon_first") in events and is_over(state)
    assert state.victory_mode == "", "the default mode, named or not, is the same game"


def test_in_a_mode_without_victories_only_the_end_date_decides(tiny):
    rules = moded(tiny)
    state, events = landed(rules, "era")
    assert not of_type(events, ev.GameWon) and not is_over(state)
    state.sides["blue"].prestige = state.sides["red"].prestige + 50
    state, _ = end_turns(state, rules.settings.end - state.turn + 1)
    assert is_over(state)
    assert (outcome(state).winner, state.end_reason) == ("blue", "prestige")  # type: ignore[union-attr]
    assert state_to_dict(state)["victory_mode"] == "era"
    assert "victory_mode" not in state_to_dict(new_game(rules, Setup(victory="race"), 0))


def test_an_unknown_mode_is_refused(tiny):
    with pytest.raises(ValueError, match=r"no victory mode 'chess'.*race, era"):
        new_game(moded(tiny), Setup(victory="chess"), 0)
    with pytest.raises(ValueError, match="it has none"):
        new_game(tiny, Setup(victory="race"), 0)


def test_a_ruleset_without_modes_plays_every_victory(tiny):
    assert tiny.victories_in("") == tiny.victory and tiny.default_mode == ""


def deadline(tiny, end: int):
    """Tiny whose default mode, `race`, gives up on the Moon after turn `end`: prestige decides then."""
    modes = (VictoryMode("race", "r", ("moon_first",), end=end), VictoryMode("era", "e", ()))
    return dataclasses.replace(tiny, victory_modes=modes)


@pytest.mark.parametrize("play_on", [False, True])
def test_a_mode_with_its_own_end_is_decided_on_prestige_after_it(tiny, play_on):
    rules = deadline(tiny, tiny.settings.start + 2)
    state = new_game(rules, Setup(play_on=play_on), 0)
    state.sides["blue"].prestige = 10
    state, _ = end_turns(state, 2)
    assert state.winner is None and not is_over(state), "not before the mode's end"
    state, events = end_turns(state, 1)
    assert ev.GameWon("blue", "prestige") in events
    assert (state.winner, state.end_reason) == ("blue", "prestige")
    assert is_over(state) is not play_on, "played on, the calendar runs to the scenario's end"
    assert rules.end_of("") == rules.end_of("race") == tiny.settings.start + 2
    assert rules.end_of("era") == tiny.settings.end, "a mode without an end plays to the scenario's"
