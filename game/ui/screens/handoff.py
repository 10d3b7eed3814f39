"""Between two people at one machine: shows nothing of either side but whose turn it is."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen, register


@register
class HandoffScreen(Screen):
    """Between two people at one machine: shows nothing of either side but whose turn it is."""

    name = "handoff"

    def __init__(self, app: Any, side: str) -> None:
        super().__init__(app)
        self.side = side

    def build(self) -> None:
        w, h = self.app.size
        bw = self.s(320)
        self.button((w // 2 - bw // 2, h // 2 + self.s(60), bw, self.s(48)), self.tr("handoff.ready"), self.ready,
                    self.tr("tip.handoff.ready"), object_id="#primary")
        self.button((w // 2 - bw // 2, h // 2 + self.s(120), bw, self.s(40)), self.tr("nav.menu"), lambda: Reset(None),
                    self.tr("tip.nav.menu"))
        self.focus = 0

    def ready(self) -> Transition | None:
        s = self.app.session
        return Replace(new_screen("resolution" if s.has_report(self.side) else "dashboard", self.app, self.side))

    def back(self) -> Transition | None:
        return Reset(None)

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        colour, shape = self.app.side_style(self.side)
        draw.marker(surf, shape, (w // 2, h // 2 - self.s(110)), self.s(30), colour)
        draw.text(surf, self.tr("handoff.pass", side=self.app.side_name(self.side)), (w // 2, h // 2 - self.s(60)),
                  round(30 * self.app.scale), colour, True, align="center")
        draw.text(surf, self.tr("handoff.hint"), (w // 2, h // 2), round(16 * self.app.scale), draw.DIM, align="center")
