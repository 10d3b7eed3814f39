"""UI benchmarks: launch to an interactive main menu, and frame times of the busiest screens (run on demand).

    SDL_VIDEODRIVER=dummy python benchmarks/bench_ui.py [--scenario race_1955]

Prints a table against the design's budgets: launch ≤ 1.0 s, a screen's first frame and a frame while
animating ≤ 8 ms at 1280×720, memory ≤ 200 MB with the game's art made (hardware, stacks, portraits).
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


def frame_times(scenario: str, frames: int) -> dict[str, list[float]]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    tmp = tempfile.mkdtemp()
    os.environ["SPACERACE_CONFIG"] = tmp
    os.environ["SPACERACE_SAVES"] = tmp
    from game.content.load import load_scenario
    from game.ui.app import App
    from game.ui.screens.registry import new_screen
    from game.ui.screens.resolution import ResolutionScreen
    from game.ui.screens.title import TitleScreen
    from game.ui.session import Session

    app = App(size=(1280, 720))
    app.settings.tutorial_done = True
    app.push(TitleScreen(app))
    sc = load_scenario(scenario)
    sides = sc.ruleset.side_ids
    session = Session.new(sc, {s: "ai:normal" for s in sides[1:]} | {sides[0]: "human"}, 1)
    app.session = session
    for _ in range(6):  # a few turns in, so there is history to chart and launches to show
        session.end_turn(sides[0])
    from game.ui import warmup

    warmup.start(session, app.scale).join()  # as the window does when a game starts, while its first screen shows
    out: dict[str, list[float]] = {}
    screens = {
        name: (lambda n=name: new_screen(n, app, sides[0]))
        for name in ("dashboard", "research", "missions", "fleet", "stats", "rival")
    }
    screens["resolution (animating)"] = lambda: ResolutionScreen(app, sides[0])
    for name, make in screens.items():
        t0 = time.perf_counter()  # the first frame: the screen made, entered and drawn once
        app.reset(make())
        app.manager.update(1 / 60)
        app.render()
        out["first frame: " + name] = [(time.perf_counter() - t0) * 1000]
        times = []
        for _ in range(frames):
            t0 = time.perf_counter()
            app.manager.update(1 / 60)
            app.top.update(1 / 60)
            app.render()
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = times
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
    frames = frame_times(args.scenario, args.frames)
    print(f"{'what':<34} {'median':>9} {'worst':>9} {'budget':>9}")
    print(f"{'launch to interactive menu (s)':<34} {statistics.median(launch):>9.3f} {max(launch):>9.3f} {'1.000':>9}")
    for name, t in frames.items():
        label = name if name.startswith("first") else "frame: " + name
        print(f"{label + ' (ms)':<34} {statistics.median(t):>9.2f} {max(t):>9.2f} {'8.00':>9}")
    mb = art_memory(args.scenario)
    print(f"{'memory with art made (MB)':<34} {mb:>9.0f} {mb:>9.0f} {'200':>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
