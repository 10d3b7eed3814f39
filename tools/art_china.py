"""The example China mod's own hardware (scenarios/china_1966/art/china/): a late side drawn in the house style.

Long March 1 (a DF-4 with a solid third stage), Long March 2, a Long March 2 with a long fairing, a Long March 3
with its cryogenic third stage, Dong Fang Hong 1 and two Shuguang capsules (the one-seat study and the two-seat
Shuguang 1 of Project 714). Proportions follow the published general arrangements; the later ones are alternate
history built on what was drawn in the 1970s.
"""

from __future__ import annotations

import math

from tools.draw_art import Drawing, drawing


def _df4(d: Drawing, base: float, w: float) -> float:
    """The two DF-4 stages under Long March 1: green-grey missile stages with four small fins."""
    for k in (-0.22, 0.22):
        d.bell(base, 8, 8, 11, d.cx + k * w)
    d.fins(base, w, 6, 20, "green", sweep=0.5)
    top = d.cyl(base, 160, w, "green")
    d.bands(base - 30, 4, w, "red")
    top = d.cyl(top, 6, w, "dark")  # interstage
    top = d.cyl(top, 62, w, "green")
    return top


@drawing("china_1966:china/light_launcher")
def long_march_1() -> Drawing:
    """Long March 1: 29.9 m, 2.25 m wide; the DF-4 stages, a spinning solid third stage under a slim fairing."""
    w = 22.5
    d = Drawing(44, 300)
    top = _df4(d, d.h - 8, w)
    top = d.taper(top, 8, w, 17, "white")
    top = d.cyl(top, 30, 17, "white")  # the solid third stage and the satellite under the fairing
    d.bands(top + 12, 4, 17, "red")
    d.nose(top, 22, 17, "white", blunt=3)
    return d


def _cz2_core(d: Drawing, base: float, length: float) -> float:
    """The Long March 2 core: 3.35 m, white with a red band, four engines under a skirt."""
    w = 33.5
    for k in (-0.3, -0.1, 0.1, 0.3):
        d.bell(base, 9, 6, 9, d.cx + k * w)
    d.fins(base, w, 7, 24, "white", sweep=0.4, front=False)
    top = d.cyl(base, length, w, "white")
    d.bands(base - 40, 5, w, "red")
    d.bands(top + 20, 2, w, "dark")
    return top


@drawing("china_1966:china/medium_launcher")
def long_march_2() -> Drawing:
    """Long March 2: two stages on the DF-5's engines, flat at the top where a capsule or a fairing sits."""
    d = Drawing(56, 320)
    top = _cz2_core(d, d.h - 9, 230)
    top = d.cyl(top, 6, 33.5, "dark")  # the open interstage
    top = d.cyl(top, 70, 33.5, "white")
    d.bands(top + 30, 3, 33.5, "red")
    return d


@drawing("china_1966:china/large_launcher")
def long_march_2c() -> Drawing:
    """A Long March 2 with a stretched second stage and a long fairing for recoverable satellites."""
    d = Drawing(56, 390)
    top = _cz2_core(d, d.h - 9, 240)
    top = d.cyl(top, 6, 33.5, "dark")
    top = d.cyl(top, 80, 33.5, "white")
    d.bands(top + 30, 3, 33.5, "red")
    top = d.cyl(top, 44, 33.5, "white")  # the fairing
    d.taper(top, 10, 33.5, 30, "white")
    return d


@drawing("china_1966:china/heavy_launcher")
def long_march_3() -> Drawing:
    """A Long March 3: the Long March 2 with a hydrogen third stage, two liquid boosters strapped on."""
    d = Drawing(110, 470)
    base = d.h - 9
    for x in (-1, 1):
        c = d.cx + x * (33.5 / 2 + 11.5)
        d.bell(base, 8, 7, 10, c)
        t = d.cyl(base, 160, 22.5, "white", c)
        d.bands(base - 30, 4, 22.5, "red", c)
        d.nose(t, 26, 22.5, "white", c)
    top = _cz2_core(d, base, 240)
    top = d.cyl(top, 6, 33.5, "dark")
    top = d.cyl(top, 80, 33.5, "white")
    d.bands(top + 30, 3, 33.5, "red")
    top = d.taper(top, 8, 33.5, 30, "white")
    top = d.cyl(top, 70, 30, "silver")  # the cryogenic stage
    d.bands(top + 50, 3, 30, "red")
    d.taper(top, 6, 30, 28, "white")
    return d


@drawing("china_1966:china/small_satellite")
def dong_fang_hong_1() -> Drawing:
    """Dong Fang Hong 1: a 1 m polyhedron of 72 faces, a band of contacts, four long whip antennas."""
    d = Drawing(60, 36)
    cx, cy, r = d.cx, d.h - 12, 10.0
    for s in (-1, 1):  # the antennas, folded out and down
        for dx in (6, 20):
            d.line(cx + s * 5, cy + 2, cx + s * (5 + dx), d.h - 1, "#6c7270", 0.5)
    pts = []
    for i in range(8):  # an octagon outline for the faceted ball
        a = math.pi / 8 + i * math.pi / 4
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.poly(pts, "silver")
    for y in (-5.5, 0.0, 5.5):  # the rows of facets
        half = math.sqrt(max(r * r - y * y, 0.0)) * 0.92
        d.line(cx - half, cy + y, cx + half, cy + y, "#7c8790", 0.3)
    for x in (-5.0, 0.0, 5.0):
        d.line(cx + x, cy - r * 0.9, cx + x, cy + r * 0.9, "#7c8790", 0.3)
    d.bands(cy - 1.2, 2.4, 2 * r * 0.95, "gold")  # the band round its equator
    d.rect(cx - 1.2, cy - r - 3, 2.4, 3, "steel")  # the short antenna on top
    return d


@drawing("china_1966:china/one_seat_capsule")
def shuguang_study() -> Drawing:
    """The first Shuguang study: a blunt bell with a retro pack, its escape tower on top."""
    d = Drawing(26, 80)
    base = d.h
    top = d.cyl(base, 3, 22, "steel")  # the retro pack
    top = d.taper(top, 20, 22, 10, "green")
    d.circle(d.cx + 2.5, top + 9, 1.1, "#8ab4e0")
    top = d.cyl(top, 8, 7, "green")
    top = d.taper(top, 4, 7, 4, "silver")
    top = d.truss(top, 28, 4, 2.6)
    top = d.cyl(top, 12, 3, "red")
    d.nose(top, 4, 3, "red")
    return d


@drawing("china_1966:china/two_seat_capsule")
def shuguang_1() -> Drawing:
    """Shuguang 1 (Project 714): a two-seat re-entry module, like Gemini's, on its white equipment module."""
    d = Drawing(36, 66)
    base = d.h
    top = d.taper(base, 22, 33, 25, "white")  # the equipment module
    d.bands(top + 9, 2, 29, "red")
    top = d.cyl(top, 1.5, 25, "silver")
    top = d.taper(top, 20, 24.5, 11, "green")  # the crew module
    for s in (-1, 1):
        d.poly(
            [(d.cx + s * 1.5, top + 10), (d.cx + s * 5.5, top + 10), (d.cx + s * 5, top + 6), (d.cx + s * 2, top + 6)],
            "#8ab4e0",
        )
    top = d.cyl(top, 7, 10, "green")
    top = d.cyl(top, 5, 8.5, "dark")
    d.nose(top, 2, 8.5, "dark", blunt=6)
    return d


@drawing("china_1966:venus_lander")
def venus_lander() -> Drawing:
    """A Venus lander as Venera 7 flew it: a heat-shielded sphere with its parachute packed on top, under the
    cruise bus it leaves behind (every side's: the mod's seventies.yaml gives it to all three)."""
    d = Drawing(40, 44)
    base = d.h
    d.circle(d.cx, base - 6, 6, "copper")  # the descent sphere in its heat shield
    d.bands(base - 7, 1.5, 11, "dark")
    top = d.cyl(base - 12, 3, 4, "steel")  # the parachute container
    top = d.cyl(top - 1, 16, 10, "silver")  # the cruise bus
    d.nose(top, 4, 10, "silver", blunt=4)
    for s in (-1, 1):
        d.panel(d.cx + s * 6 + (0 if s > 0 else -13), top + 4, 13, 8, 3)
    d.dish(d.cx + 3, top + 2, 3.5, facing=1)
    return d


@drawing("china_1966:resources_satellite")
def resources_satellite() -> Drawing:
    """An Earth resources satellite: a box of cameras and scanners looking down, two solar wings and a
    film-return capsule (China's FSW brought its pictures home; Landsat radioed them)."""
    d = Drawing(60, 30)
    base = d.h - 2
    d.circle(d.cx, base - 2, 3, "copper")  # the film capsule / scanner head
    top = d.cyl(base - 4, 14, 12, "silver")
    d.bands(top + 5, 2, 12, "dark")
    d.nose(top, 4, 12, "silver", blunt=5)
    for s in (-1, 1):
        d.line(d.cx + s * 6, top + 7, d.cx + s * 9, top + 7)
        d.panel(d.cx + s * 9 + (0 if s > 0 else -19), top + 3, 19, 8, 3)
    return d
