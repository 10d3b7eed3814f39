"""Reading a save file up to a playable ruleset: bytes -> JSON -> version check and upgrade -> validated envelope.

Every problem with the file becomes a SaveError with one line naming the file and the field;
nothing a player's file contains may end in a traceback.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content.findings import ContentError
from game.content.load import Scenario, build_scenario, fingerprint, load_scenario
from game.content.packages import discover
from game.engine import Action, GameState, Setup, state_hash
from game.engine.setup import victory_mode
from game.io.codecs import load_state
from game.io.envelope import PLAY_ON, VICTORY, YES_NO, SaveEnvelope, checksum, describe, plain_problem
from game.io.errors import SaveError
from game.io.legacy import is_legacy, legacy_envelope
from game.io.migrations import SAVE_FORMAT, SAVE_VERSION, migrate

MAX_SAVE_BYTES = 64 * 1024 * 1024  # far above any real save; stops a hostile file from filling memory
GZIP_MAGIC = b"\x1f\x8b"
FROM_SAVE = "the game was loaded from the content kept in the save"


def _brief(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return f"{error} is missing"
    text = " ".join(str(error).split())
    if isinstance(error, ValueError) and "integer string conversion" in text:
        # Python's own words would send the player to sys.set_int_max_str_digits().
        return "it holds a number with thousands of digits"
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__


def check_regular(path: Path) -> None:
    """Raise SaveError unless `path` is a regular file (checked without opening it)."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise SaveError(path, f"cannot read the file ({e.strerror or e})") from None
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(path, f"not a save file (it is {_kind(st.st_mode)})")


def _open_regular(path: Path) -> int:
    """A descriptor of `path` opened for reading, if it is a regular file; raises SaveError at once otherwise.

    A FIFO, a device or a folder named like a save must not block or hang the game: the file is
    looked at before it is opened, opened without blocking, and looked at again once open (it may
    have been swapped in between).
    """
    check_regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise SaveError(path, f"cannot read the file ({e.strerror or e})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise SaveError(path, f"not a save file (it is {_kind(mode)})")
    return fd


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"))
    return next((word for test, word in kinds if test(mode)), "a device or special file")


def _read_bytes(path: Path) -> bytes:
    fd = _open_regular(path)
    try:
        with os.fdopen(fd, "rb") as f:
            raw = f.read(MAX_SAVE_BYTES + 1)
    except OSError as e:
        raise SaveError(path, f"cannot read the file ({e.strerror or e})") from None
    if raw.startswith(GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as z:
                raw = z.read(MAX_SAVE_BYTES + 1)
        except (OSError, EOFError, zlib.error):
            raise SaveError(path, "the compressed save is damaged or cut short") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(path, f"the file is larger than {MAX_SAVE_BYTES // (1024 * 1024)} MB: not a Space Race save")
    return raw


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save can hold")


def read_text(path: Path) -> str:
    """The file's text (plain or gzip, told apart by the first bytes)."""
    raw = _read_bytes(path)
    if not raw.strip():
        raise SaveError(path, "the file is empty")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SaveError(path, f"not a Space Race save (not UTF-8 text at byte {e.start})") from None


def read_document(path: Path) -> Any:
    """The file's JSON, not yet checked."""
    return parse_document(read_text(path), path)


def parse_document(text: str, path: Path) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        # Some of json's messages end in "at", meant to be followed by the place: do not say "at at".
        what = e.msg.removesuffix(" at").removesuffix(" starting")
        raise SaveError(
            path, f"the file is damaged or cut short (not valid JSON: {what} at line {e.lineno} column {e.colno})"
        ) from None
    except RecursionError:
        raise SaveError(path, "the file is damaged (its JSON is nested too deeply)") from None
    except ValueError as e:
        raise SaveError(path, f"the file is damaged ({_brief(e)})") from None


def save_version_of(data: Any, path: Path) -> int:
    """Check the format name and the save version before anything else is read."""
    if not isinstance(data, dict):
        raise SaveError(path, "not a Space Race save (the file holds JSON, but not a save's fields)")
    if "format" not in data:
        raise SaveError(path, "not a Space Race save (field 'format' is missing)", "format")
    if data["format"] != SAVE_FORMAT:
        shown = repr(data["format"])[:40]
        raise SaveError(path, f"not a Space Race save (field 'format' is {shown}, not '{SAVE_FORMAT}')", "format")
    version = data.get("save_version")
    if "save_version" not in data:
        raise SaveError(path, "field 'save_version' is missing", "save_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SaveError(path, "field 'save_version' must be a whole number", "save_version")
    if version > SAVE_VERSION:
        raise SaveError(
            path,
            f"this save was made by a newer version of Space Race (save version {version}; "
            f"this version reads up to {SAVE_VERSION})",
            "save_version",
        )
    return version


def upgraded(data: dict[str, Any], version: int, path: Path) -> dict[str, Any]:
    if version == SAVE_VERSION:
        return data
    try:
        return migrate(data, version)
    except Exception as e:  # an old file of any shape must end in a SaveError
        raise SaveError(path, f"cannot upgrade this save from save version {version} ({_brief(e)})") from None


@dataclass(frozen=True)
class SaveFile:
    """A save read and checked up to the point of restoring the state: envelope, log, setup and ruleset."""

    path: Path
    envelope: SaveEnvelope
    actions: list[Action]
    setup: Setup
    scenario: Scenario
    upgrade_notes: list[str]  # what upgrading an old save did
    migrated_from: int | None
    # why the save's own content is played (the installed scenario or a mod changed, fails or is missing)
    content_notes: list[str]

    @property
    def warnings(self) -> list[str]:
        """Everything the player should be told about how the save was read."""
        return [*self.upgrade_notes, *self.content_notes]


FIRST_CHECKSUMMED = 1  # the first save version that carries a checksum


def check_sum(data: dict[str, Any], path: Path) -> None:
    """The file is as the game wrote it: its checksum covers everything else in it, in the layout it was written in."""
    if not isinstance(data.get("checksum"), str):
        raise SaveError(path, "field 'checksum' is missing", "checksum")
    try:
        matches = checksum(data) == data["checksum"]
    except (ValueError, RecursionError):
        matches = False
    if not matches:
        raise SaveError(path, "the save is damaged or was edited (its checksum does not match)", "checksum")


def read_envelope(path: Path, mod_dirs: list[Path] | None = None) -> tuple[SaveEnvelope, int | None, list[str]]:
    """The validated envelope (checksum verified, upgraded if old), the version it was upgraded from, and notes
    for the player (a save in the window's former format is converted, see game.io.legacy)."""
    text = read_text(path)
    data = parse_document(text, path)
    if is_legacy(data):
        converted, notes = legacy_envelope(data, path, mod_dirs)
        return _validate(json.dumps(converted), path), None, notes
    version = save_version_of(data, path)
    if version == SAVE_VERSION:
        envelope = _validate(text, path)  # a field of the wrong kind is named before the checksum is blamed
        check_sum(data, path)
        return envelope, None, []
    if version >= FIRST_CHECKSUMMED:
        check_sum(data, path)  # over the layout it was written in, before the upgrade changes it
    try:
        text = json.dumps(upgraded(data, version, path))
    except (ValueError, RecursionError):
        raise SaveError(path, "the file is damaged (its JSON cannot be upgraded)") from None
    envelope = _validate(text, path)
    if envelope.save_version != SAVE_VERSION:
        raise SaveError(path, f"field 'save_version' is {envelope.save_version} after upgrading", "save_version")
    return envelope, version, []


def _validate(text: str, path: Path) -> SaveEnvelope:
    try:
        return SaveEnvelope.model_validate_json(text)
    except ValidationError as e:
        name, problem = describe(e)
        raise SaveError(path, problem, name) from None


def _missing_packages(envelope: SaveEnvelope, mod_dirs: list[Path] | None) -> list[str]:
    packages, _ = discover(mod_dirs)
    out = []
    if envelope.scenario not in packages:
        out.append(f"scenario '{envelope.scenario}' is not installed; {FROM_SAVE}")
    out.extend(f"mod '{mod}' is missing; {FROM_SAVE}" for mod in envelope.mods if mod not in packages)
    return out


def rebuild_scenario(
    envelope: SaveEnvelope, path: Path, mod_dirs: list[Path] | None = None, check_installed: bool = True
) -> tuple[Scenario, list[str]]:
    """The installed scenario and mods if they are still what the save was played with, else the saved content.

    With `check_installed` off, the saved content is used straight away (it is, by its fingerprint,
    the ruleset the game was played with) and only missing packages are reported: this skips
    reading the scenario's YAML, the slowest part of loading.
    """
    try:
        saved_fingerprint = fingerprint(envelope.content)
    except (ValueError, TypeError, RecursionError):
        saved_fingerprint = ""
    if saved_fingerprint != envelope.fingerprint:
        raise SaveError(
            path, "field 'content' does not match the save's fingerprint (the save is damaged or was edited)", "content"
        )
    warnings: list[str] = []
    if not check_installed:
        warnings = _missing_packages(envelope, mod_dirs)
    else:
        try:
            installed = load_scenario(envelope.scenario, envelope.mods, extra_dirs=mod_dirs)
        except ContentError as e:
            warnings = _missing_packages(envelope, mod_dirs)
            if not warnings:
                first = e.errors[0].format() if e.errors else str(e)
                warnings.append(f"the installed scenario '{envelope.scenario}' no longer loads ({first}); {FROM_SAVE}")
        else:
            if installed.ruleset.fingerprint == envelope.fingerprint:
                return installed, []
            warnings.append(
                f"scenario changed since this save: fingerprint differs (installed {installed.ruleset.fingerprint}, "
                f"saved {envelope.fingerprint}); {FROM_SAVE}"
            )
    try:
        return build_scenario(envelope.content), warnings
    except ContentError as e:
        raise SaveError(path, f"field 'content' cannot be played ({e})", "content") from None
    except Exception as e:  # building assumes validated content, and this content came from a file
        raise SaveError(path, f"field 'content' is damaged ({_brief(e)})", "content") from None


def _setup(envelope: SaveEnvelope, path: Path) -> Setup:
    """Who played each side and the game's options; `play_on` and `victory` are among the options in the file
    (whether the victory mode exists in the ruleset is checked when the game is rebuilt)."""
    play_on = False
    victory = ""
    options = []
    for key, value in envelope.setup.options:
        if key == VICTORY:
            victory = value
        elif key != PLAY_ON:
            options.append((key, value))
        elif value in YES_NO:
            play_on = YES_NO[value]
        else:
            raise SaveError(
                path, f"field 'setup.options' has {PLAY_ON} {value!r}, which is neither yes nor no", "setup.options"
            )
    return Setup(
        controllers=tuple((a, b) for a, b in envelope.setup.controllers),
        options=tuple(options),
        play_on=play_on,
        victory=victory,
    )


def open_save(path: str | Path, mod_dirs: list[Path] | None = None, check_installed: bool = True) -> SaveFile:
    """Read, upgrade and check a save and rebuild its ruleset; raises SaveError. The snapshot is not restored yet."""
    path = Path(path)
    envelope, migrated_from, notes = read_envelope(path, mod_dirs)
    actions = list(envelope.actions)
    setup = _setup(envelope, path)
    scenario, warnings = rebuild_scenario(envelope, path, mod_dirs, check_installed)
    try:
        victory_mode(scenario.ruleset, setup.victory)
    except ValueError as e:
        raise SaveError(path, f"field 'setup.options': {e}", "setup.options") from None
    return SaveFile(path, envelope, actions, setup, scenario, notes, migrated_from, warnings)


def restore_state(save: SaveFile) -> GameState:
    """The state from the snapshot, checked against the save's hash, seed, sides and log length."""
    path, envelope = save.path, save.envelope
    rules = save.scenario.ruleset
    try:
        state = load_state(rules, json.dumps(envelope.snapshot))
    except ValidationError as e:
        raise SaveError(path, f"field 'snapshot' is damaged ({plain_problem(e)})", "snapshot") from None
    except (ValueError, TypeError, RecursionError) as e:  # a record the engine refuses to build, or JSON too deep
        raise SaveError(path, f"field 'snapshot' is damaged ({_brief(e)})", "snapshot") from None
    digest = state_hash(state)
    if set(state.sides) != set(rules.side_ids):
        raise SaveError(path, "field 'snapshot' does not hold the sides of its scenario", "snapshot")
    if digest != envelope.hash:
        raise SaveError(
            path, "hash mismatch: the snapshot does not match field 'hash' (the save is damaged or was edited)", "hash"
        )
    if state.seed != envelope.seed:
        raise SaveError(
            path, f"field 'seed' is {envelope.seed} but the snapshot was played with seed {state.seed}", "seed"
        )
    if state.actions_applied != len(save.actions):
        raise SaveError(
            path,
            f"field 'actions' holds {len(save.actions)} actions but the snapshot was taken after {state.actions_applied}",
            "actions",
        )
    return state
