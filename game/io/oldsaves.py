"""Bringing saves from the places earlier releases kept them into the saves folder, once, losing nothing.

Earlier releases wrote saves to `./saves` in whatever folder the window was started from, and to
`saves/` beside the `game` package (the checkout's, or site-packages'). The first time the saves
folder is used, every save found there is copied in (never moved or deleted, so an older release
still finds its own), with its numbered backups; a file that cannot be read as a save is left where
it is and named with the reason. A save is never copied over another: when the name is taken by a
different save, the newest of those found keeps the name and the others get `-imported`, `-imported-2`…

What was done is written to `imported-saves.txt` in the saves folder. That file is also the marker:
while it exists the old places are not looked at again. A run cut short before the marker is written
is simply repeated: a save already copied (the same bytes) is recognised and not copied twice.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from game import paths
from game.io.atomic import write_atomic
from game.io.errors import SaveError

SAVE_SUFFIX = paths.SAVE_SUFFIX

BACKUP = re.compile(r"\.(\d{1,3})$")  # `name.json.1`: see game.io.atomic.backup_path
MAX_IMPORTED_NAMES = 100  # `-imported-100` and still taken: something is wrong, say so rather than loop


@dataclass(frozen=True)
class Imported:
    source: Path
    target: Path
    note: str = ""  # why it is not under its own name, or that it is damaged and came for its backups

    def line(self) -> str:
        return f"imported {self.source} as {self.target.name}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Skipped:
    source: Path
    reason: str

    def line(self) -> str:
        return f"not imported {self.source}: {self.reason}"


@dataclass
class ImportReport:
    folder: Path
    done_before: bool = False  # the marker was there: nothing was looked at
    imported: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    already_there: list[Path] = field(default_factory=list)  # found, and the same bytes were in the folder already

    def lines(self) -> list[str]:
        return [i.line() for i in self.imported] + [s.line() for s in self.skipped]

    def summary(self) -> str:
        """One line for the player, or "" when there is nothing to say."""
        if not self.imported and not self.skipped:
            return ""
        n = len(self.imported)
        text = f"brought {n} save{'s' if n != 1 else ''} from an earlier version's folders into {self.folder}"
        if self.skipped:
            text += f"; {len(self.skipped)} file(s) found there could not be brought (see {paths.IMPORT_MARKER})"
        return text


@dataclass(frozen=True)
class _Found:
    path: Path
    backups: tuple[Path, ...]
    damaged: str  # "" for a save that reads


def _backups(save: Path, names: set[str]) -> tuple[Path, ...]:
    found = []
    for name in names:
        if name.startswith(save.name + "."):
            m = BACKUP.fullmatch(name[len(save.name) :])
            if m:
                found.append((int(m.group(1)), save.with_name(name)))
    return tuple(p for _, p in sorted(found))


def _readable(path: Path) -> str:
    """ "" if `path` reads as a save, else why not (one line, without the file's name)."""
    # the save readers (the content models, pydantic) only where a file is found: a first start with no old saves,
    # the usual case, loads none of them (it cost the first start about 0.3 s more than a later one)
    from game.io.listing import read_info

    try:
        read_info(path)
    except SaveError as e:
        return e.problem
    except OSError as e:
        return f"cannot read the file ({e.strerror or e})"
    except (ValueError, RecursionError):
        return "not a Space Race save (its contents cannot be read)"
    return ""


def _find(folder: Path, report: ImportReport) -> list[_Found]:
    try:
        entries = {p.name: p for p in folder.iterdir()}
    except OSError:
        return []  # no such folder (the usual case), or one that cannot be read: nothing of ours is there
    names = set(entries)
    found = []
    for name in sorted(names):
        path = entries[name]
        if name.startswith(".") or not name.endswith(SAVE_SUFFIX):
            continue  # temporary files of a cut-short save, and anything that is not a save
        if not path.is_file():
            report.skipped.append(Skipped(path, "not a regular file"))
            continue
        problem = _readable(path)
        backups = _backups(path, names)
        if problem and not any(not _readable(b) for b in backups):
            report.skipped.append(Skipped(path, problem))
            continue
        found.append(_Found(path, backups, problem))
    return found


def _same(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _target(found: _Found, folder: Path) -> tuple[Path | None, str]:
    """Where `found` goes (None: the same save is there already) and why it is not under its own name."""
    stem = found.path.name[: -len(SAVE_SUFFIX)]
    for n in range(MAX_IMPORTED_NAMES + 1):
        name = found.path.name if n == 0 else f"{stem}-imported{'' if n == 1 else f'-{n}'}{SAVE_SUFFIX}"
        candidate = folder / name
        backups = [candidate.with_name(name + b.name[len(found.path.name) :]) for b in found.backups]
        if not candidate.exists() and not any(b.exists() for b in backups):
            note = "" if n == 0 else f"a different save named {found.path.name} was there already"
            return candidate, note
        if _same(found.path, candidate):
            return None, ""
    raise OSError(f"too many saves named {stem}-imported… already")


def _copy(source: Path, target: Path) -> None:
    """A copy that keeps the file's times (the load list orders by them) and never leaves half a file."""
    temp = target.with_name(f".{target.name}.import.tmp")
    try:
        shutil.copy2(source, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def import_old_saves(folder: Path | None = None, places: list[Path] | None = None) -> ImportReport:
    """Copy the saves of `places` (default: `game.paths.old_save_places()`) into `folder` (default: the saves
    folder) unless that was done before; never raises for a file, only reports it."""
    folder = folder or paths.saves_dir()
    marker = folder / paths.IMPORT_MARKER
    report = ImportReport(folder)
    if marker.exists():
        report.done_before = True
        return report
    here = _resolved(folder)
    sources = [p for p in (places if places is not None else paths.old_save_places()) if _resolved(p) != here]
    found: list[_Found] = []
    seen: set[Path] = set()
    for place in sources:
        if _resolved(place) in seen:
            continue  # started from the checkout: ./saves and the checkout's saves/ are one folder
        seen.add(_resolved(place))
        found += _find(place, report)
    # The newest of the saves that share a name keeps it.
    found.sort(key=lambda f: (-_mtime(f.path), str(f.path)))
    for f in found:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target, note = _target(f, folder)
            if target is None:
                report.already_there.append(f.path)
                continue
            _copy(f.path, target)
            for backup in f.backups:
                _copy(backup, target.with_name(target.name + backup.name[len(f.path.name) :]))
        except OSError as e:
            report.skipped.append(Skipped(f.path, f"cannot copy it ({e.strerror or e})"))
            continue
        if f.damaged:
            note = "; ".join(x for x in (note, f"damaged ({f.damaged}); its backups came with it") if x)
        report.imported.append(Imported(f.path, target, note))
    _write_marker(marker, report)
    return report


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _write_marker(marker: Path, report: ImportReport) -> None:
    """What was done, for the player to read; if it cannot be written the import is simply tried again next time."""
    when = datetime.now(UTC).isoformat(timespec="seconds")
    head = [
        f"Space Race looked for saves of earlier versions on {when}.",
        "Files are copied, never moved: the originals are where they were.",
        "Delete this file to look again.",
        "",
    ]
    body = report.lines() or ["nothing to bring: no saves were found in the old places"]
    with contextlib.suppress(OSError):
        write_atomic(marker, ("\n".join(head + body) + "\n").encode("utf-8"))
