"""What the launch show draws with: its colours and easing, and the effects every picture shares (a flame, a
blast, the mark of a lost craft, radio waves)."""

from __future__ import annotations

import math

import pygame

from game.ui import draw

Point = tuple[int, int]

FAIL_AT = 0.55  # how far through a failing step it goes wrong

SPACE = draw.colour("show_space")
SKY = draw.colour("show_sky")
SEA = draw.colour("show_sea")
FLAME = draw.colours("show_flame")
BLAST = draw.colours("show_blast")
SMOKE = draw.colour("show_smoke")
DEBRIS = draw.colour("show_debris")
DEAD = draw.colour("show_dead")
EARTH = draw.colour("show_earth")
LAND = draw.colour("show_land")
MOON = draw.colour("show_moon")
PLANET = draw.colour("show_planet")
BODY_COLOURS = {"earth": EARTH, "moon": MOON, "planet": PLANET}


def ease(x: float) -> float:
    x = max(0.0, min(1.0, x))
    return x * x * (3 - 2 * x)


def below_caption(r: pygame.Rect, caption: int, start: float, reach: int) -> int:
    """Where a craft that comes in from the top of picture `r` starts: `start` below its top, or lower, so that
    what reaches `reach` above it is in view below the screen's caption band, `caption` high (never past the
    picture's middle)."""
    return int(max(r.y + start, min(r.y + caption + reach, r.y + r.height * 0.5)))


def lerp(a: float, b: float, k: float) -> float:
    return a + (b - a) * k


def mix(c1: tuple[int, int, int], c2: tuple[int, int, int], k: float) -> tuple[int, int, int]:
    k = max(0.0, min(1.0, k))
    return (int(lerp(c1[0], c2[0], k)), int(lerp(c1[1], c2[1], k)), int(lerp(c1[2], c2[2], k)))


def flame(surf: pygame.Surface, base: Point, width: int, length: int, t: float, down: bool = True) -> None:
    flick = 0.8 + 0.2 * math.sin(t * 41) * math.sin(t * 17)
    d = 1 if down else -1
    for k, col in enumerate(FLAME):
        w = max(1, int(width * (1 - k * 0.25)))
        ln = int(length * flick * (1 - k * 0.22))
        pygame.draw.polygon(
            surf, col, [(base[0] - w // 2, base[1]), (base[0] + w // 2, base[1]), (base[0], base[1] + d * ln)]
        )


def explosion(surf: pygame.Surface, at: Point, k: float, size: int) -> None:
    """A blast at `at`, `k` of the way through (0..1): a fireball that swells and greys, debris flying out."""
    if k <= 0:
        return
    rad = int(size * (0.3 + k))
    for j, col in enumerate(BLAST):
        rr = int(rad * (1 - j * 0.28) * (1 - 0.6 * k * (j == 0)))
        if rr > 0:
            pygame.draw.circle(surf, mix(col, SMOKE, k * 0.9), at, rr)
    for j in range(10):
        a = j * math.tau / 10 + 0.3
        d = size * (0.5 + 1.6 * k)
        end = (at[0] + int(d * math.cos(a)), at[1] + int(d * math.sin(a)))
        pygame.draw.line(surf, DEBRIS, (at[0] + int(d * 0.8 * math.cos(a)), at[1] + int(d * 0.8 * math.sin(a))), end, 2)


def lost(surf: pygame.Surface, at: Point, size: int) -> None:
    """The mark of a craft that stopped answering."""
    for a, b in (((-1, -1), (1, 1)), ((-1, 1), (1, -1))):
        pygame.draw.line(
            surf, draw.BAD, (at[0] + a[0] * size, at[1] + a[1] * size), (at[0] + b[0] * size, at[1] + b[1] * size), 3
        )


def pulses(surf: pygame.Surface, at: Point, t: float, size: int, colour: tuple[int, int, int] = draw.GOOD) -> None:
    """Radio waves from a working craft."""
    for k in range(3):
        ph = (t * 0.9 + k / 3) % 1.0
        rr = int(size * (0.5 + 2 * ph))
        if rr > 1:
            pygame.draw.circle(surf, mix(colour, SPACE, ph), at, rr, 1)


def blit_centred(surf: pygame.Surface, img: pygame.Surface, at: Point, angle: float = 0.0) -> pygame.Rect:
    if angle:
        img = pygame.transform.rotate(img, angle)
    rect = img.get_rect(center=at)
    surf.blit(img, rect)
    return rect


def dead(img: pygame.Surface) -> pygame.Surface:
    """A craft gone dark."""
    grey = img.copy()
    grey.fill(DEAD, special_flags=pygame.BLEND_RGBA_MULT)
    return grey
