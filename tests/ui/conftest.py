"""Headless UI tests: a dummy video and audio driver, settings and saves in a temporary folder."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path
from typing import Any

import pytest
from ui_kit import TINY


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and saves never touch the real user folders."""
    monkeypatch.setenv("SPACERACE_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("SPACERACE_SAVES", str(tmp_path / "saves"))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")


@pytest.fixture
def app():  # type: ignore[no-untyped-def]
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen

    a = App(size=(1280, 720))
    a.settings.tutorial_done = True
    a.launch["scenario"] = TINY
    a.push(TitleScreen(a))
    a.step()
    yield a
    a.quit()


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text drawn on the window (not widgets), in order."""
    from game.ui import draw

    out: list[str] = []
    text, paragraph = draw.text, draw.paragraph

    def record_text(surf: Any, s: str, *a: Any, **k: Any) -> Any:
        out.append(s)
        return text(surf, s, *a, **k)

    def record_paragraph(surf: Any, s: str, *a: Any, **k: Any) -> Any:
        out.append(s)
        return paragraph(surf, s, *a, **k)

    monkeypatch.setattr(draw, "text", record_text)
    monkeypatch.setattr(draw, "paragraph", record_paragraph)
    return out
