"""Widgets kept between screens: a button, label, text box or picture a screen let go of is reused by the next
screen that asks for one that looks exactly the same, instead of being drawn again.

Making a pygame_gui widget renders its text and shape for every state (a few milliseconds a button); a screen of
thirty would miss its first frame's budget. A widget's look is fixed by its kind, text, size and theme id, so a
widget made once for that key is shown again as it was: it is moved, given its tooltip, enabled or selected, and
put back into the manager. The pool holds widgets out of the manager (killed), so hidden ones cost no frame time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import pygame

# pygame_gui keeps a dozen images of a widget's size for it (each state before and after its text...): a 300×36
# button holds half a megabyte. So the pool keeps about what the screens next to one another use (the planning
# screens, their navigation and a report: some hundred widgets), and no widget as large as a page of its own
# (a newspaper's decision, one-off by nature).
LIMIT = 150
# The largest widget kept, in px²: a tech's description box is some 26 000, and the research screen's figures,
# scrolling in their own box where the panel is short (1280×720), some 75 000: opened at every visit to the screen.
LARGEST = 80_000


class WidgetPool:
    """Let-go widgets by the key of their look, the least recently let go dropped first beyond LIMIT."""

    def __init__(self, manager: Any, limit: int = LIMIT) -> None:
        self.manager = manager
        self.limit = limit
        self.free: OrderedDict[Hashable, list[Any]] = OrderedDict()
        self.count = 0
        self.hits = 0  # widgets reused (for tests and benchmarks)
        self.generation = 0  # how many times it was emptied: what was built ahead before is gone

    def take(self, key: Hashable, pos: tuple[int, int]) -> Any:
        """A widget with this look, back in the manager at `pos`; None if none is kept."""
        kept = self.free.get(key)
        if not kept:
            return None
        w, tree = kept.pop()
        if not kept:
            del self.free[key]
        self.count -= 1
        self.hits += 1
        group = self.manager.get_sprite_group()
        for part in tree:  # the widget first, then its parts (a text box's scroll bar, its buttons) into theirs
            group.add(part)
            part.ui_container.get_container().add_element(part)
            # a button let go under the mouse or while pressed would come back lit
            part.hovered = False
            part.hover_time = 0.0
            part.tool_tip = None  # killed with the widget, but still named: the next hover would make no new one
            if hasattr(part, "held"):
                part.held = part.pressed = part.pressed_event = False
            if part.drawable_shape is not None and hasattr(part, "_get_appropriate_state_name"):
                part.drawable_shape.set_active_state(part._get_appropriate_state_name())
        if w.relative_rect.topleft != pos:  # a widget built ahead is usually taken where it was (moving costs)
            w.set_relative_position(pos)
        return w

    def give(self, key: Hashable, w: Any) -> None:
        """Take a screen's widget out of the manager and keep it for the next screen that asks for its look
        (unless it is too large to keep)."""
        tree = parts(w)
        w.kill()
        if w.relative_rect.width * w.relative_rect.height > LARGEST:
            return
        self.free.setdefault(key, []).append((w, tree))
        self.free.move_to_end(key)
        self.count += 1
        while self.count > self.limit:
            oldest = next(iter(self.free))
            kept = self.free[oldest]
            kept.pop(0)
            if not kept:
                del self.free[oldest]
            self.count -= 1

    def clear(self) -> None:
        """Forget every kept widget (the theme or the scale changed: they would look wrong)."""
        self.free.clear()
        self.count = 0
        self.generation += 1


def parts(w: Any) -> list[Any]:
    """The widget and the widgets it made for itself (a text box's scroll bar, the bar's box and buttons), each
    before the ones inside it: killing the widget kills them all, so all come back with it."""
    out = [w]
    for inner in (getattr(w, "scroll_bar", None), getattr(w, "button_container", None)):
        if inner is not None:
            out += parts(inner)
    out += [p for e in getattr(w, "elements", ()) for p in parts(e)]
    return out


def finish(w: Any) -> None:
    """Draw now what pygame_gui leaves for later updates: a new widget's other states (hovered, disabled...) are
    drawn one an update, and a widget built ahead, unseen, gets none before it is shown."""
    for part in parts(w):
        shape = getattr(part, "drawable_shape", None)
        while shape is not None and shape.states_to_redraw_queue:
            shape.update(0.0)


def button_state(b: Any, enabled: bool, selected: bool) -> None:
    """Set a reused button's enabled and selected state, and the image it shows for it."""
    if enabled != b.is_enabled:
        b.enable() if enabled else b.disable()
    if selected != b.is_selected:
        b.select() if selected else b.unselect()
    if b.drawable_shape is not None:
        b.drawable_shape.set_active_state(b._get_appropriate_state_name())


def image_key(surface: pygame.Surface, size: tuple[int, int]) -> Hashable:
    """A picture's key: the surface itself (the art caches hand out the same one for the same drawing)."""
    return ("image", surface, size)
