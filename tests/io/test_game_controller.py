"""The game controller: every seat driven the same way, computer players handed their own dice, failures named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai import choose_actions
from game.ai.runner import ai_rng, play_game
from game.content.load import Scenario
from game.engine import (
    RULES_VERSION,
    EndTurn,
    FundResearch,
    PlayerView,
    Setup,
    player_rng,
    state_hash,
)
from game.engine.events import InstalmentPaid
from game.engine.rng import Rng
from game.engine.view import PUBLIC_EVENTS
from game.io import GameController, SeatFailed, load_game
from game.io.codecs import load_events, load_view
from game.io.controller import ComputerPlayer

HUMAN_VS_COMPUTER = Setup(controllers=(("red", "human"), ("blue", "ai:normal")))
COMPUTERS = Setup(controllers=(("red", "ai:easy"), ("blue", "ai:hard")))


def the_ai(level: str) -> ComputerPlayer:
    return lambda view, rng: choose_actions(view, level, rng)


def failing(bad_level: str) -> object:
    """Players of every level, but the one of `bad_level` raises."""

    def player(level: str) -> ComputerPlayer:
        if level != bad_level:
            return the_ai(level)

        def broken(view: PlayerView, rng: Rng) -> list:  # type: ignore[type-arg]
            raise ZeroDivisionError("the planner divided by zero")

        return broken

    return player


def game(tiny: Scenario, setup: Setup = HUMAN_VS_COMPUTER, seed: int = 4, players: object = the_ai) -> GameController:
    return GameController.start(tiny, setup, seed, players)  # type: ignore[arg-type]


def test_the_computer_players_dice_are_the_simulators() -> None:
    for seed, index, turn in [(0, 0, 7840), (3, 1, 7841), (2**40, 2, 9999)]:
        assert player_rng(seed, index, turn).state == ai_rng(seed, index, turn).state


def test_a_computer_seat_is_asked_with_its_own_view_and_its_own_dice(tiny: Scenario) -> None:
    asked: list[tuple[str, int, int]] = []

    def spy(level: str) -> ComputerPlayer:
        def player(view: PlayerView, rng: Rng) -> list:  # type: ignore[type-arg]
            asked.append((view.side, view.turn, rng.state))
            return []

        return player

    g = game(tiny, players=spy)
    turn = g.turn
    g.end_turn("red")
    assert asked == [("blue", turn, player_rng(g.seed, 1, turn).state)]


def test_a_computer_player_cannot_touch_the_games_dice(tiny: Scenario) -> None:
    def greedy(level: str) -> ComputerPlayer:
        def player(view: PlayerView, rng: Rng) -> list:  # type: ignore[type-arg]
            for _ in range(100):
                rng.next64()
            return []

        return player

    quiet, rolling = game(tiny, players=lambda level: lambda v, r: []), game(tiny, players=greedy)
    for g in (quiet, rolling):
        for _ in range(5):
            g.end_turn("red")
    assert state_hash(quiet.state) == state_hash(rolling.state)


def test_computers_driven_by_the_controller_play_the_simulators_game(tiny: Scenario) -> None:
    g = game(tiny, COMPUTERS, seed=9)
    while not g.over():
        g.run_computers()
    final, log = play_game(tiny.ruleset, 9, {"red": "easy", "blue": "hard"})
    assert g.log == log
    assert state_hash(g.state) == state_hash(final)


def test_orders_go_in_and_each_side_is_told_only_what_it_may_know(tiny: Scenario) -> None:
    g = game(tiny, Setup(controllers=(("red", "human"), ("blue", "human"))))
    assert g.act(FundResearch("red", "rocket", 5)) is None
    assert g.act(FundResearch("red", "no_such_tech", 5)) is not None
    assert g.log == [FundResearch("red", "rocket", 5)]
    assert g.waiting() == ["red", "blue"]
    assert not g.end_turn("red") and g.waiting() == ["blue"]
    assert g.end_turn("blue") and g.resolutions == 1
    red = g.events_for("red")
    assert red and all(type(e) in PUBLIC_EVENTS or e.side == "red" for e in red)
    assert [e for e in g.last_events if isinstance(e, InstalmentPaid) and e.side == "blue"]  # blue's own news...
    assert not [e for e in red if isinstance(e, InstalmentPaid) and e.side == "blue"]  # ...is not red's
    assert [e for _, e in g.history_for("blue")] == g.events_for("blue")


def test_what_a_side_is_sent_is_json_the_codecs_read_back(tiny: Scenario) -> None:
    g = game(tiny)
    g.end_turn("red")
    update = json.loads(json.dumps(g.update_for("red")))
    assert load_view(g.rules, json.dumps(update["view"])) == g.view("red")
    assert load_events(json.dumps(update["events"])) == g.events_for("red")


# ------------------------------------------------------------------------------ a computer player that fails


def test_a_failing_computer_player_is_named_and_nothing_it_did_is_kept(tiny: Scenario) -> None:
    g = game(tiny, players=failing("normal"))
    g.act(FundResearch("red", "rocket", 5))
    before = state_hash(g.state)
    with pytest.raises(SeatFailed) as caught:
        g.end_turn("red")
    failure = caught.value
    assert (failure.side, failure.level, failure.turn) == ("blue", "normal", g.turn)
    assert failure.date == g.rules.date_label(g.turn)
    assert isinstance(failure.cause, ZeroDivisionError) and failure.__cause__ is failure.cause
    assert str(failure) == (
        f"the computer player of blue (normal) failed in {failure.date}: ZeroDivisionError: the planner divided by zero"
    )
    assert state_hash(g.state) == before and not g.state.sides["red"].ended


def test_after_a_failure_another_level_takes_the_seat_and_the_save_says_so(tiny: Scenario, tmp_path: Path) -> None:
    g = game(tiny, players=failing("normal"))
    with pytest.raises(SeatFailed):
        g.end_turn("red")
    g.replace_seat("blue", "ai:hard")
    assert g.end_turn("red")
    assert load_game(g.save(tmp_path / "g.json")).record.setup.controller("blue") == "ai:hard"


def test_an_order_for_another_side_is_a_failure_of_the_player(tiny: Scenario) -> None:
    g = game(tiny, players=lambda level: lambda view, rng: [EndTurn("red")])
    with pytest.raises(SeatFailed, match="another side"):
        g.run_computers()
    assert not g.state.sides["red"].ended


# ------------------------------------------------------------------------------ saved and loaded


def test_a_loaded_game_tells_each_side_what_it_had_been_told(tiny: Scenario, tmp_path: Path) -> None:
    g = game(tiny, seed=6)
    for _ in range(4):
        g.act(FundResearch("red", "rocket", 3))
        g.end_turn("red")
    again, notes = GameController.load(g.save(tmp_path / "g.json"), the_ai)
    assert notes == []
    assert again.resolutions == g.resolutions == 4
    assert again.event_log == g.event_log and again.last_events == g.last_events
    assert again.log == g.log and state_hash(again.state) == state_hash(g.state)
    again.end_turn("red")
    g.end_turn("red")
    assert state_hash(again.state) == state_hash(g.state)


def test_a_game_begun_under_older_rules_goes_on_from_its_snapshot(tiny: Scenario, tmp_path: Path) -> None:
    g = game(tiny, seed=6)
    for _ in range(3):
        g.end_turn("red")
    g.record.rules_version = RULES_VERSION - 1
    again, notes = GameController.load(g.save(tmp_path / "g.json"), the_ai)
    assert any("rules version" in n for n in notes)
    assert again.event_log == [] and again.resolutions == 3
    assert state_hash(again.state) == state_hash(g.state)
    assert again.end_turn("red") and again.record.rules_version == RULES_VERSION - 1


def _with_green(tmp_path: Path) -> Scenario:
    """Tiny with a third side, green, that joins in 1960-Q3."""
    from io_kit import TINY

    from game.content.load import load_scenario

    folder = tmp_path / "green"
    folder.mkdir()
    (folder / "manifest.yaml").write_text("id: green\nkind: mod\nrequires: [tiny]\n", encoding="utf-8")
    (folder / "s.yaml").write_text(
        "sides:\n  - {id: green, name: {en: Green}, color: [60, 200, 60], budget: 44, joins: 1960-Q3}\n",
        encoding="utf-8",
    )
    return load_scenario(str(TINY), [str(folder)])


def test_a_person_whose_side_has_not_joined_is_not_asked_to_plan(tmp_path: Path) -> None:
    scenario = _with_green(tmp_path)
    setup = Setup(controllers=(("red", "human"), ("blue", "ai:normal"), ("green", "human")))
    g = game(scenario, setup)
    assert g.waiting() == ["red"], "the hand-off goes to the sides in the game"
    g.end_turn("red")
    assert g.waiting() == ["red"] and g.state.waiting == ["green"]
    g.end_turn("red")
    assert g.state.waiting == [] and g.waiting() == ["red", "green"], "green plans from the quarter it joins"


def test_a_person_waiting_to_join_watches_the_quarters_go_by(tmp_path: Path) -> None:
    scenario = _with_green(tmp_path)
    g = game(scenario, Setup(controllers=(("red", "ai:normal"), ("blue", "ai:normal"), ("green", "human"))))
    start = g.state.turn
    assert g.waiting() == []
    assert g.end_turn("green"), "ending the waiting side's turn lets the computers play the quarter"
    assert g.state.turn == start + 1


def test_a_person_who_watched_the_quarters_go_by_plans_the_quarter_the_side_joins(tmp_path: Path) -> None:
    scenario = _with_green(tmp_path)
    g = game(scenario, Setup(controllers=(("red", "ai:normal"), ("blue", "ai:normal"), ("green", "human"))))
    while g.state.waiting:
        assert g.end_turn("green")
    joined = g.state.turn
    assert g.rules.date_label(joined) == "1960-Q3"
    assert g.waiting() == ["green"], "its first quarter waits for its orders instead of being ended unseen"
    assert g.end_turn("green") and g.state.turn == joined + 1
