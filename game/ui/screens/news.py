"""News: the turn's events as a newspaper page of the side and year, with decisions and their stated consequences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.engine import Decide
from game.engine import events as ev
from game.engine.effects.chance import RandomOneOf
from game.engine.vocab import Effect, walk
from game.ui import draw
from game.ui.phrases import Wording
from game.ui.screens.base import Transition
from game.ui.screens.game import GameScreen
from game.ui.screens.registry import register

PAPER = draw.colour("news_paper")
INK = draw.colour("news_ink")
INK_DIM = draw.colour("news_ink_dim")
RED = draw.colour("news_red")  # what asks for a decision


NOTE_GAP = 2  # pixels between the lines of a choice's note


def choice_parts(text: str) -> tuple[str, str]:
    """A choice's name and what it says it does: the scenario writes "Name (what it does)"; ("Name", "") when the
    text states no consequences."""
    name, sep, rest = text.partition(" (")
    if sep and rest.endswith(")"):
        return name, rest[:-1]
    return text, ""


@dataclass
class ChoiceRow:
    """One choice of an open decision as the page lays it out: its button, and its note beside or under it."""

    index: int
    choice: str
    decision: int
    name: str
    label: str
    object_id: str | None
    enabled: bool
    tip: str
    note: str  # what it does, and when greyed what it needs
    size: int
    button: pygame.Rect
    note_rect: pygame.Rect


def consequences(screen: Any, effects: tuple[Effect, ...]) -> str:
    """A choice's effects in words, as the effects themselves say them (the scenario states them as data)."""
    said = Wording(screen.tr, screen.view.rules, screen.app.stext).effects(effects)
    return said if said is not None else screen.tr("effect.none")


# what an event's effects did to a tech, reported right after its EventFired: enough to name the project a
# story's dice picked ("+15 for a random project" says which one only here)
_TECH_OUTCOMES = (ev.ResearchAdvanced, ev.ReliabilityChanged, ev.TechCompleted)
# a decision left open is taken at the start of resolution, before research: what follows it is not its doing
_STORY_ENDS = (ev.DecisionMade, ev.TurnStarted, ev.TurnEnded)


def picked_techs(events: list[Any], side: str) -> dict[str, list[str]]:
    """For each event that fired for `side`, the techs its effects moved, in order."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for e in events:
        if isinstance(e, ev.EventFired):  # news comes after the quarter's research and flights (`resolve_turn`)
            current = out.setdefault(e.event, []) if e.side == side else None
        elif isinstance(e, _STORY_ENDS):
            current = None
        elif isinstance(e, _TECH_OUTCOMES) and e.side == side and current is not None and e.tech not in current:
            current.append(e.tech)
    return out


@register
class NewsScreen(GameScreen):
    name = "news"

    def stories(self) -> list[tuple[str, int | None]]:
        """(event id, pending decision id or None): this side's news of the last turn and any open decisions."""
        s = self.app.session
        out: list[tuple[str, int | None]] = []
        open_ids = {d.id: d for d in self.view.decisions}
        for e in s.events_for(self.side):
            if isinstance(e, ev.EventFired) and e.side == self.side:
                out.append((e.event, e.decision if e.decision in open_ids else None))
        listed = {d for _, d in out if d is not None}
        for d in self.view.decisions:
            if d.id not in listed:
                out.insert(0, (d.event, d.id))
        # a story that asks for a decision leads the page, next to its choices
        return sorted(out, key=lambda x: x[1] is None)

    def story_text(self, event_id: str) -> str:
        """The story's own words, and which project it went to when its effects drew one at random (a story that
        names its project says it already: played by hand, "(+120 research points for the lander) (This time it
        went to: Lunar lander.)")."""
        text = self.app.stext(f"event.{event_id}.text")
        techs = picked_techs(self.app.session.events_for(self.side), self.side).get(event_id)
        event = self.view.rules.events.get(event_id)
        if not techs or event is None or not any(isinstance(op, RandomOneOf) for _, op in walk(event)):
            return text
        return text + " " + self.tr("news.went_to", techs=", ".join(self.tech_name(t) for t in techs))

    def page(self) -> pygame.Rect:
        c = self.content
        return pygame.Rect(c.x + self.s(40), c.y, c.width - self.s(80), c.height)

    def choice_rows(self) -> list[ChoiceRow]:
        """The open decision's choices as laid out at the page's foot, the last row ending just above its edge:
        each a one-line button with its number and name, and what it does written whole beside it (under it when
        a name takes more than two fifths of the page)."""
        decisions = [(e, d) for e, d in self.stories() if d is not None]
        if not decisions:
            return []
        ev_id, did = decisions[0]
        event = self.view.rules.events[ev_id]
        page = self.page()
        button_font = draw.font(round(draw.theme_size("button") * self.app.scale))
        row = pygame.Rect(page.x + self.s(20), 0, page.width - self.s(40), button_font.get_linesize() + self.s(6))
        possible = self.view.open_choices.get(did, ())
        words = Wording(self.tr, self.view.rules, self.app.stext)
        size = round(13 * self.app.scale)
        line = draw.font(size).get_linesize() + NOTE_GAP
        rows: list[ChoiceRow] = []
        for i, ch in enumerate(event.choices):
            name, note = choice_parts(self.app.stext(f"event.{ev_id}.choice.{ch.id}"))
            note = note or consequences(self, ch.effects)
            can = ch.id in possible
            tip = self.tr("tip.news.choice")
            if not can and ch.when is not None:  # greyed, with its own condition as the reason
                note = self.tr("news.choice_closed", choice=note, reason=words(ch.when.describe()))
                tip = self.tr("tip.news.choice_closed")
            label = f"{i + 1}. {name}"
            rows.append(ChoiceRow(i, ch.id, did, name, label, None, can, tip, note, size, row.copy(), row.copy()))
        widest = max(button_font.size(draw.clean(r.label))[0] for r in rows) + self.s(24)
        beside = widest <= row.width * 2 // 5
        for r in rows:
            if beside:
                r.button.width = max(widest, self.s(160))
                r.note_rect.x = r.button.right + self.s(14)
                r.note_rect.width = row.right - r.note_rect.x
            else:
                r.object_id = None if self.fits(r.label, row.width) else self.fitting_id(r.label, row.width)
                r.note_rect.x += self.s(12)
                r.note_rect.width -= self.s(12)
            r.note_rect.height = draw.line_count(r.note, size, r.note_rect.width) * line
        y = page.bottom - self.s(8) - sum(self._row_height(r, beside) + self.s(6) for r in rows)
        for r in rows:
            r.button.y = y
            if beside:  # a short note level with its button's label, a long one from the button's top
                r.note_rect.y = y + max(0, (r.button.height - r.note_rect.height) // 2)
            else:
                r.note_rect.y = r.button.bottom + self.s(2)
            y += self._row_height(r, beside) + self.s(6)
        return rows

    def _row_height(self, r: ChoiceRow, beside: bool) -> int:
        if beside:
            return max(r.button.height, r.note_rect.height)
        return r.button.height + self.s(2) + r.note_rect.height

    def build_content(self) -> None:
        for r in self.choice_rows():
            self.button(
                r.button,
                r.label,
                lambda c=r.choice, d=r.decision, t=r.name: self.decide(d, c, t),
                r.tip,
                key=pygame.K_1 + r.index if r.index < 9 else None,
                object_id=r.object_id,
                enabled=r.enabled,
            )

    def decide(self, decision: int, choice: str, text: str) -> Transition | None:
        t = self.act(Decide(self.side, decision, choice))
        if not self.app.status:  # taken: say so, the choices have gone from the page
            self.app.status = self.tr("news.decided", choice=text)
        return t

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        page = self.page()
        pygame.draw.rect(surf, PAPER, page)
        pygame.draw.rect(surf, INK_DIM, page, 2)
        paper_key = f"side.{self.side}.newspaper"
        name = self.app.stext(paper_key)
        if name == paper_key:
            name = self.tr("news.masthead", side=self.app.side_name(self.side))
        rows = self.choice_rows()
        big = round((26 if rows else 34) * self.app.scale)  # a smaller masthead leaves the choices room
        draw.text(
            surf,
            name,
            (page.centerx, page.y + self.s(10)),
            draw.shrink(name, big, page.width - self.s(40), True, 0.6),
            INK,
            True,
            page.width - self.s(40),
            align="center",
        )
        y = page.y + self.s(18) + draw.font(big, True).get_linesize()
        pygame.draw.line(surf, INK, (page.x + self.s(20), y), (page.right - self.s(20), y), 2)
        # dated by the quarter its news comes from, as the dashboard's ticker and the firsts are
        draw.text(
            surf,
            self.tr("news.dateline", date=v.rules.date_label(self.news_turn)),
            (page.x + self.s(24), y + self.s(4)),
            round(13 * self.app.scale),
            INK_DIM,
        )
        body = round(15 * self.app.scale)
        if rows:  # asked on the dateline's right, so the story keeps its room above the choices
            draw.text(
                surf, self.tr("news.decide"), (page.right - self.s(24), y + self.s(4)), body, RED, True, align="right"
            )
        y += self.s(28)
        pygame.draw.line(surf, INK, (page.x + self.s(20), y), (page.right - self.s(20), y), 1)
        y += self.s(10)
        stories = self.stories()
        for r in rows:
            draw.paragraph(surf, r.note, r.note_rect, r.size, INK if r.enabled else INK_DIM, gap=NOTE_GAP)
        bottom = rows[0].button.top - self.s(10) if rows else page.bottom - self.s(10)
        if not stories:
            # the race's public news stands in when nothing happened at home
            from game.ui.log_lines import describe

            lines = [
                describe(self, e)
                for e in self.app.session.events_for(self.side)
                if isinstance(e, (ev.MilestoneAchieved, ev.MissionFailed, ev.MissionSucceeded, ev.CrewDied))
            ]
            text = "\n".join(x for x in lines if x) or self.tr("news.quiet")
            draw.paragraph(
                surf,
                text,
                pygame.Rect(page.x + self.s(24), y, page.width - self.s(48), bottom - y),
                round(17 * self.app.scale),
                INK,
            )
            return
        # the first story is the lead, across the page; others in two columns beneath
        lead, rest = stories[0], stories[1:]
        head = round(24 * self.app.scale)
        inner = pygame.Rect(page.x + self.s(24), y, page.width - self.s(48), bottom - y)
        ev_id = lead[0]
        used = draw.paragraph(
            surf,
            self.app.stext(f"event.{ev_id}.title"),
            pygame.Rect(inner.x, y, inner.width, head * 3),
            head,
            INK,
            True,
        )
        y += used + self.s(4)
        room = bottom - y if not rest else max(self.s(60), (bottom - y) // 2)
        # the story smaller rather than cut when its choices take much of the page
        story = draw.fit_block(self.story_text(ev_id), inner.width, room, body, False, round(12 * self.app.scale))
        used = draw.paragraph(surf, story.text, pygame.Rect(inner.x, y, inner.width, room), story.size, INK, gap=0)
        y += used + self.s(10)
        if rest and y < bottom - self.s(40):
            pygame.draw.line(surf, INK_DIM, (inner.x, y), (inner.right, y), 1)
            y += self.s(8)
            colw = (inner.width - self.s(20)) // 2
            for i, (eid, d) in enumerate(rest[:4]):
                x = inner.x + (i % 2) * (colw + self.s(20))
                yy = y + (i // 2) * ((bottom - y) // 2)
                hh = (bottom - y) // (2 if len(rest) > 2 else 1)
                title = self.app.stext(f"event.{eid}.title")
                if d is not None:  # its choices come once the decision above is taken
                    title = self.tr("news.decide_next", title=title)
                u = draw.paragraph(
                    surf, title, pygame.Rect(x, yy, colw, body * 3), body + 2, INK if d is None else RED, True
                )
                draw.paragraph(
                    surf,
                    self.story_text(eid),
                    pygame.Rect(x, yy + u + self.s(2), colw, hh - u - self.s(8)),
                    round(13 * self.app.scale),
                    INK,
                )
