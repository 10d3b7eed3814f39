"""A mission the side cannot fly is closed for good only when its conditions say they cannot come back.

The missions screen tells "no longer flown: your programme has moved past it" from "not open yet" by the
engine's `availability.closed_missions` (`PlayerView.closed_missions`), which asks each condition op whether
it is lasting. A `not` over a date that ends, a flag an effect clears or prestige is only "not yet"; a `not`
over a tech, a milestone, a date that has begun or a flag nothing clears is closed for good.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import SCENARIOS, load, mod

from game.content.load import load_scenario
from game.engine import new_game, player_view
from game.engine.availability import available_missions, closed_missions
from game.engine.rules import Ruleset
from game.engine.state import GameState

ROCKET = "name: {en: A flight}\n    slots: {launcher: [booster]}\n    steps: [{id: launch, slot: launcher}]"
MISSIONS = f"""\
missions:
  - id: early_only  # a date that has begun: over for good once it has
    available: {{op: not, cond: {{op: date_between, start: 1961-Q1}}}}
    {ROCKET}
  - id: late_only  # a date that ends: before it ends, only not open yet
    available: {{op: not, cond: {{op: date_between, end: 1960-Q4}}}}
    {ROCKET}
  - id: calm  # a flag an effect clears
    available: {{op: not, cond: {{op: flag, flag: unrest}}}}
    {ROCKET}
  - id: service  # a flag nothing clears
    available: {{op: not, cond: {{op: flag, flag: service}}}}
    {ROCKET}
  - id: underdog  # prestige can fall
    available: {{op: not, cond: {{op: compare, value: prestige, cmp: ge, to: 5}}}}
    {ROCKET}
  - id: few_launches  # launches never fall
    available: {{op: not, cond: {{op: compare, value: launches, cmp: ge, to: 2}}}}
    {ROCKET}
  - id: pioneer  # all: closed when one part is closed for good
    available:
      op: all
      of:
        - {{op: date_between, start: 1960-Q1}}
        - {{op: not, cond: {{op: has_tech, tech: capsule}}}}
    {ROCKET}
  - id: either  # any: closed only when every part is
    available:
      op: any
      of:
        - {{op: not, cond: {{op: has_tech, tech: capsule}}}}
        - {{op: not, cond: {{op: flag, flag: unrest}}}}
    {ROCKET}
events:
  - id: unrest_starts
    title: {{en: Unrest}}
    text: {{en: Unrest.}}
    when: {{op: date_between, start: 1964-Q1}}
    effects: [{{op: set_flag, flag: unrest}}, {{op: set_flag, flag: service}}]
  - id: unrest_ends
    title: {{en: Calm}}
    text: {{en: Calm.}}
    when: {{op: date_between, start: 1964-Q3}}
    effects: [{{op: set_flag, flag: unrest, value: 0}}]
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Ruleset:
    return load(mod(tmp_path_factory.mktemp("closing"), "closing", {"closing.yaml": MISSIONS})).ruleset


def closed(state: GameState, side: str = "red") -> set[str]:
    found = closed_missions(state, side)
    assert not found & available_missions(state, side)  # closed for good is never open
    assert player_view(state, side).closed_missions == found  # what the missions screen reads
    return set(found)


def test_nothing_is_closed_before_anything_has_happened(rules: Ruleset) -> None:
    assert closed(new_game(rules, None, 1)) == set()


def test_a_not_over_something_lasting_that_happened_is_closed_for_good(rules: Ruleset) -> None:
    state = new_game(rules, None, 1)
    state.turn = 1961 * 4  # 1961-Q1: the date has begun
    state.sides["red"].flags["service"] = 1
    state.sides["red"].launches = 2
    state.sides["red"].techs["capsule"].done = True
    assert closed(state) == {"early_only", "service", "few_launches", "pioneer"}
    assert closed(state, "blue") == {"early_only"}  # (judged for the side asking)


def test_a_not_over_what_can_turn_back_is_only_not_open_yet(rules: Ruleset) -> None:
    state = new_game(rules, None, 1)
    state.sides["red"].flags["unrest"] = 1  # an event clears it again
    state.sides["red"].prestige = 50  # prestige can fall
    assert {"late_only", "calm", "underdog"} <= set(rules.missions) - available_missions(state, "red")
    assert closed(state) == set()
    state.sides["red"].techs["capsule"].done = True  # one part of `either` closed, the other not
    assert "either" not in closed(state)


def test_the_shipped_missions_the_programme_moves_past_are_closed_for_good() -> None:
    """The campaign's first rocket closes once its tech is researched, a science satellite once its milestone
    is reached, a service once it is set up (nothing ends one)."""
    rules = load_scenario(str(SCENARIOS / "race_1955"), []).ruleset
    state = new_game(rules, None, 1)
    assert closed(state, "us") == set()
    me = state.sides["us"]
    me.techs["satellite"].done = True
    me.flags["recon_service"] = 1
    me.milestones["radiation_belts"] = state.turn
    assert closed(state, "us") == {"sounding_rocket", "recon_satellite", "science_satellite"}


def test_a_mod_that_ends_a_service_reopens_it(tmp_path: Path) -> None:
    ends = (
        "events:\n  - id: budget_cuts\n    title: {en: Cuts}\n    text: {en: Cuts.}\n"
        "    effects: [{op: set_flag, flag: recon_service, value: 0}]\n"
    )
    rules = load(mod(tmp_path, "cuts", {"cuts.yaml": ends}, requires="race_1955"), scenario=SCENARIOS / "race_1955")
    state = new_game(rules.ruleset, None, 1)
    state.sides["us"].flags["recon_service"] = 1
    assert "recon_satellite" not in closed(state, "us")
