"""The example Europe mod's own launchers (scenarios/europe/art/europe/): what a mod's art looks like.

Diamant, Europa on its Blue Streak first stage, a Europa II with its fairing, and an Ariane-like heavy launcher
with four strap-ons; the rest of Europe's hardware flies the campaign's default drawings.
"""

from __future__ import annotations

from tools.draw_art import Drawing, drawing


@drawing("europe:europe/light_launcher")
def diamant() -> Drawing:
    """Diamant: a slim three-stage rocket, white with black bands, small fins."""
    w = 13.4
    d = Drawing(36, 200)
    base = d.h - 6
    d.bell(base, 6, 6, 8)
    d.fins(base, w, 6, 18, "black", sweep=0.4)
    top = d.cyl(base, 100, w, "white")
    d.bands(base - 30, 8, w, "black")
    top = d.truss(top, 6, w, 10)
    top = d.cyl(top, 50, 10, "white")
    d.bands(top + 20, 5, 10, "black")
    top = d.taper(top, 10, 10, 8, "white")
    d.cyl(top, 20, 8, "silver")
    return d


def _blue_streak(d: Drawing, base: float) -> float:
    """Blue Streak: the British missile that became Europa's first stage, steel with a black tail."""
    w = 30.5
    for k in (-0.22, 0.22):
        d.bell(base, 8, 9, 12, d.cx + k * w)
    top = d.cyl(base, 184, w, "steel")
    d.bands(base - 22, 22, w, "black")
    d.bands(top + 40, 4, w, "blue")
    return top


@drawing("europe:europe/medium_launcher")
def europa() -> Drawing:
    """Europa I: Blue Streak, the French Coralie second stage, the German Astris third."""
    d = Drawing(50, 300)
    top = _blue_streak(d, d.h - 8)
    top = d.taper(top, 8, 30.5, 20, "white")
    top = d.cyl(top, 55, 20, "white")  # Coralie
    d.bands(top + 40, 15, 20, "blue")
    top = d.truss(top, 6, 20, 15)
    top = d.cyl(top, 20, 15, "silver")  # Astris
    d.taper(top, 8, 15, 12, "silver")
    return d


@drawing("europe:europe/large_launcher")
def europa2() -> Drawing:
    """Europa II: Europa with a fourth stage and a long fairing, flat at its top where a craft sits."""
    d = Drawing(50, 340)
    top = _blue_streak(d, d.h - 8)
    top = d.taper(top, 8, 30.5, 20, "white")
    top = d.cyl(top, 55, 20, "white")
    d.bands(top + 40, 15, 20, "blue")
    top = d.taper(top, 12, 20, 26, "white")
    top = d.cyl(top, 60, 26, "white")  # the fairing over Astris and the fourth stage
    d.bands(top + 50, 3, 26, "blue")
    d.taper(top, 12, 26, 20, "white")
    return d


@drawing("europe:europe/heavy_launcher")
def ariane() -> Drawing:
    """An Ariane-like launcher: a tall white core with four liquid strap-ons and a wide upper stage."""
    core = 38.0
    d = Drawing(100, 560)
    base = d.h - 10
    for k in (-0.25, 0.0, 0.25):
        d.bell(base, 10, 10, 14, d.cx + k * core)
    top = d.cyl(base, 230, core, "white")
    d.bands(base - 30, 6, core, "blue")
    for x in (-1, 1):  # strap-ons at the edges, then two in front
        c = d.cx + x * (core / 2 + 11)
        d.bell(base, 8, 7, 10, c)
        t = d.cyl(base, 190, 22, "white", c)
        d.nose(t, 28, 22, "white", c)
    for x in (-0.5, 0.5):
        c = d.cx + x * core * 0.55
        t = d.cyl(base, 190, 22, "white", c)
        d.nose(t, 28, 22, "white", c)
        d.bands(base - 20, 5, 22, "blue", c)
    top = d.truss(top, 10, core, core)
    top = d.cyl(top, 110, core, "white")
    d.bands(top + 90, 6, core, "blue")
    top = d.cyl(top, 90, 26, "silver")
    d.taper(top, 10, 26, 24, "white")
    return d
