"""Confirmations and choices from a list are pygame_gui's own widgets (UIConfirmationDialog, UIDropDownMenu),
in the player's language, and the keyboard still answers them: Enter, Esc, Y and N on a question, Tab and Enter
on a list."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from ui_kit import choose, click, key, press, pump, start_game, top_name

from game.ui.screens.registry import new_screen


def ask(app: Any) -> list[str]:
    """Open a yes/no question over the dashboard; returns a list that gets "yes" when it is confirmed."""
    said: list[str] = []
    app.push(new_screen("confirm", app, app.tr("confirm.quit"), lambda: said.append("yes")))
    pump(app)
    return said


def dialog(app: Any) -> Any:
    d = app.top.dialog
    assert isinstance(d, pygame_gui.windows.UIConfirmationDialog)
    return d


def test_a_confirmation_is_pygame_guis_dialog_in_the_players_language(app: Any) -> None:
    start_game(app)
    app.set_language("ru")
    ask(app)
    d = dialog(app)
    assert d.alive() and d.window_display_title == "Вы уверены?"
    assert (d.confirm_button.text, d.cancel_button.text) == ("Да", "Нет")
    assert "Выйти без сохранения" in d.confirmation_text.html_text


def test_enter_answers_the_focused_button_no_first_and_tab_reaches_yes(app: Any) -> None:
    start_game(app)
    said = ask(app)
    key(app, pygame.K_RETURN)
    assert top_name(app) == "DashboardScreen" and said == []
    said = ask(app)
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert top_name(app) == "DashboardScreen" and said == ["yes"]


def test_esc_n_and_the_close_box_say_no_y_and_the_yes_button_say_yes(app: Any) -> None:
    start_game(app)
    for answer in (
        lambda: key(app, pygame.K_ESCAPE),
        lambda: key(app, pygame.K_n),
        lambda: click(app, dialog(app).close_window_button),
    ):
        said = ask(app)
        answer()
        assert top_name(app) == "DashboardScreen" and said == []
    said = ask(app)
    key(app, pygame.K_y)
    assert said == ["yes"]
    said = ask(app)
    press(app, "Yes")
    assert said == ["yes"] and top_name(app) == "DashboardScreen"


def test_a_rebuilt_question_stays_open(app: Any) -> None:
    start_game(app)
    said = ask(app)
    app.top.rebuild()  # a resize or a change of language: the old dialog goes, a new one comes
    pump(app, 3)
    assert top_name(app) == "ConfirmScreen" and dialog(app).alive() and said == []


def test_settings_choose_from_drop_down_lists_by_mouse_and_by_keyboard(app: Any) -> None:
    press(app, "Settings")
    menus = [w for w in app.top.widgets if isinstance(w, pygame_gui.elements.UIDropDownMenu)]
    assert len(menus) == 4  # language, window size, text size, autosaves
    choose(app, "125 %")
    assert app.settings.scale == 125
    choose(app, "Русский")
    assert app.settings.language == "ru"
    assert any(
        isinstance(w, pygame_gui.elements.UIDropDownMenu) and w.selected_option[0] == "Русский" for w in app.top.widgets
    )
    # the keyboard: the first control (the language list) has the focus; Enter takes the next language
    app.top.focus = 0
    key(app, pygame.K_RETURN)
    assert app.settings.language == "en"


def test_a_new_game_chooses_each_sides_player_and_the_language_from_lists(app: Any) -> None:
    press(app, "New campaign")
    menus = [w for w in app.top.widgets if isinstance(w, pygame_gui.elements.UIDropDownMenu)]
    assert len(menus) == len(app.top.sc.ruleset.side_ids) + 3  # and the scenario, how to win, the language
    choose(app, "A person", nth=1)
    assert set(app.top.controllers.values()) == {"human"}
    choose(app, "Tiếng Việt")
    assert app.settings.language == "vi" and top_name(app) == "NewGameScreen"


def test_a_new_game_chooses_the_scenario_and_how_to_win_from_lists_by_mouse_and_by_keyboard(app: Any) -> None:
    press(app, "New campaign")
    screen = app.top
    choose(app, "The Race to the Moon, 1955")
    assert app.top is screen and screen.scenario == "race_1955" and screen.sc is not None
    assert screen.victory_mode() == "moon_race" and not screen.play_on
    choose(app, "Space age: plays to")
    assert screen.victory == "space_age"
    # every choice is on the keyboard too: Tab to the how-to-win list, Enter takes its next option
    menus = [w for w in screen.widgets if isinstance(w, pygame_gui.elements.UIDropDownMenu)]
    how = next(m for m in menus if any("Space age" in label for label, _ in m.options_list))
    screen.focus = screen.focusable.index(how)
    key(app, pygame.K_RETURN)
    assert (screen.victory, screen.play_on) == ("moon_race", False)
    first = next(m for m in screen.widgets if isinstance(m, pygame_gui.elements.UIDropDownMenu))
    screen.focus = screen.focusable.index(first)
    key(app, pygame.K_RETURN)
    assert screen.scenario != "race_1955"
