"""News: the turn's events as a newspaper page of the side and year, with decisions and their stated consequences."""

from __future__ import annotations

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


def consequences(screen: Any, effects: tuple[Effect, ...]) -> str:
    """A choice's effects in words, as the effects themselves say them (the scenario states them as data)."""
    words = Wording(screen.tr, screen.view.rules, screen.app.stext)
    parts = [words(p) for p in (e.describe() for e in effects) if p is not None]
    return "; ".join(parts) if parts else screen.tr("effect.none")


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

    def build_content(self) -> None:
        c = self.content
        page = pygame.Rect(c.x + self.s(40), c.y, c.width - self.s(80), c.height)
        stories = self.stories()
        decisions = [(ev, d) for ev, d in stories if d is not None]
        if not decisions:
            return
        ev_id, did = decisions[0]
        event = self.view.rules.events[ev_id]
        y = page.bottom - self.s(48) * len(event.choices) - self.s(10)
        possible = self.view.open_choices.get(did, ())
        words = Wording(self.tr, self.view.rules, self.app.stext)
        for i, ch in enumerate(event.choices):
            text = self.app.stext(f"event.{ev_id}.choice.{ch.id}")
            # the scenario may already state the consequences in the choice's text
            label = f"{i + 1}. {text}" if "(" in text else f"{i + 1}. {text} ({consequences(self, ch.effects)})"
            can = ch.id in possible
            tip = self.tr("tip.news.choice")
            if not can and ch.when is not None:  # greyed, with its own condition as the reason
                label = f"{i + 1}. " + self.tr("news.choice_closed", choice=text, reason=words(ch.when.describe()))
                tip = self.tr("tip.news.choice_closed")
            self.button(
                (page.x + self.s(20), y, page.width - self.s(40), self.s(42)),
                label,
                lambda c=ch.id, d=did, t=text: self.decide(d, c, t),
                tip,
                key=pygame.K_1 + i if i < 9 else None,
                enabled=can,
            )
            y += self.s(48)

    def decide(self, decision: int, choice: str, text: str) -> Transition | None:
        t = self.act(Decide(self.side, decision, choice))
        if not self.app.status:  # taken: say so, the choices have gone from the page
            self.app.status = self.tr("news.decided", choice=text)
        return t

    def draw_content(self, surf: pygame.Surface) -> None:
        v = self.view
        c = self.content
        page = pygame.Rect(c.x + self.s(40), c.y, c.width - self.s(80), c.height)
        pygame.draw.rect(surf, PAPER, page)
        pygame.draw.rect(surf, INK_DIM, page, 2)
        paper_key = f"side.{self.side}.newspaper"
        name = self.app.stext(paper_key)
        if name == paper_key:
            name = self.tr("news.masthead", side=self.app.side_name(self.side))
        big = round(34 * self.app.scale)
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
        y += self.s(28)
        pygame.draw.line(surf, INK, (page.x + self.s(20), y), (page.right - self.s(20), y), 1)
        y += self.s(10)
        stories = self.stories()
        decisions = [(ev, d) for ev, d in stories if d is not None]
        bottom = page.bottom - (
            self.s(48) * len(v.rules.events[decisions[0][0]].choices) + self.s(20) if decisions else self.s(10)
        )
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
        body = round(15 * self.app.scale)
        inner = pygame.Rect(page.x + self.s(24), y, page.width - self.s(48), bottom - y)
        ev_id, did = lead
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
        used = draw.paragraph(surf, self.story_text(ev_id), pygame.Rect(inner.x, y, inner.width, room), body, INK)
        y += used + self.s(10)
        if did is not None:
            draw.text(surf, self.tr("news.decide"), (inner.x, y), body, RED, True, inner.width)
            y += self.s(26)
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
