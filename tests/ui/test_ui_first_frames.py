"""First frames: widgets reused between screens (game.ui.widget_pool) and the screens built ahead while idle."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
import pytest
from ui_kit import key, start_game, top_name

from game.ui.screens.registry import new_screen


def prepare_all(app: Any) -> int:
    """Let the app use its idle moments until it has nothing left to build ahead; how many calls did work."""
    n = 0
    while app.prepare_ahead():
        n += 1
    return n


def test_a_button_let_go_is_the_one_the_next_screen_asking_for_its_look_gets(app: Any) -> None:
    start_game(app)
    screen = app.top
    b = screen.button((10, 500, 120, 30), "Same look", lambda: None, "first tip")
    screen.clear()
    assert not b.alive()  # out of the manager while kept
    again = screen.button((40, 520, 120, 30), "Same look", lambda: None, "second tip", enabled=False, selected=False)
    assert again is b and again.alive()
    assert again.relative_rect.topleft == (40, 520)
    assert not again.is_enabled  # the state asked for, not the one it had
    assert again.tool_tip_text == "second tip"
    other = screen.button((40, 560, 120, 30), "Other look", lambda: None)
    assert other is not b
    wider = screen.button((40, 600, 160, 30), "Same look", lambda: None)
    assert wider is not b  # another size is another look


def test_a_reused_button_answers_its_new_screen(app: Any) -> None:
    """The pooled nav buttons work on the screen that took them: a click opens what that screen's button says."""
    start_game(app)
    prepare_all(app)
    key(app, pygame.K_r)
    assert top_name(app) == "ResearchScreen"
    assert app.pool.hits > 0
    button = next(w for w in app.top.widgets if getattr(w, "text", "") == app.tr("nav.missions"))
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button))
    for _ in range(3):
        app.step()
    assert top_name(app) == "MissionScreen"


def test_a_screen_built_ahead_opens_without_making_a_widget(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    start_game(app)
    assert prepare_all(app) > 0
    made: list[str] = []
    for cls in (pygame_gui.elements.UIButton, pygame_gui.elements.UILabel, pygame_gui.elements.UITextBox):
        original = cls.__init__

        def counting(self: Any, *a: Any, _original: Any = original, **k: Any) -> None:
            made.append(type(self).__name__)
            _original(self, *a, **k)

        monkeypatch.setattr(cls, "__init__", counting)
    for name in ("research", "fleet", "missions", "stats", "rival", "budget", "news"):
        app.apply(app.top.goto(name))
        assert app.top.name == name
        assert made == [], (name, made)
        prepare_all(app)


def test_a_screen_opened_from_the_pool_looks_as_one_built_afresh(app: Any) -> None:
    """The same screen, drawn once built afresh and once from widgets built ahead: the same picture."""
    start_game(app)
    side = app.top.side
    pictures = []
    for ahead in (False, True):
        app.pool.clear()
        app.reset(new_screen("dashboard", app, side))
        app.manager.update(1 / 60)
        app.render()
        if ahead:
            prepare_all(app)
        app.apply(app.top.goto("missions"))
        app.manager.update(1 / 60)
        app.render()
        pictures.append(pygame.image.tobytes(app.window, "RGB"))
    assert pictures[0] == pictures[1]


def test_building_ahead_is_unseen_and_changes_nothing(app: Any) -> None:
    """Screens built ahead leave no widget in the manager, start no tour and change no setting or game."""
    app.settings.tutorial_done = False
    start_game(app)
    key(app, pygame.K_ESCAPE)  # the first game's tour opened on the dashboard: closed
    app.apply(app.top.goto("research"))
    shown = set(app.manager.get_sprite_group().sprites())
    log = len(app.session.log)
    app.settings.tutorial_done = False  # as if the tour had not been seen: building the dashboard must not start it
    prepare_all(app)
    assert set(app.manager.get_sprite_group().sprites()) == shown
    assert len(app.session.log) == log
    assert app.settings.tutorial_done is False
    assert top_name(app) == "ResearchScreen"


def test_a_new_theme_or_language_forgets_the_kept_widgets(app: Any) -> None:
    start_game(app)
    prepare_all(app)
    assert app.pool.count > 0
    app.retheme()
    assert app.pool.count == 0
    prepare_all(app)
    assert app.pool.count > 0
    app.set_language("ru")
    assert app.pool.count == 0


def test_the_pool_keeps_at_most_its_limit() -> None:
    from game.ui.widget_pool import WidgetPool

    class Fake:
        relative_rect = pygame.Rect(0, 0, 100, 30)

        def kill(self) -> None:
            pass

    pool = WidgetPool(manager=None, limit=3)
    widgets = [Fake() for _ in range(5)]
    for i, w in enumerate(widgets):
        pool.give(("k", i % 2), w)
    assert pool.count == 3
    kept = [w for ws in pool.free.values() for w, _ in ws]
    assert widgets[0] not in kept and widgets[1] not in kept  # the oldest let go are dropped first
    page = Fake()
    page.relative_rect = pygame.Rect(0, 0, 1100, 400)
    pool.give(("page",), page)
    assert ("page",) not in pool.free  # as large as a page: not kept
