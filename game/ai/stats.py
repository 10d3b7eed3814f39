"""The statistics of a batch of computer-vs-computer games, gathered one game at a time into a `Tally`.

A tally keeps counts, never the games: a batch of ten million games costs what a batch of ten does,
so `spacerace simulate` can summarise and report on any number of them as they stream past. Every
figure is the one a list of all the results would give (medians and quantiles are read off counts
of each value), so a summary does not depend on how the games reached it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.ai.calibration import Flights
from game.ai.usage import UseTally
from game.engine import calendar
from game.engine.rules import Ruleset

Z95 = 1.959964  # two-sided 95 % normal quantile
NEVER = 10**6  # date ordinal standing for "not reached in this game"
HISTORY_COLUMNS = (1, 2, 3)  # of a `history` row [turn, prestige, budget, cash]: the ones charted over time


def wilson(wins: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion `wins / n` (95 % by default)."""
    if n <= 0:
        return 0.0, 1.0
    p = wins / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def parse_date(rules: Ruleset, label: str) -> int:
    """A date label (`1969-Q3`, `1969-H2`, `1969`) back to its turn ordinal."""
    return calendar.date_to_ordinal(label, rules.settings.turns_per_year)


def median(values: Sequence[int]) -> int:
    s = sorted(values)
    return s[len(s) // 2] if s else NEVER


def quantile(values: Sequence[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    i = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return s[i]


def nth_counted(counts: dict[int, int], index: int) -> int:
    """The value at `index` of the sorted list the counts stand for (`counts`: value -> how many times)."""
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen > index:
            return value
    raise IndexError(index)


def median_counted(counts: dict[int, int], extra_never: int = 0) -> int:
    """`median` of the values counted, with `extra_never` more games that never got there."""
    n = sum(counts.values()) + extra_never
    if not n:
        return NEVER
    k = n // 2
    return nth_counted(counts, k) if k < n - extra_never else NEVER


def quantile_counted(counts: dict[int, int], q: float) -> float:
    """`quantile` of the values counted (0 when there are none, as `quantile([0], q)`)."""
    n = sum(counts.values())
    if not n:
        return 0
    return nth_counted(counts, min(n - 1, max(0, round(q * (n - 1)))))


class Tally:
    """Everything the summary and the report read from a batch, added one result at a time (results as
    `GameResult.to_dict` writes them; keys a result lacks count as nothing)."""

    def __init__(self, rules: Ruleset) -> None:
        self.rules = rules
        sides = rules.side_ids
        self.games = 0
        self.wins: dict[str | None, int] = dict.fromkeys(sides, 0)  # None: a draw or an unfinished game
        self.wins[None] = 0
        self.levels: dict[str, list[int]] = {}  # level -> [wins, games] against another level
        self.prestige: dict[str, int] = dict.fromkeys(sides, 0)  # summed over the games
        self.deaths: dict[str, int] = dict.fromkeys(sides, 0)
        self.death_counts: dict[str, dict[int, int]] = {s: {} for s in sides}  # crew lost in a game -> games
        self.firsts: dict[str, dict[int, int]] = {m: {} for m in rules.milestones}  # date of the first -> games
        self.first_by: dict[str, dict[str, int]] = {m: dict.fromkeys(sides, 0) for m in rules.milestones}
        self.reasons: dict[str, int] = {}
        self.ends: dict[int, int] = {}
        # side -> turn -> one count of values per charted column: the spread of every game's yearly figures.
        self.history: dict[str, dict[int, tuple[dict[int, int], ...]]] = {}
        self.flights = Flights()
        self.use = UseTally()  # what of the content the games used (game.ai.usage)

    def add(self, r: dict[str, Any]) -> None:
        rules = self.rules
        self.games += 1
        winner = r["winner"]
        self.wins[winner] = self.wins.get(winner, 0) + 1
        # Win rate of each level over the games it played (a level on both sides of a game counts once).
        levels = r.get("levels", {})
        played = set(levels.values())
        if len(played) > 1:  # a level against itself says nothing about the level
            winner_level = levels.get(winner) if winner else None
            for lv in played:
                w = self.levels.setdefault(lv, [0, 0])
                w[1] += 1
                w[0] += int(winner_level == lv)
        for side in rules.side_ids:
            self.prestige[side] += r["prestige"][side]
            died = r["deaths"].get(side, 0)
            self.deaths[side] += died
            counts = self.death_counts[side]
            counts[died] = counts.get(died, 0) + 1
        for ms_id, first in r["milestones"].items():
            if ms_id not in self.firsts:
                continue
            date = parse_date(rules, first["date"])
            dates = self.firsts[ms_id]
            dates[date] = dates.get(date, 0) + 1
            by = self.first_by[ms_id]
            if first["side"] in by:
                by[first["side"]] += 1
        self.reasons[r["reason"]] = self.reasons.get(r["reason"], 0) + 1
        end = parse_date(rules, r["end"])
        self.ends[end] = self.ends.get(end, 0) + 1
        for side, rows in r.get("history", {}).items():
            by_turn = self.history.setdefault(side, {})
            for row in rows:
                columns = by_turn.get(row[0])
                if columns is None:
                    columns = by_turn[row[0]] = tuple({} for _ in HISTORY_COLUMNS)
                for counts, column in zip(columns, HISTORY_COLUMNS, strict=True):
                    value = row[column]
                    counts[value] = counts.get(value, 0) + 1
        self.flights.add(r)
        self.use.add(r)

    def add_all(self, results: Iterable[dict[str, Any]]) -> Tally:
        for r in results:
            self.add(r)
        return self


# ------------------------------------------------------------------------------------------------ the summary


@dataclass
class Share:
    label: str
    wins: int
    games: int

    @property
    def rate(self) -> float:
        return self.wins / self.games if self.games else 0.0

    @property
    def ci(self) -> tuple[float, float]:
        return wilson(self.wins, self.games)


@dataclass
class MilestoneStats:
    id: str
    name: str
    history: int | None
    history_side: str | None
    reached: int
    games: int
    dates: dict[int, int]  # turn ordinal of the first to reach it -> in how many games, over the games that did
    by_side: dict[str, int]
    median_reached: int  # NEVER when no game reached it
    median_all: int  # counting "never" as later than any date: NEVER when fewer than half reached it

    @property
    def off_turns(self) -> int | None:
        if self.history is None or self.median_reached >= NEVER:
            return None
        return self.median_reached - self.history


@dataclass
class Summary:
    rules: Ruleset
    tally: Tally
    sides: list[Share] = field(default_factory=list)
    levels: list[Share] = field(default_factory=list)
    draws: int = 0
    milestones: list[MilestoneStats] = field(default_factory=list)

    @property
    def games(self) -> int:
        return self.tally.games


def summarize(rules: Ruleset, results: Tally | Iterable[dict[str, Any]]) -> Summary:
    """The summary of a batch: from its tally, or from its results (tallied here)."""
    tally = results if isinstance(results, Tally) else Tally(rules).add_all(results)
    n = tally.games
    out = Summary(rules, tally)
    out.sides = [Share(side, tally.wins[side], n) for side in rules.side_ids]
    out.draws = tally.wins[None]
    out.levels = [Share(lv, w, g) for lv, (w, g) in sorted(tally.levels.items())]
    for ms_id, ms in rules.milestones.items():
        dates = tally.firsts[ms_id]
        reached = sum(dates.values())
        out.milestones.append(
            MilestoneStats(
                ms_id,
                ms.name,
                ms.history_date,
                ms.history_side,
                reached,
                n,
                dates,
                dict(tally.first_by[ms_id]),
                median_counted(dates),
                median_counted(dates, n - reached),
            )
        )
    return out
