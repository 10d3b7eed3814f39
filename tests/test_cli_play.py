"""`spacerace play` checks everything it was told to open before a window opens: one line and an exit code."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import game.ui.app
from game.cli import main

ROOT = Path(__file__).resolve().parents[1]
TINY = str(ROOT / "tests" / "fixtures" / "tiny")
SAVES = ROOT / "tests" / "fixtures" / "saves"


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The window is not opened: a bad flag must have failed before it; a good one records what it was handed."""
    opened: list[dict[str, Any]] = []

    def run(**how: Any) -> int:
        opened.append(how)
        return 0

    monkeypatch.setattr(game.ui.app, "run", run)
    monkeypatch.setattr(game.ui.app.App, "__init__", lambda *_, **__: pytest.fail("a window was opened"))
    return opened


def _one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("spacerace: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["play", "--scenario", "nope"], 2, "nope"),
        (["play", "--scenario", TINY, "--mod", "nope"], 2, "nope"),
        (["play", "--lang", "xx"], 2, "--lang 'xx': the game has no such language (it has: en, vi, ru)"),
        (["play", "--load", "/no/such/save.json"], 2, "/no/such/save.json: no such save file"),
        (["--load", "/no/such/save.json"], 2, "no such save file"),  # play is the default command
        (["play", "--victory", "chess"], 2, "--victory: no victory mode 'chess' in race_1955 (it has: moon_race, space_age)"),
        (["play", "--scenario", TINY, "--victory", "space_age"], 2, "(it has none): leave --victory out"),
        (["play", "--victory", "space_age", "--load", str(SAVES / "v1_finished.json")], 2, "a save keeps the victory mode"),
    ],
)
def test_unknown_things_fail_before_the_window_with_exit_2(
    capsys: pytest.CaptureFixture[str], no_window: list[dict[str, Any]], argv: list[str], code: int, needle: str
) -> None:
    assert main(argv) == code
    assert needle in _one_line(capsys.readouterr().err)
    assert no_window == []


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "turn.json": '{"format":"spacerace-ui-save","version":1,"meta":{"turn":"abc"}}',
        "bomb.json": '{"format":"spacerace-save","save_version":3,"meta":' + "[" * 100_000 + "]" * 100_000 + "}",
        "cut.json": (SAVES / "v2_midgame_autosave.json").read_text(encoding="utf-8")[:300],
        "empty.json": "",
    }
    out = {}
    for name, text in files.items():
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    if hasattr(os, "mkfifo"):
        out["fifo.json"] = tmp_path / "fifo.json"
        os.mkfifo(out["fifo.json"])
    return out


def test_a_save_that_is_there_but_cannot_be_loaded_is_exit_1(
    capsys: pytest.CaptureFixture[str], no_window: list[dict[str, Any]], tmp_path: Path
) -> None:
    for name, path in _bad_files(tmp_path).items():
        assert main(["play", "--load", str(path)]) == 1, name
        assert _one_line(capsys.readouterr().err).startswith(f"spacerace: error: {path}: ")
    assert no_window == []


def test_a_good_save_is_loaded_once_and_handed_to_the_window(
    capsys: pytest.CaptureFixture[str], no_window: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACERACE_SCENARIOS", TINY)
    assert main(["play", "--load", str(SAVES / "v2_midgame_autosave.json"), "--lang", "vi"]) == 0
    [how] = no_window
    assert how["opened"]["loaded"].record.rules.id == "tiny" and "scenario" not in how["opened"]


def test_russian_is_a_language_the_command_line_accepts(no_window: list[dict[str, Any]]) -> None:
    assert main(["play", "--scenario", TINY, "--lang", "ru"]) == 0
    [how] = no_window
    assert how["lang"] == "ru"


def test_a_good_scenario_is_handed_to_the_window(no_window: list[dict[str, Any]]) -> None:
    assert main(["play", "--scenario", TINY]) == 0
    [how] = no_window
    assert how["opened"]["scenario"].ruleset.id == "tiny"


def test_replay_names_a_folder_or_a_pipe_for_what_it_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """It said "no such save file" of a folder that was there."""
    assert main(["replay", str(tmp_path)]) == 2
    assert _one_line(capsys.readouterr().err).endswith(f"{tmp_path}: not a save file (it is a folder)")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "x.json")
        assert main(["replay", str(tmp_path / "x.json")]) == 2
        assert _one_line(capsys.readouterr().err).endswith("not a save file (it is a pipe)")


def test_a_victory_mode_is_handed_to_the_window(no_window: list[dict[str, Any]]) -> None:
    assert main(["play", "--victory", "space_age"]) == 0
    assert no_window[0]["victory"] == "space_age"


def test_a_plain_play_opens_the_window_without_reading_the_campaign(
    no_window: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measured (benchmarks/first_frame.py): `spacerace play` read the default campaign twice before its window
    opened, about a second each, so the title menu came after four. Nothing named on the command line: nothing is
    read before the window; the window reads the campaign when a game starts."""
    import game.content.load

    monkeypatch.setattr(game.content.load, "load_scenario", lambda *a, **k: pytest.fail("read before the window"))
    assert main(["play"]) == 0
    [how] = no_window
    assert how["opened"] == {} and how["scenario"] == "race_1955"
