"""Saves are written atomically with rotating backups: a failed write never harms the file that was there."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from io_kit import SETUP, random_game

from game.content.load import Scenario
from game.engine import EndTurn
from game.io import GameRecord, SaveError, autosave, autosave_path, load_game, save_game


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_replace_leaves_the_old_save_and_no_temporary_file(
    tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_game(tmp_path / "g.json", random_game(tiny, seed=1, stop_after=10))
    before = path.read_bytes()

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save_game(path, random_game(tiny, seed=2), backups=0)
    assert (
        str(caught.value) == f"{path}: cannot write the save (No space left on device); the previous file is unchanged"
    )
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_failed_write_leaves_the_old_save(tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_game(tmp_path / "g.json", random_game(tiny, seed=1, stop_after=10))
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SaveError, match="Input/output error"):
        save_game(path, random_game(tiny, seed=2))
    assert path.read_bytes() == before
    assert not path.with_name("g.json.1").exists()
    assert leftovers(tmp_path) == []


def test_backups_rotate_and_the_oldest_falls_off(tmp_path: Path, tiny: Scenario) -> None:
    path = tmp_path / "g.json"
    records = [random_game(tiny, seed=1, stop_after=n) for n in (2, 4, 6, 8, 10)]
    for record in records:
        save_game(path, record, backups=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.json.1", "g.json.2", "g.json.3", "mods"]
    for name, record in [
        ("g.json", records[4]),
        ("g.json.1", records[3]),
        ("g.json.2", records[2]),
        ("g.json.3", records[1]),
    ]:
        assert len(load_game(tmp_path / name).record.actions) == len(record.actions)


def test_no_backups_when_told_none(tmp_path: Path, finished: GameRecord) -> None:
    path = tmp_path / "g.json"
    save_game(path, finished, backups=0)
    save_game(path, finished, backups=0)
    assert not path.with_name("g.json.1").exists()


def test_autosave_goes_to_the_saves_folder_each_turn_with_backups(tmp_path: Path, tiny: Scenario) -> None:
    record = GameRecord.start(tiny, SETUP, seed=4)
    start = datetime(1970, 1, 1, tzinfo=UTC)
    for turn in range(1, 6):
        for side in record.rules.side_ids:
            record.apply(EndTurn(side))
        assert record.turn_closed
        autosave(record, now=start + timedelta(minutes=turn))
    folder = tmp_path / "saves"
    slot = f"autosave-{record.game_id}.json"  # the game's own slot
    assert autosave_path(record.game_id) == folder / slot
    assert sorted(p.name for p in folder.iterdir()) == [slot, f"{slot}.1", f"{slot}.2", f"{slot}.3"]
    assert load_game(folder / slot).meta.saved_at == (start + timedelta(minutes=5)).isoformat()
    assert load_game(folder / f"{slot}.3").meta.saved_at == (start + timedelta(minutes=2)).isoformat()


def test_two_games_autosave_to_slots_of_their_own(tmp_path: Path, tiny: Scenario) -> None:
    """A hot-seat match started beside a campaign used to replace the campaign's autosave and its backups."""
    campaign, match = GameRecord.start(tiny, SETUP, seed=4), GameRecord.start(tiny, SETUP, seed=4)
    for _ in range(4):
        for record in (campaign, match):
            for side in record.rules.side_ids:
                record.apply(EndTurn(side))
            autosave(record)
    folder = tmp_path / "saves"
    assert load_game(autosave_path(campaign.game_id)).record.actions == campaign.actions
    assert load_game(autosave_path(match.game_id)).record.game_id == match.game_id
    assert len(list(folder.glob("autosave-*.json.3"))) == 2  # each keeps its own backups
