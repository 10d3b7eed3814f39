"""Screens drawn over another: the keyboard help, a yes/no confirmation, and the guided first turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui

from game.ui import draw
from game.ui.screens.base import Pop, Quit, Screen, Transition
from game.ui.screens.registry import register

SHORTCUTS = [
    ("Tab / Shift+Tab", "help.tab"), ("Enter / Space", "help.enter"), ("Esc", "help.esc"), ("F1 / ?", "help.f1"),
    ("Ctrl+S", "help.save"), ("Ctrl+L", "help.load"), ("Ctrl+M / F8", "help.mute"), ("F11", "help.fullscreen"),
    ("D B R H M N I T", "help.nav"), ("E", "help.end"), ("G", "help.guide"), ("F / + / – / 0", "help.research"),
    (None, "help.arrows"), ("P / C", "help.missions"), ("1–9", "help.choices"),
]


@register
class HelpScreen(Screen):
    overlay = True
    name = "help"

    def build(self) -> None:
        w, _ = self.app.size
        box = self.box()
        self.button((w // 2 - self.s(100), box.bottom - self.s(56), self.s(200), self.s(42)), self.tr("common.close"), lambda: Pop(),
                    self.tr("tip.common.close"))
        # every key and the goal in one scrolling text box: at 150 % text they no longer fit the window
        title_h = draw.font(round(22 * self.app.scale), True).get_linesize()
        inner = pygame.Rect(box.x + self.s(10), box.y + title_h + self.s(16), box.width - self.s(20),
                            box.height - title_h - self.s(16) - self.s(66))
        keys = "<br>".join(f'<font color="{draw.hex_colour(draw.WARN)}"><b>{draw.html(k or self.tr("help.arrow_keys"))}</b></font>'
                           f"  {draw.html(self.tr(key))}" for k, key in SHORTCUTS)
        self.textbox(inner, f"{keys}<br><br>{draw.html(self.tr('help.goal'))}")
        self.focus = 0

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(self.s(120), self.s(40), w - self.s(240), h - self.s(80))

    def draw(self, surf: pygame.Surface) -> None:
        draw.panel(surf, self.box(), self.tr("help.title"), round(22 * self.app.scale))


@register
class ListScreen(Screen):
    """A whole list that a screen shows only the start of ("…and 16 more"), in a scrolling text box."""

    overlay = True
    name = "list"

    def __init__(self, app: Any, title: str, html: str) -> None:
        super().__init__(app)
        self.title = title
        self.html = html

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(self.s(120), self.s(40), w - self.s(240), h - self.s(80))

    def build(self) -> None:
        w, _ = self.app.size
        box = self.box()
        title_h = draw.font(round(20 * self.app.scale), True).get_linesize()
        self.textbox(pygame.Rect(box.x + self.s(10), box.y + title_h + self.s(16), box.width - self.s(20),
                                 box.height - title_h - self.s(82)), self.html)
        self.button((w // 2 - self.s(100), box.bottom - self.s(56), self.s(200), self.s(42)), self.tr("common.close"),
                    lambda: Pop(), self.tr("tip.common.close"))
        self.focus = 0

    def draw(self, surf: pygame.Surface) -> None:
        draw.panel(surf, self.box(), self.title, round(20 * self.app.scale))


@register
class ConfirmScreen(Screen):
    """A yes/no question as pygame_gui's confirmation dialog; Enter presses the focused button (No at first),
    Esc, N and the dialog's close box answer no, Y answers yes."""

    overlay = True
    name = "confirm"

    def __init__(self, app: Any, message: str, on_yes: Callable[[], Transition | None]) -> None:
        super().__init__(app)
        self.message = message
        self.on_yes = on_yes
        self.dialog: Any = None

    def yes(self) -> Transition | None:
        self.app.pop()  # remove the dialog, then do what was confirmed from the screen below
        return self.on_yes()

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(w // 2 - self.s(300), h // 2 - self.s(110), self.s(600), self.s(220))

    def build(self) -> None:
        self.dialog = pygame_gui.windows.UIConfirmationDialog(
            self.box(), draw.html(self.message), self.app.manager, window_title=draw.clean(self.tr("confirm.title")),
            action_short_name=draw.clean(self.tr("common.yes")), blocking=True,
        )
        yes, no = self.dialog.confirm_button, self.dialog.cancel_button
        no.set_text(draw.clean(self.tr("common.no")))
        # the dialog's own buttons are sized for short English words: room for any language at any text size
        bw, bh, gap = self.s(180), self.s(40), self.s(10)
        no.set_dimensions((bw, bh))
        no.set_relative_position((-bw - gap, -bh - gap))
        yes.set_dimensions((bw, bh))
        yes.set_relative_position((-bw - gap, -bh - gap))
        text_h = self.dialog.get_container().get_size()[1] - bh - 2 * gap
        self.dialog.confirmation_text.set_dimensions((self.dialog.get_container().get_size()[0] - 10, text_h))
        if self.app.settings.tooltips:
            yes.set_tooltip(self.tr("tip.common.yes") + " [Y]")
            no.set_tooltip(self.tr("tip.common.no") + " [N]")
        for button, action in ((yes, self.yes), (no, lambda: Pop())):
            self.widgets.append(button)  # found, clicked and focused like any of the screen's buttons
            self.actions[button] = action
            self.focusable.append(button)
        self.keys[pygame.K_y] = self.yes
        self.keys[pygame.K_n] = lambda: Pop()
        self.focus = 1

    def clear(self) -> None:
        dialog, self.dialog = self.dialog, None  # killing it posts a window-close: not an answer
        if dialog is not None:
            dialog.kill()
        super().clear()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_WINDOW_CLOSE:
            return Pop() if self.dialog is not None and event.ui_element is self.dialog else None
        return super().handle(event)


@register
class TutorialScreen(Screen):
    """The guided first turn: a card per step, pointing at the part of the screen it talks about."""

    overlay = True
    name = "tutorial"
    STEPS = ("goal", "top", "research", "budget", "fleet", "missions", "end")

    def __init__(self, app: Any, under: Any) -> None:
        super().__init__(app)
        self.under = under
        self.step = 0

    def build(self) -> None:
        box = self.box()
        self.button((box.right - self.s(170), box.bottom - self.s(54), self.s(150), self.s(40)),
                    self.tr("tutorial.next") if self.step < len(self.STEPS) - 1 else self.tr("tutorial.done"), self.next,
                    self.tr("tip.tutorial.next"), object_id="#primary")
        self.button((box.x + self.s(20), box.bottom - self.s(54), self.s(150), self.s(40)), self.tr("tutorial.skip"),
                    lambda: Pop(), self.tr("tip.tutorial.skip"))
        self.focus = 0

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(w // 2 - self.s(330), h // 2 - self.s(80), self.s(660), self.s(250))

    def next(self) -> Transition | None:
        self.step += 1
        if self.step >= len(self.STEPS):
            return Pop()
        self.rebuild()
        return None

    def target(self) -> pygame.Rect | None:
        """The one control (or area) of the planning screen below that this step talks about."""
        key = self.STEPS[self.step]
        under = self.under
        if key == "top":
            w, _ = self.app.size
            return pygame.Rect(4, 4, w - 8, getattr(under, "top_h", self.s(58)) - 8)
        layout = under.nav_layout() if hasattr(under, "nav_layout") else {}
        name = {"research": "research", "budget": "budget", "fleet": "fleet", "missions": "missions", "end": "end_turn"}.get(key)
        return layout.get(name) if name else None

    def draw(self, surf: pygame.Surface) -> None:
        t = self.target()
        box = self.box()
        if t is not None:
            # the control shows through the shade, framed, with a line from the card to it
            if self.backdrop is not None:
                surf.blit(self.backdrop, t, t)
            pygame.draw.rect(surf, draw.FOCUS, t.inflate(8, 8), 3, border_radius=7)
            pygame.draw.line(surf, draw.FOCUS, (min(max(t.centerx, box.x + self.s(20)), box.right - self.s(20)), box.y),
                             (t.centerx, t.bottom + self.s(4)), 2)
        key = self.STEPS[self.step]
        inner = draw.panel(surf, box, self.tr(f"tutorial.{key}.title") + f"  ({self.step + 1}/{len(self.STEPS)})",
                           round(19 * self.app.scale))
        draw.paragraph(surf, self.tr(f"tutorial.{key}.text"), pygame.Rect(inner.x, inner.y, inner.width, inner.height - self.s(60)),
                       round(16 * self.app.scale))


@register
class ComputerFailedScreen(Screen):
    """A computer player raised instead of giving its orders: the game was saved, the player is told which one
    failed, and the game goes on with a built-in level in its seat, or the program ends."""

    overlay = True
    name = "computer_failed"
    LEVELS = ("easy", "normal", "hard")

    def __init__(self, app: Any, error: Any, resume: Callable[[], Transition | None], saved: str = "") -> None:
        super().__init__(app)
        self.error = error  # game.io.SeatFailed
        self.resume = resume  # what was being done when it failed, done again once the seat has a new player
        self.saved = saved  # where the game was saved, or "" if it was not

    def line(self) -> str:
        """The one line naming the player that failed: its side, its level, when, and why."""
        e = self.error
        level = self.tr(f"ai.level.{e.level}") if e.level in self.LEVELS else e.level
        cause = f"{type(e.cause).__name__}: {e.cause}"
        return self.tr("failed.line", side=self.app.side_name(e.side), level=level, date=e.date, cause=cause)

    def build(self) -> None:
        w, h = self.app.size
        gap, bw = self.s(12), self.button_width()
        x = w // 2 - (bw * 4 + gap * 3) // 2
        y = h // 2 + self.s(50)
        for i, level in enumerate(self.LEVELS):
            self.button((x + i * (bw + gap), y, bw, self.s(44)), self.tr("failed.continue", level=self.tr(f"ai.level.{level}")),
                        lambda level=level: self.go_on(level), self.tr("tip.failed.continue"), key=pygame.K_1 + i,
                        object_id="#primary" if level == "normal" else None)
        self.button((x + 3 * (bw + gap), y, bw, self.s(44)), self.tr("failed.quit"), self.quit, self.tr("tip.failed.quit"),
                    key=pygame.K_q)
        self.focus = 1

    def button_width(self) -> int:
        """As wide as the longest label in the primary button's type needs, as the window allows (at 150 % text
        "Продолжить: средний" was cut on a button of the width that fits English)."""
        labels = [self.tr("failed.continue", level=self.tr(f"ai.level.{level}")) for level in self.LEVELS]
        need = max(draw.font(round(16 * self.app.scale), True).size(draw.clean(t))[0] for t in labels) + self.s(16)
        return max(self.s(176), min(need, (self.app.size[0] - self.s(40) - 3 * self.s(12)) // 4))

    def go_on(self, level: str) -> Transition | None:
        self.app.session.replace_seat(self.error.side, f"ai:{level}")
        self.app.pop()
        return self.resume()

    def quit(self) -> Transition | None:
        return Quit()

    def back(self) -> Transition | None:
        return None  # the game cannot go on until the seat has a player: choose one, or quit

    def box(self) -> pygame.Rect:
        w, h = self.app.size
        bw = max(self.s(760), 4 * self.button_width() + 3 * self.s(12) + self.s(24))  # the buttons stand inside it
        return pygame.Rect(w // 2 - bw // 2, h // 2 - self.s(130), bw, self.s(250))

    def draw(self, surf: pygame.Surface) -> None:
        box = self.box()
        inner = draw.panel(surf, box, self.tr("failed.title"), round(20 * self.app.scale))
        text = self.line() + "\n" + (self.tr("failed.saved", path=self.saved) if self.saved else self.tr("failed.unsaved"))
        draw.paragraph(surf, text, pygame.Rect(inner.x, inner.y, inner.width, self.s(110)), round(16 * self.app.scale))
