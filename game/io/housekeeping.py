"""Keeping the saves folder tidy: temporary files of killed saves, and autosaves of games no longer played.

Only files this game writes are ever removed: a temporary file of `write_atomic` (`.NAME.json.XXXX.tmp`)
once it is old enough that no save can still be writing it, and the autosave slots (`autosave-<id>.json`
and its backups) of games beyond the most recent few. A save the player named is never removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

from game.io.atomic import backup_path
from game.io.listing import MAX_BACKUPS_LOOKED_AT, is_autosave

STALE_AFTER = 15 * 60  # seconds: a save writes its temporary file in well under a second
DEFAULT_AUTOSAVE_GAMES = 5  # autosave slots kept, the most recently played games' (the current game's always)
TEMP_RE = re.compile(r"^\.[^/\\]+\.json\.[A-Za-z0-9_]{6,}\.tmp$")  # tempfile.mkstemp(prefix=".NAME.", suffix=".tmp")


def _regular(path: Path) -> os.stat_result | None:
    try:
        st = path.lstat()
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def clean_temp_files(folder: Path, *, older_than: float = STALE_AFTER, now: float | None = None) -> list[Path]:
    """Remove the temporary files a killed save left in `folder`: ours by name, stale by age. Returns them."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        if not TEMP_RE.match(path.name):
            continue
        st = _regular(path)
        if st is None or now - st.st_mtime < older_than:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _slot_files(path: Path) -> list[Path]:
    """An autosave and its numbered backups."""
    return [path, *(backup_path(path, n) for n in range(1, MAX_BACKUPS_LOOKED_AT + 1))]


def prune_autosaves(folder: Path, keep: int, current: Path | None = None) -> list[Path]:
    """Remove the autosave slots of all but the `keep` most recently saved games (`current`, the slot of the
    game being played, always stays), with their backups. Manual saves are never touched. Returns the removed."""
    slots: list[tuple[float, Path]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        st = _regular(path)
        if st is not None and is_autosave(path):
            slots.append((st.st_mtime, path))
    slots.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    kept = {path for _, path in slots[: max(0, keep)]} | {current}
    removed: list[Path] = []
    for _, path in slots:
        if path in kept:
            continue
        for file in _slot_files(path):
            if _regular(file) is not None:
                with contextlib.suppress(OSError):
                    file.unlink()
                    removed.append(file)
    return removed


def tidy(folder: Path, keep_games: int = DEFAULT_AUTOSAVE_GAMES, current: Path | None = None) -> list[Path]:
    """Both of the above; what was removed."""
    return [*clean_temp_files(folder), *prune_autosaves(folder, keep_games, current)]


__all__ = ["DEFAULT_AUTOSAVE_GAMES", "STALE_AFTER", "clean_temp_files", "prune_autosaves", "tidy"]
