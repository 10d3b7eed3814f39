"""Save and load of a finished campaign against the design's budgets (run on demand, prints a table).

    python benchmarks/bench_saves.py [--scenario race_1955] [--seed 3] [--repeat 7]

A normal-vs-normal campaign is played to its end through a GameRecord (as the game keeps it), then
saved and loaded again and again; the table gives the median wall-clock times and the file's size.
Loading compares the save with the installed scenario (reading its YAML again) unless told not to:
the second load row shows what that comparison costs. The listing row opens a folder of 100 saves
of that campaign, each at another turn, as the Load screen does the first time (nothing remembered).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai import choose_actions  # noqa: E402
from game.ai.runner import ai_rng  # noqa: E402
from game.content.load import load_scenario  # noqa: E402
from game.engine import EndTurn, Setup, player_view  # noqa: E402
from game.io import GameRecord, list_saves, load_game, save_game  # noqa: E402
from game.io import listing as save_listing  # noqa: E402

LISTED = 100  # saves in the folder the listing row opens


def finished_campaign(scenario_id: str, seed: int) -> GameRecord:
    scenario = load_scenario(scenario_id)
    sides = scenario.ruleset.side_ids
    record = GameRecord.start(scenario, Setup(controllers=tuple((s, "ai:normal") for s in sides)), seed)
    while not record.over:
        for i, side in enumerate(sides):
            if record.over:
                break
            view = player_view(record.state, side)
            for action in [*choose_actions(view, "normal", ai_rng(seed, i, record.state.turn)), EndTurn(side)]:
                record.apply(action)
    return record


def list_folder(record: GameRecord, repeat: int) -> list[float]:
    """Seconds to list a folder of LISTED saves of `record`'s game (at turns spread over it), memory cleared each time."""
    folder = Path(tempfile.mkdtemp())
    checkpoints = record.checkpoints
    for n in range(LISTED):
        upto = checkpoints[n * (len(checkpoints) - 1) // (LISTED - 1)][0]
        part = GameRecord.start(record.scenario, record.setup, record.seed)
        for action in record.actions[:upto]:
            part.apply(action)
        save_game(folder / f"save{n:03}.json", part, backups=0)
    times = []
    for _ in range(repeat):
        save_listing._READ.clear()
        save_listing._RULESETS.clear()
        t = time.perf_counter()
        assert len(list_saves(folder).saves) == LISTED
        times.append(time.perf_counter() - t)
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="race_1955")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    record = finished_campaign(args.scenario, args.seed)
    path = Path(tempfile.mkdtemp()) / "campaign.json"
    saves, loads, quick = [], [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        save_game(path, record, backups=0)
        saves.append(time.perf_counter() - t)
        t = time.perf_counter()
        load_game(path)
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        load_game(path, check_installed=False)
        quick.append(time.perf_counter() - t)
    lists = list_folder(record, args.repeat)
    size_kb = path.stat().st_size / 1024
    print(f"finished campaign: {len(record.actions)} orders, {record.rules.date_label(record.state.turn)}")
    print(f"{'measure':<52}{'median':>10}{'budget':>10}")
    rows = [
        ("save (ms)", statistics.median(saves) * 1000, "50"),
        ("load, compared with the installed scenario (ms)", statistics.median(loads) * 1000, "100"),
        ("load, not compared (ms)", statistics.median(quick) * 1000, "-"),
        ("file size (KB)", size_kb, "1024"),
        (f"list {LISTED} saves, first time (ms)", statistics.median(lists) * 1000, "1000"),
    ]
    for name, value, budget in rows:
        print(f"{name:<52}{value:>10.1f}{budget:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
