"""The missions screen's middle column when its hardware and crew do not fit: a window on them that scrolls (the
mouse wheel over it, two buttons under the stack's picture, Page Up and Page Down), the planned list staying put.

Played by hand in Russian at 1280×720 with 150 % text: the Moon landing's four hardware slots, its crew and the
planned launches lay on each other; a crew that did not fit was left out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui import draw

if TYPE_CHECKING:
    from game.ui.screens.base import Transition
    from game.ui.screens.game import GameScreen

    _Screen = GameScreen
else:
    _Screen = object

CREW_SHOWN = 10  # the most free crew offered at once


class BodyScrolling(_Screen):
    """Mixed into the missions screen (`MissionScreen`), whose columns, slots and crew it lays out."""

    mission: str
    body_offset: int = 0  # how far the column's hardware and crew are scrolled up, in pixels

    def columns(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:  # the screen's: list, mission, odds
        raise NotImplementedError

    def slots_y(self) -> int:  # the screen's: where the first hardware slot stands
        raise NotImplementedError

    if TYPE_CHECKING:  # the crew pick's (`mission_crew`), mixed in beside this one
        crew_cols: int

        def free_crew(self) -> list[str]: ...

        def crew_heading_extra(self, mid: pygame.Rect) -> int: ...

    # -- where -----------------------------------------------------------------------------------

    def planned_y(self) -> int:
        """The top of the planned launches' rows, at the foot of the middle column (their heading is above it)."""
        _, mid, _ = self.columns()
        return mid.bottom - self.s(40) * max(1, len(self.view.me.plan)) - self.s(8)

    def body_area(self) -> pygame.Rect:
        """Where the hardware slots and the crew pick are: under the hardware heading, above the planned list."""
        _, mid, _ = self.columns()
        top, bottom = self.slots_y(), self.planned_y() - self.s(24) - self.s(4)
        return pygame.Rect(mid.x, top, mid.width, max(0, bottom - top))

    def crew_rows(self) -> int:
        return -(-len(self.free_crew()[:CREW_SHOWN]) // self.crew_cols)

    def body_height(self) -> int:
        """How tall the slots and the crew pick are when everything is shown: the slots, the crew heading (one line
        or two), the crew's rows and "Pick the best crew"."""
        _, mid, _ = self.columns()
        m = self.view.rules.missions[self.mission]
        h = len(m.slots) * self.s(40)
        if m.crew:
            h += self.s(26) + self.crew_heading_extra(mid) + self.crew_rows() * self.s(38) + self.s(4) + self.s(32)
        return h

    def body_scroll_max(self) -> int:
        return max(0, self.body_height() - self.body_area().height)

    def stack_width(self) -> int:
        """How wide the strip at the right of the middle column is, where the stack stands (and the scroll buttons)."""
        return int(self.columns()[1].width * 0.26)

    def scroll_buttons(self) -> tuple[pygame.Rect, pygame.Rect]:
        """Up and down, side by side at the foot of the stack's strip (the right of the body)."""
        _, mid, _ = self.columns()
        w = self.stack_width()
        x, bottom = mid.right - w - self.s(8), self.body_area().bottom
        half = (w - self.s(4)) // 2
        top = bottom - self.s(34)
        return pygame.Rect(x, top, half, self.s(34)), pygame.Rect(x + w - half, top, half, self.s(34))

    def in_body(self, rect: Any) -> bool:
        """Whether a widget or a line at `rect` is whole in the visible part of the body (else it is not shown)."""
        area = self.body_area()
        r = pygame.Rect(rect)
        return area.top <= r.top and r.bottom <= area.bottom + 1

    # -- scrolling -------------------------------------------------------------------------------

    def body_top(self) -> int:
        """The y the first slot is laid out at: the body's top, less what is scrolled away."""
        self.body_offset = max(0, min(self.body_scroll_max(), self.body_offset))
        return self.slots_y() - self.body_offset

    def scroll_body(self, step: int) -> Transition | None:
        offset = max(0, min(self.body_scroll_max(), self.body_offset + step * self.s(40)))
        if offset != self.body_offset:
            self.body_offset = offset
            self.rebuild()
        return None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if (
            event.type == pygame.MOUSEWHEEL
            and self.body_scroll_max()
            and self.body_area().collidepoint(pygame.mouse.get_pos())
        ):
            return self.scroll_body(-event.y)
        return super().handle(event)

    def build_scroll(self) -> None:
        """The two buttons, when the body is taller than its room."""
        if not self.body_scroll_max():
            return
        up, down = self.scroll_buttons()
        self.button(
            up,
            self.tr("missions.scroll_up"),
            lambda: self.scroll_body(-1),
            self.tr("tip.missions.scroll_up"),
            key=pygame.K_PAGEUP,
            enabled=self.body_offset > 0,
        )
        self.button(
            down,
            self.tr("missions.scroll_down"),
            lambda: self.scroll_body(1),
            self.tr("tip.missions.scroll_down"),
            key=pygame.K_PAGEDOWN,
            enabled=self.body_offset < self.body_scroll_max(),
        )

    def draw_scroll_bar(self, surf: pygame.Surface) -> None:
        """A thin bar at the body's left edge: how much of it is in sight, and where."""
        total = self.body_height()
        area = self.body_area()
        if total <= area.height or not area.height:
            return
        x = area.x + self.s(3)
        top = area.y + area.height * self.body_offset // total
        pygame.draw.line(surf, draw.PANEL_EDGE, (x, area.y), (x, area.bottom), max(1, self.s(2)))
        pygame.draw.line(surf, draw.ACCENT, (x, top), (x, top + area.height * area.height // total), max(2, self.s(3)))
