"""The engine's one-pass shortcuts give exactly what the plain rule they stand for gives, in every state of real games."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_kit import play_random

from game.engine import events as ev
from game.engine.actions import Action
from game.engine.api import apply
from game.engine.availability import available_missions, available_techs, tech_available
from game.engine.conditions import date_window, holds
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
        for side, me in state.sides.items():
            plain = {
                t.id
                for t in state.rules.techs.values()
                if all(me.techs[r].done for r in t.requires) and holds(t.available, state, side)
            }
            assert available_techs(state, side) == plain
            assert {t for t in state.rules.techs if tech_available(state, side, t)} == plain


def test_available_missions_are_the_missions_whose_condition_holds(games):
    for state in games:
        for side in state.sides:
            plain = {m.id for m in state.rules.missions.values() if holds(m.available, state, side)}
            assert available_missions(state, side) == plain


def test_no_event_condition_holds_outside_its_date_window(games):
    # The news loop skips an event outside its window without asking its condition (or casting its die).
    for state in games:
        for event in state.rules.events.values():
            first, last = date_window(event.when)
            if (first is not None and state.turn < first) or (last is not None and state.turn > last):
                assert not any(holds(event.when, state, side) for side in state.sides)
