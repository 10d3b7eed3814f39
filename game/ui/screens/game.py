"""The frame every planning screen shares (top bar, navigation, status line), the turn dashboard, budget and hand-off."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pygame

from game.engine import (
    Action,
    BuyHardware,
    FundIntelligence,
    FundResearch,
    PlanMission,
    RecruitCrew,
    Rejection,
    RejectionCode,
)
from game.engine import events as ev
from game.engine import odds as engine_odds
from game.ui import draw
from game.ui.screens.base import Push, Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen, register

TICKER_SECONDS = 5.0  # how long each headline of the dashboard's ticker stays
FLIGHT_RESULTS = (ev.MissionSucceeded, ev.MissionFailed, ev.MissionPartlySucceeded)
HEADLINES = (ev.MilestoneAchieved, ev.CrewDied, *FLIGHT_RESULTS)  # the race's news on the ticker (and the side's own events)


def nav_targets() -> list[tuple[str, str, int]]:
    """(screen name, label key, shortcut) of the planning screens, in the order of the navigation bar."""
    return [
        ("dashboard", "nav.dashboard", pygame.K_d),
        ("budget", "nav.budget", pygame.K_b),
        ("research", "nav.research", pygame.K_r),
        ("fleet", "nav.fleet", pygame.K_h),
        ("missions", "nav.missions", pygame.K_m),
        ("news", "nav.news", pygame.K_n),
        ("rival", "nav.rival", pygame.K_i),
        ("stats", "nav.stats", pygame.K_t),
    ]


class GameScreen(Screen):
    """A planning screen of one side: it renders only that side's PlayerView."""

    name = "game"

    def __init__(self, app: Any, side: str) -> None:
        super().__init__(app)
        self.side = side
        self.view = app.session.view(side)

    # -- layout ----------------------------------------------------------------------------------

    @property
    def top_h(self) -> int:
        return self.s(58)

    @property
    def nav_h(self) -> int:
        return self.s(38)

    @property
    def status_h(self) -> int:
        return self.s(26)

    @property
    def content(self) -> pygame.Rect:
        w, h = self.app.size
        y = self.top_h + self.nav_h + self.s(10)
        return pygame.Rect(self.s(12), y, w - self.s(24), h - y - self.status_h - self.s(8))

    def refresh(self) -> None:
        self.view = self.app.session.view(self.side)

    def act(self, action: Action) -> Transition | None:
        problem = self.app.session.act(action)
        if problem is not None:
            self.app.status = self.tr("status.rejected", message=self.explain(problem, action))
        else:
            self.app.status = ""
        self.refresh()
        self.rebuild()
        return None

    def explain(self, problem: Rejection, action: Action) -> str:
        """The engine's reason for refusing an order, in the player's language and with display names.

        The engine decides (the rejection's code) and gives the figures (needed, have, subject); this only
        words them. A code with no wording here keeps the engine's message.
        """
        word = _WHY.get(problem.code)
        return (word(self, problem, action) if word else None) or problem.message

    def build(self) -> None:
        self.refresh()
        self.build_nav()
        self.build_content()

    def build_content(self) -> None:
        pass

    def nav_layout(self) -> dict[str, pygame.Rect]:
        """Where each button of the navigation bar goes: the planning screens by name, then "menu" and "end_turn"."""
        w, _ = self.app.size
        y = self.top_h + self.s(2)
        h = self.nav_h - self.s(6)
        size = round(14 * self.app.scale)
        items = nav_targets()
        labels = [self.tr(k) for _, k, _ in items]
        end_w = draw.font(size + 2, True).size(self.tr("nav.end_turn"))[0] + self.s(28)
        menu_w = draw.font(size).size(self.tr("nav.menu"))[0] + self.s(22)
        widths = [draw.font(size).size(t)[0] + self.s(22) for t in labels]
        avail = w - self.s(24) - end_w - menu_w - self.s(8) * (len(items) + 1)
        if sum(widths) > avail:
            k = avail / sum(widths)
            widths = [int(x * k) for x in widths]
        out: dict[str, pygame.Rect] = {}
        x = self.s(12)
        for (name, _, _), bw in zip(items, widths, strict=True):
            out[name] = pygame.Rect(x, y, bw, h)
            x += bw + self.s(6)
        out["menu"] = pygame.Rect(x, y, menu_w, h)
        out["end_turn"] = pygame.Rect(w - self.s(12) - end_w, y, end_w, h)
        return out

    def build_nav(self) -> None:
        rects = self.nav_layout()
        for name, key, shortcut in nav_targets():
            self.button(rects[name], self.tr(key), lambda n=name: self.goto(n), self.tr(f"tip.{key}"), key=shortcut,
                        object_id="#nav", selected=(name == self.name))
        self.button(rects["menu"], self.tr("nav.menu"), self.to_menu, self.tr("tip.nav.menu"), object_id="#nav")
        self.button(rects["end_turn"], self.tr("nav.end_turn"), self.end_turn, self.tr("tip.nav.end_turn"),
                    key=pygame.K_e, object_id="#primary")

    def goto(self, name: str) -> Transition | None:
        if name == self.name:
            return None
        self.app.status = ""  # a notice belongs to the screen it was given on
        return Replace(new_screen(name, self.app, self.side))

    def to_menu(self) -> Transition | None:
        return Reset(None)

    def back(self) -> Transition | None:
        if self.name != "dashboard":
            return self.goto("dashboard")
        return self.to_menu()

    def end_turn(self) -> Transition | None:
        self.app.status = ""
        return self.app.end_turn(self.side)

    # -- drawing ---------------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        self.draw_top(surf)
        self.draw_content(surf)
        self.draw_status(surf)

    def draw_content(self, surf: pygame.Surface) -> None:
        pass

    def draw_top(self, surf: pygame.Surface) -> None:
        w, _ = self.app.size
        v = self.view
        rules = v.rules
        pygame.draw.rect(surf, (20, 27, 37), (0, 0, w, self.top_h))
        pygame.draw.line(surf, draw.PANEL_EDGE, (0, self.top_h - 1), (w, self.top_h - 1))
        colour, shape = self.app.side_style(self.side)
        big = round(20 * self.app.scale)
        small = round(14 * self.app.scale)
        draw.marker(surf, shape, (self.s(26), self.s(22)), self.s(10), colour)
        name = self.app.side_name(self.side)
        draw.text(surf, name, (self.s(44), self.s(8)), big, colour, True, self.s(300))
        draw.text(surf, self.tr("top.date", date=rules.date_label(v.turn), turn=v.turn - rules.settings.start + 1,
                                turns=rules.settings.end - rules.settings.start + 1),
                  (self.s(44), self.s(34)), small, draw.DIM, width=self.s(300))
        x = self.s(360)
        draw.text(surf, self.tr("top.cash"), (x, self.s(8)), small, draw.DIM)
        draw.text(surf, str(v.me.cash), (x, self.s(26)), big, draw.TEXT, True)
        x += self.s(110)
        draw.text(surf, self.tr("top.budget"), (x, self.s(8)), small, draw.DIM)
        draw.text(surf, self.tr("top.per_year", n=v.me.budget), (x, self.s(26)), big, draw.TEXT, True)
        # prestige of every side, with shape and name so colour is never the only cue
        x = w - self.s(12)
        entries = [(self.side, v.me.prestige)] + [(r.id, r.prestige) for r in v.rivals]
        for sid, p in reversed(entries):
            c, sh = self.app.side_style(sid)
            label = f"{self.app.side_name(sid)} {p}"
            tw = draw.font(big, True).size(label)[0]
            x -= tw
            draw.text(surf, label, (x, self.s(22)), big, c, True)
            draw.marker(surf, sh, (x - self.s(12), self.s(22) + big // 2 + 2), self.s(7), c)
            x -= self.s(34)
        draw.text(surf, self.tr("top.prestige"), (w - self.s(12), self.s(4)), small, draw.DIM, align="right")

    def draw_status(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        y = h - self.status_h
        pygame.draw.rect(surf, (20, 27, 37), (0, y, w, self.status_h))
        msg = self.app.status or self.tr("status.help_hint")
        colour = draw.WARN if self.app.status else draw.DIM
        draw.text(surf, msg, (self.s(12), y + self.s(4)), round(13 * self.app.scale), colour, width=w - self.s(24))

    # -- shared text --------------------------------------------------------------------------

    def still_needed(self, cond: Any) -> list[str]:
        """The side's own techs and firsts a mission's availability asks for that it has not got yet, by name;
        empty when the condition asks for nothing of the kind (a date, a flag...)."""
        from game.engine.conditions import own_needs

        me = self.view.me
        techs, milestones, _ = own_needs(cond)
        return [self.tr("why.research_item", tech=self.tech_name(t)) for t in techs if not me.techs[t].done] + [
            self.milestone_name(ms) for ms in milestones if ms not in me.milestones
        ]

    def tech_name(self, tech: str) -> str:
        return self.app.stext(self.view.rules.techs[tech].name)

    def hw_name(self, hw: str) -> str:
        return self.app.stext(self.view.rules.hardware[hw].name)

    def mission_name(self, m: str) -> str:
        return self.app.stext(self.view.rules.missions[m].name)

    def milestone_name(self, m: str) -> str:
        return self.app.stext(self.view.rules.milestones[m].name)

    def term(self, kind: str, key: str) -> str:
        """A trait or skill name: the scenario's, else the UI's translation, else the id made readable."""
        k = f"{kind}.{key}"
        text = self.app.stext(k)
        if text != k:
            return text
        return self.tr(k) if self.tr.has(k) else key.replace("_", " ")

    def crew_name(self, c: str) -> str:
        return self.app.crew_name(c)

    @property
    def news_turn(self) -> int:
        """The quarter whose news the side is reading: the one last resolved (the current one before any)."""
        v = self.view
        return v.turn - 1 if v.turn > v.rules.settings.start else v.turn

    def paged(self, items: list[Any], page: int, per: int) -> tuple[list[Any], int, int]:
        pages = max(1, -(-len(items) // max(1, per)))
        page = max(0, min(page, pages - 1))
        return items[page * per:(page + 1) * per], page, pages


def _why_cash(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    return None if problem.needed is None else sc.tr("why.cash", cost=problem.needed, cash=problem.have)


def _why_missing_hardware(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    hw = problem.subject  # the hardware with no free unit in store
    if hw is None:
        return None
    if not sc.view.hardware_unlocked(hw):  # no use telling the player to buy what cannot be bought yet
        return sc.tr("why.hardware_locked", hw=sc.hw_name(hw), tech=sc.tech_name(sc.view.rules.hardware[hw].tech))
    return sc.tr("why.no_hardware", what=sc.hw_name(hw))


def _why_hardware_locked(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    if not isinstance(action, BuyHardware):
        return None
    return sc.tr("why.hardware_locked", hw=sc.hw_name(action.hardware),
                 tech=sc.tech_name(sc.view.rules.hardware[action.hardware].tech))


def _why_tech_locked(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    return sc.tr("why.tech_locked", tech=sc.tech_name(action.tech)) if isinstance(action, FundResearch) else None


def _why_too_many(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    return None if problem.needed is None else sc.tr("why.too_many", n=problem.needed)


def _why_mission_unavailable(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    lacking = sc.still_needed(sc.view.rules.missions[action.mission].available) if isinstance(action, PlanMission) else []
    return sc.tr("why.mission_needs", what=", ".join(lacking)) if lacking else sc.tr("why.mission_unavailable")


def _why_bad_crew(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    if problem.subject is not None:  # the trait nobody in the crew has
        return sc.tr("why.crew_trait", what=sc.term("trait", problem.subject))
    return None if problem.needed is None else sc.tr("why.crew_size", n=problem.needed)


def _why_crew_unavailable(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    if isinstance(action, RecruitCrew) and problem.needed is not None:  # not yet: `needed` is the first turn they can be
        return sc.tr("tip.fleet.not_yet", date=sc.view.rules.date_label(problem.needed))
    return sc.tr("why.crew_busy")


# How each refusal reads to the player, by the engine's code (the others keep the engine's message).
_WHY: dict[RejectionCode, Callable[[GameScreen, Rejection, Action], str | None]] = {
    RejectionCode.INSUFFICIENT_FUNDS: _why_cash,
    RejectionCode.MISSING_HARDWARE: _why_missing_hardware,
    RejectionCode.HARDWARE_LOCKED: _why_hardware_locked,
    RejectionCode.TECH_LOCKED: _why_tech_locked,
    RejectionCode.TOO_MANY_MISSIONS: _why_too_many,
    RejectionCode.MISSION_UNAVAILABLE: _why_mission_unavailable,
    RejectionCode.BAD_CREW: _why_bad_crew,
    RejectionCode.CREW_UNAVAILABLE: _why_crew_unavailable,
}


# ------------------------------------------------------------------------------------------------


@register
class DashboardScreen(GameScreen):
    name = "dashboard"

    def __init__(self, app: Any, side: str) -> None:
        super().__init__(app, side)
        self.ticker_i = 0
        self.ticker_t = time.monotonic()

    def attention(self) -> list[tuple[str, str, str]]:
        """(text, level, screen) for what needs the player this turn."""
        from game.engine.state import CrewStatus

        v = self.view
        out: list[tuple[str, str, str]] = []
        if v.decided and not v.over:  # the result is settled and the game plays on (Setup.play_on)
            end = v.rules.date_label(v.rules.settings.end)
            out.append((self.tr("attn.decided", side=self.app.side_name(v.winner), date=end) if v.winner
                        else self.tr("attn.decided_draw", date=end), "info", "stats"))
        for d in v.decisions:
            out.append((self.tr("attn.decision", title=self.app.stext(f"event.{d.event}.title")), "warn", "news"))
        funded = [t for t, ts in v.me.techs.items() if ts.funding > 0]
        if not funded:
            out.append((self.tr("attn.no_research"), "warn", "research"))
        wasted = [t for t in funded if engine_odds.useful_funding(v.rules, v.me, v.rules.techs[t], v.me.techs[t]) == 0]
        if wasted:  # the engine will not spend it: say so, the player may think it still helps
            out.append((self.tr("attn.at_ceiling", tech=self.tech_name(wasted[0])), "warn", "research"))
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
            flyable = [m for m in v.available_missions if self._flyable(m)]
            if flyable:
                out.append((self.tr("attn.can_fly", n=len(flyable)), "info", "missions"))
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
            shown = draw.fit(text, round(13 * self.app.scale), bw - self.s(14))  # too long: cut, and whole in the tip
            tip = self.tr("tip.attention") if shown == text else f"{text} — {self.tr('tip.attention')}"
            self.button((rect.x + self.s(20), y, bw, h), shown, lambda t=target: self.goto(t), tip, object_id="#small")
            y += h + self.s(6)
        more = self.programme()["more"]
        if more:  # research that does not fit: a line that says how much, and opens the research screen
            r = self.programme()["more_rect"]
            self.button(r, self.tr("dash.more_research", n=more), lambda: self.goto("research"),
                        self.tr("tip.dash.more_research"), object_id="#small")
        if not self.app.settings.tutorial_done and not self.app.session.hotseat and self.app.session.resolutions == 0:
            self.app.settings.tutorial_done = True
            self.app.save_settings()
            self._pending = Push(new_screen("tutorial", self.app, self))
        else:
            self._pending = None
        self.button((rect.x + self.s(10), rect.bottom - self.s(44), rect.width - self.s(20), self.s(36)),
                    self.tr("dash.guide"), self.open_guide, self.tr("tip.dash.guide"), key=pygame.K_g)

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
        """The race's news, newest first; worked out once per build (the log only grows between turns)."""
        cached = getattr(self, "_headlines", None)
        if cached is not None:
            return cached
        from game.ui.screens.resolution import describe

        out = []
        for turn, e in reversed(self.app.session.history_for(self.side)[-200:]):
            if isinstance(e, HEADLINES) or (isinstance(e, ev.EventFired) and e.side == self.side):
                line = describe(self, e)
                side = getattr(e, "side", None)
                if line and side and isinstance(e, FLIGHT_RESULTS):  # whose flight: the log line leaves it out
                    line = self.tr("dash.ticker_side", side=self.app.side_name(side), line=line)
                if line:
                    out.append(f"{self.view.rules.date_label(turn)} — {line}")
            if len(out) >= 12:
                break
        self._headlines = out or [self.tr("dash.no_news")]
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
        draw.panel(surf, tick, "", fs, fill=(30, 26, 18))
        lines = self.headlines()
        line = lines[self.ticker_i % len(lines)]
        draw.text(surf, self.tr("dash.ticker"), (tick.x + self.s(10), tick.y + self.s(11)), fs, draw.WARN, True)
        draw.text(surf, line, (tick.x + self.s(110), tick.y + self.s(11)), fs, draw.TEXT, width=tick.width - self.s(120))
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
            draw.text(surf, f"• {self.tech_name(t)} — {state}", (inner.x, y), fs, width=inner.width)
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
            draw.text(surf, self.tr("dash.side_line", side=self.app.side_name(sid), p=p, m=len(ms)),
                      (inner.x + self.s(20), y), fs, colour, True, inner.width - self.s(20))
            y += lh
        y += self.s(8)
        draw.text(surf, self.tr("dash.firsts"), (inner.x, y), fs, draw.ACCENT, True)
        y += lh
        for ms, order in list(v.firsts.items())[-8:]:
            if order:
                who, turn = order[0]
                colour, shape = self.app.side_style(who)
                draw.marker(surf, shape, (inner.x + self.s(7), y + lh // 2), self.s(5), colour)
                draw.text(surf, f"{self.milestone_name(ms)} — {v.rules.date_label(turn)}", (inner.x + self.s(20), y), fs,
                          width=inner.width - self.s(20))
                y += lh
                if y > inner.bottom - lh:
                    break
        if not v.firsts:
            draw.text(surf, self.tr("dash.no_firsts"), (inner.x, y), fs, draw.DIM)


# ------------------------------------------------------------------------------------------------


@register
class BudgetScreen(GameScreen):
    name = "budget"

    def build_content(self) -> None:
        c = self.content
        half = c.width // 2
        x = c.x + half + self.s(18)
        y = c.y + c.height - self.s(120)
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
            y += draw.paragraph(surf, text, pygame.Rect(left.x, y, left.width, lh * 2), small, col, gap=0)
        # a bar: how this turn's spending splits the cash
        y += self.s(6)
        bar = pygame.Rect(left.x, y, left.width, self.s(18))
        total = max(1, me.cash, planned.total)
        pygame.draw.rect(surf, (45, 54, 68), bar)
        x0 = bar.x
        for part, col in ((r_spent, draw.ACCENT), (planned.intelligence, draw.WARN)):
            wpx = int(bar.width * part / total)
            pygame.draw.rect(surf, col, (x0, bar.y, wpx, bar.height))
            x0 += wpx
        y += self.s(28)
        draw.text(surf, self.tr("budget.what_buys"), (left.x, y), fs, draw.ACCENT, True)
        y += lh
        room = c.bottom - self.s(48) - self.s(6)  # above the button to the research orders
        for i, (t, ordered) in enumerate(research):
            last = i == len(research) - 1
            if y + lh * (1 if last else 2) > room:  # no room for this line and the rest: say how many are left out
                draw.text(surf, self.tr("budget.more_lines", n=len(research) - i), (left.x, y), fs, draw.DIM, width=left.width)
                break
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
            draw.text(surf, line, (left.x, y), fs, draw.TEXT if real == ordered else draw.WARN, width=left.width)
            y += lh
        if not research:
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
            draw.text(surf, label, (right.x, y), fs, draw.TEXT, bold, width=right.width - self.s(90))
            draw.text(surf, val, (right.right, y), fs, col if not bold else draw.TEXT, True, align="right")
            y += lh
        note = self.tr("budget.projection_note", lo=side.min_budget, hi=side.max_budget)
        draw.paragraph(surf, note, pygame.Rect(right.x, y + self.s(4), right.width, lh * 3), round(13 * self.app.scale), draw.DIM)
        y = c.y + c.height - self.s(120) - lh * 2 - self.s(6)
        draw.text(surf, self.tr("budget.intel_title", n=me.intel), (right.x, y), fs, draw.ACCENT, True, right.width)
        est = [r.estimate for r in v.rivals if r.estimate is not None]
        note = self.tr("budget.intel_error", e=est[0].error) if est else self.tr("budget.intel_none")
        draw.text(surf, note, (right.x, y + lh), fs, draw.DIM, width=right.width)


# ------------------------------------------------------------------------------------------------


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
