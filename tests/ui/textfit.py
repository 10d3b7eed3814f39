"""Measuring a drawn frame: every text against its box, every widget's label against the widget, and overlaps.

`Measure` wraps the drawing helpers of `game.ui.draw` while a frame is rendered and records each text with the
font and box it was drawn in; `problems()` then names what was cut, what left the window, and what sits on what.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pygame
import pygame_gui

SLACK = 2  # pixels two rectangles may share before they count as overlapping (anti-aliasing, rounding)


@dataclass
class Drawn:
    text: str
    rect: pygame.Rect
    cut: bool = False  # an ellipsis or a clipped paragraph: the player does not see the whole text


@dataclass
class Measure:
    """What one frame drew: texts (not widgets), in order."""

    texts: list[Drawn] = field(default_factory=list)
    panels: list[pygame.Rect] = field(default_factory=list)  # boxes drawn with `draw.panel`
    depth: int = 0

    def problems(self, app: Any) -> list[str]:
        win = pygame.Rect((0, 0), app.size)
        out: list[str] = []
        for d in self.texts:
            if d.cut:
                out.append(f"cut text {d.text!r}")
            if d.rect.width and not win.contains(d.rect):
                out.append(f"text off the window {d.text!r} at {tuple(d.rect)}")
            # a text that starts in a panel ends in it (the innermost panel it starts in)
            around = [p for p in self.panels if p.collidepoint(d.rect.topleft)]
            innermost = min(around, key=lambda p: p.width * p.height) if around else None
            if d.rect.width and innermost and not innermost.inflate(2 * SLACK, 2 * SLACK).contains(d.rect):
                out.append(f"text runs past its panel {d.text!r} at {tuple(d.rect)}")
        widgets = [w for w in app.top.widgets if w.alive() and w.visible]
        for w in widgets:
            if not win.contains(w.rect):
                out.append(f"widget off the window {_label(w)!r} at {tuple(w.rect)}")
            if isinstance(w, pygame_gui.elements.UIDropDownMenu):  # every option shows whole where it is chosen
                shown = w.current_state.selected_option_button
                room = shown.rect.width - 8
                for option, _ in w.options_list:
                    if shown.font.size(option)[0] > room:
                        out.append(f"drop-down option cut {option!r} ({shown.font.size(option)[0]} px in {room})")
            label = _label(w)
            if label and isinstance(w, pygame_gui.elements.UIButton):
                room = w.rect.width - 8  # the button's border and a little air on each side
                width = w.font.size(label)[0]
                if width > room:
                    out.append(f"button text cut {label!r} ({width} px in {room})")
        inked = [(d, _ink(d.rect)) for d in self.texts if d.text.strip()]
        for i, (a, ra) in enumerate(inked):
            for b, rb in inked[i + 1 :]:
                if _overlap(ra, rb):
                    out.append(f"texts overlap {a.text!r} and {b.text!r}")
            for w in widgets:
                if _overlap(ra, w.rect):
                    out.append(f"text under a widget {a.text!r} under {_label(w)!r}")
        for i, a in enumerate(widgets):
            for b in widgets[i + 1 :]:
                if _overlap(a.rect, b.rect):
                    out.append(f"widgets overlap {_label(a)!r} and {_label(b)!r}")
        return out


def _label(w: Any) -> str:
    return str(getattr(w, "text", "") or "")


def _ink(r: pygame.Rect) -> pygame.Rect:
    """The part of a text's line box that holds ink: the font's line height has air above and below."""
    air = r.height // 5
    return pygame.Rect(r.x, r.y + air, r.width, max(1, r.height - 2 * air))


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    c = a.clip(b)
    return c.width > SLACK and c.height > SLACK


@contextmanager
def measuring(monkeypatch: Any) -> Iterator[Measure]:
    """Record every text drawn through `game.ui.draw` until the block ends."""
    from game.ui import draw

    m = Measure()
    text, paragraph, fit_block = draw.text, draw.paragraph, draw.fit_block

    def record_text(
        surf: Any,
        s: str,
        pos: Any,
        size: int = 15,
        color: Any = draw.TEXT,
        bold: bool = False,
        width: int = 0,
        align: str = "left",
    ) -> pygame.Rect:
        m.depth += 1
        try:
            r = text(surf, s, pos, size, color, bold, width, align)
        finally:
            m.depth -= 1
        if m.depth == 0:
            shown = draw.fit(s, size, width, bold) if width else draw.clean(s)
            m.texts.append(Drawn(s, r, cut=shown != draw.clean(s) and not draw.clean(s).endswith("…")))
        return r

    def record_paragraph(
        surf: Any,
        s: str,
        rect: pygame.Rect,
        size: int = 15,
        color: Any = draw.TEXT,
        bold: bool = False,
        gap: int = 2,
        align: str = "left",
    ) -> int:
        m.depth += 1
        try:
            used = paragraph(surf, s, rect, size, color, bold, gap, align)
        finally:
            m.depth -= 1
        if m.depth == 0:
            need = draw.line_count(s, size, rect.width, bold) * (draw.font(size, bold).get_linesize() + gap)
            widest = draw.wrapped(s, size, rect.width, draw.TEXT, bold).get_width()
            inked = pygame.Rect(rect.x, rect.y, min(rect.width, widest), used)
            if align == "center":
                inked.centerx = rect.centerx
            m.texts.append(Drawn(s, inked, cut=need > rect.height or draw.breaks_word(s, size, rect.width, bold)))
        return used

    def record_block(s: str, width: int, height: int, size: int, bold: bool = False, min_size: int = 9) -> Any:
        block = fit_block(s, width, height, size, bold, min_size)
        if m.depth == 0 and block.cut:
            m.texts.append(Drawn(s, pygame.Rect(0, 0, 0, 0), cut=True))
        return block

    def record_panel(surf: Any, rect: pygame.Rect, *args: Any, **kwargs: Any) -> pygame.Rect:
        m.panels.append(pygame.Rect(rect))
        return panel(surf, rect, *args, **kwargs)

    panel = draw.panel
    monkeypatch.setattr(draw, "text", record_text)
    monkeypatch.setattr(draw, "paragraph", record_paragraph)
    monkeypatch.setattr(draw, "fit_block", record_block)
    monkeypatch.setattr(draw, "panel", record_panel)
    try:
        yield m
    finally:
        monkeypatch.setattr(draw, "text", text)
        monkeypatch.setattr(draw, "paragraph", paragraph)
        monkeypatch.setattr(draw, "fit_block", fit_block)
        monkeypatch.setattr(draw, "panel", panel)
