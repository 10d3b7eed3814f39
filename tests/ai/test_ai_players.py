"""The public interface of computer players: one registry, `FILE.py:NAME` players from the command line, and
the scripted bots playing whole games with legal orders only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai import (
    ALL_LEVELS,
    BOTS,
    LEVELS,
    PLAYERS,
    PlayerSpecError,
    choose_actions,
    is_file_spec,
    load_player,
    player_of,
)
from game.ai.runner import ai_rng
from game.cli import main
from game.engine import EndTurn, new_game, player_rng, player_view, validate
from game.engine.batch import apply_orders
from game.engine.rules import Ruleset
from tests.test_cli import one_line_error

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ai" / "cautious.py"

# --------------------------------------------------------------------------------------------- the registry


def test_every_level_and_bot_is_in_the_one_registry_and_callable():
    assert set(PLAYERS) == set(ALL_LEVELS) == set(LEVELS) | set(BOTS)
    for name in ALL_LEVELS:
        assert player_of(name) is PLAYERS[name] and callable(PLAYERS[name])
    with pytest.raises(PlayerSpecError, match="no computer player 'nobody'"):
        player_of("nobody")


def test_the_simulators_dice_for_a_player_are_the_engines_player_rng():
    for seed, side, turn in ((1, 0, 7823), (10_001, 1, 7900), (2**40, 1, 0)):
        assert ai_rng(seed, side, turn) == player_rng(seed, side, turn)
    assert ai_rng(1, 0, 7823) != ai_rng(1, 1, 7823) != ai_rng(1, 0, 7824)


def test_file_specs_are_told_from_levels():
    assert is_file_spec("examples/ai/cautious.py:play")
    assert is_file_spec("C:/players/mine.py:play")
    assert not is_file_spec("hard") and not is_file_spec("bot_moon_rush") and not is_file_spec("mine.py")


# --------------------------------------------------------------------------------------------- FILE.py:NAME


def _simulate(tmp_path: Path, spec: str, *more: str) -> tuple[int, dict]:
    out = tmp_path / "games.json"
    code = main(["simulate", "--games", "2", "--seed", "3", "--ai", f"us={spec}", "--json", str(out), "--quiet", *more])
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}


def test_the_worked_example_plays_whole_games_through_simulate(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    spec = f"{EXAMPLE}:play"
    code, doc = _simulate(tmp_path, spec)
    assert code == 0
    assert [g["levels"]["us"] for g in doc["games"]] == [spec, spec]
    assert all(g["winner"] is not None and g["launches"]["us"] > 0 for g in doc["games"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_player_is_the_one_that_plays(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str):
    """A player that never orders anything: its side never launches, in this process or in workers."""
    mine = tmp_path / "idle.py"
    mine.write_text("def idle(view, rng):\n    return []\n", encoding="utf-8")
    code, doc = _simulate(tmp_path, f"{mine}:idle", "--jobs", jobs)
    assert code == 0
    assert [g["launches"]["us"] for g in doc["games"]] == [0, 0]
    assert all(g["launches"]["ussr"] > 0 for g in doc["games"])


BAD_FILES = {
    "syntax": ("def play(view, rng)\n    return []\n", "play", "syntax error"),
    "raises_on_load": (
        "raise RuntimeError('no\\nway')\ndef play(view, rng):\n    return []\n",
        "play",
        "RuntimeError: no way",
    ),
    "no_such_name": ("def play(view, rng):\n    return []\n", "other", "has no 'other'"),
    "not_callable": ("play = 3\n", "play", "'play' is not a function"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_player_is_one_line_and_exit_2(tmp_path: Path, capfd: pytest.CaptureFixture[str], case: str):
    text, name, words = BAD_FILES[case]
    path = tmp_path / f"{case}.py"
    path.write_text(text, encoding="utf-8")
    code = main(["simulate", "--games", "1", "--ai", f"ussr={path}:{name}", "--quiet"])
    _, err = capfd.readouterr()
    line = one_line_error(err)
    assert code == 2
    assert str(path) in line and words in line


def test_a_missing_file_or_a_bad_spec_is_one_line_and_exit_2(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    for spec, words in ((f"{tmp_path}/missing.py:play", "no such file"), ("nobody", "no level 'nobody'")):
        code = main(["simulate", "--games", "1", "--ai", f"us={spec}", "--quiet"])
        _, err = capfd.readouterr()
        assert code == 2 and words in one_line_error(err)


def test_a_file_player_that_raises_in_a_game_is_named_in_one_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    path = tmp_path / "bust.py"
    path.write_text("def play(view, rng):\n    raise KeyError('gone')\n", encoding="utf-8")
    code = main(["simulate", "--games", "1", "--seed", "4", "--ai", f"us={path}:play", "--quiet"])
    _, err = capfd.readouterr()
    line = one_line_error(err)
    assert code == 1
    assert f"{path}:play" in line and "seed 4" in line and "KeyError" in line


def test_a_file_player_is_loaded_only_when_asked_so_a_save_naming_one_plays_normal(tmp_path: Path, campaign: Ruleset):
    path = tmp_path / "never.py"
    path.write_text("raise RuntimeError('this file must not run')\n", encoding="utf-8")
    state = new_game(campaign, None, 1)
    view = player_view(state, "us")
    assert choose_actions(view, f"{path}:play", player_rng(1, 0, state.turn)) == choose_actions(
        view, "normal", player_rng(1, 0, state.turn)
    )
    with pytest.raises(PlayerSpecError, match="failed while loading"):
        load_player(f"{path}:play")


# --------------------------------------------------------------------------------------------- the bots


@pytest.mark.parametrize("bot", BOTS)
def test_each_bot_plays_a_whole_campaign_with_legal_orders_only(campaign: Ruleset, bot: str):
    """Every order a bot gives is valid when it is applied, in order, from the first quarter to the result."""
    seed = 11
    sides = campaign.side_ids
    levels = {sides[0]: bot, sides[1]: "normal"} if BOTS.index(bot) % 2 else {sides[0]: "normal", sides[1]: bot}
    state = new_game(campaign, None, seed)
    orders_given = 0
    while state.phase == "planning":
        for i, side in enumerate(sides):
            if state.phase != "planning":
                break
            orders = choose_actions(player_view(state, side), levels[side], ai_rng(seed, i, state.turn))
            if levels[side] == bot:
                for action in orders:
                    assert action.side == side
                    rejection = validate(state, action)
                    assert rejection is None, f"{bot} gave an illegal order {action}: {rejection}"
                    state, _, _ = apply_orders(state, [action])
                    orders_given += 1
                orders = []
            state, _, _ = apply_orders(state, [*orders, EndTurn(side)])
    assert state.phase == "over" and state.winner is not None
    assert orders_given > 50


def test_the_new_game_screen_offers_the_levels_only():
    from game.ui.screens.newgame import ai_levels

    assert ai_levels() == LEVELS
