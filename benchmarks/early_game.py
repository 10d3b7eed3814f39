"""Issue 13's "a decision every quarter" figures, read off `spacerace simulate --json` games.

    python benchmarks/early_game.py GAMES.json [GAMES.json ...]
    python benchmarks/early_game.py --games 200 [--jobs 2]     (runs normal against normal, played on)

For each side: the unspent cash at the start of 1958, 1962 and 1966 (the median over the games, against
half of that year's budget: the target is a median at or below it), and the share of quarters from
1955-Q4 to the side's Moon landing (or the game's end) in which it launched at least once (target: 60 %).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.cli import main as spacerace  # noqa: E402

TPY = 4  # quarters a year in the default campaign
YEARS = (1958, 1962, 1966)
FIRST_QUARTER = 1955 * TPY + 3  # 1955-Q4: the first quarter a side plans with a full turn behind it
LANDING = "crewed_lunar_landing"


def ordinal(label: str) -> int:
    """A date label such as "1961-Q2" as a turn ordinal (year * 4 + quarter - 1)."""
    year, _, quarter = label.partition("-Q")
    return int(year) * TPY + int(quarter) - 1


def cash_rows(games: list[dict[str, Any]], side: str) -> list[tuple[int, float, float, float]]:
    """(year, median cash, median half-budget, median of cash / half-budget) at the start of each year in YEARS."""
    rows = []
    for year in YEARS:
        cash, half, ratio = [], [], []
        for g in games:
            row = next((r for r in g["history"].get(side, []) if r[0] == year * TPY), None)
            if row is None:
                continue
            _, _, budget, money = row
            cash.append(money)
            half.append(budget / 2)
            ratio.append(money / max(1, budget / 2))
        if cash:
            rows.append((year, statistics.median(cash), statistics.median(half), statistics.median(ratio)))
    return rows


def launch_share(games: list[dict[str, Any]], side: str) -> tuple[float, float]:
    """(pooled share, median per-game share) of quarters from 1955-Q4 to the side's landing with a launch."""
    launched = total = 0
    shares = []
    for g in games:
        landed = g["reached"].get(side, {}).get(LANDING)
        last = ordinal(landed) if landed else ordinal(g["end"])
        quarters = {ordinal(f["date"]) for f in g["flights"] if f["side"] == side}
        n = max(1, last - FIRST_QUARTER + 1)
        k = sum(1 for q in quarters if FIRST_QUARTER <= q <= last)
        launched += k
        total += n
        shares.append(k / n)
    return launched / max(1, total), statistics.median(shares) if shares else 0.0


def report(games: list[dict[str, Any]]) -> str:
    sides = sorted({s for g in games for s in g["prestige"]})
    lines = [f"{len(games)} games", "", "| side | measure | value | target | met |", "|---|---|---|---|---|"]
    for side in sides:
        for year, cash, half, ratio in cash_rows(games, side):
            ok = cash <= half
            lines.append(
                f"| {side} | cash at the start of {year} | median {cash:.0f} (median cash / half-budget {ratio:.2f})"
                f" | ≤ half a year's budget (median {half:.0f}) | {'yes' if ok else 'NO'} |"
            )
        pooled, median = launch_share(games, side)
        ok = pooled >= 0.60
        lines.append(
            f"| {side} | quarters with a launch, 1955-Q4 to its landing | {pooled:.1%} (median game {median:.1%}) "
            f"| ≥ 60 % | {'yes' if ok else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="simulate --json files (nothing: run the games)")
    ap.add_argument("--games", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    files = list(args.files)
    if not files:
        path = Path(tempfile.mkdtemp()) / "nn.json"
        argv = ["simulate", "--seed", "1", "--games", str(args.games), "--jobs", str(args.jobs), "--json", str(path)]
        code = spacerace([*argv, "--ai", "us=normal", "--ai", "ussr=normal", "--play-on", "--quiet"])
        if code:
            return code
        files = [path]
    games = [g for f in files for g in json.loads(f.read_text(encoding="utf-8"))["games"]]
    print(report(games))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
