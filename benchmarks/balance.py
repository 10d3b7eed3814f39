"""The balance targets of the default campaign, measured with `spacerace simulate`, in one report.

    python benchmarks/balance.py [--games 400] [--jobs 2] [--out balance] [--only nn,hard] [--bench]

Runs each matchup as `spacerace simulate --seed 1 --games N --jobs J --json ...` (the same command a
player or modder would type; normal against normal with `--play-on`, so that the firsts that come
after the landing in history get dates too), then checks the targets and writes `<out>/report.html`
(the normal vs normal games in full, every matchup's win rates, and the table of targets) and
`<out>/targets.md`. The "late" matchup plays the example mod whose side joins in 1966 (china_1966) in
Space age games: the late side must earn firsts and some wins without upsetting the others. With
`--bench`, the speed budgets of benchmarks/bench_engine.py join the table.

The normal vs normal games' flight logs also check that the odds shown are the odds rolled: launches
in 10-point bands of shown chance to count (success or partial), each band's realised rate against
its mean shown chance, and crews lost against the shown crew-loss odds (see game/ai/calibration.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai.calibration import calibrate, target_rows  # noqa: E402
from game.ai.report import Share, parse_date, render_html, summarize, wilson  # noqa: E402
from game.cli import main as spacerace  # noqa: E402
from game.content.load import load_scenario  # noqa: E402

LATE_MOD, LATE_SIDE = "china_1966", "china"  # the "late side" row: an example mod whose side joins in 1966
# name: (simulate arguments, swap sides every other game, the level whose win share is the target)
MATCHUPS: dict[str, tuple[list[str], bool, str | None]] = {
    "nn": (["--ai", "us=normal", "--ai", "ussr=normal", "--play-on"], False, None),
    "hard": (["--ai", "us=hard", "--ai", "ussr=normal"], True, "hard"),
    "easy": (["--ai", "us=normal", "--ai", "ussr=easy"], True, "normal"),
    "rush": (["--ai", "us=bot_moon_rush", "--ai", "ussr=normal"], True, "bot_moon_rush"),
    "no_crew": (["--ai", "us=bot_no_crew", "--ai", "ussr=normal"], True, "bot_no_crew"),
    "one_line": (["--ai", "us=bot_one_line", "--ai", "ussr=normal"], True, "bot_one_line"),
    # the example mod whose side joins in 1966, in the mode that runs to the end date (every side normal, so
    # there is nothing to rotate)
    "late": (["--mod", LATE_MOD, "--victory", "space_age", "--ai", f"{LATE_SIDE}=normal"], False, None),
}
TITLES = {
    "nn": "normal against normal (each game played on to the end date after its result)",
    "hard": "hard against normal (sides swapped every other game)",
    "easy": "normal against easy (sides swapped every other game)",
    "rush": "bot_moon_rush against normal (sides swapped every other game)",
    "no_crew": "bot_no_crew against normal (sides swapped every other game)",
    "one_line": "bot_one_line against normal (sides swapped every other game)",
    "late": f"a side that joins late: the {LATE_MOD} mod in Space age games, every side normal",
}
HISTORY_MILESTONES = [  # the milestones of shared/HISTORY.md's table
    "icbm", "satellite", "animal_in_orbit", "lunar_impact", "lunar_far_side", "human_in_space", "human_in_orbit",
    "venus_flyby", "woman_in_space", "multi_crew", "spacewalk", "mars_flyby", "rendezvous", "lunar_soft_landing",
    "docking", "lunar_orbit_probe", "crewed_lunar_orbit", "crewed_lunar_landing", "space_station", "joint_docking",
]


def run(name: str, games: int, jobs: int, out: Path) -> list[dict[str, Any]]:
    ai, swap, _ = MATCHUPS[name]
    target = out / f"{name}.json"
    argv = ["simulate", "--seed", "1", "--games", str(games), "--jobs", str(jobs), "--json", str(target), "--quiet"]
    argv += ai
    if swap:
        argv.append("--swap")
    print("spacerace " + " ".join(argv), file=sys.stderr)
    started = time.perf_counter()
    code = spacerace(argv)
    if code:
        raise SystemExit(code)
    print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return json.loads(target.read_text(encoding="utf-8"))["games"]


def level_share(results: list[dict[str, Any]], level: str) -> Share:
    wins = sum(1 for r in results if r["winner"] is not None and r["levels"][r["winner"]] == level)
    return Share(level, wins, len(results))


def fmt(share: Share) -> str:
    lo, hi = wilson(share.wins, share.games)
    return f"{share.rate:.1%} ({share.wins}/{share.games}; 95% CI {lo:.1%}–{hi:.1%})"


def late_side_rows(results: list[dict[str, Any]]) -> list[tuple[str, str, bool | None]]:
    """The late side's targets: a first in at least half of the games, 5-35 % of the wins, and the sides that
    were there from the start within 10 points of each other."""
    games = len(results)
    firsts = sum(1 for r in results if any(m and m.get("side") == LATE_SIDE for m in r["milestones"].values()))
    late = Share(LATE_SIDE, sum(1 for r in results if r["winner"] == LATE_SIDE), games)
    others = [
        Share(s, sum(1 for r in results if r["winner"] == s), games) for s in results[0]["prestige"] if s != LATE_SIDE
    ]
    gap = max(o.rate for o in others) - min(o.rate for o in others)
    return [
        (
            f"late side ({LATE_MOD}): {LATE_SIDE} first to a milestone in at least half of the games",
            fmt(Share(LATE_SIDE, firsts, games)),
            firsts * 2 >= games,
        ),
        (f"late side ({LATE_MOD}): {LATE_SIDE} wins 5–35 %", fmt(late), 0.05 <= late.rate <= 0.35),
        (
            f"late side ({LATE_MOD}): {' and '.join(o.label for o in others)} win shares within 10 points",
            ", ".join(f"{o.label} {o.rate:.1%}" for o in others) + f" ({gap * 100:.1f} points apart)",
            gap <= 0.10,
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=400)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default="balance")
    ap.add_argument("--only", default=",".join(MATCHUPS))
    ap.add_argument("--reuse", action="store_true", help="read existing JSON files instead of running")
    ap.add_argument("--bench", action="store_true", help="also time the speed budgets (benchmarks/bench_engine.py)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rules = load_scenario("race_1955").ruleset
    label = rules.date_label
    results: dict[str, list[dict[str, Any]]] = {}
    for name in args.only.split(","):
        path = out / f"{name}.json"
        if args.reuse and path.exists():
            results[name] = json.loads(path.read_text(encoding="utf-8"))["games"]
        else:
            results[name] = run(name, args.games, args.jobs, out)
    targets: list[tuple[str, str, bool | None]] = []
    if "nn" in results:
        s = summarize(rules, results["nn"])
        for sh in s.sides:
            targets.append((f"normal vs normal: {sh.label} wins 40–60 %", fmt(sh), 0.40 <= sh.rate <= 0.60))
        for m in s.milestones:
            if m.id not in HISTORY_MILESTONES or m.history is None:
                continue
            med = label(m.median_reached) if m.reached else "never"
            off = m.off_turns
            ok = off is not None and abs(off) <= 2 * rules.settings.turns_per_year
            text = f"median {med} over the {m.reached / m.games:.0%} of games that reach it; history {label(m.history)}"
            if off is not None:
                text += f" ({off / rules.settings.turns_per_year:+.1f} y)"
            targets.append((f"median date of {m.id} within 2 years of history", text, ok))
        landing = next(m for m in s.milestones if m.id == "crewed_lunar_landing")
        if landing.reached:
            lo, hi = parse_date(rules, "1968-Q1"), parse_date(rules, "1971-Q4")
            targets.append(
                ("crewed Moon landing median between 1968 and 1971", label(landing.median_reached), lo <= landing.median_reached <= hi)
            )
        for ms in ("satellite", "human_in_orbit"):
            m = next(x for x in s.milestones if x.id == ms)
            share = Share("ussr", m.by_side.get("ussr", 0), m.games)
            targets.append((f"the Soviet side first to {ms} in most games", fmt(share), share.rate > 0.5))
        targets += target_rows(calibrate(results["nn"]))
    checks = {
        "hard": ("hard beats normal in at least 65 % of games", lambda r: r >= 0.65),
        "easy": ("normal beats easy in at least 75 % of games", lambda r: r >= 0.75),
        "rush": ("bot_moon_rush beats normal in at most 60 % of games", lambda r: r <= 0.60),
        "no_crew": ("bot_no_crew beats normal in at most 60 % of games", lambda r: r <= 0.60),
        "one_line": ("bot_one_line beats normal in at most 60 % of games", lambda r: r <= 0.60),
    }
    sections = []
    for name, (text, ok) in checks.items():
        if name in results:
            share = level_share(results[name], MATCHUPS[name][2] or "")
            targets.append((text, fmt(share), ok(share.rate)))
            sections.append((TITLES[name], summarize(rules, results[name])))
    if "late" in results:
        targets += late_side_rows(results["late"])
        sections.append((TITLES["late"], summarize(load_scenario("race_1955", [LATE_MOD]).ruleset, results["late"])))
    if args.bench:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_engine import measure

        for what, ms, budget in measure("race_1955", 20, 1000, args.jobs):
            if budget is not None:
                targets.append((f"speed: {what} at most {budget:g} ms", f"{ms:.1f} ms", ms <= budget))
    base = results.get("nn") or next(iter(results.values()))
    page = render_html(
        rules, base, title="Space Race balance report: race_1955", setup=TITLES["nn"] if "nn" in results else "",
        targets=targets, sections=sections,
    )
    (out / "report.html").write_text(page, encoding="utf-8")
    lines = ["| target | measured | met? |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {'yes' if ok else 'no' if ok is not None else ''} |" for t, m, ok in targets]
    (out / "targets.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"report: {out / 'report.html'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
