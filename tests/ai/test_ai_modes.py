"""Which plan hard plays in each victory mode (game/ai/modes.py): the Moon rush where a landing ends the game,
the planner tuned for prestige where only prestige decides."""

from __future__ import annotations

import dataclasses

import pytest

from game.ai.levels import PLAYERS
from game.ai.modes import prestige_decides, prestige_hard
from game.ai.planner import plan_turn
from game.ai.rush import rush_turn
from game.ai.temper import TEMPERS
from game.engine import new_game, player_view
from game.engine.actions import EndTurn
from game.engine.batch import apply_orders
from game.engine.rules import Ruleset
from game.engine.setup import Setup
from game.engine.state import GameState


def _played(rules: Ruleset, mode: str, turns: int) -> list[GameState]:
    """A game in `mode` between two normal players, as it stands at the start of each of its first `turns`."""
    from game.ai.runner import ai_rng

    state = new_game(rules, Setup(victory=mode), 5)
    seen = []
    for _ in range(turns):
        seen.append(state)  # never changed again: each turn applies to a copy
        for i, side in enumerate(rules.side_ids):
            orders = PLAYERS["normal"](player_view(state, side), ai_rng(5, i, state.turn))
            state, _, _ = apply_orders(state, [*orders, EndTurn(side)], in_place=False)
    return seen


def test_prestige_decides_only_a_mode_without_an_early_victory(campaign: Ruleset):
    views = {mode: player_view(new_game(campaign, Setup(victory=mode), 1), "us") for mode in ("moon_race", "space_age")}
    assert not prestige_decides(views["moon_race"])
    assert prestige_decides(views["space_age"])
    default = player_view(new_game(campaign, None, 1), "us")
    assert prestige_decides(default) == (not campaign.victories_in(campaign.default_mode))


@pytest.mark.parametrize("mode", ["moon_race", "space_age"])
def test_hard_plays_the_rush_in_a_moon_race_and_the_prestige_planner_in_the_space_age(campaign: Ruleset, mode: str):
    from game.ai.runner import ai_rng

    differ = 0
    for state in _played(campaign, mode, 24)[::4]:
        view = player_view(state, "ussr")
        rush = rush_turn(view, TEMPERS["hard"], ai_rng(5, 1, state.turn))
        prestige = prestige_hard(view, ai_rng(5, 1, state.turn))
        got = PLAYERS["hard"](view, ai_rng(5, 1, state.turn))
        assert got == (prestige if mode == "space_age" else rush)
        differ += rush != prestige
    assert differ, "the two plans gave the same orders on every turn tried: the test shows nothing"


def test_where_prestige_decides_hard_races_for_no_victory(campaign: Ruleset):
    from game.ai.facts import Turn
    from game.ai.goals import choose_goals
    from game.ai.knowledge import knowledge
    from game.ai.modes import PRESTIGE_HARD
    from game.ai.runner import ai_rng

    racing, prizes = knowledge(campaign), knowledge(campaign).prizes_only()
    assert racing.victory_missions and racing.stepping_missions and racing.road_mask
    assert not prizes.victory_missions and not prizes.stepping_missions and not prizes.road_mask
    assert knowledge(campaign).prizes_only() is prizes and prizes.prizes_only() is prizes  # built once

    view = player_view(_played(campaign, "space_age", 40)[-1], "us")
    hard = Turn(view, PRESTIGE_HARD, ai_rng(5, 0, view.turn))
    normal = Turn(view, TEMPERS["normal"], ai_rng(5, 0, view.turn))
    assert hard.k is prizes and normal.k is racing
    # Normal puts the winning mission (or its stepping stones) first; hard ranks every goal by its prize per money.
    winning = set(racing.victory_missions) | racing.stepping_missions
    assert choose_goals(normal)[0] in winning
    hard_goals = choose_goals(hard)
    assert hard_goals == sorted(hard_goals, key=lambda m: -hard.ratio[m])


def test_hard_flies_a_test_flight_that_ends_a_danger_its_programme_runs(campaign: Ruleset):
    """The US's lunar ship may burn on the ground while it is new (the Apollo fire: the event's condition holds
    while its hardware has flown fewer than three steps): where prestige decides, hard flies it in a test flight
    rather than wait for the fire."""
    from game.ai import hazards
    from game.ai.facts import Turn
    from game.ai.modes import PRESTIGE_HARD
    from game.ai.runner import ai_rng
    from game.engine.actions import PlanMission
    from game.engine.state import TechState

    danger = campaign.events["apollo_fire"]
    (value, tech, reach), *_ = danger.when.ended_by()
    assert value == "flights"
    state = _played(campaign, "space_age", 50)[-1]  # 1968: the fire's window is open
    state.sides["us"].techs[tech] = TechState(progress=campaign.techs[tech].cost, done=True, reliability=45)
    state.sides["us"].milestones.pop("crewed_lunar_orbit", None)
    state.sides["us"].events_fired.pop("apollo_fire", None)  # whether or not the game played so far burned it
    view = player_view(state, "us")
    assert view.dangers.get("apollo_fire", 0) > 0

    def flown(temper) -> list[PlanMission]:
        out: list = []
        hazards.guard(Turn(view, temper, ai_rng(5, 0, view.turn)), 10_000, 10_000, out)
        return [a for a in out if isinstance(a, PlanMission)]

    flights = flown(PRESTIGE_HARD)
    assert flights, "no test flight against the danger"
    for f in flights:
        assert f.mission in campaign.missions and not campaign.missions[f.mission].milestones  # a test flight
        assert any(campaign.hardware[h].tech == tech for _, h in f.hardware)
    # It flies until the steps it expects on the tech reach the mark, and no more.
    expected = [hazards.tested_steps(view.odds(f.mission, f.hardware, f.crew), tech) for f in flights]
    assert sum(expected) >= reach * 100 > sum(expected[:-1])
    # Where a danger is worth nothing to guard against, it flies nothing.
    assert flown(dataclasses.replace(PRESTIGE_HARD, guard_quarters=0)) == []


def test_where_prestige_decides_hard_flies_its_proven_missions_again_for_their_prestige(campaign: Ruleset):
    """Late in the Space age the firsts are won and cash piles up: hard flies missions whose firsts it holds for
    the prestige each success earns (`Temper.repeats`); without repeats the same planner leaves them."""
    from game.ai.modes import PRESTIGE_HARD
    from game.ai.runner import ai_rng
    from game.engine.actions import PlanMission

    state = _played(campaign, "space_age", 64)[-1]  # 1971
    us = state.sides["us"]
    us.cash = 3_000
    view = player_view(state, "us")

    def repeats(temper) -> list[str]:
        orders = plan_turn(view, temper, ai_rng(5, 0, view.turn))
        return [
            a.mission
            for a in orders
            if isinstance(a, PlanMission)
            and campaign.missions[a.mission].milestones
            and all(ms in us.milestones for ms in campaign.missions[a.mission].milestones)
            and campaign.missions[a.mission].prestige.success > 0
        ]

    flown = repeats(PRESTIGE_HARD)
    assert flown, "no mission flown again for its prestige"
    assert repeats(dataclasses.replace(PRESTIGE_HARD, repeats=False)) == []
