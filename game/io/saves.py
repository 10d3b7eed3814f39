"""Saving, loading, autosaving and listing games in the saves folder."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from game import paths
from game.content.load import Scenario
from game.engine import RULES_VERSION, GameState
from game.io import listing
from game.io.atomic import write_atomic
from game.io.envelope import SaveMeta, envelope_of
from game.io.errors import SaveError
from game.io.listing import AUTOSAVE_STEM, SAVE_SUFFIX, SaveListing
from game.io.reading import open_save, restore_state
from game.io.record import GameRecord

DEFAULT_BACKUPS = 3
AUTOSAVE_NAME = f"{AUTOSAVE_STEM}{SAVE_SUFFIX}"  # the one slot every game shared before games had ids
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


def autosave_path(game_id: str, folder: Path | None = None) -> Path:
    """The game's own autosave slot: `autosave-<game id>.json` in `folder` or the autosaves folder, so that no
    game overwrites another's."""
    return (folder or paths.autosaves_dir()) / f"{AUTOSAVE_STEM}-{game_id}{SAVE_SUFFIX}"


def autosave(
    record: GameRecord, folder: Path | None = None, *, backups: int = DEFAULT_BACKUPS, now: datetime | None = None
) -> Path:
    """Write the game's autosave (with rotating backups) in `folder` or the autosaves folder; call it when a turn
    closes."""
    return save_game(autosave_path(record.game_id, folder), record, backups=backups, now=now)


@dataclass
class LoadedGame:
    """A save brought back to life, with what the player should be told about how."""

    path: Path
    record: GameRecord
    meta: SaveMeta
    migrated_from: int | None = None  # the save version it was upgraded from, if it was old
    upgrade_notes: list[str] = field(default_factory=list)  # what upgrading an old save did
    # why the save's own content is played: the installed scenario or a mod changed, fails or is missing
    content_notes: list[str] = field(default_factory=list)

    @property
    def own_content(self) -> bool:
        """Whether the game plays the content kept in the save rather than the installed scenario."""
        return bool(self.content_notes)

    @property
    def rules_changed(self) -> bool:
        """Whether the game was begun under another version of the game's rules (it plays on under these)."""
        return self.record.rules_version != RULES_VERSION

    @property
    def warnings(self) -> list[str]:
        """Everything the player should be told about how the save was brought back, in words for a log."""
        changed = [rules_changed_note(self.record.rules_version)] if self.rules_changed else []
        return [*self.upgrade_notes, *self.content_notes, *changed]

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
        game_id=envelope.game_id,
    )
    return LoadedGame(save.path, record, envelope.meta, save.migrated_from, save.upgrade_notes, save.content_notes)


def rules_changed_note(saved: int) -> str:
    return (
        f"this game was begun under rules version {saved} and plays on from its save under version {RULES_VERSION} "
        "(its log replays only under the old rules)"
    )


# ------------------------------------------------------------------------------ listing


def list_saves(folder: Path | None = None) -> SaveListing:
    """Every save in `folder` (default: the saves folder), newest first, and the ones that could not be read
    (see game.io.listing)."""
    return listing.list_saves(folder or saves_dir())
