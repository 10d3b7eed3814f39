"""Old saves are lifted to the current layout by the pure steps in game.io.migrations, and then load as usual."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from io_kit import SAVES, one_line_about

from game.content.load import Scenario
from game.engine import state_hash
from game.io import SAVE_VERSION, GameRecord, SaveError, load_game, replay, save_game
from game.io.codecs import dump_action
from game.io.migrations import STEPS, migrate


def as_version_0(envelope: dict[str, Any]) -> dict[str, Any]:
    """The draft layout of the first builds, as such a build would have written this game."""
    return {
        "format": "spacerace-save",
        "save_version": 0,
        "game_version": "0.0.1",
        "scenario": {"id": envelope["scenario"], "mods": envelope["mods"], "fingerprint": envelope["fingerprint"]},
        "controllers": dict(envelope["setup"]["controllers"]),
        "seed": envelope["seed"],
        "log": [{("action" if k == "type" else k): v for k, v in a.items()} for a in envelope["actions"]],
        "state": envelope["snapshot"],
        "state_hash": envelope["hash"],
        "saved_at": "1999-01-01T00:00:00+00:00",
        "content": envelope["content"],
    }


@pytest.fixture
def old_save(tmp_path: Path) -> Path:
    """`finished` as the first builds would have saved it (from the version 1 save the game wrote of it)."""
    path = tmp_path / "old.json"
    version_1 = json.loads((SAVES / "v1_finished.json").read_text(encoding="utf-8"))
    path.write_text(json.dumps(as_version_0(version_1)), encoding="utf-8")
    return path


def test_every_older_version_has_a_step() -> None:
    assert sorted(STEPS) == list(range(SAVE_VERSION))


def test_version_0_save_loads_as_the_same_game(old_save: Path) -> None:
    data = json.loads(old_save.read_text(encoding="utf-8"))
    loaded = load_game(old_save)
    assert loaded.migrated_from == 0
    # The same game: its snapshot (its hash checked on loading), its log and its setup. (The rules have changed
    # since, the launch order among them, so playing its seed again today gives another game.)
    assert state_hash(loaded.state) == data["state_hash"]
    assert [dump_action(a) for a in loaded.record.actions] == [
        {("type" if k == "action" else k): v for k, v in a.items()} for a in data["log"]
    ]
    assert dict(loaded.record.setup.controllers) == data["controllers"]
    assert loaded.meta.sides == ["red"]
    assert loaded.meta.date == loaded.record.rules.date_label(loaded.state.turn)
    assert loaded.meta.saved_at == "1999-01-01T00:00:00+00:00"


def test_version_0_save_replays_to_its_snapshot_or_says_the_rules_changed(old_save: Path) -> None:
    result = replay(old_save)
    assert result.ok or result.rules_changed, result.summary
    assert result.rules_changed  # launch windows (rules version 7) changed this game's launch order


def test_upgraded_game_saves_in_the_current_layout(old_save: Path, tmp_path: Path) -> None:
    again = save_game(tmp_path / "again.json", load_game(old_save).record)
    data = json.loads(again.read_text(encoding="utf-8"))
    assert data["save_version"] == SAVE_VERSION and "checksum" in data
    assert load_game(again).migrated_from is None


def test_migration_is_pure(old_save: Path) -> None:
    old = json.loads(old_save.read_text(encoding="utf-8"))
    before = copy.deepcopy(old)
    new = migrate(old, 0)
    assert old == before
    assert new["save_version"] == SAVE_VERSION
    assert new["actions"][0]["type"] == before["log"][0]["action"]


def test_broken_old_save_is_a_save_error(old_save: Path) -> None:
    old = json.loads(old_save.read_text(encoding="utf-8"))
    del old["log"]
    old_save.write_text(json.dumps(old), encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load_game(old_save)
    assert one_line_about(str(caught.value), old_save)
    assert "cannot upgrade this save from save version 0 ('log' is missing)" in str(caught.value)


def test_version_2_save_gets_a_game_id_the_same_for_every_save_of_that_game(tmp_path: Path) -> None:
    loaded = load_game(SAVES / "v2_midgame_autosave.json")
    assert loaded.migrated_from == 2
    game_id = loaded.record.game_id
    assert len(game_id) == 12 and int(game_id, 16) >= 0
    assert load_game(SAVES / "v2_midgame_autosave.json").record.game_id == game_id  # derived, not drawn
    # a save of the same game a turn later is still that game; saved again, it keeps its id
    again = save_game(tmp_path / "again.json", loaded.record)
    assert json.loads(again.read_text(encoding="utf-8"))["game_id"] == game_id
    assert load_game(again).record.game_id == game_id


def test_new_games_have_ids_of_their_own(tiny: Scenario) -> None:
    from game.engine import Setup

    setup = Setup(controllers=(("red", "human"), ("blue", "ai:easy")))
    a, b = GameRecord.start(tiny, setup, 1), GameRecord.start(tiny, setup, 1)
    assert a.game_id != b.game_id
