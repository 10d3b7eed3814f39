"""The launchers of the default campaign, drawn per side at true scale (units of ten centimetres).

A launcher's drawing ends where its payload sits (a flat top) unless it is a missile flown alone.
"""

from __future__ import annotations

from tools.draw_art import Drawing, drawing

# ---------------------------------------------------------------- the Soviet Union: Korolev's R-7 family


def _r7(top_extra: float, width: float = 104.0, material: str = "grey") -> tuple[Drawing, float]:
    """The R-7 "Semyorka": a core stage with four conical strap-ons (two seen edge on, one in front).

    Returns the drawing and the top of the core, leaving `top_extra` units above it for what it carries.
    """
    core_w, core_h, bell = 29.5, 265.0, 9.0
    d = Drawing(width, core_h + bell + top_extra)
    pad = d.h
    base = pad - bell
    for k in (-0.25, 0.0, 0.25):
        d.bell(base, bell, 5, 7, d.cx + k * core_w)
    core_top = d.cyl(base, core_h, core_w, material)
    d.taper(core_top + 32, 32, core_w, core_w * 0.86, material)  # the core's slimmer waist above the strap-ons
    strap_len, strap_w = 191.0, 26.8
    for side in (-1, 1):
        d.strapon(base, strap_len, strap_w, side, d.cx, core_w, material)
    # the front strap-on: a long cone narrowing to a point against the core, a shade darker than the core
    c, top = d.cx, base - strap_len
    d.path(
        f"M{c - strap_w / 2:.2f},{base:.2f} L{c + strap_w / 2:.2f},{base:.2f} "
        f"C{c + strap_w / 2:.2f},{base - strap_len * 0.55:.2f} {c + strap_w * 0.2:.2f},{top + strap_len * 0.12:.2f} "
        f"{c:.2f},{top:.2f} C{c - strap_w * 0.2:.2f},{top + strap_len * 0.12:.2f} {c - strap_w / 2:.2f},"
        f"{base - strap_len * 0.55:.2f} {c - strap_w / 2:.2f},{base:.2f} Z",
        "steel" if material == "grey" else material,
    )
    for k in (-0.22, 0.22):
        d.bell(base, bell, 6, 8, c + k * strap_w)
    d.bands(base - 40, 3, strap_w * 0.7, "dark")  # the booster's ring frame
    return d, core_top


@drawing("ussr/icbm_rocket")
def r7_missile() -> Drawing:
    d, top = _r7(60)
    top = d.taper(top, 6, 29.5, 25, "grey")
    d.nose(top, 52, 25, "dark", blunt=3)  # the warhead's re-entry vehicle
    return d


@drawing("ussr/light_launcher")
def sputnik_launcher() -> Drawing:
    d, top = _r7(10)
    d.taper(top, 10, 29.5, 20, "grey")
    return d


@drawing("ussr/medium_launcher")
def vostok_launcher() -> Drawing:
    d, top = _r7(50)
    top = d.truss(top, 16, 29.5, 25.8)
    top = d.cyl(top, 30, 25.8, "grey")  # Block E
    d.bands(top + 26, 4, 25.8, "dark")
    d.taper(top, 4, 25.8, 24, "grey")
    return d


@drawing("ussr/large_launcher")
def soyuz_launcher() -> Drawing:
    d, top = _r7(90)
    top = d.truss(top, 14, 29.5, 26.6)
    top = d.cyl(top, 70, 26.6, "grey")  # Block I
    d.bands(top + 62, 4, 26.6, "dark")
    d.taper(top, 6, 26.6, 25, "grey")
    return d


@drawing("ussr/suborbital_rocket")
def r2_rocket() -> Drawing:
    """The R-2A: a stretched V-2 that threw dogs 200 km up, with its four swept fins."""
    w, length, bell = 16.5, 175.0, 8.0
    d = Drawing(50, length + bell + 8)
    base = d.h - bell
    d.bell(base, bell, 7, 10)
    d.fins(base, w, 12, 40, "dark", sweep=0.55)
    top = d.cyl(base, length - 30, w, "green")
    d.bands(base - 40, 3, w, "dark")
    top = d.taper(top, 30, w, 12, "green")  # the tapering instrument section
    d.taper(top, 8, 12, 10, "dark")
    return d


@drawing("ussr/heavy_launcher")
def proton() -> Drawing:
    """The UR-500 Proton: six fuel tanks round a wide oxidiser core, two upper stages."""
    core_w, tank_w, stage1, bell = 41.5, 16.0, 210.0, 8.0
    d = Drawing(80, stage1 + bell + 140 + 65 + 20)
    base = d.h - bell
    ring = core_w / 2 + tank_w / 2
    for x in (-ring, ring):
        d.bell(base, bell, 9, 12, d.cx + x)
    core_top = d.cyl(base, stage1, core_w, "silver")
    for x in (-ring, ring):  # the tanks at the edges, then the two in front
        top = d.cyl(base, stage1 - 20, tank_w, "white", d.cx + x)
        d.nose(top, 14, tank_w, "white", d.cx + x, blunt=4)
    for x in (-ring * 0.5, ring * 0.5):
        top = d.cyl(base, stage1 - 20, tank_w, "white", d.cx + x)
        d.nose(top, 14, tank_w, "white", d.cx + x, blunt=4)
        d.bands(base - 25, 3, tank_w, "dark", d.cx + x)
    top = d.truss(core_top, 8, core_w, core_w)
    top = d.cyl(top, 132, core_w, "silver")
    d.bands(top + 128, 4, core_w, "dark")
    top = d.cyl(top, 65, core_w, "silver")
    d.bands(top + 61, 4, core_w, "dark")
    d.taper(top, 12, core_w, 30, "white")
    return d


@drawing("ussr/moon_rocket")
def n1() -> Drawing:
    """The N1: a tall ribbed cone of five stages, thirty engines at its base, lattice between stages."""
    base_w, bell = 170.0, 8.0
    stages = [
        (300.0, 170.0, 104.0, "white"),
        (205.0, 104.0, 76.0, "white"),
        (140.0, 76.0, 60.0, "white"),
        (130.0, 52.0, 40.0, "grey"),
    ]
    d = Drawing(base_w + 6, sum(s[0] for s in stages) + 3 * 30 + bell + 40)
    base = d.h - bell
    for i in range(8):
        d.bell(base, bell, 9, 12, d.cx - base_w * 0.42 + i * base_w * 0.12)
    top = base
    for i, (h, wb, wt, mat) in enumerate(stages):
        bottom = top
        top = d.taper(bottom, h, wb, wt, mat)
        for k in (-0.33, 0.0, 0.33):  # the ribs of its fairing
            d.line(d.cx + k * wb, bottom, d.cx + k * wt, top, "#7b8288", d.stroke)
        if i == 0:
            d.bands(bottom - 30, 6, wb - (wb - wt) * 0.1, "dark")  # the tail ring
        if i < len(stages) - 1:
            nxt = stages[i + 1][1]
            top = d.truss(top, 30, wt, nxt)  # the open lattice: the next stage lit through it
    d.taper(top, 40, 40, 37, "grey")
    return d


# ---------------------------------------------------------------- the United States


@drawing("suborbital_rocket")
def redstone() -> Drawing:
    """Mercury-Redstone: white, black fins, the roll quarters on its instrument section."""
    w, length, bell = 17.8, 176.0, 5.0
    d = Drawing(50, length + bell + 10)
    base = d.h - bell
    d.bell(base, bell, 8, 10)
    d.fins(base, w, 10, 24, "black", sweep=0.3)
    top = d.cyl(base, length - 40, w, "white")
    d.bands(base - 16, 16, w, "black")
    mid = d.cyl(top, 40, w, "white")
    d.roll_pattern(mid, 20, w)
    d.taper(mid, 10, w, 18.9, "white")
    return d


def _atlas(extra: float, width: float = 60.0) -> tuple[Drawing, float]:
    """Atlas: a steel balloon tank on a flared booster skirt with two engine pods."""
    body_w, body_h, skirt_h, bell = 30.5, 180.0, 34.0, 10.0
    d = Drawing(width, bell + skirt_h + body_h + extra)
    base = d.h - bell
    for k in (-0.36, 0.36):
        d.bell(base, bell, 11, 15, d.cx + k * 48.8)
    d.bell(base, bell, 8, 11)
    top = d.taper(base, skirt_h, 48.8, body_w, "silver")
    for k in (-1, 1):  # the booster engines' fairings
        d.path(
            f"M{d.cx + k * 24.4:.2f},{base:.2f} L{d.cx + k * 16:.2f},{base:.2f} L{d.cx + k * 15.25:.2f},"
            f"{base - skirt_h:.2f} Z",
            "steel",
        )
    top = d.cyl(top, body_h, body_w, "silver")
    d.bands(top + 60, 2, body_w, "steel")
    return d, top


@drawing("icbm_rocket")
def atlas_missile() -> Drawing:
    d, top = _atlas(62)
    top = d.taper(top, 20, 30.5, 18, "silver")
    d.nose(top, 42, 18, "black", blunt=6)  # the Mk 3 re-entry vehicle
    return d


@drawing("medium_launcher")
def atlas_agena() -> Drawing:
    """Atlas-Agena: the Atlas with the restartable Agena stage on an adapter."""
    d, top = _atlas(104)
    top = d.taper(top, 24, 30.5, 15.2, "silver")
    top = d.cyl(top, 62, 15.2, "white")
    d.bands(top + 44, 18, 15.2, "black")  # the Agena's engine section
    d.taper(top, 18, 15.2, 18.9, "white")
    return d


@drawing("light_launcher")
def juno() -> Drawing:
    """Juno I (Jupiter-C): a stretched Redstone topped by its spinning tub of small solid rockets."""
    w, length, bell = 17.8, 190.0, 5.0
    d = Drawing(50, length + bell + 60)
    base = d.h - bell
    d.bell(base, bell, 8, 10)
    d.fins(base, w, 10, 24, "black", sweep=0.3)
    top = d.cyl(base, length - 40, w, "white")
    d.bands(base - 60, 30, w, "black")
    top = d.cyl(top, 40, w, "white")
    d.roll_pattern(top, 20, w)
    top = d.nose(top, 30, w, "white", blunt=9)
    top = d.cyl(top, 22, 11, "silver")  # the spinning tub
    d.bands(top + 6, 3, 11, "black")
    d.taper(top, 8, 11, 6, "silver")
    return d


@drawing("large_launcher")
def titan2() -> Drawing:
    """Titan II GLV: two stages of the same width, dark hypergolic tanks banded white."""
    w, bell = 30.5, 10.0
    d = Drawing(50, bell + 210 + 8 + 90 + 10)
    base = d.h - bell
    for k in (-0.22, 0.22):
        d.bell(base, bell, 10, 13, d.cx + k * w)
    top = d.cyl(base, 210, w, "white")
    d.bands(base - 40, 40, w, "black")
    d.bands(top + 30, 6, w, "black")
    top = d.truss(top, 8, w, w)
    top = d.cyl(top, 90, w, "white")
    d.bands(top + 70, 20, w, "black")
    d.taper(top, 10, w, w, "white")
    return d


@drawing("heavy_launcher")
def saturn_ib() -> Drawing:
    """Saturn IB: the clustered S-IB (eight tanks round one, eight fins) under the white S-IVB."""
    w1, w2, bell = 65.0, 66.0, 10.0
    d = Drawing(120, bell + 250 + 20 + 180 + 10)
    base = d.h - bell
    for k in (-0.35, -0.12, 0.12, 0.35):
        d.bell(base, bell, 11, 14, d.cx + k * w1)
    d.fins(base, w1, 20, 40, "white", sweep=0.6)
    top = d.cyl(base, 250, w1, "white")
    for i, k in enumerate((-0.375, -0.125, 0.125, 0.375)):  # the outer tanks: black and white in turn
        d.rect(d.cx + k * w1 - w1 / 8, top + 12, w1 / 4, 250 - 30, "white" if i % 2 else "black")
    d.bands(top, 12, w1, "white")
    top = d.taper(top, 20, w1, w2, "white")
    d.bands(top, 20, w2, "black")
    top = d.cyl(top, 180, w2, "white")
    d.bands(top + 130, 10, w2, "black")
    d.bands(top, 9, w2, "steel")  # the instrument unit
    return d


@drawing("moon_rocket")
def saturn_v() -> Drawing:
    """Saturn V: the S-IC with its roll squares and four fins, the S-II, the S-IVB, the instrument unit."""
    w, w3, bell = 101.0, 66.0, 12.0
    d = Drawing(170, bell + 420 + 250 + 50 + 180 + 10)
    base = d.h - bell
    for k in (-0.3, -0.1, 0.1, 0.3):
        d.bell(base, bell, 16, 20, d.cx + k * w)
    d.fins(base, w + 8, 22, 50, "black", sweep=0.6)
    top = d.cyl(base, 420, w, "white")
    d.bands(base - 60, 60, w, "black")
    d.roll_pattern(base - 60, 60, w)  # the S-IC's tail: black with white quarters
    d.rect(d.cx - w / 4, base - 60, w / 2, 60, "white")
    d.roll_pattern(top + 30, 60, w)
    d.bands(top, 20, w, "black")  # the interstage
    top = d.cyl(top, 250, w, "white")
    d.bands(top, 24, w, "black")
    top = d.taper(top, 50, w, w3, "white")
    top = d.cyl(top, 180, w3, "white")
    d.roll_pattern(top + 50, 36, w3)
    d.bands(top, 9, w3, "steel")  # the instrument unit
    return d


# ---------------------------------------------------------------- generic drawings (a mod's hardware without art)


@drawing("generic/launcher")
def generic_launcher() -> Drawing:
    w = 30.0
    d = Drawing(60, 260)
    base = d.h - 8
    d.bell(base, 8, 10, 14)
    d.fins(base, w, 12, 30, "dark", sweep=0.4)
    top = d.cyl(base, 160, w, "white")
    d.bands(base - 30, 30, w, "dark")
    top = d.truss(top, 8, w, 24)
    top = d.cyl(top, 70, 24, "white")
    d.bands(top + 60, 10, 24, "dark")
    d.taper(top, 10, 24, 20, "white")
    return d
