"""Screens register themselves by name: the app opens them through the registry, and no screen imports the app
(tests/test_architecture.py checks that no module of the game imports itself round a circle)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from ui_kit import start_game

from game.ui.screens import registry

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def _module(path: Path) -> str:
    parts = list(path.relative_to(UI.parents[1]).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every game.ui module and the game.ui modules it imports, anywhere in it (inside functions too)."""
    files = {_module(p): p for p in UI.rglob("*.py")}
    out: dict[str, set[str]] = {}
    for name, path in files.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        out[name] = {m for m in found if m in files and m != name}
    return out


def test_no_screen_imports_the_app() -> None:
    graph = _imports()
    screens = [m for m in graph if m.startswith("game.ui.screens.")]
    assert len(screens) > 10
    assert [m for m in screens if "game.ui.app" in graph[m]] == []


def test_the_app_opens_screens_only_through_the_registry() -> None:
    assert {m for m in _imports()["game.ui.app"] if m.startswith("game.ui.screens.")} <= {
        "game.ui.screens.base",
        "game.ui.screens.registry",
    }


def test_every_screen_is_registered_once_under_its_name() -> None:
    names = registry.names()
    for name in (
        "title",
        "dashboard",
        "budget",
        "research",
        "fleet",
        "missions",
        "news",
        "rival",
        "stats",
        "handoff",
        "resolution",
        "demo",
        "end",
        "help",
        "confirm",
        "tutorial",
        "saveload",
        "newgame",
        "packages",
        "settings",
    ):
        assert name in names
        assert registry.screen_class(name).name == name
    with pytest.raises(ValueError, match="two screens"):

        @registry.register
        class Impostor(registry.screen_class("help")):  # type: ignore[misc]
            pass

    with pytest.raises(KeyError, match="no screen named 'nowhere'"):
        registry.screen_class("nowhere")


def test_the_navigation_opens_whatever_is_registered_under_a_name(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    start_game(app)

    class OtherStats(registry.screen_class("stats")):  # type: ignore[misc]
        pass

    monkeypatch.setitem(registry._SCREENS, "stats", OtherStats)
    t = app.top.goto("stats")
    assert t is not None and type(t.screen) is OtherStats
