"""The shape of a save on disk: pydantic models of the envelope, its checksum, and a GameRecord -> envelope."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, StrictStr, StringConstraints, ValidationError

import game
from game.engine import Setup, state_hash
from game.io.codecs import ActionRecord, dump_actions, dump_state
from game.io.migrations import SAVE_FORMAT, SAVE_VERSION

if TYPE_CHECKING:
    from game.io.record import GameRecord

Hash = Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9a-f]{64}$")]
RecordId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
GameId = Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9a-f]{12}$")]
Pair = tuple[StrictStr, StrictStr]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SavedSetup(_Part):
    controllers: list[Pair]
    options: list[Pair] = []


class SaveMeta(_Part):
    """What a list of saves shows without rebuilding the game."""

    sides: list[StrictStr]  # the sides people play (every side in a game of computers only)
    date: StrictStr
    turn: StrictInt
    saved_at: StrictStr  # ISO 8601, UTC
    over: StrictBool = False
    winner: StrictStr | None = None


class SaveEnvelope(_Part):
    format: Literal["spacerace-save"]
    save_version: StrictInt
    game_version: StrictStr
    rules_version: StrictInt  # the engine's RULES_VERSION when the log began: it replays only under those rules
    game_id: GameId  # the same in every save of one game; names its autosave slot
    scenario: RecordId
    mods: list[RecordId]
    fingerprint: StrictStr
    setup: SavedSetup
    seed: StrictInt
    actions: list[ActionRecord]
    checkpoints: list[tuple[StrictInt, Hash]]  # (actions applied, state_hash) at the start and after every turn
    snapshot: dict[StrictStr, Any]
    hash: Hash
    meta: SaveMeta
    content: dict[StrictStr, Any]
    checksum: Hash | None = None  # absent only in a save upgraded from a version that had none


class SaveHeader(BaseModel):
    """The few fields a listing reads; everything else in the envelope is left unread."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    game_id: GameId
    scenario: StrictStr
    mods: list[StrictStr]
    game_version: StrictStr
    fingerprint: StrictStr
    setup: SavedSetup
    hash: Hash
    meta: SaveMeta


def checksum(envelope: dict[str, Any]) -> str:
    """A digest of everything in the envelope but the checksum, independent of spacing, key order and compression."""
    body = {k: v for k, v in envelope.items() if k != "checksum"}
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def game_version() -> str:
    version = getattr(game, "__version__", None)
    if isinstance(version, str):
        return version
    try:
        return importlib.metadata.version("spacerace")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0+source"


PLAY_ON = "play_on"  # the option that keeps a game going to the end date after a side has won
VICTORY = "victory"  # the option naming the ruleset's victory mode the game is played in
YES_NO = {"yes": True, "no": False}


def setup_options(setup: Setup) -> list[tuple[str, str]]:
    """The setup's options as a save writes them: `play_on` and `victory` among them only when set, so the
    saves of ordinary games read the same in older versions of the game."""
    return [
        *setup.options,
        *([(PLAY_ON, "yes")] if setup.play_on else []),
        *([(VICTORY, setup.victory)] if setup.victory else []),
    ]


def envelope_of(record: GameRecord, now: datetime | None = None) -> dict[str, Any]:
    """The save of `record` as plain data, ready for JSON, checksum included."""
    state = record.state
    rules = state.rules
    saved_at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    envelope: dict[str, Any] = {
        "format": SAVE_FORMAT,
        "save_version": SAVE_VERSION,
        "game_version": game_version(),
        "rules_version": record.rules_version,
        "game_id": record.game_id,
        "scenario": rules.id,
        "mods": list(rules.mods),
        "fingerprint": rules.fingerprint,
        "setup": {
            "controllers": [list(pair) for pair in record.setup.controllers],
            "options": [list(pair) for pair in setup_options(record.setup)],
        },
        "seed": record.seed,
        "actions": dump_actions(record.actions),
        "checkpoints": [list(c) for c in record.checkpoints],
        "snapshot": dump_state(state),
        "hash": state_hash(state),
        "meta": {
            "sides": list(record.played_sides),
            "date": rules.date_label(state.turn),
            "turn": state.turn,
            "saved_at": saved_at,
            "over": record.over,
            "winner": state.winner,
        },
        "content": record.scenario.content,
    }
    envelope["checksum"] = checksum(envelope)
    return envelope


# ------------------------------------------------------------------------------ one-line problems

_PLAIN = {
    "int_type": "must be a whole number",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "string_pattern_mismatch": "has the wrong form",
    "string_too_long": "is too long",
    "literal_error": "has a value this game does not know",
    "too_short": "has too few items",
    "too_long": "has too many items",
}


def field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _plain(first: Any) -> str:
    return _PLAIN.get(first["type"]) or str(first["msg"]).lower()


def plain_problem(error: ValidationError) -> str:
    """The first thing pydantic found wrong inside a record, in a few plain words: `'rng' is missing`."""
    first = error.errors()[0]
    return _problem(first, tuple(first["loc"]))


def _problem(first: Any, loc: tuple[Any, ...]) -> str:
    kind = first["type"]
    if kind == "missing" and loc:
        return f"{loc[-1]!r} is missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument") and loc:
        return f"{loc[-1]!r} is not one of its fields"
    if kind == "union_tag_invalid":
        return f"its type {first['input'].get('type')!r} is not one this game knows"
    if kind == "union_tag_not_found":
        return "it has no type"
    name = field_name(loc)
    return f"{name} {_plain(first)}" if name else _plain(first)


def describe(error: ValidationError, within: tuple[str, ...] = ()) -> tuple[str, str]:
    """(field, one-line problem) for the first thing pydantic found wrong; `within` names the field it read."""
    first = error.errors()[0]
    loc = (*within, *first["loc"])
    kind = first["type"]
    if kind == "json_invalid":
        return "", f"the file is damaged ({_plain(first)})"
    if len(loc) >= 2 and loc[0] == "actions" and isinstance(loc[1], int):
        # Inside an action, the tag pydantic puts in the path says nothing to a player: name the action and what is wrong.
        name = f"actions[{loc[1]}]"
        return name, f"field '{name}' is not an action ({_problem(first, loc[3:])})"
    name = field_name(loc)
    if kind == "missing":
        return name, f"field '{name}' is missing"
    if kind == "extra_forbidden":
        return name, f"field '{name}' is not part of a save"
    return name, f"field '{name}' {_plain(first)}"
