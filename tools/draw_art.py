"""Writes the default campaign's hardware drawings (SVG) and the generic ones: the source of that art.

    python tools/draw_art.py   # rewrites scenarios/race_1955/art/, scenarios/europe/art/, scenarios/china_1966/art/ and assets/art/generic/

Every drawing is made here from a few shapes (cylinders, cones, fins, panels) at true scale, one SVG
unit being ten centimetres, in one flat 1960s style: light from the left, a horizontal gradient per
material, thin dark outlines. Only what SDL_image's nanosvg draws is used: rect, circle, ellipse,
path and polygon, solid fills, strokes and linear gradients in percent. The files it writes are
committed, so the game never runs this.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "scenarios" / "race_1955" / "art"
GENERIC = ROOT / "assets" / "art" / "generic"

# material -> (light, mid, dark) across a cylinder, lit from the left
MATERIALS = {
    "white": ("#fbfbf7", "#e4e5e0", "#9ea3a8"),
    "black": ("#5a5e66", "#2b2e33", "#101214"),
    "silver": ("#f2f5f7", "#c3cad0", "#7c8790"),
    "steel": ("#dfe5ea", "#a9b3bb", "#5d6870"),
    "green": ("#c8cfb4", "#a2ab8a", "#5f6a4c"),
    "grey": ("#d5d8d6", "#aeb3b1", "#6c7270"),
    "dark": ("#6b6f73", "#45484c", "#222426"),
    "gold": ("#fff0a8", "#e0b848", "#8a6414"),
    "copper": ("#f0c09a", "#c7834e", "#7a4620"),
    "panel": ("#5876b8", "#2c4584", "#14224a"),
    "red": ("#ff8a70", "#d83a25", "#7d1508"),
    "orange": ("#ffc27a", "#ef8a2a", "#8a4308"),
    "blue": ("#a9c8ff", "#4f7fd0", "#1d3f80"),
}
LINE = "#1b1e22"


class Drawing:
    """One SVG: width and height in units (tenths of a metre), the pad (or the drawing's foot) at the bottom."""

    def __init__(self, width: float, height: float) -> None:
        self.w, self.h = width, height
        self.cx = width / 2
        self.parts: list[str] = []
        self.used: set[str] = set()
        self.stroke = max(0.25, min(width, height) / 120)

    # ------------------------------------------------------------------ primitives
    def fill(self, material: str) -> str:
        if material.startswith("#"):
            return material
        self.used.add(material)
        return f"url(#{material})"

    def _add(self, tag: str, attrs: str, material: str, stroke: bool = True, width: float | None = None) -> None:
        sw = self.stroke if width is None else width
        outline = f' stroke="{LINE}" stroke-width="{sw:.2f}" stroke-linejoin="round"' if stroke else ""
        self.parts.append(f'<{tag} {attrs} fill="{self.fill(material)}"{outline}/>')

    def poly(self, points: list[tuple[float, float]], material: str, stroke: bool = True) -> None:
        pts = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        self._add("polygon", f'points="{pts}"', material, stroke)

    def path(self, d: str, material: str, stroke: bool = True) -> None:
        self._add("path", f'd="{d}"', material, stroke)

    def rect(self, x: float, y: float, w: float, h: float, material: str, stroke: bool = True) -> None:
        self._add("rect", f'x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}"', material, stroke)

    def circle(self, x: float, y: float, r: float, material: str, stroke: bool = True) -> None:
        self._add("circle", f'cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}"', material, stroke)

    def ellipse(self, x: float, y: float, rx: float, ry: float, material: str, stroke: bool = True) -> None:
        self._add("ellipse", f'cx="{x:.2f}" cy="{y:.2f}" rx="{rx:.2f}" ry="{ry:.2f}"', material, stroke)

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = LINE, width: float | None = None) -> None:
        sw = self.stroke if width is None else width
        self.parts.append(
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="{color}" stroke-width="{sw:.2f}" '
            'stroke-linecap="round"/>'
        )

    # ------------------------------------------------------------------ rocket parts (cx centred, y grows down)
    def cyl(self, bottom: float, height: float, width: float, material: str, cx: float | None = None) -> float:
        """A cylinder standing on `bottom`; returns its top."""
        c = self.cx if cx is None else cx
        self.rect(c - width / 2, bottom - height, width, height, material)
        return bottom - height

    def taper(
        self, bottom: float, height: float, w_bottom: float, w_top: float, material: str, cx: float | None = None
    ) -> float:
        c = self.cx if cx is None else cx
        self.poly(
            [
                (c - w_bottom / 2, bottom),
                (c + w_bottom / 2, bottom),
                (c + w_top / 2, bottom - height),
                (c - w_top / 2, bottom - height),
            ],
            material,
        )
        return bottom - height

    def nose(
        self, bottom: float, height: float, width: float, material: str, cx: float | None = None, blunt: float = 0.0
    ) -> float:
        """An ogive nose cone; `blunt` is the width of its flat tip."""
        c = self.cx if cx is None else cx
        r, t, top = width / 2, blunt / 2, bottom - height
        self.path(
            f"M{c - r:.2f},{bottom:.2f} C{c - r:.2f},{bottom - height * 0.55:.2f} {c - t - r * 0.25:.2f},"
            f"{top + height * 0.08:.2f} {c - t:.2f},{top:.2f} L{c + t:.2f},{top:.2f} "
            f"C{c + t + r * 0.25:.2f},{top + height * 0.08:.2f} {c + r:.2f},{bottom - height * 0.55:.2f} "
            f"{c + r:.2f},{bottom:.2f} Z",
            material,
        )
        return top

    def bell(
        self, top: float, height: float, w_top: float, w_bottom: float, cx: float | None = None, material: str = "dark"
    ) -> None:
        """An engine bell hanging from `top`."""
        c = self.cx if cx is None else cx
        b = top + height
        self.path(
            f"M{c - w_top / 2:.2f},{top:.2f} L{c + w_top / 2:.2f},{top:.2f} "
            f"Q{c + w_top / 2:.2f},{top + height * 0.6:.2f} {c + w_bottom / 2:.2f},{b:.2f} "
            f"L{c - w_bottom / 2:.2f},{b:.2f} Q{c - w_top / 2:.2f},{top + height * 0.6:.2f} "
            f"{c - w_top / 2:.2f},{top:.2f} Z",
            material,
        )

    def fins(
        self,
        bottom: float,
        body: float,
        span: float,
        height: float,
        material: str,
        sweep: float = 0.5,
        front: bool = True,
    ) -> None:
        """A pair of fins at the sides of a body `body` wide (and one seen edge-on in front if `front`)."""
        c = self.cx
        for s in (-1, 1):
            root = c + s * body / 2
            tip = c + s * (body / 2 + span)
            self.poly(
                [
                    (root, bottom - height),
                    (tip, bottom - height * (1 - sweep)),
                    (tip, bottom + height * 0.05),
                    (root, bottom),
                ],
                material,
            )
        if front:
            self.rect(c - body * 0.06, bottom - height * 0.95, body * 0.12, height + height * 0.03, material)

    def bands(self, top: float, height: float, width: float, material: str, cx: float | None = None) -> None:
        c = self.cx if cx is None else cx
        self.rect(c - width / 2, top, width, height, material)

    def roll_pattern(self, top: float, height: float, width: float, cx: float | None = None) -> None:
        """The black and white quarters painted on a stage to show its roll on film."""
        c = self.cx if cx is None else cx
        self.rect(c - width / 2, top, width / 4, height, "black")
        self.rect(c + width / 4, top, width / 4, height, "black")

    def truss(self, bottom: float, height: float, w_bottom: float, w_top: float) -> float:
        """An open lattice between stages (the R-7's upper stages fired through one)."""
        c, top = self.cx, bottom - height
        n = 4
        for i in range(n + 1):
            xb = c - w_bottom / 2 + w_bottom * i / n
            xt = c - w_top / 2 + w_top * i / n
            self.line(xb, bottom, xt, top, "#3c4146", self.stroke * 1.6)
        for i in range(n):
            self.line(
                c - w_bottom / 2 + w_bottom * i / n,
                bottom,
                c - w_top / 2 + w_top * (i + 1) / n,
                top,
                "#3c4146",
                self.stroke,
            )
        return top

    def panel(self, x: float, y: float, w: float, h: float, cells: int = 4) -> None:
        """A solar panel with its cell lines."""
        self.rect(x, y, w, h, "panel")
        horizontal = w >= h
        for i in range(1, cells):
            if horizontal:
                self.line(x + w * i / cells, y, x + w * i / cells, y + h, "#8aa6dd", self.stroke * 0.6)
            else:
                self.line(x, y + h * i / cells, x + w, y + h * i / cells, "#8aa6dd", self.stroke * 0.6)

    def dish(self, x: float, y: float, r: float, facing: float = 1.0) -> None:
        """A parabolic antenna seen from the side, opening towards `facing` (+1 right, -1 left)."""
        self.path(f"M{x:.2f},{y - r:.2f} Q{x - facing * r * 0.9:.2f},{y:.2f} {x:.2f},{y + r:.2f} Z", "white")
        self.line(x, y, x + facing * r * 0.6, y, LINE)

    def strapon(
        self, bottom: float, length: float, w_bottom: float, side: int, cx_core: float, core_w: float, material: str
    ) -> None:
        """One of the R-7's conical strap-on boosters, leaning on the core's side."""
        inner = cx_core + side * core_w / 2
        outer = inner + side * w_bottom
        top = bottom - length
        self.path(
            f"M{inner:.2f},{bottom:.2f} L{outer:.2f},{bottom:.2f} "
            f"C{outer:.2f},{bottom - length * 0.45:.2f} {inner + side * w_bottom * 0.35:.2f},"
            f"{top + length * 0.2:.2f} {inner:.2f},{top:.2f} Z",
            material,
        )
        for k in (0.25, 0.6):
            self.bell(bottom, 6, w_bottom * 0.22, w_bottom * 0.3, inner + side * w_bottom * k)

    def svg(self) -> str:
        defs = []
        for name in sorted(self.used):
            a, b, c = MATERIALS[name]
            defs.append(
                f'<linearGradient id="{name}" x1="0%" y1="0%" x2="100%" y2="0%">'
                f'<stop offset="0%" stop-color="{b}"/><stop offset="28%" stop-color="{a}"/>'
                f'<stop offset="100%" stop-color="{c}"/></linearGradient>'
            )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w:g}" height="{self.h:g}" '
            f'viewBox="0 0 {self.w:g} {self.h:g}">\n<defs>{"".join(defs)}</defs>\n'
            + "\n".join(self.parts)
            + "\n</svg>\n"
        )


DRAWINGS: dict[str, Callable[[], Drawing]] = {}


def drawing(name: str) -> Callable[[Callable[[], Drawing]], Callable[[], Drawing]]:
    """Registers a drawing under `art/` path `name` (`us/moon_rocket`, `lunar_rover`, `generic/launcher`) of the
    campaign, or of another package as `<package>:<path>` (`europe:europe/light_launcher`)."""

    def wrap(fn: Callable[[], Drawing]) -> Callable[[], Drawing]:
        DRAWINGS[name] = fn
        return fn

    return wrap


def main() -> int:
    import tools.art_china
    import tools.art_europe
    import tools.art_launchers
    import tools.art_payloads
    import tools.draw_art as lib  # the module they registered with (this file runs as __main__)

    assert tools.art_launchers and tools.art_payloads and tools.art_europe and tools.art_china
    for name, fn in sorted(lib.DRAWINGS.items()):
        if name.startswith("generic/"):
            target = GENERIC / name.removeprefix("generic/")
        elif ":" in name:  # another package's drawing: "<package>:<path in its art folder>"
            package, path = name.split(":", 1)
            target = ROOT / "scenarios" / package / "art" / path
        else:
            target = ART / name
        target = target.with_suffix(".svg")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fn().svg())
    print(f"{len(lib.DRAWINGS)} drawings written")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
