"""The budget: where this quarter's cash goes, next year's budget, and intelligence."""

from __future__ import annotations

import pygame

from game.engine import (
    FundIntelligence,
)
from game.engine import odds as engine_odds
from game.ui import draw
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register


@register
class BudgetScreen(GameScreen):
    name = "budget"

    def intel_y(self) -> int:
        """The y of the intelligence heading: near the panel's foot, lower than the projection's note ends."""
        c = self.content
        v = self.view
        side = v.rules.side(self.side)
        fs = round(15 * self.app.scale)
        small = round(13 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(3)
        width = c.width - c.width // 2 - 20
        rows = 7 if v.rules.settings.prestige_to_base else 6
        note = draw.line_count(self.tr("budget.projection_note", lo=side.min_budget, hi=side.max_budget), small, width)
        below = c.y + 12 + draw.font(fs, True).get_linesize() + rows * lh + self.s(4) + note * (draw.font(small).get_linesize() + 2)
        return max(below + self.s(12), c.y + c.height - self.s(120) - lh * 2 - self.s(6))

    def build_content(self) -> None:
        c = self.content
        half = c.width // 2
        x = c.x + half + self.s(18)
        lh = draw.font(round(15 * self.app.scale)).get_linesize() + self.s(3)
        y = self.intel_y() + 2 * lh + self.s(6)
        v = self.view
        bw = self.s(70)
        for i, (label, delta) in enumerate((("–5", -5), ("–1", -1), ("+1", 1), ("+5", 5))):
            self.button((x + i * (bw + self.s(6)), y, bw, self.s(34)), label,
                        lambda d=delta: self.act(FundIntelligence(self.side, max(0, self.view.me.intel + d))),
                        self.tr("tip.budget.intel_step", n=delta))
        self.button((x + 4 * (bw + self.s(6)), y, bw + self.s(30), self.s(34)), self.tr("budget.stop"),
                    lambda: self.act(FundIntelligence(self.side, 0)), self.tr("tip.budget.intel_stop"),
                    enabled=v.me.intel > 0)
        self.button((c.x + self.s(12), c.bottom - self.s(48), self.s(240), self.s(36)), self.tr("budget.to_research"),
                    lambda: self.goto("research"), self.tr("tip.nav.research"))
        if v.rules.facilities:  # what cash that piles up can buy for good
            self.button((c.x + self.s(260), c.bottom - self.s(48), min(self.s(240), half - self.s(276)), self.s(36)),
                        self.tr("budget.to_facilities"), lambda: self.goto("facilities"), self.tr("tip.budget.facilities"))

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        me = v.me
        rules = v.rules
        c = self.content
        fs = round(15 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(3)
        half = c.width // 2
        left = draw.panel(surf, pygame.Rect(c.x, c.y, half - self.s(8), c.height), self.tr("budget.split"), fs)
        # the engine's sums: what resolution will really charge, and what it would were cash no limit
        planned = v.planned_spending()
        spent = dict(planned.research)
        r_wanted = sum(m for _, m in planned.wanted)
        research = [(t, ts.funding) for t, ts in me.techs.items() if ts.funding > 0]
        r_ordered = sum(n for _, n in research)
        r_spent = sum(spent.values())
        plans = sum(p.cost for p in me.plan)  # what each planned launch was charged when it was planned
        short = planned.short  # cash is short: resolution cuts research pro rata, then intelligence
        capped = r_wanted < r_ordered  # some funding is more than its tech can use

        def amount(ordered: int, real: int) -> str:
            return str(ordered) if ordered == real else self.tr("budget.ordered_spent", n=ordered, spent=real)

        rows: list[tuple[str, str, tuple[int, int, int]]] = [
            (self.tr("budget.cash"), str(me.cash), draw.TEXT),
            (self.tr("budget.instalment"), f"+{v.instalment()}", draw.GOOD),
            (self.tr("budget.research_total"), amount(r_ordered, r_spent), draw.ACCENT),
            (self.tr("budget.intel"), amount(me.intel, planned.intelligence), draw.ACCENT),
            (self.tr("budget.launches_paid"), str(plans), draw.DIM),
            (self.tr("budget.left"), str(me.cash - planned.total), draw.BAD if short else draw.GOOD),
        ]
        y = left.y
        for label, val, col in rows:
            vw = draw.font(fs, True).size(val)[0]
            draw.text(surf, label, (left.x, y), fs, draw.TEXT, width=left.width - vw - self.s(12))
            draw.text(surf, val, (left.right, y), fs, col, True, align="right")
            y += lh
        # why what is spent differs from what is ordered, in the engine's order: caps, then the cut
        small = round(13 * self.app.scale)
        notes = []
        if short or capped:
            notes.append((self.tr("budget.note_arrow"), draw.DIM))
        if capped:
            notes.append((self.tr("budget.note_capped"), draw.DIM))
        if short:  # research is paid first: when it alone fits, only intelligence is cut
            key = "budget.note_cut" if r_wanted > r_spent else "budget.note_cut_intel"
            notes.append((self.tr(key, need=planned.needed, cash=me.cash), draw.BAD))
        for text, col in notes:
            y += draw.paragraph(surf, text, pygame.Rect(left.x, y, left.width, lh * 4), small, col, gap=0)
        # a bar: how this turn's spending splits the cash
        y += self.s(6)
        bar = pygame.Rect(left.x, y, left.width, self.s(18))
        total = max(1, me.cash, planned.total)
        pygame.draw.rect(surf, draw.BAR_BACK, bar)
        x0 = bar.x
        for part, col in ((r_spent, draw.ACCENT), (planned.intelligence, draw.WARN)):
            wpx = int(bar.width * part / total)
            pygame.draw.rect(surf, col, (x0, bar.y, wpx, bar.height))
            x0 += wpx
        y += self.s(28)
        room = c.bottom - self.s(48) - self.s(6)  # above the button to the research orders
        funded = bool(research)
        if research and y + 2 * lh > room:  # no room for a single line under the heading: say where they are instead
            more = self.tr("budget.more_lines", n=len(research))
            draw.text(surf, more, (left.x, y), draw.shrink(more, fs, left.width, least=0.7), draw.DIM, width=left.width)
            research = []
        else:
            draw.text(surf, self.tr("budget.what_buys"), (left.x, y), fs, draw.ACCENT, True)
            y += lh
        for i, (t, ordered) in enumerate(research):
            tech = rules.techs[t]
            ts = me.techs[t]
            real = spent.get(t, 0)  # what each line buys is worked out at what will really be spent
            if real == 0:
                what = self.tr("budget.buys_nothing")
            elif ts.done:
                what = self.tr("budget.buys_rel", g=engine_odds.expected_reliability_gain(rules, me, tech, ts, real))
            else:
                n = engine_odds.turns_to_finish(rules, me, tech, ts, real)
                what = self.tr("budget.buys_done", n=n) if n is not None else self.tr("budget.buys_never")
            if real == ordered:
                line = self.tr("budget.buys_line", tech=self.tech_name(t), n=ordered, what=what)
            else:
                line = self.tr("budget.buys_line_cut", tech=self.tech_name(t), n=ordered, spent=real, what=what)
            need = draw.line_count(line, fs, left.width) * lh  # a long line wraps rather than losing its end
            if y + need + lh > room:  # no room for this line and the "…and n more" below it: say how many are left out
                more = self.tr("budget.more_lines", n=len(research) - i)
                draw.text(surf, more, (left.x, min(y, room - lh)), draw.shrink(more, fs, left.width, least=0.7), draw.DIM,
                          width=left.width)
                break
            draw.paragraph(surf, line, pygame.Rect(left.x, y, left.width, need), fs,
                           draw.TEXT if real == ordered else draw.WARN, gap=self.s(3))
            y += need
        if not funded:
            draw.text(surf, self.tr("budget.no_research"), (left.x, y), fs, draw.DIM, width=left.width)
        # right: next year, and intelligence
        right = draw.panel(surf, pygame.Rect(c.x + half, c.y, c.width - half, c.height), self.tr("budget.next_year"), fs)
        side = rules.side(self.side)
        s = rules.settings
        rows2 = [
            (self.tr("budget.this_year"), str(me.budget), draw.TEXT, False),
            (self.tr("budget.base"), str(me.budget_base), draw.DIM, False),
            (self.tr("budget.growth"), f"{side.budget_growth:+d}", draw.DIM, False),
            (self.tr("budget.lasting"), f"{me.budget_mod:+d}", draw.DIM, False),
            (self.tr("budget.from_prestige", p=me.prestige_year, pct=engine_odds.prestige_budget_percent(rules)),
             f"{engine_odds.budget_from_prestige(rules, me):+d}", draw.DIM, False),
        ]
        if s.prestige_to_base:
            rows2.append((self.tr("budget.prestige_lasting", pct=s.prestige_to_base),
                          f"{engine_odds.lasting_from_prestige(rules, me):+d}", draw.DIM, False))
        rows2 += [
            (self.tr("budget.projected", year=v.year + 1), str(v.next_budget()), draw.ACCENT, True),
        ]
        y = right.y
        for label, val, col, bold in rows2:
            room = right.width - draw.font(fs, True).size(val)[0] - self.s(12)
            draw.text(surf, label, (right.x, y), draw.shrink(label, fs, room, bold, 0.65), draw.TEXT, bold, width=room)
            draw.text(surf, val, (right.right, y), fs, col if not bold else draw.TEXT, True, align="right")
            y += lh
        note = self.tr("budget.projection_note", lo=side.min_budget, hi=side.max_budget)
        y = self.intel_y()
        draw.paragraph(surf, note, pygame.Rect(right.x, right.y + len(rows2) * lh + self.s(4), right.width, lh * 4),
                       round(13 * self.app.scale), draw.DIM)
        draw.text(surf, self.tr("budget.intel_title", n=me.intel), (right.x, y), fs, draw.ACCENT, True, right.width)
        est = [r.estimate for r in v.rivals if r.estimate is not None]
        note = self.tr("budget.intel_error", e=est[0].error) if est else self.tr("budget.intel_none")
        draw.text(surf, note, (right.x, y + lh), fs, draw.DIM, width=right.width)
