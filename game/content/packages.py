"""Finding scenario and mod folders on disk and reading their manifests and files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from game.content.findings import ERROR, ContentError, Finding
from game.content.models import Manifest
from game.content.yamlsafe import LineDict, YamlError, load_yaml

MANIFEST = "manifest.yaml"
STRINGS_DIR = "strings"
MAX_FILES = 200


def builtin_dir() -> Path:
    """scenarios/ beside the package, or SPACERACE_SCENARIOS."""
    env = os.environ.get("SPACERACE_SCENARIOS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "scenarios"


def user_mods_dir() -> Path:
    env = os.environ.get("SPACERACE_MODS")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "spacerace" / "mods"


@dataclass(frozen=True)
class Package:
    """One scenario or mod folder: its manifest, content files and translation files."""

    id: str
    path: Path
    manifest: Manifest
    content_files: tuple[Path, ...]
    string_files: dict[str, Path] = field(default_factory=dict)

    @property
    def is_mod(self) -> bool:
        return self.manifest.kind == "mod"


def _inside(folder: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def read_package(folder: Path) -> Package:
    """Read a package's manifest and list its files; raises ContentError on a broken one."""
    mpath = folder / MANIFEST
    if not mpath.is_file():
        raise ContentError([Finding(ERROR, str(folder), 0, "", "", f"no {MANIFEST} in this folder")])
    try:
        data = load_yaml(mpath)
    except YamlError as e:
        raise ContentError([Finding(ERROR, e.path, e.line, "", "", e.message)]) from None
    if not isinstance(data, dict):
        raise ContentError([Finding(ERROR, str(mpath), 1, "manifest", "", "must be a mapping of fields")])
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as e:
        raise ContentError(
            [
                Finding(ERROR, str(mpath), getattr(data, "line", 1), "manifest", ".".join(map(str, err["loc"])), err["msg"])
                for err in e.errors()
            ]
        ) from None
    content: list[Path] = []
    strings: dict[str, Path] = {}
    problems: list[Finding] = []
    for p in sorted(folder.rglob("*")):
        if p.is_symlink() and not _inside(folder, p):
            problems.append(Finding(ERROR, str(p), 0, "", "", "a link that leads out of the mod folder"))
            continue
        if p.suffix not in (".yaml", ".yml") or not p.is_file() or p.name == MANIFEST:
            continue
        if p.parent.name == STRINGS_DIR:
            strings[p.stem] = p
        else:
            content.append(p)
    if len(content) + len(strings) > MAX_FILES:
        problems.append(Finding(ERROR, str(folder), 0, "", "", f"more than {MAX_FILES} files"))
    if problems:
        raise ContentError(problems)
    return Package(manifest.id, folder, manifest, tuple(content), strings)


def discover(extra: list[Path] | None = None) -> tuple[dict[str, Package], list[Finding]]:
    """Every package in the built-in folder, the user mods folder and `extra`; later ones win on a clash."""
    found: dict[str, Package] = {}
    problems: list[Finding] = []
    roots = [builtin_dir(), user_mods_dir(), *(extra or [])]
    for root in roots:
        if not root.is_dir():
            continue
        folders = [root] if (root / MANIFEST).is_file() else sorted(p for p in root.iterdir() if (p / MANIFEST).is_file())
        for folder in folders:
            try:
                pkg = read_package(folder)
            except ContentError as e:
                problems.extend(e.findings)
                continue
            found[pkg.id] = pkg
    return found, problems


__all__ = ["LineDict", "Package", "builtin_dir", "discover", "read_package", "user_mods_dir"]
