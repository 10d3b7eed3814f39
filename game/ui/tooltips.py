"""Where a tooltip goes: beside the control it explains, never over another control."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

GAP = 6  # pixels between a control and its tooltip


class Manager(pygame_gui.UIManager):
    """pygame_gui's manager, with tooltips placed by `place` rather than just below the pointer (where they hid
    the next button of a column)."""

    def create_tool_tip(self, text: str, position: tuple[int, int], hover_distance: tuple[int, int],
                        parent_element: Any, object_id: Any, *, wrap_width: int | None = None,
                        text_kwargs: dict[str, str] | None = None) -> Any:
        tip = super().create_tool_tip(text, position, hover_distance, parent_element, object_id, wrap_width=wrap_width,
                                      text_kwargs=text_kwargs)
        if parent_element is not None:
            others = [e.rect for e in self.get_root_container().elements
                      if e is not parent_element and e is not tip and e.visible]
            tip.set_position(place(pygame.Rect(parent_element.rect), tip.rect.size, others, self.window_resolution))
        return tip


def place(control: pygame.Rect, size: tuple[int, int], others: list[pygame.Rect], window: tuple[int, int]) -> tuple[int, int]:
    """The top-left of a tooltip of `size` for `control`: below it, else above, right or left, the first spot
    inside the window that covers none of `others`; failing that, the spot that covers the least of them."""
    w, h = size
    win_w, win_h = window
    x = max(0, min(win_w - w, control.centerx - w // 2))
    y = max(0, min(win_h - h, control.centery - h // 2))
    spots = [(x, control.bottom + GAP), (x, control.top - GAP - h), (control.right + GAP, y), (control.left - GAP - w, y)]
    screen = pygame.Rect(0, 0, win_w, win_h)

    def covered(spot: tuple[int, int]) -> int:
        r = pygame.Rect(spot, size)
        if not screen.contains(r):
            return 1 << 30
        return sum(c.width * c.height for o in others if (c := r.clip(o)).width > 0 and c.height > 0)

    return min(spots, key=covered)  # min keeps the first of equals: below when nothing is in the way
