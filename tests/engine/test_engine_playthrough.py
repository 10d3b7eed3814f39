"""Random playthroughs (OpenSpiel style): play whole games with random legal actions and check every step."""

from __future__ import annotations

import json
import random
import typing
from pathlib import Path

import pytest
from engine_kit import check_invariants, checked_step, play_random, replay, round_trip

from game.engine import events as ev
from game.engine.actions import Action
from game.engine.api import apply, is_over, legal_actions, new_game, outcome, state_hash
from game.engine.rules import Ruleset
from game.engine.state import GameState
from game.io.codecs import dump_actions, load_actions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EVENT_TYPES = typing.get_args(ev.Event)
TINY_SEEDS = range(8)
EVERY_OP_SEEDS = range(4)


@pytest.fixture(scope="module")
def every_op() -> Ruleset:
    """A tiny scenario whose events use every condition and effect, choices that cast dice included."""
    from game.content.load import load_scenario

    return load_scenario(str(FIXTURES / "every_op")).ruleset


def play_checked(rules: Ruleset, seed: int, p_end: float, apply_every_legal: bool = True) -> tuple[GameState, list[Action], set[type]]:
    seen: set[type] = set()

    def step(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
        new, events = checked_step(state, action, apply_every_legal)
        seen.update(type(e) for e in events)
        return new, events

    state, log = play_random(rules, seed, p_end=p_end, step=step)
    check_invariants(state)
    assert is_over(state) and outcome(state) is not None
    assert legal_actions(state, rules.side_ids[0]) == []
    return state, log, seen


@pytest.mark.parametrize("seed", TINY_SEEDS)
def test_random_playthrough_keeps_every_invariant(tiny, seed):
    play_checked(tiny, seed, p_end=0.15)


@pytest.mark.parametrize("seed", EVERY_OP_SEEDS)
def test_random_playthrough_of_every_op_keeps_every_invariant(every_op, seed):
    play_checked(every_op, seed, p_end=0.2)


def test_random_playthroughs_exercise_the_rules(tiny, every_op):
    # Guard for the tests above: random play really does fly, fail, decide and die.
    seen: set[type] = set()

    def step(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
        new, events = apply(state, action)
        seen.update(type(e) for e in events)
        return new, events

    for seed in TINY_SEEDS:
        play_random(tiny, seed, p_end=0.15, step=step)
    for seed in EVERY_OP_SEEDS:
        play_random(every_op, seed, p_end=0.2, step=step)
    wanted = {
        ev.TechCompleted, ev.ReliabilityChanged, ev.HardwareBought, ev.CrewRecruited, ev.CrewTrained,
        ev.MissionPlanned, ev.MissionCancelled, ev.MissionLaunched, ev.StepRolled, ev.MissionSucceeded,
        ev.MissionFailed, ev.MilestoneAchieved, ev.EventFired, ev.DecisionMade, ev.IntelReported, ev.BudgetSet,
        ev.InstalmentPaid, ev.CrewInjured, ev.CrewRecovered, ev.CrewDied, ev.GameWon, ev.PrestigeChanged,
        ev.CashChanged, ev.BudgetChanged,
    }
    assert wanted <= seen, f"never happened: {sorted(t.__name__ for t in wanted - seen)}"


# --------------------------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("seed", range(4))
def test_same_seed_and_log_give_the_same_game(tiny, seed):
    final, log = play_random(tiny, seed, p_end=0.15)
    again, log_again = play_random(tiny, seed, p_end=0.15)
    assert log_again == log
    assert state_hash(again) == state_hash(final)
    # The log is the source of truth: replaying it from a new game reproduces every step.
    assert state_hash(replay(tiny, seed, log)) == state_hash(final)
    assert final.actions_applied == len(log)


def test_replay_reproduces_every_intermediate_hash(every_op):
    hashes: list[str] = []

    def step(state, action):
        new, events = apply(state, action)
        hashes.append(state_hash(new))
        return new, events

    final, log = play_random(every_op, 7, p_end=0.2, step=step)
    state = new_game(every_op, None, 7)
    for i, action in enumerate(log):
        state, _ = apply(state, action)
        assert state_hash(state) == hashes[i], f"replay diverged at action {i}: {action}"
    assert state_hash(state) == state_hash(final)


def test_the_log_survives_json(tiny):
    final, log = play_random(tiny, 3, p_end=0.15)
    text = json.dumps(dump_actions(log))
    assert state_hash(replay(tiny, 3, load_actions(text))) == state_hash(final)


def test_different_seeds_give_different_games(tiny):
    assert len({state_hash(play_random(tiny, seed, p_end=0.15)[0]) for seed in range(5)}) == 5


@pytest.mark.parametrize("sort_keys", [False, True])
def test_saving_and_loading_every_step_changes_nothing(every_op, sort_keys):
    # A game saved and reloaded after every action (keys sorted or not) plays exactly as one never saved.
    for seed in range(3):
        def step(state, action):
            return apply(round_trip(state, sort_keys=sort_keys), action)

        reloaded, log = play_random(every_op, seed, p_end=0.2, step=step)
        assert state_hash(replay(every_op, seed, log)) == state_hash(reloaded)


def test_hash_ignores_nothing_that_matters(tiny):
    state = new_game(tiny, None, 0)
    digest = state_hash(state)
    for mutate in (
        lambda s: setattr(s.sides["red"], "cash", s.sides["red"].cash + 1),
        lambda s: setattr(s.rng, "state", s.rng.state + 1),
        lambda s: s.sides["blue"].flags.__setitem__("x", 1),
        lambda s: setattr(s.sides["red"].techs["capsule"], "progress", 1),
        lambda s: setattr(s, "turn", s.turn + 1),
    ):
        other = state.clone()
        mutate(other)
        assert state_hash(other) != digest


def test_random_policy_is_seeded(tiny):
    # The helper's own determinism: a fresh random.Random per game, nothing global.
    random.seed(1)
    a = play_random(tiny, 2, p_end=0.15)[1]
    random.seed(2)
    assert play_random(tiny, 2, p_end=0.15)[1] == a


@pytest.mark.parametrize("seed", EVERY_OP_SEEDS)
def test_a_lasting_condition_once_true_stays_true_in_random_play(every_op, seed):
    """What each condition op says of itself (`lasting`: once true, true for good, which closes missions for
    good) holds in play: no step of a random game of every op turns a lasting condition false again."""
    from game.engine.index import compiled
    from game.engine.vocab import Condition, walk

    facts = compiled(every_op).facts
    records = (*every_op.events.values(), *every_op.missions.values(), *every_op.techs.values(), *every_op.victory)
    lasting = {op for record in records for _, op in walk(record) if isinstance(op, Condition) and op.lasting(facts)}
    assert {type(op).__name__ for op in lasting} >= {"HasTech", "Achieved", "FirstTo", "EventFired", "DateBetween"}
    sides = every_op.side_ids
    seen_true: set[Condition] = set()

    def step(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
        held = {(op, s) for op in lasting for s in sides if op.holds(state, s)}
        new, events = apply(state, action)
        assert all(op.holds(new, s) for op, s in held), [op for op, s in held if not op.holds(new, s)]
        seen_true.update(op for op, _ in held)
        return new, events

    play_random(every_op, seed, p_end=0.3, step=step)
    assert seen_true  # (the check above was put to work)
