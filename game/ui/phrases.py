"""How the engine's phrases read: a condition's or an effect's `describe()` turned into the player's language.

The engine says what a condition or effect means as a translation key and its arguments
(`game.engine.vocab.Phrase`); this is the one place that turns those into text, so no screen
needs to know which op it is looking at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine.rules import Ruleset
from game.engine.vocab import Effect, Name, Phrase, PhraseArg, Turn

JOIN = "; "  # between the phrases of `all` and `any`


class Wording:
    """Phrases in words, for one ruleset: `tr` translates the UI's keys, `stext` the scenario's texts."""

    def __init__(self, tr: Callable[..., str], rules: Ruleset, stext: Callable[[str], str]) -> None:
        self.tr = tr
        self.rules = rules
        self.stext = stext

    def __call__(self, phrase: Phrase) -> str:
        return self.tr(phrase.key, **{name: self.arg(value) for name, value in phrase.args})

    def effects(self, effects: Iterable[Effect]) -> str | None:
        """What these effects do, in words, as the effects themselves say it; None if none says anything."""
        parts = [self(p) for p in (e.describe() for e in effects) if p is not None]
        return JOIN.join(parts) if parts else None

    def arg(self, value: PhraseArg) -> object:
        if isinstance(value, Phrase):
            return self(value)
        if isinstance(value, tuple):
            return JOIN.join(self(p) for p in value)
        if isinstance(value, Name):
            return self.name(value.kind, value.id)
        if isinstance(value, Turn):
            return self.rules.date_label(value.ordinal)
        return value  # a number (which may pick a singular form) or a text already in its final form

    def name(self, kind: str, rid: str) -> str:
        """A record's display name (an event's title); its id if the ruleset has no such record."""
        if kind == "sides":
            record = next((s for s in self.rules.sides if s.id == rid), None)
            return self.stext(record.name) if record is not None else rid
        table = {
            "techs": self.rules.techs,
            "milestones": self.rules.milestones,
            "missions": self.rules.missions,
            "hardware": self.rules.hardware,
            "events": self.rules.events,
        }.get(kind, {})
        found = table.get(rid)
        if found is None:
            return rid
        return self.stext(getattr(found, "title", None) or found.name)
