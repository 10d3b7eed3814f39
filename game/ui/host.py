"""The game a window hosts: whose screen comes next, ending a turn, the sides' look, saving and loading.

`GameHost` is mixed into the App (game/ui/app.py); it keeps no state of its own, it reads the App's
session, settings, translator and status line.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.ui import draw, warmup
from game.ui.screens.base import Push, Quit, Reset, Screen, Transition
from game.ui.screens.registry import new_screen

if TYPE_CHECKING:
    from game.io import SeatFailed
    from game.ui.settings import Settings


def _seat_failed() -> type[Exception]:
    """game.io's SeatFailed. An `except` clause evaluates this only once something was raised: game.io is
    slow to import, and the menu is shown before any game (and any computer player) exists."""
    from game.io import SeatFailed

    return SeatFailed


class GameHost:
    """The App's methods about the game in play (see the module's docstring)."""

    session: Any
    settings: Settings
    tr: Callable[..., str]
    status: str
    memory: dict[Any, Any]
    saved_len: int
    demo: bool
    scale: float

    def side_name(self, side: str) -> str:
        return self.stext(f"side.{side}.name") if self.session else side

    def stext(self, key: str) -> str:
        """A scenario string (name, event text...) in the current language."""
        if self.session is None:
            return key
        return self.session.scenario.text(key, self.settings.language)

    def crew_name(self, cid: str) -> str:
        """A crew member's name in the current language: the scenario's `crew.<id>.name` where its strings give
        one (Гагарин for Gagarin), else the name as the crew file writes it."""
        key = f"crew.{cid}.name"
        text = self.stext(key)
        if text != key:
            return text
        crews = self.session.scenario.ruleset.crews if self.session is not None else {}
        return crews[cid].name if cid in crews else cid

    def side_style(self, side: str) -> tuple[tuple[int, int, int], str]:
        """(colour, shape) of a side: colour from the ruleset unless too close to another's, shape by order."""
        rules = self.session.scenario.ruleset  # the scenario's content: no game state is needed for a side's look
        ids = list(rules.side_ids)
        colours = draw.side_colours([rules.side(s).color for s in ids], self.settings.safe_colours)
        i = ids.index(side) if side in ids else 0
        c = colours[i]
        # keep text and marks readable on the dark background
        if sum(c) < 240:
            c = tuple(min(255, x + 70) for x in c)  # type: ignore[assignment]
        return c, draw.SHAPES[i % len(draw.SHAPES)]

    def can_save(self) -> bool:
        return self.session is not None and not self.session.demo

    def unsaved(self) -> bool:
        return (
            self.session is not None
            and not self.session.demo
            and not self.session.over()
            and len(self.session.log) != self.saved_len
        )

    def request_quit(self) -> Transition | None:
        if self.unsaved():
            return Push(new_screen("confirm", self, self.tr("confirm.quit"), lambda: Quit()))
        return Quit()

    def start_session(self, session: Any, saved: bool = False) -> Transition:
        if session is not self.session:
            self.memory.clear()
        self.session = session
        warmup.start(session, self.scale)  # hardware and crew pictures, made before the screens ask
        self.saved_len = len(session.log) if saved else -1
        self.demo = session.demo
        return Reset(self.next_screen())

    def next_screen(self) -> Screen:
        """Where the game goes after an end of turn or a load: report, hand-off, planning, or the end."""
        s = self.session
        if s.demo:
            return new_screen("demo", self)
        humans = s.humans()
        if s.over():
            unseen = [h for h in humans if s.has_report(h)]
            if unseen:  # each player reads their own report (behind the hand-off in hot-seat), then the end
                return new_screen("handoff" if s.hotseat else "resolution", self, unseen[0])
            return new_screen("end", self)
        waiting = s.waiting()
        side = waiting[0] if waiting else humans[0]
        if s.hotseat:
            return new_screen("handoff", self, side)
        if s.has_report(side):
            return new_screen("resolution", self, side)
        return new_screen("dashboard", self, side)

    def end_turn(self, side: str) -> Transition:
        try:
            resolved = self.session.end_turn(side)
        except _seat_failed() as e:
            return self.computer_failed(e, lambda: self.end_turn(side))  # type: ignore[arg-type]
        if resolved:
            self.autosave()
        return Reset(self.next_screen())

    def guarded(self, step: Callable[[], Transition | None]) -> Transition | None:
        """Run what a screen does; a computer player that fails on the way is told of, never left unsaid."""
        try:
            return step()
        except _seat_failed() as e:
            return self.computer_failed(e, lambda: Reset(self.next_screen()))  # type: ignore[arg-type]

    def computer_failed(self, error: SeatFailed, resume: Callable[[], Transition | None]) -> Transition:
        """A computer player raised: save the game, say which player failed, offer a built-in level in its seat or quitting.

        The whole traceback goes to stderr for whoever wrote that player; the player is told one line.
        """
        traceback.print_exception(error, file=sys.stderr)
        saved = self.autosave()
        return Push(new_screen("computer_failed", self, error, resume, str(saved) if saved else ""))

    def autosave(self) -> Path | None:
        """Save the game in progress to the autosave (with backups); where it went, or None if nothing was saved."""
        from game.io import SaveError
        from game.io.housekeeping import prune_autosaves

        if self.session is None or self.session.demo:
            return None
        folder = Path(self.settings.saves())
        try:
            path = Path(self.session.autosave(folder))
        except SaveError as e:
            self.status = self.tr("status.autosave_failed", error=str(e))
            return None
        prune_autosaves(folder, self.settings.autosave_games, current=path)  # older games' slots, never this one's
        return path

    def saves_listing(self) -> Any:
        """game.io's listing of the player's saves folder (a SaveListing), after clearing what killed saves left."""
        from game.io import list_saves
        from game.io.housekeeping import clean_temp_files

        folder = Path(self.settings.saves())
        clean_temp_files(folder)
        return list_saves(folder)

    def has_saves(self) -> bool:
        """Whether the saves folder holds any save file at all (without reading one: the title asks this)."""
        try:
            with os.scandir(self.settings.saves()) as entries:
                return any(e.name.endswith(".json") for e in entries)
        except OSError:
            return False

    def continue_latest(self) -> Transition | None:
        """Open the most recently saved game that can be read (Continue on the title after a relaunch)."""
        latest = next(iter(self.saves_listing().saves), None)
        if latest is None:
            self.status = self.tr("status.nothing_to_continue")
            return None
        return self.load_game(latest.path)

    def load_game(self, path: str | Path) -> Transition | None:
        """Open a save (through game.io's loader): the game's first screen, or None with the problem in the status line."""
        from game.io import SaveError, load_game

        try:
            loaded = load_game(path)
        except SaveError as e:
            self.status = str(e)
            return None
        return self.open_loaded(loaded)

    def open_loaded(self, loaded: Any) -> Transition:
        """A game.io LoadedGame in play: its first screen, what the player should be told in the status line."""
        from game.ui.session import Session

        session = Session(loaded.record)
        told = [self.tr("status.loaded_own_content")] if loaded.own_content else []
        if loaded.rules_changed:
            told.append(self.tr("status.loaded_other_rules"))
        self.status = " ".join([*told, *(f"({note})" for note in [*loaded.upgrade_notes, *session.notes])])
        return self.start_session(session, saved=True)
