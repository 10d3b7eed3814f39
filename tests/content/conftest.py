"""Content tests run against the shipped scenarios/ folder and an empty mods folder of their own."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def empty_user_mods(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    mods = tmp_path_factory.mktemp("user_mods")
    monkeypatch.setenv("SPACERACE_MODS", str(mods))
    monkeypatch.delenv("SPACERACE_SCENARIOS", raising=False)
    return mods
