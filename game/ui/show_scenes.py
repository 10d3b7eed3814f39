"""The pictures of the launch show, one function per place (the pad, the sky, a suborbital arc, an orbit, the
way between bodies, a surface, re-entry, the sea), each drawing one frame of a step of its kind, and the
failure of that step where it happens. `SCENES` is the table `game.ui.show` draws by a beat's `scene`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui import draw
from game.ui.flight import Beat, Flight
from game.ui.show_abort import escape, falling, survived, turn_back
from game.ui.show_fx import (
    EARTH,
    FAIL_AT,
    FLAME,
    SEA,
    SKY,
    SPACE,
    Point,
    below_caption,
    blit_centred,
    dead,
    ease,
    explosion,
    flame,
    lerp,
    lost,
    mix,
    pulses,
)
from game.ui.show_space import surface, transfer

if TYPE_CHECKING:
    from game.ui.show import Show

GRASS = draw.colour("show_grass")
TOWER = draw.colour("show_tower")
PAD_SMOKE = draw.colour("show_pad_smoke")
DUSK = draw.colour("show_dusk")
AIR = draw.colour("show_air")
INSET = draw.colour("show_inset")
TETHER = draw.colour("show_dust")
SUIT = draw.colour("show_suit")
WAVE = draw.colour("show_wave")
HULL = draw.colour("show_hull")
BRIDGE = draw.colour("show_bridge")
CHUTES = draw.colours("show_chute")  # alternating canopies: white, orange
SHROUD = draw.colour("show_shroud")
SPRAY = draw.colour("show_spray")


@dataclass
class Frame:
    """What every picture needs to draw one frame of one step."""

    show: Show
    surf: pygame.Surface
    r: pygame.Rect
    flight: Flight
    beat: Beat
    u: float  # progress through this step, 0..1
    p: float  # progress through the run of steps sharing this picture, 0..1
    t: float  # seconds into the flight (for flicker)

    @property
    def failing(self) -> bool:
        """Whether this step has gone wrong yet (a non-critical failure too)."""
        return not self.beat.passed and self.u >= FAIL_AT

    @property
    def since(self) -> float:
        """How far the failure has gone on (0..1 over the rest of the step, then 1)."""
        return max(0.0, min(1.0, (self.u - FAIL_AT) / (1 - FAIL_AT))) if not self.beat.passed else 0.0

    @property
    def ended(self) -> bool:
        """Whether the flight ends here, in failure, and that has happened."""
        return self.beat.ends_flight and self.failing


def _pad(f: Frame) -> Point:
    """Liftoff: the stack on the pad, the tower, smoke; it climbs, the ground falls away and the sky darkens."""
    r, surf, u = f.r, f.surf, f.u
    climb = max(0.0, (u - 0.18) / 0.82) ** 2 if not f.ended else max(0.0, (FAIL_AT - 0.18) / 0.82) ** 2
    altitude = climb * r.height * 1.6
    surf.fill(mix(SKY, SPACE, climb * 0.8), r)
    haze = f.show.horizon(r.size)  # lighter air low down, fading as the ground falls away
    alpha = int(255 * max(0.0, 1 - climb * 2.5))
    haze.set_alpha(alpha if alpha < 255 else None)  # whole: a plain copy, not a blend of every pixel (the same picture)
    surf.blit(haze, r.topleft)
    f.show.stars_on(surf, r, climb - 0.3)
    ground0 = r.bottom - int(r.height * 0.13)
    cap = r.y + int(r.height * 0.78)
    cam = max(0.0, altitude - (ground0 - cap))
    ground = ground0 + int(cam)
    height = int(r.height * 0.5)
    img = f.show.stack(f.flight, height, "pad:" + f.beat.slot)
    base = (r.centerx, int(ground0 - altitude + cam))
    if ground < r.bottom:
        pygame.draw.rect(surf, GRASS, (r.x, ground, r.width, r.bottom - ground))
        tower = pygame.Rect(
            base[0] - img.get_width() // 2 - r.width // 14,
            ground - int(height * 1.05),
            r.width // 22,
            int(height * 1.05),
        )
        pygame.draw.rect(surf, TOWER, tower, 2)
        for y in range(tower.top, tower.bottom, max(4, tower.width)):
            pygame.draw.line(surf, TOWER, (tower.left, y), (tower.right, y + tower.width), 1)
        if u < 0.6:  # the smoke of the first seconds, billowing out along the ground
            spread = ease(u / 0.6)
            for k in range(7):
                off = (k - 3) * r.width * 0.05 * (0.4 + spread)
                pygame.draw.circle(
                    surf, PAD_SMOKE, (int(base[0] + off), ground - 4), int(r.height * 0.035 * (0.5 + spread))
                )
    where = (base[0], base[1] - height // 2)
    if survived(f):  # the launcher is lost, the escape tower saves the crew
        falling(f, img, img.get_rect(midbottom=base).center)
        return escape(f, (base[0], base[1] - img.get_height()), int(r.height * 0.08))
    if f.ended:
        explosion(surf, where, f.since, int(r.height * 0.08))
        return where
    if u > 0.08:
        flame(surf, base, max(6, img.get_width() // 2), int(r.height * (0.06 + 0.08 * min(1.0, u * 2))), f.t)
    surf.blit(img, img.get_rect(midbottom=base))
    return where


def _sky(f: Frame) -> Point:
    """Staging: high and dark; the spent lower stage falls away tumbling while the rest flies on."""
    r, surf, u = f.r, f.surf, f.u
    surf.fill(mix(DUSK, SPACE, 0.5 + 0.5 * f.p), r)
    f.show.stars_on(surf, r, 0.4 + 0.6 * f.p)
    height = int(r.height * 0.5)
    ascent = next((b for b in reversed(f.flight.beats[: f.beat.index]) if b.scene == "pad"), f.beat)
    img = f.show.stack(f.flight, height, "pad:" + ascent.slot)
    cut = int(img.get_height() * 0.42)  # the lower stage: the bottom of the drawing
    upper = img.subsurface((0, 0, img.get_width(), img.get_height() - cut))
    lower = img.subsurface((0, img.get_height() - cut, img.get_width(), cut))
    centre = (r.centerx, r.y + int(r.height * 0.42))
    top_rect = upper.get_rect(midbottom=(centre[0], centre[1] + upper.get_height() // 2))
    sep = ease((u - 0.3) / 0.5)
    if survived(f):
        falling(f, upper, top_rect.center)
        return escape(f, top_rect.midtop, int(r.height * 0.08))
    if f.ended:
        explosion(surf, top_rect.midbottom, f.since, int(r.height * 0.08))
        return top_rect.midbottom
    if u < 0.3:
        flame(surf, (top_rect.centerx, top_rect.bottom + cut), max(6, img.get_width() // 2), int(r.height * 0.1), f.t)
        surf.blit(lower, lower.get_rect(midtop=top_rect.midbottom))
    else:
        fall = (top_rect.centerx - int(sep * r.width * 0.08), top_rect.bottom + cut // 2 + int(sep * r.height * 0.45))
        small = pygame.transform.rotozoom(lower, sep * 70, 1 - 0.5 * sep)
        surf.blit(small, small.get_rect(center=fall))
        if u > 0.45:
            flame(surf, top_rect.midbottom, max(4, img.get_width() // 3), int(r.height * 0.08), f.t)
    surf.blit(upper, top_rect)
    return top_rect.center


def _arc(f: Frame) -> Point:
    """A suborbital hop: up from the pad and down again downrange, over the curve of the Earth."""
    r, surf = f.r, f.surf
    surf.fill(mix(SKY, SPACE, 0.6), r)
    f.show.stars_on(surf, r, 0.4)
    big = int(r.width * 1.4)
    centre = (r.centerx, r.bottom + big - int(r.height * 0.18))
    pygame.draw.circle(surf, EARTH, centre, big)
    pygame.draw.circle(surf, AIR, centre, big, 3)
    x0, x1 = r.x + int(r.width * 0.15), r.right - int(r.width * 0.15)
    ground_y = r.bottom - int(r.height * 0.18)
    top = r.y + int(r.height * 0.2)

    def at(k: float) -> Point:
        x = lerp(x0, x1, k)
        return int(x), int(ground_y - (top - ground_y) * -4 * k * (1 - k))

    k = 0.05 + 0.9 * (f.p if not f.ended else (f.beat.run + FAIL_AT) / f.beat.run_len)
    pts = [at(j / 40 * k) for j in range(41)]
    pygame.draw.lines(surf, f.show.app.side_style(f.flight.side)[0], False, pts, 2)
    head = pts[-1]
    if survived(f):
        return escape(f, head, int(r.height * 0.07))
    if f.ended:
        explosion(surf, head, f.since, int(r.height * 0.06))
        return head
    craft = f.show.stack(f.flight, int(r.height * 0.09), "craft")
    blit_centred(surf, craft, head, -math.degrees(math.atan2(pts[-1][1] - pts[-2][1], pts[-1][0] - pts[-2][0])) - 90)
    return head


def _orbit(f: Frame) -> Point:
    """Circuits of an orbit drawn as an orbit (an ellipse seen at a slant, behind the body and in front of it)."""
    r, surf, u, beat = f.r, f.surf, f.u, f.beat
    f.show.space(surf, r)
    rad = int(r.height * (0.22 if beat.body == "earth" else 0.17))
    c = (r.centerx - int(r.width * 0.05), r.centery + int(r.height * 0.04))
    rx, ry = rad * 1.9, rad * 0.62
    kind = beat.kind
    grow = ease(u / 0.9) if kind == "orbit_insertion" else 1.0
    if kind == "orbit_insertion" and f.ended:
        grow = FAIL_AT
    sink = ease(u) if kind == "deorbit" and beat.passed else 0.0
    erx, ery = lerp(rad * 0.9, rx, grow), lerp(rad * 0.3, ry, grow)
    colour = f.show.app.side_style(f.flight.side)[0]
    angle = f.t * 1.4 + 2.2

    def on_orbit(a: float, shrink: float = 0.0) -> tuple[float, float]:
        k = 1 - shrink * 0.55
        return c[0] + erx * k * math.cos(a), c[1] + ery * k * math.sin(a)

    ring = [on_orbit(a / 60 * math.tau) for a in range(61)]
    back = [(int(x), int(y)) for x, y in ring if y < c[1]]
    front = [(int(x), int(y)) for x, y in ring if y >= c[1]]
    if len(back) > 1:
        pygame.draw.lines(surf, mix(colour, SPACE, 0.6), False, sorted(back), 1)
    body = f.show.body(beat.body, rad)
    surf.blit(body, body.get_rect(center=c))
    if len(front) > 1:
        pygame.draw.lines(surf, mix(colour, SPACE, 0.2), False, sorted(front), 2)
    x, y = on_orbit(angle, sink)
    pos = (int(x), int(y))
    hidden = math.sin(angle) < 0 and abs(x - c[0]) < rad * 0.95
    size = max(10, int(r.height * 0.07))
    craft = f.show.stack(f.flight, size, "craft")
    if kind in ("rendezvous", "docking"):
        gap = 0.9 * (1 - ease(u)) if beat.passed or u < FAIL_AT else 0.9 * (1 - ease(FAIL_AT)) + 0.6 * f.since
        tx, ty = on_orbit(angle + 0.15 + gap)
        target = f.show.stack(f.flight, size, "target")
        if not (math.sin(angle + 0.15 + gap) < 0 and abs(tx - c[0]) < rad * 0.95):
            blit_centred(surf, target, (int(tx), int(ty)))
        if kind == "docking":
            _inset_docking(f)
    if kind == "eva":
        _inset_eva(f)
    if survived(f):  # turned back: down to the Earth, or from another body on the way home
        return turn_back(f, pos, size, c if beat.body == "earth" else (r.x, r.bottom))
    if f.ended and kind in ("orbit_insertion", "deorbit"):
        fall = (int(lerp(pos[0], c[0], f.since * 0.6)), int(lerp(pos[1], c[1], f.since * 0.6)))
        explosion(surf, fall, f.since, size // 2)
        return fall
    if not hidden:
        if f.failing:
            craft = dead(craft)
        blit_centred(surf, craft, pos, -math.degrees(angle) if f.failing else 0)
        if kind == "deorbit" and u < 0.5 and beat.passed:
            pygame.draw.circle(surf, FLAME[1], (pos[0] + size // 2, pos[1]), max(2, size // 5))
        if kind == "operations" and not f.failing:
            pulses(surf, pos, f.t, size // 2)
        if f.failing:
            lost(surf, pos, size // 3)
    return pos


def _inset(f: Frame) -> pygame.Rect:
    r = f.r
    box = pygame.Rect(
        r.right - int(r.width * 0.34), r.y + int(r.height * 0.16), int(r.width * 0.3), int(r.height * 0.3)
    )
    pygame.draw.rect(f.surf, INSET, box)
    pygame.draw.rect(f.surf, draw.PANEL_EDGE, box, 1)
    return box


def _inset_docking(f: Frame) -> None:
    """A close view of the two craft closing and joining (or glancing off)."""
    box = _inset(f)
    size = int(box.height * 0.45)
    craft = pygame.transform.rotate(f.show.stack(f.flight, size, "craft"), -90)
    target = pygame.transform.rotate(f.show.stack(f.flight, size, "target"), 90)
    close = ease(f.u / 0.8) if not f.failing else ease(FAIL_AT / 0.8) - 0.4 * f.since
    gap = int(box.width * 0.35 * (1 - close))
    surf = f.surf
    clip = surf.get_clip()
    surf.set_clip(box)
    surf.blit(craft, craft.get_rect(midright=(box.centerx - gap // 2, box.centery)))
    surf.blit(
        target, target.get_rect(midleft=(box.centerx + gap // 2, box.centery + (int(f.since * 10) if f.failing else 0)))
    )
    surf.set_clip(clip)


def _inset_eva(f: Frame) -> None:
    """A close view of a crew member outside, on a tether (drifting off if it goes wrong)."""
    box = _inset(f)
    surf = f.surf
    craft = f.show.stack(f.flight, int(box.height * 0.5), "craft")
    home = craft.get_rect(midleft=(box.x + 8, box.centery))
    surf.blit(craft, home)
    drift = f.since * box.width * 0.4 if f.failing else 0
    man = (
        int(box.centerx + box.width * 0.15 + drift + 6 * math.sin(f.t * 1.3)),
        int(box.centery - 8 + 5 * math.sin(f.t * 0.9)),
    )
    if not f.failing:
        pygame.draw.lines(surf, TETHER, False, [home.midright, ((home.right + man[0]) // 2, man[1] + 14), man], 1)
    pygame.draw.circle(surf, SUIT, man, max(3, box.height // 14))
    pygame.draw.rect(surf, SUIT, (man[0] - box.height // 20, man[1] + 3, box.height // 10, box.height // 7))
    if f.failing:
        lost(surf, man, box.height // 12)


TRAIL = 5 * 0.6 + 0.4  # how far the re-entry trail reaches above the craft, in craft sizes (its last puff and radius)
CANOPY = 2.2  # how far the parachutes open above the capsule, in capsule sizes


def _reentry(f: Frame) -> Point:
    """Re-entry: the capsule falling through the air with its heat shield glowing (or breaking up)."""
    r, surf, u = f.r, f.surf, f.u
    surf.fill(mix(SPACE, SKY, ease(u) * 0.7), r)
    f.show.stars_on(surf, r, 1 - u)
    k = ease(u) if not f.ended else ease(FAIL_AT)
    size = int(r.height * 0.12)
    pos = (
        int(lerp(r.x + r.width * 0.25, r.x + r.width * 0.65, k)),
        int(lerp(below_caption(r, f.show.caption, r.height * 0.1, int(TRAIL * size)), r.y + r.height * 0.75, k)),
    )
    craft = f.show.stack(f.flight, size, "home")
    glow = max(0.3, 1 - abs(u - 0.45) / 0.5)
    if survived(f):  # off its path but whole: down under its parachutes
        return escape(f, pos, size, tower=False)
    if f.ended:
        ground = r.bottom - f.show.floor - 4  # the fragments fall no further than the step strip's top
        for j in range(6):
            a = -2.3 + j * 0.25
            drop = math.sin(-a) * 0.5 + 1  # how far a fragment falls for each unit it flies
            d = min(f.since * r.height * 0.35 * (0.5 + j / 6), max(0, ground - pos[1]) / drop)
            frag = (pos[0] + int(d * math.cos(a) * -1), pos[1] + int(d * drop))
            pygame.draw.line(surf, FLAME[1], pos, frag, 2)
            pygame.draw.circle(surf, FLAME[0], frag, 3)
        explosion(surf, pos, f.since * 0.6, size // 2)
        return pos
    for j in range(6):  # the trail of hot air
        tail = (pos[0] - int(j * size * 0.45), pos[1] - int(j * size * 0.6))
        air = mix(SPACE, SKY, ease(u) * 0.7)
        pygame.draw.circle(
            surf, mix(FLAME[min(2, j // 2)], air, j / 8 + (1 - glow) * 0.6), tail, max(2, int(size * 0.4 * (1 - j / 8)))
        )
    surf.blit(pygame.transform.rotate(craft, 145), pygame.transform.rotate(craft, 145).get_rect(center=pos))
    return pos


def _sea(f: Frame) -> Point:
    """Splashdown: parachutes open, the capsule settles on the sea, a ship comes (or the chutes fail)."""
    r, surf, u = f.r, f.surf, f.u
    surf.fill(SKY, r)
    sea = r.bottom - int(r.height * 0.25)
    pygame.draw.rect(surf, SEA, (r.x, sea, r.width, r.bottom - sea))
    for k in range(8):
        x = r.x + (k * r.width // 8 + int(f.t * 20)) % r.width
        pygame.draw.arc(surf, WAVE, (x, sea + 8 + (k % 3) * 16, r.width // 14, 10), 0, math.pi, 2)
    ship = (r.right - int(r.width * 0.18), sea)
    pygame.draw.polygon(
        surf,
        HULL,
        [
            (ship[0] - 50, ship[1] - 12),
            (ship[0] + 50, ship[1] - 12),
            (ship[0] + 38, ship[1] + 4),
            (ship[0] - 40, ship[1] + 4),
        ],
    )
    pygame.draw.rect(surf, BRIDGE, (ship[0] - 10, ship[1] - 30, 24, 18))
    size = int(r.height * 0.1)
    craft = f.show.stack(f.flight, size, "home")
    alive = bool(f.flight.crew) and f.flight.result != "crew_lost"  # a recovery gone wrong that the crew lived through
    chutes_ok = f.beat.passed or u < FAIL_AT * 0.6 or alive
    k = ease(u / 0.8) if chutes_ok else min(1.0, ease(FAIL_AT * 0.6 / 0.8) + f.since * 1.5)
    # the canopies, CANOPY sizes above the capsule, open in view below the caption band
    high = below_caption(r, f.show.caption, r.height * 0.05, int(CANOPY * size))
    pos = (r.centerx - int(r.width * 0.1), int(lerp(high, sea - size // 3, k)))
    if k < 1.0 and chutes_ok:
        crew = len(f.flight.crew)
        for j in range(3 if crew >= 2 else 1):
            cx = pos[0] + (j - (1 if crew >= 2 else 0)) * size
            top = (cx, pos[1] - int(size * CANOPY))
            pygame.draw.ellipse(
                surf,
                CHUTES[j % 2],
                (top[0] - size // 2 - 6, top[1], size + 12, size // 2 + 4),
            )
            pygame.draw.line(surf, SHROUD, (top[0], top[1] + size // 2), (pos[0], pos[1] - size // 2), 1)
    if k >= 1.0:  # the splash
        spray = ease(min(1.0, (u - 0.8) / 0.2)) if chutes_ok else f.since
        pygame.draw.ellipse(surf, SPRAY, (pos[0] - size, sea - int(size * spray), size * 2, int(size * spray) + 6), 2)
    surf.blit(craft, craft.get_rect(center=pos))
    if not f.beat.passed and f.failing and not alive:
        lost(surf, (pos[0], pos[1] - size), size // 3)
    return pos


SCENES: dict[str, Callable[[Frame], Point]] = {
    "pad": _pad,
    "sky": _sky,
    "arc": _arc,
    "orbit": _orbit,
    "transfer": transfer,
    "surface": surface,
    "reentry": _reentry,
    "sea": _sea,
}
