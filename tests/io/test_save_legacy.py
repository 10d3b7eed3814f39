"""Saves in the window's former format (`spacerace-ui-save`) are listed, load, replay and save on in the current one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from io_kit import SAVES, one_line_about

from game.cli import main
from game.content.load import Scenario
from game.engine import Setup, state_hash
from game.io import GameRecord, SaveError, list_saves, load_game, replay, save_game
from game.io.codecs import read_actions
from game.io.legacy import CONVERTED


@pytest.fixture
def former(scratch_world: Path) -> Path:
    folder = scratch_world / "saves"
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(SAVES / "ui_format.json", folder / "ui_format.json"))


def edited(path: Path, change: Any) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_former_save_is_listed_from_its_own_words(former: Path) -> None:
    listing = list_saves(former.parent)
    assert listing.unreadable == []
    (info,) = listing.saves
    assert (info.scenario, info.sides, info.date) == ("tiny", ("red",), "1961-Q1")
    assert info.saved_at == "2025-01-02T03:04:05+00:00"


def test_a_former_save_loads_as_its_orders_played_again(former: Path, tiny: Scenario) -> None:
    loaded = load_game(former)
    data = json.loads(former.read_text(encoding="utf-8"))
    record = GameRecord.start(tiny, Setup(controllers=(("red", "human"), ("blue", "ai:normal"))), data["seed"])
    for action in read_actions(data["actions"]):
        record.apply(action)
    assert loaded.record.actions == record.actions and len(record.actions) == len(data["actions"])
    assert loaded.record.setup == record.setup and loaded.record.seed == 5
    assert state_hash(loaded.state) == state_hash(record.state)
    assert CONVERTED in loaded.warnings


def test_a_former_save_replays_and_saves_on_in_the_current_format(former: Path, tmp_path: Path) -> None:
    assert replay(former).ok
    assert main(["replay", str(former)]) == 0
    again = load_game(save_game(tmp_path / "again.json", load_game(former).record))
    assert again.warnings == [] and again.migrated_from is None


def test_a_former_save_whose_orders_the_rules_now_refuse_stops_there(former: Path) -> None:
    edited(
        former, lambda d: d["actions"].insert(5, {"type": "fund_research", "side": "red", "tech": "nope", "amount": 1})
    )
    loaded = load_game(former)
    assert "the log stopped replaying after 5 of 27 orders" in loaded.warnings
    assert len(loaded.record.actions) == 5


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.__setitem__("scenario", "no_such_scenario"), "scenario 'no_such_scenario', which does not load"),
        (lambda d: d.__setitem__("seed", "five"), "field 'seed' must be a whole number"),
        (lambda d: d.__setitem__("version", 2), "newer version of Space Race"),
        (lambda d: d["actions"].__setitem__(0, {"type": "launch_nukes"}), "is not an action"),
        (lambda d: d.pop("controllers"), "field 'controllers' is missing"),
    ],
)
def test_a_former_save_that_cannot_be_converted_is_one_line(former: Path, change: Any, words: str) -> None:
    edited(former, change)
    with pytest.raises(SaveError) as caught:
        load_game(former)
    assert one_line_about(str(caught.value), former) and words in str(caught.value)
    listing = list_saves(former.parent)  # listed, or named as unreadable: never a crash
    assert len(listing.saves) + len(listing.unreadable) == 1
