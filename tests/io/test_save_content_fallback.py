"""A save plays on when its mods are gone or its scenario changed: the content kept in the save rebuilds the rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from io_kit import SETUP, TINY, play_randomly

from game.content.load import load_scenario
from game.engine import state_hash
from game.io import GameRecord, load_game, replay, save_game

MOD_MANIFEST = "id: cheap_boosters\nkind: mod\nversion: 1.0.0\nrequires: [tiny]\n"
MOD_CONTENT = "hardware:\n  - {id: booster, $op: patch, unit_cost: 2}\n"


@pytest.fixture
def modded_save(scratch_world: Path) -> tuple[Path, GameRecord]:
    mod = scratch_world / "mods" / "cheap_boosters"
    mod.mkdir()
    (mod / "manifest.yaml").write_text(MOD_MANIFEST, encoding="utf-8")
    (mod / "content.yaml").write_text(MOD_CONTENT, encoding="utf-8")
    scenario = load_scenario("tiny", ["cheap_boosters"])
    assert scenario.ruleset.hardware["booster"].unit_cost == 2
    record = play_randomly(GameRecord.start(scenario, SETUP, seed=8), seed=8)
    return save_game(scratch_world / "saves" / "modded.json", record), record


def test_installed_mods_are_used_when_they_still_match(modded_save: tuple[Path, GameRecord]) -> None:
    path, record = modded_save
    loaded = load_game(path)
    assert loaded.warnings == []
    assert loaded.scenario.layers, "the installed packages were used"
    assert loaded.state.rules.mods == ("cheap_boosters",)
    assert state_hash(loaded.state) == state_hash(record.state)


def test_missing_mod_falls_back_to_the_saved_content_with_a_warning(
    modded_save: tuple[Path, GameRecord], scratch_world: Path
) -> None:
    path, record = modded_save
    shutil.rmtree(scratch_world / "mods" / "cheap_boosters")
    loaded = load_game(path)
    assert loaded.warnings == ["mod 'cheap_boosters' is missing; the game was loaded from the content kept in the save"]
    assert loaded.state.rules.hardware["booster"].unit_cost == 2
    assert loaded.state.rules.fingerprint == record.rules.fingerprint
    assert state_hash(loaded.state) == state_hash(record.state)
    result = replay(path)
    assert result.ok, result.summary
    assert "mod 'cheap_boosters' is missing" in result.summary


def test_changed_scenario_falls_back_with_a_warning(
    tmp_path: Path, scratch_world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "installed" / "tiny"
    shutil.copytree(TINY, copy)
    monkeypatch.setenv("SPACERACE_SCENARIOS", str(copy.parent))
    record = play_randomly(GameRecord.start(load_scenario("tiny"), SETUP, seed=2), seed=2)
    path = save_game(scratch_world / "saves" / "g.json", record)
    content = copy / "content.yaml"
    content.write_text(content.read_text(encoding="utf-8").replace("unit_cost: 4", "unit_cost: 5"), encoding="utf-8")
    loaded = load_game(path)
    assert len(loaded.warnings) == 1
    assert loaded.warnings[0].startswith("scenario changed since this save: fingerprint differs")
    assert loaded.state.rules.hardware["booster"].unit_cost == 4
    assert state_hash(loaded.state) == state_hash(record.state)


def test_scenario_not_installed_falls_back_with_a_warning(
    saved: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPACERACE_SCENARIOS", str(tmp_path / "empty"))
    loaded = load_game(saved)
    assert loaded.warnings == [
        "scenario 'tiny' is not installed; the game was loaded from the content kept in the save"
    ]
    assert replay(saved).ok


def test_quick_load_uses_the_saved_content_and_still_reports_missing_mods(
    modded_save: tuple[Path, GameRecord], scratch_world: Path
) -> None:
    path, record = modded_save
    quick = load_game(path, check_installed=False)
    assert quick.warnings == [] and not quick.scenario.layers
    assert state_hash(quick.state) == state_hash(record.state)
    shutil.rmtree(scratch_world / "mods" / "cheap_boosters")
    assert load_game(path, check_installed=False).warnings == [
        "mod 'cheap_boosters' is missing; the game was loaded from the content kept in the save"
    ]
