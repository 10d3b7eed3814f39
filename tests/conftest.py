"""Shared test set-up: hypothesis profiles (derandomized in CI) and the tiny fixture ruleset, loaded once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

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
