"""The turn's launches, in the order they flew, as a short animation (pad, orbit, Moon) beside a log; skippable."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import pygame

from game.engine import events as ev
from game.ui import draw
from game.ui.screens.base import Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen, register

STEP_TIME = 0.55  # seconds per mission step in the animation
SWEEP = 0.6  # radians of the climb to orbit: the whole arc stays inside the picture


class _Words:
    """What a log line is made of, in the player's language: the names of sides, missions, steps and crews."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.tr = app.tr
        self.rules = app.session.rules

    def side(self, e: Any) -> str:
        side = getattr(e, "side", None)
        return self.app.side_name(side) if side else ""

    def mission(self, m: str) -> str:
        return self.app.stext(self.rules.missions[m].name) if m in self.rules.missions else m

    def step(self, m: str, s: str) -> str:
        mission = self.rules.missions.get(m)
        st = next((x for x in mission.steps if x.id == s), None) if mission else None
        return self.app.stext(st.name) if st and st.name else s

    def crew(self, c: str) -> str:
        return self.app.crew_name(c)

    def won(self, side: str | None) -> str:
        tr, app = self.tr, self.app
        if app.session.over():
            return tr("log.won", side=app.side_name(side)) if side else tr("log.draw")
        # a game that plays on after the result (Setup.play_on)
        end = self.rules.date_label(self.rules.settings.end)
        return tr("log.won_play_on", side=app.side_name(side), date=end) if side else tr("log.draw_play_on", date=end)


# One line of the log per kind of event; kinds not listed are left out of the log.
_LOG: dict[type, Callable[[_Words, Any], str]] = {
    ev.MissionLaunched: lambda w, e: w.tr("log.launched", side=w.side(e), mission=w.mission(e.mission)),
    ev.MissionSucceeded: lambda w, e: w.tr("log.succeeded", side=w.side(e), mission=w.mission(e.mission)),
    ev.MissionPartlySucceeded: lambda w, e: w.tr(
        "log.partial", side=w.side(e), mission=w.mission(e.mission), step=w.step(e.mission, e.step)
    ),
    ev.MissionFailed: lambda w, e: w.tr(
        "log.crew_lost" if e.crew_lost else "log.failed", side=w.side(e), mission=w.mission(e.mission),
        step=w.step(e.mission, e.step),
    ),
    ev.MissionScrubbed: lambda w, e: w.tr("log.scrubbed", side=w.side(e), mission=w.mission(e.mission)),
    ev.MilestoneAchieved: lambda w, e: w.tr(
        f"log.milestone{min(e.rank, 3)}", side=w.side(e), name=w.app.stext(w.rules.milestones[e.milestone].name),
        p=e.prestige,
    ),
    ev.CrewDied: lambda w, e: w.tr("log.died", side=w.side(e), name=w.crew(e.crew)),
    ev.TechCompleted: lambda w, e: w.tr("log.tech", name=w.app.stext(w.rules.techs[e.tech].name), r=e.reliability),
    ev.CrewTrained: lambda w, e: w.tr("log.trained", name=w.crew(e.crew)),
    ev.CrewInjured: lambda w, e: w.tr("log.injured", name=w.crew(e.crew)),
    ev.CrewRetired: lambda w, e: w.tr("log.retired", name=w.crew(e.crew)),
    ev.CrewRecovered: lambda w, e: w.tr("log.recovered", name=w.crew(e.crew)),
    ev.BudgetSet: lambda w, e: w.tr("log.budget", n=e.budget, year=e.year),
    ev.EventFired: lambda w, e: w.tr("log.news", title=w.app.stext(f"event.{e.event}.title")),
    ev.IntelReported: lambda w, e: w.tr("log.intel", side=w.app.side_name(e.about)),
    ev.GameWon: lambda w, e: w.won(e.side),
    ev.SideJoined: lambda w, e: w.tr("log.joined", side=w.side(e)),
}

# How each outcome event ends a flight in the animation (a failure that kills the crew is told apart below).
_RESULTS: dict[type, str] = {ev.MissionSucceeded: "success", ev.MissionPartlySucceeded: "partial", ev.MissionFailed: "failure"}


def describe(screen: Any, e: Any) -> str:
    """One line of the log for a domain event, or '' for events the log leaves out."""
    line = _LOG.get(type(e))
    return line(_Words(screen.app), e) if line else ""


def is_moon_bound(mission: Any) -> bool:
    text = " ".join([mission.id, *mission.milestones]).lower()
    return "moon" in text or "lunar" in text


class Flight:
    """One launch of the turn, as the events told it."""

    def __init__(self, side: str, mission: str) -> None:
        self.side = side
        self.mission = mission
        self.steps: list[tuple[str, bool]] = []
        self.result = "success"
        self.lines: list[str] = []  # the launch, then its outcome
        self.extras: list[tuple[str, bool]] = []  # what followed (a first, a death), shown after the outcome; True: a first


@register
class ResolutionScreen(Screen):
    name = "resolution"

    def __init__(self, app: Any, side: str | None, demo: bool = False) -> None:
        super().__init__(app)
        self.side = side
        self.demo = demo
        s = app.session
        events = s.events_for(side) if side else s.public_events()
        self.flights: list[Flight] = []
        self.home: list[str] = []
        cur: Flight | None = None
        for e in events:
            if isinstance(e, ev.MissionLaunched):
                cur = Flight(e.side, e.mission)
                self.flights.append(cur)
                cur.lines.append(describe(self, e))
            elif isinstance(e, ev.StepRolled) and cur is not None:
                cur.steps.append((e.step, e.passed))
            elif type(e) in _RESULTS and cur is not None:
                cur.result = "crew_lost" if isinstance(e, ev.MissionFailed) and e.crew_lost else _RESULTS[type(e)]
                cur.lines.append(describe(self, e))
            elif isinstance(e, (ev.MilestoneAchieved, ev.CrewDied)) and cur is not None and e.side == cur.side:
                cur.extras.append((describe(self, e), isinstance(e, ev.MilestoneAchieved) and e.rank == 1))
            else:
                line = describe(self, e)
                if line:
                    self.home.append(line)
        self.t = 0.0
        self.index = 0
        self.done = not self.flights
        self.wait = 0.0
        rng = random.Random(7)
        self.stars = [(rng.random(), rng.random(), rng.choice((1, 1, 2))) for _ in range(120)]
        self.sounded = -1

    @property
    def animating(self) -> bool:
        return not self.done or self.demo

    def duration(self, f: Flight) -> float:
        """A flight's time on screen: its steps up to the one that ended it, and a moment to read the outcome."""
        return (self.flown_steps(f) + 2) * STEP_TIME

    @staticmethod
    def flown_steps(f: Flight) -> int:
        failed_at = next((i for i, (_, ok) in enumerate(f.steps) if not ok), None)
        if f.result in ("failure", "crew_lost") and failed_at is not None:
            return failed_at + 1
        return max(1, len(f.steps))

    def revealed(self, i: int) -> bool:
        """Whether the outcome of flight `i` has been shown yet (the log then tells it too)."""
        if self.done or i < self.index:
            return True
        return i == self.index and self.t >= (self.flown_steps(self.flights[i]) + 1) * STEP_TIME

    def update(self, dt: float) -> Transition | None:
        if not self.done:
            if self.sounded != self.index:
                self.sounded = self.index
                self.app.play("launch")
            self.t += dt
            if self.t >= self.duration(self.flights[self.index]):
                self.t = 0.0
                self.index += 1
                if self.index >= len(self.flights):
                    self.done = True
                    self.index = len(self.flights) - 1
                    self.rebuild()
        elif self.demo:
            self.wait += dt
            if self.wait > 1.2:
                return self.proceed()
        return None

    def skip(self) -> Transition | None:
        if not self.done:
            self.done = True
            self.index = max(0, len(self.flights) - 1)
            self.rebuild()
            return None
        return self.proceed()

    def proceed(self) -> Transition | None:
        s = self.app.session
        if self.demo:
            if s.over():
                return Replace(new_screen("end", self.app))
            s.run_computers()
            return Replace(ResolutionScreen(self.app, None, demo=True))
        s.mark_seen(self.side)
        if s.over():
            if any(s.has_report(h) for h in s.humans()):  # hot-seat: the other player reads theirs, handed over first
                return Replace(self.app.next_screen())
            return Replace(new_screen("end", self.app, s.view(self.side)))  # the end as the side that read this report sees it
        news = [e for e in s.events_for(self.side) if isinstance(e, ev.EventFired) and e.side == self.side]
        if news or s.view(self.side).decisions:
            self.app.play("news")
            return Replace(new_screen("news", self.app, self.side))
        return Replace(new_screen("dashboard", self.app, self.side))

    def back(self) -> Transition | None:
        if self.demo:
            return Reset(None)
        return self.skip()

    def build(self) -> None:
        w, h = self.app.size
        label = self.tr("resolution.skip") if not self.done else self.tr("resolution.continue")
        self.button((w - self.s(260), h - self.s(60), self.s(240), self.s(44)), label, self.skip,
                    self.tr("tip.resolution.skip" if not self.done else "tip.resolution.continue"),
                    object_id="#primary" if self.done else None)
        if self.demo:
            self.button((self.s(20), h - self.s(60), self.s(200), self.s(44)), self.tr("nav.menu"), lambda: Reset(None),
                        self.tr("tip.nav.menu"))
        self.focus = 0

    def on_enter(self) -> Transition | None:
        return self.skip()

    # -- drawing ---------------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        w, h = self.app.size
        s = self.app.session
        rules = s.rules
        title = self.tr("resolution.title", date=rules.date_label(s.turn - 1))
        if self.demo:
            title = self.tr("resolution.demo") + " — " + title
        draw.text(surf, title, (self.s(20), self.s(12)), round(24 * self.app.scale), draw.TEXT, True, w - self.s(40))
        # prestige of every side, for the watcher of a demo
        x = self.s(20)
        v = s.view(self.side or s.viewer())
        prestige = {v.side: v.me.prestige} | {r.id: r.prestige for r in v.rivals}  # public to every side
        for sid in s.sides:
            c, sh = self.app.side_style(sid)
            draw.marker(surf, sh, (x + self.s(6), self.s(62)), self.s(6), c)
            # the prestige after the turn, once every outcome has been shown (it would give them away)
            label = (self.tr("resolution.prestige", side=self.app.side_name(sid), p=prestige[sid]) if self.done
                     else self.app.side_name(sid))
            r = draw.text(surf, label, (x + self.s(18), self.s(52)), round(15 * self.app.scale), c, True)
            x = r.right + self.s(24)
        scene = pygame.Rect(self.s(20), self.s(84), int(w * 0.58), h - self.s(160))
        self.draw_scene(surf, scene)
        log = pygame.Rect(scene.right + self.s(16), scene.y, w - scene.right - self.s(36), scene.height)
        self.draw_log(surf, log)

    def draw_scene(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        clip = surf.get_clip()
        surf.set_clip(r)
        try:
            self._scene(surf, r)
        finally:
            surf.set_clip(clip)

    def _scene(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        pygame.draw.rect(surf, (4, 6, 14), r, border_radius=6)
        for sx, sy, size in self.stars:
            pygame.draw.circle(surf, (180, 190, 210), (r.x + int(sx * r.width), r.y + int(sy * r.height)), size // 2 + 1 if size > 1 else 1)
        earth = (r.x + int(r.width * 0.25), r.bottom + int(r.height * 0.55))
        er = int(r.height * 0.8)
        pygame.draw.circle(surf, (30, 80, 160), earth, er)
        pygame.draw.circle(surf, (60, 140, 90), (earth[0] - er // 3, earth[1] - er // 2), er // 3)
        orbit_r = er + int(r.height * 0.16)
        pygame.draw.circle(surf, (60, 70, 90), earth, orbit_r, 1)
        moon = (r.right - int(r.width * 0.14), r.y + int(r.height * 0.2))
        pygame.draw.circle(surf, (200, 200, 190), moon, int(r.height * 0.07))
        pygame.draw.circle(surf, (170, 170, 160), (moon[0] - 6, moon[1] - 4), int(r.height * 0.015))
        pad = (earth[0] + int(er * 0.15), earth[1] - int(math.sqrt(max(0, er * er - (er * 0.15) ** 2))))
        pygame.draw.rect(surf, (120, 120, 130), (pad[0] - 6, pad[1] - 16, 4, 16))
        if not self.flights:
            draw.text(surf, self.tr("resolution.none"), (r.centerx, r.centery), round(18 * self.app.scale), draw.DIM,
                      align="center")
            return
        f = self.flights[self.index]
        mission = self.app.session.rules.missions.get(f.mission)
        moon_bound = mission is not None and is_moon_bound(mission)

        def path(u: float) -> tuple[int, int]:
            # pad -> orbit (along an arc) -> Moon (a straight transfer), u in 0..1
            if not moon_bound or u < 0.5:
                k = u / (0.5 if moon_bound else 1.0)
                a0 = math.atan2(pad[1] - earth[1], pad[0] - earth[0])
                a = a0 + k * SWEEP
                rad = er + (orbit_r - er) * min(1.0, k * 2.5)
                return int(earth[0] + rad * math.cos(a)), int(earth[1] + rad * math.sin(a))
            k = (u - 0.5) / 0.5
            a0 = math.atan2(pad[1] - earth[1], pad[0] - earth[0]) + SWEEP
            sx, sy = earth[0] + orbit_r * math.cos(a0), earth[1] + orbit_r * math.sin(a0)
            return int(sx + (moon[0] - sx) * k), int(sy + (moon[1] - sy) * k)

        n = max(1, len(f.steps))
        progress = 1.0 if self.done else max(0.0, min(1.0, (self.t - STEP_TIME) / (n * STEP_TIME)))
        failed_at = next((i for i, (_, ok) in enumerate(f.steps) if not ok), None)
        stop = 1.0
        if f.result in ("failure", "crew_lost") and failed_at is not None:
            stop = (failed_at + 0.5) / n
        u = min(progress, stop)
        colour, shape = self.app.side_style(f.side)
        pts = [path(i / 40 * u) for i in range(41)]
        if len(pts) > 1:
            pygame.draw.lines(surf, colour, False, pts, 2)
        for i in range(n):
            p = path((i + 0.5) / n)
            ok = f.steps[i][1] if i < len(f.steps) else True
            reached = progress >= (i + 0.5) / n
            col = (draw.GOOD if ok else draw.BAD) if reached else (70, 80, 95)
            pygame.draw.circle(surf, col, p, self.s(5), 0 if reached else 1)
        head = path(u)
        if u >= stop and stop < 1.0:
            for k in range(10):
                a = k * math.pi / 5
                pygame.draw.line(surf, draw.WARN, head, (head[0] + int(14 * math.cos(a)), head[1] + int(14 * math.sin(a))), 2)
        else:
            draw.marker(surf, shape, head, self.s(7), colour)
        draw.text(surf, f"{self.app.side_name(f.side)} — {self.app.stext(mission.name) if mission else f.mission}",
                  (r.x + self.s(12), r.y + self.s(10)), round(17 * self.app.scale), colour, True, r.width - self.s(24))
        draw.text(surf, f"{self.index + 1}/{len(self.flights)}", (r.right - self.s(12), r.y + self.s(10)),
                  round(15 * self.app.scale), draw.DIM, align="right")
        if progress >= 1.0 or u >= stop:
            key = {"success": "resolution.success", "partial": "resolution.partial", "failure": "resolution.failure",
                   "crew_lost": "resolution.crew_lost"}[f.result]
            col = {"success": draw.GOOD, "partial": draw.ACCENT, "failure": draw.WARN, "crew_lost": draw.BAD}[f.result]
            draw.text(surf, self.tr(key), (r.x + self.s(12), r.y + self.s(38)), round(20 * self.app.scale), col, True)

    def draw_log(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        fs = round(14 * self.app.scale)
        inner = draw.panel(surf, r, self.tr("resolution.log"), round(16 * self.app.scale))
        lh = draw.font(fs).get_linesize() + self.s(1)
        y = inner.y
        shown = self.flights if self.done else self.flights[: self.index + 1]
        lines: list[tuple[str, tuple[int, int, int]]] = []
        for i, f in enumerate(shown):
            colour, _ = self.app.side_style(f.side)
            lines.append((f.lines[0], colour))
            if self.revealed(i):
                lines.extend(("   " + line, draw.TEXT) for line in f.lines[1:])
                lines.extend(("   " + text, draw.WARN if first else draw.TEXT) for text, first in f.extras)
        if self.done and self.home:
            if lines:
                lines.append(("", draw.TEXT))
            lines.append((self.tr("resolution.home") if not self.demo else "", draw.ACCENT))
            lines.extend((f"• {x}", draw.TEXT) for x in self.home)
        wrapped: list[tuple[str, tuple[int, int, int]]] = []
        for text, col in lines:
            for k, part in enumerate(draw.wrap(text, fs, inner.width)):
                wrapped.append(((part if k == 0 else "   " + part), col))
        fit = max(1, (inner.bottom - y) // lh)
        for text, col in wrapped[-fit:] if not self.done else wrapped[:fit]:
            draw.text(surf, text, (inner.x, y), fs, col, width=inner.width)
            y += lh


@register
class DemoScreen(ResolutionScreen):
    """`--demo`: the computer plays every side; each turn's launches are shown, then the next turn is played."""

    name = "demo"

    def __init__(self, app: Any) -> None:
        if app.session.resolutions == 0 and not app.session.over():
            app.session.run_computers()
        super().__init__(app, None, demo=True)
