"""UI benchmarks: launch to an interactive main menu, and frame times of the busiest screens (run on demand).

    SDL_VIDEODRIVER=dummy python benchmarks/bench_ui.py [--scenario race_1955]

Prints a table (wall clock median and worst, and the median of the process's CPU time) against the design's
budgets: launch ≤ 1.0 s, a screen's first frame and a frame while animating ≤ 8 ms at 1280×720, memory
≤ 200 MB with the game's art made (hardware, stacks, portraits).
First frames are timed as the window opens screens (after the idle moments in which it builds the next ones
ahead, `--runs` times) and "cold" (nothing built ahead, once each: for the record, see frame_times).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TINY = str(ROOT / "tests" / "fixtures" / "tiny")

LAUNCH = """
import time, os
t0 = time.perf_counter()
from game.ui.app import App
from game.ui.screens.title import TitleScreen
app = App(size=(1280, 720))
app.push(TitleScreen(app))
app.step()
print(time.perf_counter() - t0)
"""


def launch_time(runs: int) -> list[float]:
    """A fresh interpreter each run: imports, window, theme, fonts and the first frame of the menu."""
    out = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as tmp:
        env["SPACERACE_CONFIG"] = tmp
        for _ in range(runs):
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", LAUNCH], env=env, capture_output=True, text=True, check=True)
            wall = time.perf_counter() - t0
            inner = float(res.stdout.strip().splitlines()[-1])
            out.append(max(inner, 0.0) if wall > inner else wall)
    return out


def _report_with_flights(session: Any, side: str, least: int = 6, most: int = 80) -> int:
    """End turns (at least `least`) until the side's report shows a launch: a report without one animates nothing.
    Returns the turns played."""
    from game.ui.flight import read_flights

    for played in range(1, most + 1):
        session.end_turn(side)
        if played >= least and read_flights(session.events_for(side), session.rules)[0]:
            return played
    return most


def frame_times(scenario: str, frames: int, runs: int) -> dict[str, list[tuple[float, float]]]:
    """First frames of the planning screens and of a turn's report, and frames while each is shown.

    A screen's first frame is timed from the transition that opens it to the end of its first drawing. Two ways:
    "cold", each screen made and shown in turn with nothing made ahead (what a screen opened before the window
    had an idle moment costs), and the way the window opens it, from the screen before, after the idle moments
    in which the app builds the screens the player may open next (App.prepare_ahead). The report is opened as
    End turn opens it (the turn's resolution itself is the engine's and the computer players' time, not timed).
    Each is timed by the wall clock and by the process's CPU time: on a machine shared with other work the wall
    clock also counts the time the process waited for a core.
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    tmp = tempfile.mkdtemp()
    os.environ["SPACERACE_CONFIG"] = tmp
    os.environ["SPACERACE_SAVES"] = tmp
    from game.content.load import load_scenario
    from game.ui.app import App
    from game.ui.screens.base import Reset
    from game.ui.screens.registry import new_screen
    from game.ui.screens.title import TitleScreen
    from game.ui.session import Session

    app = App(size=(1280, 720))
    app.settings.tutorial_done = True
    app.push(TitleScreen(app))
    sc = load_scenario(scenario)
    sides = sc.ruleset.side_ids
    me = sides[0]
    session = Session.new(sc, {s: "ai:normal" for s in sides[1:]} | {me: "human"}, 1)
    app.session = session
    _report_with_flights(session, me)  # a few turns in: history to chart, and a report with launches to show
    from game.ui import warmup

    warmup.start(session, app.scale).join()  # as the window does when a game starts, while its first screen shows
    names = ("dashboard", "research", "missions", "fleet", "stats", "rival")
    report = "resolution (animating)"

    def first(transition: Any) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        app.apply(transition)
        app.manager.update(1 / 60)
        app.render()
        return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000

    def shown(name: str) -> None:
        times = []
        for _ in range(frames):
            t0, c0 = time.perf_counter(), time.process_time()
            app.manager.update(1 / 60)
            app.top.update(1 / 60)
            app.render()
            times.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
        out[name] = times

    out: dict[str, list[tuple[float, float]]] = {}  # what -> (wall clock, process time) of each, in ms
    for name in names:
        out["first frame, cold: " + name] = [first(Reset(new_screen(name, app, me)))]
    out["first frame, cold: " + report] = [first(Reset(new_screen("resolution", app, me)))]
    for run in range(runs):
        app.reset(new_screen("dashboard", app, me))
        for name in (*names[1:], names[0], report):
            while app.prepare_ahead():  # the moments the player spends reading the screen before
                pass
            top: Any = app.top
            opened = Reset(new_screen("resolution", app, me)) if name == report else top.goto(name)
            out.setdefault("first frame: " + name, []).append(first(opened))
            if run == 0:
                shown(name)
    app.quit()
    return out


def art_memory(scenario: str) -> float:
    """Peak memory (MB) once every hardware picture, every mission's stack and every portrait is made."""
    from game.content.load import load_scenario
    from game.ui import art, portraits

    rules = load_scenario(scenario).ruleset
    for side in rules.side_ids:
        for h in rules.hardware:
            art.hardware_surface(rules, side, h, art.ROW_PICTURE)
            art.hardware_fit(rules, side, h, 120, 420)
        for m in rules.missions.values():
            art.stack_surface(rules, side, [slot.options[0] for slot in m.slots], 460)
    for cid in rules.crews:
        portraits.crew_portrait(rules, cid, art.ROW_PICTURE)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="race_1955", help=f"scenario id or folder (the tiny fixture: {TINY})")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--frames", type=int, default=120)
    args = ap.parse_args()
    launch = launch_time(args.runs)
    frames = frame_times(args.scenario, args.frames, args.runs)
    w = max(34, *(len(n) + 11 for n in frames))
    print(f"{'what':<{w}} {'median':>9} {'worst':>9} {'cpu':>9} {'budget':>9}")
    print(
        f"{'launch to interactive menu (s)':<{w}} {statistics.median(launch):>9.3f} {max(launch):>9.3f} {'':>9} {'1.000':>9}"
    )
    for name, t in frames.items():
        label = name if name.startswith("first") else "frame: " + name
        wall, cpu = [x for x, _ in t], [c for _, c in t]
        print(
            f"{label + ' (ms)':<{w}} {statistics.median(wall):>9.2f} {max(wall):>9.2f} {statistics.median(cpu):>9.2f} {'8.00':>9}"
        )
    mb = art_memory(args.scenario)
    print(f"{'memory with art made (MB)':<{w}} {mb:>9.0f} {mb:>9.0f} {'':>9} {'200':>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
