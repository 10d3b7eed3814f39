"""Validated content -> the engine's Ruleset: the one place content becomes rules.

Pass 1 leaves `Content`: every record as its model. `own_texts` gives each text a translation key,
`convert` turns every record into the engine's dataclass (each model's `to_engine`), the meaning
checks read both forms, and `ruleset` puts the engine's records together. `Content.dump` is the
same content as plain data: what a save keeps and what the ruleset's fingerprint is taken of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content import models as m
from game.content.vocab import ToEngine
from game.engine import rules as r

# Text fields of each kind and the suffix of the key derived for them.
TEXT_FIELDS = {"name": "name", "description": "desc", "title": "title", "text": "text"}
# The prefix of each kind's translation keys and finding labels (`tech.icbm.name`, `tech(icbm)`).
PREFIX = {kind: prefix for kind, (_model, prefix) in m.KINDS.items()}
# Kinds added after saves existed: left out of the dump when a package has none.
OPTIONAL_KINDS = ("facilities",)


def text_key(prefix: str, rid: str, field_name: str) -> str:
    return f"{prefix}.{rid}.{TEXT_FIELDS[field_name]}"


@dataclass
class Content:
    """Content validated into its models (pass 1): what the meaning checks read and the engine is built from."""

    settings: m.Settings | None
    records: dict[str, list[Any]]  # kind -> the records that passed pass 1, in order
    strings: dict[str, dict[str, str]]
    languages: list[str]
    id: str = "scenario"
    mods: list[str] = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)  # kind -> ids of records that did not pass

    def dump(self) -> dict[str, Any]:
        """The content as plain data, as a save keeps it."""
        out: dict[str, Any] = {"settings": self.settings.model_dump(mode="json") if self.settings else {}}
        for kind in m.KINDS:
            out[kind] = [rec.model_dump(mode="json") for rec in self.records.get(kind, [])]
        for kind in OPTIONAL_KINDS:  # content without them dumps (and is fingerprinted, in saves too) as before
            if not out[kind]:
                del out[kind]
        out["strings"] = self.strings
        out["languages"] = self.languages
        out["id"] = self.id
        out["mods"] = self.mods
        return out


def _own_text(value: str | dict[str, str] | None, key: str, strings: dict[str, dict[str, str]]) -> str:
    """A per-language map moves into the string tables under `key`; a key stays; None becomes `key`."""
    if isinstance(value, dict):
        for lang, text in value.items():
            strings.setdefault(lang, {})[key] = text
        return key
    return value if isinstance(value, str) else key


def own_texts(content: Content) -> None:
    """Give every text field of every record a translation key (texts given by language join `strings`)."""
    strings = content.strings
    for kind, records in content.records.items():
        prefix = PREFIX[kind]
        for i, rec in enumerate(records):
            fields = type(rec).model_fields
            update: dict[str, Any] = {
                f: _own_text(getattr(rec, f), text_key(prefix, rec.id, f), strings) for f in TEXT_FIELDS if f in fields
            }
            if "steps" in fields:
                update["steps"] = [
                    st.model_copy(update={"name": _own_text(st.name, f"step.{st.id}", strings)}) for st in rec.steps
                ]
            if "choices" in fields:
                update["choices"] = [
                    ch.model_copy(update={"text": _own_text(ch.text, f"event.{rec.id}.choice.{ch.id}", strings)})
                    for ch in rec.choices
                ]
            records[i] = rec.model_copy(update=update)


@dataclass
class Converted:
    """The records of `Content` as the engine's dataclasses, by kind and id."""

    settings: r.Settings | None
    records: dict[str, dict[str, Any]]
    ctx: ToEngine  # (which remembers the model each condition and effect came from)


def convert(content: Content) -> Converted:
    """Every record that passed pass 1 as the engine's dataclass (texts must be keys: see `own_texts`)."""
    ctx = ToEngine(content.settings.turns_per_year if content.settings else 4)
    records: dict[str, dict[str, Any]] = {}
    for kind in m.KINDS:
        records[kind] = {rec.id: rec.to_engine(ctx) for rec in content.records.get(kind, [])}
    return Converted(content.settings.to_engine() if content.settings else None, records, ctx)


def ruleset(content: Content, converted: Converted, fingerprint: str) -> r.Ruleset:
    """The engine's rule book, from content that passed both passes."""
    assert converted.settings is not None, "a ruleset needs settings (pass 1 reports their absence)"
    rec = converted.records
    return r.Ruleset(
        id=content.id,
        name=f"scenario.{content.id}.name",
        settings=converted.settings,
        sides=tuple(rec["sides"].values()),
        techs=rec["techs"],
        hardware=rec["hardware"],
        missions=rec["missions"],
        milestones=rec["milestones"],
        events=rec["events"],
        crews=rec["crews"],
        victory=tuple(rec["victory"].values()),
        ai_personalities=rec["ai_personalities"],
        victory_modes=tuple(rec["victory_modes"].values()),
        facilities=rec["facilities"],
        launch_windows=tuple(rec["launch_windows"].values()),
        fingerprint=fingerprint,
        mods=tuple(content.mods),
    )


def record_label(kind: str, rid: object) -> str:
    """How findings name a record: `tech(icbm)`."""
    return f"{PREFIX[kind]}({rid})"
