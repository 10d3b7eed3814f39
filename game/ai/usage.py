"""The content-use report of a batch: which events fired, choices were taken, missions flew, milestones were
reached and techs were researched, per package (the scenario and each mod), and what never happened.

`UseTally` counts it one game at a time from the games' records (`GameResult.to_dict`: `fired`, `chosen`,
`researched`, `flights`, `reached`), keyed by content ids, so its memory is the size of the content, never
of the batch. `content_use` groups the counts by the package each record belongs to, as the content merge
recorded it (`Scenario.packages_of`, given here as a plain function since this package does not import
game.content); a record several packages added or changed is listed under each of them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.engine.rules import Ruleset

Owners = Callable[[str, str], tuple[str, ...]]  # (kind, id) -> the packages that added or changed the record
# The kinds of content the report follows: (kind of record, what the text calls its use, its noun).
KINDS = (
    ("events", "fired", "events"),
    ("choices", "taken", "choices"),
    ("missions", "flown", "missions"),
    ("milestones", "reached", "milestones"),
    ("techs", "researched", "techs"),
)


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


class UseTally:
    """Per content id: how often it happened (`times`, by side) and in how many games (`games`).

    Times are: an event's firings, a choice's takings, a mission's launches, and for milestones and techs the
    sides that reached or researched them in a game (each side once a game)."""

    def __init__(self) -> None:
        self.games = 0
        self.times: dict[str, dict[str, dict[str, int]]] = {k: {} for k, _, _ in KINDS}  # kind -> id -> side -> n
        self.in_games: dict[str, dict[str, int]] = {k: {} for k, _, _ in KINDS}  # kind -> id -> games

    def add(self, r: dict[str, Any]) -> None:
        self.games += 1
        seen: dict[str, set[str]] = {k: set() for k, _, _ in KINDS}
        times = self.times
        for side, fired in r.get("fired", {}).items():
            for event, n in fired.items():
                _bump(times["events"].setdefault(event, {}), side, n)
                seen["events"].add(event)
        for side, by_event in r.get("chosen", {}).items():
            for event, chosen in by_event.items():
                for choice, n in chosen.items():
                    key = choice_key(event, choice)
                    _bump(times["choices"].setdefault(key, {}), side, n)
                    seen["choices"].add(key)
        for flight in r.get("flights", ()):
            _bump(times["missions"].setdefault(flight["mission"], {}), flight["side"])
            seen["missions"].add(flight["mission"])
        for side, reached in r.get("reached", {}).items():
            for milestone in reached:
                _bump(times["milestones"].setdefault(milestone, {}), side)
                seen["milestones"].add(milestone)
        for side, techs in r.get("researched", {}).items():
            for tech in set(techs):
                _bump(times["techs"].setdefault(tech, {}), side)
                seen["techs"].add(tech)
        for kind, ids in seen.items():
            games = self.in_games[kind]
            for rid in ids:
                _bump(games, rid)


def choice_key(event: str, choice: str) -> str:
    """How a choice is named in the report: `event.choice` (ids have no dots, so it reads back unambiguously)."""
    return f"{event}.{choice}"


@dataclass
class Use:
    """One record's use over the batch."""

    id: str
    times: int
    games: int
    by_side: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "times": self.times, "games": self.games, "by_side": self.by_side}


@dataclass
class PackageUse:
    """What of one package's content the batch used (`used`, by kind: happened at least once, most first) and
    what it never did (`never`, by kind, in the content's order)."""

    id: str
    role: str  # "scenario" or "mod"
    used: dict[str, list[Use]] = field(default_factory=dict)
    never: dict[str, list[str]] = field(default_factory=dict)

    def count(self, kind: str) -> tuple[int, int]:
        """(how many of the package's records of `kind` happened, how many it has)."""
        used = len(self.used.get(kind, ()))
        return used, used + len(self.never.get(kind, ()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            **{kind: [u.to_dict() for u in self.used.get(kind, ())] for kind, _, _ in KINDS},
            "never": {kind: list(self.never.get(kind, ())) for kind, _, _ in KINDS},
        }


def content_records(rules: Ruleset) -> dict[str, list[str]]:
    """Every record the report follows, by kind, in the content's order."""
    return {
        "events": list(rules.events),
        "choices": [choice_key(e.id, c.id) for e in rules.events.values() for c in e.choices],
        "missions": list(rules.missions),
        "milestones": list(rules.milestones),
        "techs": list(rules.techs),
    }


def held_from_the_start(rules: Ruleset) -> dict[str, set[str]]:
    """What is in use from the first turn, by kind, and so never "never happened": the techs and milestones
    some side starts with (they are researched or reached by the others, or not at all)."""
    return {
        "techs": {tech for side in rules.sides for tech, _ in side.start_techs},
        "milestones": {ms for side in rules.sides for ms, _, _ in side.start_milestones},
    }


def content_use(rules: Ruleset, tally: UseTally, owners: Owners | None = None) -> list[PackageUse]:
    """The batch's use of the content, one entry per package in load order (the scenario first).

    `owners(kind, id)` names the packages that added or changed a record; without it (or for a record it
    does not know) the record is the scenario's. A choice belongs where its event does."""
    packages = [PackageUse(rules.id, "scenario"), *(PackageUse(mod, "mod") for mod in rules.mods)]
    by_id = {p.id: p for p in packages}

    def owning(kind: str, rid: str) -> list[PackageUse]:
        if kind == "choices":
            kind, rid = "events", rid.partition(".")[0]
        named = owners(kind, rid) if owners is not None else ()
        found = [by_id[p] for p in named if p in by_id]
        return found or [packages[0]]

    held = held_from_the_start(rules)
    for kind, ids in content_records(rules).items():
        times, games, started = tally.times[kind], tally.in_games[kind], held.get(kind, set())
        for rid in ids:
            happened = games.get(rid, 0)
            for pkg in owning(kind, rid):
                if happened:
                    by_side = times.get(rid, {})
                    use = Use(rid, sum(by_side.values()), happened, dict(by_side))
                    pkg.used.setdefault(kind, []).append(use)
                elif rid not in started:
                    pkg.never.setdefault(kind, []).append(rid)
    for pkg in packages:
        for uses in pkg.used.values():
            uses.sort(key=lambda u: (-u.times, u.id))
    return packages


# ------------------------------------------------------------------------------------------------ text


def text_report(packages: list[PackageUse], games: int, width: int = 100) -> str:
    """The content-use part of `simulate`'s text summary: per package a headline, then what happened (with
    counts) and what never did."""
    lines = [f"content used in {games} game(s), by package (each id with how often it happened)"]
    for pkg in packages:
        heads = []
        for kind, verb, noun in KINDS:
            used, total = pkg.count(kind)
            if total:
                heads.append(f"{noun} {used} of {total} {verb}")
        lines.append(
            f"{pkg.role} {pkg.id}: "
            + (", ".join(heads) if heads else "adds or changes no events, missions, milestones or techs")
        )
        for kind, verb, noun in KINDS:
            uses = pkg.used.get(kind)
            if uses:
                per_side = kind in ("milestones", "techs")
                items = ", ".join(_text_item(u, per_side) for u in uses)
                lines += _wrapped(f"{noun} {verb}{' (games, per side)' if per_side else ''}: {items}", width)
        for kind, verb, noun in KINDS:
            never = pkg.never.get(kind)
            if never:
                lines += _wrapped(f"{noun} never {verb}: {', '.join(never)}", width)
    return "\n".join(lines)


def _text_item(u: Use, per_side: bool) -> str:
    if per_side:
        return f"{u.id} " + " ".join(f"{side}:{n}" for side, n in u.by_side.items())
    return f"{u.id} {u.times}"


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="      ", break_on_hyphens=False)
