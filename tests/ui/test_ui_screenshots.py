"""Screens compared with reference pictures, with a tolerance for small rendering differences.

Regenerate the references after an intended change with:
    SPACERACE_UPDATE_SCREENSHOTS=1 python -m pytest tests/ui/test_ui_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pygame
import pytest
from ui_kit import pump, start_game

REFERENCE = Path(__file__).parent / "reference"
PIXEL_TOLERANCE = 48  # a channel may differ this much before a pixel counts as different
MAX_DIFFERENT = 0.01  # at most this share of pixels may differ
UPDATE = bool(os.environ.get("SPACERACE_UPDATE_SCREENSHOTS"))


def compare(surface: pygame.Surface, name: str) -> None:
    path = REFERENCE / f"{name}.png"
    if UPDATE or not path.exists():
        REFERENCE.mkdir(exist_ok=True)
        pygame.image.save(surface, str(path))
        if not UPDATE:
            pytest.skip(f"reference {path.name} was missing and has been written")
        return
    ref = pygame.image.load(str(path))
    assert ref.get_size() == surface.get_size(), f"{name}: size {surface.get_size()} != reference {ref.get_size()}"
    a = pygame.surfarray.array3d(surface).astype(int)
    b = pygame.surfarray.array3d(ref).astype(int)
    differs = (np.abs(a - b).max(axis=2) > PIXEL_TOLERANCE).mean()
    if differs > MAX_DIFFERENT:
        pygame.image.save(surface, str(REFERENCE / f"{name}.actual.png"))
    assert differs <= MAX_DIFFERENT, f"{name}: {differs:.2%} of pixels differ (see {name}.actual.png)"


def still(app: Any) -> pygame.Surface:
    """The screen with no hover, no tooltip and no animation in progress."""
    app.last_input = 0
    top = app.top
    if hasattr(top, "t0"):
        top.t0 = -100.0  # the title's Sputnik has finished crossing
    if hasattr(top, "done") and not top.done:
        top.skip()
    pump(app, 1)
    app.render()
    return app.window


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_title(app: Any, lang: str) -> None:
    app.set_language(lang)
    compare(still(app), f"title_{lang}")


@pytest.mark.parametrize("screen", ["dashboard", "research", "missions", "fleet", "stats"])
def test_planning_screens(app: Any, screen: str) -> None:
    from game.ui.screens.registry import new_screen

    start_game(app, seed=5)
    app.reset(new_screen(screen, app, "red"))
    compare(still(app), f"{screen}_en")


def test_missions_in_vietnamese(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    app.set_language("vi")
    start_game(app, seed=5)
    app.reset(new_screen("missions", app, "red"))
    compare(still(app), "missions_vi")


def test_resolution_report(app: Any) -> None:
    start_game(app, seed=5)
    from game.engine import PlanMission

    app.session.act(PlanMission("red", "orbiter", (("launcher", "booster"),)))
    app.apply(app.end_turn("red"))
    pump(app)
    compare(still(app), "resolution_en")
