"""Shared test set-up: the player's folders moved to a scratch folder, hypothesis profiles (derandomized in CI)
and the tiny fixture ruleset, loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import pytest
from hypothesis import HealthCheck, settings

from game.engine.rules import Ruleset

if TYPE_CHECKING:
    from game.content.load import Scenario

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"

# CI: the same examples on every run, no flaky deadlines on a slow runner.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# On a developer's machine: fresh examples each run, still no deadline (the first call pays for imports).
settings.register_profile("dev", deadline=None, max_examples=25)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


# The folders a run outside the tests would use, looked up before anything moves them: the test of the
# fixture below checks that nothing the game writes resolves under any of them.
REAL_USER_FOLDERS = (
    platformdirs.user_data_path("spacerace", appauthor=False),
    platformdirs.user_config_path("spacerace", appauthor=False),
    Path.cwd() / "saves",
    Path(__file__).resolve().parents[1] / "saves",
)
REAL_XDG = {var: os.environ.get(var) for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}


@pytest.fixture(scope="session", autouse=True)
def scratch_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every folder the game writes (saves, autosaves, settings, mods, and the XDG folders behind them) is a
    scratch one for the whole session, and no test imports saves from the old places; tests that need a
    folder of their own set it again on top."""
    home = tmp_path_factory.mktemp("spacerace_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPACERACE_HOME", str(home))
        mp.setenv("SPACERACE_SAVES", str(home / "saves"))
        mp.setenv("SPACERACE_CONFIG", str(home / "settings.json"))
        mp.setenv("SPACERACE_MODS", str(home / "mods"))
        mp.setenv("SPACERACE_OLD_SAVES", "")
        mp.setenv("XDG_DATA_HOME", str(home / "xdg_data"))
        mp.setenv("XDG_CONFIG_HOME", str(home / "xdg_config"))
        mp.delenv("SPACERACE_SCENARIOS", raising=False)
        yield home


@pytest.fixture(scope="session")
def real_user_folders() -> tuple[Path, ...]:
    """The folders a run outside the tests would write to (see REAL_USER_FOLDERS)."""
    return REAL_USER_FOLDERS


@pytest.fixture
def real_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """For one test, the environment outside the tests: no SPACERACE_* folder variable, the XDG ones as they were."""
    for var in ("SPACERACE_HOME", "SPACERACE_SAVES", "SPACERACE_CONFIG", "SPACERACE_MODS", "SPACERACE_OLD_SAVES"):
        monkeypatch.delenv(var, raising=False)
    for var, value in REAL_XDG.items():
        if value is None:
            monkeypatch.delenv(var, raising=False)
        else:
            monkeypatch.setenv(var, value)


@pytest.fixture(scope="session")
def tiny_scenario() -> Scenario:
    """The tiny two-side fixture scenario (tests/fixtures/tiny), validated and built once per session."""
    # Imported here so that a broken content package fails the tests that need it, not the collection.
    from game.content.load import load_scenario

    return load_scenario(str(TINY))


@pytest.fixture(scope="session")
def tiny(tiny_scenario: Scenario) -> Ruleset:
    """The tiny fixture's Ruleset: sides red/blue, rocket→capsule→lander, victory on `moon`."""
    return tiny_scenario.ruleset
