"""The race's targets (issues 12 and 13), read from `spacerace simulate --json` game records.

Each function takes the records of one batch (and the rule book, for dates and the historical sides) and
returns rows of the balance table: (what is measured and its target, what was measured, met or not; None
when there is nothing to judge). `benchmarks/balance.py` calls them; they do no simulating of their own, so
they can be tried on any saved batch:

    python benchmarks/race_rows.py balance/nn.json

Dates are turn ordinals (`parse_date`); a first nobody reached counts as later than the end date, so a
median or percentile over all games is honest about the games where it never happened.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

Row = tuple[str, str, bool | None]
Record = dict[str, Any]

# The contested firsts of shared/HISTORY.md's first table (the joint docking is shared, so not contested).
CONTESTED = (
    "icbm", "satellite", "animal_in_orbit", "lunar_impact", "lunar_far_side", "human_in_space", "human_in_orbit",
    "venus_flyby", "woman_in_space", "multi_crew", "spacewalk", "mars_flyby", "rendezvous", "lunar_soft_landing",
    "docking", "lunar_orbit_probe", "crewed_lunar_orbit", "crewed_lunar_landing", "space_station",
)  # fmt: skip
LANDING = "crewed_lunar_landing"


def _pct(n: int, d: int) -> str:
    return f"{n / d:.1%} ({n}/{d})" if d else "no games"


def _never(rules: Any) -> int:
    return rules.settings.end + 1  # "after the end date": later than any date a game can reach


def _first_date(rules: Any, record: Record, milestone: str) -> int:
    from game.ai.report import parse_date

    first = record["milestones"].get(milestone)
    return parse_date(rules, first["date"]) if first else _never(rules)


def _quantile(sorted_values: Sequence[int], q: float) -> int:
    """The value below which a share `q` of the values lie (nearest rank: a date that some game really had)."""
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def _label(rules: Any, turn: int) -> str:
    return "after the end" if turn > rules.settings.end else rules.date_label(turn)


def landing_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """The landing's spread: 10th to 90th percentile at least 2.5 years apart, the median in 1968–1971."""
    from game.ai.report import parse_date

    if not games:
        return []
    dates = sorted(_first_date(rules, g, LANDING) for g in games)
    tpy = rules.settings.turns_per_year
    p10, p50, p90 = (_quantile(dates, q) for q in (0.1, 0.5, 0.9))
    span = (p90 - p10) / tpy
    lo, hi = parse_date(rules, "1968-Q1"), parse_date(rules, "1971-Q4")
    return [
        (
            "landing date, 10th to 90th percentile, spans at least 2.5 years",
            f"{_label(rules, p10)} to {_label(rules, p90)} ({span:.2f} years)",
            span >= 2.5,
        ),
        ("landing date median in 1968–1971", _label(rules, p50), lo <= p50 <= hi),
    ]


def prestige_win_row(games: Sequence[Record]) -> list[Row]:
    """Moon race games settled on prestige because nobody landed: 2–15 %."""
    won = sum(1 for g in games if g["reason"] == "prestige")
    share = won / len(games) if games else 0.0
    return [("Moon race games won on prestige (nobody lands): 2–15 %", _pct(won, len(games)), 0.02 <= share <= 0.15)]


def contested_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """History's side first in 40–90 % of games for at least 15 of the 19 contested firsts; none outside 15–95 %."""
    if not games:
        return []
    shares: dict[str, float] = {}
    for ms in CONTESTED:
        side = rules.milestones[ms].history_side if ms in rules.milestones else None
        if side is None:
            continue
        hits = sum(1 for g in games if (g["milestones"].get(ms) or {}).get("side") == side)
        shares[f"{ms} ({side})"] = hits / len(games)
    inside = [k for k, v in shares.items() if 0.40 <= v <= 0.90]
    outside = [f"{k} {v:.0%}" for k, v in shares.items() if not 0.15 <= v <= 0.95]
    listing = ", ".join(f"{k} {v:.0%}" for k, v in shares.items())
    return [
        (
            f"contested firsts: history's side first in 40–90 % of games for at least 15 of {len(shares)}",
            f"{len(inside)} of {len(shares)}: {listing}",
            len(inside) >= 15,
        ),
        (
            "contested firsts: none outside 15–95 %",
            ", ".join(outside) if outside else "none",
            not outside,
        ),
    ]


def median_date_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """Every first with a historical date: its median over all games (never = after the end) within 2 years."""
    if not games:
        return []
    tpy = rules.settings.turns_per_year
    rows: list[Row] = []
    for ms in rules.milestones.values():
        if ms.history_date is None:
            continue
        history = ms.history_date
        med = _quantile(sorted(_first_date(rules, g, ms.id) for g in games), 0.5)
        off = (med - history) / tpy
        rows.append(
            (
                f"median date of {ms.id} (all games) within 2 years of history",
                f"{_label(rules, med)}; history {_label(rules, history)} ({off:+.1f} y)",
                abs(off) <= 2 and med <= rules.settings.end,
            )
        )
    return rows


def _kills_crew(node: object) -> bool:
    """Whether an effect tree (an effect, a choice, nested chances) can kill crew: any `lose_crew` inside it."""
    if getattr(node, "op", None) == "lose_crew":
        return True
    if isinstance(node, (tuple, list)):
        return any(_kills_crew(x) for x in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return any(_kills_crew(getattr(node, f.name)) for f in dataclasses.fields(node))
    return False


def disasters(rules: Any) -> dict[str, tuple[str, ...]]:
    """The events that can kill crew (the disasters), each with the sides it can happen to."""
    out: dict[str, tuple[str, ...]] = {}
    for e in rules.events.values():
        if _kills_crew(e.effects) or _kills_crew(e.choices):
            out[e.id] = e.sides or tuple(rules.side_ids)
    return out


def disaster_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """Each disaster happens in 15–70 % of the games of its side."""
    rows: list[Row] = []
    for event, sides in disasters(rules).items():
        for side in sides:
            hit = sum(1 for g in games if g.get("fired", {}).get(side, {}).get(event))
            share = hit / len(games) if games else 0.0
            rows.append(
                (
                    f"disaster {event} happens to {side} in 15–70 % of games",
                    _pct(hit, len(games)),
                    0.15 <= share <= 0.70,
                )
            )
    return rows


def crew_lost_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """Crew lost per side to the end date: median 1–5, seven or more in at most 5 % of games."""
    rows: list[Row] = []
    for side in rules.side_ids:
        lost = sorted(g["deaths"].get(side, 0) for g in games if side in g["deaths"])
        if not lost:
            continue
        med = statistics.median(lost)
        many = sum(1 for n in lost if n >= 7)
        rows.append((f"crew lost by {side}: median 1–5", f"median {med:g}", 1 <= med <= 5))
        rows.append(
            (f"crew lost by {side}: 7 or more in at most 5 % of games", _pct(many, len(lost)), many <= 0.05 * len(lost))
        )
    return rows


def unspent_cash_rows(rules: Any, games: Sequence[Record], years: Iterable[int], who: str = "") -> list[Row]:
    """Cash carried into each year (before its first instalment), median at most half that year's budget.

    A game's `history` has one row a year, at its first quarter after the instalment: [turn, prestige, budget,
    cash]; the carry-over is the cash less that instalment (the engine's `instalment`)."""
    from game.ai.report import parse_date
    from game.engine.odds import instalment

    rows: list[Row] = []
    for side in rules.side_ids:
        for year in years:
            turn = parse_date(rules, f"{year}-Q1")
            ratios: list[float] = []
            for g in games:
                if who and g["levels"].get(side) != who:
                    continue
                row = next((h for h in g["history"].get(side, ()) if h[0] == turn), None)
                if row is None:
                    continue  # the game ended before that year, or the side was not in it yet
                _, _, budget, cash = row
                carried = cash - instalment(rules, budget, turn)
                ratios.append(carried / budget if budget else 0.0)
            if not ratios:
                continue
            med = statistics.median(ratios)
            label = f"{who} " if who else ""
            rows.append(
                (
                    f"{label}{side}'s unspent cash at the start of {year}: median at most half a year's budget",
                    f"median {med:.2f} of a year's budget ({len(ratios)} games)",
                    med <= 0.5,
                )
            )
    return rows


def first_to_fly_row(rules: Any, games: Sequence[Record]) -> list[Row]:
    """The first to fly in a quarter earns the first: in the flight log (in the order flown), the first flight
    that reached each milestone is the credited side's."""
    checked = right = 0
    for g in games:
        for ms, first in g["milestones"].items():
            if not first:
                continue
            flown = next(
                (f for f in g.get("flights", ()) if f["date"] == first["date"] and ms in f["milestones"]),
                None,
            )
            if flown is None:
                continue  # earned otherwise than by a flight (an event)
            checked += 1
            right += flown["side"] == first["side"]
    return [
        ("the first to fly in a quarter earns the first: 100 %", _pct(right, checked), checked > 0 and right == checked)
    ]


def launch_share_rows(rules: Any, games: Sequence[Record], who: str = "normal") -> list[Row]:
    """The player launches in at least 60 % of its quarters from the second quarter to its landing (or the end)."""
    from game.ai.report import parse_date

    rows: list[Row] = []
    for side in rules.side_ids:
        launched = quarters = 0
        for g in games:
            if g["levels"].get(side) != who:
                continue
            start = rules.settings.start + 1
            reached = g.get("reached", {}).get(side, {}).get(LANDING)
            stop = parse_date(rules, reached) if reached else min(rules.settings.end, parse_date(rules, g["end"]))
            dates = {parse_date(rules, f["date"]) for f in g.get("flights", ()) if f["side"] == side}
            quarters += max(0, stop - start + 1)
            launched += sum(1 for t in dates if start <= t <= stop)
        if quarters:
            rows.append(
                (
                    f"{who} {side} launches in at least 60 % of quarters to its landing",
                    _pct(launched, quarters),
                    launched >= 0.6 * quarters,
                )
            )
    return rows


def side_share_rows(games: Sequence[Record], level: str, target: float, opponent: str) -> list[Row]:
    """`level`'s wins playing each side separately, pooled over the seed ranges; a row is met when the pooled
    share meets `target` and no seed range misses it by more than 5 points (issue 12's rule)."""
    rows: list[Row] = []
    sides = sorted({s for g in games for s, lv in g["levels"].items() if lv == level})
    for side in sides:
        mine = [g for g in games if g["levels"].get(side) == level]
        wins = sum(1 for g in mine if g["winner"] == side)
        ranges: dict[bool, list[Record]] = {}
        for g in mine:
            ranges.setdefault(g["seed"] > 10000, []).append(g)
        parts = {high: sum(1 for g in part if g["winner"] == side) / len(part) for high, part in ranges.items()}
        ok = bool(mine) and wins / len(mine) >= target and all(p >= target - 0.05 for p in parts.values())
        detail = ", ".join(f"seeds {'10001+' if high else '1+'}: {p:.1%}" for high, p in sorted(parts.items()))
        rows.append(
            (f"{level} vs {opponent} as {side}: at least {target:.0%}", f"{_pct(wins, len(mine))}; {detail}", ok)
        )
    return rows


def even_rows(rules: Any, games: Sequence[Record], label: str) -> list[Row]:
    """Each side's share of the wins in a mirror match: 45–55 %."""
    rows: list[Row] = []
    for side in rules.side_ids:
        wins = sum(1 for g in games if g["winner"] == side)
        share = wins / len(games) if games else 0.0
        rows.append((f"{label}: {side} wins 45–55 %", _pct(wins, len(games)), 0.45 <= share <= 0.55))
    return rows


RACE_ROWS: tuple[Callable[[Any, Sequence[Record]], list[Row]], ...] = (
    landing_rows,
    contested_rows,
    median_date_rows,
    disaster_rows,
    crew_lost_rows,
    first_to_fly_row,
    launch_share_rows,
)


def race_rows(rules: Any, games: Sequence[Record]) -> list[Row]:
    """Issue 13's rows of a normal-vs-normal Moon-race batch played on to the end date."""
    rows = even_rows(rules, games, "Moon race, normal vs normal") + prestige_win_row(games)
    for measure in RACE_ROWS:
        rows += measure(rules, games)
    rows += unspent_cash_rows(rules, games, (1958, 1962, 1966))
    rows += unspent_cash_rows(rules, games, (1960, 1964, 1968), who="normal")
    return rows


def main(argv: Sequence[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from game.content.load import load_scenario

    if not argv:
        print("usage: python benchmarks/race_rows.py BATCH.json [SCENARIO]", file=sys.stderr)
        return 2
    rules = load_scenario(argv[1] if len(argv) > 1 else "race_1955").ruleset
    games = json.loads(Path(argv[0]).read_text(encoding="utf-8"))["games"]
    print("| target | measured | met? |\n|---|---|---|")
    for what, measured, ok in race_rows(rules, games):
        print(f"| {what} | {measured} | {'yes' if ok else 'no' if ok is not None else ''} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
