"""The turn's launches, in the order they flew, each animated from its mission's steps beside a log that tells
the crew, the odds, the dice, the outcome and what the flight taught; Enter and Esc skip the animation, never the report."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import events as ev
from game.ui import draw, portraits
from game.ui.flight import BEAT, Flight, read_flights
from game.ui.log_lines import Words, describe
from game.ui.screens.base import Replace, Reset, Screen, Transition
from game.ui.screens.registry import new_screen, register
from game.ui.show import Show
from game.ui.show_fx import FAIL_AT

_OUTCOME_KEYS = {
    "success": "resolution.success",
    "partial": "resolution.partial",
    "failure": "resolution.failure",
    "crew_lost": "resolution.crew_lost",
}
_OUTCOME_COLOURS = {"success": draw.GOOD, "partial": draw.ACCENT, "failure": draw.WARN, "crew_lost": draw.BAD}
_BEAT_SOUNDS = {("pad", "ascent"): "liftoff", ("surface", "ascent"): "staging", ("sky", "staging"): "staging"}
_OUTCOME_EVENTS = (ev.MissionSucceeded, ev.MissionPartlySucceeded, ev.MissionFailed)
_GO_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


@register
class ResolutionScreen(Screen):
    """The launches of the turn one after another, each drawn from its mission's steps (see game.ui.show),
    beside a log that names the crew, the odds, each step's die, the outcome and what the flight taught."""

    name = "resolution"
    music = "launch"

    def __init__(self, app: Any, side: str | None, demo: bool = False) -> None:
        super().__init__(app)
        self.side = side
        self.demo = demo
        s = app.session
        events = s.events_for(side) if side else s.public_events()
        self.flights, rest = read_flights(events, s.rules)
        if s.over():  # the year the upkeep budgeted for is never played
            rest = [e for e in rest if not isinstance(e, ev.BudgetSet)]
        self.home = [line for line in (describe(self, e) for e in rest) if line]
        self.words = Words(app)
        self.show = Show(app)
        self.t = 0.0
        self.index = 0
        self.done = not self.flights
        self.wait = 0.0
        self.held: int | None = None  # the key that skipped the animation, until it is let go (a held key repeats)
        v = s.view(side or s.viewer())
        self.prestige = {v.side: v.me.prestige} | {r.id: r.prestige for r in v.rivals}  # public to every side
        self.log_cache: tuple[Any, pygame.Surface] | None = None  # the log as last drawn, and what it showed
        # stacks and bodies drawn before the frame that shows them, in the order they are shown: one a frame while
        # the animation has time to spare (a step lasts some eighty frames), the first step's by its first frame
        self.to_draw = [(f, t) for f in self.flights for t in self.show.moments(f)]
        self.sounded: set[tuple[int, int]] = set()

    @property
    def animating(self) -> bool:
        return not self.done or self.demo

    def duration(self, f: Flight) -> float:
        """A flight's time on screen: its steps up to the one that ended it, and a moment to read the outcome."""
        return f.duration()

    def revealed(self, i: int) -> bool:
        """Whether the outcome of flight `i` has been shown yet (the log then tells it too)."""
        if self.done or i < self.index:
            return True
        return i == self.index and self.t >= len(self.flights[i].beats) * BEAT

    def steps_told(self, i: int) -> int:
        """How many of flight `i`'s steps the log tells yet: each once the picture has shown how it went."""
        if self.done or i < self.index:
            return len(self.flights[i].beats)
        if i > self.index:
            return 0
        return max(0, min(len(self.flights[i].beats), int((self.t + (1 - FAIL_AT) * BEAT) // BEAT)))

    def update(self, dt: float) -> Transition | None:
        if self.to_draw:
            f, t = self.to_draw.pop(0)
            self.show.prepare_at(f, self.scene_rect(), t)
        if not self.done:
            self.sound()
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

    def sound(self) -> None:
        """The sound of what the picture shows now: a liftoff, a stage falling away, the outcome."""
        f = self.flights[self.index]
        if not f.beats:
            return
        i, _ = f.at(self.t)
        b = f.beats[i]
        if self.t >= len(f.beats) * BEAT:
            if (self.index, -1) not in self.sounded:
                self.sounded.add((self.index, -1))
                self.app.play("success" if f.result in ("success", "partial") else "failure")
            return
        if (self.index, i) not in self.sounded:
            self.sounded.add((self.index, i))
            name = _BEAT_SOUNDS.get((b.scene, b.kind))
            if name:
                self.app.play(name)

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
            return Replace(
                new_screen("end", self.app, s.view(self.side))
            )  # the end as the side that read this report sees it
        news = [e for e in s.events_for(self.side) if isinstance(e, ev.EventFired) and e.side == self.side]
        if news or s.view(self.side).decisions:
            self.app.play("news")
            return Replace(new_screen("news", self.app, self.side))
        return Replace(new_screen("dashboard", self.app, self.side))

    def back(self) -> Transition | None:
        """Esc skips the animation, never the report: the report is left with Continue (or Enter)."""
        if self.demo:
            return Reset(None)
        if not self.done:
            return self.skip()
        return None

    def build(self) -> None:
        w, h = self.app.size
        label = self.tr("resolution.skip") if not self.done else self.tr("resolution.continue")
        self.button(
            (w - self.s(260), h - self.s(60), self.s(240), self.s(44)),
            label,
            self.skip,
            self.tr("tip.resolution.skip" if not self.done else "tip.resolution.continue"),
            object_id="#primary" if self.done else None,
        )
        if self.demo:
            self.button(
                (self.s(20), h - self.s(60), self.s(200), self.s(44)),
                self.tr("nav.menu"),
                lambda: Reset(None),
                self.tr("tip.nav.menu"),
            )
        self.focus = 0

    def on_enter(self) -> Transition | None:
        return self.skip()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYUP and event.key == self.held:
            self.held = None
        return super().handle(event)

    def on_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in _GO_KEYS:
            if self.held == event.key:
                return None  # the key that skipped the animation, still down and repeating: the report stays
            if not self.done:
                self.held = event.key
        return super().on_key(event)

    # -- drawing ---------------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        w, _ = self.app.size
        s = self.app.session
        rules = s.rules
        title = self.tr("resolution.title", date=rules.date_label(s.turn - 1))
        if self.demo:
            title = self.tr("resolution.demo") + " — " + title
        draw.text(surf, title, (self.s(20), self.s(12)), round(24 * self.app.scale), draw.TEXT, True, w - self.s(40))
        # prestige of every side, for the watcher of a demo
        x = self.s(20)
        prestige = self.prestige
        for sid in s.sides:
            c, sh = self.app.side_style(sid)
            draw.marker(surf, sh, (x + self.s(6), self.s(62)), self.s(6), c)
            # the prestige after the turn, once every outcome has been shown (it would give them away)
            label = (
                self.tr("resolution.prestige", side=self.app.side_name(sid), p=prestige[sid])
                if self.done
                else self.app.side_name(sid)
            )
            r = draw.text(surf, label, (x + self.s(18), self.s(52)), round(15 * self.app.scale), c, True)
            x = r.right + self.s(24)
        scene = self.scene_rect()
        self.draw_scene(surf, scene)
        log = pygame.Rect(scene.right + self.s(16), scene.y, w - scene.right - self.s(36), scene.height)
        self.draw_log(surf, log)

    def scene_rect(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(self.s(20), self.s(84), int(w * 0.58), h - self.s(160))

    def draw_scene(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        clip = surf.get_clip()
        surf.set_clip(r)
        try:
            self._scene(surf, r)
        finally:
            surf.set_clip(clip)
        pygame.draw.rect(surf, draw.PANEL_EDGE, r, 1, border_radius=6)

    def _scene(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        if not self.flights:
            self.show.draw(surf, r, Flight("", ""), 0.0)
            draw.text(
                surf,
                self.tr("resolution.none"),
                (r.centerx, r.centery),
                round(18 * self.app.scale),
                draw.DIM,
                align="center",
            )
            return
        f = self.flights[self.index]
        t = self.t if not self.done else f.duration()
        band_h = self.s(66) if f.crew else self.s(40)
        self.show.caption = band_h
        self.show.floor = self.s(58) if f.beats else 0  # the step strip (draw_timeline) over the picture's foot
        craft = self.show.draw(surf, r, f, t)
        mission = self.app.session.rules.missions.get(f.mission)
        colour, _ = self.app.side_style(f.side)
        fs = round(17 * self.app.scale)
        name = self.app.stext(mission.name) if mission else f.mission
        rules = self.app.session.rules
        if f.window and any(w.id == f.window for w in rules.launch_windows):  # (the flights come in launch order)
            windowed = f"{name} · {self.app.stext(rules.launch_window(f.window).name)}"
            room = r.width - self.s(80)
            if draw.font(fs, True).size(draw.clean(f"{self.app.side_name(f.side)} — {windowed}"))[0] <= room:
                name = windowed  # where it fits: the side and the mission come first
        band = pygame.Surface((r.width, band_h), pygame.SRCALPHA)
        band.fill(draw.colour("caption_band"))
        surf.blit(band, r.topleft)
        draw.text(
            surf,
            f"{self.app.side_name(f.side)} — {name}",
            (r.x + self.s(12), r.y + self.s(8)),
            fs,
            colour,
            True,
            r.width - self.s(80),
        )
        draw.text(
            surf,
            f"{self.index + 1}/{len(self.flights)}",
            (r.right - self.s(12), r.y + self.s(10)),
            round(15 * self.app.scale),
            draw.DIM,
            align="right",
        )
        if f.crew:
            # the crew's faces at the band's right, their names beside them
            size = self.s(30)
            x = r.right - self.s(12)
            for c in reversed(f.crew):
                x -= size
                surf.blit(portraits.crew_portrait(self.app.session.rules, c, size), (x, r.y + self.s(32)))
                x -= self.s(4)
            crew = ", ".join(self.words.crew(c) for c in f.crew)
            draw.text(
                surf,
                self.tr("resolution.crew", names=crew),
                (r.x + self.s(12), r.y + self.s(36)),
                round(14 * self.app.scale),
                draw.TEXT,
                width=x - r.x - self.s(20),
            )
        if not f.beats:
            return
        i, u = f.at(t)
        b = f.beats[i]
        if craft is not None and u >= FAIL_AT and t < len(f.beats) * BEAT:  # the step's outcome, where it happened
            step = self.words.step(f.mission, b.step)
            col = draw.GOOD if b.passed else draw.BAD
            mark = self.tr("resolution.step_ok_short" if b.passed else "resolution.step_failed_short", step=step)
            # right of the craft where the words fit, else left of it (played by hand in Russian: "Выход в открытый
            # кос…" was cut at the picture's edge); a smaller type only where neither side has room
            size = round(15 * self.app.scale)
            wide = draw.font(size, True).size(draw.clean(mark))[0]
            x = max(craft[0] + self.s(24), r.x + self.s(8))
            if x + wide > r.right - self.s(8):
                x = max(r.x + self.s(8), min(craft[0] - self.s(24) - wide, r.right - self.s(8) - wide))
            y = min(max(craft[1] - self.s(44), r.y + self.s(70)), r.bottom - self.s(90))
            room = r.right - x - self.s(8)
            draw.text(surf, mark, (x, y), draw.shrink(mark, size, room, True, 0.7), col, True, room)
        self.draw_timeline(surf, r, f, i if t < len(f.beats) * BEAT else len(f.beats))
        if t >= len(f.beats) * BEAT:
            key, col = _OUTCOME_KEYS[f.result], _OUTCOME_COLOURS[f.result]
            big = round(30 * self.app.scale)
            text = self.tr(key)
            box = pygame.Rect(0, 0, draw.font(big, True).size(text)[0] + self.s(40), self.s(54))
            box.center = (r.centerx, r.y + int(r.height * 0.22))
            shade = pygame.Surface(box.size, pygame.SRCALPHA)
            shade.fill(draw.colour("veil"))
            surf.blit(shade, box)
            pygame.draw.rect(surf, col, box, 2, border_radius=6)
            draw.text(surf, text, (box.centerx, box.y + self.s(8)), big, col, True, align="center")

    def draw_timeline(self, surf: pygame.Surface, r: pygame.Rect, f: Flight, current: int) -> None:
        """The mission's steps along the bottom: flown ones green or red, the one in flight lit, the rest waiting."""
        mission = self.app.session.rules.missions.get(f.mission)
        steps = list(mission.steps) if mission else []
        if not steps:
            return
        strip = pygame.Rect(r.x, r.bottom - self.s(58), r.width, self.s(58))  # (the show's floor)
        shade = pygame.Surface(strip.size, pygame.SRCALPHA)
        shade.fill(draw.colour("veil_light"))
        surf.blit(shade, strip)
        gap = (strip.width - self.s(40)) / max(1, len(steps) - 1) if len(steps) > 1 else 0
        y = strip.y + self.s(18)
        flown = {b.index: b for b in f.beats}
        for k in range(len(steps)):
            x = int(strip.x + self.s(20) + k * gap) if len(steps) > 1 else strip.centerx
            b = flown.get(k)
            told = b is not None and k < current
            if k < len(steps) - 1:
                nx = int(strip.x + self.s(20) + (k + 1) * gap)
                pygame.draw.line(surf, draw.colour("report_path"), (x, y), (nx, y), 2)
            if told and b is not None:
                col = draw.GOOD if b.passed else draw.BAD
                pygame.draw.circle(surf, col, (x, y), self.s(7))
            elif k == current and b is not None:
                pygame.draw.circle(surf, draw.FOCUS, (x, y), self.s(8), 2)
            else:
                pygame.draw.circle(surf, draw.colour("report_stop"), (x, y), self.s(6), 1)
        if current < len(f.beats):
            b = f.beats[current]
            label = self.tr(
                "resolution.step_now", n=current + 1, of=len(steps), step=self.words.step(f.mission, b.step), p=b.chance
            )
            draw.text(
                surf,
                label,
                (strip.centerx, y + self.s(12)),
                round(14 * self.app.scale),
                draw.TEXT,
                align="center",
                width=strip.width - self.s(20),
            )

    def flight_lines(self, i: int, f: Flight) -> list[tuple[str, tuple[int, int, int]]]:
        """What the log says of flight `i` so far: the launch, crew and odds, each step told, the outcome, the lessons."""
        colour, _ = self.app.side_style(f.side)
        lines = [
            (self.tr("log.launched", side=self.app.side_name(f.side), mission=self.words.mission(f.mission)), colour)
        ]
        if f.crew:
            lines.append(
                ("   " + self.tr("resolution.crew", names=", ".join(self.words.crew(c) for c in f.crew)), draw.TEXT)
            )
        success, partial, _failure, crew_lost = f.odds
        # the same two figures as the missions screen: a full success, and at least a partial one when that can happen
        key = "resolution.odds" + ("_crewed" if f.crew else "") + ("_partial" if partial else "")
        odds = self.tr(key, s=round(success / 10), p=round((success + partial) / 10), lost=round(crew_lost / 10))
        lines.append(("   " + odds, draw.DIM))
        for b in f.beats[: self.steps_told(i)]:
            if b.passed and self.done:
                continue  # the whole report keeps to what went wrong; the animation told every step
            step = self.words.step(f.mission, b.step)
            if b.passed:
                lines.append(("   " + self.tr("resolution.step_ok", step=step, p=b.chance), draw.DIM))
            else:
                lines.append(("   " + self.tr("resolution.step_failed", step=step, p=b.chance, roll=b.roll), draw.BAD))
        if self.revealed(i):
            outcome_first = sorted(f.after, key=lambda e: type(e) not in _OUTCOME_EVENTS)  # then what it brought
            for e in outcome_first:
                text = describe(self, e)
                first = isinstance(e, ev.MilestoneAchieved) and e.rank == 1
                if text:
                    lines.append(("   " + text, draw.WARN if first else draw.TEXT))
            if f.taught:
                rules = self.app.session.rules
                parts = [
                    self.tr(
                        "resolution.taught_one",
                        tech=self.app.stext(rules.techs[t].name) if t in rules.techs else t,
                        n=n,
                        r=r,
                    )
                    for t, (n, r) in f.taught.items()
                ]
                lines.append(("   " + self.tr("resolution.taught", what=", ".join(parts)), draw.ACCENT))
        return lines

    def draw_log(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        """The log, drawn again only when what it says changes (wrapping text every frame would cost the animation)."""
        told = (
            self.index,
            self.steps_told(self.index) if self.flights else 0,
            self.done,
            bool(self.flights) and self.revealed(self.index),
            r.size,
            self.app.settings.language,
            self.app.scale,
        )
        if self.log_cache is None or self.log_cache[0] != told:
            layer = pygame.Surface(r.size)
            layer.fill(draw.BG)
            self._draw_log(layer, layer.get_rect())
            self.log_cache = (told, layer)
        surf.blit(self.log_cache[1], r.topleft)

    def _draw_log(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        fs = round(14 * self.app.scale)
        inner = draw.panel(surf, r, self.tr("resolution.log"), round(16 * self.app.scale))
        lh = draw.font(fs).get_linesize() + self.s(1)
        y = inner.y
        shown = self.flights if self.done else self.flights[: self.index + 1]
        lines: list[tuple[str, tuple[int, int, int]]] = []
        for i, f in enumerate(shown):
            lines.extend(self.flight_lines(i, f))
        if self.done and self.home:
            if lines:
                lines.append(("", draw.TEXT))
            lines.append((self.tr("resolution.home") if not self.demo else "", draw.ACCENT))
            lines.extend((f"• {x}", draw.TEXT) for x in self.home)
        # each entry wrapped by pygame as a block: an indented entry's lines all at its indent, a bullet's under
        # its text; while the flights are told the newest entries stay in sight, afterwards the first ones (the
        # last one shown cut with "…" if need be)
        bullet = draw.font(fs).size("• ")[0]
        entries = []
        for text, col in lines:
            body = text.lstrip(" ")
            hang = draw.font(fs).size(text[: len(text) - len(body)])[0]
            mark = body.startswith("• ")
            if mark:
                body, hang = body[2:], hang + bullet
            entries.append((body, col, hang, mark, draw.line_count(body, fs, inner.width - hang)))
        room = max(1, (inner.bottom - y) // lh)
        if not self.done:
            kept, used = [], 0
            for entry in reversed(entries):
                if used + entry[4] > room and kept:
                    break
                kept.append(entry)
                used += entry[4]
            entries = kept[::-1]
        for body, col, hang, mark, n in entries:
            left = (inner.bottom - y) // lh
            if left <= 0:
                break
            if mark:
                draw.text(surf, "•", (inner.x + hang - bullet, y), fs, col)
            box = pygame.Rect(inner.x + hang, y, inner.width - hang, min(n, left) * lh)
            y += draw.paragraph(surf, body, box, fs, col, gap=lh - draw.font(fs).get_linesize())


@register
class DemoScreen(ResolutionScreen):
    """`--demo`: the computer plays every side; each turn's launches are shown, then the next turn is played."""

    name = "demo"

    def __init__(self, app: Any) -> None:
        if app.session.resolutions == 0 and not app.session.over():
            app.session.run_computers()
        super().__init__(app, None, demo=True)
