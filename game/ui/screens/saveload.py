"""Save and load from anywhere: a list of saves with side, date and turn, newest first."""

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
        self.infos = self.listed()

    def listed(self) -> list[SaveInfo]:
        """The saves in the player's saves folder, newest first; the files game.io cannot read are kept aside."""
        from game.io import list_saves

        folder = Path(self.app.settings.saves())
        listing = list_saves(folder) if folder.is_dir() else None
        self.unreadable = listing.unreadable if listing else []
        return listing.saves if listing else []

    def names(self, info: SaveInfo) -> tuple[str, str]:
        """The save's scenario and side(s) as the player knows them, not as ids (ids if the scenario is not installed)."""
        from game.ui.screens.title import _package_strings, installed, package_text

        lang = self.app.settings.language
        cache = self.__dict__.setdefault("_packages", None)
        if cache is None:
            cache = self._packages = installed(self.app)
        pkg = cache.get(info.scenario)
        if pkg is None:
            return info.scenario, ", ".join(info.sides)
        table, english = _package_strings(pkg, lang), _package_strings(pkg, "en")
        named = [table.get(f"side.{x}.name") or english.get(f"side.{x}.name") or x for x in info.sides]
        return package_text(pkg, "name", lang), ", ".join(named)

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
            self.entry_w = self.entry((x, y, self.s(420), self.s(38)), self.default_name(), self.tr("tip.saves.name"),
                                      submit=self.save_named)
            self.button((x + self.s(430), y, self.s(160), self.s(38)), self.tr("saves.save"), self.save_named,
                        self.tr("tip.saves.save"), object_id="#primary")
            # the name box has the keyboard from the start: type a name, press Enter
            self.focus_text(self.entry_w)
            y += self.s(56)
        rh = self.s(44)
        per = max(1, (h - y - self.s(140)) // rh)
        pages = max(1, -(-len(self.infos) // per))
        self.page = max(0, min(self.page, pages - 1))
        for i, info in enumerate(self.infos[self.page * per:(self.page + 1) * per]):
            label = self.tr("saves.load") if self.mode == "load" else self.tr("saves.overwrite")
            self.button((w - self.s(220), y + i * rh + self.s(40), self.s(180), rh - self.s(6)), label,
                        lambda info=info: self.pick(info), self.tr(f"tip.saves.{self.mode}_one", name=info.name))
        if pages > 1:
            self.button((x, h - self.s(70), self.s(120), self.s(40)), self.tr("list.prev"), lambda: self.turn(-1),
                        self.tr("tip.list.prev"), enabled=self.page > 0)
            self.button((x + self.s(130), h - self.s(70), self.s(120), self.s(40)), self.tr("list.next"), lambda: self.turn(1),
                        self.tr("tip.list.next"), enabled=self.page < pages - 1)
        self.button((w - self.s(220), h - self.s(70), self.s(180), self.s(40)), self.tr("common.back"), lambda: Pop(),
                    self.tr("tip.common.back"))
        self.per = per
        self.y0 = y

    def turn(self, step: int) -> Transition | None:
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
        self.app.status = self.tr("status.saved", name=path.stem)
        return Pop()

    def pick(self, info: SaveInfo) -> Transition | None:
        from game.ui.screens.overlays import ConfirmScreen

        if self.mode == "save":
            return Push(ConfirmScreen(self.app, self.tr("confirm.overwrite", name=info.name), lambda: self.save_to(info.path)))
        if self.app.unsaved():
            return Push(ConfirmScreen(self.app, self.tr("confirm.load"), lambda: self.load(info.path)))
        return self.load(info.path)

    def load(self, path: Any) -> Transition | None:
        t = self.app.load_game(path)
        if t is None:
            self.rebuild()
        return t

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        draw.text(surf, self.tr("saves.title_" + self.mode), (self.s(40), self.s(24)), round(28 * self.app.scale), draw.TEXT, True)
        draw.text(surf, self.tr("saves.folder", path=str(self.app.settings.saves())), (self.s(40), self.s(62)),
                  round(13 * self.app.scale), draw.DIM, width=w - self.s(80))
        fs = round(15 * self.app.scale)
        small = round(13 * self.app.scale)
        y = getattr(self, "y0", self.s(90))
        cols = [self.s(40), int(w * 0.21), int(w * 0.43), int(w * 0.6), int(w * 0.73)]
        for x, key in zip(cols, ("saves.name", "saves.scenario", "saves.side", "saves.date", "saves.when"), strict=True):
            draw.text(surf, self.tr(key), (x, y + self.s(10)), small, draw.ACCENT, True)
        rh = self.s(44)
        per = getattr(self, "per", 10)
        items = self.infos[self.page * per:(self.page + 1) * per]
        if not items:
            draw.text(surf, self.tr("saves.none"), (self.s(40), y + self.s(50)), fs, draw.DIM)
        for i, info in enumerate(items):
            yy = y + self.s(40) + i * rh + self.s(8)
            draw.text(surf, info.name, (cols[0], yy), fs, draw.TEXT, True, cols[1] - cols[0] - self.s(8))
            scenario, sides = self.names(info)
            draw.text(surf, scenario, (cols[1], yy), fs, draw.TEXT, width=cols[2] - cols[1] - self.s(8))
            draw.text(surf, sides, (cols[2], yy), fs, draw.TEXT, width=cols[3] - cols[2] - self.s(8))
            date = self.tr("saves.date_over", date=info.date) if info.over else info.date
            draw.text(surf, date, (cols[3], yy), fs, draw.TEXT, width=cols[4] - cols[3] - self.s(8))
            when = saved_when(info)
            draw.text(surf, when, (cols[4], yy), small, draw.DIM, width=w - self.s(240) - cols[4])
        if self.unreadable:  # named, one line, so that no file in the folder goes missing without a word
            first = self.unreadable[0]
            problem = f"{Path(first.path).name}: {first.problem}"
            draw.text(surf, self.tr("saves.unreadable", n=len(self.unreadable), problem=problem),
                      (self.s(40), h - self.s(135)), small, draw.DIM, width=w - self.s(80))
        if self.app.status:
            draw.text(surf, self.app.status, (self.s(40), h - self.s(110)), fs, draw.WARN, width=w - self.s(80))


def saved_when(info: SaveInfo) -> str:
    """When the save was written, in the player's local time."""
    try:
        moment = datetime.fromisoformat(info.saved_at)
    except ValueError:
        return info.saved_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
