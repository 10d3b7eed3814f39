"""Satellites, probes, crewed craft, landers, stations, suits, targets and adapters of the default campaign.

`<id>` is the drawing every side gets unless it has its own (`us/<id>`, `ussr/<id>`): a side of a mod (the
European agency) flies the default one. Units are tenths of a metre; the foot of each craft is at the bottom.
"""

from __future__ import annotations

from tools.draw_art import LINE, Drawing, drawing

# ---------------------------------------------------------------- small helpers


def antenna(d: Drawing, x: float, y: float, dx: float, dy: float) -> None:
    d.line(x, y, x + dx, y + dy, "#3a3f45", max(0.2, d.stroke * 0.7))


def legs(d: Drawing, body_y: float, foot_y: float, body_half: float, spread: float, pad: float) -> None:
    """Landing legs seen from the side: two splayed out, their footpads, and struts."""
    for s in (-1, 1):
        hip = d.cx + s * body_half
        foot = d.cx + s * spread
        d.line(hip, body_y, foot, foot_y - pad * 0.4, "#8d949a", d.stroke * 2.2)
        d.line(hip, body_y + (foot_y - body_y) * 0.5, foot, foot_y - pad * 0.4, "#8d949a", d.stroke * 1.4)
        d.ellipse(foot, foot_y - pad * 0.3, pad, pad * 0.3, "steel")


def windmill(d: Drawing, cx: float, y: float, span: float, blade: float, up: float = 0.0) -> None:
    """Solar panels on either side of a body: left and right blades, tilted `up`."""
    for s in (-1, 1):
        x0 = cx + s * span * 0.12
        x1 = cx + s * span / 2
        d.poly([(x0, y - blade / 2), (x1, y - blade / 2 - up), (x1, y + blade / 2 - up), (x0, y + blade / 2)], "panel")
        d.line((x0 + x1) / 2, y - blade / 2 - up / 2, (x0 + x1) / 2, y + blade / 2 - up / 2, "#8aa6dd", d.stroke * 0.6)


# ---------------------------------------------------------------- satellites


@drawing("ussr/small_satellite")
def sputnik() -> Drawing:
    """Sputnik 1: a polished sphere trailing four long whip antennas."""
    d = Drawing(20, 30)
    r = 2.9
    for dx, dy in ((-8.5, 25), (-3.5, 26), (3.5, 26), (8.5, 25)):
        antenna(d, d.cx + dx * 0.12, 4 + r, dx, dy - r)
    d.circle(d.cx, 4 + r, r, "silver")
    d.ellipse(d.cx - 1, 4 + r - 1.1, 1.0, 0.7, "#ffffff", stroke=False)
    return d


@drawing("small_satellite")
def explorer() -> Drawing:
    """Explorer 1: a slim instrumented cylinder on its last rocket stage, with four whip antennas."""
    d = Drawing(12, 24)
    base = d.h
    top = d.cyl(base, 12, 1.6, "silver")  # the burnt-out last stage
    d.bands(base - 4, 2, 1.6, "black")
    top = d.cyl(top, 8, 1.6, "white")
    d.bands(top + 3, 2.5, 1.6, "black")
    d.nose(top, 3, 1.6, "silver")
    for s in (-1, 1):
        antenna(d, d.cx, base - 11, s * 5, 3)
    return d


@drawing("ussr/biosatellite")
def sputnik2() -> Drawing:
    """Sputnik 2: a conical frame holding Laika's cylindrical cabin, an instrument sphere above it."""
    d = Drawing(24, 40)
    base = d.h
    d.taper(base, 34, 22, 4, "#e9ece8")
    top = d.cyl(base, 3, 22, "steel")
    d.cyl(top, 11, 9, "silver")  # the cabin
    d.circle(d.cx, top - 17, 3.2, "silver")  # the instrument sphere
    d.cyl(top - 22, 6, 5, "steel")
    for s in (-1, 1):
        antenna(d, d.cx + s * 2, top - 17, s * 9, 6)
    return d


@drawing("biosatellite")
def bio_capsule() -> Drawing:
    """A recoverable animal capsule: a white cone on a dark heat shield."""
    d = Drawing(16, 18)
    base = d.h
    top = d.cyl(base, 2.2, 14, "dark")
    top = d.taper(top, 9, 13.5, 7, "white")
    d.bands(top + 2, 1.5, 8.2, "blue")
    top = d.cyl(top, 3, 7, "white")
    d.nose(top, 2.5, 7, "gold", blunt=3)
    return d


@drawing("comsat")
def telstar() -> Drawing:
    """Telstar: a faceted ball of solar cells with a belt of antennas."""
    d = Drawing(12, 13)
    c, y, r = d.cx, 6.5, 4.4
    pts = [
        (c - r * 0.55, y - r),
        (c + r * 0.55, y - r),
        (c + r, y - r * 0.45),
        (c + r, y + r * 0.45),
        (c + r * 0.55, y + r),
        (c - r * 0.55, y + r),
        (c - r, y + r * 0.45),
        (c - r, y - r * 0.45),
    ]
    d.poly(pts, "panel")
    for k in (-0.5, 0.0, 0.5):
        d.line(c + k * r, y - r, c + k * r, y + r, "#8aa6dd", d.stroke * 0.6)
    d.line(c - r, y - r * 0.45, c + r, y - r * 0.45, "#8aa6dd", d.stroke * 0.6)
    d.line(c - r, y + r * 0.45, c + r, y + r * 0.45, "#8aa6dd", d.stroke * 0.6)
    d.rect(c - r, y - 0.5, 2 * r, 1.0, "silver")  # the antenna belt
    antenna(d, c, y - r, 0, -2)
    return d


@drawing("ussr/comsat")
def molniya() -> Drawing:
    """Molniya: a pressurised cylinder with six solar blades like a windmill and two dish antennas."""
    d = Drawing(56, 48)
    base = d.h
    top = d.cyl(base, 6, 10, "dark")  # the engine
    body = d.cyl(top, 24, 14, "silver")
    d.nose(body, 10, 14, "silver", blunt=5)
    for s in (-1, 1):
        d.poly(
            [(d.cx + s * 7, body + 4), (d.cx + s * 27, body - 6), (d.cx + s * 27, body - 1), (d.cx + s * 7, body + 8)],
            "panel",
        )
        d.poly(
            [
                (d.cx + s * 7, body + 14),
                (d.cx + s * 24, body + 26),
                (d.cx + s * 23, body + 29),
                (d.cx + s * 7, body + 18),
            ],
            "panel",
        )
        d.dish(d.cx + s * 10, base - 4, 3, facing=s)
    d.poly([(d.cx - 1, body + 2), (d.cx + 1, body + 2), (d.cx + 1.5, body - 12), (d.cx - 1.5, body - 12)], "panel")
    return d


@drawing("weather_satellite")
def tiros() -> Drawing:
    """TIROS: a flat drum covered in solar cells, its cameras looking down, antennas below."""
    d = Drawing(14, 10)
    y0, h, w = 2.0, 5.0, 10.7
    d.panel(d.cx - w / 2, y0, w, h, cells=6)
    d.rect(d.cx - w / 2, y0 - 0.6, w, 0.8, "silver")
    d.rect(d.cx - 1.2, y0 + h, 2.4, 1.0, "dark")  # the camera
    for s in (-1, 1):
        antenna(d, d.cx + s * 3, y0 + h, s * 2, 3)
        antenna(d, d.cx + s * 3, y0, s * 2, -1.5)
    return d


@drawing("ussr/weather_satellite")
def meteor() -> Drawing:
    """Meteor: an instrument cylinder with two large solar panels on arms, cameras towards the Earth."""
    d = Drawing(66, 54)
    base = d.h
    top = d.cyl(base, 8, 10, "dark")  # the instruments looking down
    top = d.cyl(top, 34, 15, "silver")
    d.nose(top, 8, 15, "silver", blunt=6)
    for s in (-1, 1):
        d.line(d.cx + s * 7.5, top + 12, d.cx + s * 11, top + 12, LINE, 0.6)
        d.panel(d.cx + s * 11 + (0 if s > 0 else -22), top + 2, 22, 20, cells=3)
    return d


@drawing("nav_satellite")
def transit() -> Drawing:
    """Transit: a small octagonal body, four solar vanes hanging like petals, a stabilising boom."""
    d = Drawing(30, 32)
    y = 18
    d.line(d.cx, y, d.cx, 2, "#3a3f45", 0.4)
    d.circle(d.cx, 2, 0.9, "steel")
    for s in (-1, 1):
        d.poly([(d.cx + s * 2.5, y), (d.cx + s * 14, y + 7), (d.cx + s * 13, y + 10), (d.cx + s * 2.5, y + 2)], "panel")
    d.poly([(d.cx - 1, y + 3), (d.cx + 1, y + 3), (d.cx + 1.4, y + 13), (d.cx - 1.4, y + 13)], "panel")
    d.rect(d.cx - 2.6, y - 1.6, 5.2, 3.2, "gold")
    return d


# ---------------------------------------------------------------- probes


@drawing("lunar_probe")
def ranger() -> Drawing:
    """Ranger: a hexagonal base with two solar wings, the camera tower above, a dish below."""
    d = Drawing(48, 36)
    base_y = 24
    d.panel(2, base_y - 2, 15, 5, 4)
    d.panel(31, base_y - 2, 15, 5, 4)
    d.rect(d.cx - 7.5, base_y - 3, 15, 6, "gold")
    top = d.taper(base_y - 3, 16, 10, 4, "silver")  # the camera tower
    d.cyl(top, 3, 3, "steel")
    d.circle(d.cx, base_y - 8, 1.2, "dark")
    d.dish(d.cx + 9, base_y + 8, 4, facing=1)
    d.line(d.cx + 5, base_y + 3, d.cx + 9, base_y + 8, LINE, 0.4)
    antenna(d, d.cx - 4, top, -3, -6)
    return d


@drawing("ussr/lunar_probe")
def luna3() -> Drawing:
    """Luna 3: a sealed cylinder with domed ends, solar cells round it and whip antennas."""
    d = Drawing(20, 26)
    base, w = d.h - 2, 12
    d.ellipse(d.cx, base - 1, w / 2, 2.5, "silver")
    top = d.cyl(base - 1, 13, w, "silver")
    d.ellipse(d.cx, top, w / 2, 3, "silver")
    for k in (-0.3, 0.0, 0.3):
        d.rect(d.cx + k * w - 1.2, base - 10, 2.4, 5, "panel")
    d.circle(d.cx, top - 1.5, 1.2, "dark")  # the camera window
    for s in (-1, 1):
        antenna(d, d.cx + s * w / 2, base - 3, s * 3, 2)
        antenna(d, d.cx + s * 2, top - 2.4, s * 3, -3)
    return d


@drawing("lunar_orbiter")
def lunar_orbiter() -> Drawing:
    """Lunar Orbiter: a truncated cone, four solar panels at its foot, a dish on a boom, its engine on top."""
    d = Drawing(50, 24)
    base = d.h - 1
    d.panel(3, base - 3, 16, 3, 4)
    d.panel(31, base - 3, 16, 3, 4)
    top = d.taper(base, 15, 15, 9, "gold")
    d.bell(top - 3, 3, 3, 4, material="dark")
    d.rect(d.cx - 1.5, top - 5, 3, 2, "steel")
    d.line(d.cx + 6, base - 8, d.cx + 13, base - 12, LINE, 0.4)
    d.dish(d.cx + 13, base - 12, 3, facing=1)
    return d


@drawing("ussr/lunar_orbiter")
def luna10() -> Drawing:
    """Luna 10: the braking engine with its spherical tanks, under a sealed instrument container."""
    d = Drawing(20, 40)
    base = d.h
    d.bell(base - 4, 4, 4, 6)
    for s in (-1, 1):
        d.circle(d.cx + s * 4.5, base - 8, 4, "steel")
    top = d.cyl(base - 10, 12, 10, "silver")
    d.bands(top + 4, 2, 10, "dark")
    top = d.cyl(top, 10, 7.5, "silver")  # the instrument container
    d.nose(top, 4, 7.5, "silver", blunt=3)
    for s in (-1, 1):
        antenna(d, d.cx + s * 3.75, top + 2, s * 5, -6)
    return d


@drawing("lunar_landing_probe")
def surveyor() -> Drawing:
    """Surveyor: a tripod frame on three legs with footpads, solar panel and antenna on a mast."""
    d = Drawing(46, 34)
    foot = d.h
    body = foot - 12
    legs(d, body, foot, 4, 19, 3)
    d.taper(body + 2, 10, 14, 4, "#c7ccd0")
    d.rect(d.cx - 5, body - 4, 10, 5, "gold")  # the thermal boxes
    d.line(d.cx, body - 5, d.cx, 4, "#3a3f45", 0.6)  # the mast
    d.poly([(d.cx, 6), (d.cx + 10, 2), (d.cx + 10, 6), (d.cx, 10)], "panel")
    d.poly([(d.cx, 8), (d.cx - 8, 4), (d.cx - 8, 9), (d.cx, 12)], "white")
    d.rect(d.cx + 4, body - 2, 3, 3, "dark")  # the camera
    return d


@drawing("ussr/lunar_landing_probe")
def luna9() -> Drawing:
    """Luna 9: the small ball that landed, on top of the braking stage and its side modules."""
    d = Drawing(24, 30)
    base = d.h
    d.bell(base - 4, 4, 4, 6)
    top = d.cyl(base - 4, 11, 8, "steel")
    for s in (-1, 1):
        d.rect(d.cx + s * 4 + (0 if s > 0 else -4), base - 13, 4, 7, "silver")
    d.circle(d.cx, top - 3.5, 4.2, "white")  # the ball lander (in its airbags)
    d.circle(d.cx, top - 3.5, 2.9, "silver")
    for s in (-1, 1):
        antenna(d, d.cx + s * 2, top - 6.5, s * 3, -5)
    return d


@drawing("planetary_probe")
def mariner() -> Drawing:
    """Mariner 4: an octagonal bus, four long solar panels, the dish on top, the magnetometer mast."""
    d = Drawing(68, 30)
    y = 20
    for s in (-1, 1):
        d.panel(d.cx + s * 7 + (0 if s > 0 else -26), y - 2.5, 26, 5, 4)
        d.rect(d.cx + s * 33 + (-2 if s > 0 else 0), y - 3.5, 2, 7, "silver")  # the solar vanes
    d.rect(d.cx - 6.5, y - 2.5, 13, 5.5, "gold")
    d.path(f"M{d.cx - 6:.2f},{y - 6:.2f} Q{d.cx:.2f},{y - 2:.2f} {d.cx + 6:.2f},{y - 6:.2f} Z", "white")
    d.line(d.cx, y - 3, d.cx, y - 6, LINE, 0.3)
    d.line(d.cx - 4, y - 3, d.cx - 5, 2, "#3a3f45", 0.4)
    d.rect(d.cx - 6.5, 1, 3, 2, "steel")
    d.bell(y + 3, 2.5, 1.5, 2.5)
    return d


@drawing("ussr/planetary_probe")
def venera() -> Drawing:
    """Venera 4: a cylindrical bus with two solar panels and a dish, the landing sphere beneath."""
    d = Drawing(42, 40)
    base = d.h
    d.circle(d.cx, base - 5, 5, "copper")  # the lander, in its heat shield
    top = d.cyl(base - 10, 18, 10, "silver")
    d.nose(top, 4, 10, "silver", blunt=4)
    for s in (-1, 1):
        d.panel(d.cx + s * 6 + (0 if s > 0 else -14), top + 4, 14, 9, 3)
    d.line(d.cx, top - 3, d.cx + 2, 3, "#3a3f45", 0.4)
    d.dish(d.cx - 3, top + 2, 3.5, facing=-1)
    return d


@drawing("sample_return_probe")
def luna16() -> Drawing:
    """Luna 16: the landing stage on four legs, the ascent rocket above it, the soil capsule on top, the drill arm."""
    d = Drawing(40, 40)
    foot = d.h
    body = foot - 10
    legs(d, body, foot, 8, 17, 2.5)
    for s in (-1, 0, 1):
        d.circle(d.cx + s * 7, body - 2, 4, "steel")  # the landing stage's tanks
    top = d.cyl(body - 5, 11, 8, "silver")  # the ascent stage
    d.bands(top + 7, 2, 8, "dark")
    top = d.cyl(top, 5, 5, "steel")
    d.circle(d.cx, top - 2.5, 2.5, "copper")  # the return capsule
    d.line(d.cx - 5, body - 6, d.cx - 13, body - 12, "#5a6066", 0.6)  # the drill arm
    d.rect(d.cx - 14, body - 13, 2, 6, "dark")
    return d


@drawing("lunar_rover")
def lunokhod() -> Drawing:
    """Lunokhod: a tub on eight spoked wheels, its solar lid raised, antennas at the front."""
    d = Drawing(44, 24)
    ground = d.h
    tub_y = ground - 11
    for k in (-0.36, -0.12, 0.12, 0.36):
        x = d.cx + k * 44
        d.circle(x, ground - 2.6, 2.5, "dark")
        d.circle(x, ground - 2.6, 1.2, "steel")
    d.path(
        f"M{d.cx - 17:.2f},{tub_y:.2f} L{d.cx + 17:.2f},{tub_y:.2f} L{d.cx + 13:.2f},{ground - 5:.2f} "
        f"L{d.cx - 13:.2f},{ground - 5:.2f} Z",
        "silver",
    )
    d.rect(d.cx - 16, tub_y - 1.5, 32, 1.5, "steel")
    d.poly(
        [(d.cx - 15, tub_y - 1.5), (d.cx - 20, tub_y - 15), (d.cx - 18, tub_y - 16), (d.cx - 13, tub_y - 1.5)], "panel"
    )  # the open lid
    d.rect(d.cx + 12, tub_y + 1, 2.5, 2.5, "dark")  # the cameras
    d.line(d.cx + 8, tub_y - 1.5, d.cx + 10, tub_y - 8, "#3a3f45", 0.4)
    d.nose(tub_y - 8, 4, 2.2, "steel")  # the helical antenna
    d.line(d.cx + 2, tub_y - 1.5, d.cx + 4, tub_y - 10, "#3a3f45", 0.4)
    return d


# ---------------------------------------------------------------- crewed craft


@drawing("one_seat_capsule")
def mercury() -> Drawing:
    """Mercury: a black shingled cone, its recovery neck, and the red escape tower on top."""
    d = Drawing(22, 79)
    base = d.h
    top = d.cyl(base, 1.5, 19, "silver")  # the heat shield and retro pack band
    top = d.taper(top, 20, 18.9, 8.5, "black")
    for i in range(1, 4):
        d.line(d.cx - 18.9 / 2 + i * 1.7, top + 20 - i * 5, d.cx + 18.9 / 2 - i * 1.7, top + 20 - i * 5, "#4c5158", 0.3)
    d.circle(d.cx + 2.2, top + 8, 1.0, "#8ab4e0")  # the window
    top = d.cyl(top, 9, 6.5, "black")
    top = d.taper(top, 4, 6.5, 3.5, "silver")
    top = d.truss(top, 28, 3.5, 2.5)  # the escape tower
    top = d.cyl(top, 12, 2.8, "red")
    d.nose(top, 4, 2.8, "red")
    return d


@drawing("ussr/one_seat_capsule")
def vostok() -> Drawing:
    """Vostok: the descent sphere on its biconical instrument module, gas bottles round the seam."""
    d = Drawing(30, 50)
    base = d.h
    d.bell(base - 3, 3, 3, 4)
    top = d.taper(base - 3, 12, 14, 24, "silver")
    top = d.taper(top, 10, 24, 16, "silver")
    for k in (-0.35, -0.12, 0.12, 0.35):
        d.circle(d.cx + k * 24, top + 10, 1.7, "steel")
    d.circle(d.cx, top - 10, 11.5, "grey")  # the descent sphere
    d.circle(d.cx + 4, top - 13, 1.6, "#8ab4e0")
    d.circle(d.cx - 5, top - 6, 2.2, "dark")  # the hatch
    for s in (-1, 1):
        antenna(d, d.cx + s * 3, top - 21, s * 4, -6)
    return d


@drawing("two_seat_capsule")
def gemini() -> Drawing:
    """Gemini: the white adapter module under the black re-entry module and its nose."""
    d = Drawing(32, 58)
    base = d.h
    top = d.taper(base, 23, 30.5, 23, "white")  # the adapter
    d.bands(top + 10, 1.5, 27, "steel")
    top = d.cyl(top, 1.5, 23, "silver")
    top = d.taper(top, 18, 22.5, 10, "black")
    for s in (-1, 1):
        d.poly(
            [(d.cx + s * 1.5, top + 9), (d.cx + s * 5, top + 9), (d.cx + s * 4.5, top + 5), (d.cx + s * 1.8, top + 5)],
            "#8ab4e0",
        )
    top = d.cyl(top, 6, 9, "black")  # the re-entry control section
    top = d.cyl(top, 6, 8, "black")  # the nose with the docking bar
    d.nose(top, 2, 8, "black", blunt=6)
    return d


@drawing("ussr/two_seat_capsule")
def voskhod() -> Drawing:
    """Voskhod 2: the Vostok ball with the backup retro-rocket on top and the inflatable airlock beside it."""
    d = Drawing(38, 60)
    base = d.h
    d.bell(base - 3, 3, 3, 4)
    top = d.taper(base - 3, 12, 14, 24, "silver")
    top = d.taper(top, 10, 24, 16, "silver")
    d.circle(d.cx, top - 10, 11.5, "grey")
    d.circle(d.cx - 4, top - 13, 1.6, "#8ab4e0")
    d.cyl(top - 21, 6, 6, "dark")  # the backup solid retro-rocket
    airlock = d.cx + 12
    d.rect(airlock - 3.5, top - 28, 7, 22, "white", True)  # the Volga airlock
    for i in range(1, 5):
        d.line(airlock - 3.5, top - 28 + i * 4.4, airlock + 3.5, top - 28 + i * 4.4, "#9aa1a8", 0.3)
    d.ellipse(airlock, top - 28, 3.5, 1.2, "steel")
    return d


@drawing("three_seat_capsule")
def apollo_csm() -> Drawing:
    """Apollo: the silver service module, the command module under its white cover, the escape tower."""
    d = Drawing(40, 196)
    base = d.h
    top = d.cyl(base, 74, 39, "silver")
    for k in (-0.3, 0.3):
        d.rect(d.cx + k * 39 - 2, top + 10, 4, 5, "steel")  # the RCS quads
    d.bands(top + 60, 3, 39, "steel")
    d.bands(top, 3, 39, "steel")
    top = d.taper(top, 32, 39, 8, "white")  # the boost protective cover
    d.circle(d.cx + 7, top + 20, 1.2, "#8ab4e0")
    top = d.truss(top, 34, 7, 3.5)
    top = d.cyl(top, 36, 4.5, "red")  # the escape motor
    d.bands(top + 8, 3, 4.5, "white")
    top = d.taper(top, 6, 4.5, 3, "white")
    d.nose(top, 14, 3, "red")
    return d


@drawing("ussr/three_seat_capsule")
def soyuz() -> Drawing:
    """Soyuz: the service module with its two solar wings, the bell-shaped descent module, the orbital sphere."""
    d = Drawing(84, 78)
    base = d.h
    d.bell(base - 3, 3, 6, 9)
    top = d.cyl(base - 3, 6, 27, "grey")
    top = d.cyl(top, 18, 22, "grey")
    for s in (-1, 1):
        d.panel(d.cx + s * 12 + (0 if s > 0 else -30), top + 5, 30, 9, 5)
        d.line(d.cx + s * 11, top + 9.5, d.cx + s * 12, top + 9.5, LINE, 0.5)
    top = _soyuz_descent(d, top)
    d.circle(d.cx, top - 10, 11, "green")  # the orbital module
    d.circle(d.cx + 5, top - 12, 1.2, "#8ab4e0")
    top = top - 21
    d.taper(top, 5, 3, 1.5, "steel")  # the docking probe
    for s in (-1, 1):
        antenna(d, d.cx + s * 9, top + 8, s * 8, -4)
    return d


def _soyuz_descent(d: Drawing, bottom: float) -> float:
    """The Soyuz descent module: wide at its heat shield, rounded narrowing to its hatch."""
    w, h = 22, 21
    c, top = d.cx, bottom - h
    d.path(
        f"M{c - w / 2:.2f},{bottom:.2f} L{c + w / 2:.2f},{bottom:.2f} C{c + w / 2:.2f},{bottom - h * 0.6:.2f} "
        f"{c + w * 0.3:.2f},{top:.2f} {c:.2f},{top:.2f} C{c - w * 0.3:.2f},{top:.2f} {c - w / 2:.2f},"
        f"{bottom - h * 0.6:.2f} {c - w / 2:.2f},{bottom:.2f} Z",
        "green",
    )
    d.circle(c - 4, bottom - 9, 1.3, "#8ab4e0")
    return top + 2


@drawing("lunar_lander")
def apollo_lm() -> Drawing:
    """The Apollo lunar module: the gold descent stage on four legs, the angular grey ascent stage."""
    d = Drawing(94, 72)
    foot = d.h
    body = foot - 18
    legs(d, body - 8, foot, 18, 42, 5)
    d.bell(body, 5, 6, 9)
    d.rect(d.cx - 21, body - 16, 42, 16, "gold")
    d.rect(d.cx - 21, body - 17.5, 42, 1.5, "dark")
    top = body - 17.5
    d.poly(
        [
            (d.cx - 20, top),
            (d.cx + 18, top),
            (d.cx + 21, top - 10),
            (d.cx + 14, top - 25),
            (d.cx - 6, top - 27),
            (d.cx - 20, top - 20),
        ],
        "grey",
    )
    d.poly([(d.cx - 16, top - 4), (d.cx - 4, top - 4), (d.cx - 4, top - 19), (d.cx - 14, top - 17)], "dark")
    d.poly([(d.cx - 12, top - 16), (d.cx - 7, top - 18), (d.cx - 7, top - 13)], "#8ab4e0")  # a window
    d.rect(d.cx + 4, top - 12, 12, 8, "gold")
    d.cyl(top - 27, 4, 8, "steel")  # the docking tunnel
    d.line(d.cx + 12, top - 25, d.cx + 18, top - 33, "#3a3f45", 0.5)
    d.dish(d.cx + 18, top - 33, 3, facing=1)
    return d


@drawing("ussr/lunar_lander")
def lk() -> Drawing:
    """The LK: a one-man cabin with a big window above the engine block, on four legs."""
    d = Drawing(52, 54)
    foot = d.h
    body = foot - 14
    legs(d, body - 4, foot, 10, 23, 4)
    d.rect(d.cx - 11, body - 3, 22, 6, "gold")  # the landing unit
    d.bell(body + 3, 4, 4, 6)
    for s in (-1, 1):
        d.circle(d.cx + s * 8, body - 8, 4, "steel")
    top = d.cyl(body - 3, 10, 12, "silver")  # Block E
    d.path(
        f"M{d.cx - 11:.2f},{top:.2f} L{d.cx + 11:.2f},{top:.2f} C{d.cx + 13:.2f},{top - 14:.2f} "
        f"{d.cx + 6:.2f},{top - 20:.2f} {d.cx:.2f},{top - 20:.2f} C{d.cx - 6:.2f},{top - 20:.2f} "
        f"{d.cx - 13:.2f},{top - 14:.2f} {d.cx - 11:.2f},{top:.2f} Z",
        "grey",
    )  # the cabin
    d.circle(d.cx - 3, top - 10, 3.2, "#8ab4e0")
    d.cyl(top - 19, 3, 5, "steel")
    for s in (-1, 1):
        antenna(d, d.cx + s * 9, top - 8, s * 9, -4)
    return d


@drawing("us/station_module")
def skylab() -> Drawing:
    """Skylab: the workshop with its one solar wing, the docking adapter, the telescope mount's four blades."""
    d = Drawing(150, 268)
    base = d.h
    top = d.cyl(base, 148, 66, "white")
    d.bands(base - 148, 6, 66, "gold")  # the micrometeoroid shield's edge
    d.panel(d.cx + 33, base - 110, 62, 28, 6)  # the surviving wing
    d.line(d.cx + 33, base - 96, d.cx + 36, base - 96, LINE, 1)
    top = d.taper(top, 16, 66, 34, "white")
    top = d.cyl(top, 42, 30, "steel")  # airlock and docking adapter
    d.cyl(top + 12, 6, 36, "gold")
    top = d.cyl(top, 30, 22, "white")  # the telescope mount
    for s in (-1, 1):
        d.panel(d.cx + s * 12 + (0 if s > 0 else -50), top + 4, 50, 20, 5)
    d.cyl(top, 8, 12, "steel")
    return d


@drawing("station_module")
def salyut() -> Drawing:
    """Salyut: stepped cylinders, solar panels at both ends, the docking port on top."""
    d = Drawing(104, 160)
    base = d.h
    d.bell(base - 4, 4, 8, 10)
    top = d.cyl(base - 4, 22, 22, "grey")  # the engine compartment
    for s in (-1, 1):
        d.panel(d.cx + s * 11 + (0 if s > 0 else -38), top + 6, 38, 12, 4)
    top = d.cyl(top, 46, 41.5, "green")
    top = d.taper(top, 12, 41.5, 29, "green")
    top = d.cyl(top, 38, 29, "green")
    top = d.taper(top, 6, 29, 20, "green")
    top = d.cyl(top, 28, 20, "grey")  # the transfer compartment
    for s in (-1, 1):
        d.panel(d.cx + s * 10 + (0 if s > 0 else -40), top + 8, 40, 12, 4)
    d.circle(d.cx - 6, top + 40, 1.6, "#8ab4e0")
    d.taper(top, 4, 12, 8, "steel")
    return d


# ---------------------------------------------------------------- suits


def _suit(d: Drawing, suit: str, visor: str, accent: str, backpack: str | None, boots: str) -> None:
    """A person in a pressure suit, seen from the front: helmet, torso, arms, legs, boots."""
    c, foot = d.cx, d.h
    if backpack:
        d.rect(c - 3.6, foot - 14.5, 7.2, 6.5, backpack)  # seen over the shoulders
    for s in (-1, 1):
        d.poly(
            [
                (c + s * 0.6, foot - 8.5),
                (c + s * 2.6, foot - 8.5),
                (c + s * 2.4, foot - 1.2),
                (c + s * 0.8, foot - 1.2),
            ],
            suit,
        )
        d.rect(c + s * 1.65 - 1.2, foot - 1.4, 2.4, 1.4, boots)
        d.poly(
            [
                (c + s * 2.6, foot - 13.6),
                (c + s * 3.8, foot - 12.8),
                (c + s * 4.2, foot - 8.4),
                (c + s * 3.2, foot - 8.2),
                (c + s * 2.7, foot - 11.4),
            ],
            suit,
        )
        d.circle(c + s * 3.7, foot - 7.9, 0.6, boots)
    d.rect(c - 2.7, foot - 14.2, 5.4, 6.2, suit)
    d.rect(c - 1.6, foot - 12.8, 3.2, 1.8, accent)  # the chest controls
    d.circle(c, foot - 16, 2.2, "white")
    d.ellipse(c, foot - 16, 1.6, 1.2, visor)


@drawing("eva_suit")
def gemini_suit() -> Drawing:
    d = Drawing(10, 19)
    _suit(d, "white", "gold", "blue", None, "dark")
    d.line(d.cx + 2, d.h - 10, d.cx + 4.5, d.h - 0.2, "#d8b040", 0.5)  # the umbilical
    return d


@drawing("ussr/eva_suit")
def berkut() -> Drawing:
    d = Drawing(10, 19)
    _suit(d, "grey", "gold", "red", "steel", "dark")
    return d


@drawing("lunar_suit")
def a7l() -> Drawing:
    d = Drawing(10, 19)
    _suit(d, "white", "gold", "red", "white", "grey")
    return d


@drawing("ussr/lunar_suit")
def krechet() -> Drawing:
    d = Drawing(10, 19)
    _suit(d, "#f0efe8", "dark", "orange", "grey", "grey")
    return d


# ---------------------------------------------------------------- targets and adapters


@drawing("rendezvous_target")
def rendezvous_target() -> Drawing:
    """A passive rendezvous target: a short cylinder with flashing lights and a radar reflector."""
    d = Drawing(18, 30)
    base = d.h
    top = d.cyl(base, 18, 15, "silver")
    d.bands(base - 4, 4, 15, "black")
    d.circle(d.cx - 4, top + 7, 1.2, "#ff5040")
    d.circle(d.cx + 4, top + 7, 1.2, "#50e070")
    top = d.taper(top, 4, 15, 8, "steel")
    d.poly([(d.cx, top - 7), (d.cx + 4, top - 3), (d.cx, top + 1), (d.cx - 4, top - 3)], "gold")  # the reflector
    return d


@drawing("docking_target")
def agena_target() -> Drawing:
    """The Agena target vehicle: the stage with its engine, and the docking cone at its nose."""
    d = Drawing(22, 82)
    base = d.h
    d.bell(base - 8, 8, 4, 7)
    top = d.cyl(base - 8, 62, 15.2, "white")
    d.bands(base - 26, 18, 15.2, "black")
    d.bands(top + 10, 3, 15.2, "steel")
    top = d.cyl(top, 6, 17, "steel")
    d.taper(top, 6, 14, 20, "gold")  # the docking cone
    d.circle(d.cx + 4, top + 12, 0.9, "#ff5040")
    return d


@drawing("docking_adapter")
def docking_module() -> Drawing:
    """The docking module: a cylinder with a docking system at each end and its gas tanks."""
    d = Drawing(20, 36)
    base = d.h
    top = d.taper(base, 3, 10, 12, "steel")
    top = d.cyl(top, 27, 14, "white")
    for s in (-1, 1):
        d.circle(d.cx + s * 7.5, top + 8, 1.8, "steel")
        d.circle(d.cx + s * 7.5, top + 19, 1.8, "steel")
    d.bands(top + 12, 3, 14, "gold")
    d.taper(top, 3, 12, 10, "steel")
    return d


# ---------------------------------------------------------------- generic drawings by kind


def _generic(name: str, fn: object) -> None:
    drawing(f"generic/{name}")(fn)  # type: ignore[arg-type]


_generic("capsule", bio_capsule)
_generic("payload", tiros)
_generic("probe", ranger)
_generic("lander", surveyor)
_generic("station", salyut)
_generic("suit", gemini_suit)
_generic("target", rendezvous_target)
_generic("adapter", docking_module)


@drawing("generic/other")
def crate() -> Drawing:
    """Anything else: an instrument drum with a dish and antennas."""
    d = Drawing(20, 20)
    base = d.h
    top = d.cyl(base, 12, 12, "silver")
    d.bands(base - 7, 2, 12, "gold")
    d.dish(d.cx + 8, top + 3, 3, facing=1)
    antenna(d, d.cx - 3, top, -3, -6)
    d.taper(top, 3, 12, 6, "steel")
    return d
