"""Shared set-up for the computer-player tests: the default campaign, loaded once."""

from __future__ import annotations

import pytest

from game.engine.rules import Ruleset


@pytest.fixture(scope="session")
def campaign() -> Ruleset:
    from game.content.load import load_scenario

    return load_scenario("race_1955").ruleset
