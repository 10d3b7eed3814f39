"""Saves from the places earlier releases kept them are brought into the saves folder once, and none is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from io_kit import SAVES, play_randomly

from game import paths
from game.engine import state_hash
from game.io import load_game, save_game, saves_dir
from game.io.legacy import CONVERTED
from game.io.oldsaves import import_old_saves

BEFORE = "v2_midgame_autosave.json"  # written by the release before saves moved (see tests/fixtures/saves)


def old_place(root: Path, name: str, *fixtures: str) -> Path:
    folder = root / name / "saves"
    folder.mkdir(parents=True)
    for f in fixtures:
        shutil.copy2(SAVES / f, folder / f)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def aged(path: Path, seconds_ago: float) -> Path:
    when = path.stat().st_mtime - seconds_ago
    os.utime(path, (when, when))
    return path


def test_the_old_places_are_the_working_folders_saves_and_the_game_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SPACERACE_OLD_SAVES")
    monkeypatch.chdir(tmp_path)
    checkout = Path(paths.__file__).resolve().parents[1]
    assert paths.old_save_places() == [tmp_path / "saves", checkout / "saves"]
    monkeypatch.setenv("SPACERACE_OLD_SAVES", os.pathsep.join(["/a", "/b"]))
    assert paths.old_save_places() == [Path("/a"), Path("/b")]


def test_a_save_of_the_release_before_imported_from_the_working_folder_loads_and_plays_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started = tmp_path / "started_here"
    old = old_place(tmp_path, "started_here", BEFORE)
    monkeypatch.chdir(started)
    monkeypatch.setenv("SPACERACE_OLD_SAVES", str(Path("saves").resolve()))
    before = snapshot(old)

    report = import_old_saves()

    assert [(i.source, i.target) for i in report.imported] == [(old / BEFORE, saves_dir() / BEFORE)]
    assert snapshot(old) == before  # copied, never moved or changed
    loaded = load_game(saves_dir() / BEFORE)
    assert not loaded.record.over and len(loaded.record.actions) == 30
    play_randomly(loaded.record, seed=3, stop_after=60)
    assert len(loaded.record.actions) == 60
    again = load_game(save_game(saves_dir() / "later.json", loaded.record))
    assert state_hash(again.state) == state_hash(loaded.record.state)


def test_saves_of_both_old_places_come_with_their_backups_and_the_window_format(tmp_path: Path) -> None:
    window = old_place(tmp_path, "cwd", "ui_format.json", BEFORE)
    checkout = old_place(tmp_path, "checkout", "v1_finished.json")
    for n in (1, 2):
        shutil.copy2(SAVES / "v1_play_on_midgame.json", checkout / f"v1_finished.json.{n}")

    report = import_old_saves(places=[window, checkout])

    folder = saves_dir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [BEFORE, paths.IMPORT_MARKER, "ui_format.json", "v1_finished.json", "v1_finished.json.1", "v1_finished.json.2"]
    )
    assert len(report.imported) == 3 and report.skipped == []
    assert (folder / "v1_finished.json.2").read_bytes() == (checkout / "v1_finished.json.2").read_bytes()
    assert CONVERTED in load_game(folder / "ui_format.json").warnings  # the window's former format loads
    assert load_game(folder / "v1_finished.json").record.over
    log = (folder / paths.IMPORT_MARKER).read_text(encoding="utf-8")
    assert f"imported {checkout / 'v1_finished.json'} as v1_finished.json" in log
    assert "originals are where they were" in log


def test_it_happens_once_and_a_repeated_run_copies_nothing_twice(tmp_path: Path) -> None:
    old = old_place(tmp_path, "cwd", BEFORE, "v1_finished.json")
    first = import_old_saves(places=[old])
    assert len(first.imported) == 2
    shutil.copy2(SAVES / "ui_format.json", old / "ui_format.json")
    assert import_old_saves(places=[old]).done_before  # the marker says it was done: a later save there stays
    assert not (saves_dir() / "ui_format.json").exists()

    (saves_dir() / paths.IMPORT_MARKER).unlink()  # as if the first run had been cut short before its marker
    again = import_old_saves(places=[old])
    assert [i.source.name for i in again.imported] == ["ui_format.json"]
    assert sorted(p.name for p in again.already_there) == sorted([BEFORE, "v1_finished.json"])
    assert not any("imported" in p.name for p in saves_dir().glob("*.json"))


def test_a_save_is_never_copied_over_another_of_the_same_name_the_newest_keeps_it(tmp_path: Path) -> None:
    a = old_place(tmp_path, "cwd", "v1_finished.json")
    b = old_place(tmp_path, "checkout", "v1_finished.json")
    shutil.copy2(SAVES / "v1_play_on_midgame.json", b / "v1_finished.json")  # a different game, same name
    aged(a / "v1_finished.json", 3600)  # the checkout's is the newer
    folder = saves_dir()
    folder.mkdir()
    shutil.copy2(SAVES / BEFORE, folder / "v1_finished.json")  # and one already in the new folder
    mine = (folder / "v1_finished.json").read_bytes()

    report = import_old_saves(places=[a, b])

    assert (folder / "v1_finished.json").read_bytes() == mine
    assert (folder / "v1_finished-imported.json").read_bytes() == (b / "v1_finished.json").read_bytes()
    assert (folder / "v1_finished-imported-2.json").read_bytes() == (a / "v1_finished.json").read_bytes()
    assert all("a different save named v1_finished.json was there already" in i.note for i in report.imported)


def test_a_file_that_is_no_save_stays_where_it_is_named_with_its_reason(tmp_path: Path) -> None:
    old = old_place(tmp_path, "cwd", BEFORE)
    (old / "notes.json").write_text("{not json", encoding="utf-8")
    (old / ".autosave.json.x1.tmp").write_text("half a save", encoding="utf-8")  # a cut-short write: ignored
    (old / "readme.txt").write_text("hello", encoding="utf-8")

    report = import_old_saves(places=[old])

    assert [i.source.name for i in report.imported] == [BEFORE]
    (skipped,) = report.skipped
    assert skipped.source == old / "notes.json"
    line = skipped.line()
    assert "\n" not in line and line.startswith(f"not imported {old / 'notes.json'}: ") and "JSON" in line
    assert (old / "notes.json").exists() and not (saves_dir() / "notes.json").exists()
    assert line in (saves_dir() / paths.IMPORT_MARKER).read_text(encoding="utf-8")
    assert "1 file(s) found there could not be brought" in report.summary()


def test_a_damaged_save_with_a_good_backup_comes_with_it(tmp_path: Path) -> None:
    old = old_place(tmp_path, "cwd")
    (old / "autosave.json").write_bytes(b'{"format": "spacerace-save", "ver')  # cut off mid-write
    shutil.copy2(SAVES / BEFORE, old / "autosave.json.1")

    (imported,) = import_old_saves(places=[old]).imported

    assert "damaged" in imported.note and "its backups came with it" in imported.note
    assert load_game(saves_dir() / "autosave.json.1").record.actions


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_a_save_is_named_not_opened(tmp_path: Path) -> None:
    old = old_place(tmp_path, "cwd", BEFORE)
    os.mkfifo(old / "pipe.json")
    report = import_old_saves(places=[old])  # would hang if the FIFO were opened
    assert [s.line() for s in report.skipped] == [f"not imported {old / 'pipe.json'}: not a regular file"]


def test_the_saves_folder_itself_or_a_missing_place_is_not_an_old_place(tmp_path: Path) -> None:
    folder = saves_dir()
    folder.mkdir()
    shutil.copy2(SAVES / BEFORE, folder / BEFORE)
    report = import_old_saves(places=[folder, tmp_path / "nowhere"])
    assert report.imported == [] and report.skipped == [] and report.summary() == ""
    assert (folder / paths.IMPORT_MARKER).exists()


def test_a_folder_that_cannot_be_written_loses_nothing_and_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_place(tmp_path, "cwd", BEFORE)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(shutil, "copy2", full)
        m.setattr("game.io.oldsaves.write_atomic", full)
        report = import_old_saves(places=[old])
    assert [s.line() for s in report.skipped] == [
        f"not imported {old / BEFORE}: cannot copy it (No space left on device)"
    ]
    assert (old / BEFORE).exists() and not (saves_dir() / paths.IMPORT_MARKER).exists()
    assert not list(saves_dir().glob(".*.tmp"))
    assert len(import_old_saves(places=[old]).imported) == 1  # no marker: the next start tries again
