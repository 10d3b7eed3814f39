"""Engine and computer-player speed against the budgets: run on demand, prints a table.

    python benchmarks/bench_engine.py [--scenario race_1955] [--victory space_age] [--games 20] [--batch 1000] [--jobs 2]
    python benchmarks/bench_engine.py --instructions 5     # CPU instructions per campaign (valgrind)

`--victory` plays every campaign in that victory mode of the scenario (default: its first, the Moon race).

Measured on one core (CPU time of this process, so other programs on the machine disturb it less):
a whole normal-vs-normal campaign; the end of a turn with both sides computer-played; one decision
of the normal and of the hard computer player; a whole hard-vs-normal campaign (the budgets are the
design's and the computer-opponent issue's: a hard decision 50 ms median, 1 s at most). Then
`spacerace simulate` over a batch of campaigns with several processes, timed by the wall clock (the
budget is a minute for 1,000 on two cores).

Timings on a shared machine swing by a third for the same code; `--instructions N` counts instead the
CPU instructions of N campaigns (played as the timed ones are) under valgrind's callgrind, less those
of starting up: the same number on every run, to compare a change before and after.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import choose_actions  # noqa: E402
from game.ai.runner import GameUse, ai_rng, game_setup, play_game  # noqa: E402
from game.content.load import load_scenario  # noqa: E402
from game.engine import EndTurn, is_over, new_game, player_view  # noqa: E402
from game.engine.batch import apply_orders  # noqa: E402
from game.engine.rules import Ruleset  # noqa: E402
from game.engine.setup import victory_mode  # noqa: E402

clock = time.process_time
QUARTER_MS = 1.0  # the budget of a played quarter, in every victory mode


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="race_1955")
    ap.add_argument("--victory", default="", help="the scenario's victory mode (default: its first)")
    ap.add_argument("--games", type=int, default=20, help="campaigns timed one by one")
    ap.add_argument("--batch", type=int, default=1000, help="campaigns for the multi-process run (0: skip)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--instructions", type=int, default=0, metavar="N", help="count CPU instructions of N campaigns instead"
    )
    ap.add_argument("--play", type=int, default=None, help=argparse.SUPPRESS)  # what --instructions counts
    args = ap.parse_args()
    if args.victory:
        victory_mode(load_scenario(args.scenario).ruleset, args.victory)  # (ValueError naming the modes if unknown)
    if args.play is not None:
        play(args.scenario, args.play, args.victory)
        return 0
    if args.instructions:
        return count_instructions(args.scenario, args.instructions, args.victory)
    rows = measure(args.scenario, args.games, args.batch, args.jobs, args.victory)
    print(f"{'measure':<56}{'ms':>12}{'budget':>12}")
    for name, ms, budget in rows:
        shown = "-" if budget is None else f"{budget:g} ms"
        print(f"{name:<56}{ms:>12.2f}{shown:>12}")
    return 0


def play(scenario_id: str, games: int, victory: str = "") -> None:
    """Play `games` normal-vs-normal campaigns (seeds 1, 2, ...) as the timed ones are played."""
    rules = load_scenario(scenario_id).ruleset
    levels = {s: "normal" for s in rules.side_ids}
    for seed in range(1, games + 1):
        play_game(rules, seed, levels, flights=[], victory=victory, used=GameUse())


def count_instructions(scenario_id: str, games: int, victory: str = "") -> int:
    """Print the CPU instructions of one campaign: (those of `games` campaigns - those of none) / games."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("--instructions needs valgrind (callgrind) on the PATH", file=sys.stderr)
        return 1
    counts = []
    for n in (0, games):
        cmd = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
        done = subprocess.run(
            [*cmd, "--scenario", scenario_id, "--victory", victory, "--play", str(n)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or found is None:
            print(f"valgrind failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 1
        counts.append(int(found.group(1)))
    per_game = (counts[1] - counts[0]) / games
    where = f"{scenario_id}, {victory}" if victory else scenario_id
    print(f"one normal-vs-normal campaign: {per_game / 1e6:.1f} M instructions ({games} campaigns, {where})")
    return 0


def time_campaigns(rules: Ruleset, games: int, victory: str = "") -> tuple[list[float], int]:
    """The CPU seconds of each of `games` normal-vs-normal campaigns (seeds 1, 2, ...) in a victory mode, and the
    quarters they played in all."""
    levels = {s: "normal" for s in rules.side_ids}
    start = new_game(rules, game_setup(rules, levels, victory=victory), 1).turn
    campaigns: list[float] = []
    quarters = 0
    for seed in range(1, games + 1):
        t = clock()
        # With the flight log and the content-use records, as `simulate` plays it.
        state, _ = play_game(rules, seed, levels, flights=[], victory=victory, used=GameUse())
        campaigns.append(clock() - t)
        quarters += state.turn - start + 1
    return campaigns, quarters


def quarter_ms(campaigns: list[float], quarters: int) -> float:
    """Milliseconds a played quarter, over the campaigns timed."""
    return sum(campaigns) * 1000 / max(1, quarters)


def measure(
    scenario_id: str, games: int, batch: int, jobs: int, victory: str = ""
) -> list[tuple[str, float, float | None]]:
    """(what, milliseconds, budget in milliseconds or None) for each measure."""
    t0 = time.perf_counter()
    scenario = load_scenario(scenario_id)
    load_s = time.perf_counter() - t0
    rules = scenario.ruleset
    levels = {s: "normal" for s in rules.side_ids}

    setup = game_setup(rules, levels, victory=victory)
    campaigns, quarters = time_campaigns(rules, games, victory)

    # Turns and normal's decisions, sampled along whole games.
    turns: list[float] = []
    normal: list[float] = []
    hard: list[float] = []
    for seed in range(1, 4):
        state = new_game(rules, setup, seed)
        while not is_over(state):
            t = clock()
            for i, side in enumerate(rules.side_ids):
                if is_over(state):
                    break
                view = player_view(state, side)
                d = clock()
                orders = choose_actions(view, "normal", ai_rng(seed, i, state.turn))
                normal.append(clock() - d)
                state, _, _ = apply_orders(state, [*orders, EndTurn(side)], in_place=True)
            turns.append(clock() - t)
    # Hard against normal, hard playing each side in turn: every hard decision, and each whole campaign.
    hard_games: list[float] = []
    for seed in range(1, 5):
        hard_side = rules.side_ids[seed % len(rules.side_ids)]
        state = new_game(rules, setup, seed)
        t = clock()
        while not is_over(state):
            for i, side in enumerate(rules.side_ids):
                if is_over(state):
                    break
                view = player_view(state, side)
                level = "hard" if side == hard_side else "normal"
                d = clock()
                orders = choose_actions(view, level, ai_rng(seed, i, state.turn))
                if level == "hard":
                    hard.append(clock() - d)
                state, _, _ = apply_orders(state, [*orders, EndTurn(side)], in_place=True)
        hard_games.append(clock() - t)

    rows = [
        ("load scenario (wall clock)", load_s * 1000, None),
        ("one normal-vs-normal campaign (median, one core)", median_ms(campaigns), 50.0),
        (f"one played quarter ({quarters / games:.1f} a campaign)", quarter_ms(campaigns, quarters), QUARTER_MS),
        ("end of turn, both sides computer-played (median)", median_ms(turns), 50.0),
        ("normal decision (median)", median_ms(normal), 20.0),
        ("hard decision (median)", median_ms(hard), 50.0),
        ("hard decision (mean)", statistics.mean(hard) * 1000, None),
        ("hard decision (slowest)", max(hard) * 1000, 1000.0),
        (f"one hard-vs-normal campaign (median of {len(hard_games)})", median_ms(hard_games), 2000.0),
    ]
    if batch:
        cmd = [
            sys.executable,
            "-m",
            "game",
            "simulate",
            "--scenario",
            scenario_id,
            "--games",
            str(batch),
            "--jobs",
            str(jobs),
            "--quiet",
            *(["--victory", victory] if victory else []),
        ]
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        rows.append((f"{batch} campaigns, --jobs {jobs} (wall clock)", (time.perf_counter() - t) * 1000, 60_000.0))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
