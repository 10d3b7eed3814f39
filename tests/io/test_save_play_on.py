"""A game set to play on after a win keeps that setting through its save, and a damaged setting is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from io_kit import SETUP, one_line_about, play_randomly, random_game, rewrite

from game.content.load import Scenario
from game.engine import Setup
from game.io import GameRecord, SaveError, load_game, replay, save_game

PLAY_ON = Setup(controllers=SETUP.controllers, play_on=True)


def test_play_on_is_saved_as_an_option_and_comes_back(tmp_path: Path, tiny: Scenario) -> None:
    path = save_game(tmp_path / "on.json", play_randomly(GameRecord.start(tiny, PLAY_ON, 4), 4, stop_after=30))
    assert json.loads(path.read_text(encoding="utf-8"))["setup"]["options"] == [["play_on", "yes"]]
    loaded = load_game(path)
    assert loaded.record.setup.play_on and loaded.record.state.play_on
    assert replay(path).ok, "the replay starts from the same setup, play-on included"
    # An ordinary game's save has no trace of it, as before the option existed.
    plain = save_game(tmp_path / "plain.json", random_game(tiny, 4, stop_after=30))
    assert json.loads(plain.read_text(encoding="utf-8"))["setup"]["options"] == []
    assert not load_game(plain).record.setup.play_on


def test_a_play_on_option_that_is_neither_yes_nor_no_is_named(tmp_path: Path, tiny: Scenario) -> None:
    path = save_game(tmp_path / "on.json", play_randomly(GameRecord.start(tiny, PLAY_ON, 4), 4, stop_after=30))
    rewrite(path, lambda d: d["setup"].__setitem__("options", [["play_on", "maybe"]]))
    with pytest.raises(SaveError) as caught:
        load_game(path)
    message = str(caught.value)
    assert one_line_about(message, path) and "'setup.options'" in message and "'maybe'" in message
    assert caught.value.field == "setup.options"
