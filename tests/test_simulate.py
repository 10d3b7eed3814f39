"""`spacerace simulate` at scale: games made as needed, results streamed, Ctrl-C keeps what finished,
outputs tried before the first game, saves that replay; and numbers too long to read."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.ai.stats import median, median_counted, quantile, quantile_counted
from game.cli import main
from game.simulate import JsonStream

ROOT = Path(__file__).resolve().parents[1]
TINY = str(ROOT / "tests" / "fixtures" / "tiny")
SCHEMA = json.loads((ROOT / "schemas" / "simulate.schema.json").read_text(encoding="utf-8"))


def _one_line_error(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, f"expected one line, got: {err!r}"
    assert "Traceback" not in err and lines[0].startswith("spacerace: error: ")
    return lines[0]


def _spacerace(*argv: str, **kw: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "game", *argv], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw
    )


# --------------------------------------------------------------------------------------------- Ctrl-C


def _size(path: Path) -> int:
    """A file's size, 0 if it is gone: simulate's short-lived files (its write probe) can vanish between the
    directory listing and the look at them."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize(
    ("jobs", "signum", "code"), [("1", signal.SIGINT, 130), ("2", signal.SIGINT, 130), ("2", signal.SIGTERM, 143)]
)
def test_ctrl_c_keeps_the_finished_games_as_valid_json_prints_their_summary_and_exits_130(
    tmp_path: Path, jobs: str, signum: int, code: int
):
    out = tmp_path / "games.json"
    # 10**26 games: a batch that built its games first would never start, let alone finish.
    proc = _spacerace(
        "simulate", "--scenario", TINY, "--games", str(10**26), "--seed", "7", "--jobs", jobs, "--json", str(out),
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(_size(p) > 20_000 for p in tmp_path.glob(".games.json.*")):
        time.sleep(0.1)  # until some games are in (the stream is written beside the file until it closes)
    time.sleep(0.5)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # as a terminal does: the parent and its workers
    else:
        proc.send_signal(signum)  # as `kill` does: the parent alone, which stops its workers
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr, stderr.decode()
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    games = doc["games"]
    assert games and doc["complete"] is False
    assert [g["seed"] for g in games] == list(range(7, 7 + len(games)))  # from the first seed, none missing
    assert f"{len(games)} games of tiny".encode() in stdout and b"95% CI" in stdout
    assert f"interrupted: {len(games)} of {10**26} games finished".encode() in stderr
    assert not list(tmp_path.glob(".games.json.*"))  # no temporary file left behind


def test_a_finished_batch_is_marked_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "games.json"
    assert main(["simulate", "--scenario", TINY, "--games", "3", "--quiet", "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["complete"] is True and list(doc)[-3:] == ["games", "usage", "complete"]


# --------------------------------------------------------------------------------------------- the JSON stream


@pytest.mark.parametrize("games", [0, 1, 3])
def test_the_stream_writes_what_one_json_dump_of_the_whole_document_writes(tmp_path: Path, games: int):
    head = {"scenario": "tiny", "mods": ["é"], "levels": {"red": "normal"}, "swap": False, "play_on": True}
    results = [{"seed": i, "history": {"red": [[1, 2, 3, 4]]}, "flights": [], "name": "ü\n"} for i in range(games)]
    stream = JsonStream(tmp_path / "out.json", head)
    for r in results:
        stream.add(r)
    stream.close(complete=True)
    from game.ai.runner import FORMAT_VERSION

    doc = {"format_version": FORMAT_VERSION, **head, "games": results, "complete": True}
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


@given(st.lists(st.integers(-50, 50), max_size=40), st.floats(0, 1))
def test_medians_and_quantiles_from_counts_are_the_ones_from_the_list(values: list[int], q: float):
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    assert median_counted(counts) == median(values)
    assert median_counted(counts, 7) == median(values + [10**6] * 7)
    assert quantile_counted(counts, q) == quantile(values or [0], q)


# --------------------------------------------------------------------------------------------- outputs


def _blocked(tmp_path: Path) -> dict[str, list[str]]:
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    return {
        "json in a missing folder": ["--json", str(tmp_path / "missing" / "out.json")],
        "json under a file": ["--json", str(a_file / "out.json")],
        "json onto a folder": ["--json", str(tmp_path)],
        "report in a missing folder": ["--report", str(tmp_path / "missing" / "r.html")],
        "saves onto a file": ["--saves", str(a_file)],
        "saves under a file": ["--saves", str(a_file / "saves")],
        "json and report the same file": ["--json", str(tmp_path / "x"), "--report", str(tmp_path / "x")],
    }


@pytest.mark.parametrize(
    "case",
    [
        "json in a missing folder",
        "json under a file",
        "json onto a folder",
        "report in a missing folder",
        "saves onto a file",
        "saves under a file",
        "json and report the same file",
    ],
)
def test_an_output_that_cannot_be_written_fails_before_the_first_game(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: str
):
    import game.simulate

    def no_game(*a: object, **k: object) -> None:
        raise AssertionError("a game was played before the outputs were tried")

    monkeypatch.setattr(game.simulate, "run_one", no_game)
    flags = _blocked(tmp_path)[case]
    code = main(["simulate", "--scenario", TINY, "--games", "2", "--quiet", *flags])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    line = _one_line_error(err)
    assert flags[0] in line and flags[1] in line


def test_a_closed_stdout_does_not_lose_the_json_or_the_report(tmp_path: Path):
    out, page = tmp_path / "games.json", tmp_path / "r.html"
    proc = _spacerace("simulate", "--scenario", TINY, "--games", "20", "--json", str(out), "--report", str(page))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # `| head -1`: one line, then the reader is gone
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr, stderr.decode()
    assert len(json.loads(out.read_text(encoding="utf-8"))["games"]) == 20
    assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")


# --------------------------------------------------------------------------------------------- saves


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_saves_keep_each_game_and_replay_reproduces_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str):
    from game.io import load_game

    saves, out = tmp_path / "saves", tmp_path / "games.json"
    argv = ["simulate", "--scenario", TINY, "--games", "3", "--seed", "4", "--ai", "red=hard", "--swap", "--jobs", jobs]
    assert main([*argv, "--quiet", "--saves", str(saves), "--json", str(out)]) == 0
    games = json.loads(out.read_text(encoding="utf-8"))["games"]
    assert sorted(p.name for p in saves.iterdir()) == ["game-4.json", "game-5.json", "game-6.json"]
    for game in games:
        path = saves / f"game-{game['seed']}.json"
        capsys.readouterr()
        assert main(["replay", str(path)]) == 0, capsys.readouterr().err
        assert "reproduces the saved hash" in capsys.readouterr().out
        state = load_game(path).state  # the very game the result describes
        assert state.seed == game["seed"] and state.winner == game["winner"]
        assert {s.id: s.prestige for s in state.sides.values()} == game["prestige"]
        assert dict(load_game(path).record.setup.controllers) == {s: f"ai:{lv}" for s, lv in game["levels"].items()}


# --------------------------------------------------------------------------------------------- messages


def test_replay_of_a_folder_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["replay", str(tmp_path)]) == 2
    line = _one_line_error(capsys.readouterr().err)
    assert "folder" in line and "no such" not in line


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "--games", "9" * 5000],
        ["simulate", "--seed", "9" * 5000],
        ["simulate", "--seed", "-" + "9" * 5000],
        ["simulate", "--jobs", "9" * 5000],
        ["play", "--seed", "9" * 5000],
        ["play", "--size", "9" * 5000 + "x720"],
    ],
)
def test_a_number_of_thousands_of_digits_is_one_plain_line(argv: list[str], capsys: pytest.CaptureFixture[str]):
    assert main(argv) == 2
    line = _one_line_error(capsys.readouterr().err)
    assert "set_int_max_str_digits" not in line and "9" * 100 not in line  # neither Python's hint nor the number
    assert argv[1] in line


def test_a_save_holding_a_number_of_thousands_of_digits_is_named_damaged_without_pythons_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    save = tmp_path / "big.json"
    save.write_text('{"format": "spacerace-save", "seed": ' + "9" * 5000 + "}", encoding="utf-8")
    assert main(["replay", str(save)]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert "set_int_max_str_digits" not in line and "digits" in line and str(save) in line
