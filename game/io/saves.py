"""Saving, loading, autosaving and listing games in the saves folder."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from game import paths
from game.content.load import Scenario
from game.engine import RULES_VERSION, GameState
from game.io.atomic import write_atomic
from game.io.envelope import SaveHeader, SaveMeta, describe, envelope_of
from game.io.errors import SaveError
from game.io.legacy import is_legacy, legacy_meta, read_legacy
from game.io.reading import open_save, read_document, restore_state, save_version_of, upgraded
from game.io.record import GameRecord

DEFAULT_BACKUPS = 3
AUTOSAVE_NAME = "autosave.json"
SAVE_SUFFIX = ".json"
PLAIN_LIMIT = 1_000_000  # bytes of JSON above which a save is written gzip-compressed (unless told otherwise)


def saves_dir() -> Path:
    """The saves folder: SPACERACE_SAVES, else the platform's user data folder (see `game.paths`)."""
    return paths.saves_dir()


def save_path(name: str, folder: Path | None = None) -> Path:
    """A file in the saves folder for a name a player typed: letters, digits, `-` and `_` kept, the rest `_`."""
    stem = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("._") or "save"
    return (folder or saves_dir()) / f"{stem[:80]}{SAVE_SUFFIX}"


def encode(envelope: dict[str, object], compress: bool | None = None) -> bytes:
    """Compact UTF-8 JSON; gzip when asked, or when `compress` is None and the JSON passes PLAIN_LIMIT."""
    data = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
    if compress or (compress is None and len(data) > PLAIN_LIMIT):
        data = gzip.compress(data, compresslevel=6, mtime=0)
    return data


def save_game(
    path: str | Path,
    record: GameRecord,
    *,
    backups: int = DEFAULT_BACKUPS,
    compress: bool | None = None,
    now: datetime | None = None,
) -> Path:
    """Write `record` to `path` atomically, keeping `backups` older copies as `path.1`…; raises SaveError."""
    path = Path(path)
    data = encode(envelope_of(record, now), compress)
    try:
        write_atomic(path, data, backups)
    except OSError as e:
        raise SaveError(path, f"cannot write the save ({e.strerror or e}); the previous file is unchanged") from None
    return path


def autosave(
    record: GameRecord, folder: Path | None = None, *, backups: int = DEFAULT_BACKUPS, now: datetime | None = None
) -> Path:
    """Write `autosave.json` (with rotating backups) in `folder` or the autosaves folder; call it when a turn closes."""
    return save_game((folder or paths.autosaves_dir()) / AUTOSAVE_NAME, record, backups=backups, now=now)


@dataclass
class LoadedGame:
    """A save brought back to life, with what the player should be told about how."""

    path: Path
    record: GameRecord
    meta: SaveMeta
    warnings: list[str] = field(default_factory=list)
    migrated_from: int | None = None  # the save version it was upgraded from, if it was old

    @property
    def state(self) -> GameState:
        return self.record.state

    @property
    def scenario(self) -> Scenario:
        return self.record.scenario


def load_game(path: str | Path, *, mod_dirs: list[Path] | None = None, check_installed: bool = True) -> LoadedGame:
    """Read a save and restore its game from the snapshot; raises SaveError with a one-line message.

    `mod_dirs` are extra folders to look for mods in. `check_installed=False` skips comparing the
    save with the installed scenario (see `rebuild_scenario`): a faster load, with no warning if
    the installed scenario has changed since.
    """
    save = open_save(path, mod_dirs, check_installed)
    state = restore_state(save)
    envelope = save.envelope
    record = GameRecord(
        scenario=save.scenario,
        setup=save.setup,
        seed=envelope.seed,
        state=state,
        actions=list(save.actions),
        checkpoints=[(n, h) for n, h in envelope.checkpoints],
        rules_version=envelope.rules_version,
    )
    warnings = list(save.warnings)
    if envelope.rules_version != RULES_VERSION:
        warnings.append(rules_changed_note(envelope.rules_version))
    return LoadedGame(save.path, record, envelope.meta, warnings, save.migrated_from)


def rules_changed_note(saved: int) -> str:
    return (
        f"this game was begun under rules version {saved} and plays on from its save under version {RULES_VERSION} "
        "(its log replays only under the old rules)"
    )


# ------------------------------------------------------------------------------ listing


@dataclass(frozen=True)
class SaveInfo:
    """One line of a saves list, read from the envelope without rebuilding the game."""

    path: Path
    scenario: str
    mods: tuple[str, ...]
    sides: tuple[str, ...]
    date: str  # the game's date label, e.g. 1961-Q2
    turn: int  # 0 for a save in the window's former format (its own words do not say)
    saved_at: str
    over: bool
    winner: str | None
    game_version: str  # "" for a save in the window's former format
    size: int

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class SaveListing:
    saves: list[SaveInfo]  # newest first
    unreadable: list[SaveError]  # files that look like saves but cannot be read, by name


def _when(info: SaveInfo, modified: float) -> tuple[float, float]:
    try:
        moment = datetime.fromisoformat(info.saved_at)
    except ValueError:
        return modified, modified
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp(), modified


def read_info(path: Path) -> SaveInfo:
    """The listing line of one save; raises SaveError."""
    data = read_document(path)
    if is_legacy(data):
        legacy = read_legacy(data, path)
        header = SaveHeader(scenario=legacy.scenario_id, mods=legacy.mods, game_version="", meta=legacy_meta(legacy))
    else:
        data = upgraded(data, save_version_of(data, path), path)
        try:
            header = SaveHeader.model_validate(data)
        except ValidationError as e:
            name, problem = describe(e)
            raise SaveError(path, problem, name) from None
    meta = header.meta
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return SaveInfo(
        path,
        header.scenario,
        tuple(header.mods),
        tuple(meta.sides),
        meta.date,
        meta.turn,
        meta.saved_at,
        meta.over,
        meta.winner,
        header.game_version,
        size,
    )


def list_saves(folder: Path | None = None) -> SaveListing:
    """Every `*.json` save in `folder` (default: the saves folder), newest first, and the ones that could not be read."""
    folder = folder or saves_dir()
    found: list[tuple[tuple[float, float], SaveInfo]] = []
    unreadable: list[SaveError] = []
    try:
        files = sorted(p for p in folder.glob(f"*{SAVE_SUFFIX}") if p.is_file())
    except OSError:
        files = []
    for path in files:
        try:
            info = read_info(path)
            modified = path.stat().st_mtime
        except SaveError as e:
            unreadable.append(e)
            continue
        except OSError as e:
            unreadable.append(SaveError(path, f"cannot read the file ({e.strerror or e})"))
            continue
        found.append((_when(info, modified), info))
    found.sort(key=lambda item: (item[0], item[1].path.name), reverse=True)
    return SaveListing([info for _, info in found], unreadable)
