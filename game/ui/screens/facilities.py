"""Facilities: what each costs, what it adds to which steps' odds, what it still needs, and the order to build it."""

from __future__ import annotations

import pygame

from game.engine import BuildFacility
from game.engine import odds as engine_odds
from game.ui import draw
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register


@register
class FacilitiesScreen(GameScreen):
    name = "facilities"

    def row_h(self) -> int:
        return self.s(92)

    def rows(self) -> list[tuple[str, pygame.Rect]]:
        """Each facility and its row, as many as fit (a scenario has a handful)."""
        c = self.content
        top = c.y + self.s(40)
        out = []
        for i, fid in enumerate(self.view.rules.facilities):
            r = pygame.Rect(c.x, top + i * (self.row_h() + self.s(8)), c.width, self.row_h())
            if r.bottom > c.bottom - self.s(56):
                break
            out.append((fid, r))
        return out

    def kinds_text(self, fid: str) -> str:
        return ", ".join(self.tr("facilities.kind." + k) for k in self.view.rules.facilities[fid].kinds)

    def build_content(self) -> None:
        c = self.content
        bw = self.s(150)
        for fid, r in self.rows():
            order = BuildFacility(self.side, fid)
            built = fid in self.view.me.facilities
            self.button(
                (r.right - bw - self.s(12), r.y + self.s(14), bw, self.s(36)),
                self.tr("facilities.built") if built else self.tr("facilities.build"),
                lambda o=order: self.act(o),
                self.tr("tip.facilities.build"),
                enabled=not built and self.app.session.check(order) is None,
            )
        self.button(
            (c.x + self.s(12), c.bottom - self.s(48), self.s(240), self.s(36)),
            self.tr("facilities.to_budget"),
            lambda: self.goto("budget"),
            self.tr("tip.nav.budget"),
        )

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        rules, me = v.rules, v.me
        c = self.content
        fs = round(15 * self.app.scale)
        small = round(13 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(2)
        draw.text(surf, self.tr("facilities.title"), (c.x, c.y), round(19 * self.app.scale), draw.ACCENT, True, c.width)
        if not rules.facilities:
            draw.text(surf, self.tr("facilities.none"), (c.x, c.y + self.s(40)), fs, draw.DIM, width=c.width)
            return
        bw = self.s(150)
        for fid, r in self.rows():
            f = rules.facilities[fid]
            inner = draw.panel(surf, r, "", fs)
            room = inner.width - bw - self.s(24)
            draw.text(surf, self.app.stext(f.name), (inner.x, inner.y - self.s(4)), fs, draw.TEXT, True, room)
            cost = engine_odds.order_cost(rules, BuildFacility(self.side, fid))
            effect = self.tr("facilities.effect", n=f.bonus, kinds=self.kinds_text(fid))
            draw.text(surf, effect, (inner.x, inner.y - self.s(4) + lh), small, draw.GOOD, width=room)
            if fid in me.facilities:
                state, col = self.tr("facilities.built_on", date=rules.date_label(me.facilities[fid])), draw.GOOD
            else:
                lacking = [self.tech_name(t) for t in f.requires if not me.techs[t].done]
                if lacking:
                    state, col = self.tr("facilities.needs", what=", ".join(lacking), n=cost), draw.WARN
                else:
                    state, col = self.tr("facilities.cost", n=cost), draw.TEXT
            draw.text(surf, state, (inner.x, inner.y - self.s(4) + 2 * lh), small, col, width=room)
            desc = self.app.stext(f.description)
            if desc != f.description:  # the scenario's text, when it has one
                draw.text(surf, desc, (inner.x, inner.y - self.s(4) + 3 * lh), small, draw.DIM, width=inner.width)


__all__ = ["FacilitiesScreen"]
