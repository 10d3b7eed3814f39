"""The `spacerace` command line: each subcommand's happy path and every kind of bad input as one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[1]
TINY = str(ROOT / "tests" / "fixtures" / "tiny")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, f"expected one line, got: {err!r}"
    assert "Traceback" not in err
    assert lines[0].startswith("spacerace: error: ")
    return lines[0]


def test_simulate_writes_the_documented_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    code, out, _ = run(capsys, "simulate", "--scenario", TINY, "--games", "3", "--seed", "5", "--json", str(out_file))
    assert code == 0
    doc = json.loads(out_file.read_text())
    assert doc["scenario"] == "tiny"
    assert [g["seed"] for g in doc["games"]] == [5, 6, 7]
    for game in doc["games"]:
        assert game["winner"] in (None, "red", "blue")
        assert len(game["end"]) == 7 and game["end"][4:6] == "-Q"
        for ms, first in game["milestones"].items():
            assert ms in ("orbit", "crewed_orbit", "moon")
            assert first["side"] in ("red", "blue") and first["date"][4:6] == "-Q"
    assert "3 games of tiny" in out


def test_simulate_play_on_keeps_each_result_and_dates_later_firsts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plain, on = tmp_path / "plain.json", tmp_path / "on.json"
    args = ["simulate", "--games", "2", "--seed", "1"]  # the default campaign: the tiny one rarely lands
    assert run(capsys, *args, "--json", str(plain))[0] == 0
    assert run(capsys, *args, "--play-on", "--json", str(on))[0] == 0
    a, b = json.loads(plain.read_text()), json.loads(on.read_text())
    assert (a["play_on"], b["play_on"]) == (False, True)
    for g, h in zip(a["games"], b["games"], strict=True):
        assert (g["winner"], g["reason"], g["end"]) == (h["winner"], h["reason"], h["end"])
        for ms, first in g["milestones"].items():
            assert h["milestones"][ms] == first
    assert any(len(h["reached"][s]) > len(g["reached"][s]) for g, h in zip(a["games"], b["games"], strict=True) for s in g["reached"])


def test_simulate_twice_writes_identical_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for target in (a, b):
        assert run(capsys, "simulate", "--scenario", TINY, "--games", "4", "--seed", "1", "--json", str(target))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_simulate_with_two_jobs_matches_one_job(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "simulate", "--scenario", TINY, "--games", "4", "--json", str(a))[0] == 0
    assert run(capsys, "simulate", "--scenario", TINY, "--games", "4", "--jobs", "2", "--json", str(b))[0] == 0
    assert json.loads(a.read_text())["games"] == json.loads(b.read_text())["games"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["simulate", "--games", "x"], "--games"),
        (["simulate", "--games", "0"], "--games"),
        (["simulate", "--scenario", TINY, "--ai", "red"], "SIDE=LEVEL"),
        (["simulate", "--scenario", TINY, "--ai", "green=normal"], "no side 'green'"),
        (["simulate", "--scenario", TINY, "--ai", "red=godlike"], "no level 'godlike'"),
        (["simulate", "--scenario", "no_such_scenario"], "no_such_scenario"),
        (["simulate", "--bogus"], "--bogus"),
        (["frobnicate"], "frobnicate"),
        (["play", "--size", "800x600"], "1280x720"),
        (["validate", "/no/such/folder"], "/no/such/folder"),
        (["replay", "/no/such/save.json"], "/no/such/save.json"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert needle in one_line_error(err)


def test_broken_scenario_is_one_line_naming_file_and_field_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    (bad / "strings").mkdir(parents=True)
    for f in ("manifest.yaml", "content.yaml", "strings/en.yaml"):
        (bad / f).write_text((Path(TINY) / f).read_text())
    content = (bad / "content.yaml").read_text().replace("unit_cost: 4", "unit_cost: four")
    (bad / "content.yaml").write_text(content)
    code, _, err = run(capsys, "simulate", "--scenario", str(bad), "--games", "1")
    assert code == 1
    line = one_line_error(err)
    assert "content.yaml:" in line and "unit_cost" in line


def test_broken_yaml_is_reported_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "manifest.yaml").write_text("id: bad\nkind: scenario\n")
    (bad / "content.yaml").write_text("settings:\n  start: 1960\n  end: [unclosed\n")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert "content.yaml:" in out
    assert "Traceback" not in out + err


def test_validate_passes_on_every_shipped_package(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0, out
    assert " error" not in out


def test_scenarios_lists_installed_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scenarios")
    assert code == 0
    assert "race_1955" in out and "scenario" in out


def test_python_dash_m_game_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "scenarios"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert "race_1955" in result.stdout


# --------------------------------------------------------------------------------------------- a failing player


def _break_easy(monkeypatch: pytest.MonkeyPatch, tiny_start: int) -> None:
    """Make the `easy` level raise on its fourth turn of every game (a computer player with a bug)."""
    from game.ai import levels

    def broken(view, rng):  # type: ignore[no-untyped-def]
        if view.turn >= tiny_start + 3:
            raise ZeroDivisionError("division by zero\nin a message of two lines")
        return []

    monkeypatch.setitem(levels.PLAYERS, "easy", broken)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_computer_player_that_raises_in_simulate_is_named_in_one_line(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny, jobs: str
) -> None:
    start = tiny.settings.start
    _break_easy(monkeypatch, start)
    out_file = tmp_path / "out.json"
    argv = ["simulate", "--scenario", TINY, "--games", "3", "--seed", "5", "--ai", "blue=easy", "--jobs", jobs]
    code = main([*argv, "--json", str(out_file)])
    out, err = capfd.readouterr()  # the file descriptors: what worker processes print is caught too
    assert code == 1
    line = one_line_error(err)
    seeds = ["5"] if jobs == "1" else ["5", "6", "7"]  # in parallel, whichever failing game is reported first
    assert any(f"seed {s} " in line for s in seeds), line
    assert "blue" in line and "level easy" in line and tiny.date_label(start + 3) in line
    assert "ZeroDivisionError: division by zero in a message of two lines" in line
    assert not out_file.exists() and "games of tiny" not in out  # no summary of a batch that did not finish


def test_a_level_that_works_is_not_affected_by_a_broken_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tiny
) -> None:
    _break_easy(monkeypatch, tiny.settings.start)
    code, out, err = run(capsys, "simulate", "--scenario", TINY, "--games", "2", "--ai", "blue=normal")
    assert code == 0 and "2 games of tiny" in out and "error" not in err
