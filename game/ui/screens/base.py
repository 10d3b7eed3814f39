"""What every screen shares: widget helpers with tooltips and shortcuts, keyboard focus, and the transitions it returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pygame
import pygame_gui

from game.ui import draw
from game.ui.widget_pool import button_state, image_key


@dataclass(frozen=True)
class Push:
    screen: Screen


@dataclass(frozen=True)
class Pop:
    pass


@dataclass(frozen=True)
class Replace:
    screen: Screen


@dataclass(frozen=True)
class Reset:
    """Clear the stack down to the title screen, then push `screen` (if any)."""

    screen: Screen | None = None


@dataclass(frozen=True)
class Quit:
    pass


Transition = Push | Pop | Replace | Reset | Quit
Callback = Callable[[], "Transition | None"]


class Screen:
    """A screen owns the widgets it builds while it is on top, and answers events with a transition or None."""

    overlay = False  # drawn over a frozen picture of the screen below
    music: str | None = None  # a piece of game.ui.music.MUSIC; None: the app's choice (see App.music_for)
    name = "screen"

    def __init__(self, app: Any) -> None:
        self.app = app  # a game.ui.app.App, the context of every screen (not imported: no screen imports the app)
        self.widgets: list[Any] = []
        self.pooled: dict[Any, Any] = {}  # widget -> the key of its look in the app's pool (see game.ui.widget_pool)
        self.preparing = False  # built ahead, unseen (App.prepare_ahead): do nothing a player would notice
        self.actions: dict[Any, Callback] = {}
        self.focusable: list[Any] = []  # buttons and text boxes, in Tab order
        self.submits: dict[Any, Callback] = {}  # text box -> what Enter in it does
        self.picks: dict[Any, Callable[[int], Transition | None]] = {}  # drop-down -> what choosing option i does
        self.focus = -1
        self.keys: dict[int, Callback] = {}
        self.ctrl_keys: dict[int, Callback] = {}
        self.hotspots: list[tuple[pygame.Rect, Callback]] = []  # drawn areas that can be clicked
        self.backdrop: pygame.Surface | None = None
        self.message = ""  # last rejection or notice, shown in the status line

    # -- life cycle ----------------------------------------------------------------------------

    def enter(self) -> None:
        self.clear()
        self.build()

    def leave(self) -> None:
        self.clear()

    def rebuild(self) -> None:
        keep = self.focus
        self.app.dirty = True  # new widgets: the next frame must be drawn even with no input
        self.enter()
        if 0 <= keep < len(self.focusable):
            self.focus = keep

    def clear(self) -> None:
        pool = getattr(self.app, "pool", None)
        for w in self.widgets:
            key = self.pooled.get(w)
            bar = getattr(w, "scroll_bar", None)  # a text box scrolled down would come back scrolled: not kept
            if key is not None and pool is not None and (bar is None or bar.start_percentage == 0):
                pool.give(key, w)
            else:
                w.kill()
        self.widgets.clear()
        self.pooled.clear()
        self.actions.clear()
        self.focusable.clear()
        self.submits.clear()
        self.picks.clear()
        self.keys.clear()
        self.ctrl_keys.clear()
        self.hotspots.clear()
        self.focus = -1

    def build(self) -> None:
        """Create widgets for the current window size; called on entering and after a resize or language change."""

    def ahead(self) -> list[Callable[[], Screen]]:
        """The screens the player may well open next from this one, as makers, likeliest first: the app builds
        them while this one is idle (App.prepare_ahead), so their widgets are waiting when they are opened."""
        return []

    def update(self, dt: float) -> Transition | None:
        return None

    @property
    def animating(self) -> bool:
        return False

    def draw(self, surf: pygame.Surface) -> None:
        """Draw what is not a widget (charts, graphs, text); widgets are drawn over it."""

    def back(self) -> Transition | None:
        return Pop()

    # -- helpers ---------------------------------------------------------------------------------

    @property
    def tr(self) -> Callable[..., str]:
        return self.app.tr

    def s(self, n: float) -> int:
        """A length scaled by the UI scale setting."""
        return int(n * self.app.scale)

    def button(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, action: Callback, tip: str = "",
               key: int | None = None, ctrl: bool = False, object_id: str | None = None, enabled: bool = True,
               focus: bool = True, selected: bool = False) -> pygame_gui.elements.UIButton:
        if key is not None:
            keyname = ("Ctrl+" if ctrl else "") + pygame.key.name(key).upper()
            tip = f"{tip} [{keyname}]" if tip else f"[{keyname}]"
        rect, text, tip_text = pygame.Rect(rect), draw.clean(label), (tip or None) if self.app.settings.tooltips else None
        look = ("button", text, rect.size, object_id)
        b = self._reused(look, rect)
        if b is not None:
            b.set_tooltip(tip_text)
            button_state(b, enabled, selected)
        else:
            b = self._kept(look, pygame_gui.elements.UIButton(rect, text, self.app.manager, tool_tip_text=tip_text,
                                                             object_id=object_id))
            if not enabled:
                b.disable()
            if selected:
                b.select()
        self.actions[b] = action
        if focus and enabled:
            self.focusable.append(b)
        if key is not None and enabled:
            (self.ctrl_keys if ctrl else self.keys)[key] = action
        return b

    def fitting_id(self, label: str, width: int, ids: tuple[str, ...] = ("#small", "#tiny")) -> str:
        """The first of the theme's object ids (largest font first) whose font shows `label` whole on a button
        `width` wide; the last one if none does."""
        for object_id in ids:
            if draw.font(round(draw.theme_size(object_id) * self.app.scale)).size(draw.clean(label))[0] <= width - self.s(12):
                return object_id
        return ids[-1]

    def fits(self, label: str, width: int, object_id: str = "button") -> bool:
        """Whether a button `width` wide with this object id shows `label` whole."""
        size = round(draw.theme_size(object_id) * self.app.scale)
        return draw.font(size).size(draw.clean(label))[0] <= width - self.s(12)

    def _reused(self, key: Any, rect: pygame.Rect) -> Any:
        """A widget of this look a screen let go of, placed at `rect` and made this screen's; None if none is kept."""
        pool = getattr(self.app, "pool", None)
        w = pool.take(key, rect.topleft) if pool is not None else None
        if w is not None:
            self.widgets.append(w)
            self.pooled[w] = key
        return w

    def _kept(self, key: Any, w: Any) -> Any:
        """A new widget of this screen, given to the pool when the screen lets it go."""
        self.widgets.append(w)
        self.pooled[w] = key
        return w

    def label(self, rect: pygame.Rect | tuple[int, int, int, int], text: str, object_id: str | None = None) -> Any:
        rect, text = pygame.Rect(rect), draw.clean(text)
        key = ("label", text, rect.size, object_id)
        return self._reused(key, rect) or self._kept(
            key, pygame_gui.elements.UILabel(rect, text, self.app.manager, object_id=object_id))

    def picture(self, rect: pygame.Rect | tuple[int, int, int, int], surface: pygame.Surface) -> Any:
        """An image among the widgets (drawn with them, so beside a button it is not hidden by it)."""
        rect = pygame.Rect(rect)
        key = image_key(surface, rect.size)
        return self._reused(key, rect) or self._kept(key, pygame_gui.elements.UIImage(rect, surface, self.app.manager))

    def textbox(self, rect: pygame.Rect | tuple[int, int, int, int], html: str, object_id: str | None = None) -> Any:
        rect, text = pygame.Rect(rect), draw.clean(html)
        key = ("textbox", text, rect.size, object_id)
        w = self._reused(key, rect)
        if w is not None:
            return w
        return self._kept(key, pygame_gui.elements.UITextBox(text, rect, self.app.manager, object_id=object_id))

    def entry(self, rect: pygame.Rect | tuple[int, int, int, int], initial: str = "", tip: str = "",
              submit: Callback | None = None) -> Any:
        """A one-line text box, reached by Tab like a button; Enter in it runs `submit` (else moves on)."""
        w = pygame_gui.elements.UITextEntryLine(pygame.Rect(rect), self.app.manager, initial_text=initial)
        if tip and self.app.settings.tooltips:
            w.set_tooltip(tip)
        self.widgets.append(w)
        self.focusable.append(w)
        if submit is not None:
            self.submits[w] = submit
        return w

    def dropdown(self, rect: pygame.Rect | tuple[int, int, int, int], options: Sequence[str], chosen: int,
                 pick: Callable[[int], Transition | None], tip: str = "") -> Any:
        """A choice from a list as pygame_gui's drop-down menu, reached by Tab like a button; Enter or Space on
        it takes the next option (the keyboard needs no list to open), a click opens the list."""
        labels = [(draw.clean(label), str(i)) for i, label in enumerate(options)]
        rect = pygame.Rect(rect)
        # the open list goes down, or up when the window has more room above (the last row of a page)
        need = len(labels) * self.s(draw.theme_misc("#drop_down_options_list", "list_item_height", 20)) + 8
        below, above = self.app.size[1] - rect.bottom, rect.top
        up = need > below and above > below
        w = pygame_gui.elements.UIDropDownMenu(labels, labels[chosen], rect, self.app.manager,
                                               object_id="#drop_up" if up else None,
                                               expansion_height_limit=min(need, above if up else below))
        if tip and self.app.settings.tooltips:
            w.set_tooltip(tip)
        self.widgets.append(w)
        self.focusable.append(w)
        self.actions[w] = lambda: pick((chosen + 1) % len(labels))
        self.picks[w] = pick
        return w

    def hotspot(self, rect: pygame.Rect, action: Callback) -> None:
        self.hotspots.append((pygame.Rect(rect), action))

    @property
    def content(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(0, 0, w, h)

    # -- events --------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self.actions.get(event.ui_element)
            if action is not None:
                self.app.audio_click()
                return action()
            return None
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element in self.picks:
            self.app.audio_click()
            return self.picks[event.ui_element](int(event.selected_option_id))
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element in self.focusable:
            submit = self.submits.get(event.ui_element)
            if submit is not None:
                return submit()
            self.move_focus(1)
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.app.manager.get_hovering_any_element():
                for rect, action in reversed(self.hotspots):
                    if rect.collidepoint(event.pos):
                        return action()
            return self.on_click(event)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            box = self._typing()
            if box is not None and box in self.focusable:
                self.focus = self.focusable.index(box)  # Tab goes on from a text box clicked into
            return None
        if event.type == pygame.KEYDOWN:
            if self._typing() is not None:
                mods = pygame.key.get_mods() | getattr(event, "mod", 0)
                if event.key == pygame.K_TAB:
                    self.move_focus(-1 if mods & pygame.KMOD_SHIFT else 1)
                elif event.key == pygame.K_ESCAPE:  # Esc goes back everywhere, even from a text box
                    self._leave_text()
                    return self.back()
                return None
            return self.on_key(event)
        return None

    def _typing(self) -> Any:
        """The text box being typed into, or None."""
        for w in self.app.manager.get_focus_set() or ():
            if isinstance(w, pygame_gui.elements.UITextEntryLine):
                return w
        return None

    def focus_text(self, box: Any) -> None:
        """Give a text box the keyboard with its text selected, so typing replaces it and End or a click keeps it."""
        self.app.manager.set_focus_set(box)
        n = len(box.get_text())
        box.select_range = [0, n]
        box.edit_position = n
        box.cursor_has_moved_recently = True
        if box in self.focusable:
            self.focus = self.focusable.index(box)

    def _leave_text(self) -> None:
        self.app.manager.set_focus_set(None)
        pygame.key.set_repeat(350, 40)  # a text box sets its own repeat while it has the keyboard

    def on_click(self, event: pygame.event.Event) -> Transition | None:
        return None

    def on_key(self, event: pygame.event.Event) -> Transition | None:
        mods = pygame.key.get_mods() | getattr(event, "mod", 0)
        ctrl = bool(mods & pygame.KMOD_CTRL)
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if mods & pygame.KMOD_SHIFT else 1)
            return None
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and not ctrl:
            if 0 <= self.focus < len(self.focusable):
                b = self.focusable[self.focus]
                if isinstance(b, pygame_gui.elements.UITextEntryLine):
                    if b.alive():
                        self.focus_text(b)  # back into the text box
                    return None
                if b.is_enabled and b.alive():
                    self.app.audio_click()
                    return self.actions[b]()
            return self.on_enter()
        if event.key == pygame.K_ESCAPE:
            return self.back()
        table = self.ctrl_keys if ctrl else self.keys
        action = table.get(event.key)
        if action is not None:
            return action()
        return self.on_other_key(event)

    def on_enter(self) -> Transition | None:
        return None

    def on_other_key(self, event: pygame.event.Event) -> Transition | None:
        return None

    def move_focus(self, step: int) -> None:
        """Tab: the next button or text box; a text box reached this way takes the keyboard at once."""
        current = self.focusable[self.focus] if 0 <= self.focus < len(self.focusable) else None
        live = [b for b in self.focusable if b.alive() and b.is_enabled]
        self.focusable = live
        if not live:
            self.focus = -1
            return
        at = live.index(current) if current in live else -1
        self.focus = (at + step) % len(live) if at >= 0 else (0 if step > 0 else len(live) - 1)
        target = live[self.focus]
        if isinstance(target, pygame_gui.elements.UITextEntryLine):
            self.focus_text(target)
        elif self._typing() is not None:
            self._leave_text()

    def draw_focus(self, surf: pygame.Surface) -> None:
        if 0 <= self.focus < len(self.focusable):
            b = self.focusable[self.focus]
            if b.alive():
                pygame.draw.rect(surf, draw.FOCUS, b.rect.inflate(6, 6), 2, border_radius=6)
