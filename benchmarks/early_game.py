"""Issue 13's "a decision every quarter" figures, read off `spacerace simulate --json` games.

    python benchmarks/early_game.py GAMES.json [GAMES.json ...]
    python benchmarks/early_game.py --games 200 [--jobs 2]     (runs normal against normal, played on)
    python benchmarks/early_game.py --dead 50                 (also: quarters with nothing worth flying)

For each side: the cash carried into 1958, 1962 and 1966 (median at most half that year's budget), and the
share of quarters from 1955-Q4 to the side's Moon landing (or the game's end) in which it launched at least
once (target: 60 %), both measured by benchmarks/race_rows.py as the balance table measures them.

With `--dead N`, N normal-against-normal games (seeds 1..N) are replayed quarter by quarter, and for each
side each quarter is checked for an affordable flight that matters (issue 13: one that could earn
prestige, a milestone, application income, or reliability on a tech the side's landing needs): the share
of quarters without one, from 1955-Q4 to the landing (target: at most 10 %).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.cli import main as spacerace  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from race_rows import launch_share_rows, unspent_cash_rows  # noqa: E402

TPY = 4  # quarters a year in the default campaign
YEARS = (1958, 1962, 1966)
FIRST_QUARTER = 1955 * TPY + 3  # 1955-Q4: the first quarter a side plans with a full turn behind it
LANDING = "crewed_lunar_landing"


def landing_techs(rules: Any) -> frozenset[str]:
    """The techs behind every piece of hardware the landing can fly, with everything they require."""
    mission = rules.missions[LANDING]
    todo = [rules.hardware[h].tech for s in mission.slots for h in s.options]
    seen: set[str] = set()
    while todo:
        t = todo.pop()
        if t not in seen:
            seen.add(t)
            todo.extend(rules.techs[t].requires)
    return frozenset(seen)


def flight_that_matters(state: Any, side: str, needed: frozenset[str]) -> bool:
    """Whether `side` could plan, with its cash now, a flight that could earn prestige, a milestone, application
    income or reliability on a tech its landing needs (crewed flights: with enough crew ready)."""
    from game.engine.availability import available_missions
    from game.engine.crew import crew_ready
    from game.engine.vocab import Quantity

    rules, me = state.rules, state.sides[side]
    ready = sum(1 for c in me.crews if crew_ready(me, c))
    for mid in available_missions(state, side):
        m = rules.missions[mid]
        if m.crew > ready:
            continue
        price, teaches = m.cost, False
        for slot in m.slots:
            options = [h for h in slot.options if me.techs[rules.hardware[h].tech].done]
            if not options:
                break
            price += min(0 if me.hardware.get(h, 0) else rules.hardware[h].unit_cost for h in options)
            teaches = teaches or any(
                (t := rules.hardware[h].tech) in needed and me.techs[t].reliability < rules.techs[t].ceiling
                for h in options
            )
        else:
            if price > me.cash:
                continue
            new_first = any(ms not in me.milestones for ms in m.milestones)
            income = any(s.quantity is Quantity.BUDGET and s.amount > 0 for e in m.effects for s in e.stakes())
            if new_first or income or m.prestige.success > 0 or teaches:
                return True
    return False


def dead_quarters(n: int) -> dict[str, tuple[int, int]]:
    """side -> (quarters with no flight that matters, quarters counted), over n normal-vs-normal games."""
    from game.ai.runner import game_setup, play_game
    from game.content.load import load_scenario
    from game.engine.api import apply, new_game

    rules = load_scenario("race_1955").ruleset
    needed = landing_techs(rules)
    levels = {"us": "normal", "ussr": "normal"}
    out = {s: [0, 0] for s in levels}
    for seed in range(1, n + 1):
        _, log = play_game(rules, seed, levels)
        state = new_game(rules, game_setup(rules, levels), seed)
        seen = -1
        for action in log:
            if state.turn != seen:
                seen = state.turn
                for side in levels:
                    if state.turn >= FIRST_QUARTER and "crewed_lunar_landing" not in state.sides[side].milestones:
                        out[side][1] += 1
                        out[side][0] += not flight_that_matters(state, side, needed)
            state, _ = apply(state, action)
    return {s: (d, t) for s, (d, t) in out.items()}


def report(games: list[dict[str, Any]]) -> str:
    """The cash and launch rows, measured as the balance table measures them (benchmarks/race_rows.py)."""
    from game.content.load import load_scenario

    rules = load_scenario("race_1955").ruleset
    rows = unspent_cash_rows(rules, games, YEARS) + launch_share_rows(rules, games)
    lines = [f"{len(games)} games", "", "| measure | value | met |", "|---|---|---|"]
    lines += [f"| {what} | {measured} | {'yes' if ok else 'NO'} |" for what, measured, ok in rows]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="simulate --json files (nothing: run the games)")
    ap.add_argument("--games", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--dead", type=int, default=0, metavar="N", help="replay N games for the quarters with no flight")
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
    if args.dead:
        for side, (dead, total) in dead_quarters(args.dead).items():
            share = dead / max(1, total)
            print(
                f"| {side}: quarters with no affordable flight that matters ({args.dead} games), at most 10 % | "
                f"{share:.1%} ({dead}/{total}) | {'yes' if share <= 0.10 else 'NO'} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
