"""Saves: the versioned JSON envelope, migrations, atomic writes with backups, listing, loading and replay.

The names below are loaded from their modules on first use (PEP 562): importing one part of the package (the
first start's look for earlier releases' saves, `game.io.oldsaves`) does not load the rest, whose content models
cost a first start about 0.3 s before its first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.io.controller import GameController, SeatFailed
    from game.io.errors import SaveError
    from game.io.listing import SaveInfo, SaveListing
    from game.io.migrations import SAVE_FORMAT, SAVE_VERSION
    from game.io.record import GameRecord
    from game.io.replay import ReplayResult, replay
    from game.io.saves import (
        AUTOSAVE_NAME,
        LoadedGame,
        autosave,
        autosave_path,
        list_saves,
        load_game,
        save_game,
        save_path,
        saves_dir,
    )

_MODULE_OF = {
    "GameController": "controller",
    "SeatFailed": "controller",
    "SaveError": "errors",
    "SaveInfo": "listing",
    "SaveListing": "listing",
    "SAVE_FORMAT": "migrations",
    "SAVE_VERSION": "migrations",
    "GameRecord": "record",
    "ReplayResult": "replay",
    "replay": "replay",
    "AUTOSAVE_NAME": "saves",
    "LoadedGame": "saves",
    "autosave": "saves",
    "autosave_path": "saves",
    "list_saves": "saves",
    "load_game": "saves",
    "save_game": "saves",
    "save_path": "saves",
    "saves_dir": "saves",
}

__all__ = [
    "AUTOSAVE_NAME",
    "SAVE_FORMAT",
    "SAVE_VERSION",
    "GameController",
    "GameRecord",
    "LoadedGame",
    "ReplayResult",
    "SaveError",
    "SaveInfo",
    "SaveListing",
    "SeatFailed",
    "autosave",
    "autosave_path",
    "list_saves",
    "load_game",
    "replay",
    "save_game",
    "save_path",
    "saves_dir",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'game.io' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"game.io.{module}"), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value
