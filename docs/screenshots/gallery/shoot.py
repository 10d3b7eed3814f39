"""Take the gallery: every screen at 1280x720 and 1920x1080, 100 % and 150 % text, in every language.

Run it in a real window (an X display; Xvfb will do) from the repository's root:

    Xvfb :91 -screen 0 1920x1080x24 &
    DISPLAY=:91 SPACERACE_HOME=/tmp/gallery python docs/screenshots/gallery/shoot.py

It plays the default campaign from 1961 for five quarters (research funded, hardware bought, a launch a
quarter where one can fly) as the first side against the computer, then photographs each screen as the
player would see it: no pointer hovering, animations finished. The pictures and README.md's table are
written next to this file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SIZES = ((1280, 720), (1920, 1080))
SCALES = (100, 150)
SCREENS = (
    "title",
    "newgame",
    "settings",
    "packages",
    "load",
    "help",
    "confirm",
    "tutorial",
    "dashboard",
    "budget",
    "research",
    "fleet",
    "fleet_crews",
    "missions",
    "moon_landing",
    "facilities",
    "news",
    "rival",
    "stats",
    "list",
    "resolution",
    "demo",
    "computer_failed",
    "handoff",
    "end",
)


def campaign(app: Any) -> str:
    from game.content.load import load_scenario
    from game.engine import BuyHardware, FundResearch
    from game.ui.session import Session

    sc = load_scenario("race_1955", ["kennedy_1961"])
    sides = sc.ruleset.side_ids
    app.session = None
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 3)))
    me = sides[0]
    session = app.session
    for _ in range(5):
        view = session.view(me)
        for tech in list(view.rules.techs)[:4]:
            session.act(FundResearch(me, tech, 2))
        for hw in view.rules.hardware:
            if view.hardware_unlocked(hw):
                session.act(BuyHardware(me, hw, 1))
        view = session.view(me)
        plan = next((p for m in sorted(view.available_missions) if (p := view.suggest_plan(m)) is not None), None)
        if plan is not None:
            session.act(plan)
        session.end_turn(me)
    app.autosave()
    return me


def open_screen(app: Any, name: str, side: str) -> None:
    from game.ui.screens.registry import new_screen

    overlays = {  # drawn over the dashboard
        "help": lambda: new_screen("help", app),
        "confirm": lambda: new_screen("confirm", app, app.tr("confirm.quit"), lambda: None),
        "tutorial": lambda: new_screen("tutorial", app, app.top),
        "list": lambda: new_screen("list", app, app.tr("stats.timeline"), timeline(app, side)),
        "computer_failed": lambda: new_screen("computer_failed", app, seat_failed(app), lambda: None, "autosave.json"),
    }
    if name in overlays:
        app.reset(new_screen("dashboard", app, side))
        app.step()
        app.push(overlays[name]())
        return
    if name == "moon_landing":  # the crewed landing's plan: four slots, a crew of three, twelve steps
        app.reset(new_screen("missions", app, side, "crewed_lunar_landing"))
        return
    if name == "fleet_crews":
        app.memory[("fleet_tab", side)] = "crews"
        app.reset(new_screen("fleet", app, side))
        app.memory[("fleet_tab", side)] = "hardware"
        return
    made = {
        "title": lambda: new_screen("title", app),
        "newgame": lambda: new_screen("newgame", app, hotseat=False),
        "settings": lambda: new_screen("settings", app),
        "packages": lambda: new_screen("packages", app),
        "load": lambda: new_screen("saveload", app, "load"),
        "handoff": lambda: new_screen("handoff", app, side),
        "end": lambda: new_screen("end", app),
        "demo": lambda: new_screen("demo", app),
    }.get(name, lambda: new_screen(name, app, side))
    screen = made()
    if name in ("resolution", "demo"):
        screen.skip()
    app.reset(screen)


def timeline(app: Any, side: str) -> str:
    """The statistics' whole list of firsts, as its "…and N more" opens it."""
    from game.ui.screens.registry import new_screen
    from game.ui.screens.summary import timeline_html

    stats = new_screen("stats", app, side)
    return timeline_html(stats, dict(stats.view.firsts))


def seat_failed(app: Any) -> Any:
    """A computer player that raised (what `computer_failed` tells)."""
    from game.io.controller import SeatFailed

    side = app.session.rules.side_ids[1]
    return SeatFailed(side, "ai:normal", 3, "1961-Q3", RuntimeError("the planner ran out of ideas"))


def still(app: Any) -> None:
    """The screen at rest: no hover, the title's Sputnik across, the report's show over."""
    import pygame

    pygame.mouse.set_pos((app.size[0] - 2, app.size[1] - 2))
    app.last_input = 0
    top = app.top
    if hasattr(top, "t0"):
        top.t0 = -100.0
    for _ in range(3):
        app.step()
    app.render()
    pygame.display.flip()


def shoot(lang: str, size: tuple[int, int], scale: int) -> None:
    """Every screen of one language, window size and text size."""
    import pygame

    from game.ui.app import App
    from game.ui.screens.registry import new_screen

    app = App(size=size)
    app.settings.scale = scale
    app.settings.tutorial_done = True
    app.settings.size = size
    app.apply_display()
    app.set_language(lang)
    app.push(new_screen("title", app))
    side = campaign(app)
    narrow = False
    for name in SCREENS:
        if name == "fleet_crews" and not narrow:
            continue  # both tables are on the fleet's picture
        open_screen(app, name, side)
        narrow = narrow or getattr(app.top, "narrow", False)
        still(app)
        pygame.image.save(app.window, str(HERE / f"{name}_{lang}_{size[0]}_{scale}.png"))
    app.quit()


def main() -> int:
    """With no arguments, one process per language, size and text size (the X server refuses a process that opens
    and closes a dozen windows); with `lang width height scale`, that one."""
    os.environ.setdefault("SPACERACE_HOME", "/tmp/spacerace-gallery")
    if len(sys.argv) == 5:
        lang, w, h, scale = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        shoot(lang, (w, h), scale)
        return 0
    from game.ui.settings import LANGUAGES

    for lang in LANGUAGES:
        for size in SIZES:
            for scale in SCALES:
                done = subprocess.run(
                    [sys.executable, __file__, lang, str(size[0]), str(size[1]), str(scale)], check=False
                )
                print(
                    f"{lang} {size[0]}x{size[1]} {scale} %: {'done' if done.returncode == 0 else 'FAILED'}",
                    file=sys.stderr,
                )
    squeeze()
    write_readme()
    return 0


def squeeze() -> None:
    """Fewer colours: the screens are flat, so 256 colours keep them sharp at a fraction of the size."""
    for png in HERE.glob("*.png"):  # (run again on its own output it changes nothing)
        subprocess.run(["convert", str(png), "-colors", "256", f"PNG8:{png}"], check=False)


def write_readme() -> None:
    from game.ui.settings import LANGUAGES

    lines = [
        "# Gallery",
        "",
        "Every screen at 1280×720 and 1920×1080, at 100 % and 150 % text, in every language of the game, taken from",
        "a real window by `shoot.py` (see its docstring) on the default campaign from 1961, five quarters in.",
        "Where two tables side by side would cut a word the fleet shows one at a time (`fleet` and `fleet_crews`),",
        "and at large text the tech tree scrolls, and so do the Moon landing's hardware and crew (`moon_landing`: the",
        "buttons under the rocket); everything else fits as it is. `tests/ui/test_ui_text_fit.py` checks the same",
        "screens headless at 100, 125 and 150 % for cut, overlapping and off-window text.",
        "",
    ]
    for name in SCREENS:
        lines += [f"## {name.replace('_', ' ')}", "", "| | 1280×720 | 1920×1080 |", "|---|---|---|"]
        for lang in LANGUAGES:
            for scale in SCALES:
                cells = [
                    f"![{name} {lang} {w} {scale}]({name}_{lang}_{w}_{scale}.png)"
                    if (HERE / f"{name}_{lang}_{w}_{scale}.png").exists()
                    else "(both tables on the fleet's picture)"
                    for w in (1280, 1920)
                ]
                lines.append(f"| {lang}, {scale} % | {cells[0]} | {cells[1]} |")
        lines.append("")
    (HERE / "README.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
