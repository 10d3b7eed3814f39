"""The window saves through game/io (a game saved from it passes `spacerace replay`), reads the window's former
saves, and never hides a computer player that fails: it saves, names the player, offers another level or quitting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pygame
from ui_kit import TINY, key, press, pump, start_game, top_name

from game.cli import main
from game.engine import PlayerView, state_hash
from game.engine.rng import Rng
from game.io import autosave_path, load_game
from game.io.controller import ComputerPlayer

FORMER_SAVE = Path(__file__).resolve().parents[1] / "fixtures" / "saves" / "ui_format.json"


def test_a_game_saved_from_the_window_passes_replay(app: Any) -> None:
    start_game(app, {"red": "human", "blue": "ai:hard"})
    for _ in range(4):  # a few turns, as a player plays them: fund something, end the turn, read the report
        key(app, pygame.K_r)
        key(app, pygame.K_f)
        app.apply(app.end_turn("red"))
        pump(app)
    assert app.session.resolutions == 4
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    app.top.entry_w.set_text("four_turns")
    press(app, "Save")
    path = Path(app.settings.saves()) / "four_turns.json"
    assert main(["replay", str(path)]) == 0
    # one save format: game.io's envelope, written by game.io
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "spacerace-save"


def test_a_game_saved_through_the_session_replays_and_loads_as_it_was(app: Any, tmp_path: Path) -> None:
    from game.ui.session import Session

    start_game(app)
    session = app.session
    for _ in range(3):
        session.end_turn("red")
    path = session.save(tmp_path / "s.json")
    assert main(["replay", str(path)]) == 0
    again, warnings = Session.load(path)
    assert all("not installed" in w for w in warnings)  # the fixture is a folder, not an installed scenario
    assert again.log == session.log and state_hash(again.state) == state_hash(session.state)
    # what each side was told is told again (the log is retold), and nothing is shown twice
    assert again.history_for("red") == session.history_for("red")
    assert again.reliability == session.reliability
    assert not again.has_report("red")


def test_the_autosave_is_game_ios_and_comes_back(app: Any) -> None:
    start_game(app)
    app.apply(app.end_turn("red"))
    pump(app)
    autosave = autosave_path(app.session.record.game_id, Path(app.settings.saves()))
    assert load_game(autosave).record.actions == app.session.log


def test_a_save_in_the_windows_former_format_is_listed_and_loads(app: Any) -> None:
    import os

    folder = Path(app.settings.saves())
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FORMER_SAVE, folder / "old_game.json")
    (folder / "broken.json").write_text('{"format": "spacerace-ui-save", "version": 1}', encoding="utf-8")
    os.environ["SPACERACE_SCENARIOS"] = str(TINY)  # the former save names its scenario by id
    try:
        key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
        assert top_name(app) == "SaveLoadScreen"
        screen = app.top
        assert [i.name for i in screen.infos] == ["old_game"]
        assert [Path(e.path).name for e in screen.unreadable] == ["broken.json"]  # named on the screen, not lost
        press(app, "Load")
        assert top_name(app) == "DashboardScreen"
        assert "former save format" in app.status
        assert len(app.session.log) == len(json.loads(FORMER_SAVE.read_text(encoding="utf-8"))["actions"])
    finally:
        del os.environ["SPACERACE_SCENARIOS"]


# ------------------------------------------------------------------------------ a computer player that fails


def failing_normal(level: str) -> ComputerPlayer:
    from game.ui.session import computer_player

    if level != "normal":
        return computer_player(level)

    def broken(view: PlayerView, rng: Rng) -> list[Any]:
        raise RuntimeError("no plan survives contact")

    return broken


def start_with_a_failing_player(app: Any) -> None:
    from game.content.load import load_scenario
    from game.ui.session import Session

    session = Session.new(load_scenario(TINY), {"red": "human", "blue": "ai:normal"}, 8, players=failing_normal)
    app.apply(app.start_session(session))
    pump(app)


def test_a_failing_computer_player_is_named_after_the_game_is_saved(app: Any, capsys: Any) -> None:
    start_with_a_failing_player(app)
    press(app, "End turn")
    assert top_name(app) == "ComputerFailedScreen"
    screen = app.top
    date = app.session.rules.date_label(app.session.turn)
    assert screen.line() == (
        f"The computer player of {app.side_name('blue')} (normal) failed in {date}: RuntimeError: no plan survives contact"
    )
    assert "\n" not in screen.line()
    # saved before anything else, as it stood: red's turn not yet ended, nothing of blue's applied
    saved = load_game(autosave_path(app.session.record.game_id, Path(app.settings.saves())))
    assert saved.record.actions == app.session.log and not app.session.state.sides["red"].ended
    assert "RuntimeError: no plan survives contact" in capsys.readouterr().err  # the traceback, for its author
    app.render()  # the dialog draws over the game


def test_after_a_failure_the_game_goes_on_with_a_built_in_level(app: Any) -> None:
    start_with_a_failing_player(app)
    press(app, "End turn")
    press(app, "Go on: hard")
    assert app.session.seat("blue") == "ai:hard"
    assert app.session.resolutions == 1  # the end of turn that was interrupted was done again
    assert top_name(app) in ("ResolutionScreen", "DashboardScreen", "NewsScreen")
    assert (
        load_game(autosave_path(app.session.record.game_id, Path(app.settings.saves()))).record.setup.controller("blue")
        == "ai:hard"
    )


def test_after_a_failure_the_player_may_quit(app: Any) -> None:
    start_with_a_failing_player(app)
    press(app, "End turn")
    key(app, pygame.K_ESCAPE)  # Esc does not slip past the question
    assert top_name(app) == "ComputerFailedScreen" and app.running
    press(app, "Quit")
    assert not app.running


def test_a_computer_player_that_fails_in_a_demo_is_named_too(app: Any) -> None:
    from game.content.load import load_scenario
    from game.ui.session import Session

    session = Session.new(load_scenario(TINY), {"red": "ai:easy", "blue": "ai:normal"}, 8, players=failing_normal)
    app.apply(app.guarded(lambda: app.start_session(session)))
    pump(app)
    assert top_name(app) == "ComputerFailedScreen"
    press(app, "Go on: easy")
    assert app.session.seat("blue") == "ai:easy" and app.session.resolutions >= 1


def test_opening_the_window_does_not_load_the_saves_package() -> None:
    # game.io (pydantic, the content models, the codecs) takes a third of a second to import: the menu must not
    # wait for it; it is loaded with the first game or the first list of saves.
    import subprocess
    import sys

    code = "import sys, game.ui.app; print('game.io' in sys.modules, 'pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[-2:] == ["False", "False"]


def test_a_first_start_with_no_old_saves_does_not_load_the_save_readers(tmp_path: Path) -> None:
    """A first start looks for earlier releases' saves before the window opens: where there are none (the usual
    case) that must not load pydantic and the content models, which made a first start 0.3 s slower than a later one
    (benchmarks/first_frame.py). Where a file is found, it is read as a save (the readers load then)."""
    import subprocess
    import sys

    code = (
        "import sys, pathlib; from game.io.oldsaves import import_old_saves; d = pathlib.Path(sys.argv[1]); "
        "r = import_old_saves(d / 'saves', places=[d / 'old']); "
        "print((d / 'saves' / 'imported-saves.txt').exists(), 'pydantic' in sys.modules, 'game.content.models' in sys.modules)"
    )
    (tmp_path / "saves").mkdir()
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-3:] == ["True", "False", "False"], out.stderr[-300:]
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "game1.json").write_text("{}", encoding="utf-8")
    (tmp_path / "saves" / "imported-saves.txt").unlink()
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-3:] == ["True", "True", "True"], out.stderr[-300:]


def test_saved_from_the_menu_is_told_as_done_not_in_the_errors_red(app: Any, monkeypatch: Any) -> None:
    from game.ui import draw

    start_game(app)
    key(app, pygame.K_ESCAPE)  # the menu
    assert top_name(app) == "TitleScreen"
    press(app, "Save game")
    app.top.entry_w.set_text("from_the_menu")
    press(app, "Save")
    assert top_name(app) == "TitleScreen"
    seen: dict[str, Any] = {}
    text = draw.text

    def record(surf: Any, s: str, pos: Any, size: int = 15, color: Any = draw.TEXT, *a: Any, **k: Any) -> Any:
        seen[s] = color
        return text(surf, s, pos, size, color, *a, **k)

    monkeypatch.setattr(draw, "text", record)
    app.render()
    assert seen[app.tr("status.saved", name="from_the_menu")] == draw.GOOD
    app.status = "cannot read the save"  # a problem still shows in red
    app.render()
    assert seen["cannot read the save"] == draw.BAD


def test_a_game_loaded_from_older_rules_says_so_in_the_players_words(app: Any, tmp_path: Path) -> None:
    save = Path(shutil.copy(Path(__file__).parents[1] / "fixtures" / "saves" / "v1_play_on_midgame.json", tmp_path))
    app.apply(app.load_game(save))
    pump(app)
    assert app.status.startswith(app.tr("status.loaded_own_content") + " " + app.tr("status.loaded_other_rules"))
    assert "fingerprint" not in app.status and "rules version" not in app.status
