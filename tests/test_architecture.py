"""The shape of the code: DESIGN.md's import direction, and an engine that is pure and knows no history."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    module: str  # absolute, e.g. "game.engine.rules" or "pydantic"
    lazy: bool  # inside a function: imported when called, not when the module loads

    @property
    def top(self) -> str:
        return self.module.split(".")[0]

    @property
    def area(self) -> str:
        """`engine`, `content`, `ai`, `io`, `ui`, `cli`… for the game's own modules; the top-level name otherwise."""
        parts = self.module.split(".")
        if parts[0] != "game":
            return parts[0]
        return parts[1] if len(parts) > 1 else "game"

    def __str__(self) -> str:
        return f"{self.file.relative_to(ROOT)}:{self.line}: imports {self.module}" + (" (lazily)" if self.lazy else "")


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imports_in(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend(Import(path, child.lineno, alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = _package_of(path).split(".")
                    base = base[: len(base) - (child.level - 1)]
                    module = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    module = child.module or ""
                found.append(Import(path, child.lineno, module, in_function))
                if module == "game":  # `from game import ui` imports game.ui
                    found.extend(Import(path, child.lineno, f"game.{alias.name}", in_function) for alias in child.names)
            visit(child, inside)

    visit(tree, False)
    return found


def sources(area: str = "") -> list[Path]:
    return sorted((GAME / area).rglob("*.py"))


ALL_IMPORTS = [imp for path in sources() for imp in imports_in(path)]


def imports_from(area: str) -> list[Import]:
    folder = GAME / area
    return [imp for imp in ALL_IMPORTS if folder in imp.file.parents]


def _outside(imports: list[Import], own: set[str], third_party: set[str]) -> list[str]:
    bad = []
    for imp in imports:
        if imp.top == "game":
            if imp.area not in own and imp.module != "game":  # the bare root package (see the test below) is fine
                bad.append(str(imp))
        elif imp.top not in STDLIB and imp.top not in third_party:
            bad.append(str(imp))
    return bad


# --------------------------------------------------------------------------------------------- direction


def test_the_import_parser_sees_imports():
    # Guard: the checks below are only worth something if the parser finds what is there.
    hashing = [imp.module for imp in imports_in(GAME / "engine" / "hashing.py")]
    assert "game.engine.serialize" in hashing and "hashlib" in hashing


@pytest.mark.parametrize(
    ("area", "own", "third_party"),
    [
        ("engine", {"engine"}, set()),
        ("content", {"engine", "content", "resources", "paths"}, {"pydantic", "yaml", "babel"}),
        ("ai", {"engine", "ai"}, {"numpy"}),
        ("io", {"engine", "content", "io", "paths"}, {"pydantic"}),
    ],
)
def test_import_direction(area, own, third_party):
    if not (GAME / area).is_dir():
        pytest.skip(f"game/{area} does not exist yet")
    bad = _outside(imports_from(area), own, third_party)
    allowed = ", ".join(sorted({f"game.{x}" for x in own} | third_party | {"the standard library"}))
    assert not bad, f"game/{area} may import only {allowed}:\n" + "\n".join(bad)


def test_the_package_root_pulls_nothing_in():
    # Every layer may `import game` (for its version, say) only because the root imports nothing of its own.
    bad = [str(imp) for imp in imports_in(GAME / "__init__.py") if imp.top not in STDLIB]
    assert not bad, "game/__init__.py may import only the standard library:\n" + "\n".join(bad)


def test_the_shipped_data_locator_imports_only_the_standard_library():
    # game.resources is shared by content and ui: it must pull nothing of theirs in.
    bad = [str(imp) for imp in imports_in(GAME / "resources.py") if imp.top not in STDLIB]
    assert not bad, "game/resources.py may import only the standard library:\n" + "\n".join(bad)


def test_the_paths_module_imports_only_the_standard_library_platformdirs_and_the_data_locator():
    # game.paths is shared by content, io and ui, and the window imports it before anything heavy.
    bad = [
        str(imp)
        for imp in imports_in(GAME / "paths.py")
        if imp.top not in STDLIB and imp.top != "platformdirs" and imp.module != "game.resources"
    ]
    assert not bad, (
        "game/paths.py may import only the standard library, platformdirs and game.resources:\n" + "\n".join(bad)
    )


def test_only_the_ui_imports_pygame():
    ui = GAME / "ui"
    bad = [str(imp) for imp in ALL_IMPORTS if imp.top in ("pygame", "pygame_gui") and ui not in imp.file.parents]
    assert not bad, "only game/ui may import pygame or pygame_gui:\n" + "\n".join(bad)


def test_nothing_imports_the_ui_but_the_ui_and_a_lazy_cli():
    ui, cli = GAME / "ui", GAME / "cli"
    bad = []
    for imp in ALL_IMPORTS:
        if imp.area != "ui" or imp.top != "game" or ui in imp.file.parents:
            continue
        if cli in imp.file.parents and imp.lazy:
            continue
        bad.append(str(imp))
    assert not bad, "nothing imports game.ui (game/cli/ may, inside a function):\n" + "\n".join(bad)


# --------------------------------------------------------------------------------------------- a pure engine

# Modules that bring chance, the clock, files or the environment into the rules.
IMPURE_MODULES = {"random", "secrets", "uuid", "time", "datetime", "os", "pathlib", "io", "shutil", "tempfile",
                  "subprocess", "socket", "threading", "numpy", "pygame", "pygame_gui", "pydantic", "yaml"}
IMPURE_CALLS = {"hash", "id", "open", "input"}  # hash() is salted per process; id() is an address


def engine_trees() -> list[tuple[Path, ast.AST]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"), filename=str(p))) for p in sources("engine")]


def test_engine_imports_nothing_impure():
    bad = [str(imp) for imp in imports_from("engine") if imp.top in IMPURE_MODULES]
    assert not bad, "the engine keeps no clock, files or global random:\n" + "\n".join(bad)


def test_engine_calls_nothing_impure():
    bad = []
    for path, tree in engine_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IMPURE_CALLS:
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id}(…)")
    assert not bad, "the engine must not depend on hash(), id(), files or input:\n" + "\n".join(bad)


def _is_set(node: ast.AST) -> bool:
    if isinstance(node, (ast.Set, ast.SetComp)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset")


def test_engine_never_iterates_a_set_for_order():
    # Iterating a set of strings gives an order that changes from run to run (hash randomisation).
    bad = []
    for path, tree in engine_trees():
        for node in ast.walk(tree):
            iterated: list[ast.AST] = []
            if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                iterated.append(node.iter)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                "list", "tuple", "enumerate", "iter", "next", "zip", "dict",
            )) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("join", "extend")):
                iterated.extend(node.args)
            bad += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in iterated if _is_set(n)]
    assert not bad, "iterate sorted(...) instead of a set:\n" + "\n".join(bad)


def test_the_set_scan_finds_set_iteration():
    # Guard for the scan above.
    tree = ast.parse("for x in {1, 2}:\n    pass\ny = [a for a in set(z)]\n")
    loops = [n.iter for n in ast.walk(tree) if isinstance(n, (ast.For, ast.comprehension))]
    assert all(_is_set(n) for n in loops) and len(loops) == 2


def _history_ids() -> set[str]:
    """Every record id of the shipped scenarios, plus the default campaign's side ids."""
    ids = {"us", "ussr"}
    for path in (ROOT / "scenarios").rglob("*.y*ml"):
        if "strings" in path.parts or path.name == "manifest.yaml":
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        if isinstance(data, dict):
            for records in data.values():
                if isinstance(records, list):
                    ids |= {r["id"].lower() for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}
    return ids


def test_engine_names_no_side_or_history_specific_id():
    ids = _history_ids()
    bad = []
    for path, tree in engine_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip().lower() in ids:
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not bad, "sides, techs, missions and events come from the Ruleset, never from engine code:\n" + "\n".join(bad)


# --------------------------------------------------------------------------------------------- no circles


def _dotted(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path, base: Path, modules: set[str]) -> set[str]:
    """The game modules `path` imports when it runs: at the top or inside functions, but not under
    `if TYPE_CHECKING:` (never executed). `from pkg import sub` counts as importing the submodule `sub`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = _dotted(path, base)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def type_checking_only(node: ast.If) -> bool:
        test = node.test
        return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and type_checking_only(child):
                for other in child.orelse:
                    visit_one(other)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                if sub in modules:
                    found.add(sub)
                elif module in modules:
                    found.add(module)
        visit(node)

    visit(tree)
    found.discard(name)
    return found


def import_circles(root: Path) -> list[list[str]]:
    """Every set of modules below `root` that import one another in a circle (strongly connected, Tarjan)."""
    paths = {_dotted(p, root.parent): p for p in sorted(root.rglob("*.py"))}
    graph = {m: sorted(_runtime_imports(p, root.parent, set(paths))) for m, p in paths.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for v in graph:
        if v not in index:
            connect(v)
    return circles


def test_no_module_of_the_game_imports_itself_round_a_circle():
    circles = import_circles(GAME)
    assert not circles, "import circles (imports inside functions count):\n" + "\n".join(" <-> ".join(c) for c in circles)


def test_the_circle_check_finds_a_circle(tmp_path: Path):
    # Guard: a check that cannot fail proves nothing. Two modules that import each other lazily are a circle;
    # an import only for type checking is not.
    pkg = tmp_path / "game" / "demo"
    pkg.mkdir(parents=True)
    (tmp_path / "game" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from game.demo import b\n")
    (pkg / "b.py").write_text("from game.demo.a import f\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from game.demo import d\n")
    (pkg / "d.py").write_text("import game.demo.c\n")
    assert import_circles(tmp_path / "game") == [["game.demo.a", "game.demo.b"]]
