"""The title and main menu, new game, scenarios and mods, and settings."""

from __future__ import annotations

import math
import random
import time
from typing import Any

import pygame

from game.ui import draw
from game.ui.screens.base import Pop, Push, Screen, Transition
from game.ui.screens.registry import new_screen, register
from game.ui.settings import AUTOSAVE_GAMES, LANGUAGES, SCALES, SIZES

UI_LANGUAGES = LANGUAGES  # the languages the UI is completely translated into


def load_scenario(app: Any, ref: str, mods: list[str]) -> tuple[Any, str]:
    """(Scenario, '') or (None, the first problem as one line)."""
    from game.content.findings import ContentError
    from game.content.load import load_scenario as load

    key = (ref, tuple(mods))
    cache = app.__dict__.setdefault("scenario_cache", {})
    if key in cache:
        return cache[key], ""
    try:
        sc = load(ref, mods)
    except ContentError as e:
        errors = [f.format() for f in e.findings if f.severity == "error"] or [str(e)]
        return None, errors[0] + (f" (+{len(errors) - 1})" if len(errors) > 1 else "")
    except Exception as e:
        return None, f"{ref}: {e}"
    cache[key] = sc
    return sc, ""


def package_text(pkg: Any, what: str, lang: str) -> str:
    """A package's display name (`what`="name") or description ("desc") in `lang`.

    The manifest may give a plain text or a map of languages; left out, the package's own strings
    hold it under scenario.<id>.name / mod.<id>.name (and .desc). The id is the last resort for a name.
    """
    value = getattr(pkg.manifest, "name" if what == "name" else "description", None)
    if isinstance(value, dict) and value:
        return str(value.get(lang) or value.get("en") or next(iter(value.values())))
    if isinstance(value, str) and value:
        return value
    key = f"{'mod' if pkg.is_mod else 'scenario'}.{pkg.id}.{what}"
    for code in (lang, "en"):
        text = _package_strings(pkg, code).get(key)
        if text:
            return text
    return pkg.id if what == "name" else ""


_STRINGS: dict[tuple[str, str], dict[str, str]] = {}


def _package_strings(pkg: Any, lang: str) -> dict[str, str]:
    path = getattr(pkg, "string_files", {}).get(lang)
    key = (str(path), lang)
    if key not in _STRINGS:
        table: dict[str, str] = {}
        if path is not None:
            try:
                import yaml

                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    table = {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int))}
            except (OSError, ValueError, yaml.YAMLError):
                pass
        _STRINGS[key] = table
    return _STRINGS[key]


def installed(app: Any) -> dict[str, Any]:
    from game.content.packages import discover

    try:
        packages, _ = discover()
    except Exception:
        packages = {}
    return packages


@register
class TitleScreen(Screen):
    name = "title"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.t0 = time.monotonic()
        self.beeped = False
        rng = random.Random(1957)
        self.stars = [(rng.random(), rng.random(), rng.random()) for _ in range(160)]

    def build(self) -> None:
        w, h = self.app.size
        bw, bh = self.s(340), self.s(44)
        x = w // 2 - bw // 2
        items: list[tuple[str, Any, int | None]] = []
        session = self.app.session
        if session is not None and not session.over():
            items.append(("menu.continue", self.resume, pygame.K_c))
        elif session is None and self.app.has_saves():  # after a relaunch: the most recently saved game
            items.append(("menu.continue_saved", self.continue_saved, pygame.K_c))
        if self.app.can_save():  # the menu of a game in progress: save it here, not only with Ctrl+S
            items.append(("menu.save", self.open_save, pygame.K_v))
        items += [
            ("menu.new", lambda: Push(NewGameScreen(self.app, hotseat=False)), pygame.K_n),
            ("menu.hotseat", lambda: Push(NewGameScreen(self.app, hotseat=True)), pygame.K_h),
            ("menu.load", self.open_load, pygame.K_l),
            ("menu.demo", lambda: self.start_demo(self.app.launch_scenario(), self.app.settings.mods, None), pygame.K_w),
            ("menu.packages", lambda: Push(PackagesScreen(self.app)), pygame.K_o),
            ("menu.settings", lambda: Push(SettingsScreen(self.app)), pygame.K_s),
            ("menu.help", self.open_help, None),
            ("menu.quit", lambda: self.app.request_quit(), pygame.K_q),
        ]
        y = int(h * 0.36)
        gap = min(bh + self.s(8), (h - y - self.s(30)) // len(items))
        for key, action, k in items:
            self.button((x, y, bw, min(bh, gap - self.s(6))), self.tr(key), action, self.tr("tip." + key), key=k, object_id="#menu")
            y += gap
        self.focus = 0
        self.button((w - self.s(150), h - self.s(50), self.s(130), self.s(36)),
                    self.tr("menu.unmute") if self.app.settings.muted else self.tr("menu.mute"), self.mute,
                    self.tr("tip.menu.mute"), focus=True)

    def mute(self) -> Transition | None:
        self.app.toggle_mute()
        self.rebuild()
        return None

    def open_help(self) -> Transition | None:
        return Push(new_screen("help", self.app))

    def open_load(self) -> Transition | None:
        return Push(new_screen("saveload", self.app, "load"))

    def open_save(self) -> Transition | None:
        return Push(new_screen("saveload", self.app, "save"))

    def continue_saved(self) -> Transition | None:
        t = self.app.continue_latest()
        if t is None:
            self.rebuild()
        return t

    def resume(self) -> Transition | None:
        return self.app.start_session(self.app.session, saved=not self.app.unsaved())

    def back(self) -> Transition | None:
        return self.app.request_quit()

    def load_path(self, path: str) -> Transition | None:
        return self.app.load_game(path)

    def start_demo(self, scenario: str, mods: list[str], seed: int | None) -> Transition | None:
        from game.ui.session import Session

        sc, err = load_scenario(self.app, scenario, list(mods))
        if sc is None:
            self.app.status = err
            self.rebuild()
            return None
        controllers = {s: "ai:normal" for s in sc.ruleset.side_ids}
        victory = self.app.launch.get("victory") or ""
        return self.app.start_session(Session.new(sc, controllers, seed if seed is not None else random.randrange(1 << 30),
                                                  victory=victory))

    @property
    def animating(self) -> bool:
        return time.monotonic() - self.t0 < 6.0  # Sputnik crosses the sky once, then the screen rests

    def update(self, dt: float) -> Transition | None:
        if not self.beeped and time.monotonic() - self.t0 > 0.3:
            self.beeped = True
            self.app.play("beep")
        return None

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        for sx, sy, b in self.stars:
            c = int(120 + 120 * b)
            surf.set_at((int(sx * w), int(sy * h)), (c, c, c))
        # Sputnik: a sphere with four antennae crossing the sky
        k = min(1.0, (time.monotonic() - self.t0) / 6.0)
        cx = int(w * (0.1 + 0.8 * k))
        cy = int(h * (0.24 - 0.21 * math.sin(k * math.pi)))
        for a in (2.5, 2.8, 3.5, 3.8):
            pygame.draw.line(surf, (200, 200, 210), (cx, cy), (cx + int(40 * math.cos(a)), cy + int(40 * math.sin(a) * 0.4 + 14)), 1)
        pygame.draw.circle(surf, (215, 215, 225), (cx, cy), self.s(9))
        big = round(64 * self.app.scale)
        draw.text(surf, self.tr("title.name"), (w // 2, int(h * 0.08)), big, (240, 240, 250), True, align="center")
        draw.text(surf, self.tr("title.tagline"), (w // 2, int(h * 0.08) + draw.font(big, True).get_linesize()),
                  round(18 * self.app.scale), draw.DIM, align="center")
        if self.app.status:
            draw.text(surf, self.app.status, (w // 2, h - self.s(36)), round(14 * self.app.scale), draw.BAD,
                      width=w - self.s(340), align="center")
        draw.text(surf, self.tr("title.keys"), (self.s(16), h - self.s(30)), round(13 * self.app.scale), draw.DIM)


# ------------------------------------------------------------------------------------------------


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
        return self.s(46)

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
        """x of the labels, x of the controls, width of the controls."""
        w, _ = self.app.size
        x = self.s(60)
        lw = self.s(240)
        return x, x + lw, min(self.s(560), w - x - lw - self.s(520))

    def build(self) -> None:
        w, h = self.app.size
        x, cx, bw = self.columns()
        rows = self.rows()
        bh = self.row - self.s(8)
        lang = self.app.settings.language
        self.button((cx, rows["scenario"], bw, bh), self.scenario_label(), self.next_scenario, self.tr("tip.new.scenario"))
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
                        lambda m=m: self.toggle_mod(m), tip, selected=on)
        if scroll:
            sx = w - x - sw
            self.button((sx, rows["mods"], sw, bh), self.tr("new.mods_up"), lambda: self.scroll_mods(-1),
                        self.tr("tip.new.mods_up"), enabled=self.mod_first > 0, key=pygame.K_PAGEUP)
            self.button((sx, rows["mods"] + self.row * (self.MOD_ROWS - 1), sw, bh), self.tr("new.mods_down"),
                        lambda: self.scroll_mods(1), self.tr("tip.new.mods_down"), enabled=self.mod_first < self.mod_scroll_max(),
                        key=pygame.K_PAGEDOWN)
        if self.sc is not None:
            for side in self.sc.ruleset.side_ids:
                c = self.controllers[side]
                self.button((cx, rows["side:" + side], bw, bh), self.controller_label(c), lambda s=side: self.next_controller(s),
                            self.tr("tip.new.controller"))
        self.seed_w = self.entry((cx, rows["seed"], self.s(220), bh), self.seed_text, self.tr("tip.new.seed"), submit=self.start)
        self.button((cx, rows["after_win"], bw, bh), self.after_win_label(), self.next_victory, self.tr("tip.new.after_win"),
                    selected=self.play_on)
        self.button((cx, rows["language"], bw, bh), self.tr(f"lang.{lang}"), self.next_language, self.tr("tip.new.language"))
        self.button((w - self.s(300), h - self.s(74), self.s(260), self.s(48)), self.tr("new.start"), self.start,
                    self.tr("tip.new.start"), object_id="#primary", enabled=self.sc is not None,
                    key=pygame.K_RETURN, ctrl=True)
        self.button((x, h - self.s(74), self.s(200), self.s(48)), self.tr("common.back"), lambda: Pop(), self.tr("tip.common.back"))

    def scenario_label(self) -> str:
        if self.sc is not None:
            return self.sc.text(self.sc.ruleset.name, self.app.settings.language)
        return self.scenario

    def controller_label(self, c: str) -> str:
        key = "controller." + c.replace(":", "_")
        return self.tr(key) if self.tr.has(key) else self.tr("controller.ai_other", level=c.split(":", 1)[-1])

    def controller_meaning(self, c: str) -> str:
        """What choosing this controller means: from the computer players' own one-liners when they give them."""
        if c == "human":
            humans = sum(1 for x in self.controllers.values() if x == "human")
            return self.tr("controller_meaning.human_hotseat" if humans > 1 else "controller_meaning.human")
        level = c.split(":", 1)[-1]
        info = ai_level_info(level, self.app.settings.language)
        key = "controller_meaning." + c.replace(":", "_")
        if info and (self.app.settings.language == "en" or not self.tr.has(key)):
            return info
        return self.tr(key) if self.tr.has(key) else (info or "")

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

    def mode_text(self, part: str) -> str:
        """The chosen mode's name or description, from the scenario's texts ("" when it has no modes)."""
        mode = self.victory_mode()
        if not mode or self.sc is None:
            return ""
        key = f"victory_mode.{mode}.{part}"
        text = self.sc.text(key, self.app.settings.language)
        return mode if text == key and part == "name" else ("" if text == key else text)

    def after_win_label(self) -> str:
        end = self.sc.ruleset.date_label(self.sc.ruleset.settings.end) if self.sc is not None else ""
        mode, name = self.victory_mode(), self.mode_text("name")
        ends_early = self.sc is not None and (not mode or bool(self.sc.ruleset.victories_in(mode)))
        if not ends_early:
            return self.tr("new.victory_to_end", mode=name, date=end)
        text = self.tr("new.after_win_play_on", date=end) if self.play_on else self.tr("new.after_win_end")
        return self.tr("new.victory_with", mode=name, after=text) if name else text

    def next_victory(self) -> Transition | None:
        options = self.victory_options()
        now = (self.victory_mode(), self.play_on)
        i = options.index(now) if now in options else -1
        self.victory, self.play_on = options[(i + 1) % len(options)]
        self._keep_seed()
        self.rebuild()
        return None

    def _keep_seed(self) -> None:
        self.seed_text = self.seed_w.get_text() if self.seed_w else self.seed_text

    def next_scenario(self) -> Transition | None:
        i = self.scenarios.index(self.scenario) if self.scenario in self.scenarios else -1
        self.scenario = self.scenarios[(i + 1) % len(self.scenarios)]
        self.controllers = {}
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

    def next_controller(self, side: str) -> Transition | None:
        options = self.CONTROLLERS
        c = self.controllers[side]
        self.controllers[side] = options[(options.index(c) + 1) % len(options)] if c in options else options[0]
        self._keep_seed()
        self.rebuild()
        return None

    def next_language(self) -> Transition | None:
        langs = UI_LANGUAGES
        i = langs.index(self.app.settings.language) if self.app.settings.language in langs else -1
        self._keep_seed()
        self.app.set_language(langs[(i + 1) % len(langs)])
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
        w, h = self.app.size
        draw.text(surf, self.tr("new.title_hotseat" if self.hotseat else "new.title"), (self.s(60), self.s(30)),
                  round(30 * self.app.scale), draw.TEXT, True)
        x, cx, bw = self.columns()
        lw = cx - x
        fs = round(16 * self.app.scale)
        small = round(13 * self.app.scale)
        rows = self.rows()
        dy = self.s(8)
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
        mx = cx + bw + self.s(12)
        if self.sc is not None:
            for side in self.sc.ruleset.side_ids:
                y = rows["side:" + side]
                draw.text(surf, self.tr("new.side", side=self.side_label(side)), (x, y + dy), fs, draw.TEXT, True, lw - self.s(10))
                draw.paragraph(surf, self.controller_meaning(self.controllers[side]),
                               pygame.Rect(mx, y, w - mx - self.s(20), self.row - self.s(4)), small, draw.DIM, gap=0)
        else:
            draw.paragraph(surf, self.error, pygame.Rect(x, rows["seed"] - self.row * 2, w - 2 * x, self.row * 2), small, draw.BAD)
        draw.text(surf, self.tr("new.seed"), (x, rows["seed"] + dy), fs, draw.DIM, width=lw - self.s(10))
        hx = cx + self.s(232)
        draw.paragraph(surf, self.tr("new.seed_hint"), pygame.Rect(hx, rows["seed"], w - hx - self.s(20), self.row - self.s(4)),
                       small, draw.DIM, gap=0)
        draw.text(surf, self.tr("new.after_win"), (x, rows["after_win"] + dy), fs, draw.DIM, width=lw - self.s(10))
        draw.paragraph(surf, " ".join(x for x in (self.mode_text("desc"), self.tr("new.after_win_hint") if self.play_on else "") if x)
                       or self.tr("new.after_win_hint"),
                       pygame.Rect(mx, rows["after_win"], w - mx - self.s(20), self.row - self.s(4)), small, draw.DIM, gap=0)
        draw.text(surf, self.tr("new.language"), (x, rows["language"] + dy), fs, draw.DIM, width=lw - self.s(10))
        if self.sc is not None:
            lang = self.app.settings.language
            desc_key = self.sc.ruleset.name.replace(".name", ".desc")
            desc = self.sc.text(desc_key, lang)
            parts = [desc] if desc != desc_key else []
            # what each switched-on mod changes
            parts += [f"{package_text(self.packages[m], 'name', lang)}: {package_text(self.packages[m], 'desc', lang)}"
                      for m in self.mods if m in self.packages]
            y = rows["desc"] + self.s(6)
            for text in parts:
                used = draw.paragraph(surf, text, pygame.Rect(x, y, w - 2 * x, h - y - self.s(90)), small, draw.DIM)
                y += used + self.s(6)
                if y > h - self.s(110):
                    break


def ai_levels() -> tuple[str, ...]:
    """The computer players' levels a player can pick, as game.ai names them."""
    from game.ai import LEVELS

    return tuple(LEVELS)


def ai_level_info(level: str, lang: str) -> str:
    """game.ai's one-line description of a level (in English: game.ai has no other language yet)."""
    from game.ai import LEVEL_INFO

    return LEVEL_INFO.get(level, "")


# ------------------------------------------------------------------------------------------------


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
        return max(1, (h - self.s(160) - self.s(110)) // self.s(54))

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
        if len(shown) < len(self.packages):  # more than fit: a page at a time
            per = self.per_page()
            pages = -(-len(self.packages) // per)
            self.button((self.s(600), h - self.s(70), self.s(160), self.s(44)), self.tr("list.prev"), lambda: self.turn_page(-1),
                        self.tr("tip.list.prev"), enabled=self.page > 0, key=pygame.K_PAGEUP)
            self.button((self.s(770), h - self.s(70), self.s(160), self.s(44)), self.tr("list.next"), lambda: self.turn_page(1),
                        self.tr("tip.list.next"), enabled=self.page < pages - 1, key=pygame.K_PAGEDOWN)
        for pid, pkg in shown:
            if pkg.is_mod:
                on = pid in self.app.settings.mods
                self.button((w - self.s(260), y, self.s(200), self.s(36)), self.tr("packages.on" if on else "packages.off"),
                            lambda p=pid: self.toggle(p), self.tr("tip.packages.toggle"), selected=on)
            y += self.s(54)
        self.button((self.s(60), h - self.s(70), self.s(200), self.s(44)), self.tr("common.back"), lambda: Pop(),
                    self.tr("tip.common.back"))
        self.button((self.s(280), h - self.s(70), self.s(300), self.s(44)), self.tr("packages.check"), self.validate,
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
        for pid, pkg in self.shown():
            kind = self.tr("packages.scenario" if not pkg.is_mod else "packages.mod")
            draw.text(surf, f"{package_text(pkg, 'name', lang)}  ({pid} {pkg.manifest.version})", (self.s(60), y), fs, draw.TEXT,
                      True, w - self.s(360))
            desc = package_text(pkg, "desc", lang)
            draw.text(surf, f"{kind} · {desc}" if desc else kind, (self.s(60), y + self.s(24)), small, draw.DIM, width=w - self.s(360))
            y += self.s(54)
        if not self.packages:
            draw.text(surf, self.tr("packages.none"), (self.s(60), y), fs, draw.DIM)
        if self.check:
            draw.paragraph(surf, self.check, pygame.Rect(self.s(60), h - self.s(150), w - self.s(120), self.s(70)), small,
                           draw.GOOD if self.check == self.tr("packages.ok") else draw.BAD)


# ------------------------------------------------------------------------------------------------


@register
class SettingsScreen(Screen):
    name = "settings"

    def build(self) -> None:
        _, h = self.app.size
        st = self.app.settings
        x = self.s(60) + self.s(300)
        y = self.s(100)
        row = self.s(50)
        bw = self.s(320)
        self.button((x, y, bw, self.s(38)), self.tr(f"lang.{st.language}"), self.next_language, self.tr("tip.settings.language"))
        y += row
        self.button((x, y, self.s(60), self.s(38)), "–", lambda: self.volume(-10), self.tr("tip.settings.volume_down"))
        self.button((x + self.s(200), y, self.s(60), self.s(38)), "+", lambda: self.volume(10), self.tr("tip.settings.volume_up"))
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("common.on" if st.muted else "common.off"), self.mute, self.tr("tip.menu.mute"))
        y += row
        self.button((x, y, bw, self.s(38)), f"{st.size[0]} × {st.size[1]}", self.next_size, self.tr("tip.settings.size"))
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("common.on" if st.fullscreen else "common.off"), self.fullscreen,
                    self.tr("tip.settings.fullscreen"))
        y += row
        self.scale_button = self.button((x, y, bw, self.s(38)), f"{st.scale} %", self.next_scale, self.tr("tip.settings.scale"))
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("common.on" if st.tooltips else "common.off"), self.tooltips,
                    self.tr("tip.settings.tooltips"))
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("common.on" if st.safe_colours else "common.off"), self.safe,
                    self.tr("tip.settings.safe"))
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("settings.replay_guide"), self.guide, self.tr("tip.settings.guide"),
                    enabled=st.tutorial_done)
        y += row
        self.button((x, y, bw, self.s(38)), self.tr("settings.autosaves_n", n=st.autosave_games), self.next_autosaves,
                    self.tr("tip.settings.autosaves"))
        self.button((self.s(60), h - self.s(70), self.s(200), self.s(44)), self.tr("common.back"), lambda: Pop(),
                    self.tr("tip.common.back"))
        self.focus = 0

    def changed(self) -> Transition | None:
        self.app.save_settings()
        self.rebuild()
        return None

    def next_language(self) -> Transition | None:
        langs = UI_LANGUAGES
        cur = self.app.settings.language
        self.app.set_language(langs[(langs.index(cur) + 1) % len(langs)] if cur in langs else "en")
        return self.changed()

    def volume(self, d: int) -> Transition | None:
        st = self.app.settings
        st.volume = max(0, min(100, st.volume + d))
        self.app.audio.set(st.volume, st.muted)
        self.app.play("beep")
        return self.changed()

    def mute(self) -> Transition | None:
        self.app.toggle_mute()
        return self.changed()

    def next_size(self) -> Transition | None:
        st = self.app.settings
        i = SIZES.index(tuple(st.size)) if tuple(st.size) in SIZES else -1
        st.size = SIZES[(i + 1) % len(SIZES)]
        self.app.apply_display()
        return self.changed()

    def fullscreen(self) -> Transition | None:
        self.app.settings.fullscreen = not self.app.settings.fullscreen
        self.app.apply_display()
        return self.changed()

    def next_scale(self) -> Transition | None:
        st = self.app.settings
        st.scale = SCALES[(SCALES.index(st.scale) + 1) % len(SCALES)] if st.scale in SCALES else 100
        pointer = pygame.mouse.get_focused() and self.scale_button.rect.collidepoint(pygame.mouse.get_pos())
        self.app.retheme()
        t = self.changed()
        if pointer:  # the layout grew or shrank under the pointer: keep it on this control, not on the next one down
            pygame.mouse.set_pos(self.scale_button.rect.center)
        return t

    def tooltips(self) -> Transition | None:
        self.app.settings.tooltips = not self.app.settings.tooltips
        return self.changed()

    def safe(self) -> Transition | None:
        self.app.settings.safe_colours = not self.app.settings.safe_colours
        return self.changed()

    def guide(self) -> Transition | None:
        self.app.settings.tutorial_done = False
        return self.changed()

    def next_autosaves(self) -> Transition | None:
        st = self.app.settings
        i = AUTOSAVE_GAMES.index(st.autosave_games) if st.autosave_games in AUTOSAVE_GAMES else -1
        st.autosave_games = AUTOSAVE_GAMES[(i + 1) % len(AUTOSAVE_GAMES)]
        return self.changed()

    def draw(self, surf: pygame.Surface) -> None:
        st = self.app.settings
        draw.text(surf, self.tr("settings.title"), (self.s(60), self.s(30)), round(30 * self.app.scale), draw.TEXT, True)
        fs = round(16 * self.app.scale)
        y = self.s(108)
        row = self.s(50)
        for key in ("settings.language", "settings.volume", "settings.mute", "settings.size", "settings.fullscreen",
                    "settings.scale", "settings.tooltips", "settings.safe", "settings.guide", "settings.autosaves"):
            draw.text(surf, self.tr(key), (self.s(60), y), fs, draw.DIM, width=self.s(290))
            if key == "settings.volume":
                draw.text(surf, f"{st.volume} %", (self.s(360) + self.s(130), y), fs, draw.TEXT, True, align="center")
            y += row
        draw.text(surf, self.tr("settings.where", path=str(self.app.settings_path or "")) if self.app.settings_path else "",
                  (self.s(60), y + self.s(10)), round(13 * self.app.scale), draw.DIM)


__all__ = ["LANGUAGES", "NewGameScreen", "PackagesScreen", "SettingsScreen", "TitleScreen"]
