"""Engine and computer-player speed against DESIGN.md's budgets: run on demand, prints a table.

    python benchmarks/bench_engine.py [--scenario race_1955] [--games 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.ai import choose_actions
from game.ai.runner import ai_rng, play_game, play_turn
from game.content.load import load_scenario
from game.engine import Setup, is_over, new_game, player_view


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="race_1955")
    ap.add_argument("--games", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    scenario = load_scenario(args.scenario)
    load_s = time.perf_counter() - t0
    rules = scenario.ruleset
    levels = {s: "normal" for s in rules.side_ids}

    campaigns: list[float] = []
    for seed in range(args.games):
        t = time.perf_counter()
        play_game(rules, seed, levels)
        campaigns.append(time.perf_counter() - t)

    turns: list[float] = []
    decisions: list[float] = []
    state = new_game(rules, Setup(), 1)
    while not is_over(state):
        t = time.perf_counter()
        for i, side in enumerate(rules.side_ids):
            if is_over(state):
                break
            d = time.perf_counter()
            choose_actions(player_view(state, side), "normal", ai_rng(1, i, state.turn))
            decisions.append(time.perf_counter() - d)
            state, _ = play_turn(state, side, "normal", 1)
        turns.append(time.perf_counter() - t)

    rows = [
        ("load scenario", load_s * 1000, "-"),
        ("one AI-vs-AI campaign (median)", median_ms(campaigns), "50 ms"),
        ("end of turn, both sides computer-played (median)", median_ms(turns), "50 ms"),
        ("normal decision (median)", median_ms(decisions), "20 ms"),
    ]
    print(f"{'measure':<52}{'ms':>10}{'budget':>10}")
    for name, ms, budget in rows:
        print(f"{name:<52}{ms:>10.2f}{budget:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
