"""Fixtures for the save tests: a scratch world with only the tiny scenario installed, and a finished game."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from io_kit import TINY, random_game

from game.content.load import Scenario, load_scenario
from game.io import GameRecord, save_game


@pytest.fixture(autouse=True)
def scratch_world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Only the tiny scenario installed, an empty mods folder and a saves folder of the test's own."""
    mods = tmp_path / "mods"
    mods.mkdir()
    monkeypatch.setenv("SPACERACE_SCENARIOS", str(TINY))
    monkeypatch.setenv("SPACERACE_MODS", str(mods))
    monkeypatch.setenv("SPACERACE_SAVES", str(tmp_path / "saves"))
    yield tmp_path


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    return load_scenario(str(TINY))


@pytest.fixture
def finished(tiny: Scenario) -> GameRecord:
    return random_game(tiny, seed=7)


@pytest.fixture
def saved(tmp_path: Path, finished: GameRecord) -> Path:
    return save_game(tmp_path / "saves" / "game.json", finished)
