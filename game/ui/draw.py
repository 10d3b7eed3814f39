"""Text and shapes drawn straight onto the window: fonts from assets/, ellipsis and wrapping, side markers, and the
colours of assets/theme.json's palette."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import pygame

from game.resources import shipped

ASSETS = shipped("assets")
FONT_REGULAR = ASSETS / "fonts" / "NotoSans-Regular.ttf"
FONT_BOLD = ASSETS / "fonts" / "NotoSans-Bold.ttf"

# Characters the bundled Noto Sans has no glyph for (scenario texts use some), and what stands in for them.
STAND_INS = str.maketrans(
    {"\u2212": "\u2013", "\u2192": "->", "\u2190": "<-", "\u2191": "^", "\u2193": "v"}
    | {"\u2264": "<=", "\u2265": ">=", "\u2260": "!="}  # a condition's comparison, as the engine words it
)


def clean(s: str) -> str:
    """The text with every character the font lacks replaced by a look-alike it has (never a blank box)."""
    return s.translate(STAND_INS)


Colour = tuple[int, ...]  # (r, g, b) or (r, g, b, a)


@lru_cache(maxsize=1)
def _theme() -> dict:
    import json

    return json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))


def _rgb(hex_text: str) -> Colour:
    """ "#rrggbb" as (r, g, b), "#rrggbbaa" as (r, g, b, a)."""
    return tuple(int(hex_text[i : i + 2], 16) for i in range(1, len(hex_text), 2))


def palette(name: str) -> str | list[str]:
    """A named entry of assets/theme.json's "palette" block as written there (hex text, or a list of it):
    the one place the game's hand-drawn colours are defined."""
    return _theme()["palette"][name]


@lru_cache(maxsize=256)
def colour(name: str) -> Colour:
    """A named colour of the theme's palette as a tuple pygame draws with."""
    entry = palette(name)
    if not isinstance(entry, str):
        raise TypeError(f"palette entry {name!r} is a list: read it with colours()")
    return _rgb(entry)


@lru_cache(maxsize=64)
def colours(name: str) -> tuple[Colour, ...]:
    """A named list of colours of the theme's palette (a flame's layers, the safe palette)."""
    return tuple(_rgb(c) for c in palette(name))


BG = colour("bg")
PANEL = colour("panel")
PANEL_EDGE = colour("panel_edge")
TEXT = colour("text")
DIM = colour("dim")
GOOD = colour("good")
BAD = colour("bad")
WARN = colour("warn")
ACCENT = colour("accent")
FOCUS = colour("focus")
BAR_BACK = colour("bar_back")
OUTLINE = colour("outline")

# Okabe–Ito: distinguishable under the common colour blindnesses.
SAFE_PALETTE = colours("safe_palette")
SHAPES = ("circle", "square", "triangle", "diamond", "star")


def theme_size(object_id: str, element: str = "button") -> int:
    """The font size (at 100 %) assets/theme.json gives a widget with this object id (or its element's)."""
    theme = _theme()
    for block in (object_id, element, "defaults"):
        size = theme.get(block, {}).get("font", {}).get("size")
        if size is not None:
            return int(size)
    return 15


def theme_misc(object_id: str, key: str, default: int) -> int:
    """A number of assets/theme.json's "misc" data for this object id (at 100 %)."""
    return int(_theme().get(object_id, {}).get("misc", {}).get(key, default))


def html(text: str) -> str:
    """Plain text made safe inside pygame_gui's HTML (a text box's markup)."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hex_colour(c: tuple[int, int, int]) -> str:
    """A colour as pygame_gui's HTML writes it (#rrggbb)."""
    return "#{:02x}{:02x}{:02x}".format(*c)


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    return pygame.font.Font(str(FONT_BOLD if bold else FONT_REGULAR), max(6, size))


def fit(text: str, size: int, width: int, bold: bool = False) -> str:
    """The text, cut with an ellipsis so it fits `width` pixels."""
    text = clean(text)
    f = font(size, bold)
    if width <= 0 or f.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(text[:mid] + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


@lru_cache(maxsize=2048)
def shrink(s: str, size: int, width: int, bold: bool = False, least: float = 0.75) -> int:
    """The largest font size from `size` down to `least` of it at which `s` fits `width` pixels on one line
    (the smallest if none does: the text is then cut where it is drawn). Cached: rows are fitted every frame."""
    s = clean(s)
    low = max(6, round(size * least))
    while size > low and font(size, bold).size(s)[0] > width:
        size -= 1
    return size


def text(
    surf: pygame.Surface,
    s: str,
    pos: tuple[int, int],
    size: int = 15,
    color: tuple[int, int, int] = TEXT,
    bold: bool = False,
    width: int = 0,
    align: str = "left",
) -> pygame.Rect:
    img = _rendered(s, size, tuple(color), bold, width)
    r = img.get_rect()
    if align == "center":
        r.midtop = pos
    elif align == "right":
        r.topright = pos
    else:
        r.topleft = pos
    surf.blit(img, r)
    return r


@lru_cache(maxsize=1024)
def _rendered(s: str, size: int, color: tuple[int, ...], bold: bool, width: int) -> pygame.Surface:
    """A line of text as drawn, cut to `width`: rendered once, since screens draw the same lines every frame
    (and a screen built ahead has drawn them before it is first shown). Never drawn onto: shared."""
    s = fit(s, size, width, bold) if width else clean(s)
    return font(size, bold).render(s, True, color)


def _for_sdl(s: str, f: pygame.font.Font, width: int) -> tuple[str, int]:
    """The text and wrap length to hand SDL_ttf so its lines are `width` wide at most and none starts with a
    space: it measures a line with the space after it and, when only that space overflows, breaks before it
    (the space then leads the next line). A space after every line's end and one space's width more room
    make that rule the plain one: the words of a line fit `width`."""
    return clean(s).replace("\n", " \n") + " ", max(1, width) + f.size(" ")[0]


@lru_cache(maxsize=256)
def wrapped(
    s: str, size: int, width: int, color: Colour = TEXT, bold: bool = False, gap: int = 0, align: str = "left"
) -> pygame.Surface:
    """`s` as pygame-ce wraps it (Font.render's wraplength): lines broken at spaces and newlines so none is wider
    than `width` (a word longer than a line is broken inside itself), `gap` pixels added to the font's line
    height, each line at the left or the centre. Cached: a paragraph is laid out once, not every frame."""
    f = font(size, bold)
    base = f.get_linesize()
    f.set_linesize(base + gap)
    f.align = pygame.FONT_CENTER if align == "center" else pygame.FONT_LEFT
    text, length = _for_sdl(s, f, width)
    try:
        return f.render(text, True, color, wraplength=length)
    finally:
        f.set_linesize(base)
        f.align = pygame.FONT_LEFT


@lru_cache(maxsize=4096)
def line_count(s: str, size: int, width: int, bold: bool = False) -> int:
    """How many lines pygame wraps `s` into at `width` pixels (what `wrapped` and `paragraph` draw)."""
    f = font(size, bold)
    text, length = _for_sdl(s, f, width)
    return max(1, f.render(text, True, TEXT, wraplength=length).get_height() // f.get_linesize())


def box_line_height(size: int, bold: bool = False) -> int:
    """The height of a line in a pygame_gui text box at this font size: it spaces lines 1.25 apart (its
    default line_spacing, which the theme keeps)."""
    return math.ceil(font(size, bold).get_linesize() * 1.25)


def breaks_word(s: str, size: int, width: int, bold: bool = False) -> bool:
    """Whether a word of `s` is wider than `width`: pygame would have to break it inside itself."""
    f = font(size, bold)
    return any(f.size(w)[0] > width for w in clean(s).split())


@lru_cache(maxsize=1024)
def cut_to(s: str, size: int, width: int, bold: bool, room: int) -> str:
    """`s` if it wraps into `room` lines; else its words up to the last that fits with " …" after it (a first
    word wider than the line cut with an ellipsis)."""
    s = clean(s)
    if line_count(s, size, width, bold) <= room:
        return s
    words = s.split(" ")
    lo, hi = 0, len(words) - 1
    while lo < hi:  # the most words that still fit with the mark after them
        mid = (lo + hi + 1) // 2
        if line_count(" ".join(words[:mid]) + " …", size, width, bold) <= room:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo]) + " …" if lo else fit(words[0], size, width, bold)


class Block(NamedTuple):
    """A text fitted into a box by `fit_block`: its font size, the text to draw, and whether it had to be cut."""

    size: int
    text: str
    cut: bool


@lru_cache(maxsize=1024)
def fit_block(s: str, width: int, height: int, size: int, bold: bool = False, min_size: int = 9) -> Block:
    """The largest size from `size` down to `min_size` at which `s`, wrapped by pygame to `width`, fits in
    `height` without breaking a word; at the smallest size, `s` cut after the last word that fits ("…"), each
    word wider than the line cut with an ellipsis. Cached: a tile's name is fitted once, not every frame."""
    s = clean(s)
    for sz in range(size, max(6, min_size) - 1, -1):
        if line_count(s, sz, width, bold) * font(sz, bold).get_linesize() <= height and not breaks_word(
            s, sz, width, bold
        ):
            return Block(sz, s, False)
    sz = max(6, min_size)
    room = max(1, height // font(sz, bold).get_linesize())
    whole = " ".join(fit(w, sz, width, bold) for w in s.split(" "))
    return Block(sz, cut_to(whole, sz, width, bold, room), True)


def paragraph(
    surf: pygame.Surface,
    s: str,
    rect: pygame.Rect,
    size: int = 15,
    color: Colour = TEXT,
    bold: bool = False,
    gap: int = 2,
    align: str = "left",
) -> int:
    """`s` wrapped by pygame inside `rect` (centred lines with align="center"), cut after the last word that
    fits its height with " …"; returns the height used."""
    lh = font(size, bold).get_linesize() + gap
    room = rect.height // lh
    if room <= 0:
        return 0
    shown = cut_to(s, size, rect.width, bold, room)
    img = wrapped(shown, size, rect.width, color, bold, gap, align)
    if align == "center":
        surf.blit(img, img.get_rect(midtop=(rect.centerx, rect.y)))
    else:
        surf.blit(img, rect.topleft)
    return line_count(shown, size, rect.width, bold) * lh


def panel(
    surf: pygame.Surface, rect: pygame.Rect, title: str = "", size: int = 15, fill: tuple[int, int, int] = PANEL
) -> pygame.Rect:
    pygame.draw.rect(surf, fill, rect, border_radius=6)
    pygame.draw.rect(surf, PANEL_EDGE, rect, 1, border_radius=6)
    if title:
        text(surf, title, (rect.x + 10, rect.y + 6), size, ACCENT, True, rect.width - 20)
        return pygame.Rect(
            rect.x + 10,
            rect.y + 12 + font(size, True).get_linesize(),
            rect.width - 20,
            rect.height - 18 - font(size, True).get_linesize(),
        )
    return rect.inflate(-20, -16)


def bar(
    surf: pygame.Surface,
    rect: pygame.Rect,
    frac: float,
    color: tuple[int, int, int],
    back: tuple[int, int, int] = BAR_BACK,
    mark: float | None = None,
) -> None:
    pygame.draw.rect(surf, back, rect, border_radius=3)
    w = int(rect.width * max(0.0, min(1.0, frac)))
    if w:
        pygame.draw.rect(surf, color, (rect.x, rect.y, w, rect.height), border_radius=3)
    if mark is not None:
        x = rect.x + int(rect.width * max(0.0, min(1.0, mark)))
        pygame.draw.line(surf, TEXT, (x, rect.y - 2), (x, rect.bottom + 1), 2)


def marker(surf: pygame.Surface, shape: str, center: tuple[int, int], r: int, color: tuple[int, int, int]) -> None:
    """A side's shape, so sides differ by more than colour."""
    x, y = center
    if shape == "circle":
        pygame.draw.circle(surf, color, center, r)
    elif shape == "square":
        pygame.draw.rect(surf, color, (x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2))
    elif shape == "triangle":
        pygame.draw.polygon(surf, color, [(x, y - r), (x + r, y + r - 1), (x - r, y + r - 1)])
    elif shape == "diamond":
        pygame.draw.polygon(surf, color, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
    else:
        import math

        pts = []
        for i in range(10):
            rad = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        pygame.draw.polygon(surf, color, pts)
    pygame.draw.circle(surf, OUTLINE, center, r + 1, 1) if shape == "circle" else None


def _simulate(c: tuple[int, int, int], kind: str) -> tuple[float, float, float]:
    """Rough colour-vision-deficiency simulation (Viénot/Brettel matrices on sRGB)."""
    r, g, b = c
    if kind == "protan":
        return (0.567 * r + 0.433 * g, 0.558 * r + 0.442 * g, 0.242 * g + 0.758 * b)
    if kind == "deutan":
        return (0.625 * r + 0.375 * g, 0.7 * r + 0.3 * g, 0.3 * g + 0.7 * b)
    if kind == "tritan":
        return (0.95 * r + 0.05 * g, 0.433 * g + 0.567 * b, 0.475 * g + 0.525 * b)
    return (float(r), float(g), float(b))


def too_close(a: tuple[int, int, int], b: tuple[int, int, int], limit: float = 80.0) -> bool:
    for kind in ("normal", "protan", "deutan", "tritan"):
        pa, pb = _simulate(a, kind), _simulate(b, kind)
        if sum((x - y) ** 2 for x, y in zip(pa, pb, strict=True)) ** 0.5 < limit:
            return True
    return False


def side_colours(colours: list[tuple[int, int, int]], force_safe: bool = False) -> list[tuple[int, int, int]]:
    """The ruleset's side colours, or the safe palette if any two are hard to tell apart."""
    clash = any(too_close(colours[i], colours[j]) for i in range(len(colours)) for j in range(i + 1, len(colours)))
    if force_safe or clash:
        return [SAFE_PALETTE[i % len(SAFE_PALETTE)] for i in range(len(colours))]
    return [tuple(c) for c in colours]  # type: ignore[misc]
