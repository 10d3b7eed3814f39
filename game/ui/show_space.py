"""The launch show's pictures away from Earth: the way between bodies (a trip to the Moon or a planet, a
flyby, an impact) and a body's surface (landing, surface work, lift-off). One function per place, drawing
one frame of a step of its kind, as `game.ui.show_scenes.SCENES` lists them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.ui import draw
from game.ui.show_abort import survived, turn_back
from game.ui.show_fx import (
    FAIL_AT,
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

if TYPE_CHECKING:
    from game.ui.show_scenes import Frame

MARS_SKY = draw.colour("show_mars_sky")
MOON_FLOOR = draw.colour("show_moon_floor")
MARS_FLOOR = draw.colour("show_mars_floor")
SHADOW = draw.colour("show_shadow")  # what a crater's floor is darkened towards
DUST = draw.colour("show_dust")
FLAGPOLE = draw.colour("show_flagpole")
SUIT = draw.colour("show_suit")


def transfer(f: Frame) -> Point:
    """The trip between the Earth and the Moon or a planet, drawn as a curved path: out, past, into or home."""
    r, surf, beat = f.r, f.surf, f.beat
    f.show.space(surf, r)
    er = int(r.height * 0.11)
    far = beat.body if beat.body != "earth" else "moon"
    br = int(r.height * (0.06 if far == "moon" else 0.08))
    earth_c = (r.x + int(r.width * 0.16), r.y + int(r.height * 0.68))
    body_c = (r.right - int(r.width * 0.2), r.y + int(r.height * 0.3))
    for kind, rad, c in (("earth", er, earth_c), (far, br, body_c)):
        img = f.show.body(kind, rad)
        surf.blit(img, img.get_rect(center=c))
    a, b = (body_c, earth_c) if beat.home else (earth_c, body_c)
    ctrl = ((a[0] + b[0]) // 2 - int(r.width * 0.05), min(a[1], b[1]) - int(r.height * 0.25))
    kinds = {x.kind for x in f.flight.beats if x.scene == "transfer" and x.home == beat.home}
    stop = 1.0 if "impact" in kinds else 0.86  # an impact ends on the body; the others stop short of it

    def curve(k: float) -> tuple[float, float]:
        k = k * stop
        return (
            (1 - k) ** 2 * a[0] + 2 * (1 - k) * k * ctrl[0] + k * k * b[0],
            (1 - k) ** 2 * a[1] + 2 * (1 - k) * k * ctrl[1] + k * k * b[1],
        )

    colour = f.show.app.side_style(f.flight.side)[0]
    whole = [curve(j / 50) for j in range(51)]
    for j in range(0, 50, 2):
        pygame.draw.line(surf, mix(colour, SPACE, 0.75), whole[j], whole[j + 1], 1)
    # the way there takes the steps up to the flyby (if there is one); after it the craft is past the body
    run = [x for x in f.flight.beats if x.scene == "transfer" and x.home == beat.home]
    flyby_at = next((x.run for x in run if x.kind == "flyby"), None)
    reach = (flyby_at + 1) if flyby_at is not None else beat.run_len
    u = f.u if not f.ended else FAIL_AT
    past = flyby_at is not None and beat.run > flyby_at
    if beat.kind == "flyby":
        progress, swing = (beat.run + min(1.0, u / 0.5)) / reach, max(0.0, (u - 0.5) / 0.5)
    elif past:
        progress, swing = 1.0, 1.0
    else:
        progress, swing = min(1.0, (beat.run + u) / reach), 0.0
    done = [curve(j / 50 * progress) for j in range(51)]
    pygame.draw.lines(surf, colour, False, done, 2)
    head = (int(done[-1][0]), int(done[-1][1]))
    if swing > 0:  # round the body and away
        a0 = math.atan2(head[1] - body_c[1], head[0] - body_c[0])
        rad = math.hypot(head[0] - body_c[0], head[1] - body_c[1])
        pts = [
            (
                body_c[0] + rad * math.cos(a0 + j / 20 * math.pi * swing),
                body_c[1] + rad * math.sin(a0 + j / 20 * math.pi * swing),
            )
            for j in range(21)
        ]
        if past:  # and on, outward, a little further with each step after it
            out = (beat.run - (flyby_at or 0) - 1 + u) * r.height * 0.06
            end = pts[-1]
            away = math.atan2(end[1] - body_c[1], end[0] - body_c[0])
            pts.append((end[0] + out * math.cos(away), end[1] + out * math.sin(away)))
        pygame.draw.lines(surf, colour, False, pts, 2)
        head = (int(pts[-1][0]), int(pts[-1][1]))
    size = max(10, int(r.height * 0.06))
    craft = f.show.stack(f.flight, size, "craft")
    if survived(f):  # the crew alive: the craft turns for home
        return turn_back(f, head, size, earth_c)
    if f.ended and beat.kind in ("transfer", "flyby"):  # off course: the path bends away into empty space
        # it rises as it goes, but no higher than the caption band lets it be seen (the way home starts high,
        # by the Moon) and no further right than the picture
        rise = max(0, min(int(f.since * r.height * 0.25), head[1] - below_caption(r, f.show.caption, size, size)))
        run = max(0, min(int(f.since * r.width * 0.15), r.right - size - head[0]))
        drift = [(head[0] + run * j // 10, head[1] - int(rise * (j / 10) ** 2)) for j in range(11)]
        pygame.draw.lines(surf, draw.BAD, False, drift, 2)
        head = drift[-1]
        blit_centred(surf, dead(craft), head, f.t * 90)
        lost(surf, head, size // 3)
        return head
    if beat.kind == "impact" and not beat.passed and f.failing:  # a miss: past the body, on into the dark
        head = (head[0] + int(f.since * r.width * 0.15), head[1] - int(f.since * r.height * 0.1))
        blit_centred(surf, dead(craft), head)
        lost(surf, head, size // 3)
        return head
    if beat.kind == "impact" and f.u > 0.8:
        explosion(surf, body_c if math.dist(head, body_c) < br * 2 else head, (f.u - 0.8) / 0.2, size // 2)
        return head
    blit_centred(surf, dead(craft) if f.failing else craft, head)
    if beat.kind in ("operations", "eva"):
        if f.failing:
            lost(surf, head, size // 3)
        else:
            pulses(surf, head, f.t, size // 2)
    return head


def surface(f: Frame) -> Point:
    """On the Moon or a planet: the descent and touchdown, the work there, and the ascent off the surface."""
    r, surf, u, beat = f.r, f.surf, f.u, f.beat
    moon = beat.body != "planet"
    if moon:
        f.show.space(surf, r)
    else:
        surf.fill(MARS_SKY, r)
        earth = f.show.body("earth", int(r.height * 0.06))
        surf.blit(earth, earth.get_rect(center=(r.right - int(r.width * 0.18), r.y + int(r.height * 0.18))))
    ground = r.bottom - int(r.height * 0.22)
    floor = MOON_FLOOR if moon else MARS_FLOOR
    hills = (
        [(r.x, ground)]
        + [(r.x + r.width * k // 8, ground - int(r.height * (0.03 + 0.025 * math.sin(k * 2.1 + 1)))) for k in range(9)]
        + [(r.right, ground)]
    )
    pygame.draw.polygon(surf, mix(floor, SPACE, 0.35), hills)
    pygame.draw.rect(surf, floor, (r.x, ground, r.width, r.bottom - ground))
    for k in range(6):
        x = r.x + int(r.width * (0.08 + 0.16 * k))
        pygame.draw.ellipse(surf, mix(floor, SHADOW, 0.2), (x, ground + 10 + (k % 3) * 14, r.width // 12, 8))
    size = int(r.height * 0.22)
    craft = f.show.stack(f.flight, size, "lander")
    x = r.centerx
    if beat.kind == "landing":
        down = ease(u / 0.85) if not f.ended else ease(FAIL_AT / 0.85)
        # the lander (its foot at y) comes down from below the caption band, not from under it
        y = int(lerp(below_caption(r, f.show.caption, r.height * 0.05, size), ground, down))
        spot = (x, y - size // 2)
        if survived(f):  # the landing called off: back up to the craft in orbit
            return turn_back(f, spot, size // 2, (x, r.y))
        if f.ended:
            explosion(surf, (x, ground - size // 4), f.since, int(size * 0.4))
            return spot
        if u < 0.85:
            flame(surf, (x, y), max(6, craft.get_width() // 3), int(size * 0.35), f.t)
            if y > ground - size:
                pygame.draw.ellipse(surf, DUST, (x - size, ground - 6, size * 2, 12))
        surf.blit(craft, craft.get_rect(midbottom=(x, y)))
        return spot
    base = craft.get_rect(midbottom=(x, ground))
    if beat.kind == "ascent":
        half = craft.subsurface((0, 0, craft.get_width(), craft.get_height() // 2))
        stay = craft.subsurface(
            (0, craft.get_height() // 2, craft.get_width(), craft.get_height() - craft.get_height() // 2)
        )
        surf.blit(stay, stay.get_rect(midbottom=(x, ground)))
        lift = ease((u - 0.2) / 0.8) if not f.ended else ease((FAIL_AT - 0.2) / 0.8)
        # the ascent stage rises to just below the caption band
        top = below_caption(r, f.show.caption, 0, half.get_height())
        y = int(lerp(ground - stay.get_height(), min(top, ground - stay.get_height()), lift))
        if survived(f):
            return turn_back(f, (x, y - half.get_height() // 2), size // 2, (r.x, r.y))
        if f.ended:
            explosion(surf, (x, y), f.since, int(size * 0.3))
            return (x, y)
        if u > 0.15:
            flame(surf, (x, y), max(4, craft.get_width() // 4), int(size * 0.25), f.t)
        surf.blit(half, half.get_rect(midbottom=(x, y)))
        return (x, y - half.get_height() // 2)
    surf.blit(craft, base)
    spot = base.midtop
    if beat.kind == "eva":
        walk = ease(u / 0.7)
        man = (int(base.right + walk * r.width * 0.18), ground - size // 6)
        if u > 0.5 and not f.failing:  # the flag, planted
            pole = (man[0] + size // 4, ground)
            pygame.draw.line(surf, FLAGPOLE, pole, (pole[0], pole[1] - size // 2), 2)
            pygame.draw.rect(
                surf, f.show.app.side_style(f.flight.side)[0], (pole[0], pole[1] - size // 2, size // 4, size // 7)
            )
        body = pygame.Rect(0, 0, max(4, size // 7), max(6, size // 4))
        body.midbottom = man if not f.failing else (man[0], ground)
        if f.failing:
            body.size = (body.height, body.width)
            body.midbottom = (man[0], ground)
        pygame.draw.rect(surf, SUIT, body)
        pygame.draw.circle(surf, SUIT, (body.centerx, body.top - body.width // 3), max(2, body.width // 2 + 1))
        spot = body.midtop
        if f.failing:
            lost(surf, spot, size // 8)
    elif f.failing:
        lost(surf, spot, size // 6)
    else:
        pulses(surf, spot, f.t, size // 5)
    return spot
