"""The missions screen's odds panel: what the chosen flight's odds are, step by step, what it would win, and why it
cannot be planned (drawing only: every number comes from the engine through the screen's view)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui import draw
from game.ui.phrases import Wording

if TYPE_CHECKING:
    from game.ui.screens.missions import MissionScreen


def draw_odds(self: MissionScreen, surf: pygame.Surface, right: pygame.Rect) -> None:
    """The odds panel of `self`'s chosen flight: the outcomes, each step's chance and risk, where the flight is most
    likely lost, the prizes, and why it cannot be planned."""
    v = self.view
    rules = v.rules
    m = rules.missions[self.mission]
    fs = round(14 * self.app.scale)
    small = round(12 * self.app.scale)
    inner = draw.panel(surf, right, self.tr("missions.odds"), round(15 * self.app.scale))
    odds = self.odds()
    lh = draw.font(fs).get_linesize() + self.s(2)
    small_lh = draw.font(small).get_linesize() + self.s(2)
    blocked = getattr(self, "blocked", None)
    # a mission already in this turn's plan is blocked only for a second flight: say so, not "cannot plan yet"
    again = any(p.mission == self.mission for p in v.me.plan)
    why = (
        self.tr("missions.cannot_again" if again else "missions.cannot", why=self.explain(blocked, self.action()))
        if blocked is not None
        else ""
    )
    # the reason in full: in the panel's type up to three lines, a long one (a list of what the programme still
    # needs) in the small type, the steps above giving way to it (played by hand: the Moon landing's was cut)
    why_fs, why_lh = fs, lh
    why_lines = draw.line_count(why, fs, inner.width) if why else 0
    if why_lines > 3:
        why_fs, why_lh = small, small_lh
        why_lines = draw.line_count(why, small, inner.width)
    why_h = why_lh * why_lines + self.s(6) if why_lines else 0
    closed = self.tr(self.closed_key(self.mission)) if self.mission not in v.available_missions else ""
    closed_h = min(2, draw.line_count(closed, fs, inner.width)) * (draw.font(fs).get_linesize() + 2) if closed else 0
    rows_end = inner.y + closed_h + (4 if m.crew else 3) * lh + self.s(6)
    # Above the button: the legend of the step marks (wrapped), and above it why the launch cannot be planned;
    # what comes before them stops short of them. Where not one step would show (1280×720 at 150 % text, a long
    # reason) the steps and their legend give way to the reason, and "not available yet" to the reason that says
    # more: played by hand, the Moon landing's reason lay over its odds.
    legend = draw.line_count(self.tr("odds.legend"), small, inner.width)
    foot = right.bottom - self.s(58) - self.window_row()
    steps_need = lh + (lh - self.s(2)) * min(2, len(m.steps))
    show_steps = odds is not None and rows_end + steps_need <= foot - small_lh * legend - why_h
    top = foot - small_lh * legend if show_steps else foot
    limit = top - why_h
    if closed and why_lines and rows_end > limit:
        closed = ""
    y = inner.y
    if closed:
        done = self.achieved(self.mission)
        y += draw.paragraph(
            surf, closed, pygame.Rect(inner.x, y, inner.width, lh * 2), fs, draw.GOOD if done else draw.WARN
        )
    if odds is None:
        draw.text(surf, self.tr("missions.no_odds"), (inner.x, y), fs, draw.DIM, width=inner.width)
        return
    rows = [
        (self.tr("odds.success"), odds.success, draw.GOOD),
        (self.tr("odds.partial"), odds.partial, draw.ACCENT),
        (self.tr("odds.failure"), odds.failure, draw.WARN),
    ]
    if m.crew:
        rows.append((self.tr("odds.crew_lost"), odds.crew_lost, draw.BAD))
    lw = int(inner.width * 0.42)
    for label, pm, col in rows:
        draw.text(
            surf,
            label,
            (inner.x, y),
            draw.shrink(label, fs, lw - self.s(6), least=0.6),
            draw.TEXT,
            width=lw - self.s(6),
        )
        draw.bar(
            surf,
            pygame.Rect(inner.x + lw, y + self.s(5), inner.width - lw - self.s(56), self.s(10)),
            pm / 1000,
            col,
        )
        draw.text(surf, f"{pm / 10:.1f}%", (inner.right, y), fs, col, True, align="right")
        y += lh
    y += self.s(6)
    if show_steps:
        y = _draw_steps(self, surf, (inner, right), odds, y, limit, lw)
    # where the flight is most likely lost, and what would make it safer: the tech behind that step
    worst = max(range(len(odds.steps)), key=lambda i: odds.steps[i].risk, default=None)
    if worst is not None and odds.success < 500 and odds.steps[worst].risk > 0:
        so = odds.steps[worst]
        st = m.steps[worst]
        hint = self.tr(
            "odds.weakest",
            step=self.app.stext(st.name) if st.name else st.id,
            tech=self.tech_name(so.tech),
            r=v.me.reliability(so.tech),
        )
        if v.me.techs[so.tech].done:  # what research would pay for each point it raises that tech
            hint += " " + self.tr("odds.point_price", n=v.point_price(so.tech))
        need = draw.line_count(hint, small, inner.width) * (draw.font(small).get_linesize() + 2)
        if y + self.s(4) + need <= limit:  # whole or not at all: it must not run under the reason below
            y += self.s(4) + draw.paragraph(
                surf, hint, pygame.Rect(inner.x, y + self.s(4), inner.width, need), small, draw.ACCENT
            )
    y += self.s(6)
    # the prestige a first would bring
    for ms in m.milestones:
        rank, prestige = v.prize(ms)
        key = (
            "odds.already" if rank == 0 else "odds.first" if rank == 1 else "odds.second" if rank == 2 else "odds.later"
        )
        text = self.tr(key, name=self.milestone_name(ms), p=prestige)
        need = draw.line_count(text, fs, inner.width) * (draw.font(fs).get_linesize() + 2)
        if y > right.bottom - self.s(100) or y + need > limit:
            break
        y += draw.paragraph(surf, text, pygame.Rect(inner.x, y, inner.width, need), fs, draw.WARN)
    # what a success does besides prestige (a service that pays every year, a tech it teaches), as the effects say it
    gains = Wording(self.tr, v.rules, self.app.stext).effects(m.effects)
    if gains is not None:
        text = self.tr("odds.effects", what=gains)
        need = draw.line_count(text, fs, inner.width) * (draw.font(fs).get_linesize() + 2)
        if y + need <= limit:
            y += draw.paragraph(surf, text, pygame.Rect(inner.x, y, inner.width, need), fs, draw.GOOD)
    pr = m.prestige
    # a flight that wins no first earns the mission's own prestige, less with each success already flown
    earns = v.flight_prestige(self.mission) if pr.success > 0 else None
    if earns is not None:
        text = self.tr("odds.repeat", s=earns) if earns > 0 else self.tr("odds.routine")
        need = draw.line_count(text, fs, inner.width) * (draw.font(fs).get_linesize() + 2)
        if y + need <= limit:
            y += draw.paragraph(surf, text, pygame.Rect(inner.x, y, inner.width, need), fs, draw.GOOD)
    if y + small_lh <= limit:
        draw.text(
            surf,
            self.tr("odds.prestige_line", f=pr.failure, d=pr.death)
            if m.crew
            else self.tr("odds.prestige_line_u", f=pr.failure),
            (inner.x, y),
            small,
            draw.DIM,
            width=inner.width,
        )
    if show_steps:
        draw.paragraph(
            surf, self.tr("odds.legend"), pygame.Rect(inner.x, top, inner.width, small_lh * legend), small, draw.DIM
        )
    if why_lines:
        draw.paragraph(surf, why, pygame.Rect(inner.x, limit, inner.width, why_lh * why_lines), why_fs, draw.WARN)


def _draw_steps(
    self: MissionScreen,
    surf: pygame.Surface,
    panel: tuple[pygame.Rect, pygame.Rect],
    odds: Any,
    y: int,
    limit: int,
    lw: int,
) -> int:
    """The steps as a small table from `y` in the panel (its inside, its outside): how likely each is to pass, and
    what share of all flights go wrong there; "…" where the rest would run into `limit`. Returns the y under it."""
    inner, right = panel
    m = self.view.rules.missions[self.mission]
    fs = round(14 * self.app.scale)
    small = round(12 * self.app.scale)
    lh = draw.font(fs).get_linesize() + self.s(2)
    c2 = inner.x + lw + (inner.width - lw) // 2
    draw.text(surf, self.tr("odds.steps"), (inner.x, y), fs, draw.ACCENT, True, lw - self.s(6))
    for head, right_x, room in (
        (self.tr("odds.col_pass"), c2 - self.s(8), c2 - self.s(8) - inner.x - lw),
        (self.tr("odds.col_risk"), inner.right, inner.right - c2),
    ):
        draw.text(
            surf,
            head,
            (right_x, y + self.s(2)),
            draw.shrink(head, small, room, least=0.6),
            draw.DIM,
            width=room,
            align="right",
        )
    y += lh
    row = lh - self.s(2)
    for i, (st, so) in enumerate(zip(m.steps, odds.steps, strict=True)):
        # a step row, and room for the "…" after it unless it is the last, above the reason and the legend
        if y > right.bottom - self.s(170) or y + row * (1 if i == len(m.steps) - 1 else 2) > limit:
            draw.text(surf, "…", (inner.x, y), fs, draw.DIM)
            y += lh
            break
        name = self.app.stext(st.name) if st.name else st.id
        flag = "" if st.critical else " *"
        if st.fatal and m.crew:
            flag += " !"
        draw.text(
            surf,
            name + flag,
            (inner.x, y),
            draw.shrink(name + flag, small, lw - self.s(6), least=0.5),
            draw.TEXT,
            width=lw - self.s(6),
        )
        draw.text(surf, f"{so.chance}%", (c2 - self.s(8), y), small, draw.TEXT, align="right")
        draw.text(
            surf,
            f"{so.risk / 10:.1f}%",
            (inner.right, y),
            small,
            draw.WARN if so.risk >= 100 else draw.DIM,
            align="right",
        )
        y += row
    return y
