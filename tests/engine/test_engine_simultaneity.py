"""Simultaneous planning: the order in which sides plan and end their turns changes nothing."""

from __future__ import annotations

import dataclasses
import random

import pytest
from engine_kit import act, arrange

from game.engine.actions import Action, Decide, EndTurn, PlanMission
from game.engine.api import apply, is_over, legal_actions, new_game, state_hash
from game.engine.effects import AddCash, RandomOneOf, Weighted
from game.engine.rng import Rng
from game.engine.rules import Choice, Event
from game.engine.state import GameState


def plan_for(state: GameState, side: str, rnd: random.Random, length: int) -> list[Action]:
    """Random planning actions for one side (as if it planned alone), ending with EndTurn."""
    out: list[Action] = []
    for _ in range(length):
        legal = [a for a in legal_actions(state, side) if not isinstance(a, EndTurn)]
        if not legal:
            break
        action = rnd.choice(legal)
        state, _ = apply(state, action)
        out.append(action)
    return [*out, EndTurn(side)]


def test_order_of_ending_turns_changes_nothing(tiny):
    state = arrange(new_game(tiny, None, 0), "red", techs={"capsule": 50}, hardware={"booster": 1, "pod": 1}, crew=("anna",))
    state = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1})
    red = [PlanMission("red", "crewed_orbiter", (("launcher", "booster"), ("capsule", "pod")), ("anna",)), EndTurn("red")]
    blue = [PlanMission("blue", "orbiter", (("launcher", "booster"),)), EndTurn("blue")]
    red_first, _ = act(state, *red, *blue)
    blue_first, _ = act(state, *blue, *red)
    interleaved, _ = act(state, blue[0], red[0], red[1], blue[1])
    assert state_hash(red_first) == state_hash(blue_first) == state_hash(interleaved)
    assert red_first.turn == state.turn + 1


@pytest.mark.parametrize("seed", range(6))
def test_order_of_planning_changes_nothing_over_a_whole_game(tiny, seed):
    rnd = random.Random(seed)
    state = new_game(tiny, None, seed)
    while not is_over(state):
        plans = {side: plan_for(state, side, rnd, rnd.randrange(6)) for side in state.sides}
        orders = [plans["red"] + plans["blue"], plans["blue"] + plans["red"]]
        mixed = [*plans["blue"][:-1], *plans["red"][:-1], plans["red"][-1], plans["blue"][-1]]
        results = [act(state, *order)[0] for order in (*orders, mixed)]
        assert len({state_hash(r) for r in results}) == 1, f"turn {state.turn}: the planning order mattered"
        state = results[0]


def test_decisions_that_cast_dice_do_not_depend_on_who_plans_first(tiny):
    # Both sides face an event whose choice draws a random outcome during planning.
    gamble = Event("gamble", "t", "x", choices=(
        Choice("bet", "x", (RandomOneOf((Weighted(1, (AddCash(10),)), Weighted(1, (AddCash(-10),)))),)),
    ))
    rules = dataclasses.replace(tiny, events={"gamble": gamble})
    state = new_game(rules, None, 3)
    state, _ = act(state, EndTurn("red"), EndTurn("blue"))
    red_d, blue_d = state.sides["red"].decisions[0].id, state.sides["blue"].decisions[0].id
    for seed in range(8):
        s = state.clone()
        s.rng = Rng.from_seed(seed)
        red_first, _ = act(s, Decide("red", red_d, "bet"), Decide("blue", blue_d, "bet"), EndTurn("red"), EndTurn("blue"))
        blue_first, _ = act(s, Decide("blue", blue_d, "bet"), Decide("red", red_d, "bet"), EndTurn("blue"), EndTurn("red"))
        assert state_hash(red_first) == state_hash(blue_first), f"dice {seed}: who decided first changed the outcome"
