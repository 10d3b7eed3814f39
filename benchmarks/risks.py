"""The risks of the default campaign, measured: how often each crew-killing event and each drawn event happens.

    python benchmarks/risks.py [--games 400] [--jobs 2] [--out /tmp/risks] [--reuse]

Runs `spacerace simulate` (normal against normal, and each of a careful bot, bot_test_pilot, and a rushing
one, bot_moon_rush, against normal with sides swapped every other game; all played on to the end date)
and reads the games' JSON: for every event that can kill a crew (any `lose_crew` among its effects or
its choices'), the share of its side's games in which it fired; the crew each side lost (median and
the share of games with 7 or more); and for the drawn events (`weight`) and the repeatable ones, the
share of games that saw each at least once (games should differ: not every game sees the same ones).
The targets are issue 13's: each historical disaster in 15–70 % of its side's games (normal against
normal), the careful bot at most half as often as the rushing one, crew lost a median of 1–5 and 7 or
more in at most 5 % of games.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.cli import main as spacerace  # noqa: E402
from game.content.load import load_scenario  # noqa: E402
from game.engine.rules import Ruleset  # noqa: E402
from game.engine.vocab import walk  # noqa: E402

CAREFUL, RUSHING = "bot_test_pilot", "bot_moon_rush"
# name: simulate's arguments
RUNS: dict[str, list[str]] = {
    "nn": ["--ai", "us=normal", "--ai", "ussr=normal", "--play-on"],
    "careful": ["--ai", f"us={CAREFUL}", "--ai", "ussr=normal", "--swap", "--play-on"],
    "rushing": ["--ai", f"us={RUSHING}", "--ai", "ussr=normal", "--swap", "--play-on"],
}


def killers(rules: Ruleset) -> list[str]:
    """The events that can kill a crew: a `lose_crew` among their effects or their choices' effects."""
    return [e.id for e in rules.events.values() if any(op.op == "lose_crew" for _, op in walk(e))]


def drawn(rules: Ruleset) -> list[str]:
    """The events of the draw (a `weight`) and the repeatable ones: those games should not all see."""
    return [e.id for e in rules.events.values() if getattr(e, "weight", 0) > 0 or not e.once]


def sides_of(rules: Ruleset, event: str) -> list[str]:
    e = rules.events[event]
    return list(e.sides) or [s.id for s in rules.sides]


def share_fired(games: list[dict[str, Any]], event: str, side: str, level: str | None = None) -> tuple[int, int]:
    """(games in which `event` fired for `side`, games counted), only those where `side` played `level`."""
    counted = [g for g in games if level is None or g["levels"][side] == level]
    return sum(1 for g in counted if g["fired"].get(side, {}).get(event)), len(counted)


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.0f} %" if n else "–"


def report(rules: Ruleset, results: dict[str, list[dict[str, Any]]]) -> str:
    lines: list[str] = []
    nn = results.get("nn", [])
    if nn:
        lines += ["## Normal against normal", "", f"{len(nn)} games, played on to the end date.", ""]
        lines += ["| crew-killing event | side | games it fired | target |", "|---|---|---|---|"]
        for e in killers(rules):
            for side in sides_of(rules, e):
                k, n = share_fired(nn, e, side)
                lines.append(f"| {e} | {side} | {pct(k, n)} | 15–70 % if historical |")
        lines += ["", "| side | crew lost: median | mean | 7 or more | target |", "|---|---|---|---|---|"]
        for side in (s.id for s in rules.sides):
            deaths = [g["deaths"].get(side, 0) for g in nn]
            seven = sum(1 for d in deaths if d >= 7)
            median = statistics.median(deaths)
            lines.append(
                f"| {side} | {median:g} | {statistics.fmean(deaths):.1f} | {pct(seven, len(deaths))} | median 1–5, "
                "≤ 5 % |"
            )
        lines += ["", "| drawn or repeatable event | us | ussr |", "|---|---|---|"]
        for e in drawn(rules):
            cells = [pct(*share_fired(nn, e, side)) if side in sides_of(rules, e) else "–" for side in ("us", "ussr")]
            lines.append(f"| {e} | {' | '.join(cells)} |")
    if "careful" in results and "rushing" in results:
        lines += ["", f"## Careful ({CAREFUL}) against rushing ({RUSHING}), each against normal, sides swapped", ""]
        lines += ["| crew-killing event | side | careful | rushing | target |", "|---|---|---|---|---|"]
        for e in killers(rules):
            for side in sides_of(rules, e):
                kc, nc = share_fired(results["careful"], e, side, CAREFUL)
                kr, nr = share_fired(results["rushing"], e, side, RUSHING)
                lines.append(f"| {e} | {side} | {pct(kc, nc)} of {nc} | {pct(kr, nr)} of {nr} | careful ≤ half |")
        lines += ["", "| bot | side | crew lost: median | 7 or more |", "|---|---|---|---|"]
        for name, bot in (("careful", CAREFUL), ("rushing", RUSHING)):
            for side in (s.id for s in rules.sides):
                deaths = [g["deaths"].get(side, 0) for g in results[name] if g["levels"][side] == bot]
                if deaths:
                    seven = sum(1 for d in deaths if d >= 7)
                    lines.append(f"| {bot} | {side} | {statistics.median(deaths):g} | {pct(seven, len(deaths))} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--games", type=int, default=400)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--out", type=Path, default=Path("risks"))
    p.add_argument("--only", default=",".join(RUNS), help="runs, comma-separated: " + ", ".join(RUNS))
    p.add_argument("--reuse", action="store_true", help="read existing JSON files instead of running")
    a = p.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    rules = load_scenario("race_1955").ruleset
    results: dict[str, list[dict[str, Any]]] = {}
    for name in a.only.split(","):
        target = a.out / f"{name}.json"
        if not (a.reuse and target.exists()):
            args = ["simulate", "--seed", str(a.seed), "--games", str(a.games), "--jobs", str(a.jobs)]
            if spacerace([*args, "--json", str(target), "--quiet", *RUNS[name]]) != 0:
                return 1
        results[name] = json.loads(target.read_text(encoding="utf-8"))["games"]
    text = report(rules, results)
    (a.out / "risks.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
