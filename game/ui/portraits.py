"""Crew portraits: a flat 1960s-style face drawn from the crew member's id, the same one every time.

A hash of the id (SHA-256, so the same on every machine and run) picks the face's shape, skin, hair, brows,
nose, mouth, clothes and whether a helmet is worn; the `female` trait picks from the longer hairstyles, and
the side's colour tints the backdrop and the shoulder patch. Nothing is a photograph or a likeness: it is an
SVG this module writes, rasterized once per (id, size, look) like the hardware art.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pygame

from game.ui.draw import colour, palette

# The colours are the theme's (assets/theme.json, "portrait_*"), written into the SVG as hex text.
SKINS = tuple(palette("portrait_skins"))
HAIR = tuple(palette("portrait_hair"))
BACKDROPS = tuple(palette("portrait_backdrops"))
# (suit fill, collar or neck-ring fill): pressure suits in silver, white and orange, a jacket and tie, a flight jacket
SUITS = tuple(zip(palette("portrait_suits"), palette("portrait_collars"), strict=True))
HELMETS = tuple(palette("portrait_helmets"))
GREY = HAIR[6]
GREY_BROW = palette("portrait_grey_brow")
SKIN_SHADE = palette("portrait_skin_shade")
LIGHT = palette("portrait_light")
VISOR = palette("portrait_visor")
LIPS = palette("portrait_lips")
CHEEK = palette("portrait_cheek")
ACCENT = colour("portrait_accent")  # a crew member of no known side
MALE_HAIR = ("crew", "part", "slick", "recede", "wavy")
FEMALE_TRAITS = frozenset({"female", "woman"})  # traits scenarios use for a woman (the campaign, the test fixture)
FEMALE_HAIR = ("bouffant", "bob", "bun", "curls")
LINE = palette("portrait_line")

_CACHE: dict[tuple[str, int, bool, tuple[int, int, int]], pygame.Surface] = {}


class _Dice:
    """Numbers drawn from the bytes of the id's hash, in order: the same id always gives the same face."""

    def __init__(self, key: str) -> None:
        self.data = hashlib.sha256(key.encode("utf-8")).digest() * 2
        self.i = 0

    def pick(self, n: int) -> int:
        self.i += 1
        return self.data[self.i - 1] % n

    def frac(self) -> float:
        self.i += 1
        return self.data[self.i - 1] / 255


def _hex(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return _hex(tuple(round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True)))  # type: ignore[arg-type]


def portrait_svg(crew_id: str, female: bool = False, accent: tuple[int, int, int] = ACCENT) -> str:
    """The portrait of `crew_id` as SVG text (100 x 100 units)."""
    d = _Dice(crew_id)
    skin = SKINS[d.pick(len(SKINS))]
    shade = _mix(skin, SKIN_SHADE, 0.28)
    colours = [h for h in HAIR if h != GREY]
    hair = colours[d.pick(len(colours))] if female or d.frac() > 0.08 else GREY
    style = (FEMALE_HAIR if female else MALE_HAIR)[d.pick(len(FEMALE_HAIR if female else MALE_HAIR))]
    suit, collar = SUITS[d.pick(len(SUITS))]
    helmet = d.pick(4) == 0 and SUITS.index((suit, collar)) < 3 and not female
    backdrop = _mix(BACKDROPS[d.pick(len(BACKDROPS))], _hex(accent), 0.25)
    cx, cy = 50.0, 47.0
    hw = 17.5 + d.frac() * 4.5  # half the face's width
    hh = 22.0 + d.frac() * 4.0  # half its height
    jaw = 0.25 + d.frac() * 0.45  # how low the face keeps its width: squarer jaws lower
    chin = 0.25 + d.frac() * 0.35
    top = cy - hh
    out: list[str] = [
        f'<rect x="0" y="0" width="100" height="100" fill="{backdrop}"/>',
        f'<circle cx="50" cy="44" r="40" fill="{_mix(backdrop, LIGHT, 0.18)}"/>',
    ]
    # shoulders and clothes
    sh_y = 82.0 + d.frac() * 3
    out.append(
        f'<path d="M4,100 C6,{sh_y:.1f} 20,{sh_y - 6:.1f} 36,{sh_y - 8:.1f} L64,{sh_y - 8:.1f} '
        f'C80,{sh_y - 6:.1f} 94,{sh_y:.1f} 96,100 Z" fill="{suit}" stroke="{LINE}" stroke-width="0.8"/>'
    )
    neck_w = hw * 0.55
    out.append(
        f'<rect x="{cx - neck_w:.1f}" y="{cy + hh * 0.5:.1f}" width="{neck_w * 2:.1f}" '
        f'height="{sh_y - cy - hh * 0.5 - 2:.1f}" fill="{shade}"/>'
    )
    kind = SUITS.index((suit, collar))
    if kind < 3:  # a pressure suit's neck ring
        out.append(
            f'<ellipse cx="50" cy="{sh_y - 7:.1f}" rx="{neck_w + 6:.1f}" ry="4.5" fill="{collar}" '
            f'stroke="{LINE}" stroke-width="0.8"/>'
        )
        out.append(
            f'<rect x="{cx + 20:.1f}" y="{sh_y + 2:.1f}" width="9" height="6" rx="1.5" fill="{_hex(accent)}" '
            f'stroke="{LINE}" stroke-width="0.6"/>'
        )
    elif kind == 3:  # shirt, tie
        out.append(
            f'<path d="M{cx - 9:.1f},{sh_y - 8:.1f} L{cx:.1f},100 L{cx + 9:.1f},{sh_y - 8:.1f} Z" fill="{collar}"/>'
        )
        out.append(
            f'<path d="M{cx - 2.2:.1f},{sh_y - 6:.1f} L{cx + 2.2:.1f},{sh_y - 6:.1f} L{cx + 3.2:.1f},100 '
            f'L{cx - 3.2:.1f},100 Z" fill="{_hex(accent)}"/>'
        )
    else:  # a flight jacket's collar
        out.append(
            f'<path d="M{cx - neck_w - 6:.1f},{sh_y - 9:.1f} L{cx:.1f},{sh_y + 4:.1f} L{cx + neck_w + 6:.1f},'
            f"{sh_y - 9:.1f} L{cx + neck_w + 10:.1f},{sh_y + 2:.1f} L{cx:.1f},{sh_y + 12:.1f} "
            f'L{cx - neck_w - 10:.1f},{sh_y + 2:.1f} Z" fill="{collar}"/>'
        )
    if helmet:  # the helmet's shell behind the head, its visor raised
        shell = HELMETS[d.pick(3)]
        out.append(
            f'<circle cx="{cx:.1f}" cy="{cy - 2:.1f}" r="{hh + 8:.1f}" fill="{shell}" stroke="{LINE}" '
            f'stroke-width="0.9"/>'
        )
    # hair that falls behind the face
    if style in ("bouffant", "bob"):
        low = cy + hh * (0.35 if style == "bouffant" else 0.55)
        out.append(
            f'<path d="M{cx - hw - 6:.1f},{low:.1f} C{cx - hw - 9:.1f},{top - 6:.1f} {cx + hw + 9:.1f},'
            f'{top - 6:.1f} {cx + hw + 6:.1f},{low:.1f} Z" fill="{hair}"/>'
        )
    if not helmet:  # ears
        for s in (-1, 1):
            out.append(
                f'<ellipse cx="{cx + s * hw:.1f}" cy="{cy + 1:.1f}" rx="3" ry="5" fill="{skin}" '
                f'stroke="{LINE}" stroke-width="0.6"/>'
            )
    # the face
    out.append(
        f'<path d="M{cx - hw:.1f},{cy - hh * 0.2:.1f} C{cx - hw:.1f},{cy - hh * 1.05:.1f} {cx + hw:.1f},'
        f"{cy - hh * 1.05:.1f} {cx + hw:.1f},{cy - hh * 0.2:.1f} C{cx + hw:.1f},{cy + hh * jaw:.1f} "
        f"{cx + hw * chin:.1f},{cy + hh:.1f} {cx:.1f},{cy + hh:.1f} C{cx - hw * chin:.1f},{cy + hh:.1f} "
        f'{cx - hw:.1f},{cy + hh * jaw:.1f} {cx - hw:.1f},{cy - hh * 0.2:.1f} Z" fill="{skin}" stroke="{LINE}" '
        f'stroke-width="0.8"/>'
    )
    # hair in front
    if helmet:
        out.append(
            f'<path d="M{cx - hw - 3:.1f},{cy - hh * 0.45:.1f} C{cx - hw:.1f},{top - 4:.1f} {cx + hw:.1f},'
            f"{top - 4:.1f} {cx + hw + 3:.1f},{cy - hh * 0.45:.1f} L{cx + hw:.1f},{cy - hh * 0.62:.1f} "
            f'C{cx + hw * 0.6:.1f},{top:.1f} {cx - hw * 0.6:.1f},{top:.1f} {cx - hw:.1f},{cy - hh * 0.62:.1f} Z" '
            f'fill="{VISOR}" stroke="{LINE}" stroke-width="0.7"/>'
        )  # the raised visor
    else:
        out.extend(_hair(style, d, cx, cy, hw, hh, hair))
    # eyes, brows, nose, mouth
    ey = cy - hh * 0.02
    gap = hw * (0.38 + d.frac() * 0.1)
    brow = 1.0 + d.frac() * 1.3
    tilt = (d.frac() - 0.5) * 2.0
    brow_col = hair if hair != GREY else GREY_BROW
    for s in (-1, 1):
        x = cx + s * gap
        out.append(f'<ellipse cx="{x:.1f}" cy="{ey:.1f}" rx="1.7" ry="{1.5 + d.frac() * 0.8:.1f}" fill="{LINE}"/>')
        out.append(
            f'<path d="M{x - 4 * s:.1f},{ey - 5 + tilt:.1f} L{x + 4 * s:.1f},{ey - 5.5 - tilt * 0.3:.1f}" '
            f'stroke="{brow_col}" stroke-width="{brow:.1f}" stroke-linecap="round" fill="none"/>'
        )
    nose_len = hh * (0.3 + d.frac() * 0.15)
    out.append(
        f'<path d="M{cx - 0.5:.1f},{ey + 1:.1f} L{cx - 2.2:.1f},{ey + nose_len:.1f} L{cx + 1.5:.1f},'
        f'{ey + nose_len + 0.8:.1f}" stroke="{shade}" stroke-width="1.3" stroke-linecap="round" '
        f'stroke-linejoin="round" fill="none"/>'
    )
    my = cy + hh * (0.52 + d.frac() * 0.08)
    mw = 4.5 + d.frac() * 3
    smile = -0.5 + d.frac() * 3.5
    lips = _mix(skin, LIPS, 0.55)
    out.append(
        f'<path d="M{cx - mw:.1f},{my:.1f} Q{cx:.1f},{my + smile:.1f} {cx + mw:.1f},{my:.1f}" '
        f'stroke="{lips}" stroke-width="1.6" stroke-linecap="round" fill="none"/>'
    )
    for s in (-1, 1):
        out.append(
            f'<ellipse cx="{cx + s * hw * 0.55:.1f}" cy="{my - 4:.1f}" rx="3.5" ry="2.2" fill="{CHEEK}" '
            f'fill-opacity="0.18"/>'
        )
    body = "\n".join(out)
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">\n{body}\n</svg>\n'


def _hair(style: str, d: _Dice, cx: float, cy: float, hw: float, hh: float, hair: str) -> list[str]:
    """The hair drawn over the face: a cap down to the hairline, shaped by the style."""
    top = cy - hh
    line = cy - hh * (0.48 + d.frac() * 0.12)  # the hairline
    volume = 1.12 + d.frac() * 0.18
    side = cy - hh * 0.12
    left, right = cx - hw - 1.2, cx + hw + 1.2
    crown = f"M{left:.1f},{side:.1f} C{left:.1f},{cy - hh * volume * 1.1:.1f} {right:.1f},{cy - hh * volume * 1.1:.1f} {right:.1f},{side:.1f}"
    fill = f'fill="{hair}" stroke="{LINE}" stroke-width="0.6"'
    if style == "recede":
        line -= hh * 0.18
        front = (
            f"L{right - 2:.1f},{side:.1f} Q{right - 3:.1f},{line:.1f} {cx + hw * 0.45:.1f},{line - 3:.1f} "
            f"Q{cx:.1f},{line + 5:.1f} {cx - hw * 0.45:.1f},{line - 3:.1f} Q{left + 3:.1f},{line:.1f} "
            f"{left + 2:.1f},{side:.1f} Z"
        )
    elif style == "part":
        px = cx - hw * 0.45
        front = (
            f"L{right - 2:.1f},{side:.1f} Q{right - 3:.1f},{line:.1f} {px + 6:.1f},{line - 1:.1f} "
            f"Q{px:.1f},{line - 1:.1f} {px - 1:.1f},{line - 5:.1f} Q{left + 2:.1f},{line:.1f} {left + 2:.1f},{side:.1f} Z"
        )
    elif style == "wavy":
        front = (
            f"L{right - 2:.1f},{side:.1f} Q{right - 2:.1f},{line:.1f} {cx + hw * 0.5:.1f},{line + 1:.1f} "
            f"Q{cx + hw * 0.25:.1f},{line - 4:.1f} {cx:.1f},{line + 1:.1f} Q{cx - hw * 0.25:.1f},{line - 4:.1f} "
            f"{cx - hw * 0.5:.1f},{line + 1:.1f} Q{left + 2:.1f},{line:.1f} {left + 2:.1f},{side:.1f} Z"
        )
    elif style in ("bouffant", "bob", "bun", "curls"):
        front = (
            f"L{right - 1:.1f},{cy + hh * 0.1:.1f} Q{right - 4:.1f},{line - 2:.1f} {cx - hw * 0.1:.1f},{line:.1f} "
            f"Q{left + 3:.1f},{line + 2:.1f} {left + 1:.1f},{cy + hh * 0.1:.1f} Z"
        )
    else:  # crew cut, slicked back: a plain hairline
        front = (
            f"L{right - 2:.1f},{side:.1f} Q{right - 3:.1f},{line:.1f} {cx:.1f},{line:.1f} "
            f"Q{left + 3:.1f},{line:.1f} {left + 2:.1f},{side:.1f} Z"
        )
    out = [f'<path d="{crown} {front}" {fill}/>']
    if style == "slick":
        out.append(
            f'<path d="M{cx - hw * 0.5:.1f},{top + 3:.1f} Q{cx:.1f},{top:.1f} {cx + hw * 0.6:.1f},{top + 4:.1f}" '
            f'stroke="{LIGHT}" stroke-opacity="0.35" stroke-width="1.4" fill="none"/>'
        )
    if style == "part":
        px = cx - hw * 0.45
        out.append(
            f'<path d="M{px - 1:.1f},{line - 5:.1f} Q{px + 1:.1f},{top + 4:.1f} {px + 3:.1f},{top:.1f}" '
            f'stroke="{LINE}" stroke-width="0.6" fill="none"/>'
        )
    if style == "bun":
        out.insert(0, f'<circle cx="{cx:.1f}" cy="{top - 3:.1f}" r="{hw * 0.45:.1f}" {fill}/>')
    if style == "curls":
        for k in (-0.7, -0.35, 0.0, 0.35, 0.7):
            out.append(f'<circle cx="{cx + k * hw:.1f}" cy="{top + 1 + abs(k) * 5:.1f}" r="4" {fill}/>')
    return out


def portrait(crew_id: str, size: int, female: bool = False, accent: tuple[int, int, int] = ACCENT) -> pygame.Surface:
    """The portrait of `crew_id`, size x size pixels, made once per (id, size, look)."""
    size = max(8, int(size))
    key = (crew_id, size, female, tuple(accent))
    if key not in _CACHE:
        svg = portrait_svg(crew_id, female, accent).encode()
        _CACHE[key] = pygame.image.load_sized_svg(io.BytesIO(svg), (size, size))
    return _CACHE[key]


def crew_portrait(rules: Any, crew_id: str, size: int) -> pygame.Surface:
    """A crew member's portrait as the ruleset describes them: their traits and their side's colour."""
    member = rules.crews.get(crew_id)
    female = member is not None and any(t in FEMALE_TRAITS for t in member.traits)
    colours = {side.id: tuple(side.color) for side in rules.sides}
    accent = colours.get(member.side, ACCENT) if member is not None else ACCENT
    return portrait(crew_id, size, female, accent)  # type: ignore[arg-type]


def forget() -> None:
    _CACHE.clear()
