"""Open the launch report of one mission in the game's window, from a made-up resolution: for looking at the
show while drawing it (and for its screenshots), not a way to play. Nothing is saved.

    python tools/launch_preview.py MISSION [--scenario race_1955] [--mod M] [--fail STEP_ID] [--crew-lives]
                                           [--side SIDE] [--at SECONDS] [--size 1280x720]

--at stops the animation that many seconds into the flight (a still to take a screenshot of). --crew-lives: a
crewed flight that fails at a step that can kill is an abort the crew lives through (else they are lost).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.engine import events as ev


def made_up_flight(
    rules: Any, side: str, mission_id: str, fail: str | None, crew: tuple[str, ...], crew_lives: bool = False
) -> list[Any]:
    """The events a resolution would tell of one flight of `mission_id` that fails at step `fail` (or not)."""
    m = rules.missions[mission_id]
    hardware = tuple((slot.id, slot.options[-1]) for slot in m.slots)
    out: list[Any] = [ev.MissionLaunched(side, mission_id, crew, (640, 70, 230, 60), hardware)]
    for step in m.steps:
        ok = step.id != fail
        out.append(ev.StepRolled(side, mission_id, step.id, 82, 37 if ok else 96, ok))
        tech = rules.hardware[dict(hardware)[step.slot]].tech
        out.append(ev.ReliabilityChanged(side, tech, 2 if ok else 1, 71))
        if not ok and step.critical:
            out.append(ev.MissionFailed(side, mission_id, step.id, bool(crew) and step.fatal > 0 and not crew_lives))
            return out
    out.append(ev.MissionPartlySucceeded(side, mission_id, fail) if fail else ev.MissionSucceeded(side, mission_id))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mission")
    p.add_argument("--scenario", default="race_1955")
    p.add_argument("--mod", action="append", default=[])
    p.add_argument("--fail", default=None, help="the id of the step that fails")
    p.add_argument("--crew-lives", action="store_true", help="a failure the crew lives through (an abort)")
    p.add_argument("--side", default=None)
    p.add_argument("--at", type=float, default=None)
    p.add_argument("--size", default="1280x720")
    args = p.parse_args(argv)

    from game.content.findings import ContentError
    from game.content.load import load_scenario
    from game.ui.app import App
    from game.ui.screens.resolution import ResolutionScreen
    from game.ui.screens.title import TitleScreen
    from game.ui.session import Session

    try:
        sc = load_scenario(args.scenario, args.mod)
    except ContentError as e:
        print(f"launch_preview: {e.findings[0].format() if e.findings else e}", file=sys.stderr)
        return 2
    rules = sc.ruleset
    if args.mission not in rules.missions:
        print(f"launch_preview: no mission {args.mission!r} in {args.scenario}", file=sys.stderr)
        return 2
    side = args.side or rules.side_ids[0]
    w, h = (int(x) for x in args.size.split("x"))
    app = App(size=(w, h))
    app.settings.tutorial_done = True
    app.push(TitleScreen(app))
    app.apply(app.start_session(Session.new(sc, {s: "human" if s == side else "ai:easy" for s in rules.side_ids}, 5)))
    mission = rules.missions[args.mission]
    crew = tuple(c for c, rec in rules.crews.items() if rec.side == side)[: mission.crew]
    events = made_up_flight(rules, side, args.mission, args.fail, crew, args.crew_lives)
    app.session.events_for = lambda _side: events  # this window's report only
    app.saved_len = len(app.session.log)  # nothing to save: closing the window (or SIGTERM) just quits
    screen = ResolutionScreen(app, side)
    if args.at is not None:
        screen.t = args.at
        screen.update = lambda dt: None  # type: ignore[method-assign]  # a still
    app.reset(screen)
    try:
        return app.loop()
    finally:
        app.quit()


if __name__ == "__main__":
    raise SystemExit(main())
