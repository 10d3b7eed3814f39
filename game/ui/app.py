"""The window, the screen stack and the main loop; `run` is what `spacerace play` calls.

The App is the context every screen is handed (no globals): settings, translator, UI manager,
sound, the current game session. The loop caps at 60 fps while something moves and otherwise
blocks on events, redrawing nothing while nothing changed.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import pygame

import game.ui.screens  # noqa: F401  (every screen registers itself: the app opens them by name)
from game.ui import draw
from game.ui.host import GameHost
from game.ui.i18n import Translator, speak_to_pygame_gui
from game.ui.screens.base import Pop, Push, Quit, Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen
from game.ui.settings import LANGUAGES, Settings
from game.ui.tooltips import Manager
from game.ui.widget_pool import WidgetPool, finish

log = logging.getLogger(__name__)

MIN_SIZE = (1280, 720)
FPS = 60
IDLE_AFTER = 1.5  # seconds without input after which the loop stops redrawing and blocks
THEME = draw.ASSETS / "theme.json"


def _desktop() -> tuple[int, int] | None:
    """The size of the desktop the window opens on, if the video driver knows it."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None  # type: ignore[return-value]


def window_size(wanted: tuple[int, int], desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window size to open: the one chosen, shrunk to fit the desktop, never below MIN_SIZE.

    A desktop smaller than MIN_SIZE (a headless driver's pretend screen) cannot hold the game at all, so it
    does not shrink the window.
    """
    w, h = max(MIN_SIZE[0], wanted[0]), max(MIN_SIZE[1], wanted[1])
    if desktop is None or desktop[0] < MIN_SIZE[0] or desktop[1] < MIN_SIZE[1]:
        return w, h
    return min(w, desktop[0]), min(h, desktop[1])


def theme_dict(scale: float) -> dict[str, Any]:
    """assets/theme.json with the bundled font's paths filled in and every font size scaled."""
    data = json.loads(THEME.read_text(encoding="utf-8"))
    data.pop("palette", None)  # the hand-drawn colours (draw.colour): no widget's theming
    for block in data.values():
        f = block.get("font") if isinstance(block, dict) else None
        if isinstance(f, dict):
            f["regular_path"] = str(draw.FONT_REGULAR)
            f["bold_path"] = str(draw.FONT_BOLD)
            f["size"] = str(max(8, round(int(f["size"]) * scale)))
        misc = block.get("misc") if isinstance(block, dict) else None
        for length in ("rect_width", "list_item_height"):  # a tooltip's width, a list's rows grow with the text
            if isinstance(misc, dict) and length in misc:
                misc[length] = str(round(int(misc[length]) * scale))
    return data


def preload_bold(manager: Any, scale: float) -> None:
    """The bold face of every font size the theme uses, loaded before a text box asks for it (its <b> text):
    pygame_gui would otherwise load it late and warn on the terminal."""
    fonts = manager.get_theme().get_font_dictionary()
    sizes = sorted({
        int(block["font"]["size"]) for block in theme_dict(scale).values()
        if isinstance(block, dict) and isinstance(block.get("font"), dict)
    })
    missing = [n for n in sizes if not fonts.check_font_preloaded(fonts.create_font_id(n, "game_noto", True, False))]
    manager.preload_fonts([{"name": "game_noto", "point_size": n, "style": "bold", "antialiased": "1"} for n in missing])


class App(GameHost):
    def __init__(self, settings: Settings | None = None, size: tuple[int, int] | None = None,
                 fullscreen: bool | None = None, settings_path: Path | None = None) -> None:
        self.settings = settings or Settings.load(settings_path)
        self.settings_path = settings_path
        if size is not None:
            self.settings.size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        self.window = self._open_window()
        pygame.display.set_caption("Space Race")
        self.tr = Translator(self.settings.language)
        self.manager = Manager(self.size, theme_dict(self.scale), starting_language="en")
        preload_bold(self.manager, self.scale)
        speak_to_pygame_gui(self.manager, self.settings.language)
        self.pool = WidgetPool(self.manager)  # widgets screens let go of, for the next screen that looks the same
        self._ahead: list[Any] = []  # makers of the screens still to build ahead for the top screen
        self._ahead_for: Any = None  # what they were listed for (see prepare_ahead)
        self.busy = False  # the last loop built something ahead: the next does not wait for input
        self._scratch = pygame.Surface((1, 1))  # where screens built ahead are drawn, unseen
        from game.ui.audio import Audio

        self.audio = Audio(self.settings.volume, self.settings.muted, self.settings.music_volume)
        self.stack: list[Screen] = []
        self.session: Any = None  # game.ui.session.Session
        self.memory: dict[Any, Any] = {}  # what a screen showed last (chosen mission, tech), kept for the game
        self.saved_len = 0
        self.running = True
        self.dirty = True
        self.was_animating = False
        self.frames = 0  # frames drawn, for tests and benchmarks
        self.last_input = time.monotonic()
        self.clock = pygame.time.Clock()
        self.frame_ms = 0.0
        self.status = ""  # a one-line notice (saved, rejected...) shown by game screens
        self.status_ok = ""  # the notice when it reports something done (saved, sound off), not a problem
        self.demo = False
        self.launch: dict[str, Any] = {"scenario": "race_1955", "mods": [], "seed": None}

    def launch_scenario(self) -> str:
        return str(self.launch.get("scenario") or self.settings.last_scenario or "race_1955")

    # -- window ----------------------------------------------------------------------------------

    def _open_window(self, recentre: bool = False) -> pygame.Surface:
        flags = pygame.RESIZABLE
        if self.settings.fullscreen:
            flags |= pygame.FULLSCREEN
            surf = pygame.display.set_mode((0, 0), flags)
        else:
            surf = pygame.display.set_mode(window_size(self.settings.size, _desktop()), flags)
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
                window.minimum_size = MIN_SIZE
                if recentre and not self.settings.fullscreen:  # a new size keeps the old corner: End turn could fall off
                    window.position = pygame.WINDOWPOS_CENTERED
        except Exception:
            pass
        return surf

    @property
    def size(self) -> tuple[int, int]:
        w, h = self.window.get_size()
        return max(MIN_SIZE[0], w), max(MIN_SIZE[1], h)

    @property
    def scale(self) -> float:
        return self.settings.scale / 100

    def apply_display(self) -> None:
        """After a change of window size, fullscreen or UI scale: reopen, re-theme, rebuild the top screen."""
        self.window = self._open_window(recentre=True)
        self.manager.set_window_resolution(self.size)
        self.retheme()

    def retheme(self) -> None:
        top = self.top
        if top:
            top.leave()
        self.pool.clear()  # kept widgets have the old look
        self.manager.get_theme().load_theme(theme_dict(self.scale))
        preload_bold(self.manager, self.scale)
        self.manager.rebuild_all_from_changed_theme_data()
        if top:
            top.enter()
        self.dirty = True

    def set_language(self, lang: str) -> None:
        self.settings.language = lang
        self.tr = Translator(lang)
        speak_to_pygame_gui(self.manager, lang)
        if self.top:
            self.top.leave()
        self.pool.clear()  # pygame_gui tells only the widgets it holds of the new language
        if self.top:
            self.top.rebuild()
        self.dirty = True

    def save_settings(self) -> None:
        self.settings.save(self.settings_path)

    # -- sound -----------------------------------------------------------------------------------

    def play(self, name: str) -> None:
        self.audio.play(name)

    def music_for(self, top: Screen | None) -> str | None:
        """The piece a screen asks for (an overlay keeps the one beneath), else the title's before a game and the
        planning music in one."""
        if top is None:
            return None
        for screen in reversed(self.stack):
            if screen.music:
                return screen.music
            if not screen.overlay:
                break
        return "title" if self.session is None else "planning"

    def audio_click(self) -> None:
        pass  # buttons are silent; kept as the one place to add a click

    def toggle_mute(self) -> None:
        self.settings.muted = not self.settings.muted
        self.audio.set(self.settings.volume, self.settings.muted, self.settings.music_volume)
        self.status = self.status_ok = self.tr("status.muted") if self.settings.muted else self.tr("status.unmuted")
        self.save_settings()
        self.dirty = True

    # -- stack -----------------------------------------------------------------------------------

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> None:
        if screen.overlay:
            self.render()  # the screen below as it is now, not as it was last drawn
            screen.backdrop = self.window.copy()
        if self.top:
            self.top.leave()
        self.stack.append(screen)
        screen.enter()
        self.dirty = True

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().leave()
        if self.top:
            self.top.enter()
        else:
            self.running = False
        self.dirty = True

    def replace(self, screen: Screen) -> None:
        if self.stack:
            self.stack.pop().leave()
        self.stack.append(screen)
        screen.enter()
        self.dirty = True

    def reset(self, screen: Screen | None = None) -> None:
        while len(self.stack) > 1:
            self.stack.pop().leave()
        if screen is not None:
            if self.top:
                self.top.leave()
            self.stack.append(screen)
            screen.enter()
        elif self.top:
            self.top.enter()
        self.dirty = True

    def apply(self, t: Transition | None) -> None:
        if t is None:
            return
        if isinstance(t, Push):
            self.push(t.screen)
        elif isinstance(t, Pop):
            self.pop()
        elif isinstance(t, Replace):
            self.replace(t.screen)
        elif isinstance(t, Reset):
            self.reset(t.screen)
        elif isinstance(t, Quit):
            self.running = False

    # -- loop ------------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.apply(self.request_quit())
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if getattr(event, "type", None) == pygame.VIDEORESIZE:
                w, h = event.w, event.h
                if w < MIN_SIZE[0] or h < MIN_SIZE[1]:
                    self.window = pygame.display.set_mode((max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1])), pygame.RESIZABLE)
                if not self.settings.fullscreen:
                    self.settings.size = self.size
            self.manager.set_window_resolution(self.size)
            if self.top:
                self.top.rebuild()
            self.dirty = True
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED):
            self.dirty = True
        self.manager.process_events(event)
        top = self.top
        if top is None:
            return
        if event.type == pygame.KEYDOWN and top._typing() is None:
            mods = pygame.key.get_mods() | getattr(event, "mod", 0)
            t = self.global_key(event, bool(mods & pygame.KMOD_CTRL))
            if t is not False:
                self.apply(t)  # type: ignore[arg-type]
                return
        self.apply(self.guarded(lambda: top.handle(event)))

    def global_key(self, event: pygame.event.Event, ctrl: bool) -> Transition | bool | None:
        """Keys that work on every screen; False when the key is not one of them."""
        top = self.top
        if event.key == pygame.K_F1 or (event.key == pygame.K_SLASH and event.mod & pygame.KMOD_SHIFT):
            if top is not None and top.name == "help":
                return Pop()
            return Push(new_screen("help", self))
        if event.key == pygame.K_F11:
            self.settings.fullscreen = not self.settings.fullscreen
            self.apply_display()
            self.save_settings()
            return None
        if (ctrl and event.key == pygame.K_m) or event.key == pygame.K_F8:
            self.toggle_mute()
            return None
        if ctrl and event.key in (pygame.K_s, pygame.K_l) and not (top is not None and top.name == "saveload"):
            if event.key == pygame.K_s and not self.can_save():
                return None
            return Push(new_screen("saveload", self, "save" if event.key == pygame.K_s else "load"))
        return False

    def step(self, block: bool = False) -> None:
        """One turn of the loop: events, updates, and a redraw only if something changed."""
        if block:
            first = pygame.event.wait(500)
            events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        else:
            events = pygame.event.get()
        now = time.monotonic()
        for e in events:
            if e.type not in (pygame.WINDOWMOVED, pygame.ACTIVEEVENT):
                self.last_input = now
                self.dirty = True
            self.handle(e)
            if not self.running:
                return
        dt = self.clock.tick(FPS) / 1000 if not block else min(0.5, self.clock.tick() / 1000)
        top = self.top
        if top is not None:
            self.apply(self.guarded(lambda: top.update(dt)))
        # after the screens: pygame_gui draws a killed widget until its next update, so a screen replaced
        # by a timer (the demo, the end of a report) would otherwise leave its buttons on the frame
        self.manager.update(dt)
        top = self.top
        self.audio.want(self.music_for(top))
        self.audio.poll()
        animating = top is not None and top.animating
        # the frame after an animation stops is drawn too: it shows where the animation ended
        if self.dirty or animating or self.was_animating or now - self.last_input < IDLE_AFTER:
            t0 = time.perf_counter()
            self.render()
            pygame.display.flip()
            self.frame_ms = (time.perf_counter() - t0) * 1000
            self.frames += 1
            self.dirty = False
        self.was_animating = animating
        # while no input waits: build what the player may open next (and do not block while there is some)
        self.busy = not events and not animating and not self.dirty and self.prepare_ahead()

    def prepare_ahead(self) -> bool:
        """Build one of the screens the top screen says the player may open next, unseen, and let it go at once:
        its widgets wait in the pool and its text in draw's cache, so opening it later is a matter of a few
        milliseconds. One screen a call, called while no input waits; True if one was built."""
        top = self.top
        session = self.session
        key = (top, len(session.log) if session is not None else None, getattr(session, "resolutions", None),
               self.pool.generation, self.settings.language, self.size, self.scale, self.settings.tooltips,
               self.settings.safe_colours)
        if key != self._ahead_for:
            self._ahead_for = key
            self._ahead = top.ahead() if top is not None else []
        if not self._ahead:
            # pygame_gui files each new widget shape into its long-term cache one a frame, a few ms each: done
            # here, while idle, rather than in the frames of the next screen
            shapes = self.manager.get_theme().shape_cache
            if not shapes.cache_short_term_lookup:
                return False
            shapes.update()
            return True
        try:
            screen = self._ahead.pop(0)()
            screen.preparing = True
            try:
                screen.enter()
                for w in screen.widgets:
                    finish(w)
                if self._scratch.get_size() != self.window.get_size():
                    self._scratch = pygame.Surface(self.window.get_size())
                screen.draw(self._scratch)  # drawn once unseen: its lines rendered, its pictures made
            finally:
                screen.leave()
        except Exception:  # the screen raises again when it is really opened, where the player sees it
            log.exception("building a screen ahead failed")
            self._ahead = []
        return True

    @property
    def idle(self) -> bool:
        top = self.top
        return (not (top is not None and top.animating) and time.monotonic() - self.last_input >= IDLE_AFTER
                and not self.dirty and not self.busy)

    def render(self) -> None:
        top = self.top
        self.window.fill(draw.BG)
        if top is not None:
            if top.overlay and top.backdrop is not None:
                self.window.blit(top.backdrop, (0, 0))
                shade = pygame.Surface(self.window.get_size(), pygame.SRCALPHA)
                shade.fill(draw.colour("veil"))
                self.window.blit(shade, (0, 0))
            top.draw(self.window)
        # pygame_gui draws the list of visible widgets it made at its last update: a screen entered since
        # (and its predecessor's killed buttons) would be drawn as they were, so bring that list up to date
        group = self.manager.ui_group
        if getattr(group, "should_update_visibility", False):
            group.should_update_visibility = False
            group.update_visibility()
        self.manager.draw_ui(self.window)
        if top is not None:
            top.draw_focus(self.window)

    def loop(self) -> int:
        while self.running:
            self.step(block=self.idle)
        return 0

    def quit(self) -> None:
        self.save_settings()
        self.audio.quit()
        pygame.display.quit()


def bring_old_saves(app: App) -> None:
    """On the first start with this saves folder, copy in the saves earlier releases kept elsewhere (see
    game.io.oldsaves), and tell the player in one line; each file that could not come is named on stderr."""
    from game.paths import IMPORT_MARKER

    folder = app.settings.saves()
    if (folder / IMPORT_MARKER).exists():
        return  # the usual start: nothing more is loaded for it
    from game.io.oldsaves import import_old_saves

    report = import_old_saves(folder)
    for skipped in report.skipped:
        print(f"spacerace: {skipped.line()}", file=sys.stderr)
    if report.skipped:
        app.status = app.tr("status.imported_saves_not_all", n=len(report.imported), path=str(folder),
                            skipped=len(report.skipped), log=IMPORT_MARKER)
    elif report.imported:
        app.status = app.tr("status.imported_saves", n=len(report.imported), path=str(folder))


def run(scenario: str = "race_1955", mods: list[str] | None = None, load: str | None = None, demo: bool = False,
        lang: str | None = None, size: tuple[int, int] | None = None, fullscreen: bool | None = None,
        seed: int | None = None, opened: dict[str, Any] | None = None, victory: str | None = None) -> int:
    """Open the game window; `spacerace play` calls this. Returns the exit code.

    `opened` holds what the command line already opened to check it: the `scenario` (with `mods`) and
    the `loaded` save (a game.io LoadedGame), so that neither is read twice.
    """
    mods = list(mods or [])
    opened = opened or {}
    app = App(size=size, fullscreen=fullscreen)
    if "scenario" in opened:
        app.__dict__.setdefault("scenario_cache", {})[(scenario, tuple(mods))] = opened["scenario"]
    if lang:
        app.set_language(lang if lang in LANGUAGES else "en")
    app.launch = {"scenario": scenario, "mods": mods, "seed": seed, "victory": victory}
    bring_old_saves(app)
    title: Any = new_screen("title", app)  # its load_path and start_demo open a game from the command line
    app.push(title)
    code = 0
    try:
        if "loaded" in opened:
            app.apply(app.guarded(lambda: app.open_loaded(opened["loaded"])))
        elif load:
            app.apply(app.guarded(lambda: title.load_path(load)))
        elif demo:
            app.apply(app.guarded(lambda: title.start_demo(scenario, mods, seed)))
        code = app.loop()
    finally:
        app.quit()
    return code

