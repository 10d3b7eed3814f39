"""The player's preferences (language, sound, window) and where they are kept between runs."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from game import paths

LANGUAGES = ("en", "vi", "ru")  # languages the UI is fully translated into
SCALES = (90, 100, 110, 125, 150)  # percent; 125 and 150 for large or high-density screens
SIZES = ((1280, 720), (1600, 900), (1920, 1080))
AUTOSAVE_GAMES = (1, 3, 5, 10, 20)  # how many games' autosaves are kept (the game being played always)
DEFAULT_AUTOSAVE_GAMES = 5  # the same as game.io.housekeeping's, which this module does not import (see app.py)


def config_path() -> Path:
    """The settings file: SPACERACE_CONFIG, else the platform's user config folder (see `game.paths`)."""
    return paths.settings_file()


def default_save_dir() -> Path:
    """The saves folder when the player has not chosen one: never the folder the game was started from."""
    return paths.saves_dir()


@dataclass
class Settings:
    language: str = "en"
    volume: int = 70  # percent, of the sound effects (the key kept from before there was music)
    music_volume: int = 50  # percent
    muted: bool = False
    size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    scale: int = 100  # percent, applied to every font
    tutorial_done: bool = False
    tooltips: bool = True
    safe_colours: bool = False  # always use the colour-blind-safe palette for sides
    save_dir: str = ""
    last_scenario: str = "race_1955"
    mods: list[str] = field(default_factory=list)
    autosave_games: int = DEFAULT_AUTOSAVE_GAMES  # autosaves of older games are removed; manual saves never

    def saves(self) -> Path:
        return Path(self.save_dir) if self.save_dir else default_save_dir()

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Unreadable or odd files give the defaults for what cannot be read: settings never stop the game."""
        if path is None:
            path = config_path()
            old = paths.old_settings_file()
            if old is not None and not path.exists() and old.is_file():
                path = old  # an earlier release's, read once: the next save writes the new file
        s = cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return s
        if not isinstance(data, dict):
            return s
        known = {f.name: f for f in fields(cls)}
        for k, v in data.items():
            if k not in known:
                continue
            default = getattr(s, k)
            if k == "size":
                if isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v):
                    s.size = (max(1280, v[0]), max(720, v[1]))
            elif k == "mods":
                if isinstance(v, list):
                    s.mods = [str(x) for x in v]
            elif isinstance(default, bool):
                if isinstance(v, bool):
                    setattr(s, k, v)
            elif isinstance(default, int):
                if isinstance(v, int) and not isinstance(v, bool):
                    setattr(s, k, v)
            elif isinstance(v, str):
                setattr(s, k, v)
        s.volume = max(0, min(100, s.volume))
        s.music_volume = max(0, min(100, s.music_volume))
        if s.autosave_games not in AUTOSAVE_GAMES:
            s.autosave_games = DEFAULT_AUTOSAVE_GAMES
        if s.language not in LANGUAGES:
            s.language = "en"
        if s.scale not in SCALES:
            # a step of an older version (115, 130) becomes the nearest one; anything odd, the default
            s.scale = min(SCALES, key=lambda x: abs(x - s.scale)) if SCALES[0] <= s.scale <= SCALES[-1] else 100
        return s

    def save(self, path: Path | None = None) -> None:
        path = path or config_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            data = asdict(self)
            data["size"] = list(self.size)
            tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home must not crash the game
