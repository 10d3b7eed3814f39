"""Installed scenarios and mods: switch mods on for new games, check the set before playing."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Pop, Screen, Transition
from game.ui.screens.catalogue import installed, load_scenario, package_text
from game.ui.screens.registry import register


@register
class PackagesScreen(Screen):
    """Installed scenarios and mods; mods can be switched on for new games and checked before playing."""

    name = "packages"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.packages = installed(app)
        self.check = ""
        self.page = 0

    def per_page(self) -> int:
        """Packages that fit between the heading and the buttons (and the check's result) at this size."""
        _, h = self.app.size
        return max(1, (h - self.s(110) - self.s(160)) // self.row())

    def row(self) -> int:
        """A package's row: its name on the whole width, then what it is beside a mod's switch."""
        return self.name_h() + self.s(34) + self.s(10)

    def name_h(self) -> int:
        return draw.font(round(16 * self.app.scale), True).get_linesize()

    def list_width(self) -> int:
        """The list's width; the descriptions of the packages in sight fill a text box beside it."""
        w, _ = self.app.size
        return (w - self.s(120)) * 9 // 20

    def shown(self) -> list[tuple[str, Any]]:
        per = self.per_page()
        pages = max(1, -(-len(self.packages) // per))
        self.page = max(0, min(self.page, pages - 1))
        return list(self.packages.items())[self.page * per:(self.page + 1) * per]

    def turn_page(self, step: int) -> Transition | None:
        self.page += step
        self.rebuild()
        return None

    def build(self) -> None:
        w, h = self.app.size
        y = self.s(110)
        shown = self.shown()
        bh = self.s(44)
        back_w, check_w, page_w = self.s(200), self.s(300), self.s(140)
        if len(shown) < len(self.packages):  # more than fit: a page at a time, at the right of the title
            per = self.per_page()
            pages = -(-len(self.packages) // per)
            x = w - self.s(60) - 2 * page_w - self.s(10)
            self.button((x, self.s(24), page_w, bh), self.tr("list.prev"), lambda: self.turn_page(-1),
                        self.tr("tip.list.prev"), enabled=self.page > 0, key=pygame.K_PAGEUP)
            self.button((x + page_w + self.s(10), self.s(24), page_w, bh), self.tr("list.next"), lambda: self.turn_page(1),
                        self.tr("tip.list.next"), enabled=self.page < pages - 1, key=pygame.K_PAGEDOWN)
        toggle_w = self.s(130)
        lang = self.app.settings.language
        for pid, pkg in shown:
            if pkg.is_mod:
                on = pid in self.app.settings.mods
                self.button((self.s(60) + self.list_width() - toggle_w, y + self.name_h(), toggle_w, self.s(32)),
                            self.tr("packages.on" if on else "packages.off"), lambda p=pid: self.toggle(p),
                            self.tr("tip.packages.toggle"), selected=on)
            y += self.row()
        box_x = self.s(60) + self.list_width() + self.s(20)
        box = pygame.Rect(box_x, self.s(110), w - self.s(60) - box_x, h - self.s(110) - self.s(160))
        self.textbox(box, "<br><br>".join(
            f"<b>{draw.html(package_text(pkg, 'name', lang))}</b><br>{draw.html(package_text(pkg, 'desc', lang))}" for _, pkg in shown))
        self.button((self.s(60), h - self.s(70), back_w, bh), self.tr("common.back"), lambda: Pop(),
                    self.tr("tip.common.back"))
        self.button((self.s(60) + back_w + self.s(20), h - self.s(70), check_w, bh), self.tr("packages.check"), self.validate,
                    self.tr("tip.packages.check"))

    def toggle(self, pid: str) -> Transition | None:
        mods = self.app.settings.mods
        if pid in mods:
            mods.remove(pid)
        else:
            mods.append(pid)
        self.app.save_settings()
        self.rebuild()
        return None

    def validate(self) -> Transition | None:
        sc, err = load_scenario(self.app, self.app.launch_scenario(), list(self.app.settings.mods))
        self.check = self.tr("packages.ok") if sc is not None else err
        return None

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        draw.text(surf, self.tr("packages.title"), (self.s(60), self.s(30)), round(30 * self.app.scale), draw.TEXT, True)
        draw.text(surf, self.tr("packages.hint"), (self.s(60), self.s(72)), round(14 * self.app.scale), draw.DIM, width=w - self.s(120))
        y = self.s(110)
        fs = round(16 * self.app.scale)
        small = round(13 * self.app.scale)
        lang = self.app.settings.language
        room = self.list_width() - self.s(140)  # the switch of a mod is at the right of its second line
        for pid, pkg in self.shown():
            kind = self.tr("packages.scenario" if not pkg.is_mod else "packages.mod")
            draw.text(surf, package_text(pkg, "name", lang), (self.s(60), y), fs, draw.TEXT, True, self.list_width())
            draw.text(surf, f"{kind} · {pid} {pkg.manifest.version}", (self.s(60), y + self.name_h() + self.s(6)),
                      small, draw.DIM, width=room)
            y += self.row()
        if not self.packages:
            draw.text(surf, self.tr("packages.none"), (self.s(60), y), fs, draw.DIM)
        if self.check:
            draw.paragraph(surf, self.check, pygame.Rect(self.s(60), h - self.s(150), w - self.s(120), self.s(70)), small,
                           draw.GOOD if self.check == self.tr("packages.ok") else draw.BAD)

