"""The rival: its public record, and what intelligence estimates of the rest, with how sure the estimate is."""

from __future__ import annotations

import pygame

from game.engine import FundIntelligence
from game.ui import draw
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register


@register
class RivalScreen(GameScreen):
    name = "rival"

    def build_content(self) -> None:
        c = self.content
        y = c.bottom - self.s(44)
        x = c.x + self.s(10)
        bw = self.s(64)
        for i, (label, delta) in enumerate((("–5", -5), ("–1", -1), ("+1", 1), ("+5", 5))):
            self.button((x + i * (bw + self.s(6)), y, bw, self.s(34)), label,
                        lambda d=delta: self.act(FundIntelligence(self.side, max(0, self.view.me.intel + d))),
                        self.tr("tip.budget.intel_step", n=delta))

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        rules = v.rules
        c = self.content
        fs = round(14 * self.app.scale)
        small = round(12 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(2)
        n = max(1, len(v.rivals))
        area = pygame.Rect(c.x, c.y, c.width, c.height - self.s(56))
        draw.text(surf, self.tr("rival.intel_spend", n=v.me.intel), (c.x + self.s(310), c.bottom - self.s(38)), fs, draw.ACCENT,
                  True, c.width - self.s(320))
        w = area.width // n
        for i, r in enumerate(v.rivals):
            box = pygame.Rect(area.x + i * w, area.y, w - self.s(8), area.height)
            colour, shape = self.app.side_style(r.id)
            inner = draw.panel(surf, box, "", fs)
            draw.marker(surf, shape, (inner.x + self.s(10), inner.y + self.s(14)), self.s(9), colour)
            draw.text(surf, self.app.side_name(r.id), (inner.x + self.s(28), inner.y), round(20 * self.app.scale), colour, True,
                      inner.width - self.s(28))
            y = inner.y + self.s(36)
            half = inner.width // 2
            # what everybody knows
            draw.text(surf, self.tr("rival.public"), (inner.x, y), fs, draw.ACCENT, True, half)
            yy = y + lh
            for label, val in ((self.tr("rival.prestige"), r.prestige), (self.tr("rival.launches"), r.launches),
                               (self.tr("rival.deaths"), r.deaths)):
                draw.text(surf, label, (inner.x, yy), fs, draw.DIM, width=half - self.s(60))
                draw.text(surf, str(val), (inner.x + half - self.s(16), yy), fs, draw.TEXT, True, align="right")
                yy += lh
            yy += self.s(4)
            draw.text(surf, self.tr("rival.milestones"), (inner.x, yy), fs, draw.ACCENT, True, half)
            yy += lh
            for ms, turn in sorted(r.milestones.items(), key=lambda x: x[1]):
                if yy > inner.bottom - lh:
                    break
                draw.text(surf, f"{rules.date_label(turn)} {self.milestone_name(ms)}", (inner.x, yy), small, draw.TEXT,
                          width=half - self.s(10))
                yy += lh - self.s(2)
            if not r.milestones:
                draw.text(surf, self.tr("dash.none"), (inner.x, yy), small, draw.DIM)
            recent = [rec for rec in v.public_log if rec.side == r.id][-6:]
            yy = max(yy + self.s(8), inner.y + self.s(300))
            if yy < inner.bottom - lh * 2:
                draw.text(surf, self.tr("rival.recent"), (inner.x, yy), fs, draw.ACCENT, True, half)
                yy += lh
                if not recent:
                    draw.text(surf, self.tr("dash.none"), (inner.x, yy), small, draw.DIM)
                for rec in reversed(recent):
                    if yy > inner.bottom - lh:
                        break
                    draw.text(surf, f"{rules.date_label(rec.turn)} {self.mission_name(rec.mission)}: {self.tr('outcome.' + rec.outcome)}",
                              (inner.x, yy), small, draw.TEXT, width=half - self.s(10))
                    yy += lh - self.s(2)
            # what intelligence estimates
            x = inner.x + half + self.s(10)
            ww = inner.width - half - self.s(10)
            draw.text(surf, self.tr("rival.estimate"), (x, y), fs, draw.ACCENT, True, ww)
            yy = y + lh
            est = r.estimate
            if est is None:
                draw.paragraph(surf, self.tr("rival.no_estimate"), pygame.Rect(x, yy, ww, lh * 4), fs, draw.DIM)
                continue
            sure = "high" if est.error <= 5 else "medium" if est.error <= 15 else "low"
            draw.text(surf, self.tr("rival.as_of", date=rules.date_label(est.turn)), (x, yy), small, draw.DIM, width=ww)
            yy += lh
            col = {"high": draw.GOOD, "medium": draw.WARN, "low": draw.BAD}[sure]
            draw.text(surf, self.tr("rival.sure_" + sure, e=est.error), (x, yy), fs, col, True, ww)
            yy += lh
            for label, val in ((self.tr("rival.cash"), est.cash), (self.tr("rival.budget"), est.budget),
                               (self.tr("rival.crew"), est.active_crew)):
                draw.text(surf, label, (x, yy), fs, draw.DIM, width=ww - self.s(70))
                draw.text(surf, f"~ {val}", (x + ww, yy), fs, draw.TEXT, True, align="right")
                yy += lh
            yy += self.s(4)
            draw.text(surf, self.tr("rival.techs"), (x, yy), fs, draw.ACCENT, True, ww)
            yy += lh
            for t, rel in sorted(est.techs.items(), key=lambda x: -x[1]):
                if yy > inner.bottom - lh:
                    draw.text(surf, "…", (x, yy - self.s(4)), small, draw.DIM)
                    break
                draw.text(surf, self.tech_name(t), (x, yy), small, draw.TEXT, width=ww - self.s(110))
                b = pygame.Rect(x + ww - self.s(100), yy + self.s(5), self.s(60), self.s(7))
                draw.bar(surf, b, rel / 100, colour)
                draw.text(surf, f"~{rel}", (x + ww, yy), small, draw.TEXT, align="right")
                yy += lh - self.s(2)
            if not est.techs:
                draw.text(surf, self.tr("rival.no_techs"), (x, yy), small, draw.DIM, width=ww)


__all__ = ["RivalScreen"]
