"""Every folder and file the game reads or writes on the player's machine, and the variables that move them.

The player's own things (saves, autosaves, settings, mods) live in the platform's user folders, as
platformdirs names them, never in the folder the game was started from:

    Linux    ~/.local/share/spacerace/saves, ~/.local/share/spacerace/mods, ~/.config/spacerace/settings.json
             (or under $XDG_DATA_HOME and $XDG_CONFIG_HOME when those are set)
    macOS    ~/Library/Application Support/spacerace/{saves,mods,settings.json}
    Windows  %LOCALAPPDATA%\\spacerace\\{saves,mods,settings.json}

The music the game renders for itself at its first start goes to the platform's user cache folder.

Environment variables move them: SPACERACE_HOME moves all of them into one folder (saves/, mods/, cache/ and
settings.json inside it); SPACERACE_SAVES, SPACERACE_CONFIG and SPACERACE_MODS move one each and win
over SPACERACE_HOME; SPACERACE_SCENARIOS replaces the shipped scenarios. SPACERACE_OLD_SAVES lists
(os.pathsep-separated) the folders a first start imports saves from; empty means none.

Standard library and platformdirs only: content, io and ui all import it, and the window imports it
before anything heavy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.resources import shipped

APP = "spacerace"
ENV_HOME = "SPACERACE_HOME"
ENV_SAVES = "SPACERACE_SAVES"
ENV_CONFIG = "SPACERACE_CONFIG"
ENV_MODS = "SPACERACE_MODS"
ENV_SCENARIOS = "SPACERACE_SCENARIOS"
ENV_OLD_SAVES = "SPACERACE_OLD_SAVES"
OVERRIDES = (ENV_HOME, ENV_SAVES, ENV_CONFIG, ENV_MODS, ENV_SCENARIOS, ENV_OLD_SAVES)

SETTINGS_NAME = "settings.json"
IMPORT_MARKER = "imported-saves.txt"  # in the saves folder: written once the old places were looked at
SAVE_SUFFIX = ".json"  # a save file's name ends so (here, not in game.io.listing: the first start's look for old saves
# reads it without loading the save readers, see game.io.oldsaves)


def _env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder of the player's data (saves, mods): SPACERACE_HOME, else the platform's user data folder."""
    return _env(ENV_HOME) or platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    """The folder of the settings file: SPACERACE_HOME, else the platform's user config folder."""
    return _env(ENV_HOME) or platformdirs.user_config_path(APP, appauthor=False)


def cache_dir() -> Path:
    """What the game makes for itself and can make again (the rendered music): SPACERACE_HOME's `cache/`, else
    the platform's user cache folder."""
    home = _env(ENV_HOME)
    return home / "cache" if home else platformdirs.user_cache_path(APP, appauthor=False)


def saves_dir() -> Path:
    """Where saves are written and listed: SPACERACE_SAVES, else `saves/` in the data folder."""
    return _env(ENV_SAVES) or data_dir() / "saves"


def autosaves_dir() -> Path:
    """Where autosaves go: among the saves (as `autosave*.json`), so the load list shows them with the rest."""
    return saves_dir()


def settings_file() -> Path:
    """SPACERACE_CONFIG (a `.json` file, or a folder to hold settings.json), else settings.json in the config folder."""
    env = _env(ENV_CONFIG)
    if env is not None:
        return env if env.suffix == ".json" else env / SETTINGS_NAME
    return config_dir() / SETTINGS_NAME


def old_settings_file() -> Path | None:
    """Where earlier releases kept settings on every platform ($XDG_CONFIG_HOME or ~/.config), if that is not
    where they are kept now (it is on Linux) and no variable chose the place: read when the new file is missing."""
    if _env(ENV_CONFIG) or _env(ENV_HOME):
        return None
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    old = base / APP / SETTINGS_NAME
    return None if old == settings_file() else old


def user_mods_dir() -> Path:
    """The player's own mods: SPACERACE_MODS, else `mods/` in the data folder."""
    return _env(ENV_MODS) or data_dir() / "mods"


def scenarios_dir() -> Path:
    """The shipped scenarios and mods (read only): SPACERACE_SCENARIOS, else the game's own."""
    return _env(ENV_SCENARIOS) or shipped("scenarios")


def assets_dir() -> Path:
    """Fonts, theme and sounds shipped with the game (read only)."""
    return shipped("assets")


def import_marker() -> Path:
    """The file that says the old places were already looked at, and what came of it."""
    return saves_dir() / IMPORT_MARKER


def old_save_places() -> list[Path]:
    """Where earlier releases put saves: the window wrote `./saves` in the folder it was started from, the
    command line and game.io `saves/` beside the `game` package (the checkout's, or site-packages')."""
    value = os.environ.get(ENV_OLD_SAVES)
    if value is not None:
        return [Path(p).expanduser() for p in value.split(os.pathsep) if p]
    return [Path.cwd() / "saves", Path(__file__).resolve().parents[1] / "saves"]


@dataclass(frozen=True)
class Place:
    """One line of `spacerace paths`."""

    label: str
    path: Path
    note: str = ""  # why it is there (the variable that put it there), or what is in it


def _from(var: str, default: str = "") -> str:
    if os.environ.get(var):
        return f"set by {var}"
    if var != ENV_HOME and os.environ.get(ENV_HOME) and var in (ENV_SAVES, ENV_CONFIG, ENV_MODS):
        return f"set by {ENV_HOME}"
    return default


def places() -> list[Place]:
    """Every folder and file the game reads or writes, labelled, in the order `spacerace paths` prints them."""
    saves = saves_dir()
    return [
        Place("saves", saves, _from(ENV_SAVES)),
        Place("autosaves", autosaves_dir(), "autosave*.json, among the saves"),
        Place("backups", saves, "beside each save, NAME.json.1 newest to NAME.json.3 oldest"),
        Place("settings file", settings_file(), _from(ENV_CONFIG)),
        Place("user mods", user_mods_dir(), _from(ENV_MODS)),
        Place("shipped scenarios", scenarios_dir(), _from(ENV_SCENARIOS, "read only")),
        Place("assets", assets_dir(), "read only"),
        Place("import log", import_marker(), "saves brought in from earlier releases' folders"),
        Place("cache", cache_dir(), "the music, rendered at the first start; safe to delete"),
    ]


def written_paths() -> list[Path]:
    """Everything the game may write to: what the test suite checks stays out of the real user folders."""
    return [data_dir(), config_dir(), saves_dir(), autosaves_dir(), settings_file(), user_mods_dir(), import_marker(),
            cache_dir()]
