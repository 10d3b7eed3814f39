"""The shipped scenario and example mods validate clean, play to the end, and do what they promise."""

from __future__ import annotations

import pytest
from content_kit import SCENARIOS

from game.ai.runner import play_game
from game.content.check import validate
from game.content.load import load_scenario
from game.engine import Setup, is_over, new_game, outcome
from game.engine.rules import Ruleset

EXAMPLES = ["korolev_lives", "kennedy_1961", "europe"]


@pytest.fixture(scope="module")
def campaign() -> Ruleset:
    return load_scenario("race_1955").ruleset


def test_everything_shipped_validates_without_errors_or_warnings() -> None:
    report = validate([])
    assert {"race_1955", *EXAMPLES} <= set(report.checked)
    assert [f.format() for f in report.findings if f.severity != "info"] == []


@pytest.mark.parametrize("mod_id", EXAMPLES)
def test_an_example_mod_is_a_mod_of_the_campaign_with_texts_in_its_languages(mod_id: str) -> None:
    scenario = load_scenario("race_1955", [mod_id])
    manifest = scenario.layers[-1].manifest
    assert manifest.kind == "mod" and "race_1955" in manifest.requires
    assert (SCENARIOS / mod_id / "manifest.yaml").is_file()
    assert not [f for f in scenario.findings if f.severity != "info"]


@pytest.mark.parametrize("mod_id", EXAMPLES)
def test_an_example_mod_plays_to_the_end(mod_id: str) -> None:
    rules = load_scenario("race_1955", [mod_id]).ruleset
    state, _ = play_game(rules, 5, {})
    assert is_over(state)
    result = outcome(state)
    assert result is not None and len(result.prestige) == len(rules.sides)


def test_all_example_mods_play_together() -> None:
    scenario = load_scenario("race_1955", EXAMPLES)
    assert scenario.mods == ("korolev_lives", "europe", "kennedy_1961")  # kennedy_1961 loads after europe
    state, _ = play_game(scenario.ruleset, 2, {})
    assert is_over(state)


def test_korolev_lives_replaces_his_death_and_strengthens_the_soviet_moon_plan(campaign: Ruleset) -> None:
    rules = load_scenario("race_1955", ["korolev_lives"]).ruleset
    assert "korolev_death" in campaign.events and "korolev_death" not in rules.events
    assert {"korolev_survives", "one_moon_programme", "n1_ground_tests"} <= set(rules.events)
    ussr = rules.side("ussr")
    assert ussr.budget_growth > campaign.side("ussr").budget_growth
    assert ussr.ai_personality == "chief_designer"
    decree = {c.id: c for c in rules.events["lunar_programme_decree"].choices}
    assert (
        decree["race_for_the_moon"].effects
        != {c.id: c for c in campaign.events["lunar_programme_decree"].choices}["race_for_the_moon"].effects
    )
    assert (
        decree["stations_instead"]
        == {c.id: c for c in campaign.events["lunar_programme_decree"].choices}["stations_instead"]
    )


def test_kennedy_1961_starts_at_the_speech_with_the_firsts_of_history() -> None:
    rules = load_scenario("race_1955", ["kennedy_1961"]).ruleset
    assert rules.date_label(rules.settings.start) == "1961-Q2"
    assert rules.date_label(rules.settings.end) == "1970-Q4"
    state = new_game(rules, Setup(), 1)
    assert [s for s, _ in state.firsts["human_in_space"]] == ["ussr", "us"]  # Gagarin 12 April, Shepard 5 May
    assert [s for s, _ in state.firsts["satellite"]] == ["ussr", "us"]
    assert state.firsts["nav_satellite"][0][0] == "us"
    assert "crewed_lunar_landing" not in state.firsts
    us = state.sides["us"]
    assert us.techs["crew_capsule"].done and sum(1 for c in us.crews.values() if c.status == "active") == 7


def test_europe_is_a_third_side_that_the_computer_can_play() -> None:
    rules = load_scenario("race_1955", ["europe"]).ruleset
    assert rules.side_ids == ("us", "ussr", "europe")
    assert len([c for c in rules.crews.values() if c.side == "europe"]) == 12
    assert rules.events["sputnik_crisis"].sides == ("us", "ussr")
    state, _ = play_game(rules, 1, {})
    assert is_over(state)
    result = outcome(state)
    assert result is not None and dict(result.prestige).keys() == {"us", "ussr", "europe"}
