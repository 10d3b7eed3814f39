"""The default campaign's Moon programme fortunes (events_programme.yaml) and the Moon race's own end."""

from __future__ import annotations

import yaml
from content_kit import SCENARIOS

from game.content.load import load_scenario
from game.engine import EndTurn, Setup, apply, new_game

PROGRAMME = SCENARIOS / "race_1955" / "events_programme.yaml"


def test_the_moon_race_ends_in_1970_and_the_space_age_in_1975() -> None:
    rules = load_scenario("race_1955", []).ruleset
    assert rules.date_label(rules.end_of("moon_race")) == "1970-Q4" == rules.date_label(rules.end_of(""))
    assert rules.end_of("space_age") == rules.settings.end


def test_every_fortune_of_the_moon_programme_can_strike_either_side() -> None:
    rules = load_scenario("race_1955", []).ruleset
    ids = [e["id"] for e in yaml.safe_load(PROGRAMME.read_text(encoding="utf-8"))["events"]]
    assert len(ids) >= 10
    assert all(rules.events[i].sides == () for i in ids), "not one side always"


def test_the_joint_moon_offer_slows_both_sides_moon_rockets() -> None:
    rules = load_scenario("race_1955", []).ruleset
    state = new_game(rules, Setup(), 7)
    state.turn = rules.settings.start + 40  # 1965-Q3
    for side in state.sides.values():
        side.techs["heavy_launcher"].done = True
        side.techs["moon_rocket"].progress = 300
    state.flags["race_cools"] = 1  # the offer made, by either side
    for side in rules.side_ids:
        state, _ = apply(state, EndTurn(side))
    for side in state.sides.values():
        assert side.techs["moon_rocket"].progress == 0, side.id
        assert "programme_stretched" in side.events_fired
