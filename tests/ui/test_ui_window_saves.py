"""Saving and loading in the window as players expect: Save in the menu, Continue after a relaunch, a slot per
game, bad files named in the list (with a damaged save's backup to load), and no file that crashes the window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from ui_kit import TINY, buttons, choose, key, press, pump, start_game, top_name

from game.io import autosave_path, load_game
from game.io.atomic import backup_path


def _saves(app: Any) -> Path:
    folder = Path(app.settings.saves())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _end_turns(app: Any, n: int) -> None:
    for _ in range(n):
        app.apply(app.end_turn("red"))
        pump(app)


def test_the_game_menu_has_save_and_load(app: Any) -> None:
    start_game(app)
    press(app, "Menu")
    assert top_name(app) == "TitleScreen"
    press(app, "Save game")
    assert top_name(app) == "SaveLoadScreen" and app.top.mode == "save"
    app.top.entry_w.set_text("from the menu")
    press(app, "Save")
    assert load_game(_saves(app) / "from the menu.json").record.game_id == app.session.record.game_id
    press(app, "Load game")
    assert top_name(app) == "SaveLoadScreen" and app.top.mode == "load"


def test_the_load_list_does_not_repeat_an_earlier_saved_notice(app: Any, drawn: list[str]) -> None:
    start_game(app)
    press(app, "Menu")
    press(app, "Save game")
    app.top.entry_w.set_text("earlier")
    press(app, "Save")
    saved = app.tr("status.saved", name="earlier")
    assert app.status == saved  # told where it happened
    press(app, "Load game")
    drawn.clear()
    app.render()
    assert top_name(app) == "SaveLoadScreen" and saved not in drawn


def test_continue_after_a_relaunch_opens_the_most_recent_game(app: Any) -> None:
    from game.content.load import load_scenario
    from game.ui.session import Session

    older = Session.new(load_scenario(TINY), {"red": "human", "blue": "ai:easy"}, 1)
    older.save(_saves(app) / "older.json")
    start_game(app, seed=9)
    _end_turns(app, 2)  # autosaved after each turn: the most recent game
    latest = app.session.record.game_id
    app.session = None  # the window closed and opened again: no game in memory
    app.reset(None)
    assert top_name(app) == "TitleScreen"
    press(app, "Continue")
    assert app.session is not None and app.session.record.game_id == latest
    assert top_name(app) != "TitleScreen"


def test_continue_with_nothing_readable_says_so(app: Any) -> None:
    (_saves(app) / "cut.json").write_text("{", encoding="utf-8")
    app.top.rebuild()
    press(app, "Continue")
    assert top_name(app) == "TitleScreen" and app.session is None
    assert app.status == app.tr("status.nothing_to_continue")


def test_each_game_autosaves_to_its_own_slot_and_old_slots_are_pruned(app: Any) -> None:
    app.settings.autosave_games = 1
    start_game(app, seed=3)
    first = app.session.record.game_id
    _end_turns(app, 1)
    app.session.save(_saves(app) / "kept by hand.json")
    os.utime(autosave_path(first, _saves(app)), (1, 1))  # played long ago
    start_game(app, seed=4)  # a hot-seat match, say, beside the campaign
    second = app.session.record.game_id
    _end_turns(app, 1)
    assert autosave_path(second, _saves(app)).exists()
    assert not autosave_path(first, _saves(app)).exists()  # beyond the one game kept
    assert (_saves(app) / "kept by hand.json").exists()  # a save named by the player is never removed


def test_bad_files_are_rows_with_their_reason_and_a_damaged_save_offers_its_backup(app: Any) -> None:
    start_game(app, seed=6)
    _end_turns(app, 3)
    slot = autosave_path(app.session.record.game_id, _saves(app))
    slot.write_bytes(slot.read_bytes()[:80])  # truncated; its backups are intact
    folder = _saves(app)
    (folder / "turn.json").write_text('{"format":"spacerace-ui-save","version":1,"meta":{"turn":"abc"}}')
    (folder / "bomb.json").write_text('{"format":"spacerace-save","meta":' + "[" * 100_000 + "]" * 100_000 + "}")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
    app.session = None
    app.reset(None)
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    screen = app.top
    assert top_name(app) == "SaveLoadScreen"
    names = sorted(Path(e.path).name for e in screen.unreadable)
    assert names == sorted([slot.name, "turn.json", "bomb.json", *(["pipe.json"] if hasattr(os, "mkfifo") else [])])
    assert all("\n" not in e.problem for e in screen.unreadable)
    assert len([b for b in buttons(app) if b.text == app.tr("saves.load_backup")]) == 1
    app.render()  # every row draws
    press(app, app.tr("saves.load_backup"))
    assert app.session is not None and app.session.log == load_game(backup_path(slot, 1)).record.actions


def test_settings_show_how_many_games_keep_autosaves(app: Any) -> None:
    from game.io.housekeeping import DEFAULT_AUTOSAVE_GAMES
    from game.ui.settings import AUTOSAVE_GAMES, Settings
    from game.ui.settings import DEFAULT_AUTOSAVE_GAMES as SHOWN

    assert SHOWN == DEFAULT_AUTOSAVE_GAMES and Settings().autosave_games == SHOWN
    press(app, "Settings")
    before = app.settings.autosave_games
    after = AUTOSAVE_GAMES[(AUTOSAVE_GAMES.index(before) + 1) % len(AUTOSAVE_GAMES)]
    choose(app, app.tr("settings.autosaves_n", n=after))
    assert app.settings.autosave_games == after
    assert Settings.load(app.settings_path).autosave_games == after or app.settings_path is None
    assert any(
        isinstance(w, pygame_gui.elements.UIDropDownMenu)
        and w.selected_option[0] == app.tr("settings.autosaves_n", n=after)
        for w in app.top.widgets
    )


def test_a_save_whose_log_is_damaged_fails_to_load_in_one_line_and_offers_its_backup(app: Any) -> None:
    """The list proves what it shows by the snapshot's hash; damage elsewhere is found on loading."""
    import json

    start_game(app, seed=8)
    _end_turns(app, 2)
    path = app.session.save(_saves(app) / "mine.json")
    app.session.save(path)  # a second save: the first becomes mine.json.1
    data = json.loads(path.read_text(encoding="utf-8"))
    data["actions"].pop()  # the log is cut: the checksum no longer holds
    path.write_text(json.dumps(data), encoding="utf-8")
    app.session = None
    app.reset(None)
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    assert [i.name for i in app.top.infos if not i.autosave] == ["mine"]
    app.top.load(path)
    assert app.session is None and "checksum" in app.status and "\n" not in app.status
    assert [Path(e.path).name for e in app.top.unreadable] == ["mine.json"]
    press(app, app.tr("saves.load_backup"))
    assert app.session is not None


def test_a_game_played_to_its_last_turn_is_not_listed_one_turn_past_it(app: Any) -> None:
    """A finished game's state is dated the quarter after its last: the list said '1976-Q1 · turn 83 of 82'."""
    from game.io import SaveInfo

    press(app, "Load game")
    base = dict(
        path=Path("done.json"),
        scenario="race_1955",
        mods=(),
        sides=("us",),
        saved_at="2026-01-01T00:00:00",
        winner="ussr",
        game_version="1",
        size=1,
        turns=(0, 81),
    )
    ended = SaveInfo(date="1976-Q1", turn=82, over=True, **base)  # type: ignore[arg-type]
    early = SaveInfo(date="1969-Q4", turn=59, over=True, **base)  # type: ignore[arg-type]
    playing = SaveInfo(date="1969-Q4", turn=59, over=False, **base)  # type: ignore[arg-type]
    text = {
        k: " ".join(c[0] for c in app.top.cells(i)) for k, i in (("ended", ended), ("early", early), ("on", playing))
    }
    assert "1976-Q1" not in text["ended"] and "83" not in text["ended"] and app.tr("saves.over_at_end") in text["ended"]
    assert app.tr("saves.date_over", date=app.tr("saves.date_turn", date="1969-Q4", turn=60, turns=82)) in text["early"]
    assert app.tr("saves.date_turn", date="1969-Q4", turn=60, turns=82) in text["on"]
