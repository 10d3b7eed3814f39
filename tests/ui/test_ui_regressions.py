"""Regressions found playing in a real window: each test failed before its fix."""

from __future__ import annotations

from typing import Any

import pygame
from ui_kit import buttons, find, press, pump, top_name


def test_the_guided_tour_is_drawn_over_the_dashboard_not_the_new_game_screen(app: Any) -> None:
    """Title → New campaign → Start: the tour's snapshot holds the dashboard alone, none of the new-game buttons."""
    app.settings.tutorial_done = False
    press(app, "New campaign")
    start = find(app, "Start").rect.copy()
    mods = [b.rect.copy() for b in buttons(app) if "(off)" in b.text]
    assert mods
    press(app, "Start")
    pump(app, 3)
    assert top_name(app) == "TutorialScreen"
    backdrop = app.top.backdrop.copy()
    dash = app.top.under
    press(app, "Skip the tour")
    assert app.top is dash
    app.render()
    clean = app.window.copy()
    # the snapshot is the dashboard as it is drawn without the tour: same pixels wherever a new-game button was
    for r in [start, *mods]:
        r = r.clip(clean.get_rect())
        same = sum(backdrop.get_at((x, y)) == clean.get_at((x, y)) for x in range(r.x, r.right, 4) for y in range(r.y, r.bottom, 4))
        total = len(range(r.x, r.right, 4)) * len(range(r.y, r.bottom, 4))
        assert same == total, (r, same, total)
    # and the dashboard's own controls are in it
    end = find(app, "End turn").rect
    assert backdrop.get_at(end.center) == clean.get_at(end.center)
