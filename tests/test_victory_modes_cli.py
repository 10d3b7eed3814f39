"""`--victory` in simulate and in saves: a game in another mode plays by its rules, and keeps its mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.content.load import load_scenario
from game.engine import Setup
from game.io import GameRecord, load_game, save_game


def test_simulate_plays_the_mode_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "games.json"
    argv = ["simulate", "--games", "2", "--quiet", "--victory", "space_age", "--json", str(out)]
    assert main(argv) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["victory"] == "space_age"
    # no landing ends a space-age game: every game runs to the end date and prestige decides
    assert {g["reason"] for g in doc["games"]} == {"prestige"}
    assert all(g["end"] == "1975-Q4" for g in doc["games"]), [g["end"] for g in doc["games"]]


def test_simulate_refuses_an_unknown_mode_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--games", "1", "--victory", "chess"]) == 2
    err = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert len(err) == 1 and "moon_race, space_age" in err[0]


def test_a_save_keeps_its_victory_mode(tmp_path: Path) -> None:
    scenario = load_scenario("race_1955")
    record = GameRecord.start(scenario, Setup(victory="space_age"), 3)
    path = tmp_path / "s.json"
    save_game(path, record, backups=0)
    loaded = load_game(path)
    assert loaded.record.setup.victory == "space_age" and loaded.state.victory_mode == "space_age"
    plain = GameRecord.start(scenario, Setup(victory="moon_race"), 3)
    save_game(tmp_path / "p.json", plain, backups=0)
    options = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["setup"]["options"]
    assert ["victory", "moon_race"] in options
