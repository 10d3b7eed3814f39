"""The list of saves in a folder: what each one shows, read from its snapshot once its hash holds.

A listing line must not lie: the date, turn and winner a player picks a save by are taken from the
state the snapshot holds, after the snapshot's hash is checked, and a header (`meta`) that says
otherwise marks the save damaged. A listing never replays a log or reads an installed scenario: the
ruleset a snapshot needs is built from the content kept in the save, once per ruleset fingerprint,
so a folder of a hundred saves of one campaign builds one ruleset.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import paths
from game.content.findings import ContentError
from game.content.load import build_scenario, fingerprint
from game.engine import GameState, Ruleset, is_over, state_hash
from game.io.atomic import backup_path
from game.io.codecs import load_state
from game.io.envelope import SaveHeader, describe, plain_problem
from game.io.errors import SaveError
from game.io.legacy import is_legacy, legacy_meta, read_legacy
from game.io.migrations import SAVE_VERSION
from game.io.reading import read_document, save_version_of, upgraded
from game.io.record import HUMAN

SAVE_SUFFIX = paths.SAVE_SUFFIX
AUTOSAVE_STEM = "autosave"  # `autosave.json` (one slot for every game, before games had ids) or `autosave-<id>.json`
AUTOSAVE_RE = re.compile(r"^autosave(-[0-9a-f]{12})?\.json$")
MAX_BACKUPS_LOOKED_AT = 9


def is_autosave(path: Path) -> bool:
    return bool(AUTOSAVE_RE.match(path.name))


@dataclass(frozen=True)
class SaveInfo:
    """One line of a saves list: the game as its snapshot holds it, and who plays each side."""

    path: Path
    scenario: str
    mods: tuple[str, ...]
    sides: tuple[str, ...]  # the sides people play (every side in a game of computers only)
    date: str  # the game's date label, e.g. 1961-Q2
    turn: int  # 0 for a save in the window's former format (its own words do not say)
    saved_at: str
    over: bool
    winner: str | None
    game_version: str  # "" for a save in the window's former format
    size: int
    game_id: str = ""  # "" for a save in the window's former format
    seats: tuple[tuple[str, str], ...] = ()  # (side, `human` or `ai:<level>`) for every side, in scenario order
    turns: tuple[int, int] = (0, 0)  # the game's first and last turn (the Moon race's deadline...; (0, 0) when unknown)

    @property
    def turn_of_game(self) -> int:
        """The turn as the game counts it, the first turn of the game being 1; 0 when unknown."""
        return self.turn - self.turns[0] + 1 if self.turns != (0, 0) else 0

    @property
    def turns_in_game(self) -> int:
        return self.turns[1] - self.turns[0] + 1 if self.turns != (0, 0) else 0

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def autosave(self) -> bool:
        return is_autosave(self.path)

    @property
    def levels(self) -> dict[str, str]:
        """The computer players' levels, by side (a side people play is not in it)."""
        return {s: c.removeprefix("ai:") for s, c in self.seats if c.startswith("ai:")}


@dataclass(frozen=True)
class SaveListing:
    saves: list[SaveInfo]  # newest first
    unreadable: list[SaveError]  # files that look like saves but cannot be read, by name
    backups: dict[str, SaveInfo] = field(default_factory=dict)  # an unreadable file's path -> its newest good backup

    def backup_of(self, error: SaveError) -> SaveInfo | None:
        return self.backups.get(error.path)


# ------------------------------------------------------------------------------ one save

_RULESETS: dict[str, Ruleset] = {}  # fingerprint -> ruleset built from a save's content (a few per folder)
_READ: dict[tuple[str, int, int, int, int], SaveInfo | SaveError] = {}  # (path, inode, size, mtime, ctime) -> line
_CACHE_LIMIT = 2000


def _ruleset(data: dict[str, Any], header: SaveHeader, path: Path) -> Ruleset:
    """The ruleset the save's snapshot was played on, from the content kept in the save (checked by fingerprint)."""
    known = _RULESETS.get(header.fingerprint)
    if known is not None:
        return known
    content = data.get("content")
    try:
        matches = isinstance(content, dict) and fingerprint(content) == header.fingerprint
    except (ValueError, TypeError, RecursionError):
        matches = False
    if not matches:
        raise SaveError(
            path, "field 'content' does not match the save's fingerprint (the save is damaged or was edited)", "content"
        )
    try:
        rules = build_scenario(content).ruleset  # type: ignore[arg-type]
    except ContentError as e:
        raise SaveError(path, f"field 'content' cannot be played ({e})", "content") from None
    except Exception as e:  # content from a file: whatever building it raises is the file's fault
        raise SaveError(path, f"field 'content' is damaged ({type(e).__name__})", "content") from None
    if len(_RULESETS) > 16:
        _RULESETS.clear()
    _RULESETS[header.fingerprint] = rules
    return rules


def _snapshot(data: dict[str, Any], rules: Ruleset, header: SaveHeader, path: Path) -> GameState:
    try:
        state = load_state(rules, json.dumps(data.get("snapshot")))
    except ValidationError as e:
        raise SaveError(path, f"field 'snapshot' is damaged ({plain_problem(e)})", "snapshot") from None
    except (ValueError, TypeError, RecursionError) as e:
        raise SaveError(path, f"field 'snapshot' is damaged ({type(e).__name__})", "snapshot") from None
    if state_hash(state) != header.hash:
        raise SaveError(
            path, "hash mismatch: the snapshot does not match field 'hash' (the save is damaged or was edited)", "hash"
        )
    return state


def _disagrees(name: str, said: object, holds: object, path: Path) -> SaveError:
    return SaveError(
        path,
        f"field 'meta.{name}' says {said!r} but the game in the save holds {holds!r} (the save is damaged or was edited)",
        f"meta.{name}",
    )


def _played_sides(seats: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    humans = tuple(s for s, who in seats if who == HUMAN)
    return humans or tuple(s for s, _ in seats)


def _info(path: Path, data: Any) -> SaveInfo:
    if is_legacy(data):  # no snapshot to read: the former format's own few words
        legacy = read_legacy(data, path)
        meta = legacy_meta(legacy)
        return SaveInfo(
            path=path, scenario=legacy.scenario_id, mods=tuple(legacy.mods), sides=tuple(meta.sides),
            date=meta.date, turn=0, saved_at=meta.saved_at, over=False, winner=None, game_version="", size=0,
            seats=tuple(legacy.controllers.items()),
        )  # fmt: skip
    version = save_version_of(data, path)
    # No checksum here: it costs half of a listing, and what a line shows is proven by the snapshot's hash
    # instead. Damage anywhere else (the log, the content) is found when the save is loaded.
    data = upgraded(data, version, path)
    try:
        header = SaveHeader.model_validate(data)
    except ValidationError as e:
        name, problem = describe(e)
        raise SaveError(path, problem, name) from None
    rules = _ruleset(data, header, path)
    state = _snapshot(data, rules, header, path)
    seats = tuple((s, dict(header.setup.controllers).get(s, HUMAN)) for s in rules.side_ids)
    meta, date, over = header.meta, rules.date_label(state.turn), is_over(state)
    for name, said, holds in (
        ("turn", meta.turn, state.turn),
        ("over", meta.over, over),
        ("winner", meta.winner, state.winner),
    ):
        if said != holds:
            raise _disagrees(name, said, holds, path)
    if version == SAVE_VERSION and meta.date != date:  # an older version may have worded dates otherwise
        raise _disagrees("date", meta.date, date, path)
    if tuple(meta.sides) != _played_sides(seats):
        raise _disagrees("sides", meta.sides, list(_played_sides(seats)), path)
    return SaveInfo(
        path=path, scenario=header.scenario, mods=tuple(header.mods), sides=_played_sides(seats), date=date,
        turn=state.turn, saved_at=meta.saved_at, over=over, winner=state.winner, game_version=header.game_version,
        size=0, game_id=header.game_id, seats=seats,
        turns=(rules.settings.start, rules.last_turn(state.victory_mode, state.decided)),
    )  # fmt: skip


def read_info(path: Path) -> SaveInfo:
    """The listing line of one save; raises SaveError. Remembered while the file is unchanged."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise SaveError(path, f"cannot read the file ({e.strerror or e})") from None
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    known = _READ.get(key)
    if known is None:
        try:
            known = dataclasses.replace(_info(path, read_document(path)), size=st.st_size)
        except SaveError as e:
            known = e
        if len(_READ) > _CACHE_LIMIT:
            _READ.clear()
        _READ[key] = known
    if isinstance(known, SaveError):
        raise known
    return known


# ------------------------------------------------------------------------------ a folder


def _when(info: SaveInfo, modified: float) -> tuple[float, float]:
    try:
        moment = datetime.fromisoformat(info.saved_at)
    except ValueError:
        return modified, modified
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp(), modified


def newest_backup(path: Path) -> SaveInfo | None:
    """The newest backup of a save (`NAME.1`, `NAME.2`…) that reads, if any."""
    for n in range(1, MAX_BACKUPS_LOOKED_AT + 1):
        candidate = backup_path(path, n)
        if not os.path.lexists(candidate):
            return None
        try:
            return read_info(candidate)
        except SaveError:
            continue
    return None


def list_saves(folder: Path) -> SaveListing:
    """Every `*.json` file in `folder`, newest first; the ones that cannot be read are named with the reason,
    and with their newest good backup when one is there."""
    found: list[tuple[tuple[float, float], SaveInfo]] = []
    unreadable: list[SaveError] = []
    backups: dict[str, SaveInfo] = {}
    try:
        files = sorted(p for p in folder.glob(f"*{SAVE_SUFFIX}") if not p.is_dir())
    except OSError:
        files = []
    for path in files:
        try:
            info = read_info(path)
            modified = path.stat().st_mtime
        except SaveError as e:
            unreadable.append(e)
            backup = newest_backup(path)
            if backup is not None:
                backups[e.path] = backup
            continue
        except OSError as e:
            unreadable.append(SaveError(path, f"cannot read the file ({e.strerror or e})"))
            continue
        found.append((_when(info, modified), info))
    found.sort(key=lambda item: (item[0], item[1].path.name), reverse=True)
    return SaveListing([info for _, info in found], unreadable, backups)


__all__ = ["AUTOSAVE_STEM", "SaveInfo", "SaveListing", "is_autosave", "list_saves", "newest_backup", "read_info"]
