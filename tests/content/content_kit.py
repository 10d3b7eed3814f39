"""Helpers for the content tests: build scenario and mod folders in a temporary directory and load them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.content.findings import ContentError, Finding
from game.content.load import Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "tiny"
SCENARIOS = ROOT / "scenarios"


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path -> text, dedented, or raw bytes) under `folder`."""
    for rel, body in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return folder


def mod(tmp: Path, mod_id: str, files: dict[str, str | bytes], *, requires: str = "tiny", extra: str = "") -> Path:
    """A mod folder `tmp/mod_id` laid over `requires`, with `files` besides its manifest."""
    manifest = f"id: {mod_id}\nkind: mod\nrequires: [{requires}]\n{extra}"
    return write(tmp / mod_id, {"manifest.yaml": manifest, **files})


def load(*mods: Path, scenario: Path = TINY) -> Scenario:
    return load_scenario(str(scenario), [str(m) for m in mods])


def problems(*mods: Path, scenario: Path = TINY) -> list[Finding]:
    """Every finding of a load that must fail."""
    try:
        load(*mods, scenario=scenario)
    except ContentError as e:
        return e.findings
    raise AssertionError("the content loaded, but it should not have")


def errors(*mods: Path, scenario: Path = TINY) -> list[Finding]:
    return [f for f in problems(*mods, scenario=scenario) if f.severity == "error"]
