"""The frame every planning screen shares: top bar, navigation, status line, and the wording of refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.engine import (
    Action,
    BuyHardware,
    CancelOrder,
    FundResearch,
    PlanMission,
    RecruitCrew,
    Rejection,
    RejectionCode,
)
from game.ui import draw
from game.ui.screens.base import Push, Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen


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

    def purchase_text(self, p: Any) -> str:
        """A purchase of this quarter (engine Purchase) in words: "5 × Booster", or the recruit's name."""
        if p.order == "buy_hardware":
            return self.tr("undo.hardware", n=p.count, hw=self.hw_name(p.subject))
        if p.order == "build_facility":
            return self.app.stext(self.view.rules.facilities[p.subject].name)
        if p.order == "buy_reliability":
            return self.tr("undo.tests", n=p.count, tech=self.tech_name(p.subject))
        return self.tr("undo.recruit", name=self.crew_name(p.subject))

    def undo_last(self) -> Transition | None:
        """Take back the last purchase of this quarter (Ctrl+Z on every planning screen), with its money."""
        bought = self.view.me.bought
        if not bought:
            self.app.status = self.tr("undo.nothing")
            self.rebuild()
            return None
        p = bought[-1]
        t = self.act(CancelOrder(self.side, len(bought) - 1))
        if not self.app.status:
            self.app.status = self.tr("undo.done", what=self.purchase_text(p), n=p.cost)
        return t

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

    # The navigation's looks, widest first: (theme id, font size at 100 %, labels' key prefix). The first whose
    # buttons all fit the window's width is used; the last (small font, short labels) fits 1280 px at 150 %.
    NAV_STYLES = (("#nav", 14, "nav."), ("#nav_small", 12, "nav."), ("#nav_small", 12, "nav.short."))

    def nav_style(self) -> tuple[str, list[str]]:
        """(theme id, the label of each planning screen's button) that fit the window's width."""
        w, _ = self.app.size
        room = w - self.s(24) - self._end_w() - self.s(8)
        labels: list[str] = []
        for object_id, base, prefix in self.NAV_STYLES:
            labels = [self.tr(prefix + k[4:]) if self.tr.has(prefix + k[4:]) else self.tr(k) for _, k, _ in nav_targets()]
            size = round(base * self.app.scale)
            need = sum(draw.font(size).size(t)[0] + self.s(20) for t in [*labels, self.tr("nav.menu")])
            if need <= room:
                return object_id, labels
        return self.NAV_STYLES[-1][0], labels

    def _end_w(self) -> int:
        return draw.font(round(16 * self.app.scale), True).size(self.tr("nav.end_turn"))[0] + self.s(28)

    def nav_layout(self) -> dict[str, pygame.Rect]:
        """Where each button of the navigation bar goes: the planning screens by name, then "menu" and "end_turn"."""
        w, _ = self.app.size
        y = self.top_h + self.s(2)
        h = self.nav_h - self.s(6)
        object_id, labels = self.nav_style()
        size = round(next(b for o, b, _ in self.NAV_STYLES if o == object_id) * self.app.scale)
        end_w = self._end_w()
        widths = [draw.font(size).size(t)[0] + self.s(14) for t in [*labels, self.tr("nav.menu")]]
        gap = self.s(6)
        spare = w - self.s(24) - end_w - self.s(8) - sum(widths) - gap * len(widths)
        if spare < 0:  # even the smallest style is too wide: share the shortfall (the text is then cut)
            k = (sum(widths) + spare) / sum(widths)
            widths = [int(x * k) for x in widths]
        out: dict[str, pygame.Rect] = {}
        x = self.s(12)
        for name, bw in zip([n for n, _, _ in nav_targets()] + ["menu"], widths, strict=True):
            out[name] = pygame.Rect(x, y, bw, h)
            x += bw + gap
        out["end_turn"] = pygame.Rect(w - self.s(12) - end_w, y, end_w, h)
        return out

    def build_nav(self) -> None:
        rects = self.nav_layout()
        object_id, labels = self.nav_style()
        for (name, key, shortcut), label in zip(nav_targets(), labels, strict=True):
            self.button(rects[name], label, lambda n=name: self.goto(n), self.tr(f"tip.{key}"), key=shortcut,
                        object_id=object_id, selected=(name == self.name))
        self.button(rects["menu"], self.tr("nav.menu"), self.to_menu, self.tr("tip.nav.menu"), object_id=object_id)
        self.button(rects["end_turn"], self.tr("nav.end_turn"), self.end_turn, self.tr("tip.nav.end_turn"),
                    key=pygame.K_e, object_id="#primary")
        self.ctrl_keys[pygame.K_z] = self.undo_last

    def ahead(self) -> list[Callable[[], Screen]]:
        """The other planning screens, and the report End turn opens (the last one stands in for the next: its
        buttons and the pictures the reports share are what is made ahead)."""
        others = [lambda n=n: new_screen(n, self.app, self.side) for n, _, _ in nav_targets() if n != self.name]
        return [*others, lambda: new_screen("resolution", self.app, self.side)]

    def goto(self, name: str) -> Transition | None:
        if name == self.name:
            return None
        self.app.status = ""  # a notice belongs to the screen it was given on
        return Replace(new_screen(name, self.app, self.side))

    def to_menu(self) -> Transition | None:
        # a planning screen's notice ("Decided: …", "… is planned") stays with the game: played by hand, it
        # followed to the menu, where a line that is not "Saved as …" is drawn in the errors' red
        if self.app.status != self.app.status_ok:
            self.app.status = ""
        return Reset(None)

    def back(self) -> Transition | None:
        if self.name != "dashboard":
            return self.goto("dashboard")
        return self.to_menu()

    def end_turn(self) -> Transition | None:
        self.app.status = ""
        open_ = self.view.decisions
        if open_:  # the engine would answer it with its first choice: a player who missed it is asked first
            title = self.app.stext(f"event.{open_[0].event}.title")
            question = self.tr("confirm.end_turn_decision", title=title)
            return Push(new_screen("confirm", self.app, question, lambda: self.app.end_turn(self.side)))
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
        pygame.draw.rect(surf, draw.colour("top_bar"), (0, 0, w, self.top_h))
        pygame.draw.line(surf, draw.PANEL_EDGE, (0, self.top_h - 1), (w, self.top_h - 1))
        colour, shape = self.app.side_style(self.side)
        big = round(20 * self.app.scale)
        small = round(14 * self.app.scale)
        draw.marker(surf, shape, (self.s(26), self.s(22)), self.s(10), colour)
        name = self.app.side_name(self.side)
        draw.text(surf, name, (self.s(44), self.s(8)), big, colour, True, self.s(300))
        draw.text(surf, self.tr("top.date", date=rules.date_label(v.turn), turn=v.turn - rules.settings.start + 1,
                                turns=v.last_turn - rules.settings.start + 1),
                  (self.s(44), self.s(34)), small, draw.DIM, width=self.s(300))
        # cash and budget after the name and date, each as wide as its own words: no fixed column to run over
        date_w = draw.font(small).size(self.tr("top.date", date=rules.date_label(v.turn), turn=999, turns=999))[0]
        x = self.s(44) + min(self.s(300), max(draw.font(big, True).size(name)[0], date_w)) + self.s(24)
        for label, value in ((self.tr("top.cash"), str(v.me.cash)), (self.tr("top.budget"), self.tr("top.per_year", n=v.me.budget))):
            draw.text(surf, label, (x, self.s(8)), small, draw.DIM)
            draw.text(surf, value, (x, self.s(26)), big, draw.TEXT, True)
            x += max(draw.font(small).size(label)[0], draw.font(big, True).size(value)[0]) + self.s(24)
        self.draw_prestige(surf, x)

    def draw_prestige(self, surf: pygame.Surface, left: int) -> None:
        """Every side's prestige, right-aligned, with shape and name so colour is never the only cue; the font
        shrinks until the row clears `left` (where the budget ends)."""
        w, _ = self.app.size
        v = self.view
        small = round(14 * self.app.scale)
        entries = [(self.side, v.me.prestige)] + [(r.id, r.prestige) for r in v.rivals]
        labels = [(sid, f"{self.app.side_name(sid)} {p}") for sid, p in entries]
        size = round(20 * self.app.scale)
        while size > small and w - self.s(12) - sum(draw.font(size, True).size(t)[0] + self.s(34) for _, t in labels) < left:
            size -= 1
        x = w - self.s(12)
        for sid, label in reversed(labels):
            c, sh = self.app.side_style(sid)
            x -= draw.font(size, True).size(label)[0]
            draw.text(surf, label, (x, self.s(22)), size, c, True, width=w - self.s(12) - x)
            draw.marker(surf, sh, (x - self.s(12), self.s(22) + size // 2 + 2), self.s(7), c)
            x -= self.s(34)
        draw.text(surf, self.tr("top.prestige"), (w - self.s(12), self.s(4)), small, draw.DIM, align="right")

    def draw_status(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        y = h - self.status_h
        pygame.draw.rect(surf, draw.colour("top_bar"), (0, y, w, self.status_h))
        msg = self.app.status or self.tr("status.help_hint")
        colour = draw.WARN if self.app.status else draw.DIM
        room = w - self.s(24)  # a long notice (what loading a save did) takes a smaller type before it is cut
        size = draw.shrink(msg, round(13 * self.app.scale), room, least=0.7)
        draw.text(surf, msg, (self.s(12), y + self.s(4)), size, colour, width=room)

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

    def retired(self, mission: str) -> bool:
        """Whether a mission the side cannot fly is closed for good rather than not open yet: the engine's answer
        (`availability.closed_missions`, from what each condition says of itself)."""
        return mission in self.view.closed_missions

    def tech_name(self, tech: str) -> str:
        return self.app.stext(self.view.rules.techs[tech].name)

    def hw_name(self, hw: str) -> str:
        return self.app.stext(self.view.rules.hardware[hw].name)

    def mission_name(self, m: str) -> str:
        return self.app.stext(self.view.rules.missions[m].name)

    def milestone_name(self, m: str) -> str:
        return self.app.stext(self.view.rules.milestones[m].name)

    def window_name(self, w: str) -> str:
        """A launch window's name ("": the default window's); "" in a scenario without windows."""
        return self.app.stext(self.view.rules.launch_window(w).name) if self.view.rules.launch_windows else ""

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
    if isinstance(action, PlanMission) and sc.retired(action.mission):
        return sc.tr("why.mission_retired")
    lacking = sc.still_needed(sc.view.rules.missions[action.mission].available) if isinstance(action, PlanMission) else []
    return sc.tr("why.mission_needs", what=", ".join(lacking)) if lacking else sc.tr("why.mission_unavailable")


def _why_bad_crew(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    if problem.subject is not None:  # the trait nobody in the crew has
        return sc.tr("why.crew_trait", what=sc.term("trait", problem.subject))
    return None if problem.needed is None else sc.tr("why.crew_size", n=problem.needed)


def _why_order_in_use(sc: GameScreen, problem: Rejection, action: Action) -> str | None:
    if problem.subject in sc.view.rules.hardware:  # the units are booked for a launch planned since
        return sc.tr("why.order_in_use", hw=sc.hw_name(problem.subject))
    return sc.tr("why.order_trained")


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
    RejectionCode.ORDER_IN_USE: _why_order_in_use,
    RejectionCode.NO_SUCH_ORDER: lambda sc, problem, action: sc.tr("undo.nothing"),
}
