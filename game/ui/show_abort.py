"""The launch show's abort: a crewed flight that fails and whose crew lives is not drawn as a blast. In the air
the escape tower pulls the capsule off the failing stack and it comes down under its parachutes; in space the craft
turns back, its engine lit. A blast is kept for a craft that is lost with its crew, or with none aboard.

Played by hand (1964, the spacewalk): a failed retro-fire was drawn as a blast on the Earth's face though the log
said the crew survived."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.ui import draw
from game.ui.show_fx import FLAME, Point, below_caption, blit_centred, dead, ease, flame, lerp

if TYPE_CHECKING:
    from game.ui.show_scenes import Frame

CHUTES = draw.colours("show_chute")  # alternating canopies: white, orange
SHROUD = draw.colour("show_shroud")
PULL = 0.35  # the share of the failure's time the escape tower fires; then the parachutes


def survived(f: Frame) -> bool:
    """Whether the flight ends at this frame's step with its crew alive (an abort), and that has happened."""
    return f.ended and bool(f.flight.crew) and f.flight.result != "crew_lost"


def escape(f: Frame, at: Point, size: int, tower: bool = True) -> Point:
    """The capsule leaving the failing craft at `at` (the top of the stack): pulled up and aside by the escape
    tower's motor (`tower`), then drifting down under its parachutes. Returns where the capsule is."""
    k = f.since
    start = PULL if tower else 0.0  # when the parachutes take over
    pull = ease(k / PULL) if tower else 0.0
    down = ease((k - start) / (1 - start))
    # in view: the canopy, 2 sizes above the capsule, below the caption band (the stack may be high already)
    high = below_caption(f.r, f.show.caption, size * 2.5, int(size * 2.5))
    pos = (
        int(at[0] + size * 1.4 * pull),
        max(high, int(at[1] - size * 2.0 * pull)) + int(size * 1.2 * down),
    )
    capsule = f.show.stack(f.flight, size, "home")
    if tower and k < PULL:  # the tower's motor, burning under the capsule it lifts
        flame(f.surf, (pos[0], pos[1] + size // 2), max(4, size // 2), int(size * 0.9), f.t)
    elif k > 0.05:
        top = (pos[0], pos[1] - int(size * 2.0))
        opened = ease((k - start) / 0.3)
        w = int(lerp(size * 0.3, size * 1.4, opened))
        pygame.draw.ellipse(f.surf, CHUTES[0], (top[0] - w // 2, top[1], w, max(4, int(w * 0.45))))
        for dx in (-w // 2, 0, w // 2):
            pygame.draw.line(f.surf, SHROUD, (top[0] + dx, top[1] + int(w * 0.22)), (pos[0], pos[1] - size // 2), 1)
    blit_centred(f.surf, capsule, pos)
    return pos


def falling(f: Frame, img: pygame.Surface, at: Point) -> None:
    """The stack the capsule has left: dark, tipping over and falling away (no fireball: nobody died in it)."""
    k = f.since
    pos = (int(at[0] - img.get_width() * 0.3 * k), int(at[1] + img.get_height() * 0.4 * ease(k)))
    blit_centred(f.surf, dead(img), pos, 35 * k)


def turn_back(f: Frame, at: Point, size: int, towards: Point) -> Point:
    """In space: the craft at `at` turns about and fires its engine towards `towards` (home, or the way up), a
    dashed trail behind it. Returns where the craft is."""
    k = ease(f.since)
    pos = (int(lerp(at[0], towards[0], 0.45 * k)), int(lerp(at[1], towards[1], 0.45 * k)))
    for j in range(0, 10, 2):  # the trail it leaves
        a = (int(lerp(at[0], pos[0], j / 10)), int(lerp(at[1], pos[1], j / 10)))
        b = (int(lerp(at[0], pos[0], (j + 1) / 10)), int(lerp(at[1], pos[1], (j + 1) / 10)))
        pygame.draw.line(f.surf, FLAME[1], a, b, 2)
    heading = math.degrees(math.atan2(towards[1] - at[1], towards[0] - at[0]))
    craft = f.show.stack(f.flight, size, "craft")
    rect = blit_centred(f.surf, craft, pos, -heading - 90)
    back = (
        int(pos[0] - math.cos(math.radians(heading)) * rect.width * 0.6),
        int(pos[1] - math.sin(math.radians(heading)) * rect.height * 0.6),
    )
    pygame.draw.circle(f.surf, FLAME[0], back, max(2, size // 5))
    return pos
