"""Save and load from anywhere: a list of saves (sides and levels, date and turn, mods, when), newest first.

A file that cannot be read is a row of its own with the reason, and with its newest good backup to
load when there is one. The list is game.io's (game.io.listing): this screen only words it.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.ui import draw
from game.ui.screens.base import Pop, Push, Screen, Transition
from game.ui.screens.registry import register

if TYPE_CHECKING:  # game.io is imported when the list is first read, not when the window opens
    from game.io import SaveError, SaveInfo


@register
class SaveLoadScreen(Screen):
    overlay = False
    name = "saveload"

    def __init__(self, app: Any, mode: str) -> None:
        super().__init__(app)
        self.mode = mode  # "save" or "load"
        self.page = 0
        self.entry_w: Any = None
        self.unreadable: list[SaveError] = []
        self.backups: dict[str, SaveInfo] = {}
        self.failed: dict[str, SaveError] = {}  # saves listed as good that failed to load, by path
        self._packages: dict[str, Any] | None = None  # the installed packages by id, read when first asked
        if self.app.status and self.app.status == self.app.status_ok:
            # A done-notice ("Saved as ...", "Sound off") was read where it happened: here it would read as news.
            self.app.status = self.app.status_ok = ""
        self.infos = self.listed()

    def listed(self) -> list[SaveInfo]:
        """The saves in the player's saves folder, newest first; the files game.io cannot read are kept aside,
        each with its newest good backup if it has one."""
        from game.io.listing import newest_backup

        listing = self.app.saves_listing()
        failed = [info for info in listing.saves if str(info.path) in self.failed]
        self.unreadable = [*listing.unreadable, *(self.failed[str(info.path)] for info in failed)]
        self.backups = dict(listing.backups)
        for info in failed:
            backup = newest_backup(info.path)
            if backup is not None:
                self.backups[str(info.path)] = backup
        return [info for info in listing.saves if str(info.path) not in self.failed]

    @property
    def rows(self) -> list[SaveInfo | SaveError]:
        """The lines of the list: every save, then every file that could not be read."""
        return [*self.infos, *self.unreadable]

    def package(self, scenario: str) -> Any:
        """The installed package of a save's scenario (None if it is not installed), the list read once."""
        from game.ui.screens.catalogue import installed

        if self._packages is None:
            self._packages = installed(self.app)
        return self._packages.get(scenario)

    def names(self, info: SaveInfo) -> tuple[str, str]:
        """The save's scenario and side(s) as the player knows them, not as ids (ids if the scenario is not installed)."""
        from game.ui.screens.catalogue import package_text

        pkg = self.package(info.scenario)
        if pkg is None:
            return info.scenario, ", ".join(info.sides)
        lang = self.app.settings.language
        return package_text(pkg, "name", lang), ", ".join(pkg.side_name(x, lang) for x in info.sides)

    def seats(self, info: SaveInfo) -> str:
        """Who plays: the people's sides, then the computers' with their levels (`USA vs USSR (hard)`)."""
        people = [self.side_named(info, s) for s, who in info.seats if who == "human"]

        def level(lv: str) -> str:
            return self.tr(f"ai.level.{lv}") if self.tr.has(f"ai.level.{lv}") else lv

        computers = [
            self.tr("saves.level", side=self.side_named(info, s), level=level(lv)) for s, lv in info.levels.items()
        ]
        if people and computers:
            return self.tr("saves.vs", people=", ".join(people), computers=", ".join(computers))
        return ", ".join(people or computers) or ", ".join(info.sides)

    def side_named(self, info: SaveInfo, side: str) -> str:
        """A side of the save's scenario by its name in the player's language (its id if not installed)."""
        pkg = self.package(info.scenario)
        return side if pkg is None else pkg.side_name(side, self.app.settings.language)

    def status(self, info: SaveInfo) -> str:
        """Whether the game plays on and who won, short: `in play`, `USSR won`, `drawn`, `USA won · plays on`.
        Empty for a save in the window's former format (its words do not say)."""
        if not info.turn:
            return ""
        if info.winner is None:
            return self.tr("saves.drawn" if info.over else "saves.in_play")
        winner = self.side_named(info, info.winner)
        return self.tr("saves.won" if info.over else "saves.won_plays_on", side=winner)

    def label(self, info: SaveInfo) -> str:
        """The save's name; an autosave is called one (its file is named by the game's id)."""
        return self.tr("saves.autosave") if info.autosave else info.name

    def default_name(self) -> str:
        s = self.app.session
        if s is None:
            return "game"
        return f"{s.rules.id}-{s.rules.date_label(s.turn)}".replace(" ", "_")

    def build(self) -> None:
        w, h = self.app.size
        self.infos = self.listed()
        x = self.s(40)
        y = self.s(90)
        if self.mode == "save":
            self.entry_w = self.entry(
                (x, y, self.s(420), self.s(38)), self.default_name(), self.tr("tip.saves.name"), submit=self.save_named
            )
            self.button(
                (x + self.s(430), y, self.s(160), self.s(38)),
                self.tr("saves.save"),
                self.save_named,
                self.tr("tip.saves.save"),
                object_id="#primary",
            )
            # the name box has the keyboard from the start: type a name, press Enter
            self.focus_text(self.entry_w)
            y += self.s(56)
        rh = self.row_height()
        per = max(1, (h - y - self.s(140)) // rh)
        pages = max(1, -(-len(self.rows) // per))
        self.page = max(0, min(self.page, pages - 1))
        for i, row in enumerate(self.rows[self.page * per : (self.page + 1) * per]):
            rect = (w - self.s(220), y + i * rh + self.s(8), self.s(180), min(self.s(44), rh - self.s(6)))
            if unreadable(row):
                backup = self.backups.get(row.path)
                if backup is not None and self.mode == "load":
                    self.button(
                        rect,
                        self.tr("saves.load_backup"),
                        lambda b=backup: self.pick(b),
                        self.tr("tip.saves.load_backup", name=backup.path.name),
                    )
                continue
            label = self.tr("saves.load") if self.mode == "load" else self.tr("saves.overwrite")
            self.button(
                rect, label, lambda info=row: self.pick(info), self.tr(f"tip.saves.{self.mode}_one", name=row.name)
            )
        if pages > 1:
            self.button(
                (x, h - self.s(70), self.s(120), self.s(40)),
                self.tr("list.prev"),
                lambda: self.flip(-1),
                self.tr("tip.list.prev"),
                enabled=self.page > 0,
            )
            self.button(
                (x + self.s(130), h - self.s(70), self.s(120), self.s(40)),
                self.tr("list.next"),
                lambda: self.flip(1),
                self.tr("tip.list.next"),
                enabled=self.page < pages - 1,
            )
        self.button(
            (w - self.s(220), h - self.s(70), self.s(180), self.s(40)),
            self.tr("common.back"),
            lambda: Pop(),
            self.tr("tip.common.back"),
        )
        self.per = per
        self.y0 = y

    def flip(self, step: int) -> Transition | None:
        self.page += step
        self.rebuild()
        return None

    def save_named(self) -> Transition | None:
        name = (self.entry_w.get_text() if self.entry_w else "") or self.default_name()
        name = re.sub(r"[^\w\-. ]", "_", name).strip() or "game"
        return self.save_to(self.app.settings.saves() / f"{name}.json")

    def save_to(self, path: Any) -> Transition | None:
        from game.io import SaveError

        try:
            self.app.session.save(path)
        except SaveError as e:
            self.app.status = str(e)
            self.rebuild()
            return None
        self.app.saved_len = len(self.app.session.log)
        self.app.status = self.app.status_ok = self.tr("status.saved", name=path.stem)
        return Pop()

    def pick(self, info: SaveInfo) -> Transition | None:
        from game.ui.screens.overlays import ConfirmScreen

        if self.mode == "save":
            return Push(
                ConfirmScreen(self.app, self.tr("confirm.overwrite", name=info.name), lambda: self.save_to(info.path))
            )
        if self.app.unsaved():
            return Push(ConfirmScreen(self.app, self.tr("confirm.load"), lambda: self.load(info.path)))
        return self.load(info.path)

    def load(self, path: Any) -> Transition | None:
        """Open the save; if it fails (damage the list cannot see, such as in its log), it becomes a row of the
        files that cannot be read, with its newest good backup when it has one."""
        from game.io import SaveError, load_game

        try:
            loaded = load_game(path)
        except SaveError as e:
            self.app.status = str(e)
            self.failed[str(path)] = e
            self.rebuild()
            return None
        return self.app.open_loaded(loaded)

    Cell = tuple[str, tuple[int, int, int], bool, int]  # text, colour, bold, font size

    def cells(self, info: SaveInfo) -> list[Cell]:
        """What one save's line says, in reading order: name, scenario, who plays, date, mods, when it was saved."""
        fs = round(15 * self.app.scale)
        small = round(13 * self.app.scale)
        scenario, _ = self.names(info)
        date = info.date
        if info.over and info.turns_in_game and info.turn_of_game > info.turns_in_game:
            # played to its last turn: the state's date is the quarter after it ("1976-Q1 · turn 83 of 82")
            date = self.tr("saves.over_at_end")
        else:
            if info.turn_of_game:
                date = self.tr("saves.date_turn", date=date, turn=info.turn_of_game, turns=info.turns_in_game)
            if info.over:
                date = self.tr("saves.date_over", date=date)
        out: list[SaveLoadScreen.Cell] = [
            (self.label(info), draw.TEXT, True, fs),
            (scenario, draw.TEXT, False, fs),
            (self.seats(info), draw.TEXT, False, small),
            (date, draw.TEXT, False, small),
        ]
        status = self.status(info)
        if status:
            out.insert(3, (status, draw.ACCENT if info.winner else draw.TEXT, True, small))
        if info.mods:
            out.append((f"{self.tr('saves.mods')}: {', '.join(info.mods)}", draw.DIM, False, small))
        out.append((f"{self.tr('saves.when')} {saved_when(info)}", draw.DIM, False, small))
        return out

    def flow(self, cells: list[Cell], width: int) -> list[list[tuple[int, Cell]]]:
        """The cells set out left to right, a new line where the next one does not fit: (x offset, cell) by line.
        No column is a fixed share of the window, so a long name or date is moved down, never cut."""
        lines: list[list[tuple[int, SaveLoadScreen.Cell]]] = [[]]
        x = 0
        for cell in cells:
            text, _, bold, size = cell
            tw = draw.font(size, bold).size(draw.clean(text))[0]
            if lines[-1] and x + tw > width:
                lines.append([])
                x = 0
            lines[-1].append((x, cell))
            x += tw + self.s(18)
        return lines

    def text_width(self) -> int:
        w, _ = self.app.size
        return w - self.s(240) - self.s(40)

    def row_height(self) -> int:
        """One height for every row: the most lines any save's text takes at this width, and some air."""
        lh = draw.font(round(15 * self.app.scale), True).get_linesize()
        lines = max((len(self.flow(self.cells(r), self.text_width())) for r in self.infos), default=1)
        return max(self.s(44), lines * lh + self.s(10))

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        draw.text(
            surf,
            self.tr("saves.title_" + self.mode),
            (self.s(40), self.s(24)),
            round(28 * self.app.scale),
            draw.TEXT,
            True,
        )
        draw.text(
            surf,
            self.tr("saves.folder", path=str(self.app.settings.saves())),
            (self.s(40), self.s(62)),
            round(13 * self.app.scale),
            draw.DIM,
            width=w - self.s(80),
        )
        fs = round(15 * self.app.scale)
        small = round(13 * self.app.scale)
        y = getattr(self, "y0", self.s(90))
        rh = self.row_height()
        lh = draw.font(fs, True).get_linesize()
        per = getattr(self, "per", 10)
        items = self.rows[self.page * per : (self.page + 1) * per]
        if not items:
            draw.text(surf, self.tr("saves.none"), (self.s(40), y + self.s(10)), fs, draw.DIM)
        x0 = self.s(40)
        width = self.text_width()
        for i, row in enumerate(items):
            yy = y + i * rh + self.s(8)
            if i:
                pygame.draw.line(surf, draw.PANEL_EDGE, (x0, yy - self.s(5)), (x0 + width, yy - self.s(5)))
            if unreadable(row):  # a file that could not be read: its name and why
                name = Path(row.path).name
                draw.text(surf, name, (x0, yy), fs, draw.BAD, True, width)
                backup = self.backups.get(row.path)
                why = self.tr("saves.damaged_backup", problem=row.problem) if backup else row.problem
                draw.text(surf, why, (x0, yy + lh), small, draw.DIM, width=width)
                continue
            for n, line in enumerate(self.flow(self.cells(row), width)):
                for dx, (text, colour, bold, size) in line:
                    draw.text(
                        surf,
                        text,
                        (x0 + dx, yy + n * lh + (lh - draw.font(size, bold).get_linesize())),
                        size,
                        colour,
                        bold,
                        width - dx,
                    )
        if self.app.status:
            draw.text(surf, self.app.status, (self.s(40), h - self.s(110)), fs, draw.WARN, width=w - self.s(80))


def saved_when(info: SaveInfo) -> str:
    """When the save was written, in the player's local time."""
    try:
        moment = datetime.fromisoformat(info.saved_at)
    except ValueError:
        return info.saved_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def unreadable(row: object) -> bool:
    """Whether a line of the list is a file that could not be read (game.io is loaded by the time a list is shown)."""
    from game.io import SaveError

    return isinstance(row, SaveError)
