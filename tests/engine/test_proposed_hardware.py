"""The hardware a player is offered for a flight: the most reliable kind, from store only when as reliable."""

from __future__ import annotations

import pytest

from game.content.load import load_scenario
from game.engine import new_game, player_view
from game.engine.rules import Ruleset
from game.engine.state import GameState


@pytest.fixture(scope="module")
def campaign() -> Ruleset:
    return load_scenario("race_1955").ruleset


def _finished(campaign: Ruleset, reliability: dict[str, int]) -> GameState:
    """The US at the start, with these techs finished at these reliabilities."""
    state = new_game(campaign, None, 1)
    me = state.sides["us"]
    for tech, r in reliability.items():
        ts = me.techs[tech]
        ts.done, ts.progress, ts.reliability = True, campaign.techs[tech].cost, r
    return state


def test_a_worse_kind_in_store_does_not_stand_in_for_a_more_reliable_one(campaign: Ruleset) -> None:
    # a weather satellite flies on a light or a medium launcher; the medium one rests on a weaker tech
    state = _finished(campaign, {"orbital_launcher": 94, "upper_stage": 47, "weather_satellite": 90})
    light = campaign.hardware["light_launcher"].tech
    medium = campaign.hardware["medium_launcher"].tech
    me = state.sides["us"]
    assert me.reliability(light) > me.reliability(medium)
    me.hardware["medium_launcher"] = 1
    view = player_view(state, "us")
    assert view.suggest_plan("weather_satellite_launch") is None  # (no payload in store: nothing flies yet)
    assert view.proposed_hardware("weather_satellite_launch")["launcher"] == "light_launcher"
    # once a light launcher is in store too, that one is proposed, from store
    me.hardware["light_launcher"] = 1
    me.hardware["weather_satellite"] = 1
    view = player_view(state, "us")
    proposed = view.proposed_hardware("weather_satellite_launch")
    assert proposed == {"launcher": "light_launcher", "payload": "weather_satellite"}
    assert dict(view.suggest_plan("weather_satellite_launch").hardware) == proposed


def test_a_kind_in_store_as_reliable_as_the_best_is_proposed_rather_than_bought(campaign: Ruleset) -> None:
    state = _finished(campaign, {"orbital_launcher": 80, "upper_stage": 80, "weather_satellite": 90})
    state.sides["us"].hardware["medium_launcher"] = 1
    proposed = player_view(state, "us").proposed_hardware("weather_satellite_launch")
    assert proposed["launcher"] == "medium_launcher"  # as reliable as the light one, and nothing to buy
    state.sides["us"].hardware["medium_launcher"] = 0
    proposed = player_view(state, "us").proposed_hardware("weather_satellite_launch")
    assert proposed["launcher"] == "light_launcher"  # the first of equals, to buy
