"""Saves record the rules their log was played under: old saves load and play on, and replay says when rules changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from io_kit import SAVES, rewrite

from game.cli import EXIT_OK, EXIT_RULES_CHANGED, main
from game.engine import RULES_VERSION, EndTurn, PlanMission, state_hash
from game.io import GameRecord, SaveError, load_game, replay, save_game
from game.io.codecs import dump_action
from game.io.saves import rules_changed_note


@pytest.fixture
def v1_finished(tmp_path: Path) -> Path:
    return Path(shutil.copy(SAVES / "v1_finished.json", tmp_path / "v1_finished.json"))


@pytest.fixture
def v1_midgame(tmp_path: Path) -> Path:
    return Path(shutil.copy(SAVES / "v1_play_on_midgame.json", tmp_path / "v1_play_on_midgame.json"))


def test_a_new_save_records_the_rules_it_was_played_under(saved: Path) -> None:
    assert json.loads(saved.read_text(encoding="utf-8"))["rules_version"] == RULES_VERSION
    assert load_game(saved).record.rules_version == RULES_VERSION


def test_a_version_1_save_loads_as_the_game_it_was(v1_finished: Path) -> None:
    data = json.loads(v1_finished.read_text(encoding="utf-8"))
    loaded = load_game(v1_finished)
    assert loaded.migrated_from == 1
    # The same game: its snapshot, as its own hash says, and its log. (The rules have changed since version 1,
    # the launch order among them, so playing its seed again today gives another game.)
    assert state_hash(loaded.state) == data["hash"]
    assert [dump_action(a) for a in loaded.record.actions] == data["actions"]
    assert all(not r.window for r in loaded.state.public_log), "a launch from before windows has none"
    # A save without the field was made under rules version 1, and the game says so.
    assert loaded.record.rules_version == 1
    assert any("rules version 1" in w for w in loaded.warnings)


def test_a_version_1_save_plays_on_and_keeps_its_old_rules_version(v1_midgame: Path, tmp_path: Path) -> None:
    loaded = load_game(v1_midgame)
    record = loaded.record
    assert record.state.play_on and not record.over
    before = record.state.turn
    for side in record.rules.side_ids:
        if not record.state.sides[side].ended:
            record.apply(EndTurn(side))
    assert record.state.turn == before + 1
    again = load_game(save_game(tmp_path / "again.json", record))
    # The log still began under rules version 1: saving it again does not pretend otherwise.
    assert again.record.rules_version == 1 and again.migrated_from is None
    assert state_hash(again.state) == state_hash(record.state)


def test_a_version_1_save_with_an_edited_field_is_still_caught(v1_finished: Path) -> None:
    rewrite(v1_finished, lambda d: d["snapshot"]["sides"]["red"].__setitem__("prestige", 999), reseal=False)
    with pytest.raises(SaveError, match="checksum"):
        load_game(v1_finished)


def test_replay_of_an_old_save_that_still_reproduces_is_ok(saved: Path) -> None:
    rewrite(saved, lambda d: d.__setitem__("rules_version", RULES_VERSION - 1))
    result = replay(saved)
    assert result.ok and not result.rules_changed, result.summary
    assert f"rules version {RULES_VERSION - 1}" in result.summary


def test_replay_of_a_version_1_save_the_launch_order_changed_says_the_rules_changed(v1_finished: Path) -> None:
    # Version 7 let launch windows, not a coin, decide who flies first: this game's log plays otherwise now.
    result = replay(v1_finished)
    assert not result.ok and result.rules_changed, result.summary
    assert "rules version 1" in result.summary
    assert state_hash(load_game(v1_finished).state) == result.saved_hash


def _as_if_made_under_older_rules(path: Path) -> None:
    """A save whose log no longer reproduces, as one made under other rules: an order changed, the snapshot kept."""

    def edit(d: dict) -> None:  # type: ignore[type-arg]
        d["rules_version"] = RULES_VERSION - 1
        funding = next(a for a in d["actions"] if a["type"] == "fund_research")
        funding["amount"] += 1

    rewrite(path, edit)


def test_replay_under_changed_rules_reports_it_rather_than_a_mismatch(saved: Path) -> None:
    _as_if_made_under_older_rules(saved)
    result = replay(saved)
    assert not result.ok and result.rules_changed
    assert "Rules changed" in result.summary and f"rules version {RULES_VERSION - 1}" in result.summary
    assert "diverges" not in result.summary
    # ...and the save still loads, from its snapshot.
    loaded = load_game(saved)
    assert state_hash(loaded.state) == result.saved_hash
    assert any(f"rules version {RULES_VERSION - 1}" in w for w in loaded.warnings)


def test_the_same_drift_under_the_same_rules_is_a_mismatch(saved: Path) -> None:
    rewrite(saved, lambda d: next(a for a in d["actions"] if a["type"] == "fund_research").__setitem__("amount", 99))
    result = replay(saved)
    assert not result.ok and not result.rules_changed


def test_spacerace_replay_exits_with_its_own_code_when_the_rules_changed(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["replay", str(saved)]) == EXIT_OK
    _as_if_made_under_older_rules(saved)
    assert main(["replay", str(saved)]) == EXIT_RULES_CHANGED == 3
    assert "Rules changed" in capsys.readouterr().out


def test_a_save_from_before_launch_windows_with_a_flight_planned_loads_and_flies_it(
    tmp_path: Path, finished: GameRecord
) -> None:
    # The game up to its first planned flight, saved as a build before launch windows wrote it: no window in
    # its log, its snapshot's planned flight or its launches.
    record = GameRecord.start(finished.scenario, finished.setup, finished.seed)
    for action in finished.actions:
        record.apply(action)
        if isinstance(action, PlanMission):
            break
    side = action.side
    path = save_game(tmp_path / "before_windows.json", record)

    def edit(d: dict) -> None:  # type: ignore[type-arg]
        d["rules_version"] = 6
        for me in d["snapshot"]["sides"].values():
            for p in me["plan"]:
                del p["window"]
        for launch in d["snapshot"]["public_log"]:
            launch[:] = launch[:5]
        assert all("window" not in a for a in d["actions"])

    rewrite(path, edit)
    loaded = load_game(path)  # its hash still holds: an empty window is no part of a state's canonical form
    assert [p.window for p in loaded.state.sides[side].plan] == [""]
    game = loaded.record
    for s in game.rules.side_ids:
        if not game.state.sides[s].ended:
            game.apply(EndTurn(s))
    flown = [r for r in game.state.public_log if r.side == side and r.turn == game.state.turn - 1]
    assert flown and all(r.window == "" for r in flown)


def test_a_loaded_game_says_whether_it_plays_its_own_content_and_older_rules(v1_midgame: Path, saved: Path) -> None:
    old = load_game(v1_midgame)
    assert old.rules_changed and old.own_content  # begun under rules 1; the installed campaign has changed since
    # its warnings: why its own content is played, the rules' change; upgrading version 1 left no note of its own
    assert old.upgrade_notes == [] and old.warnings == [*old.content_notes, rules_changed_note(1)]
    assert len(old.content_notes) == 1
    fresh = load_game(saved)
    assert not fresh.rules_changed and not fresh.own_content and fresh.upgrade_notes == []
