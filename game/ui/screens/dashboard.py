"""The turn dashboard: what needs attention, the news ticker, the programme and the race."""

from __future__ import annotations

import time
from typing import Any

import pygame

from game.engine import events as ev
from game.engine import odds as engine_odds
from game.ui import draw
from game.ui.screens.base import Push, Replace, Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import new_screen, register

TICKER_SECONDS = 5.0  # how long each headline of the dashboard's ticker stays
FLIGHT_RESULTS = (ev.MissionSucceeded, ev.MissionFailed, ev.MissionPartlySucceeded)
HEADLINES = (ev.MilestoneAchieved, ev.CrewDied, *FLIGHT_RESULTS)  # the race's news on the ticker (and the side's own events)


@register
class DashboardScreen(GameScreen):
    name = "dashboard"

    def __init__(self, app: Any, side: str) -> None:
        super().__init__(app, side)
        self.ticker_i = 0
        self.ticker_t = time.monotonic()

    def attention(self) -> list[tuple[str, str, str]]:
        """(text, level, where) for what needs the player this turn: `where` is a screen's name, or
        "screen:subject" to open it on the tech or mission the item names."""
        from game.engine.state import CrewStatus

        v = self.view
        out: list[tuple[str, str, str]] = []
        if v.decided and not v.over:  # the result is settled and the game plays on (Setup.play_on)
            end = v.rules.date_label(v.rules.settings.end)
            out.append((self.tr("attn.decided", side=self.app.side_name(v.winner), date=end) if v.winner
                        else self.tr("attn.decided_draw", date=end), "info", "stats"))
        # the side's own dead of the quarter just resolved lead the list (played by hand: the Apollo fire went by
        # unseen, one headline of a dozen on the strip)
        lost = [e.crew for e in self.app.session.events_for(self.side) if isinstance(e, ev.CrewDied) and e.side == self.side]
        if lost:
            names = ", ".join(self.crew_name(c).split()[-1] for c in dict.fromkeys(lost))
            out.append((self.tr("attn.crew_lost", names=names), "bad", "news"))
        for d in v.decisions:
            out.append((self.tr("attn.decision", title=self.app.stext(f"event.{d.event}.title")), "warn", "news"))
        # what the programme risks this quarter (`PlayerView.dangers`, what the computer players read too), with
        # the tech whose reliability or flights would end it
        for event_id, odds in sorted(v.dangers.items(), key=lambda d: -d[1]):
            event = v.rules.events[event_id]
            ways = [w for r in event.risks for w in r.when.ended_by()]
            ways += event.when.ended_by() if event.when else ()
            title = self.app.stext(f"event.{event_id}.title")
            where = f"research:{ways[0][1]}" if ways else "news"
            out.append((self.tr("attn.danger", title=title, odds=odds), "bad" if odds >= 20 else "warn", where))
        funded = [t for t, ts in v.me.techs.items() if ts.funding > 0]
        if not funded:
            out.append((self.tr("attn.no_research"), "warn", "research"))
        wasted = [t for t in funded if engine_odds.useful_funding(v.rules, v.me, v.rules.techs[t], v.me.techs[t]) == 0]
        if wasted:  # the engine will not spend it: say so, the player may think it still helps
            out.append((self.tr("attn.at_ceiling", tech=self.tech_name(wasted[0])), "warn", f"research:{wasted[0]}"))
        active = [c for c, cs in v.me.crews.items() if cs.status == CrewStatus.ACTIVE]
        training = [c for c, cs in v.me.crews.items() if cs.status == CrewStatus.TRAINING]
        if training:
            out.append((self.tr("attn.training", n=len(training)), "info", "fleet"))
        crewed = [m for m in v.available_missions if v.rules.missions[m].crew > 0]
        if crewed and not active and not training:
            candidates = [v.rules.crews[c].available for c, cs in v.me.crews.items() if cs.status == CrewStatus.CANDIDATE]
            if any(t <= v.turn for t in candidates):
                out.append((self.tr("attn.no_crew"), "warn", "fleet"))
            elif candidates:  # nobody can be recruited yet: say when, rather than ask for the impossible
                out.append((self.tr("attn.crew_from", date=v.rules.date_label(min(candidates))), "info", "fleet"))
        if not v.me.plan:
            flyable = [m for m in v.rules.missions if m in v.available_missions and self._flyable(m)]
            if flyable:
                out.append((self.tr("attn.can_fly", n=len(flyable)), "info", f"missions:{flyable[0]}"))
            else:  # nothing in store to fly: say that hardware can be bought for some of them
                buyable = [m for m in v.available_missions
                           if all(any(v.hardware_unlocked(h) for h in slot.options) for slot in v.rules.missions[m].slots)]
                if buyable:
                    out.append((self.tr("attn.buy_to_fly", n=len(buyable)), "info", "fleet"))
        else:
            out.append((self.tr("attn.planned", n=len(v.me.plan)), "good", "missions"))
        planned = v.planned_spending()
        if planned.short:  # resolution will cut research, then intelligence
            out.append((self.tr("attn.overspent", need=planned.needed, cash=v.me.cash), "bad", "budget"))
        for r in v.rivals:
            if r.estimate is None:
                out.append((self.tr("attn.no_intel", side=self.app.side_name(r.id)), "info", "rival"))
                break
        if not out:
            out.append((self.tr("attn.quiet"), "good", "dashboard"))
        return out

    def open_item(self, where: str) -> Transition | None:
        """Open what an attention item names: its screen, on its tech or mission when it names one."""
        name, _, subject = where.partition(":")
        if not subject:
            return self.goto(name)
        self.app.status = ""
        return Replace(new_screen(name, self.app, self.side, subject))

    def _flyable(self, mission: str) -> bool:
        return self.view.suggest_plan(mission) is not None

    def build_content(self) -> None:
        self._headlines = None  # the language may have changed
        c = self.content
        col = c.width // 3
        rect = pygame.Rect(c.x, c.y, col - self.s(8), c.height)
        y = rect.y + self.s(40)
        h = self.s(34)
        self._marks: list[tuple[pygame.Rect, str]] = []  # a coloured mark left of each item: how urgent it is
        for text, level, target in self.attention()[:9]:
            self._marks.append((pygame.Rect(rect.x + self.s(10), y, self.s(6), h), level))
            bw = rect.width - self.s(30)
            room = bw - self.s(2)  # the type is chosen for the room the cut below leaves (fitting_id takes off 12)
            oid = self.fitting_id(text, room)  # a smaller type before a cut
            shown = draw.fit(text, round(draw.theme_size(oid) * self.app.scale), room - self.s(12))  # else cut, whole in the tip
            tip = self.tr("tip.attention") if shown == text else f"{text} — {self.tr('tip.attention')}"
            self.button((rect.x + self.s(20), y, bw, h), shown, lambda t=target: self.open_item(t), tip, object_id=oid)
            y += h + self.s(6)
        more = self.programme()["more"]
        if more:  # research that does not fit: a line that says how much, and opens the research screen
            r = self.programme()["more_rect"]
            label = self.tr("dash.more_research", n=more)
            self.button(r, label, lambda: self.goto("research"), self.tr("tip.dash.more_research"),
                        object_id=self.fitting_id(label, r.width))
        if not self.preparing and self.wants_tour():  # built ahead, unseen: the tour waits for the real visit
            self._pending = Push(new_screen("tutorial", self.app, self))
        else:
            self._pending = None
        self.button((rect.x + self.s(10), rect.bottom - self.s(44), rect.width - self.s(20), self.s(36)),
                    self.tr("dash.guide"), self.open_guide, self.tr("tip.dash.guide"), key=pygame.K_g)

    def wants_tour(self) -> bool:
        """Whether the guided tour opens by itself now, on the first quarter: once in a player's first game (the
        settings remember it); in hot-seat once for each player of the game, who are different people."""
        session = self.app.session
        if session.resolutions != 0:
            return False
        if session.hotseat:
            key = ("toured", self.side)
            if self.app.memory.get(key):
                return False
            self.app.memory[key] = True
            return True
        if self.app.settings.tutorial_done:
            return False
        self.app.settings.tutorial_done = True
        self.app.save_settings()
        return True

    def open_guide(self) -> Transition | None:
        return Push(new_screen("tutorial", self.app, self))

    def programme(self) -> dict[str, Any]:
        """The programme column's layout: its inner rect, line height, and which research lines fit.

        Launches and the store keep their lines; research gets the rest. When not every funded tech fits,
        the last research line becomes "…and n more", a button to the research screen."""
        v = self.view
        c = self.content
        col = c.width // 3
        fs = round(15 * self.app.scale)
        prog = pygame.Rect(c.x + col, c.y + self.s(52), col - self.s(8), c.height - self.s(52))
        title_h = draw.font(fs, True).get_linesize()
        inner = pygame.Rect(prog.x + 10, prog.y + 12 + title_h, prog.width - 20, prog.height - 18 - title_h)
        lh = draw.font(fs).get_linesize() + self.s(2)
        researching = [(t, ts) for t, ts in v.me.techs.items() if ts.funding > 0]
        stock = [(h, n) for h, n in v.me.hardware.items() if n > 0]
        # headers (3), gaps (2), launches, the store (at least its "none")
        others = 3 * lh + 2 * self.s(6) + len(v.me.plan) * lh + max(1, min(6, len(stock))) * lh
        rows = max(1, (inner.height - others) // lh)
        if len(researching) <= rows:
            shown, more = researching, 0
        else:
            shown = researching[:rows - 1]
            more = len(researching) - len(shown)
        more_rect = pygame.Rect(inner.x, inner.y + lh * (1 + len(shown)), inner.width, lh - self.s(2))
        return {"fs": fs, "prog": prog, "lh": lh, "research": researching, "shown": shown, "more": more,
                "more_rect": more_rect, "stock": stock}

    def update(self, dt: float) -> Transition | None:
        if getattr(self, "_pending", None) is not None:
            t, self._pending = self._pending, None
            return t
        if time.monotonic() - self.ticker_t > TICKER_SECONDS:
            self.ticker_t = time.monotonic()
            if len(self.headlines()) > 1:  # a ticker with one line never changes: nothing to redraw
                self.ticker_i += 1
                self.app.dirty = True
        return None

    def headlines(self) -> list[str]:
        """The race's news of the quarter last resolved, newest first; worked out once per build (the log only grows
        between turns)."""
        cached = getattr(self, "_headlines", None)
        if cached is not None:
            return cached
        from game.ui.log_lines import describe

        out = []
        for turn, e in reversed(self.app.session.history_for(self.side)[-200:]):
            if turn < self.news_turn:  # this quarter's news only: older headlines are on the news screen
                break
            if isinstance(e, HEADLINES) or (isinstance(e, ev.EventFired) and e.side == self.side):
                line = describe(self, e)
                side = getattr(e, "side", None)
                if line and side and isinstance(e, FLIGHT_RESULTS):  # whose flight: the log line leaves it out
                    line = self.tr("dash.ticker_side", side=self.app.side_name(side), line=line)
                if line:
                    out.append(f"{self.view.rules.date_label(turn)} — {line}")
            if len(out) >= 12:
                break
        quiet = "dash.no_news" if self.view.turn == self.view.rules.settings.start else "dash.quiet_quarter"
        self._headlines = out or [self.tr(quiet)]
        return self._headlines

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        c = self.content
        col = c.width // 3
        fs = round(15 * self.app.scale)
        # column 1: what needs attention
        draw.panel(surf, pygame.Rect(c.x, c.y, col - self.s(8), c.height), self.tr("dash.attention"), fs)
        level_colour = {"bad": draw.BAD, "warn": draw.WARN, "info": draw.ACCENT, "good": draw.GOOD}
        for mark, level in getattr(self, "_marks", []):
            pygame.draw.rect(surf, level_colour.get(level, draw.DIM), mark, border_radius=3)
        # news ticker across the top of columns 2-3
        tick = pygame.Rect(c.x + col, c.y, c.width - col, self.s(44))
        draw.panel(surf, tick, "", fs, fill=draw.colour("ticker"))
        lines = self.headlines()
        line = lines[self.ticker_i % len(lines)]
        label = draw.text(surf, self.tr("dash.ticker"), (tick.x + self.s(10), tick.y + self.s(11)), fs, draw.WARN, True)
        # a long headline wraps to two lines in a smaller type rather than losing its end
        box = pygame.Rect(label.right + self.s(14), tick.y + self.s(3), tick.right - label.right - self.s(24), tick.height - self.s(6))
        fitted = draw.fit_block(line, box.width, box.height, fs, False, round(11 * self.app.scale))
        lh = draw.font(fitted.size).get_linesize()
        used = lh * draw.line_count(fitted.text, fitted.size, box.width)
        top = box.y + (box.height - used) // 2
        draw.paragraph(surf, fitted.text, pygame.Rect(box.x, top, box.width, used), fitted.size, draw.TEXT, gap=0)
        # column 2: the programme
        layout = self.programme()
        inner = draw.panel(surf, layout["prog"], self.tr("dash.programme"), fs)
        y = inner.y
        lh = layout["lh"]
        researching = layout["research"]
        draw.text(surf, self.tr("dash.research", n=len(researching)), (inner.x, y), fs, draw.ACCENT, True)
        y += lh
        for t, ts in layout["shown"]:
            tech = v.rules.techs[t]
            state = (self.tr("dash.rel", r=ts.reliability, c=tech.ceiling) if ts.done
                     else self.tr("dash.progress", p=ts.progress, c=tech.cost))
            line = f"• {self.tech_name(t)} — {state}"
            if draw.font(draw.shrink(line, fs, inner.width)).size(line)[0] > inner.width:  # the figures say enough
                figures = f"{ts.reliability}/{tech.ceiling}" if ts.done else f"{ts.progress}/{tech.cost}"
                line = f"• {self.tech_name(t)} — {figures}"
            draw.text(surf, line, (inner.x, y), draw.shrink(line, fs, inner.width, least=0.65), width=inner.width)
            y += lh
        if layout["more"]:
            y += lh  # the "…and n more" button's line
        y += self.s(6)
        draw.text(surf, self.tr("dash.launches", n=len(v.me.plan)), (inner.x, y), fs, draw.ACCENT, True)
        y += lh
        for p in v.me.plan:
            draw.text(surf, f"• {self.mission_name(p.mission)}", (inner.x, y), fs, width=inner.width)
            y += lh
        y += self.s(6)
        stock = layout["stock"]
        draw.text(surf, self.tr("dash.store"), (inner.x, y), fs, draw.ACCENT, True)
        y += lh
        for h, n in stock[:6]:
            draw.text(surf, f"• {self.hw_name(h)} × {n}", (inner.x, y), fs, width=inner.width)
            y += lh
        if not stock:
            draw.text(surf, self.tr("dash.none"), (inner.x, y), fs, draw.DIM)
            y += lh
        # column 3: the race
        race = pygame.Rect(c.x + 2 * col, c.y + self.s(52), c.width - 2 * col, c.height - self.s(52))
        inner = draw.panel(surf, race, self.tr("dash.race"), fs)
        y = inner.y
        for sid, p, ms in [(self.side, v.me.prestige, v.me.milestones)] + [(r.id, r.prestige, r.milestones) for r in v.rivals]:
            colour, shape = self.app.side_style(sid)
            draw.marker(surf, shape, (inner.x + self.s(7), y + lh // 2), self.s(6), colour)
            line = self.tr("dash.side_line", side=self.app.side_name(sid), p=p, m=len(ms))
            draw.text(surf, line, (inner.x + self.s(20), y), draw.shrink(line, fs, inner.width - self.s(20), True, 0.6), colour, True,
                      inner.width - self.s(20))
            y += lh
        y += self.s(8)
        draw.text(surf, self.tr("dash.firsts"), (inner.x, y), fs, draw.ACCENT, True)
        y += lh
        # every first that fits, the newest last; the earliest give way to a line that counts them (played by hand:
        # only the last eight were shown, with room for more and no word of the rest)
        room = inner.width - self.s(20)
        shown: list[tuple[str, int, str, int]] = []  # (side, turn, text, height)
        for ms, order in v.firsts.items():
            if order:
                who, turn = order[0]
                first = f"{self.milestone_name(ms)} — {v.rules.date_label(turn)}"
                one = draw.font(draw.shrink(first, fs, room)).size(draw.clean(first))[0] <= room
                shown.append((who, turn, first, lh if one else 2 * lh))
        space, total = inner.bottom - y, len(shown)
        while shown and sum(h for *_, h in shown) + (lh if len(shown) < total else 0) > space:
            shown.pop(0)
        earlier = total - len(shown)
        if earlier:
            line = self.tr("dash.earlier_firsts", n=earlier)
            draw.text(surf, line, (inner.x + self.s(20), y), draw.shrink(line, fs, room, least=0.6), draw.DIM, width=room)
            y += lh
        for who, _turn, first, h in shown:
            colour, shape = self.app.side_style(who)
            draw.marker(surf, shape, (inner.x + self.s(7), y + lh // 2), self.s(5), colour)
            if h == lh:
                draw.text(surf, first, (inner.x + self.s(20), y), draw.shrink(first, fs, room))
            else:  # two lines rather than a name cut short
                draw.paragraph(surf, first, pygame.Rect(inner.x + self.s(20), y, room, 2 * lh), fs, gap=lh - draw.font(fs).get_linesize())
            y += h
        if not v.firsts:
            draw.paragraph(surf, self.tr("dash.no_firsts"), pygame.Rect(inner.x, y, inner.width, inner.bottom - y), fs, draw.DIM)
