"""The memory of a big `spacerace simulate` batch: the whole process group, workers included, under 300 MB.

    python benchmarks/bench_simulate_memory.py [--seconds 20] [--jobs 1,2,4] [--scenario race_1955] [--saves]

Starts `simulate --games 10**26` (a batch that never ends) with `--json` and `--report`, samples the
memory of every process in its process group for the given time, then stops it with Ctrl-C (SIGINT to
the group, as a terminal does) and checks the exit status (130) and the JSON it left. Prints, per
`--jobs`, the peak of the group's summed resident memory (RSS, which counts memory the forked workers
share with the parent once per process, so it overstates), the peak of its proportional share (PSS,
where Linux has it), and the growth from the first samples to the last (a batch that kept its games
would grow with them). Exit 1 if a peak passes the budget. Linux only (it reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MB = 300.0


def _group(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) == pgid:
                pids.append(int(entry))
        except OSError:
            continue
    return pids


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS falls back to RSS where smaps_rollup is missing."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        pss = rss
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def measure(jobs: int, seconds: float, scenario: str, saves: bool, folder: Path) -> dict[str, float]:
    out = folder / f"jobs{jobs}.json"
    argv = [sys.executable, "-m", "game", "simulate", "--games", str(10**26), "--jobs", str(jobs), "--quiet"]
    argv += ["--scenario", scenario, "--json", str(out), "--report", str(folder / f"jobs{jobs}.html")]
    if saves:
        argv += ["--saves", str(folder / f"saves{jobs}")]
    proc = subprocess.Popen(argv, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    samples: list[tuple[float, float]] = []
    started = time.perf_counter()
    while time.perf_counter() - started < seconds and proc.poll() is None:
        pids = _group(proc.pid)
        per = [_memory_kb(pid) for pid in pids]
        samples.append((sum(r for r, _ in per) / 1024, sum(p for _, p in per) / 1024))
        time.sleep(0.25)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    games = json.loads(out.read_text(encoding="utf-8"))["games"] if out.exists() else []
    quarter = max(1, len(samples) // 4)
    first = max((p for _, p in samples[:quarter]), default=0.0)
    last = max((p for _, p in samples[-quarter:]), default=0.0)
    return {
        "jobs": jobs,
        "exit": proc.returncode,
        "games": len(games),
        "rss_peak_mb": max((r for r, _ in samples), default=0.0),
        "pss_peak_mb": max((p for _, p in samples), default=0.0),
        "growth_mb": last - first,
        "traceback": float(b"Traceback" in stderr),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--jobs", default="1,2,4")
    ap.add_argument("--scenario", default="race_1955")
    ap.add_argument("--saves", action="store_true", help="also keep every game's save")
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'jobs':>4} {'games':>7} {'RSS peak':>10} {'PSS peak':>10} {'growth':>8}  exit")
        for jobs in (int(j) for j in args.jobs.split(",")):
            r = measure(jobs, args.seconds, args.scenario, args.saves, Path(tmp))
            good = r["rss_peak_mb"] <= BUDGET_MB and r["exit"] == 130 and r["games"] > 0 and not r["traceback"]
            ok &= good
            print(
                f"{jobs:>4} {r['games']:>7} {r['rss_peak_mb']:>8.0f}MB {r['pss_peak_mb']:>8.0f}MB "
                f"{r['growth_mb']:>+6.1f}MB  {r['exit']}{'' if good else '  <- over budget or not stopped cleanly'}"
            )
    print(f"budget: {BUDGET_MB:.0f} MB for the whole process group (RSS summed)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
