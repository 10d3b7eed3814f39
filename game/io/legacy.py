"""Saves in the window's former format (`spacerace-ui-save`), brought into the current envelope so none is lost.

Before the window saved through game.io it could write a format of its own: the scenario (an id
or a folder), mods, who controlled each side, the seed, the action log and a few words for the
list of saves, but no snapshot, no content and no hash. So the step to the current envelope
cannot be a pure dict-to-dict migration: it needs the scenario (installed, by the id or folder the
file names) and the game itself, played again from the log under today's rules. The listing
reads such a file's own few words without any of that.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError

from game.content.findings import ContentError
from game.content.load import load_scenario
from game.engine import Setup, validate
from game.io.codecs import read_actions
from game.io.envelope import SaveMeta, describe, envelope_of
from game.io.errors import SaveError
from game.io.record import HUMAN, GameRecord

LEGACY_FORMAT = "spacerace-ui-save"
LEGACY_VERSION = 1  # the only version that format ever had
CONVERTED = "converted from the window's former save format: its orders were played again under today's rules"


class _Meta(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sides: list[StrictStr] = []
    date: StrictStr = "?"
    saved_at: StrictInt | StrictFloat = 0


class LegacySave(BaseModel):
    """The fields of the former format this game reads (anything else in the file is ignored, as it was then)."""

    model_config = ConfigDict(extra="ignore")

    format: StrictStr
    version: StrictInt
    scenario: StrictStr
    mods: list[StrictStr] = []
    controllers: dict[StrictStr, StrictStr]
    seed: StrictInt
    play_on: StrictBool = False
    actions: list[Any]
    meta: _Meta = _Meta()

    @property
    def scenario_id(self) -> str:
        """The id to list it under: the scenario's id, or the last part of the folder it was loaded from."""
        return Path(self.scenario).name if "/" in self.scenario or "\\" in self.scenario else self.scenario

    @property
    def saved_at(self) -> str:
        return datetime.fromtimestamp(float(self.meta.saved_at), UTC).isoformat(timespec="seconds")


def is_legacy(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == LEGACY_FORMAT


def read_legacy(data: dict[str, Any], path: Path) -> LegacySave:
    """The former save's fields, checked; raises SaveError."""
    try:
        save = LegacySave.model_validate(data)
    except ValidationError as e:
        name, problem = describe(e)
        raise SaveError(path, problem, name) from None
    if save.version > LEGACY_VERSION:
        raise SaveError(
            path, f"this save was made by a newer version of Space Race (window save version {save.version})"
        )
    return save


def legacy_meta(save: LegacySave) -> SaveMeta:
    """What a list of saves shows of a former save, from its own few words (the game is not rebuilt)."""
    humans = save.meta.sides or [s for s, who in save.controllers.items() if who == HUMAN]
    return SaveMeta(sides=humans, date=save.meta.date, turn=0, saved_at=save.saved_at)


def legacy_envelope(
    data: dict[str, Any], path: Path, mod_dirs: list[Path] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The current envelope of a former save, and what the player should be told; raises SaveError.

    The log is played again from the start; it stops at the first order today's rules refuse, and
    the game is what the orders before it made.
    """
    save = read_legacy(data, path)
    try:
        scenario = load_scenario(save.scenario, save.mods, extra_dirs=mod_dirs)
    except ContentError as e:
        first = e.errors[0].format() if e.errors else str(e)
        raise SaveError(
            path, f"a save in the window's former format, for scenario '{save.scenario}', which does not load: {first}"
        ) from None
    try:
        actions = read_actions(save.actions)
    except ValidationError as e:
        name, problem = describe(e, within=("actions",))
        raise SaveError(path, problem, name) from None
    rules = scenario.ruleset
    setup = Setup(controllers=tuple((s, save.controllers.get(s, HUMAN)) for s in rules.side_ids), play_on=save.play_on)
    record = GameRecord.start(scenario, setup, save.seed)
    notes = [CONVERTED]
    for n, action in enumerate(actions):
        if record.over or validate(record.state, action) is not None:
            notes.append(f"the log stopped replaying after {n} of {len(actions)} orders")
            break
        record.apply(action)
    return envelope_of(record, datetime.fromisoformat(save.saved_at)), notes
