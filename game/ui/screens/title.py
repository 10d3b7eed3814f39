"""The title and main menu."""

from __future__ import annotations

import math
import random
import time
from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Push, Screen, Transition
from game.ui.screens.catalogue import load_scenario
from game.ui.screens.registry import new_screen, register
from game.ui.settings import LANGUAGES

UI_LANGUAGES = LANGUAGES  # the languages the UI is completely translated into (the new game and settings offer them)


@register
class TitleScreen(Screen):
    name = "title"
    music = "title"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.t0 = time.monotonic()
        self.beeped = False
        rng = random.Random(1957)
        self.stars = [(rng.random(), rng.random(), rng.random()) for _ in range(160)]

    def build(self) -> None:
        w, h = self.app.size
        bw, bh = self.s(340), self.s(44)
        x = w // 2 - bw // 2
        items: list[tuple[str, Any, int | None]] = []
        session = self.app.session
        if session is not None and not session.over():
            items.append(("menu.continue", self.resume, pygame.K_c))
        elif session is None and self.app.has_saves():  # after a relaunch: the most recently saved game
            items.append(("menu.continue_saved", self.continue_saved, pygame.K_c))
        if self.app.can_save():  # the menu of a game in progress: save it here, not only with Ctrl+S
            items.append(("menu.save", self.open_save, pygame.K_v))
        items += [
            ("menu.new", lambda: Push(new_screen("newgame", self.app, hotseat=False)), pygame.K_n),
            ("menu.hotseat", lambda: Push(new_screen("newgame", self.app, hotseat=True)), pygame.K_h),
            ("menu.load", self.open_load, pygame.K_l),
            ("menu.demo", lambda: self.start_demo(self.app.launch_scenario(), self.app.settings.mods, None), pygame.K_w),
            ("menu.packages", lambda: Push(new_screen("packages", self.app)), pygame.K_o),
            ("menu.settings", lambda: Push(new_screen("settings", self.app)), pygame.K_s),
            ("menu.help", self.open_help, None),
            ("menu.quit", lambda: self.app.request_quit(), pygame.K_q),
        ]
        y = int(h * 0.36)
        gap = min(bh + self.s(8), (h - y - self.s(30)) // len(items))
        for key, action, k in items:
            self.button((x, y, bw, min(bh, gap - self.s(6))), self.tr(key), action, self.tr("tip." + key), key=k, object_id="#menu")
            y += gap
        self.focus = 0
        self.button((w - self.s(150), h - self.s(50), self.s(130), self.s(36)),
                    self.tr("menu.unmute") if self.app.settings.muted else self.tr("menu.mute"), self.mute,
                    self.tr("tip.menu.mute"), focus=True)

    def mute(self) -> Transition | None:
        self.app.toggle_mute()
        self.rebuild()
        return None

    def open_help(self) -> Transition | None:
        return Push(new_screen("help", self.app))

    def open_load(self) -> Transition | None:
        return Push(new_screen("saveload", self.app, "load"))

    def open_save(self) -> Transition | None:
        return Push(new_screen("saveload", self.app, "save"))

    def continue_saved(self) -> Transition | None:
        t = self.app.continue_latest()
        if t is None:
            self.rebuild()
        return t

    def resume(self) -> Transition | None:
        return self.app.start_session(self.app.session, saved=not self.app.unsaved())

    def back(self) -> Transition | None:
        return self.app.request_quit()

    def load_path(self, path: str) -> Transition | None:
        return self.app.load_game(path)

    def start_demo(self, scenario: str, mods: list[str], seed: int | None) -> Transition | None:
        from game.ui.session import Session

        sc, err = load_scenario(self.app, scenario, list(mods))
        if sc is None:
            self.app.status = err
            self.rebuild()
            return None
        controllers = {s: "ai:normal" for s in sc.ruleset.side_ids}
        victory = self.app.launch.get("victory") or ""
        return self.app.start_session(Session.new(sc, controllers, seed if seed is not None else random.randrange(1 << 30),
                                                  victory=victory))

    @property
    def animating(self) -> bool:
        return time.monotonic() - self.t0 < 6.0  # Sputnik crosses the sky once, then the screen rests

    def update(self, dt: float) -> Transition | None:
        if not self.beeped and time.monotonic() - self.t0 > 0.3:
            self.beeped = True
            self.app.play("beep")
        return None

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        for sx, sy, b in self.stars:
            c = int(120 + 120 * b)
            surf.set_at((int(sx * w), int(sy * h)), (c, c, c))
        # Sputnik: a sphere with four antennae crossing the sky
        k = min(1.0, (time.monotonic() - self.t0) / 6.0)
        cx = int(w * (0.1 + 0.8 * k))
        cy = int(h * (0.24 - 0.21 * math.sin(k * math.pi)))
        for a in (2.5, 2.8, 3.5, 3.8):
            pygame.draw.line(surf, draw.colour("title_antenna"), (cx, cy), (cx + int(40 * math.cos(a)), cy + int(40 * math.sin(a) * 0.4 + 14)), 1)
        pygame.draw.circle(surf, draw.colour("title_sputnik"), (cx, cy), self.s(9))
        big = round(64 * self.app.scale)
        draw.text(surf, self.tr("title.name"), (w // 2, int(h * 0.08)), big, draw.colour("title_name"), True, align="center")
        draw.text(surf, self.tr("title.tagline"), (w // 2, int(h * 0.08) + draw.font(big, True).get_linesize()),
                  round(18 * self.app.scale), draw.DIM, align="center")
        if self.app.status:
            ok = self.app.status == self.app.status_ok  # "Saved as ..." is no error: not in the errors' red
            draw.text(surf, self.app.status, (w // 2, h - self.s(36)), round(14 * self.app.scale), draw.GOOD if ok else draw.BAD,
                      width=w - self.s(340), align="center")
        draw.text(surf, self.tr("title.keys"), (self.s(16), h - self.s(30)), round(13 * self.app.scale), draw.DIM)
