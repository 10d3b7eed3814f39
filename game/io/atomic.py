"""Writing a file so that a crash or a full disk never leaves it half written, keeping numbered backups."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def backup_path(path: Path, n: int) -> Path:
    """`name.json` -> `name.json.<n>`; 1 is the newest backup."""
    return path.with_name(f"{path.name}.{n}")


def rotate_backups(path: Path, keep: int) -> None:
    """Shift `name.1..keep-1` up by one (the oldest falls off) and make `name.1` a copy of `path`."""
    if keep <= 0 or not path.exists():
        return
    for n in range(keep - 1, 0, -1):
        older = backup_path(path, n)
        if older.exists():
            os.replace(older, backup_path(path, n + 1))
    newest = backup_path(path, 1)
    with contextlib.suppress(FileNotFoundError):
        newest.unlink()
    try:
        # A hard link costs nothing and `path` itself is never absent: the new file replaces the name later.
        os.link(path, newest)
    except OSError:
        shutil.copy2(path, newest)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, backups: int = 0) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, rotate backups, then `os.replace` it in.

    If anything fails, `path` is left as it was and the temporary file is removed; the error is raised.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        rotate_backups(path, backups)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
