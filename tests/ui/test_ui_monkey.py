"""Thousands of random clicks and keys at every screen: nothing may raise. Seeded, and the same inputs on any
machine (a count of frames per screen, not a time: a busy machine must not change what is tried)."""

from __future__ import annotations

import random
from typing import Any

import pygame
from ui_kit import TINY, pump

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_MINUS, pygame.K_EQUALS, pygame.K_0, pygame.K_1,
        pygame.K_2, pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d, pygame.K_e, pygame.K_f, pygame.K_g, pygame.K_h,
        pygame.K_i, pygame.K_l, pygame.K_m, pygame.K_n, pygame.K_o, pygame.K_p, pygame.K_r, pygame.K_s, pygame.K_t,
        pygame.K_w, pygame.K_y, pygame.K_F1, pygame.K_F8, pygame.K_BACKSPACE, pygame.K_9]
FRAMES_PER_SCREEN = 15  # four inputs a frame: about 1,300 inputs in all


def screens(app: Any) -> list[Any]:
    from game.content.load import load_scenario
    from game.ui.screens import (
        handoff,
        newgame,
        overlays,
        packages,
        registry,
        resolution,
        saveload,
        settings,
        summary,
        title,
    )
    from game.ui.session import Session

    sc = load_scenario(TINY)
    app.session = Session.new(sc, {"red": "human", "blue": "ai:normal"}, 11)
    app.session.end_turn("red")
    out = [
        title.TitleScreen(app), newgame.NewGameScreen(app, False), newgame.NewGameScreen(app, True), packages.PackagesScreen(app),
        settings.SettingsScreen(app), saveload.SaveLoadScreen(app, "save"), saveload.SaveLoadScreen(app, "load"),
        overlays.HelpScreen(app), overlays.ConfirmScreen(app, "?", lambda: None), handoff.HandoffScreen(app, "red"),
        resolution.ResolutionScreen(app, "red"), summary.EndScreen(app),
    ]
    for name in ("dashboard", "budget", "research", "fleet", "missions", "news", "rival", "stats"):
        out.append(registry.new_screen(name, app, "red"))
    out.append(overlays.TutorialScreen(app, out[-1]))
    return out


def test_random_input_never_raises(app: Any) -> None:
    rng = random.Random(1957)
    w, h = app.size
    count = 0
    todo = screens(app)
    session = app.session
    for screen in todo:
        app.running = True
        if app.session is not session:
            # the end screen leaves the game, and a random click on the title's demo or a new game's Start
            # begins another with other sides: the next screens were built for this one
            app.session = session
        app.reset(screen)
        pump(app, 1)
        for _ in range(FRAMES_PER_SCREEN):
            for _ in range(4):
                if rng.random() < 0.6:
                    pos = (rng.randrange(w), rng.randrange(h))
                    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
                    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice((1, 1, 1, 3))))
                    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
                else:
                    k = rng.choice(KEYS)
                    mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
                    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
                count += 1
            app.step()
            if not app.running or app.top is None or app.session is None:
                # quit, or the game was left: put a game back and carry on
                app.running = True
                if app.session is None or app.top is None:
                    break
    assert count >= len(todo) * 4  # every screen took input (a left game ends its screen early)
