"""A new game: scenario, mods, who plays each side, seed, what a win does, language."""

from __future__ import annotations

import random
from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Pop, Screen, Transition
from game.ui.screens.catalogue import installed, load_scenario, package_text
from game.ui.screens.registry import register
from game.ui.settings import LANGUAGES

UI_LANGUAGES = LANGUAGES  # the languages the UI is completely translated into


@register
class NewGameScreen(Screen):
    """Scenario, mods, who plays each side (a person, or the computer at a named level), seed, language."""

    name = "newgame"

    def __init__(self, app: Any, hotseat: bool) -> None:
        super().__init__(app)
        self.hotseat = hotseat
        self.packages = installed(app)
        self.scenarios = [p for p, pkg in self.packages.items() if not pkg.is_mod]
        self.mods_all = [p for p, pkg in self.packages.items() if pkg.is_mod]
        first = app.launch_scenario()
        if first not in self.scenarios:
            self.scenarios.insert(0, first)
        self.scenario = first
        self.mods = [m for m in app.settings.mods if m in self.mods_all]
        self.mod_first = 0  # the first row of mods shown, when there are more than fit
        self.controllers: dict[str, str] = {}
        self.seed_w: Any = None
        self.seed_text = str(app.launch.get("seed") or "") if hasattr(app, "launch") else ""
        self.play_on = False  # after a win, play on to the end date (see Setup.play_on)
        self.victory = app.launch.get("victory") or "" if hasattr(app, "launch") else ""  # a victory mode; "": default
        self.load_current()

    @property
    def CONTROLLERS(self) -> tuple[str, ...]:
        return ("human", *(f"ai:{lv}" for lv in ai_levels()))

    def load_current(self) -> None:
        self.sc, self.error = load_scenario(self.app, self.scenario, self.mods)
        if self.sc is not None:
            sides = self.sc.ruleset.side_ids
            self.controllers = {s: self.controllers.get(s) or ("human" if (self.hotseat or i == 0) else "ai:normal")
                                for i, s in enumerate(sides)}

    def side_label(self, side: str) -> str:
        return self.sc.text(f"side.{side}.name", self.app.settings.language) if self.sc else side

    # -- layout: one row per setting, the same for the widgets and the labels drawn beside them ----

    @property
    def row(self) -> int:
        """The pitch of the rows: as tall as s(46), shorter when every row would not fit above Start."""
        _, h = self.app.size
        n = 1 + self.mod_rows() + 3 + (len(self.sc.ruleset.side_ids) if self.sc is not None else 2)
        return min(self.s(46), (h - self.s(96) - self.s(90)) // n)

    MOD_ROWS = 3  # rows of mods shown at once (two a row); more scroll

    def mod_rows(self) -> int:
        """Rows the mods take on the screen: all of them up to MOD_ROWS, then a scrolling window of MOD_ROWS."""
        return max(1, min(self.MOD_ROWS, -(-len(self.mods_all) // 2)))

    def mod_scroll_max(self) -> int:
        return max(0, -(-len(self.mods_all) // 2) - self.MOD_ROWS)

    def mod_area(self) -> pygame.Rect:
        """Where the mods' buttons are: the wheel scrolls them while the pointer is over it."""
        w, _ = self.app.size
        x, cx, _ = self.columns()
        return pygame.Rect(cx, self.rows()["mods"], w - cx - x, self.row * self.mod_rows())

    def scroll_mods(self, rows: int) -> Transition | None:
        first = max(0, min(self.mod_scroll_max(), self.mod_first + rows))
        if first != self.mod_first:
            self.mod_first = first
            self._keep_seed()
            self.rebuild()
        return None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEWHEEL and self.mod_scroll_max() and self.mod_area().collidepoint(pygame.mouse.get_pos()):
            return self.scroll_mods(-event.y)
        return super().handle(event)

    def rows(self) -> dict[str, int]:
        """The y of each row: scenario, mods, one per side, seed, what a win does, language, and where the
        description starts."""
        y = self.s(96)
        out = {"scenario": y}
        y += self.row
        out["mods"] = y
        y += self.row * self.mod_rows()
        for side in (self.sc.ruleset.side_ids if self.sc is not None else ()):
            out["side:" + side] = y
            y += self.row
        if self.sc is None:
            y += self.row * 2
        out["seed"] = y
        y += self.row
        out["after_win"] = y
        y += self.row
        out["language"] = y
        y += self.row
        out["desc"] = y
        return out

    def columns(self) -> tuple[int, int, int]:
        """x of the labels, x of the controls, width of the controls (the notes take the rest of the width)."""
        w, _ = self.app.size
        x = self.s(60)
        keys = ("new.scenario", "new.mods", "new.seed", "new.after_win", "new.language")
        label_w = max(draw.font(round(16 * self.app.scale)).size(self.tr(k))[0] for k in keys)
        if self.sc is not None:
            label_w = max(label_w, *(draw.font(round(16 * self.app.scale), True).size(
                self.tr("new.side", side=self.side_label(s)))[0] for s in self.sc.ruleset.side_ids))
        lw = min(self.s(240), label_w + self.s(16))
        return x, x + lw, min(self.s(460), (w - x - lw - x) * 11 // 20)

    def notes_box(self) -> pygame.Rect:
        """Beside the controls below the mods: what each choice means, the scenario's and the mods' descriptions."""
        w, h = self.app.size
        x, cx, bw = self.columns()
        rows = self.rows()
        left = cx + bw + self.s(16)
        top = rows["mods"] + self.row * self.mod_rows()
        return pygame.Rect(left, top, w - x - left, h - self.s(90) - top)

    def notes(self) -> str:
        """The notes box's text (pygame_gui's HTML): each side's player, the seed and the end, then the descriptions."""
        lang = self.app.settings.language
        parts: list[str] = []
        if self.sc is not None:
            parts += [f"<b>{draw.html(self.side_label(side))}</b>: {draw.html(self.controller_meaning(self.controllers[side]))}"
                      for side in self.sc.ruleset.side_ids]
        else:
            parts.append(f'<font color="{draw.hex_colour(draw.BAD)}">{draw.html(self.error)}</font>')
        after = " ".join(x for x in (self.mode_text("desc"), self.tr("new.after_win_hint") if self.play_on else "") if x)
        parts += [draw.html(self.tr("new.seed_hint")), draw.html(after or self.tr("new.after_win_hint"))]
        if self.sc is not None:
            desc_key = self.sc.ruleset.name.replace(".name", ".desc")
            desc = self.sc.text(desc_key, lang)
            if desc != desc_key:
                parts.append(draw.html(desc))
            parts += [f"<b>{draw.html(package_text(self.packages[m], 'name', lang))}</b>: {draw.html(package_text(self.packages[m], 'desc', lang))}"
                      for m in self.mods if m in self.packages]
        return "<br><br>".join(parts)

    def build(self) -> None:
        w, h = self.app.size
        x, cx, bw = self.columns()
        rows = self.rows()
        bh = self.row - max(4, self.row // 7)
        lang = self.app.settings.language
        scenarios = list(self.scenarios)
        self.dropdown((cx, rows["scenario"], bw, bh), [self.scenario_label(p) for p in scenarios], scenarios.index(self.scenario),
                      lambda i: self.set_scenario(scenarios[i]), self.tr("tip.new.scenario"))
        scroll = self.mod_scroll_max() > 0
        self.mod_first = min(self.mod_first, self.mod_scroll_max())
        sw = self.s(44) if scroll else 0  # a column for the scroll buttons when not every mod fits
        mw = (w - cx - x - self.s(8) - (sw + self.s(8) if scroll else 0)) // 2  # no note beside the mods: the whole width
        first = self.mod_first * 2
        for i, m in enumerate(self.mods_all[first:first + 2 * self.MOD_ROWS]):
            on = m in self.mods
            pkg = self.packages[m]
            tip = package_text(pkg, "desc", lang) or self.tr("tip.new.mod")
            self.button((cx + (i % 2) * (mw + self.s(8)), rows["mods"] + (i // 2) * self.row, mw, bh),
                        self.tr("new.mod_on" if on else "new.mod_off", name=package_text(pkg, "name", lang)),
                        lambda m=m: self.toggle_mod(m), tip, selected=on,
                        object_id=self.fitting_id(self.tr("new.mod_on" if on else "new.mod_off",
                                                          name=package_text(pkg, "name", lang)), mw,
                                                  ("#plain", "#small", "#tiny")))
        if scroll:
            sx = w - x - sw
            self.button((sx, rows["mods"], sw, bh), self.tr("new.mods_up"), lambda: self.scroll_mods(-1),
                        self.tr("tip.new.mods_up"), enabled=self.mod_first > 0, key=pygame.K_PAGEUP)
            self.button((sx, rows["mods"] + self.row * (self.MOD_ROWS - 1), sw, bh), self.tr("new.mods_down"),
                        lambda: self.scroll_mods(1), self.tr("tip.new.mods_down"), enabled=self.mod_first < self.mod_scroll_max(),
                        key=pygame.K_PAGEDOWN)
        if self.sc is not None:
            options = list(self.CONTROLLERS)
            for side in self.sc.ruleset.side_ids:
                c = self.controllers[side]
                self.dropdown((cx, rows["side:" + side], bw, bh), [self.controller_label(o) for o in options],
                              options.index(c) if c in options else 0, lambda i, s=side: self.set_controller(s, options[i]),
                              self.tr("tip.new.controller"))
        self.seed_w = self.entry((cx, rows["seed"], self.s(220), bh), self.seed_text, self.tr("tip.new.seed"), submit=self.start)
        victories = self.victory_options()
        now = (self.victory_mode(), self.play_on)
        self.dropdown((cx, rows["after_win"], bw, bh), [self.after_win_label(*v) for v in victories],
                      victories.index(now) if now in victories else 0, lambda i: self.set_victory(*victories[i]),
                      self.tr("tip.new.after_win"))
        langs = list(UI_LANGUAGES)
        self.dropdown((cx, rows["language"], bw, bh), [self.tr(f"lang.{x}") for x in langs], langs.index(lang) if lang in langs else 0,
                      lambda i: self.set_language(langs[i]), self.tr("tip.new.language"))
        box = self.notes_box()
        if box.height > self.s(40):
            self.textbox(box, self.notes())
        self.button((w - self.s(300), h - self.s(74), self.s(260), self.s(48)), self.tr("new.start"), self.start,
                    self.tr("tip.new.start"), object_id="#primary", enabled=self.sc is not None,
                    key=pygame.K_RETURN, ctrl=True)
        self.button((x, h - self.s(74), self.s(200), self.s(48)), self.tr("common.back"), lambda: Pop(), self.tr("tip.common.back"))

    def scenario_label(self, ref: str) -> str:
        """A scenario's name as its package gives it (the one loaded by its own texts); the reference if it has none."""
        lang = self.app.settings.language
        if ref == self.scenario and self.sc is not None:
            return self.sc.text(self.sc.ruleset.name, lang)
        pkg = self.packages.get(ref)
        return package_text(pkg, "name", lang) if pkg is not None else ref

    def controller_label(self, c: str) -> str:
        key = "controller." + c.replace(":", "_")
        return self.tr(key) if self.tr.has(key) else self.tr("controller.ai_other", level=c.split(":", 1)[-1])

    def controller_meaning(self, c: str) -> str:
        """What choosing this controller means: from the computer players' own one-liners when they give them."""
        if c == "human":
            humans = sum(1 for x in self.controllers.values() if x == "human")
            return self.tr("controller_meaning.human_hotseat" if humans > 1 else "controller_meaning.human")
        level = c.split(":", 1)[-1]
        key = "controller_meaning." + c.replace(":", "_")
        # The locale holds each level's line in every language (its English is game.ai's own, a test checks).
        return self.tr(key) if self.tr.has(key) else ai_level_info(level, self.app.settings.language)

    def victory_options(self) -> list[tuple[str, bool]]:
        """(victory mode, play on) the game can start with: a mode whose victories end the game early also
        comes with play-on; a mode without any plays to the end date anyway."""
        if self.sc is None:
            return [("", False)]
        rules = self.sc.ruleset
        modes = rules.victory_modes
        if not modes:
            return [("", False), ("", True)]
        return [(m.id, on) for m in modes for on in ((False, True) if m.victories else (False,))]

    def victory_mode(self) -> str:
        """The mode chosen, by its id (the scenario's default when none was)."""
        return self.victory or (self.sc.ruleset.default_mode if self.sc is not None else "")

    def mode_text(self, part: str, mode: str | None = None) -> str:
        """A mode's name or description (the chosen mode's unless `mode` is given), from the scenario's texts
        ("" when it has no modes)."""
        mode = self.victory_mode() if mode is None else mode or (self.sc.ruleset.default_mode if self.sc is not None else "")
        if not mode or self.sc is None:
            return ""
        key = f"victory_mode.{mode}.{part}"
        text = self.sc.text(key, self.app.settings.language)
        return mode if text == key and part == "name" else ("" if text == key else text)

    def after_win_label(self, mode: str, play_on: bool) -> str:
        """How a game started with this victory mode and play-on choice is won, in a few words."""
        end = self.sc.ruleset.date_label(self.sc.ruleset.settings.end) if self.sc is not None else ""
        mode = mode or (self.sc.ruleset.default_mode if self.sc is not None else "")
        name = self.mode_text("name", mode)
        ends_early = self.sc is not None and (not mode or bool(self.sc.ruleset.victories_in(mode)))
        if not ends_early:
            return self.tr("new.victory_to_end", mode=name, date=end)
        text = self.tr("new.after_win_play_on", date=end) if play_on else self.tr("new.after_win_end")
        # The phrase is written to follow "{mode}: " in lower case; alone it opens the label.
        return self.tr("new.victory_with", mode=name, after=text) if name else text[:1].upper() + text[1:]

    def set_victory(self, mode: str, play_on: bool) -> Transition | None:
        self.victory, self.play_on = mode, play_on
        self._keep_seed()
        self.rebuild()
        return None

    def _keep_seed(self) -> None:
        self.seed_text = self.seed_w.get_text() if self.seed_w else self.seed_text

    def set_scenario(self, ref: str) -> Transition | None:
        if ref == self.scenario:
            return None
        self.scenario = ref
        self.controllers = {}
        self.victory, self.play_on = "", False  # the modes are the scenario's own
        self._keep_seed()
        self.load_current()
        self.rebuild()
        return None

    def toggle_mod(self, m: str) -> Transition | None:
        if m in self.mods:
            self.mods.remove(m)
        else:
            self.mods.append(m)
        self._keep_seed()
        self.load_current()
        self.rebuild()
        return None

    def set_controller(self, side: str, controller: str) -> Transition | None:
        self.controllers[side] = controller
        self._keep_seed()
        self.rebuild()
        return None

    def set_language(self, lang: str) -> Transition | None:
        self._keep_seed()
        self.app.set_language(lang)
        self.app.save_settings()
        return None

    def start(self) -> Transition | None:
        from game.ui.session import Session

        if self.sc is None:
            return None
        text = (self.seed_w.get_text() if self.seed_w else "").strip()
        seed = int(text) if text.isdigit() else (self.app.launch.get("seed") if getattr(self.app, "launch", {}).get("seed") is not None
                                                 else random.randrange(1 << 30))
        self.app.settings.last_scenario = self.scenario
        self.app.settings.mods = list(self.mods)
        self.app.save_settings()
        victory = self.victory if self.victory in {m.id for m in self.sc.ruleset.victory_modes} else ""
        return self.app.start_session(Session.new(self.sc, dict(self.controllers), int(seed), self.play_on, victory=victory))

    def draw(self, surf: pygame.Surface) -> None:
        draw.text(surf, self.tr("new.title_hotseat" if self.hotseat else "new.title"), (self.s(60), self.s(30)),
                  round(30 * self.app.scale), draw.TEXT, True)
        x, cx, _ = self.columns()
        lw = cx - x
        fs = round(16 * self.app.scale)
        small = round(13 * self.app.scale)
        rows = self.rows()
        dy = max(0, (self.row - max(4, self.row // 7) - draw.font(fs).get_linesize()) // 2)  # beside its control
        draw.text(surf, self.tr("new.scenario"), (x, rows["scenario"] + dy), fs, draw.DIM, width=lw - self.s(10))
        draw.text(surf, self.tr("new.mods"), (x, rows["mods"] + dy), fs, draw.DIM, width=lw - self.s(10))
        if not self.mods_all:
            draw.text(surf, self.tr("new.no_mods"), (cx, rows["mods"] + dy), fs, draw.DIM)
        elif self.mod_scroll_max():  # which of them are in sight, under the label
            first = self.mod_first * 2
            shown = self.tr("new.mods_shown", a=first + 1, b=min(len(self.mods_all), first + 2 * self.MOD_ROWS),
                            n=len(self.mods_all))
            draw.text(surf, shown, (x, rows["mods"] + dy + self.s(26)), small, draw.DIM, width=lw - self.s(10))
            on = sum(1 for m in self.mods if m in self.mods_all)
            if on:
                draw.text(surf, self.tr("new.mods_on", n=on), (x, rows["mods"] + dy + self.s(46)), small, draw.GOOD,
                          width=lw - self.s(10))
        if self.sc is not None:
            for side in self.sc.ruleset.side_ids:
                y = rows["side:" + side]
                draw.text(surf, self.tr("new.side", side=self.side_label(side)), (x, y + dy), fs, draw.TEXT, True, lw - self.s(10))
        draw.text(surf, self.tr("new.seed"), (x, rows["seed"] + dy), fs, draw.DIM, width=lw - self.s(10))
        draw.text(surf, self.tr("new.after_win"), (x, rows["after_win"] + dy), fs, draw.DIM, width=lw - self.s(10))
        draw.text(surf, self.tr("new.language"), (x, rows["language"] + dy), fs, draw.DIM, width=lw - self.s(10))


def ai_levels() -> tuple[str, ...]:
    """The computer players' levels a player can pick, as game.ai names them."""
    from game.ai import LEVELS

    return tuple(LEVELS)


def ai_level_info(level: str, lang: str) -> str:
    """game.ai's one-line description of a level (in English: game.ai has no other language yet)."""
    from game.ai import LEVEL_INFO

    return LEVEL_INFO.get(level, "")

