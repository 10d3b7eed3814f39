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

    def sizes(self) -> tuple[int, int, int]:
        """The row font, the small font, and the height of a row's line."""
        fs = round(15 * self.app.scale)
        return fs, round(13 * self.app.scale), draw.font(fs).get_linesize() + self.s(2)

    def description(self, fid: str) -> str:
        """The scenario's text for the facility, or "" when it has none."""
        f = self.view.rules.facilities[fid]
        desc = self.app.stext(f.description)
        return desc if desc != f.description else ""

    def pages(self) -> list[list[tuple[str, pygame.Rect]]]:
        """The facilities in pages of rows, each row tall enough for its wrapped description, each page as many
        rows as fit above the buttons (at least one)."""
        c = self.content
        _, small, lh = self.sizes()
        small_lh = draw.font(small).get_linesize() + 2  # paragraph's line height
        inner_w = c.width - 20  # a panel's inside (draw.panel)
        first = c.y + self.s(40)
        pages: list[list[tuple[str, pygame.Rect]]] = [[]]
        top = first
        for fid in self.view.rules.facilities:
            desc = self.description(fid)
            lines = draw.line_count(desc, small, inner_w) if desc else 0
            r = pygame.Rect(c.x, top, c.width, self.s(20) + 3 * lh + lines * small_lh)
            if r.bottom > c.bottom - self.s(56) and pages[-1]:
                pages.append([])
                r.y = first
            pages[-1].append((fid, r))
            top = r.bottom + self.s(8)
        return pages

    def rows(self) -> list[tuple[str, pygame.Rect]]:
        """The rows of the page shown."""
        pages = self.pages()
        return pages[min(self.page, len(pages) - 1)]

    @property
    def page(self) -> int:
        return int(self.app.memory.get(("facility_page", self.side), 0))

    def turn_page(self, step: int) -> None:
        self.app.memory[("facility_page", self.side)] = max(0, self.page + step)
        self.rebuild()

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
        pages = len(self.pages())
        if pages > 1:  # more facilities than one screen holds at this text size
            pw = self.s(110)
            y = c.bottom - self.s(48)
            self.button((c.right - 2 * pw - self.s(20), y, pw, self.s(36)), self.tr("list.prev"),
                        lambda: self.turn_page(-1), self.tr("tip.list.prev"), enabled=self.page > 0)
            self.button((c.right - pw - self.s(12), y, pw, self.s(36)), self.tr("list.next"),
                        lambda: self.turn_page(1), self.tr("tip.list.next"), enabled=self.page < pages - 1)

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        rules, me = v.rules, v.me
        c = self.content
        fs, small, lh = self.sizes()
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
            desc = self.description(fid)
            if desc:
                y = inner.y - self.s(4) + 3 * lh
                draw.paragraph(surf, desc, pygame.Rect(inner.x, y, inner.width, inner.bottom - y), small, draw.DIM)


__all__ = ["FacilitiesScreen"]
