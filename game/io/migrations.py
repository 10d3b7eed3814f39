"""Every change of the save layout in one place: the current save version and pure dict -> dict upgrade steps.

A step takes a save of version N (as parsed JSON) and returns the same save in version N + 1.
Steps never import the engine or content: they describe the layout as it was then, so an
old save upgrades the same way whatever later versions of the rules do. To change the layout,
raise `SAVE_VERSION` and add the step from the previous version to `STEPS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SAVE_FORMAT = "spacerace-save"
SAVE_VERSION = 2  # the version this game writes, and the newest it reads

Save = dict[str, Any]


class MigrationError(ValueError):
    """An old save that does not have the layout its version promises."""


def _v1_date_label(turns_per_year: int, turn: int) -> str:
    """The date label as version 1 listings show it (kept here so old saves list the same forever)."""
    year, n = turn // turns_per_year, turn % turns_per_year + 1
    if turns_per_year == 1:
        return str(year)
    letter = {4: "Q", 2: "H"}.get(turns_per_year, "T")
    return f"{year}-{letter}{n}"


def _v0_to_v1(old: Save) -> Save:
    """Version 0, the draft layout of the first builds, to version 1.

    Version 0 kept `scenario` as an object (`id`, `mods`, `fingerprint`), controllers as a
    `{side: controller}` map, the log under `log` with each action's kind under `action`, the
    snapshot under `state` and its hash under `state_hash`, and had no checkpoints, no listing
    metadata and no checksum. Version 1 flattens the scenario, keeps the setup as ordered pairs,
    renames the log and snapshot, names each action's kind `type`, and adds `meta`.
    """
    scenario = old["scenario"]
    controllers: dict[str, str] = old["controllers"]
    snapshot: dict[str, Any] = old["state"]
    content: dict[str, Any] = old["content"]
    turn = snapshot["turn"]
    actions = []
    for entry in old["log"]:
        action = {"type" if k == "action" else k: v for k, v in entry.items()}
        actions.append(action)
    return {
        "format": SAVE_FORMAT,
        "save_version": 1,
        "game_version": old.get("game_version", "0.0.0"),
        "scenario": scenario["id"],
        "mods": list(scenario.get("mods", [])),
        "fingerprint": scenario["fingerprint"],
        "setup": {"controllers": [[side, who] for side, who in controllers.items()], "options": []},
        "seed": old["seed"],
        "actions": actions,
        "checkpoints": [],
        "snapshot": snapshot,
        "hash": old["state_hash"],
        "meta": {
            "sides": [side for side, who in controllers.items() if who == "human"],
            "date": _v1_date_label(content["settings"]["turns_per_year"], turn),
            "turn": turn,
            "saved_at": old.get("saved_at", ""),
            "over": snapshot.get("phase") == "over",
            "winner": snapshot.get("winner"),
        },
        "content": content,
    }


# The fields of the records version 1 wrote as rows, in the order it wrote them.
_V1_TECH = ("progress", "done", "reliability", "funding", "flights", "failures")
_V1_LAUNCH = ("turn", "side", "mission", "outcome", "crew")


def _v1_to_v2(old: Save) -> Save:
    """Version 1 to version 2: the rules version, and the snapshot as the TypeAdapters write it.

    Version 1 did not say which rules its log was played under: those were rules version 1, before
    flights flew at the odds settled at the end of planning. Its snapshot wrote a tech's state and
    a launch of the public log as rows and the dice as a bare number; version 2 writes every record
    as an object of its fields and the dice as `{"state": n}`.
    """
    snapshot = dict(old["snapshot"])
    sides = {}
    for side_id, side in snapshot["sides"].items():
        techs = {t: dict(zip(_V1_TECH, row, strict=True)) for t, row in side["techs"].items()}
        sides[side_id] = {**side, "techs": techs}
    snapshot["sides"] = sides
    snapshot["public_log"] = [dict(zip(_V1_LAUNCH, row, strict=True)) for row in snapshot["public_log"]]
    snapshot["rng"] = {"state": snapshot["rng"]}
    return {**old, "save_version": 2, "rules_version": 1, "snapshot": snapshot}


# Keyed by the version a step upgrades from.
STEPS: dict[int, Callable[[Save], Save]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
}


def migrate(save: Save, version: int) -> Save:
    """Lift `save`, of layout `version`, to SAVE_VERSION; raises MigrationError, or KeyError/TypeError on a broken one."""
    while version < SAVE_VERSION:
        step = STEPS.get(version)
        if step is None:
            raise MigrationError(f"no upgrade is known from save version {version}")
        save = step(save)
        version += 1
        if save.get("save_version") != version:
            raise MigrationError(f"the upgrade from save version {version - 1} did not produce version {version}")
    return save
