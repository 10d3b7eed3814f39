"""Colours live in the theme: no colour literal anywhere in game/ui, every hand-drawn colour read by name from
assets/theme.json's palette (pygame_gui's widgets take theirs from the same file).

What counts as a colour literal: a tuple or list of three or four integer constants from 0 to 255, a `Color(...)`
call, and "#rrggbb" or "#rrggbbaa" inside any string. The exceptions are few and named: tuples of small numbers
that are not colours (musical intervals, beats in a bar), and tuples a loop walks or `in` tests, which are
sequences of numbers, never a colour to draw with.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import game.ui
from game.resources import shipped
from game.ui import draw

UI = Path(game.ui.__file__).resolve().parent
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6})(?![0-9a-fA-F])")
# (file under game/ui, name assigned): number tuples that are not colours
NOT_COLOURS = {
    ("synth.py", "_CHORDS"),  # a chord's intervals in semitones
    ("music.py", "hits"),  # drum hits' beats within a bar
}


def _assigned_name(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str | None:
    """The name the statement holding `node` assigns to, if any."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            return node.target.id
        if isinstance(node, ast.stmt):
            return None
    return None


def _walked(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """A sequence a loop iterates or an `in` test looks into: numbers, not a colour."""
    parent = parents.get(node)
    if isinstance(parent, ast.For | ast.comprehension) and parent.iter is node:
        return True
    return (
        isinstance(parent, ast.Compare)
        and node in parent.comparators
        and any(isinstance(op, ast.In | ast.NotIn) for op in parent.ops)
    )


def colour_literals(source: str, name: str) -> list[str]:
    """Where `source` (the file `name` under game/ui) writes a colour itself: "line: what"."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List) and 3 <= len(node.elts) <= 4:
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if (
                len(values) == len(node.elts)
                and all(type(v) is int and 0 <= v <= 255 for v in values)
                and not _walked(node, parents)
                and (name, _assigned_name(node, parents)) not in NOT_COLOURS
            ):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in ("Color", "Colour"):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and HEX.search(node.value):
            found.append(f"{node.lineno}: {HEX.search(node.value).group()}")  # type: ignore[union-attr]
    return found


def test_no_colour_literal_in_the_ui_outside_the_theme() -> None:
    offenders = {
        str(path.relative_to(UI)): hits
        for path in sorted(UI.rglob("*.py"))
        if (hits := colour_literals(path.read_text(encoding="utf-8"), str(path.relative_to(UI))))
    }
    assert not offenders, f"colours belong in assets/theme.json's palette (read with draw.colour): {offenders}"


@pytest.mark.parametrize(
    "source",
    [
        "pygame.draw.rect(surf, (20, 27, 37), r)",
        "shade.fill((0, 0, 0, 170))",
        "BG = [14, 19, 27]",
        "c = pygame.Color('white')",
        'svg = f\'<circle fill="#3a4a5e" r="{r}"/>\'',
        "accent = '#c83c32ff'",
        "def f(c=(200, 60, 50)): ...",
    ],
)
def test_the_scan_finds_a_colour_written_in_code(source: str) -> None:
    assert colour_literals(source, "screens/example.py")


@pytest.mark.parametrize(
    "source",
    [
        "for k in (1, 2, 5): pass",
        "ok = x in (1, 3, 5)",
        "r = pygame.Rect(0, 0, 0, 0)",
        "SCALES = (90, 100, 110, 125, 150)",
        "x = (0, 300, 2)",
        "c = draw.colour('panel')",
        "'#rrggbb'",
    ],
)
def test_numbers_that_are_not_colours_pass(source: str) -> None:
    assert not colour_literals(source, "screens/example.py")


def test_a_named_exception_holds_only_where_it_is_named() -> None:
    source = '_CHORDS = {"": (0, 4, 7)}'
    assert not colour_literals(source, "synth.py")
    assert colour_literals(source, "screens/example.py")


def test_every_palette_entry_is_a_colour_and_draw_reads_it() -> None:
    palette = json.loads((shipped("assets") / "theme.json").read_text(encoding="utf-8"))["palette"]
    for name, entry in palette.items():
        if name.startswith("_"):
            continue
        for text in [entry] if isinstance(entry, str) else entry:
            assert HEX.fullmatch(text), (name, text)
        got = draw.colour(name) if isinstance(entry, str) else draw.colours(name)
        assert all(0 <= v <= 255 for c in ([got] if isinstance(entry, str) else got) for v in c)
    assert draw.colour("veil")[3] == 0xAA  # an alpha is kept
    assert draw.BG == draw.colour("bg") == (14, 19, 27)


def test_the_palette_is_not_handed_to_pygame_gui() -> None:
    from game.ui.app import theme_dict

    assert "palette" not in theme_dict(1.0)
