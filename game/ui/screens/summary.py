"""Statistics (prestige, budget and reliability over time; firsts beside history) and the end of the game."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Reset, Screen, Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register


def nice_step(span: int, lines: int = 4) -> int:
    """A round gap between grid lines (1, 2, 5, 10, 20, 50...) giving about `lines` lines over `span`."""
    raw = max(1, span) / lines
    step = 1
    while True:
        for k in (1, 2, 5):
            if step * k >= raw:
                return step * k
        step *= 10


def chart(screen: Any, surf: pygame.Surface, rect: pygame.Rect, title: str,
          series: list[tuple[str, list[tuple[int, int]], bool]]) -> None:
    """Lines over turns, one per side: colour, shape markers and a legend, so colour is never the only cue.

    `series` is (side, [(turn, value)], estimated) — estimated lines are dashed.
    """
    app = screen.app
    fs = round(13 * app.scale)
    inner = draw.panel(surf, rect, title, round(15 * app.scale))
    plot = pygame.Rect(inner.x + screen.s(40), inner.y + screen.s(4), inner.width - screen.s(44), inner.height - screen.s(40))
    pts = [p for _, s, _ in series for p in s]
    pygame.draw.rect(surf, draw.colour("plot_bg"), plot)
    if len(pts) < 1:
        draw.text(surf, app.tr("stats.no_data"), plot.center, fs, draw.DIM, align="center")
        return
    t0 = min(p[0] for p in pts)
    t1 = max(max(p[0] for p in pts), t0 + 1)
    step = nice_step(max(p[1] for p in pts) - min(0, min(p[1] for p in pts)))
    v0 = (min(0, min(p[1] for p in pts)) // step) * step  # round down to a step
    v1 = max(-(-max(p[1] for p in pts) // step) * step, v0 + step)  # and up
    for yv in range(v0, v1 + 1, step):
        y = plot.bottom - int(plot.height * (yv - v0) / (v1 - v0))
        pygame.draw.line(surf, draw.colour("row_rule"), (plot.x, y), (plot.right, y))
        draw.text(surf, str(yv), (plot.x - screen.s(4), y - screen.s(8)), fs, draw.DIM, align="right")
    rules = screen.view.rules
    first = draw.text(surf, rules.date_label(t0), (plot.x, plot.bottom + screen.s(2)), fs, draw.DIM)
    last = draw.text(surf, rules.date_label(t1), (plot.right, plot.bottom + screen.s(2)), fs, draw.DIM, align="right")

    def at(t: int, val: int) -> tuple[int, int]:
        return (plot.x + int((t - t0) / (t1 - t0) * plot.width), plot.bottom - int((val - v0) / (v1 - v0) * plot.height))

    # the legend: between the first and the last date, or on a line of its own below them when it is too wide
    legend = [(side, app.side_name(side) + (f" ({app.tr('stats.estimated')})" if estimated else ""), estimated)
              for side, _, estimated in series]
    total = sum(draw.font(fs).size(label)[0] + screen.s(26) for _, label, _ in legend)
    own_line = total > last.x - first.right - screen.s(36)
    lx = plot.x if own_line else first.right + screen.s(20)
    ly = plot.bottom + screen.s(2) + (draw.font(fs).get_linesize() if own_line else 0)
    end = plot.right if own_line else last.x - screen.s(16)
    for side, s, estimated in series:
        colour, shape = app.side_style(side)
        xy = [at(t, val) for t, val in s]
        if len(xy) > 1:
            if estimated:  # a thin line: a guess, not a record
                pygame.draw.lines(surf, colour, False, xy, 1)
            else:
                pygame.draw.lines(surf, colour, False, xy, 2)
        step = max(1, len(xy) // 8)
        for p in xy[::step]:
            draw.marker(surf, shape, p, screen.s(4), colour)
    for side, label, _ in legend:
        colour, shape = app.side_style(side)
        room = end - lx - screen.s(10)
        if draw.font(draw.shrink(label, fs, room, least=0.6)).size(label)[0] > room:  # the thin line says "estimate"
            label = app.side_name(side)
        draw.marker(surf, shape, (lx, ly + screen.s(8)), screen.s(5), colour)
        r = draw.text(surf, label, (lx + screen.s(10), ly), draw.shrink(label, fs, room, least=0.5), colour, width=room)
        lx = r.right + screen.s(16)


def timeline_more(screen: Any, rect: pygame.Rect) -> tuple[int, pygame.Rect]:
    """How many milestones the timeline in `rect` leaves out, and where its "…and n more" line goes (the screen
    puts a button there that opens the whole list)."""
    app = screen.app
    fs = round(13 * app.scale)
    title_h = draw.font(round(15 * app.scale), True).get_linesize()
    inner = pygame.Rect(rect.x + 10, rect.y + 12 + title_h, rect.width - 20, rect.height - 18 - title_h)
    lh = draw.font(fs).get_linesize() + screen.s(2)
    y = inner.y + lh
    milestones = list(screen.view.rules.milestones)
    for i in range(len(milestones)):
        if y + lh * (1 if i == len(milestones) - 1 else 2) > inner.bottom:
            return len(milestones) - i, pygame.Rect(inner.x, y, inner.width, lh)
        y += lh
    return 0, pygame.Rect(inner.x, y, inner.width, lh)


def timeline_html(screen: Any, firsts: dict[str, Any]) -> str:
    """The whole timeline, every milestone, for the list that "…and n more" opens."""
    app = screen.app
    rules = screen.view.rules
    lines = []
    for ms_id, ms in rules.milestones.items():
        order = firsts.get(ms_id) or ()
        game = f"{app.side_name(order[0][0])} {rules.date_label(order[0][1])}" if order else "—"
        history = ""
        if ms.history_date is not None:
            history = (app.side_name(ms.history_side) + " " if ms.history_side else "") + rules.date_label(ms.history_date)
        lines.append(f"<b>{draw.html(app.stext(ms.name))}</b> — {draw.html(app.tr('stats.this_game'))}: {draw.html(game)}"
                     + (f" · {draw.html(app.tr('stats.history'))}: {draw.html(history)}" if history else ""))
    return "<br>".join(lines)


def more_button(screen: Any, rect: pygame.Rect, firsts: dict[str, Any]) -> None:
    """Where the timeline leaves milestones out, a button that opens them all."""
    n, where = timeline_more(screen, rect)
    if n:
        from game.ui.screens.base import Push
        from game.ui.screens.registry import new_screen

        html = timeline_html(screen, firsts)
        screen.button(where, screen.tr("stats.more_milestones", n=n),
                      lambda: Push(new_screen("list", screen.app, screen.tr("stats.timeline"), html)),
                      screen.tr("tip.stats.more_milestones"), object_id="#small")


def timeline(screen: Any, surf: pygame.Surface, rect: pygame.Rect, firsts: dict[str, Any]) -> None:
    """Each milestone: who reached it first in this game, and who did in history, side by side."""
    app = screen.app
    rules = screen.view.rules
    fs = round(13 * app.scale)
    inner = draw.panel(surf, rect, app.tr("stats.timeline"), round(15 * app.scale))
    lh = draw.font(fs).get_linesize() + screen.s(2)
    cols = [inner.x, inner.x + int(inner.width * 0.42), inner.x + int(inner.width * 0.71)]
    for x, key in zip(cols, ("stats.milestone", "stats.this_game", "stats.history"), strict=True):
        draw.text(surf, app.tr(key), (x, inner.y), fs, draw.ACCENT, True)
    y = inner.y + lh
    milestones = list(rules.milestones.items())
    for i, (ms_id, ms) in enumerate(milestones):
        if y + lh * (1 if i == len(milestones) - 1 else 2) > inner.bottom:  # the rest: a button opens them all
            break
        name = app.stext(ms.name)
        room = cols[1] - cols[0] - screen.s(6)
        draw.text(surf, name, (cols[0], y), draw.shrink(name, fs, room), draw.TEXT, width=room)
        order = firsts.get(ms_id) or ()
        if order:
            side, turn = order[0]
            c, sh = app.side_style(side)
            draw.marker(surf, sh, (cols[1] + screen.s(5), y + lh // 2), screen.s(5), c)
            room = cols[2] - cols[1] - screen.s(20)
            label = _who_when(app.side_name(side), rules.date_label(turn), fs, room)
            draw.text(surf, label, (cols[1] + screen.s(14), y), draw.shrink(label, fs, room), c, width=room)
        else:
            draw.text(surf, "—", (cols[1], y), fs, draw.DIM)
        if ms.history_date is not None:
            hs = ms.history_side
            room = inner.right - cols[2] - (screen.s(14) if hs else 0)
            if hs:  # the side's shape, as in this game's column: the name may not fit beside the date
                draw.marker(surf, app.side_style(hs)[1], (cols[2] + screen.s(5), y + lh // 2), screen.s(5), draw.DIM)
            label = _who_when(app.side_name(hs), rules.date_label(ms.history_date), fs, room) if hs else rules.date_label(ms.history_date)
            draw.text(surf, label, (cols[2] + (screen.s(14) if hs else 0), y), draw.shrink(label, fs, room), draw.DIM, width=room)
        y += lh


def _who_when(side: str, date: str, size: int, room: int) -> str:
    """"Side date", or the date alone where both do not fit even a little smaller (the shape beside it names the side)."""
    both = f"{side} {date}"
    return both if draw.font(draw.shrink(both, size, room)).size(both)[0] <= room else date


@register
class StatsScreen(GameScreen):
    name = "stats"

    def timeline_rect(self) -> pygame.Rect:
        c = self.content
        half, hh = c.width // 2, c.height // 2
        return pygame.Rect(c.x + half, c.y + hh, c.width - half, c.height - hh)

    def build_content(self) -> None:
        more_button(self, self.timeline_rect(), dict(self.view.firsts))

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        c = self.content
        half = c.width // 2
        hh = c.height // 2
        prestige = [(self.side, [(t, p) for t, p, _, _ in v.me.history], False)]
        prestige += [(r.id, list(r.history), False) for r in v.rivals]
        chart(self, surf, pygame.Rect(c.x, c.y, half - self.s(6), hh - self.s(6)), self.tr("stats.prestige"), prestige)
        budget = [(self.side, [(t, b) for t, _, b, _ in v.me.history], False)]
        for r in v.rivals:
            if r.estimate is not None:
                budget.append((r.id, [(r.estimate.turn, r.estimate.budget)], True))
        chart(self, surf, pygame.Rect(c.x + half, c.y, c.width - half, hh - self.s(6)), self.tr("stats.budget"), budget)
        rows = self.app.session.reliability.get(self.side, [])
        rel: list[tuple[str, list[tuple[int, int]], bool]] = []
        for sid in [v.side] + [r.id for r in v.rivals]:
            pts = [(t, row[sid]) for t, row in rows if sid in row]
            if pts:
                rel.append((sid, pts, sid != self.side))
        chart(self, surf, pygame.Rect(c.x, c.y + hh, half - self.s(6), c.height - hh), self.tr("stats.reliability"), rel)
        timeline(self, surf, self.timeline_rect(), dict(v.firsts))


@register
class EndScreen(Screen):
    """The winner, the score and the timeline of firsts; back to the menu.

    Everything shown comes from one side's view of the finished game and the public record in it
    (the winner, why the game ended, every side's prestige, firsts and flights).
    """

    name = "end"

    def __init__(self, app: Any, view: Any = None) -> None:
        super().__init__(app)
        s = app.session
        # after the end every side's record is public: any side's view shows it, a person's by preference
        self.view = view if view is not None else s.view(s.viewer())

    def timeline_rect(self) -> pygame.Rect:
        w, h = self.app.size
        box = pygame.Rect(self.s(30), self.s(120), int(w * 0.38), h - self.s(200))
        return pygame.Rect(box.right + self.s(20), box.y, w - box.right - self.s(50), box.height)

    def build(self) -> None:
        w, h = self.app.size
        self.button((w - self.s(300), h - self.s(64), self.s(280), self.s(46)), self.tr("end.menu"), self.menu,
                    self.tr("tip.end.menu"), object_id="#primary", key=pygame.K_m)
        more_button(self, self.timeline_rect(), {k: list(order) for k, order in self.view.firsts.items()})
        self.focus = 0

    def menu(self) -> Transition | None:
        self.app.session = None
        return Reset(None)

    def back(self) -> Transition | None:
        return self.menu()

    def reason(self) -> str:
        """Why the game ended, in words: the scenario's name for the victory, else the UI's, else the id."""
        end_reason = self.view.end_reason
        key = f"victory.{end_reason}.name"
        text = self.app.stext(key)
        if text != key:
            return text
        return self.tr("end.reason." + end_reason) if self.tr.has("end.reason." + end_reason) else end_reason

    def draw(self, surf: pygame.Surface) -> None:
        v = self.view
        w, h = self.app.size
        winner = v.winner
        big = round(38 * self.app.scale)
        if winner:
            colour, shape = self.app.side_style(winner)
            title = self.tr("end.winner", side=self.app.side_name(winner))
            draw.marker(surf, shape, (w // 2 - draw.font(big, True).size(title)[0] // 2 - self.s(30), self.s(46)), self.s(14), colour)
        else:
            colour, title = draw.TEXT, self.tr("end.draw")
        draw.text(surf, title, (w // 2, self.s(20)), big, colour, True, w - self.s(80), align="center")
        # the game ends in the upkeep of its last turn, which has moved the date on: the date is the turn resolved
        # (or, in a game that played on after its result, the turn that settled it)
        how = self.tr("end.how", reason=self.reason(), date=v.rules.date_label((v.decided or v.turn) - 1))
        if v.decided:
            how += " " + self.tr("end.played_on", date=v.rules.date_label(v.turn - 1))
        draw.text(surf, how, (w // 2, self.s(80)), round(17 * self.app.scale), draw.DIM, align="center", width=w - self.s(80))
        # the score
        box = pygame.Rect(self.s(30), self.s(120), int(w * 0.38), h - self.s(200))
        inner = draw.panel(surf, box, self.tr("end.score"), round(16 * self.app.scale))
        fs = round(16 * self.app.scale)
        lh = draw.font(fs).get_linesize() + self.s(6)
        y = inner.y
        records = [(v.side, v.me.prestige, len(v.me.milestones), v.me.launches, v.me.deaths)]
        records += [(r.id, r.prestige, len(r.milestones), r.launches, r.deaths) for r in v.rivals]
        for sid, prestige, milestones, launches, deaths in sorted(records, key=lambda x: -x[1]):
            c, sh = self.app.side_style(sid)
            draw.marker(surf, sh, (inner.x + self.s(8), y + lh // 2 - self.s(3)), self.s(7), c)
            name = self.app.side_name(sid)
            draw.text(surf, name, (inner.x + self.s(24), y), draw.shrink(name, fs, inner.width // 2, True, 0.7), c, True,
                      inner.width // 2)
            draw.text(surf, self.tr("end.prestige", p=prestige), (inner.right, y), fs, draw.TEXT, True, align="right")
            y += lh
            draw.text(surf, self.tr("end.detail", m=milestones, l=launches, d=deaths), (inner.x + self.s(24), y - self.s(6)),
                      round(13 * self.app.scale), draw.DIM, width=inner.width - self.s(24))
            y += lh
        timeline(self, surf, self.timeline_rect(), {k: list(order) for k, order in v.firsts.items()})
