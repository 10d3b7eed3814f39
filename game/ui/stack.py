"""A stand-in drawing of a flight's stack (launcher stages, then what rides on them), until `game.ui.art` lands.

`stack_surface` has the signature of art.py's, so the launch show switches to the real drawings by changing
one import. Shapes follow the hardware's `kind` (launcher, capsule, lander, probe...), sizes its cost.
"""

from __future__ import annotations

from typing import Any

import pygame

# (relative height, relative width) of a piece by its hardware kind; 0 height: not part of the stack
_SHAPE: dict[str, tuple[float, float]] = {
    "launcher": (3.2, 0.5),
    "capsule": (0.75, 0.5),
    "lander": (0.8, 0.75),
    "probe": (0.55, 0.45),
    "payload": (0.5, 0.4),
    "station": (1.1, 0.55),
    "adapter": (0.25, 0.4),
    "suit": (0.0, 0.0),
    "target": (0.0, 0.0),
}
METAL = (214, 218, 224)
DARK = (70, 76, 88)


def _kind(rules: Any, hw: str) -> str:
    h = rules.hardware.get(hw)
    return h.kind if h is not None else "other"


def stack_surface(rules: Any, side_id: str, hardware_ids: list[str] | tuple[str, ...], height: int) -> pygame.Surface:
    """The stack standing upright, launcher at the bottom, `height` pixels tall, on a transparent surface."""
    pieces = sorted(
        (hw for hw in hardware_ids if _SHAPE.get(_kind(rules, hw), (0.6, 0.45))[0] > 0),
        key=lambda hw: 0 if _kind(rules, hw) == "launcher" else 1,
    )
    try:
        side = rules.side(side_id)
        band = tuple(side.color)
    except (KeyError, AttributeError):
        band = (200, 60, 60)
    sizes = [_size(rules, hw) for hw in pieces] or [(0.6, 0.45)]
    unit = height / sum(h for h, _ in sizes)
    width = max(8, int(max(w for _, w in sizes) * unit * 1.9))
    surf = pygame.Surface((width, max(1, height)), pygame.SRCALPHA)
    y = float(height)
    cx = width // 2
    for hw, (rh, rw) in zip(pieces, sizes, strict=False):
        h = rh * unit
        w = rw * unit
        rect = pygame.Rect(int(cx - w / 2), int(y - h), max(2, int(w)), max(2, int(h)))
        _DRAW.get(_kind(rules, hw), _box)(surf, rect, band)  # type: ignore[arg-type]
        y -= h
    return surf


def _size(rules: Any, hw: str) -> tuple[float, float]:
    kind = _kind(rules, hw)
    rh, rw = _SHAPE.get(kind, (0.6, 0.45))
    if kind == "launcher":  # a bigger rocket is a taller one
        cost = getattr(rules.hardware.get(hw), "unit_cost", 10)
        rh *= 0.7 + min(1.0, cost / 50) * 0.8
    return rh, rw


def _launcher(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    stages = 1 + (r.height > r.width * 5) + (r.height > r.width * 7)
    body = r.inflate(-r.width // 5, 0)
    pygame.draw.rect(surf, METAL, body)
    for k in range(1, stages):
        y = body.bottom - body.height * k // stages
        pygame.draw.line(surf, DARK, (body.left, y), (body.right - 1, y), max(1, r.width // 12))
    pygame.draw.rect(surf, band, (body.left, body.bottom - body.height // 6, body.width, max(2, body.height // 30)))
    fin = r.width // 3
    for sign in (-1, 1):
        base_x = body.left if sign < 0 else body.right - 1
        pygame.draw.polygon(
            surf, DARK, [(base_x, body.bottom - fin * 2), (base_x + sign * fin, body.bottom), (base_x, body.bottom)]
        )
    pygame.draw.rect(surf, DARK, body, 1)


def _capsule(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    pygame.draw.polygon(
        surf,
        METAL,
        [(r.left, r.bottom), (r.right, r.bottom), (r.centerx + r.width // 6, r.top), (r.centerx - r.width // 6, r.top)],
    )
    pygame.draw.polygon(
        surf,
        DARK,
        [(r.left, r.bottom), (r.right, r.bottom), (r.centerx + r.width // 6, r.top), (r.centerx - r.width // 6, r.top)],
        1,
    )
    pygame.draw.circle(surf, band, (r.centerx, r.centery + r.height // 6), max(2, r.width // 8))


def _lander(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    top = pygame.Rect(r.x + r.width // 4, r.y, r.width // 2, r.height // 2)
    pygame.draw.rect(surf, (200, 190, 140), top)
    pygame.draw.rect(surf, DARK, top, 1)
    base = pygame.Rect(r.x + r.width // 6, r.y + r.height // 2, r.width * 2 // 3, r.height // 4)
    pygame.draw.rect(surf, (190, 150, 60), base)
    for sign in (-1, 1):
        x0 = base.centerx + sign * base.width // 2
        pygame.draw.line(surf, DARK, (x0, base.bottom), (r.centerx + sign * r.width // 2, r.bottom - 1), 2)


def _probe(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    c = r.center
    rad = max(2, min(r.width, r.height) // 3)
    for k in (-1, 1):
        pygame.draw.line(surf, DARK, c, (c[0] + k * r.width // 2, r.top), 1)
    pygame.draw.circle(surf, METAL, c, rad)
    pygame.draw.circle(surf, band, c, max(1, rad // 3))


def _station(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    body = r.inflate(-r.width // 3, 0)
    pygame.draw.rect(surf, METAL, body, border_radius=max(1, body.width // 4))
    panel = pygame.Rect(r.x, r.y + r.height // 3, r.width, max(2, r.height // 6))
    pygame.draw.rect(surf, (60, 90, 160), panel)
    pygame.draw.rect(surf, band, (body.x, body.y + body.height // 8, body.width, max(2, body.height // 20)))


def _box(surf: pygame.Surface, r: pygame.Rect, band: tuple[int, int, int]) -> None:
    pygame.draw.rect(surf, METAL, r.inflate(-r.width // 6, 0))
    pygame.draw.rect(surf, band, r.inflate(-r.width // 6, -r.height * 2 // 3))


_DRAW = {
    "launcher": _launcher,
    "capsule": _capsule,
    "lander": _lander,
    "probe": _probe,
    "payload": _probe,
    "station": _station,
}
