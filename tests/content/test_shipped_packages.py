"""The shipped scenario and example mods validate clean, play to the end, and do what they promise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_kit import SCENARIOS

from game.ai.runner import play_game, run_one
from game.cli import main
from game.content.check import validate
from game.content.load import load_scenario
from game.engine import Setup, is_over, new_game, outcome
from game.engine.rules import Ruleset

EXAMPLES = ["korolev_lives", "kennedy_1961", "europe", "china_1966"]


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
    # kennedy_1961 loads after the mods that patch what it removes
    assert scenario.mods == ("korolev_lives", "europe", "china_1966", "kennedy_1961")
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


@pytest.fixture(scope="module")
def china() -> Ruleset:
    return load_scenario("race_1955", ["china_1966"]).ruleset


def test_china_waits_until_1966_then_joins_and_flies(china: Ruleset) -> None:
    assert china.side_ids == ("us", "ussr", "china")
    assert new_game(china, Setup(), 1).waiting == ["china"]
    game = run_one(china, 3, {}, victory="space_age").to_dict()
    assert game["end"] == "1975-Q4"  # no early end in the Space age: the late side plays a decade
    flights = [f for f in game["flights"] if f["side"] == "china"]
    assert flights and min(f["date"] for f in flights) >= "1966-Q1"
    assert any(f["result"] in ("success", "partial") for f in flights)
    first_year = game["history"]["china"][0][0] // china.settings.turns_per_year
    assert first_year == 1966  # paid for the first time the year it joins
    assert set(game["fired"]["china"]) >= {"project_651", "project_714"}
    # no campaign event reached it while it waited (the others had both, in 1957 and 1962)
    assert {"igy_begins", "cuban_missile_crisis"} <= set(game["fired"]["us"])
    assert not {"igy_begins", "cuban_missile_crisis"} & set(game["fired"]["china"])
    assert len([c for c in china.crews.values() if c.side == "china"]) == 10


def test_china_project_714_has_conditional_choices_and_a_default(china: Ruleset) -> None:
    event = china.events["project_714"]
    assert all(c.when is not None for c in event.choices)
    assert event.default == "shelve_the_capsule"


def test_simulate_shows_china_s_content_used(tmp_path: Path) -> None:
    out = tmp_path / "games.json"
    argv = ["simulate", "--mod", "china_1966", "--victory", "space_age", "--games", "2", "--seed", "3", "--quiet"]
    assert main([*argv, "--json", str(out)]) == 0
    usage = {p["id"]: p for p in json.loads(out.read_text(encoding="utf-8"))["usage"]["packages"]}
    mod = usage["china_1966"]
    fired = {e["id"]: e["by_side"] for e in mod["events"]}
    assert fired["project_651"] == {"china": 2} and fired["the_east_is_red"] == {"china": 2}
    assert fired["sino_soviet_split"] == {"ussr": 2}  # the superpowers answer it
    assert any(c["id"].startswith("project_714.") for c in mod["choices"])
    reached = {m["id"]: m["by_side"] for m in mod["milestones"]}
    assert reached["satellite"].get("china") == 2
    flown = [m for m in usage["race_1955"]["missions"] if m["by_side"].get("china")]
    assert {"satellite_launch", "icbm_test"} <= {m["id"] for m in flown}
    assert not mod["never"]["events"]


def test_a_package_names_its_sides_in_a_language_else_in_english_else_by_id(tmp_path: Path) -> None:
    """The menus (the saves list) name a save's sides before any game is loaded: through the package's own
    lookup, not by reading its strings files themselves."""
    from game.content.packages import read_package

    campaign = read_package(SCENARIOS / "race_1955")
    assert campaign.side_name("ussr", "ru") == "Советский Союз"
    assert campaign.side_name("us", "en") == "United States"
    assert campaign.side_name("us", "xx") == "United States"  # a language it does not have: English
    assert campaign.side_name("mars", "ru") == "mars"  # a side it does not name: the id
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "manifest.yaml").write_text("id: bare\nkind: scenario\nname: Bare\nversion: '1'\n", encoding="utf-8")
    assert read_package(bare).side_name("us", "en") == "us"
