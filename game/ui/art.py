"""Pictures of hardware: SVG drawings found by convention in the scenario's packages, rasterized once per size.

A package draws a hardware item `<id>` for side `<side>` in `art/<side>/<id>.svg`, and for every side in
`art/<id>.svg`. The topmost layer (the last mod) that has either wins, the side's drawing first, so a mod can
redraw a campaign's rocket or bring pictures for its own hardware. An item with no drawing, or whose
drawing is missing, too big or does not parse, is drawn with the shipped generic drawing of its kind
(`assets/art/generic/<kind>.svg`) and a warning is logged once: never a crash.

One SVG unit is ten centimetres (a 30 m rocket is 300 units tall), so a stack puts every piece at its
true scale. Drawings use only what SDL_image's nanosvg draws: paths, basic shapes, fills, strokes and
gradients (percent or userSpaceOnUse coordinates); no text, filters, masks or CSS.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pygame

from game.content.art import ART_DIR, MAX_ART_BYTES
from game.resources import shipped
from game.ui.draw import colour

log = logging.getLogger(__name__)

GENERIC = shipped("assets") / "art" / "generic"
DEFAULT_KIND = "other"
# The order pieces sit in a stack, bottom to top, by kind; a kind not listed sits just under the capsule.
STACK_ORDER = {
    "launcher": 0,
    "target": 1,
    "adapter": 2,
    "station": 3,
    "payload": 4,
    "probe": 4,
    "lander": 5,
    "capsule": 7,
}
UNSTACKED = frozenset({"suit"})  # worn inside: not a piece of the stack
FADED = colour("faded")  # multiplied into a picture: a quarter of its light, a third of its opacity
ROW_PICTURE = 34  # unscaled size of the pictures in a list's rows (hardware and crews): what warm-up makes
SMALLEST_SHARE = 0.07  # the least share of a stack's height a piece gets, so a Sputnik on a Saturn still shows
_VIEWBOX = re.compile(
    rb"""<svg\b[^>]*?\bviewBox\s*=\s*["']\s*([-\d.eE+]+)[\s,]+([-\d.eE+]+)[\s,]+([\d.eE+]+)[\s,]+([\d.eE+]+)""", re.S
)

# (rules' identity) -> package folders, bottom layer first
_FOLDERS: dict[tuple[str, str, tuple[str, ...]], tuple[Path, ...]] = {}
_RASTERS: dict[tuple[Path, int, int], pygame.Surface | None] = {}
_STACKS: dict[tuple[Any, ...], pygame.Surface] = {}
_SQUARES: dict[tuple[Any, ...], pygame.Surface] = {}
_DATA: dict[Path, bytes | None] = {}
_FADED: dict[int, tuple[pygame.Surface, pygame.Surface]] = {}
_WARNED: set[Path] = set()


def _rules_key(rules: Any) -> tuple[str, str, tuple[str, ...]]:
    return (rules.id, rules.fingerprint, tuple(rules.mods))


def use_folders(rules: Any, folders: Iterable[Path]) -> None:
    """Tell the art where the packages of `rules` are (bottom layer first): the scenario loaded knows its layers."""
    _FOLDERS[_rules_key(rules)] = tuple(Path(f) for f in folders)


def folders(rules: Any) -> tuple[Path, ...]:
    """The package folders whose art `rules` show: as told by `use_folders`, else the installed packages of its ids
    (a game rebuilt from a save knows only those ids; a package no longer installed brings no art)."""
    key = _rules_key(rules)
    if key not in _FOLDERS:
        from game.content.packages import discover

        try:
            found, _ = discover()
        except OSError:
            found = {}
        _FOLDERS[key] = tuple(found[p].path for p in (rules.id, *rules.mods) if p in found)
    return _FOLDERS[key]


def candidates(package_folders: Sequence[Path], side_id: str, hardware_id: str) -> list[Path]:
    """Where a drawing of `hardware_id` for `side_id` may be, first choice first."""
    out: list[Path] = []
    for folder in reversed(package_folders):
        out += [folder / ART_DIR / side_id / f"{hardware_id}.svg", folder / ART_DIR / f"{hardware_id}.svg"]
    return out


def generic_path(kind: str) -> Path:
    path = GENERIC / f"{kind}.svg"
    return path if path.is_file() else GENERIC / f"{DEFAULT_KIND}.svg"


def svg_problem(path: Path) -> str:
    """Why `path` cannot be a drawing ("" if it can): read and parsed exactly as the art loader does."""
    return _read(path)[1]


def _read(path: Path) -> tuple[bytes | None, str]:
    """The file's bytes, or None and why not. Looked at before opening, so a named pipe never blocks."""
    try:
        st = os.stat(path)
    except OSError:
        return None, "no such file"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file"
    if st.st_size > MAX_ART_BYTES:
        return None, f"{st.st_size} bytes, the limit for a drawing is {MAX_ART_BYTES}"
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, f"cannot be read ({e.strerror or e})"
    if b"<svg" not in data[:4096]:
        return None, "not an SVG drawing (no <svg> element at its start)"
    try:
        surf = pygame.image.load_sized_svg(io.BytesIO(data), (16, 16))
    except (pygame.error, ValueError) as e:
        return None, f"does not parse as SVG ({e})"
    if surf.get_bounding_rect().width == 0:
        return None, "draws nothing"
    return data, ""


def _data(path: Path) -> bytes | None:
    if path not in _DATA:
        data, problem = _read(path)
        if problem and path not in _WARNED:
            _WARNED.add(path)
            log.warning("%s: %s; the generic drawing is used instead", path, problem)
        _DATA[path] = data
    return _DATA[path]


def art_path(rules: Any, side_id: str, hardware_id: str) -> Path:
    """The drawing shown for `hardware_id` of `side_id`: its own if it has a usable one, else its kind's generic one."""
    for path in candidates(folders(rules), side_id, hardware_id):
        if path.exists() or path.is_symlink():
            if _data(path) is not None:
                return path
            break  # a broken drawing is not silently replaced by a lower layer's: the warning says why
    hw = rules.hardware.get(hardware_id)
    return generic_path(hw.kind if hw is not None and hw.kind else DEFAULT_KIND)


def natural_size(path: Path) -> tuple[float, float]:
    """Width and height of a drawing in SVG units (tenths of a metre), from its viewBox."""
    data = _data(path) or b""
    m = _VIEWBOX.search(data[:4096])
    if not m:
        return 10.0, 10.0
    w, h = float(m.group(3)), float(m.group(4))
    return (w, h) if w > 0 and h > 0 else (10.0, 10.0)


def raster(path: Path, width: int, height: int) -> pygame.Surface:
    """The drawing fitted inside width x height (its proportions kept), made once per (file, size)."""
    width, height = max(1, int(width)), max(1, int(height))
    key = (path, width, height)
    if key not in _RASTERS:
        data = _data(path)
        surf = None
        if data is not None:
            try:
                surf = pygame.image.load_sized_svg(io.BytesIO(data), (width, height))
            except (pygame.error, ValueError):
                surf = None
        if surf is None and path != generic_path(DEFAULT_KIND):
            surf = raster(generic_path(DEFAULT_KIND), width, height)
        _RASTERS[key] = surf if surf is not None else pygame.Surface((width, height), pygame.SRCALPHA)
    return _RASTERS[key]  # type: ignore[return-value]


def hardware_surface(rules: Any, side_id: str, hardware_id: str, size: int) -> pygame.Surface:
    """A size x size picture of one hardware item as `side_id` builds it, centred, on a transparent ground.
    Made once per (side, item, size)."""
    size = max(1, int(size))
    key = (_rules_key(rules), side_id, hardware_id, size)
    if key not in _SQUARES:
        pic = raster(art_path(rules, side_id, hardware_id), size, size)
        if pic.get_size() != (size, size):
            square = pygame.Surface((size, size), pygame.SRCALPHA)
            square.blit(pic, pic.get_rect(center=(size // 2, size // 2)))
            pic = square
        _SQUARES[key] = pic
    return _SQUARES[key]


def hardware_fit(rules: Any, side_id: str, hardware_id: str, width: int, height: int) -> pygame.Surface:
    """One hardware item as large as fits in width x height, its proportions kept (a rocket stays tall)."""
    return raster(art_path(rules, side_id, hardware_id), width, height)


def _kind(rules: Any, hardware_id: str) -> str:
    hw = rules.hardware.get(hardware_id)
    return hw.kind if hw is not None and hw.kind else DEFAULT_KIND


def stack_order(rules: Any, hardware_ids: Sequence[str]) -> list[str]:
    """The pieces of one stack from the pad up: the launcher first, the crew's capsule on top; suits are left out."""
    pieces = [h for h in hardware_ids if _kind(rules, h) not in UNSTACKED]
    return sorted(pieces, key=lambda h: STACK_ORDER.get(_kind(rules, h), 6))


def stacks(rules: Any, hardware_ids: Sequence[str]) -> list[list[str]]:
    """The rockets a mission launches, each from the pad up. In the mission's slot order a piece rides on the
    launcher listed before it (a docking target on its own rocket, then the crew's); pieces listed before any
    launcher ride on the first one."""
    groups: list[list[str]] = []
    loose: list[str] = []
    for h in hardware_ids:
        if _kind(rules, h) == "launcher":
            groups.append([h])
        elif groups:
            groups[-1].append(h)
        else:
            loose.append(h)
    if not groups:
        groups = [[]]
    groups[0] += loose
    return [order for g in groups if (order := stack_order(rules, g))]


def stack_surface(rules: Any, side_id: str, hardware_ids: list[str], height: int) -> pygame.Surface:
    """What a mission flies, `height` pixels tall: each rocket's pieces one on another at true scale, rockets
    side by side at one scale (see `stacks`), on a transparent ground. Made once per (side, pieces, height).

    Pieces much smaller than the tallest rocket are enlarged to a least share of its height so each can be seen.
    """
    height = max(1, int(height))
    key = (_rules_key(rules), side_id, tuple(hardware_ids), height)
    if key in _STACKS:
        return _STACKS[key]
    groups = [[art_path(rules, side_id, h) for h in g] for g in stacks(rules, hardware_ids)]
    if not groups:
        _STACKS[key] = pygame.Surface((1, height), pygame.SRCALPHA)
        return _STACKS[key]
    sizes = [[natural_size(p) for p in g] for g in groups]
    floor = max(sum(h for _, h in g) for g in sizes) * SMALLEST_SHARE
    shown = [[max(h, floor) for _, h in g] for g in sizes]  # heights in units, small pieces raised to the floor
    scale = height / max(sum(g) for g in shown)
    columns = [
        [
            raster(path, max(1, round(w * sh / h * scale)), max(1, round(sh * scale)))
            for path, (w, h), sh in zip(g, gs, gh, strict=True)
        ]
        for g, gs, gh in zip(groups, sizes, shown, strict=True)
    ]
    widths = [max(p.get_width() for p in col) for col in columns]
    gap = max(2, round(max(widths) * 0.25)) if len(columns) > 1 else 0
    out = pygame.Surface((sum(widths) + gap * (len(columns) - 1), height), pygame.SRCALPHA)
    x = 0
    for col, width in zip(columns, widths, strict=True):
        y = height
        for pic in col:
            y -= pic.get_height()
            out.blit(pic, (x + (width - pic.get_width()) // 2, y))
        x += width + gap
    _STACKS[key] = out
    return out


def stack_fit(rules: Any, side_id: str, hardware_ids: list[str], width: int, height: int) -> pygame.Surface:
    """The stack as tall as fits in width x height (a wide pair of rockets gets shorter)."""
    pic = stack_surface(rules, side_id, hardware_ids, height)
    if pic.get_width() <= width:
        return pic
    return stack_surface(rules, side_id, hardware_ids, max(1, height * width // pic.get_width()))


def faded(surf: pygame.Surface) -> pygame.Surface:
    """A dimmed copy of a cached picture (locked hardware, a crew member who is gone), made once."""
    got = _FADED.get(id(surf))
    if got is None or got[0] is not surf:
        dim = surf.copy()
        dim.fill(FADED, special_flags=pygame.BLEND_RGBA_MULT)
        got = _FADED[id(surf)] = (surf, dim)
    return got[1]


def warm(rules: Any, side_id: str, hardware_ids: Iterable[str], size: int) -> None:
    """Rasterize pictures ahead of the screen that shows them, so its first frame does no SVG work."""
    for h in hardware_ids:
        hardware_surface(rules, side_id, h, size)


def forget() -> None:
    """Drop every cached picture and what is known of the packages (tests; a change of scenario files)."""
    _FOLDERS.clear()
    _RASTERS.clear()
    _STACKS.clear()
    _SQUARES.clear()
    _FADED.clear()
    _DATA.clear()
    _WARNED.clear()
