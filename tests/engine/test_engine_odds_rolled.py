"""The odds shown are the odds rolled: whole games played at random (and by the computer players), every launch checked.

At the end of planning (just before the last side ends its turn) each planned flight's odds are asked
of `PlayerView.odds`, the function the missions screen shows them with. Every launch of the resolution
that follows must then roll each step against exactly the chance shown for it, and announce exactly
the four odds shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from engine_kit import play_random

from game.engine import events as ev
from game.engine.actions import Action, EndTurn
from game.engine.api import apply, is_over, new_game
from game.engine.odds import MissionOdds
from game.engine.rules import Ruleset
from game.engine.state import GameState
from game.engine.view import player_view

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

Shown = dict[str, list[tuple[str, MissionOdds]]]  # side -> (mission, odds shown) for each planned flight, in order


def shown_at_end_of_planning(state: GameState) -> Shown:
    """What each side's missions screen shows for its planned flights, from the side's own view."""
    shown: Shown = {}
    for sid, me in state.sides.items():
        view = player_view(state, sid)
        # in the order the side's flights launch: by launch window (the default is the last), then as planned
        windows = [w.id for w in state.rules.launch_windows] or [""]
        plan = sorted(me.plan, key=lambda p: windows.index(p.window) if p.window in windows else len(windows) - 1)
        shown[sid] = [(p.mission, view.odds(p.mission, p.hardware, p.crew, p.window)) for p in plan]
    return shown


def check_resolution(shown: Shown, events: list[ev.Event]) -> int:
    """Every planned flight launched (or was scrubbed) at the odds shown; returns the launches checked."""
    queues = {sid: list(flights) for sid, flights in shown.items()}
    launches = 0
    flying: tuple[str, str, MissionOdds] | None = None
    rolled: list[ev.StepRolled] = []

    def land() -> None:
        if flying is None:
            return
        side, mission, odds = flying
        assert rolled, f"{side}'s {mission} launched and rolled no die"
        expected = [(s.step, s.chance) for s in odds.steps[: len(rolled)]]
        assert [(r.step, r.chance) for r in rolled] == expected, f"{side}'s {mission} rolled at other odds than shown"

    for e in events:
        if isinstance(e, ev.StepRolled):
            assert flying is not None and (e.side, e.mission) == flying[:2]
            rolled.append(e)
            continue
        if isinstance(e, ev.MissionLaunched | ev.MissionScrubbed):
            land()
            flying, rolled = None, []
            assert queues[e.side], f"{e.side} flew {e.mission}, which it had not planned"
            mission, odds = queues[e.side].pop(0)
            assert e.mission == mission, "a side's flights fly in window order, then in the order planned"
            if isinstance(e, ev.MissionLaunched):
                assert e.odds == (odds.success, odds.partial, odds.failure, odds.crew_lost)
                flying = (e.side, e.mission, odds)
                launches += 1
    land()
    assert not any(queues.values()), f"planned flights neither launched nor scrubbed: {queues}"
    return launches


class Watch:
    """A step function for `play_random` (or any driver) that checks each resolution against the odds shown."""

    def __init__(self) -> None:
        self.launches = 0
        self.turns_with_several = 0  # resolutions where a side flew more than one mission
        self.first: tuple[Shown, list[ev.Event]] | None = None  # the first resolution that launched something

    def __call__(self, state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
        last = isinstance(action, EndTurn) and all(s.ended for sid, s in state.sides.items() if sid != action.side)
        shown = shown_at_end_of_planning(state) if last else None
        new, events = apply(state, action)
        if shown is not None:
            launched = check_resolution(shown, events)
            if launched and self.first is None:
                self.first = (shown, events)
            self.launches += launched
            self.turns_with_several += any(len(flights) > 1 for flights in shown.values())
        return new, events


@pytest.fixture(scope="module")
def every_op() -> Ruleset:
    from game.content.load import load_scenario

    return load_scenario(str(FIXTURES / "every_op")).ruleset


@pytest.fixture(scope="module")
def campaign() -> Ruleset:
    from game.content.load import load_scenario

    return load_scenario("race_1955").ruleset


@pytest.mark.parametrize(("rules_name", "seeds"), [("tiny", range(10)), ("every_op", range(6)), ("campaign", range(3))])
def test_random_play_rolls_every_step_at_the_chance_shown_at_the_end_of_planning(request, rules_name, seeds):
    rules: Ruleset = request.getfixturevalue(rules_name)
    watch = Watch()
    for seed in seeds:
        play_random(rules, seed, p_end=0.15, step=watch)
    assert watch.launches >= 10  # the check really ran
    if rules_name != "every_op":
        assert watch.turns_with_several > 0  # ...also where one flight's lessons could have moved the next one's odds


def play_computer(
    rules: Ruleset, seed: int, step: Callable[[GameState, Action], tuple[GameState, list[ev.Event]]]
) -> None:
    """A whole game between the computer players (hard against normal), each action through `step`."""
    from game.ai import choose_actions
    from game.ai.runner import ai_rng

    state = new_game(rules, None, seed)
    levels = ("hard", "normal")
    while not is_over(state):
        for i, side in enumerate(rules.side_ids):
            if is_over(state):
                break
            orders = choose_actions(player_view(state, side), levels[i % 2], ai_rng(seed, i, state.turn))
            for action in [*orders, EndTurn(side)]:
                state, _ = step(state, action)


def test_computer_played_campaigns_roll_every_step_at_the_chance_shown(campaign):
    # Real programmes: finished techs researched on while flights are planned, trained crews, several
    # flights a quarter, events. All of it changes odds, and none of it between the screen and the dice.
    watch = Watch()
    play_computer(campaign, 4, watch)
    assert watch.launches >= 40 and watch.turns_with_several > 0


def test_the_check_sees_a_flight_that_flew_at_other_odds_than_shown(tiny):
    # Guard: the check is not vacuous. One step shown a point off, or other overall odds, are caught.
    watch = Watch()
    play_random(tiny, 3, p_end=0.15, step=watch)
    assert watch.first is not None
    shown, events = watch.first
    side = next(s for s, flights in shown.items() if flights)
    mission, odds = shown[side][0]
    one_off = odds.steps[0]._replace(chance=odds.steps[0].chance + 1)
    for other in (
        dataclasses.replace(odds, steps=(one_off, *odds.steps[1:])),
        dataclasses.replace(odds, success=odds.success - 1, failure=odds.failure + 1),
    ):
        with pytest.raises(AssertionError):
            check_resolution({**shown, side: [(mission, other), *shown[side][1:]]}, events)
    check_resolution(shown, events)  # (and the odds as shown pass)
