"""Mission planning: pick a mission, hardware for each slot and a crew; see the odds before committing."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import BuyHardware, CancelMission, PlanMission
from game.engine import odds as engine_odds
from game.ui import art, draw
from game.ui.screens import mission_odds
from game.ui.screens.base import Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.mission_crew import CrewPicking
from game.ui.screens.mission_scroll import BodyScrolling
from game.ui.screens.registry import register


@register
class MissionScreen(CrewPicking, BodyScrolling, GameScreen):
    name = "missions"

    def __init__(self, app: Any, side: str, mission: str | None = None) -> None:
        super().__init__(app, side)
        v = self.view
        avail = self.mission_list()
        self.page = 0
        # back on this screen, the mission chosen last time (per side) is shown again, on its page
        mission = mission or app.memory.get(("mission", side))
        if mission not in v.rules.missions:
            mission = None
        # opened on a mission (an attention item, or the one chosen last time): turn to its page
        self.show_choice = mission is not None

        # else the first that can fly now, else the first open one; one that flies for a first still to win comes
        # before a test flight, one whose firsts the side already has comes last, so late in the game the screen
        # does not open on the ICBM test of 1957
        def worth(m: str) -> int:
            return 2 if self.achieved(m) else 0 if v.rules.missions[m].milestones else 1

        fresh = sorted(avail, key=worth)  # (stable: the scenario's order within each)
        first = next(
            (m for m in fresh if self.can_fly_now(m)), next((m for m in fresh if m in v.available_missions), None)
        )
        self.show_choice = self.show_choice or first is not None
        self.mission = mission or first or (avail[0] if avail else next(iter(v.rules.missions)))
        self.page = app.memory.get(("mission_page", side), 0)
        self.hardware: dict[str, str] = {}
        self.crew: list[str] = []
        # the launch window the next flight is planned in: the one picked last time (per side), else the default
        windows = [w.id for w in v.rules.launch_windows]
        window = app.memory.get(("window", side), "")
        self.window: str = window if window in windows else (windows[-1] if windows else "")
        self.choose(self.mission, rebuild=False)

    def mission_list(self) -> list[str]:
        """Every mission in the scenario's order, always: a mission that opens keeps its place, so a spot on the list
        picks the same mission from one quarter to the next (what can fly now is marked, not moved)."""
        return list(self.view.rules.missions)

    def achieved(self, mission: str) -> bool:
        """Whether the side already has every first this mission flies for (so it is no longer offered)."""
        ms = self.view.rules.missions[mission].milestones
        return bool(ms) and all(m in self.view.me.milestones for m in ms)

    def closed_key(self, mission: str) -> str:
        """The text key that says why a mission the side cannot fly is closed: achieved, over for good, or not yet open."""
        return (
            "missions.achieved"
            if self.achieved(mission)
            else "missions.retired"
            if self.retired(mission)
            else "missions.unavailable"
        )

    def can_fly_now(self, mission: str) -> bool:
        return self.view.suggest_plan(mission) is not None

    def choose(self, mission: str, rebuild: bool = True) -> Transition | None:
        """Select a mission and fill it with the hardware the engine proposes and the crew it picks."""
        if mission != self.__dict__.get("mission"):
            self.body_offset = 0  # another mission's slots and crew: from their top
        self.mission = mission
        self.app.memory[("mission", self.side)] = mission
        self.hardware = self.view.proposed_hardware(mission)
        # the crew the engine's best_crew picks (the suggestion's crew is the same pick)
        self.crew = list(self.view.best_crew(mission) or ()) if mission in self.view.available_missions else []
        if rebuild:
            self.rebuild()
        return None

    # -- what is chosen ---------------------------------------------------------------------

    def action(self) -> PlanMission:
        m = self.view.rules.missions[self.mission]
        return PlanMission(
            self.side, self.mission, tuple((s.id, self.hardware[s.id]) for s in m.slots), tuple(self.crew), self.window
        )

    def odds(self) -> Any:
        m = self.view.rules.missions[self.mission]
        if any(s.id not in self.hardware for s in m.slots):
            return None
        try:
            return self.view.odds(
                self.mission, tuple((s.id, self.hardware[s.id]) for s in m.slots), tuple(self.crew), self.window
            )
        except KeyError:
            return None

    def cycle_window(self) -> Transition | None:
        """The next launch window, from the earliest to the latest and round again."""
        windows = [w.id for w in self.view.rules.launch_windows]
        if windows:
            at = windows.index(self.window) if self.window in windows else len(windows) - 1
            self.window = windows[(at + 1) % len(windows)]
            self.app.memory[("window", self.side)] = self.window
        self.rebuild()
        return None

    def window_row(self) -> int:
        """The height the launch-window button takes above the plan button (none without windows)."""
        return self.s(42) if self.view.rules.launch_windows else 0

    def window_label(self) -> str:
        """The window picked, with what it adds: the price from `order_cost`, the risk as the rules state it."""
        rules = self.view.rules
        w = rules.launch_window(self.window)
        extra = engine_odds.order_cost(rules, self.action()) - engine_odds.order_cost(
            rules,
            PlanMission(self.side, self.mission, self.action().hardware, tuple(self.crew), rules.launch_window("").id),
        )
        terms = (
            self.tr("missions.window_terms", n=extra, risk=w.risk)
            if extra or w.risk
            else self.tr("missions.window_free")
        )
        return self.tr("missions.window", name=self.window_name(self.window), terms=terms)

    def cycle_hw(self, slot: str) -> Transition | None:
        m = self.view.rules.missions[self.mission]
        opts = next(s.options for s in m.slots if s.id == slot)
        cur = self.hardware.get(slot, opts[0])
        self.hardware[slot] = opts[(opts.index(cur) + 1) % len(opts)] if cur in opts else opts[0]
        self.rebuild()
        return None

    def commit(self) -> Transition | None:
        t = self.act(self.action())
        if not self.app.status:
            self.app.status = self.tr("missions.planned", name=self.mission_name(self.mission))
        self.choose(self.mission)
        return t

    # -- layout -----------------------------------------------------------------------------

    def columns(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The list, the mission, the odds. The list is as wide as its longest name needs in the smallest type,
        from 24 % up to 30 % of the width."""
        c = self.content
        size = round(draw.theme_size("#tiny") * self.app.scale)
        known = ("longest_mission", self.app.settings.language, size)  # measured once a game (the memory is the game's)
        longest = self.app.memory.get(known)
        if longest is None:
            tiny = draw.font(size)
            names = [draw.clean(self.mission_name(m)) + " ×" for m in self.view.rules.missions]
            longest = self.app.memory[known] = max((tiny.size(n)[0] for n in names), default=0)
        a = max(int(c.width * 0.24), min(int(c.width * 0.30), longest + self.s(44)))
        b = int(c.width * 0.36)
        return (
            pygame.Rect(c.x, c.y, a - self.s(8), c.height),
            pygame.Rect(c.x + a, c.y, b - self.s(8), c.height),
            pygame.Rect(c.x + a + b, c.y, c.width - a - b, c.height),
        )

    def stack_rect(self) -> pygame.Rect:
        """Where the stack about to fly is drawn: a strip at the right of the middle column, above the planned list
        (and above the scroll buttons when the column scrolls)."""
        _, mid, _ = self.columns()
        w = self.stack_width()
        top = mid.y + self.s(84)
        bottom = self.planned_y() - self.s(32)
        if self.body_scroll_max():
            bottom = self.scroll_buttons()[0].top - self.s(6)
        return pygame.Rect(mid.right - w - self.s(8), top, w, max(self.s(40), bottom - top))

    def picked_hardware(self) -> list[str]:
        m = self.view.rules.missions[self.mission]
        return [self.hardware.get(slot.id, slot.options[0]) for slot in m.slots]

    def build_content(self) -> None:
        v = self.view
        left, mid, right = self.columns()
        strip = self.stack_width() + self.s(8)  # the middle column's buttons stop short of the stack
        rh = self.s(36)
        per = max(1, (left.height - self.s(100)) // (rh + self.s(4)))
        if self.show_choice:
            self.show_choice = False
            self.page = self.mission_list().index(self.mission) // per
            self.app.memory[("mission_page", self.side)] = self.page
        items, self.page, pages = self.paged(self.mission_list(), self.page, per)
        y = left.y + self.s(40)
        for mid_id in items:
            ok = mid_id in v.available_missions
            name = self.mission_name(mid_id)
            label = name if ok else f"{name} ×"
            ready = ok and self.can_fly_now(mid_id)  # flyable now from the store: a green frame
            ids = ("#ready", "#ready_tiny") if ready else ("#small", "#tiny")
            if self.achieved(mid_id):  # its firsts are won: dimmer, and "(done)" where the words fit
                ids = ("#done", "#done_tiny")
                marked = self.tr("missions.achieved_mark", name=name)
                label = marked if self.fits(marked, left.width - self.s(16), ids[-1]) else label
            self.button(
                (left.x + self.s(8), y, left.width - self.s(16), rh),
                label,
                lambda m=mid_id: self.choose(m),
                self.mission_tip(mid_id),
                selected=(mid_id == self.mission),
                object_id=self.fitting_id(label, left.width - self.s(16), ids),
            )
            y += rh + self.s(4)
        if pages > 1:
            yb = left.bottom - self.s(44)
            pw = min(self.s(110), (left.width - self.s(24)) // 2)
            self.button(
                (left.x + self.s(8), yb, pw, self.s(34)),
                self.tr("list.prev"),
                lambda: self._page(-1),
                self.tr("tip.list.prev"),
                enabled=self.page > 0,
            )
            self.button(
                (left.right - self.s(8) - pw, yb, pw, self.s(34)),
                self.tr("list.next"),
                lambda: self._page(1),
                self.tr("tip.list.next"),
                enabled=self.page < pages - 1,
            )
        m = v.rules.missions[self.mission]
        if m.crew:
            self.choose_skills(mid, strip)
        y = self.body_top()
        self.build_scroll()
        for slot in m.slots:
            if not self.in_body((mid.x, y, mid.width, self.s(34))):  # scrolled out of sight
                y += self.s(40)
                continue
            hw = self.hardware.get(slot.id, slot.options[0])
            have = v.free_hardware(hw)
            slot_name = self.term("slot", slot.id)
            slot_name = slot_name[:1].upper() + slot_name[1:]
            width = mid.width - self.s(20) - strip  # short of the stack's picture
            buy = BuyHardware(self.side, hw, 1)
            # none free: buy one here, without going to the fleet (not for a mission that cannot fly: a wasted buy)
            if have == 0 and v.hardware_unlocked(hw) and self.mission in v.available_missions:
                cost = engine_odds.order_cost(v.rules, buy)
                buy_label = self.tr("missions.buy", n=cost)
                bw = draw.font(round(14 * self.app.scale)).size(buy_label)[0] + self.s(24)
                width -= bw + self.s(6)
                self.button(
                    (mid.x + self.s(10) + width + self.s(6), y, bw, self.s(34)),
                    buy_label,
                    lambda order=buy: self.buy(order),
                    self.tr("tip.missions.buy", hw=self.hw_name(hw), n=cost),
                    enabled=self.app.session.check(buy) is None,
                )
            label = self.tr("missions.slot", slot=slot_name, hw=self.hw_name(hw), n=have)
            if not self.fits(label, width):
                label = self.tr("missions.slot_short", slot=slot_name, hw=self.hw_name(hw), n=have)
            if not self.fits(label, width):  # the slot's name is in the tip; the hardware and the count stay
                label = self.shortened(self.hw_name(hw), f"({have})", width, "button")
            self.button(
                (mid.x + self.s(10), y, width, self.s(34)),
                label,
                lambda sid=slot.id: self.cycle_hw(sid),
                self.tr("tip.missions.slot"),
                enabled=len(slot.options) > 1 or True,
            )
            y += self.s(40)
        if m.crew:
            self.build_crew(mid, y, strip)
        # the engine says beforehand whether it would take this order; the reason is shown above the button
        self.blocked = self.app.session.check(self.action())
        if v.rules.launch_windows:
            w = v.rules.launch_window(self.window)
            tip = self.app.stext(w.description) if w.description else ""
            tip = "" if tip == w.description else tip
            label, width = self.window_label(), right.width - self.s(20)
            if not self.fits(label, width, "#tiny"):  # the name alone; what it adds is in the odds and the price
                label = self.window_name(self.window)
            self.button(
                (right.x + self.s(10), right.bottom - self.s(52) - self.window_row(), width, self.s(36)),
                label,
                self.cycle_window,
                (tip + " " if tip else "") + self.tr("tip.missions.window"),
                key=pygame.K_w,
                object_id=self.fitting_id(label, width, ("#small", "#tiny")),
            )
        self.button(
            (right.x + self.s(10), right.bottom - self.s(52), right.width - self.s(20), self.s(42)),
            self.tr("missions.commit"),
            self.commit,
            self.tr("tip.missions.commit"),
            key=pygame.K_p,
            object_id="#primary",
            enabled=self.blocked is None,
        )
        # planned launches, each cancellable
        y = self.planned_y()
        for i in range(len(v.me.plan)):
            self.button(
                (mid.right - self.s(110), y + i * self.s(40), self.s(100), self.s(34)),
                self.tr("missions.cancel"),
                lambda i=i: self.act(CancelMission(self.side, i)),
                self.tr("tip.missions.cancel"),
            )

    def buy(self, order: BuyHardware) -> Transition | None:
        """Buy a unit for a slot with none free, then fill the mission again from the store (Ctrl+Z takes it back)."""
        t = self.act(order)
        if not self.app.status:
            self.app.status = self.tr("missions.bought", hw=self.hw_name(order.hardware))
        self.choose(self.mission)
        return t

    def _page(self, step: int) -> Transition | None:
        self.page += step
        self.app.memory[("mission_page", self.side)] = self.page
        self.rebuild()
        return None

    def facts(self) -> str:
        """The mission's facts under its name (at most three lines of the middle column are shown)."""
        rules = self.view.rules
        m = rules.missions[self.mission]
        facts = [
            self.tr("missions.crew_size", n=m.crew) if m.crew else self.tr("missions.uncrewed"),
            self.tr("missions.cost", n=engine_odds.order_cost(rules, self.action())),
        ]
        # the firsts it flies for that the side has still to win (the odds panel says which it has): played by
        # hand, the spacewalk's four ran past the facts' lines in Russian and Vietnamese
        aims = [x for x in m.milestones if x not in self.view.me.milestones] or list(m.milestones)
        if aims:
            facts.append(self.tr("missions.aims", what=", ".join(self.milestone_name(x) for x in aims)))
        return " · ".join(facts)

    def heading_y(self) -> int:
        """The y of the hardware heading: below the mission's name and its facts."""
        _, mid, _ = self.columns()
        name_h = draw.font(round(17 * self.app.scale), True).get_linesize()
        small = round(12 * self.app.scale)
        facts_h = min(3, draw.line_count(self.facts(), small, mid.width - 20)) * draw.font(small).get_linesize()
        return max(mid.y + self.s(62), mid.y + 12 + name_h + facts_h + self.s(6))

    def slots_y(self) -> int:
        return self.heading_y() + draw.font(round(14 * self.app.scale), True).get_linesize() + self.s(2)

    def mission_tip(self, mission: str) -> str:
        m = self.view.rules.missions[mission]
        text = self.app.stext(m.description) if m.description else ""
        if text == m.description:
            text = ""
        if mission not in self.view.available_missions:
            text = (text + " " if text else "") + self.tr(self.closed_key(mission))
        elif self.can_fly_now(mission):
            text = (text + " " if text else "") + self.tr("missions.ready")
        return text or self.tr("tip.missions.choose")

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        rules = v.rules
        left, mid, right = self.columns()
        fs = round(14 * self.app.scale)
        small = round(12 * self.app.scale)
        h2 = round(15 * self.app.scale)
        draw.panel(surf, left, self.tr("missions.list"), h2)
        m = rules.missions[self.mission]
        inner = draw.panel(surf, mid, self.mission_name(self.mission), round(17 * self.app.scale))
        draw.paragraph(
            surf,
            self.facts(),
            pygame.Rect(inner.x, inner.y, inner.width, self.heading_y() - inner.y),
            small,
            draw.DIM,
            gap=0,
        )
        draw.text(surf, self.tr("missions.hardware"), (inner.x, self.heading_y()), fs, draw.ACCENT, True, inner.width)
        if m.crew:
            self.draw_crew_heading(surf, mid, inner, self.body_top() + len(m.slots) * self.s(40) + self.s(4))
        self.draw_scroll_bar(surf)
        # planned this turn
        n = len(v.me.plan)
        y = self.planned_y()
        head = self.tr("missions.planned_list", n=n, max=rules.settings.max_missions_per_turn)
        draw.text(
            surf,
            head,
            (inner.x, y - self.s(24)),
            draw.shrink(head, fs, inner.width, True, 0.7),
            draw.ACCENT,
            True,
            inner.width,
        )
        for i, p in enumerate(v.me.plan):
            crew = ", ".join(self.crew_name(c) for c in p.crew)
            window = self.window_name(p.window)
            line = self.mission_name(p.mission) + (f" · {window}" if window else "") + (f" — {crew}" if crew else "")
            room, top = inner.width - self.s(120), y + i * self.s(40)
            size = draw.shrink(line, fs, room)
            if draw.font(size).size(draw.clean(line))[0] <= room:
                draw.text(surf, line, (inner.x, top + self.s(8)), size, draw.TEXT, width=room)
            else:  # too long for one line beside Cancel: the mission, and under it the window and the crew in small type
                name = self.mission_name(p.mission)
                rest = " — ".join(x for x in (window, crew) if x)
                draw.text(surf, name, (inner.x, top), draw.shrink(name, fs, room, least=0.7), draw.TEXT, width=room)
                draw.text(
                    surf,
                    rest,
                    (inner.x, top + self.s(18)),
                    draw.shrink(rest, small, room, least=0.7),
                    draw.DIM,
                    width=room,
                )
        self.draw_stack(surf)
        mission_odds.draw_odds(self, surf, right)

    def draw_stack(self, surf: pygame.Surface) -> None:
        """What is about to fly, as the side builds it, standing on a pad line."""
        box = self.stack_rect()
        pic = art.stack_fit(self.view.rules, self.side, self.picked_hardware(), box.width, box.height - self.s(6))
        x = box.centerx - pic.get_width() // 2
        surf.blit(pic, (x, box.bottom - self.s(6) - pic.get_height()))
        pygame.draw.line(
            surf,
            draw.PANEL_EDGE,
            (box.x, box.bottom - self.s(5)),
            (box.right, box.bottom - self.s(5)),
            max(1, self.s(2)),
        )
