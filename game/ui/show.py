"""The launch drawn as a show: what it draws once and keeps (stacks, bodies, stars), and each frame of a flight, by the
picture of the step it is at (`game.ui.show_scenes`); a failure is drawn where its step happens.

`Show.draw` is called every frame with the flight (`game.ui.flight`) and the time into it; what is costly to
draw (stacks, bodies) is drawn once per size and kept. Pictures are keyed by a beat's `scene` in `SCENES`, so
a new place is one function and one line.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pygame

from game.ui.art import stack_surface
from game.ui.draw import colour
from game.ui.flight import BEAT, Flight
from game.ui.show_fx import BODY_COLOURS, LAND, MOON, SPACE, Point, mix
from game.ui.show_scenes import SCENES, Frame

CACHE_LIMIT = 300  # pictures kept across reports (stacks, bodies, skies), a few MB
AIR = colour("show_air")
SHADOW = colour("show_shadow")  # what a crater is darkened towards
NIGHT = colour("show_night")
MASK = colour("show_mask")
HIGH_AIR = colour("show_high_air")
LOW_AIR = colour("show_low_air")
STAR = colour("show_star")


class Show:
    """Draws flights; keeps what it drew once (stacks, bodies, stars) for the next frames."""

    def __init__(self, app: Any) -> None:
        self.app = app
        # kept for the whole game (the app's memory is the game's), so the next turn's report starts drawn
        self.cache: dict[Any, pygame.Surface] = app.memory.setdefault(("show", "pictures"), {})
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        rng = random.Random(7)
        self.stars = [(rng.random(), rng.random(), rng.random()) for _ in range(140)]
        self._points: dict[Any, list[list[tuple[int, int]]]] = app.memory.setdefault(("show", "stars"), {})
        # How far down the picture a screen's caption band reaches: a picture that moves in from the top starts below it.
        self.caption = 0
        # How high the screen's step strip lies over the picture's foot: what falls stops above it.
        self.floor = 0

    @property
    def rules(self) -> Any:
        return self.app.session.rules

    # -- what is drawn once ----------------------------------------------------------------------

    def stack(self, flight: Flight, height: int, part: str = "all") -> pygame.Surface:
        """The flight's stack (`all`), what rides on the launcher (`craft`), what lands (`lander`), what comes
        home (`home`), or the second craft of a rendezvous (`target`), `height` pixels tall."""
        key = ("stack", flight.side, flight.hardware, height, part)
        if key not in self.cache:
            kinds = {hw: getattr(self.rules.hardware.get(hw), "kind", "other") for _, hw in flight.hardware}
            ids = [hw for _, hw in flight.hardware]
            craft = [hw for hw in ids if kinds[hw] not in ("launcher", "target", "suit")] or ids[-1:]
            if part == "craft":
                ids = craft
            elif part == "lander":  # what goes down to a surface: the lander, else the whole craft
                ids = [hw for hw in craft if kinds[hw] == "lander"] or craft
            elif part == "home":  # what comes back through the air: the capsule, else the whole craft
                ids = [hw for hw in craft if kinds[hw] == "capsule"] or craft
            elif part == "target":
                ids = [hw for hw in ids if kinds[hw] in ("target", "station")] or ids[-1:]
            elif part.startswith("pad:"):
                ids = self.pad_stack(flight, part[4:], kinds)
            else:
                ids = [hw for hw in ids if kinds[hw] not in ("target",)]
            self.cache[key] = stack_surface(self.rules, flight.side, ids, max(4, height))
        return self.cache[key]

    def pad_stack(self, flight: Flight, slot: str, kinds: dict[str, str]) -> list[str]:
        """What stands on the pad for an ascent testing `slot`: a launch before the last one (a rendezvous target's,
        a station's) lifts its launcher with the target or station; the last lifts the rest."""
        by_slot = dict(flight.hardware)
        ascents = [b.slot for b in flight.beats if b.scene == "pad"]
        if slot not in by_slot or kinds.get(by_slot[slot]) != "launcher" or len(set(ascents)) < 2:
            return [hw for _, hw in flight.hardware if kinds[hw] != "target"]
        others = [hw for hw in by_slot.values() if kinds[hw] != "launcher"]
        if slot != ascents[-1]:
            return [by_slot[slot], *[hw for hw in others if kinds[hw] in ("target", "station")]]
        return [by_slot[slot], *[hw for hw in others if kinds[hw] not in ("target", "station", "suit")]]

    def body(self, kind: str, radius: int) -> pygame.Surface:
        key = ("body", kind, radius)
        if key not in self.cache:
            size = radius * 2 + 2
            s = pygame.Surface((size, size), pygame.SRCALPHA)
            c = (radius + 1, radius + 1)
            base = BODY_COLOURS.get(kind, MOON)
            pygame.draw.circle(s, base, c, radius)
            rng = random.Random(kind)
            if kind == "earth":
                for _ in range(7):
                    a, d = rng.random() * math.tau, rng.random() * radius * 0.7
                    pygame.draw.circle(
                        s,
                        LAND,
                        (int(c[0] + d * math.cos(a)), int(c[1] + d * math.sin(a))),
                        max(2, int(radius * (0.12 + rng.random() * 0.18))),
                    )
                pygame.draw.circle(s, AIR, c, radius, max(1, radius // 25))  # the thin blue air
            else:
                for _ in range(9):
                    a, d = rng.random() * math.tau, rng.random() * radius * 0.75
                    pygame.draw.circle(
                        s,
                        mix(base, SHADOW, 0.25),
                        (int(c[0] + d * math.cos(a)), int(c[1] + d * math.sin(a))),
                        max(1, int(radius * (0.05 + rng.random() * 0.1))),
                    )
            # the night side
            shade = pygame.Surface((size, size), pygame.SRCALPHA)
            pygame.draw.circle(shade, NIGHT, (c[0] + radius // 2, c[1] + radius // 3), radius)
            mask = pygame.Surface((size, size), pygame.SRCALPHA)
            pygame.draw.circle(mask, MASK, c, radius)
            shade.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
            s.blit(shade, (0, 0))
            self.cache[key] = s
        return self.cache[key]

    def horizon(self, size: tuple[int, int]) -> pygame.Surface:
        """The glow of the air near the ground: clear at the top, pale at the horizon."""
        key = ("horizon", size)
        if key not in self.cache:
            w, h = size
            s = pygame.Surface(size)
            for y in range(0, h, 4):
                pygame.draw.rect(s, mix(HIGH_AIR, LOW_AIR, (y / h) ** 1.6), (0, y, w, 4))
            self.cache[key] = s
        return self.cache[key]

    def stars_on(self, surf: pygame.Surface, r: pygame.Rect, alpha: float = 1.0) -> None:
        """The star field over `r` at `alpha` of its full brightness (points in three brightnesses, placed once per size)."""
        if alpha <= 0.05:
            return
        key = ("stars", r.size)
        if key not in self._points:
            buckets: list[list[tuple[int, int]]] = [[], [], []]
            for sx, sy, b in self.stars:
                buckets[min(2, int(b * 3))].append((int(sx * r.width), int(sy * r.height)))
            self._points[key] = buckets
        surf.lock()
        try:
            for k, points in enumerate(self._points[key]):
                col = surf.map_rgb(mix(SPACE, STAR, min(1.0, alpha) * (0.45 + 0.27 * k)))
                for x, y in points:
                    surf.set_at((r.x + x, r.y + y), col)
        finally:
            surf.unlock()

    def space(self, surf: pygame.Surface, r: pygame.Rect) -> None:
        """Black sky and all its stars: one opaque blit of a picture drawn once per size."""
        key = ("space", r.size)
        if key not in self.cache:
            back = pygame.Surface(r.size)
            back.fill(SPACE)
            self.stars_on(back, back.get_rect())
            self.cache[key] = back
        surf.blit(self.cache[key], r.topleft)

    def prepare(self, flight: Flight, r: pygame.Rect) -> None:
        """Draw every step of `flight` once off screen, so what is drawn once per size (stacks, bodies, stars) is
        ready before its first frame is shown."""
        for t in self.moments(flight):
            self.prepare_at(flight, r, t)

    @staticmethod
    def moments(flight: Flight) -> list[float]:
        """The times into `flight` whose frames, drawn once, leave every picture its steps show drawn and kept."""
        return [(k + u) * BEAT for k in range(len(flight.beats)) for u in (0.1, 0.6, 0.95)]

    def prepare_at(self, flight: Flight, r: pygame.Rect, t: float) -> None:
        """Draw the frame `t` seconds into `flight` off screen (see prepare)."""
        scratch = self.cache.get(("scratch", r.size))
        if scratch is None:
            scratch = self.cache[("scratch", r.size)] = pygame.Surface(r.size)
        self.draw(scratch, scratch.get_rect(), flight, t)

    # -- a frame ---------------------------------------------------------------------------------

    def draw(self, surf: pygame.Surface, r: pygame.Rect, flight: Flight, t: float) -> Point | None:
        """One frame of `flight`, `t` seconds in; the craft's place on the picture (for its step's label)."""
        if not flight.beats:
            self.space(surf, r)
            return None
        i, u = flight.at(t)
        beat = flight.beats[i]
        p = (beat.run + u) / beat.run_len
        return SCENES[beat.scene](Frame(self, surf, r, flight, beat, u, p, t))
