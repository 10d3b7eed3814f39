"""The research screen: the tech tree as a graph of prerequisites, and funding orders for the chosen tech."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import BuyReliability, CancelOrder, FundResearch
from game.engine import odds as engine_odds
from game.ui import draw
from game.ui.screens.base import Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register


def layout(rules: Any) -> dict[str, tuple[int, int]]:
    """(column, row) of each tech: the column is the length of its longest prerequisite chain."""
    depth: dict[str, int] = {}

    def d(t: str, seen: frozenset[str] = frozenset()) -> int:
        if t in depth:
            return depth[t]
        reqs = [r for r in rules.techs[t].requires if r in rules.techs and r not in seen]
        depth[t] = 0 if not reqs else 1 + max(d(r, seen | {t}) for r in reqs)
        return depth[t]

    for t in rules.techs:
        d(t)
    cols: dict[int, list[str]] = {}
    # keep a line's techs near each other: sort by line, then by file order
    order = {t: i for i, t in enumerate(rules.techs)}
    for t in sorted(rules.techs, key=lambda t: (rules.techs[t].line, order[t])):
        cols.setdefault(depth[t], []).append(t)
    return {t: (c, r) for c, ts in cols.items() for r, t in enumerate(ts)}


@register
class ResearchScreen(GameScreen):
    name = "research"

    def __init__(self, app: Any, side: str, selected: str | None = None) -> None:
        super().__init__(app, side)
        rules = self.view.rules
        funded = [t for t, ts in self.view.me.techs.items() if ts.funding > 0]
        avail = sorted(self.view.available_techs - {t for t, ts in self.view.me.techs.items() if ts.done})
        selected = selected or app.memory.get(("tech", side))  # the tech chosen last time, per side
        if selected not in rules.techs:
            selected = None
        self.selected = selected or (funded[0] if funded else avail[0] if avail else next(iter(rules.techs)))
        self.pos = layout(rules)
        self.nodes: dict[str, pygame.Rect] = {}
        self.scroll: tuple[int, int] = app.memory.get(("tech_scroll", side), (0, 0))  # the tree's view, when it is larger
        self.tree = pygame.Rect(0, 0, 0, 0)  # the tree's whole size (larger than the panel at big text sizes)

    @property
    def details_w(self) -> int:
        """The width of the panel of the chosen tech: narrower on a small window, so the tree's tiles can be wider."""
        return max(self.s(300), min(self.s(342), self.content.width // 4))

    def graph_rect(self) -> pygame.Rect:
        c = self.content
        return pygame.Rect(c.x, c.y, c.width - self.details_w - self.s(8), c.height)

    # The least room a tile's column and row take (at 100 %): below it the tree scrolls rather than cut names.
    TILE_COLUMN, TILE_ROW = 118, 62

    def viewport(self) -> pygame.Rect:
        """Where the tree's tiles are drawn: the panel less its title and legend."""
        g = self.graph_rect().inflate(-self.s(16), -self.s(64))
        g.y += self.s(4)
        return g

    def compute_nodes(self) -> None:
        g = self.viewport()
        ncols = max(c for c, _ in self.pos.values()) + 1
        nrows = max(r for _, r in self.pos.values()) + 1
        self.tree = pygame.Rect(0, 0, max(g.width, ncols * self.s(self.TILE_COLUMN)), max(g.height, nrows * self.s(self.TILE_ROW)))
        cw = self.tree.width / ncols
        rh = self.tree.height / nrows
        nw = int(min(self.s(190), cw - self.s(14)))
        nh = int(min(self.s(58), rh - self.s(6)))
        self.scroll = self.clamp(self.scroll)
        sx, sy = self.scroll
        self.nodes = {
            t: pygame.Rect(int(g.x + c * cw + (cw - nw) / 2) - sx, int(g.y + r * rh + (rh - nh) / 2) - sy, nw, nh)
            for t, (c, r) in self.pos.items()
        }

    def clamp(self, scroll: tuple[int, int]) -> tuple[int, int]:
        g = self.viewport()
        return (max(0, min(self.tree.width - g.width, scroll[0])), max(0, min(self.tree.height - g.height, scroll[1])))

    def scroll_to(self, scroll: tuple[int, int]) -> None:
        self.scroll = self.clamp(scroll)
        self.app.memory[("tech_scroll", self.side)] = self.scroll

    def keep_in_view(self, tech: str) -> None:
        """Scroll the tree (if it is larger than its panel) so the tile of `tech` is whole in sight."""
        self.compute_nodes()
        g, r = self.viewport(), self.nodes[tech]
        sx, sy = self.scroll
        sx += min(0, r.left - g.left) + max(0, r.right - g.right)
        sy += min(0, r.top - g.top) + max(0, r.bottom - g.bottom)
        self.scroll_to((sx, sy))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEWHEEL and self.viewport().collidepoint(pygame.mouse.get_pos()):
            g = self.viewport()
            if self.tree.width > g.width or self.tree.height > g.height:
                step = self.s(60)
                dx, dy = (-event.y, 0) if self.tree.height <= g.height else (-event.x, -event.y)
                self.scroll_to((self.scroll[0] + dx * step, self.scroll[1] + dy * step))
                self.rebuild()
                return None
        return super().handle(event)

    def desc_rect(self) -> pygame.Rect | None:
        """Where the chosen tech's description goes (a text box that scrolls when it is long), or None without one."""
        tech = self.view.rules.techs[self.selected]
        desc = self.app.stext(tech.description) if tech.description else ""
        if not desc or desc == tech.description:
            return None
        c = self.content
        x = c.right - self.details_w + 10
        y = c.y + 12 + draw.font(round(17 * self.app.scale), True).get_linesize()
        width = self.details_w - 20
        small = round(13 * self.app.scale)
        lines = min(4, draw.line_count(desc, small, width - self.s(20)))  # the box's own padding and scroll bar
        # a short panel (a small window at a large text size) keeps room for a few of the figures below it
        room = c.bottom - self.s(self.controls_h() + 60 + 14) - y
        lines = max(1, min(lines, room // draw.box_line_height(small)))
        return pygame.Rect(x, y, width, lines * draw.box_line_height(small) + self.s(14))

    def build_content(self) -> None:
        if not getattr(self, "_placed", False):  # on opening, the chosen tech is in sight (later the wheel decides)
            self._placed = True
            self.keep_in_view(self.selected)
        self.compute_nodes()
        desc = self.desc_rect()
        if desc is not None:
            tech = self.view.rules.techs[self.selected]
            self.textbox(desc, draw.html(self.app.stext(tech.description)), object_id="#small_text")
        area, scrolls = self.details_area()
        if scrolls:  # too short a panel for every figure at this text size: they scroll
            self.textbox(area, self.details_html())
        g = self.viewport()
        for t, rect in self.nodes.items():
            if g.colliderect(rect):  # a tile scrolled out of sight cannot be clicked through the panel's edge
                self.hotspot(rect.clip(g), lambda t=t: self.select(t))
        c = self.content
        px = c.right - self.details_w + self.s(4)
        y = c.bottom - self.s(140)
        ts = self.view.me.techs[self.selected]
        tech = self.view.rules.techs[self.selected]
        useful = engine_odds.useful_funding(self.view.rules, self.view.me, tech, ts)
        can = ts.done or self.selected in self.view.available_techs
        bw = (self.details_w - self.s(8) - 3 * self.s(6)) // 4
        if self.spending_row():
            self.build_spending(px, c.bottom - self.s(190), 4 * bw + 3 * self.s(6), can)
        steps = (("–5", -5), ("–1", -1), ("+1", 1), ("+5", 5))
        for i, (label, delta) in enumerate(steps):
            self.button((px + i * (bw + self.s(6)), y, bw, self.s(34)), label,
                        lambda d=delta: self.fund(self.view.me.techs[self.selected].funding + d),
                        self.tr("tip.research.step", n=delta), enabled=can,
                        key={-5: pygame.K_PAGEDOWN, -1: pygame.K_MINUS, 1: pygame.K_EQUALS, 5: pygame.K_PAGEUP}[delta])
        y += self.s(42)
        half = (4 * bw + 3 * self.s(6) - self.s(6)) // 2
        self.button((px, y, half, self.s(36)), self.tr("research.fund_useful", n=useful), self.fund_useful,
                    self.tr("tip.research.fund_useful"), key=pygame.K_f, enabled=can and useful > 0)
        self.button((px + half + self.s(6), y, half, self.s(36)), self.tr("research.stop"), lambda: self.fund(0),
                    self.tr("tip.research.stop"), key=pygame.K_0, enabled=ts.funding > 0)

    def spending_row(self) -> bool:
        """Whether the chosen tech has a row of spending beyond its rate cap: a rush toggle while it is unfinished,
        a test campaign once it is finished (each only if the scenario offers it)."""
        s = self.view.rules.settings
        return bool(s.test_cap) if self.view.me.techs[self.selected].done else bool(s.rush_cap)

    def controls_h(self) -> int:
        """The height the buttons under the chosen tech's figures take (at 100 %)."""
        return 200 if self.spending_row() else 150

    def build_spending(self, x: int, y: int, width: int, can: bool) -> None:
        v, t = self.view, self.selected
        if v.me.techs[t].done:  # the order, and beside it a narrower undo
            points, cost = self.test_order()
            wide = (width - self.s(6)) * 3 // 5
            self.button((x, y, wide, self.s(36)), self.tr("research.test", n=points, cost=cost), self.buy_tests,
                        self.tr("tip.research.test", n=v.rules.settings.test_cap), key=pygame.K_u, enabled=points > 0)
            self.button((x + wide + self.s(6), y, width - wide - self.s(6), self.s(36)), self.tr("research.untest"),
                        self.undo_tests, self.tr("tip.research.untest"), enabled=self.last_tests() is not None)
            return
        rushed = v.rushed(t)
        s = v.rules.settings
        tip = self.tr("tip.research.rush", n=engine_odds.rush_points(v.rules, v.rules.techs[t]), p=s.rush_premium,
                      m=s.rush_malus)
        if rushed:
            label = self.tr("research.rush_off")
        elif engine_odds.turns_rushing_saves(v.rules, v.me, v.rules.techs[t], v.me.techs[t]) > 0:
            label = self.tr("research.rush", n=self.rush_extra())
        else:  # paying the premium would not finish it a turn sooner: say so rather than offer it
            label, tip, can = self.tr("research.rush_useless"), self.tr("tip.research.rush_useless"), False
        self.button((x, y, width, self.s(36)), label, self.toggle_rush, tip, key=pygame.K_u, enabled=can)

    def rush_extra(self) -> int:
        """What rushing the chosen tech adds to the most it can use a turn (the engine's figures)."""
        v = self.view
        tech, ts = v.rules.techs[self.selected], v.me.techs[self.selected]
        return engine_odds.rush_extra(v.rules, v.me, tech, ts)

    def toggle_rush(self) -> Transition | None:
        """Rush the chosen tech, funded with the most it can use rushed; or stop rushing it, back to its cap."""
        v = self.view
        tech, ts = v.rules.techs[self.selected], v.me.techs[self.selected]
        if v.rushed(self.selected):
            amount = min(ts.funding, engine_odds.useful_funding(v.rules, v.me, tech, ts, False))
            return self.act(FundResearch(self.side, self.selected, amount, False))
        return self.act(FundResearch(self.side, self.selected, engine_odds.useful_funding(v.rules, v.me, tech, ts, True),
                                     True))

    def test_order(self) -> tuple[int, int]:
        """(points, cost) of the test campaign the button orders: as many points as may be bought this turn
        and cash pays for, at the engine's price."""
        v = self.view
        price = v.test_price(self.selected)
        points = min(v.test_room(self.selected), max(0, v.me.cash) // price)
        return points, engine_odds.order_cost(v.rules, BuyReliability(self.side, self.selected, points))

    def buy_tests(self) -> Transition | None:
        points, _ = self.test_order()
        return self.act(BuyReliability(self.side, self.selected, points))

    def last_tests(self) -> int | None:
        """The place in this quarter's purchases of the last test campaign on the chosen tech, if any."""
        for i in range(len(self.view.me.bought) - 1, -1, -1):
            p = self.view.me.bought[i]
            if p.order == "buy_reliability" and p.subject == self.selected:
                return i
        return None

    def undo_tests(self) -> Transition | None:
        i = self.last_tests()
        return None if i is None else self.act(CancelOrder(self.side, i))

    def fund_useful(self) -> Transition | None:
        """Fund the chosen tech with the most it can use a turn (the engine's figure, asked afresh)."""
        v = self.view
        return self.fund(engine_odds.useful_funding(v.rules, v.me, v.rules.techs[self.selected], v.me.techs[self.selected]))

    def fund(self, amount: int) -> Transition | None:
        return self.act(FundResearch(self.side, self.selected, max(0, amount), self.view.rushed(self.selected)))

    def select(self, tech: str) -> Transition | None:
        self.selected = tech
        self.app.memory[("tech", self.side)] = tech
        self.keep_in_view(tech)
        self.rebuild()
        return None

    def on_other_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            c, r = self.pos[self.selected]
            dc, dr = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}[event.key]
            target = (c + dc, r + dr)
            best = None
            for t, p in self.pos.items():
                if p == target:
                    best = t
            if best is None and dc:
                same = [t for t, p in self.pos.items() if p[0] == c + dc]
                if same:
                    best = min(same, key=lambda t: abs(self.pos[t][1] - r))
            if best:
                return self.select(best)
        return None

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        rules = v.rules
        fs = round(14 * self.app.scale)  # the tiles shrink the type where a name needs it
        min_fs = round(10 * self.app.scale)
        g = self.graph_rect()
        draw.panel(surf, g, self.tr("research.tree"), round(15 * self.app.scale))
        # what all research orders come to, what the end of the turn will really spend of them (the engine's
        # sums: each tech's cap, then the cut when cash is short), beside the cash they are paid from
        planned = v.planned_spending()
        ordered = sum(ts.funding for ts in v.me.techs.values())
        spent = sum(m for _, m in planned.research)
        cut = sum(m for _, m in planned.wanted) > spent
        line = (self.tr("research.ordered", n=ordered, cash=v.me.cash) if spent == ordered
                else self.tr("research.ordered_spent", n=ordered, spent=spent, cash=v.me.cash))
        title_w = draw.font(round(15 * self.app.scale), True).size(self.tr("research.tree"))[0]
        room = g.width - title_w - self.s(40)  # right of the panel's title, never over it
        draw.text(surf, line, (g.right - self.s(10), g.y + self.s(7)), draw.shrink(line, round(13 * self.app.scale), room, least=0.6),
                  draw.WARN if cut else draw.DIM, width=room, align="right")
        if not self.nodes:
            self.compute_nodes()
        view = self.viewport()
        clip = surf.get_clip()
        surf.set_clip(view)
        # edges first
        for t, rect in self.nodes.items():
            for r in rules.techs[t].requires:
                if r in self.nodes:
                    a = self.nodes[r]
                    col = draw.GOOD if v.me.techs[r].done else draw.colour("tech_link")
                    start, end = (a.right, a.centery), (rect.left, rect.centery)
                    mid = (start[0] + end[0]) // 2
                    pygame.draw.lines(surf, col, False, [start, (mid, start[1]), (mid, end[1]), end], 2)
                    pygame.draw.polygon(surf, col, [end, (end[0] - 7, end[1] - 4), (end[0] - 7, end[1] + 4)])
        for t, rect in self.nodes.items():
            ts = v.me.techs[t]
            tech = rules.techs[t]
            if ts.done:
                fill, edge = draw.colour("tech_done"), draw.GOOD
            elif t in v.available_techs:
                fill, edge = draw.colour("tech_open"), draw.ACCENT
            else:
                fill, edge = draw.colour("tech_locked"), draw.colour("tech_locked_edge")
            pygame.draw.rect(surf, fill, rect, border_radius=5)
            pygame.draw.rect(surf, draw.FOCUS if t == self.selected else edge, rect, 3 if t == self.selected else 1,
                             border_radius=5)
            col = draw.TEXT if ts.done or t in v.available_techs else draw.DIM
            # the whole name, wrapped, in a smaller type if it must: never cut (a tile half out of sight shows none)
            bold = ts.funding > 0
            if view.contains(rect):
                name = draw.fit_block(self.tech_name(t), rect.width - self.s(10), rect.height - self.s(13), fs, bold, min_fs)
                draw.paragraph(surf, name.text, pygame.Rect(rect.x + self.s(5), rect.y + self.s(1), rect.width - self.s(10),
                                                            rect.height - self.s(13)), name.size, col, bold, gap=0)
            barr = pygame.Rect(rect.x + self.s(6), rect.bottom - self.s(10), rect.width - self.s(12), self.s(5))
            if ts.done:
                draw.bar(surf, barr, ts.reliability / 100, draw.GOOD, mark=tech.ceiling / 100)
            else:
                draw.bar(surf, barr, ts.progress / max(1, tech.cost), draw.ACCENT)
            if ts.funding > 0:  # a badge on the corner, clear of the name
                pygame.draw.circle(surf, draw.BG, (rect.right - self.s(1), rect.y + self.s(1)), self.s(6))
                pygame.draw.circle(surf, draw.WARN, (rect.right - self.s(1), rect.y + self.s(1)), self.s(4))
        surf.set_clip(clip)
        self.draw_scrollbars(surf, view)
        # legend
        lx = g.x + self.s(10)
        ly = g.bottom - self.s(22)
        keys = ((self.tr("research.legend_done"), draw.GOOD), (self.tr("research.legend_open"), draw.ACCENT),
                (self.tr("research.legend_locked"), draw.colour("tech_locked_edge")))
        funded = self.tr("research.legend_funded")
        # one line across the panel: the type shrinks (to 0.6 of its size at most) where a language's words are long
        room = g.width - self.s(20) - 4 * self.s(18) - 3 * self.s(18)
        small = draw.shrink(" ".join([*(k for k, _ in keys), funded]), round(12 * self.app.scale), room, least=0.6)
        for label, col in keys:
            pygame.draw.rect(surf, col, (lx, ly + self.s(3), self.s(12), self.s(12)), 1)
            r = draw.text(surf, label, (lx + self.s(18), ly), small, draw.DIM)
            lx = r.right + self.s(18)
        pygame.draw.circle(surf, draw.WARN, (lx + self.s(6), ly + self.s(9)), self.s(4))
        draw.text(surf, funded, (lx + self.s(18), ly), small, draw.DIM, width=g.right - lx - self.s(28))
        self.draw_details(surf)

    def draw_scrollbars(self, surf: pygame.Surface, view: pygame.Rect) -> None:
        """Thin bars along the panel's edges when the tree is larger than it: how much more there is, and where."""
        t = self.tree
        if t.width > view.width:
            bar = pygame.Rect(view.x + view.width * self.scroll[0] // t.width, view.bottom + self.s(2),
                              view.width * view.width // t.width, self.s(4))
            pygame.draw.rect(surf, draw.PANEL_EDGE, bar, border_radius=2)
        if t.height > view.height:
            bar = pygame.Rect(view.right + self.s(3), view.y + view.height * self.scroll[1] // t.height, self.s(4),
                              view.height * view.height // t.height)
            pygame.draw.rect(surf, draw.PANEL_EDGE, bar, border_radius=2)

    def status_text(self) -> str:
        v = self.view
        t = self.selected
        if v.me.techs[t].done:
            return self.tr("research.done")
        if t in v.available_techs:
            return self.tr("research.open")
        needs = ", ".join(self.tech_name(r) for r in v.rules.techs[t].requires if not v.me.techs[r].done)
        return self.tr("research.locked", needs=needs)

    def detail_rows(self) -> list[tuple[str, str, tuple[int, int, int]]]:
        """(label, value, colour) of the chosen tech's figures, all of them the engine's."""
        v = self.view
        rules = v.rules
        t = self.selected
        tech = rules.techs[t]
        ts = v.me.techs[t]
        useful = engine_odds.useful_funding(rules, v.me, tech, ts)
        # what the end of the turn will really spend on it: the order, capped at what it can use and cut when cash is short
        spent = dict(v.planned_spending().research).get(t, 0)
        rows = [
            (self.tr("research.progress"), f"{ts.progress} / {tech.cost}", draw.TEXT),
            (self.tr("research.reliability"), f"{ts.reliability if ts.done else '—'} / {tech.ceiling}", draw.TEXT),
            (self.tr("research.base"), str(tech.base), draw.TEXT),
            (self.tr("research.funding"), str(ts.funding), draw.TEXT),
        ]
        if spent != ts.funding:
            rows.append((self.tr("research.spent"), str(spent), draw.WARN))
        rows.append((self.tr("research.useful"), str(useful), draw.TEXT))
        if ts.done:  # the gain and the time below are those of what will really be spent, as the budget shows them
            rows.append((self.tr("research.gain"), f"+{engine_odds.expected_reliability_gain(rules, v.me, tech, ts, spent)}",
                         draw.TEXT))
            rows.append((self.tr("research.point_price"), str(v.point_price(t)), draw.TEXT))
            if rules.settings.test_cap:
                rows.append((self.tr("research.test_price"), self.tr("research.test_value", n=v.test_price(t),
                                                                     room=v.test_room(t)), draw.TEXT))
        else:
            n = engine_odds.turns_to_finish(rules, v.me, tech, ts, spent)
            rows.append((self.tr("research.turns"), str(n) if n is not None else self.tr("research.never"), draw.TEXT))
            n2 = engine_odds.turns_to_finish(rules, v.me, tech, ts, useful)
            rows.append((self.tr("research.turns_useful"), str(n2) if n2 is not None else "—", draw.TEXT))
            if rules.settings.rush_cap and not v.rushed(t):  # what the rush button would buy, before it is pressed
                most = engine_odds.useful_funding(rules, v.me, tech, ts, True)
                n3 = engine_odds.turns_to_finish(rules, v.me, tech, ts, most, True)
                rows.append((self.tr("research.turns_rushed"), str(n3) if n3 is not None else "—", draw.TEXT))
            if rules.settings.rush_cap:
                rushed = v.rushed(t)
                value = self.tr("research.rushed_yes", n=engine_odds.rush_points(rules, tech)) if rushed else self.tr(
                    "research.rushed_no")
                rows.append((self.tr("research.rushed"), value, draw.WARN if rushed else draw.TEXT))
        rows.append((self.tr("research.flights"), f"{ts.flights} ({ts.failures})", draw.TEXT))
        return rows

    def details_area(self) -> tuple[pygame.Rect, bool]:
        """Where the chosen tech's status and figures go (below its description, above the funding buttons), and
        whether they must scroll in a text box because the panel is too short for them at this text size."""
        c = self.content
        inner_x, width = c.right - self.details_w + 10, self.details_w - 20
        desc = self.desc_rect()
        top = desc.bottom + self.s(6) if desc is not None else c.y + 12 + draw.font(round(17 * self.app.scale), True).get_linesize()
        area = pygame.Rect(inner_x, top, width, c.bottom - self.s(self.controls_h()) - top)
        fs = round(15 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(2)
        status_h = draw.line_count(self.status_text(), fs, width) * (draw.font(fs).get_linesize() + 2)
        need = status_h + len(self.detail_rows()) * lh + self.s(40)
        return area, need > area.height

    def details_html(self) -> str:
        t = self.selected
        ts = self.view.me.techs[t]
        status = f'<font color="{draw.hex_colour(draw.GOOD if ts.done else draw.TEXT)}">{draw.html(self.status_text())}</font>'
        rows = [f"{draw.html(label)}: <b>{draw.html(val)}</b>" for label, val, _ in self.detail_rows()]
        unlocks = [h for h, hw in self.view.rules.hardware.items() if hw.tech == t]
        if unlocks:
            rows.append(draw.html(self.tr("research.unlocks", what=", ".join(self.hw_name(h) for h in unlocks))))
        return status + "<br>" + "<br>".join(rows)

    def draw_details(self, surf: pygame.Surface) -> None:
        v = self.view
        rules = v.rules
        c = self.content
        box = pygame.Rect(c.right - self.details_w, c.y, self.details_w, c.height)
        t = self.selected
        tech = rules.techs[t]
        ts = v.me.techs[t]
        fs = round(15 * self.app.scale)
        inner = draw.panel(surf, box, self.tech_name(t), round(17 * self.app.scale))
        lh = draw.font(fs).get_linesize() + self.s(2)
        area, scrolls = self.details_area()
        if scrolls:  # the text box built with the widgets holds them
            return
        y = area.y
        y += draw.paragraph(surf, self.status_text(), pygame.Rect(inner.x, y, inner.width, area.height), fs,
                            draw.GOOD if ts.done else draw.TEXT)
        for label, val, col in self.detail_rows():
            room = inner.width - draw.font(fs, True).size(val)[0] - self.s(12)  # the value's own width, not a fixed one
            draw.text(surf, label, (inner.x, y), draw.shrink(label, fs, room, least=0.7), draw.DIM, width=room)
            draw.text(surf, val, (inner.right, y), fs, col, True, align="right")
            y += lh
        barr = pygame.Rect(inner.x, y + self.s(4), inner.width, self.s(10))
        if ts.done:
            draw.bar(surf, barr, ts.reliability / 100, draw.GOOD, mark=tech.ceiling / 100)
        else:
            draw.bar(surf, barr, ts.progress / max(1, tech.cost), draw.ACCENT)
        unlocks = [h for h, hw in rules.hardware.items() if hw.tech == t]
        if unlocks and y + lh * 2 < c.bottom - self.s(self.controls_h()):
            line = self.tr("research.unlocks", what=", ".join(self.hw_name(h) for h in unlocks))
            draw.text(surf, line, (inner.x, y + self.s(20)), draw.shrink(line, round(13 * self.app.scale), inner.width),
                      draw.ACCENT, width=inner.width)
