"""A saved game loads back as the very same game: state, log, setup and checkpoints, plain or compressed."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from io_kit import SETUP, play_randomly, random_game

from game.content.load import Scenario
from game.engine import state_hash, state_to_dict
from game.io import SAVE_FORMAT, SAVE_VERSION, GameRecord, load_game, save_game, save_path, saves_dir

MAX_SAVE_BYTES = 1_000_000


def assert_same_game(a: GameRecord, b: GameRecord) -> None:
    assert state_hash(a.state) == state_hash(b.state)
    assert state_to_dict(a.state) == state_to_dict(b.state)
    assert a.actions == b.actions
    assert a.checkpoints == b.checkpoints
    assert a.setup == b.setup
    assert a.seed == b.seed
    assert a.rules.fingerprint == b.rules.fingerprint


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_finished_random_game_round_trips(tmp_path: Path, tiny: Scenario, seed: int) -> None:
    record = random_game(tiny, seed)
    assert record.over
    loaded = load_game(save_game(tmp_path / "g.json", record))
    assert loaded.warnings == []
    assert loaded.migrated_from is None
    assert_same_game(loaded.record, record)


@pytest.mark.parametrize("stop_after", [0, 1, 17, 40])
def test_game_saved_mid_turn_round_trips_and_plays_on_identically(
    tmp_path: Path, tiny: Scenario, stop_after: int
) -> None:
    record = random_game(tiny, seed=11, stop_after=stop_after)
    loaded = load_game(save_game(tmp_path / "g.json", record)).record
    assert_same_game(loaded, record)
    # The loaded game is a real game: the same choices from here lead to the same end.
    assert_same_game(play_randomly(loaded, seed=99), play_randomly(record, seed=99))


def test_finished_game_save_is_small_compact_json(saved: Path) -> None:
    raw = saved.read_bytes()
    assert len(raw) <= MAX_SAVE_BYTES
    assert raw.startswith(b'{"format":"spacerace-save"')
    assert b", " not in raw[:200] and b"\n" not in raw


def test_envelope_carries_what_the_design_names(saved: Path, finished: GameRecord) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == SAVE_FORMAT and data["save_version"] == SAVE_VERSION
    assert data["scenario"] == "tiny" and data["mods"] == []
    assert data["fingerprint"] == finished.rules.fingerprint
    assert data["seed"] == 7
    assert data["setup"] == {"controllers": [["red", "human"], ["blue", "ai:normal"]], "options": []}
    assert len(data["actions"]) == len(finished.actions)
    assert data["hash"] == state_hash(finished.state)
    assert data["content"] == finished.scenario.content
    assert data["checkpoints"][0][0] == 0 and data["checkpoints"][-1][0] == len(finished.actions)
    meta = data["meta"]
    assert meta["sides"] == ["red"]
    assert meta["turn"] == finished.state.turn
    assert meta["date"] == finished.rules.date_label(finished.state.turn)
    assert meta["over"] is True
    datetime.fromisoformat(meta["saved_at"])


def test_checkpoint_is_taken_at_the_start_and_whenever_a_turn_closes(tiny: Scenario) -> None:
    record = GameRecord.start(tiny, SETUP, seed=5)
    assert record.turn_closed and record.checkpoints == [(0, state_hash(record.state))]
    from game.engine import EndTurn

    record.apply(EndTurn("red"))
    assert not record.turn_closed and len(record.checkpoints) == 1
    record.apply(EndTurn("blue"))
    assert record.turn_closed
    assert record.checkpoints[-1] == (2, state_hash(record.state))


def test_compressed_save_is_told_apart_by_its_first_bytes(tmp_path: Path, finished: GameRecord) -> None:
    path = save_game(tmp_path / "g.json", finished, compress=True)
    raw = path.read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    assert json.loads(gzip.decompress(raw))["format"] == SAVE_FORMAT
    assert_same_game(load_game(path).record, finished)


def test_saved_at_comes_from_the_clock_given(tmp_path: Path, finished: GameRecord) -> None:
    moment = datetime(1969, 7, 20, 20, 17, tzinfo=UTC)
    loaded = load_game(save_game(tmp_path / "g.json", finished, now=moment))
    assert loaded.meta.saved_at == "1969-07-20T20:17:00+00:00"


def test_default_saves_folder_follows_the_environment(tmp_path: Path) -> None:
    assert saves_dir() == tmp_path / "saves"
    assert save_path("Moon by '69 / try 2") == tmp_path / "saves" / "Moon_by_69_try_2.json"
    assert save_path("../../etc/passwd").parent == tmp_path / "saves"
