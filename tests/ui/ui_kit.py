"""Driving the app the way a player does: posted clicks and keys, then a loop step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pygame_gui

TINY = str(Path(__file__).resolve().parents[1] / "fixtures" / "tiny")


def pump(app: Any, n: int = 2) -> None:
    for _ in range(n):
        app.step()


def buttons(app: Any) -> list[Any]:
    top = app.top
    return [w for w in top.widgets if isinstance(w, pygame_gui.elements.UIButton) and w.alive()]


def find(app: Any, text: str) -> Any:
    """The live button whose label contains `text` (translated label)."""
    for b in buttons(app):
        if text in b.text:
            return b
    raise AssertionError(f"no button {text!r} on {type(app.top).__name__}: {[b.text for b in buttons(app)]}")


def click(app: Any, button: Any) -> None:
    """A real mouse click in the middle of the button, through pygame's queue and pygame_gui."""
    pos = button.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pump(app, 1)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app, 3)


def press(app: Any, label: str) -> None:
    click(app, find(app, label))


def choose(app: Any, option: str, nth: int = 0) -> None:
    """Open the drop-down that lists `option` (translated label; the `nth` such list on the screen, from 0) and
    click that option, as a player would."""
    menus = [
        m
        for m in app.top.widgets
        if isinstance(m, pygame_gui.elements.UIDropDownMenu)
        and m.alive()
        and any(option in label for label, _ in m.options_list)
    ]
    assert len(menus) > nth, f"no drop-down lists {option!r} on {type(app.top).__name__}"
    menu = menus[nth]
    click(app, menu.current_state.selected_option_button)
    items = menu.current_state.options_selection_list.item_list
    click(app, next(i["button_element"] for i in items if option in i["text"]))
    pump(app, 2)  # the menu closes on its next update and only then says what was chosen


def key(app: Any, k: int, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0))
    pump(app, 2)


def top_name(app: Any) -> str:
    return type(app.top).__name__


def start_game(app: Any, controllers: dict[str, str] | None = None, seed: int = 5) -> None:
    from game.content.load import load_scenario
    from game.ui.session import Session

    sc = load_scenario(TINY)
    ctl = controllers or {"red": "human", "blue": "ai:normal"}
    app.apply(app.start_session(Session.new(sc, ctl, seed)))
    pump(app)


def watch_drawing(monkeypatch: Any, name: str = "text") -> list[tuple[str, Any]]:
    """Record what `game.ui.draw.<name>` draws from now on, as (text, where: its first argument after the text),
    while it still draws: a test reads what reached the screen, not what a screen meant to show."""
    from game.ui import draw

    drawn: list[tuple[str, Any]] = []
    real = getattr(draw, name)

    def spy(surf: Any, text: str, *a: Any, **k: Any) -> Any:
        drawn.append((text, a[0] if a else None))
        return real(surf, text, *a, **k)

    monkeypatch.setattr(draw, name, spy)
    return drawn
