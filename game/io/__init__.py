"""Saves: the versioned JSON envelope, migrations, atomic writes with backups, listing, loading and replay."""

from game.io.controller import GameController, SeatFailed
from game.io.errors import SaveError
from game.io.migrations import SAVE_FORMAT, SAVE_VERSION
from game.io.record import GameRecord
from game.io.replay import ReplayResult, replay
from game.io.saves import (
    AUTOSAVE_NAME,
    LoadedGame,
    SaveInfo,
    SaveListing,
    autosave,
    list_saves,
    load_game,
    save_game,
    save_path,
    saves_dir,
)

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
    "list_saves",
    "load_game",
    "replay",
    "save_game",
    "save_path",
    "saves_dir",
]
