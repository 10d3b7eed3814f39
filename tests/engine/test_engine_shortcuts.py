"""The engine's one-pass shortcuts give exactly what the plain rule they stand for gives, in every state of real games."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_kit import play_random

from game.engine import events as ev
from game.engine.actions import Action
from game.engine.game import apply, available_techs, tech_available
from game.engine.rules import Ruleset
from game.engine.state import GameState

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def states_of(rules: Ruleset, seed: int) -> list[GameState]:
    """Every state a random game passes through, one per turn and side that plans."""
    seen: list[GameState] = []

    def step(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
        new, events = apply(state, action)
        if new.turn != state.turn or not seen:
            seen.append(new)
        return new, events

    play_random(rules, seed, p_end=0.3, step=step)
    return seen


@pytest.fixture(scope="module", params=[str(FIXTURES / "tiny"), str(FIXTURES / "every_op"), "race_1955"])
def games(request) -> list[GameState]:
    """States of a few random games of the fixtures and of the shipped campaign."""
    from game.content.load import load_scenario

    rules = load_scenario(request.param).ruleset
    return [s for seed in range(3) for s in states_of(rules, seed)]


def test_available_techs_are_the_techs_whose_prerequisites_are_met(games):
    for state in games:
        for side in state.sides:
            assert available_techs(state, side) == {t for t in state.rules.techs if tech_available(state, side, t)}
