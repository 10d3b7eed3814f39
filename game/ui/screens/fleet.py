"""Hardware and crews: buy units of unlocked hardware; recruit candidates, who then train; see skills, morale, injuries."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import BuyHardware, RecruitCrew
from game.engine import odds as engine_odds
from game.engine.state import CrewStatus
from game.ui import art, draw, portraits
from game.ui.screens.base import Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register

STATUS_ORDER = {CrewStatus.ACTIVE: 0, CrewStatus.TRAINING: 1, CrewStatus.INJURED: 2, CrewStatus.CANDIDATE: 3, CrewStatus.RETIRED: 4, CrewStatus.DEAD: 5}


@register
class FleetScreen(GameScreen):
    name = "fleet"

    def __init__(self, app: Any, side: str) -> None:
        super().__init__(app, side)
        self.hw_page = 0
        self.crew_page = 0
        self.shown_hw: str | None = None  # the hardware drawn large beside the list: the last one pointed at
        self.tab = app.memory.get(("fleet_tab", side), "hardware")  # the panel shown when only one fits

    @property
    def narrow(self) -> bool:
        """Whether the two tables side by side would cut a hardware name or a skill's heading at this size, text size
        and language: then one table at a time, on the whole width, with a button to the other. Worked out once."""
        key = (self.app.size, self.app.scale, self.app.settings.language)
        if getattr(self, "_narrow_for", None) != key:
            self._narrow_for = key
            self._narrow = self.content.width / self.app.scale < 1100 or not self._both_fit()
        return self._narrow

    def _both_fit(self) -> bool:
        c = self.content
        half = int(c.width * 0.44)
        left, right = pygame.Rect(c.x, c.y, half - self.s(8), c.height), pygame.Rect(c.x + half, c.y, c.width - half, c.height)
        fs = round(14 * self.app.scale)
        names = [self.hw_name(h) for h in self.view.rules.hardware]
        room = self.name_room(left)
        if any(draw.font(draw.shrink(n, fs, room, True, 0.7), True).size(draw.clean(n))[0] > room for n in names):
            return False
        _, cols = self.crew_columns(right.inflate(-20, -16))
        small = round(12 * self.app.scale)
        for k, (_, cw) in zip(self.skill_ids(), cols, strict=True):
            if draw.fit_block(self.term("skill", k), cw - self.s(4), self.s(32), small, False, round(9 * self.app.scale)).cut:
                return False
        return True

    def name_room(self, left: pygame.Rect) -> int:
        """The width of the hardware table's name column in the panel `left` (as draw_hardware lays it out)."""
        inner_x = left.x + 10
        w = int(left.width * 0.18)
        preview_x = left.right - w - self.s(6)
        store_x = preview_x - self.s(12) - 2 * self.buy_w() - self.s(50)
        return store_x - self.s(46) - (inner_x + self.s(art.ROW_PICTURE) + self.s(6)) - self.s(6)

    def show(self, tab: str) -> Transition | None:
        self.tab = tab
        self.app.memory[("fleet_tab", self.side)] = tab
        self.rebuild()
        return None

    @property
    def row_h(self) -> int:
        return self.s(40)

    def halves(self) -> tuple[pygame.Rect, pygame.Rect]:
        """The hardware and the crews' panels (both the whole width, one of them shown, when narrow)."""
        c = self.content
        if self.narrow:
            return pygame.Rect(c), pygame.Rect(c)
        half = int(c.width * 0.44)
        return pygame.Rect(c.x, c.y, half - self.s(8), c.height), pygame.Rect(c.x + half, c.y, c.width - half, c.height)

    @property
    def rows_y(self) -> int:
        """Where the first row starts below a panel's top: room for the title and a two-line column header."""
        return self.s(76)

    def per_page(self, rect: pygame.Rect) -> int:
        return max(1, (rect.height - self.rows_y - self.s(52)) // self.row_h)

    def skill_ids(self) -> list[str]:
        """Every skill the side's crews have, in the order the scenario lists them."""
        seen: dict[str, None] = {}
        for cs in self.view.me.crews.values():
            for k in cs.skills:
                seen.setdefault(k, None)
        return list(seen)

    def crew_columns(self, inner: pygame.Rect) -> tuple[list[int], list[tuple[int, int]]]:
        """x of name, status and morale; (x, width) of each skill's column."""
        x, w = inner.x, inner.width
        name = x + self.s(art.ROW_PICTURE) + self.s(6)  # after the portrait
        status, skills, morale = x + int(w * 0.28), x + int(w * 0.41), x + int(w * 0.87)
        ids = self.skill_ids()
        sw = (morale - skills - self.s(6)) // max(1, len(ids))
        return [name, status, morale], [(skills + i * sw, sw) for i in range(len(ids))]

    def buy_w(self) -> int:
        """The width of a Buy button: s(60), or what its words need ("Купить 5")."""
        words = max(draw.font(round(14 * self.app.scale)).size(self.tr(k))[0] for k in ("fleet.buy1", "fleet.buy5"))
        return max(self.s(60), words + self.s(16))

    def preview_rect(self) -> pygame.Rect:
        """The strip at the right of the hardware panel where the item pointed at is drawn large."""
        left, _ = self.halves()
        w = int(left.width * 0.18)
        return pygame.Rect(left.right - w - self.s(6), left.y + self.rows_y - self.s(22), w,
                           left.height - self.rows_y - self.s(40))

    def hardware_rows(self) -> list[str]:
        v = self.view
        return sorted(v.rules.hardware, key=lambda h: (not v.hardware_unlocked(h), list(v.rules.hardware).index(h)))

    def crew_rows(self) -> list[str]:
        """The side's people, those who can fly first; the order is kept while the screen is open, so recruiting
        one does not move the others under the pointer (the next Recruit would take somebody else)."""
        v = self.view
        order = list(v.rules.crews)
        ranked = sorted(v.me.crews, key=lambda c: (STATUS_ORDER.get(v.me.crews[c].status, 9),
                                                   v.rules.crews[c].available > v.turn, order.index(c)))
        kept: list[str] = self.__dict__.setdefault("_crew_order", ranked)
        return [c for c in kept if c in v.me.crews] + [c for c in ranked if c not in kept]

    def build_content(self) -> None:
        left, right = self.halves()
        if self.narrow:
            other = "crews" if self.tab == "hardware" else "hardware"
            label = self.tr(f"fleet.{other}") + " »"
            bw = draw.font(round(14 * self.app.scale)).size(label)[0] + self.s(30)
            self.button((left.right - self.s(8) - bw, left.y + self.s(4), bw, self.s(30)), label, lambda: self.show(other),
                        self.tr(f"tip.fleet.show_{other}"))
        if not self.narrow or self.tab == "hardware":
            self.build_hardware(left)
        if not self.narrow or self.tab == "crews":
            self.build_crews(right)
        self.build_undo()

    def build_hardware(self, left: pygame.Rect) -> None:
        v = self.view
        per = self.per_page(left)
        rows, self.hw_page, pages = self.paged(self.hardware_rows(), self.hw_page, per)
        y = left.y + self.rows_y
        for h in rows:
            edge = self.preview_rect().x - self.s(4)
            bw = self.buy_w()
            for x, n, label in ((edge - 2 * bw - self.s(8), 1, "fleet.buy1"), (edge - bw - self.s(4), 5, "fleet.buy5")):
                order = BuyHardware(self.side, h, n)  # its price and whether the engine would take it are the engine's
                self.button((x, y + self.s(3), bw, self.row_h - self.s(8)), self.tr(label),
                            lambda order=order: self.act(order),
                            self.tr("tip.fleet.buy", n=n, cost=engine_odds.order_cost(v.rules, order)),
                            enabled=self.app.session.check(order) is None)
            y += self.row_h
        self._pager(left, pages, "hw_page")

    def undo_panel(self) -> pygame.Rect | None:
        """Where the undo of the quarter's last purchase stands: at the foot of the table it changed (a recruit's
        under the crews: played by hand, "Undo Wally Schirra" sat under the hardware), or of the one shown when one
        table is shown at a time; None when nothing was bought."""
        if not self.view.me.bought:
            return None
        left, right = self.halves()
        return right if self.view.me.bought[-1].order == "recruit_crew" else left

    def build_undo(self) -> None:
        panel = self.undo_panel()
        if panel is None:
            return
        p = self.view.me.bought[-1]  # taken back with its money (Ctrl+Z anywhere)
        label = self.tr("fleet.undo", what=self.purchase_text(p), n=p.cost)
        bw = min(panel.width - self.s(340), draw.font(round(14 * self.app.scale)).size(label)[0] + self.s(30))
        if not self.fits(label, bw):
            label = self.tr("fleet.undo_short", n=p.cost)
            bw = draw.font(round(14 * self.app.scale)).size(label)[0] + self.s(30)
        self.button((panel.right - self.s(10) - bw, panel.bottom - self.s(44), bw, self.s(34)), label, self.undo_last,
                    self.tr("tip.fleet.undo"), key=pygame.K_z, ctrl=True)

    def build_crews(self, right: pygame.Rect) -> None:
        v = self.view
        per = self.per_page(right)
        rows, self.crew_page, pages = self.paged(self.crew_rows(), self.crew_page, per)
        y = right.y + self.rows_y
        for cid in rows:
            cs = v.me.crews[cid]
            if cs.status == CrewStatus.CANDIDATE:
                member = v.rules.crews[cid]
                order = RecruitCrew(self.side, cid)
                cost = engine_odds.order_cost(v.rules, order)
                tip = (self.tr("tip.fleet.recruit", cost=cost, turns=v.rules.settings.training_turns)
                       if member.available <= v.turn else self.tr("tip.fleet.not_yet", date=v.rules.date_label(member.available)))
                self.button((right.right - self.s(110), y + self.s(3), self.s(100), self.row_h - self.s(8)),
                            self.tr("fleet.recruit"), lambda order=order: self.act(order), tip,
                            enabled=self.app.session.check(order) is None)
            y += self.row_h
        self._pager(right, pages, "crew_page")

    def draw_preview(self, surf: pygame.Surface, box: pygame.Rect, rows: list[str]) -> None:
        """The hardware pointed at (else the first unlocked one of the page), as tall as the strip, on a pad line."""
        v = self.view
        h = self.shown_hw if self.shown_hw in rows else next((r for r in rows if v.hardware_unlocked(r)), None)
        if h is None:
            return
        pygame.draw.rect(surf, draw.colour("card"), box, border_radius=self.s(4))
        pic = art.hardware_fit(v.rules, self.side, h, box.width - self.s(12), box.height - self.s(34))
        surf.blit(pic if v.hardware_unlocked(h) else art.faded(pic),
                  (box.centerx - pic.get_width() // 2, box.bottom - self.s(28) - pic.get_height()))
        pygame.draw.line(surf, draw.PANEL_EDGE, (box.x + self.s(6), box.bottom - self.s(27)),
                         (box.right - self.s(6), box.bottom - self.s(27)), max(1, self.s(2)))
        name, small = self.hw_name(h), round(12 * self.app.scale)
        draw.text(surf, name, (box.centerx, box.bottom - self.s(22)), draw.shrink(name, small, box.width - self.s(8), least=0.6),
                  draw.DIM, align="center", width=box.width - self.s(8))

    def _pager(self, rect: pygame.Rect, pages: int, attr: str) -> None:
        if pages <= 1:
            return
        page = getattr(self, attr)
        y = rect.bottom - self.s(44)
        self.button((rect.x + self.s(10), y, self.s(110), self.s(34)), self.tr("list.prev"),
                    lambda: self._turn(attr, -1), self.tr("tip.list.prev"), enabled=page > 0)
        self.button((rect.x + self.s(200), y, self.s(110), self.s(34)), self.tr("list.next"),
                    lambda: self._turn(attr, 1), self.tr("tip.list.next"), enabled=page < pages - 1)

    def _turn(self, attr: str, step: int) -> Transition | None:
        setattr(self, attr, getattr(self, attr) + step)
        self.rebuild()
        return None

    def draw_content(self, surf: pygame.Surface) -> None:
        left, right = self.halves()
        if not self.narrow or self.tab == "hardware":
            self.draw_hardware(surf, left)
        if not self.narrow or self.tab == "crews":
            self.draw_crews(surf, right)

    def draw_hardware(self, surf: pygame.Surface, left: pygame.Rect) -> None:
        v = self.view
        rules = v.rules
        fs = round(14 * self.app.scale)
        small = round(12 * self.app.scale)
        inner = draw.panel(surf, left, self.tr("fleet.hardware"), round(15 * self.app.scale))
        icon = self.s(art.ROW_PICTURE)
        preview = self.preview_rect()
        store_x = preview.x - self.s(12) - 2 * self.buy_w() - self.s(50)  # cost and store stand just left of the buttons
        hx = [inner.x + icon + self.s(6), store_x - self.s(46), store_x]
        y = left.y + self.rows_y - self.s(22)
        for x, key in zip(hx, ("fleet.col_name", "fleet.col_cost", "fleet.col_store"), strict=True):
            draw.text(surf, self.tr(key), (x, y), small, draw.DIM)
        y = left.y + self.rows_y
        rows, _, pages = self.paged(self.hardware_rows(), self.hw_page, self.per_page(left))
        for h in rows:
            hw = rules.hardware[h]
            ok = v.hardware_unlocked(h)
            col = draw.TEXT if ok else draw.DIM
            pic = art.hardware_surface(rules, self.side, h, icon)
            surf.blit(pic if ok else art.faded(pic), (inner.x, y + (self.row_h - icon) // 2 - self.s(1)))
            room = hx[1] - hx[0] - self.s(6)
            draw.text(surf, self.hw_name(h), (hx[0], y + self.s(2)), draw.shrink(self.hw_name(h), fs, room, ok, 0.7), col, ok, room)
            rel = v.me.reliability(hw.tech)
            sub = self.tr("fleet.rel", r=rel) if ok else self.tr("fleet.needs", tech=self.tech_name(hw.tech))
            reserved = v.me.reserved_hardware(h)
            if reserved:  # under the name, where there is room: the store's column holds a count and no more
                sub += " · " + self.tr("fleet.reserved", n=reserved)
            draw.text(surf, sub, (hx[0], y + self.s(20)), draw.shrink(sub, small, room, least=0.7), draw.GOOD if ok else draw.DIM,
                      width=room)
            draw.text(surf, str(engine_odds.order_cost(rules, BuyHardware(self.side, h, 1))), (hx[1], y + self.s(8)), fs, col)
            draw.text(surf, str(v.me.hardware[h]), (hx[2], y + self.s(8)), fs, col,
                      width=preview.x - self.s(16) - 2 * self.buy_w() - hx[2])
            if pygame.Rect(inner.x, y, preview.x - inner.x, self.row_h).collidepoint(pygame.mouse.get_pos()):
                self.shown_hw = h
            pygame.draw.line(surf, draw.colour("row_rule"), (inner.x, y + self.row_h - 2), (inner.right, y + self.row_h - 2))
            y += self.row_h
        if pages > 1:
            draw.text(surf, f"{self.hw_page + 1}/{pages}", (left.x + self.s(160), left.bottom - self.s(36)), fs, draw.DIM,
                      align="center")
        self.draw_preview(surf, preview, rows)

    def draw_crews(self, surf: pygame.Surface, right: pygame.Rect) -> None:
        v = self.view
        rules = v.rules
        fs = round(14 * self.app.scale)
        small = round(12 * self.app.scale)
        inner = draw.panel(surf, right, self.tr("fleet.crews"), round(15 * self.app.scale))
        (nx, sx, mx), skill_cols = self.crew_columns(inner)
        head = right.y + self.rows_y - self.s(36)
        for x, key in ((nx, "fleet.col_crew"), (sx, "fleet.col_status"), (mx, "fleet.col_morale")):
            draw.text(surf, self.tr(key), (x, head + self.s(14)), small, draw.DIM)
        # one column per skill, its whole name over it (two lines, smaller type if need be)
        skill_ids = self.skill_ids()
        # one type size for every header: the largest at which all of them fit
        size = min((draw.fit_block(self.term("skill", k), cw - self.s(4), self.s(32), small, False, round(9 * self.app.scale)).size
                    for k, (_, cw) in zip(skill_ids, skill_cols, strict=True)), default=small)
        for k, (x, cw) in zip(skill_ids, skill_cols, strict=True):
            header = draw.fit_block(self.term("skill", k), cw - self.s(4), self.s(32), size, False, size)
            used = draw.font(header.size).get_linesize() * draw.line_count(header.text, header.size, cw - self.s(4))
            draw.paragraph(surf, header.text, pygame.Rect(x + self.s(2), head + self.s(32) - used, cw - self.s(4), used),
                           header.size, draw.DIM, gap=0, align="center")
        y = right.y + self.rows_y
        rows, _, pages = self.paged(self.crew_rows(), self.crew_page, self.per_page(right))
        status_col = {CrewStatus.ACTIVE: draw.GOOD, CrewStatus.TRAINING: draw.ACCENT, CrewStatus.INJURED: draw.WARN, CrewStatus.DEAD: draw.BAD,
                      CrewStatus.RETIRED: draw.DIM, CrewStatus.CANDIDATE: draw.TEXT}
        for cid in rows:
            cs = v.me.crews[cid]
            member = rules.crews[cid]
            traits = ", ".join(self.term("trait", t) for t in member.traits)
            face = portraits.crew_portrait(rules, cid, self.s(art.ROW_PICTURE))
            gone = cs.status in (CrewStatus.DEAD, CrewStatus.RETIRED)
            surf.blit(art.faded(face) if gone else face, (inner.x, y + (self.row_h - face.get_height()) // 2 - self.s(1)))
            draw.text(surf, self.app.crew_name(cid), (nx, y + self.s(2)), fs, draw.TEXT, True, sx - nx - self.s(6))
            sub = self.tr("fleet.flights", n=cs.flights) + (f" · {traits}" if traits else "")
            draw.text(surf, sub, (nx, y + self.s(20)), draw.shrink(sub, small, sx - nx - self.s(6), least=0.6), draw.DIM,
                      width=sx - nx - self.s(6))
            # the status, and on a second line how long it lasts
            st, detail = self.tr(f"crew.{cs.status}"), ""
            if cs.status == CrewStatus.TRAINING:
                detail = self.tr("fleet.turns_left", n=cs.training_left)
            if cs.status == CrewStatus.INJURED:
                detail = self.tr("fleet.until", date=rules.date_label(cs.injured_until))
            if cs.status == CrewStatus.CANDIDATE and member.available > v.turn:
                st, detail = self.tr("fleet.later"), self.tr("fleet.not_before", date=rules.date_label(member.available))
            sw = skill_cols[0][0] - sx - self.s(6) if skill_cols else mx - sx - self.s(6)
            draw.text(surf, st, (sx, y + (self.s(2) if detail else self.s(10))), small, status_col.get(cs.status, draw.TEXT),
                      width=sw)
            if detail:
                draw.text(surf, detail, (sx, y + self.s(20)), small, draw.DIM, width=sw)
            for k, (x, cw) in zip(skill_ids, skill_cols, strict=True):
                val = cs.skills.get(k)
                draw.text(surf, "—" if val is None else str(val), (x + cw // 2, y + self.s(9)), fs,
                          draw.TEXT if val is not None else draw.DIM, align="center")
            if cs.status not in (CrewStatus.DEAD, CrewStatus.RETIRED, CrewStatus.CANDIDATE):
                mb = pygame.Rect(mx, y + self.s(14), min(self.s(60), inner.right - mx - self.s(34)), self.s(8))
                draw.bar(surf, mb, cs.morale / 100, draw.GOOD if cs.morale >= 50 else draw.WARN)
                draw.text(surf, str(cs.morale), (mb.right + self.s(4), y + self.s(8)), small, draw.DIM)
            pygame.draw.line(surf, draw.colour("row_rule"), (inner.x, y + self.row_h - 2), (inner.right, y + self.row_h - 2))
            y += self.row_h
        if pages > 1:
            draw.text(surf, f"{self.crew_page + 1}/{pages}", (right.x + self.s(160), right.bottom - self.s(36)), fs, draw.DIM,
                      align="center")
