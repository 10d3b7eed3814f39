"""Finding scenario and mod folders on disk and reading their manifests and files."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import paths
from game.content.findings import ERROR, WARNING, ContentError, Finding
from game.content.manifest import Manifest
from game.content.yamlsafe import LineDict, YamlError, load_yaml

MANIFEST = "manifest.yaml"
STRINGS_DIR = "strings"
MAX_FILES = 200
MAX_ENTRIES = 2000  # files and folders looked at before giving up on a folder
MAX_PACKAGE_BYTES = 1024 * 1024


def builtin_dir() -> Path:
    """The shipped scenarios (see `game.resources`), or SPACERACE_SCENARIOS."""
    return paths.scenarios_dir()


def user_mods_dir() -> Path:
    """The player's own mods: SPACERACE_MODS, else the platform's user data folder (see `game.paths`)."""
    return paths.user_mods_dir()


@dataclass(frozen=True)
class Package:
    """One scenario or mod folder: its manifest, content files and translation files."""

    id: str
    path: Path
    manifest: Manifest
    content_files: tuple[Path, ...]
    string_files: dict[str, Path] = field(default_factory=dict)
    warnings: tuple[Finding, ...] = ()  # files it holds but cannot use (a named pipe called *.yaml, say)

    @property
    def is_mod(self) -> bool:
        return self.manifest.kind == "mod"

    @property
    def version(self) -> str:
        return self.manifest.version

    def strings(self, lang: str) -> dict[str, str]:
        """The package's own texts in `lang` (its `strings/<lang>.yaml`), key -> text, as the menus read them
        before any game is loaded; {} if it has none or the file cannot be read (`validate` says why)."""
        path = self.string_files.get(lang)
        return {} if path is None else _strings_in(path)

    def text(self, key: str, lang: str) -> str:
        """One of the package's own texts in `lang`, else in English; "" if neither has it."""
        return self.strings(lang).get(key) or self.strings("en").get(key) or ""

    def side_name(self, side: str, lang: str) -> str:
        """A side of the package by its name in `lang` (else English, else its id)."""
        return self.text(f"side.{side}.name", lang) or side

    def fingerprint(self) -> str:
        """A hash of every file of the package, to tell whether it changed since a game was saved."""
        h = hashlib.sha256()
        files = [self.path / MANIFEST, *self.content_files, *sorted(self.string_files.values())]
        for f in files:
            h.update(f.relative_to(self.path).as_posix().encode() + b"\0")
            try:
                h.update(f.read_bytes()[:MAX_PACKAGE_BYTES])
            except OSError:
                h.update(b"(unreadable)")
            h.update(b"\0")
        return h.hexdigest()[:16]


@functools.lru_cache(maxsize=64)
def _strings_in(path: Path) -> dict[str, str]:
    """A strings file's plain texts, read once (a menu asks for them every frame)."""
    try:
        data = load_yaml(path)
    except YamlError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int))}


def _inside(folder: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a loop of links
        return False


def _link_problem(folder: Path, path: Path) -> str:
    """Why a link inside the package cannot be used ("" if it can)."""
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):
        return "a link that cannot be followed (it goes round in a circle)"
    try:
        target.relative_to(folder.resolve())
    except ValueError:
        return "a link that leads out of the mod folder"
    return ""


def _manifest_problem(folder: Path, mpath: Path) -> Finding | None:
    if mpath.is_symlink() and not _inside(folder, mpath):
        return Finding(ERROR, str(mpath), 0, "", "", "a link that leads out of the mod folder")
    if not mpath.is_file():
        return Finding(ERROR, str(folder), 0, "", "", f"no {MANIFEST} in this folder")
    return None


def read_package(folder: Path) -> Package:
    """Read a package's manifest and list its files; raises ContentError on a broken one."""
    mpath = folder / MANIFEST
    problem = _manifest_problem(folder, mpath)
    if problem:
        raise ContentError([problem])
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
                Finding(
                    ERROR,
                    str(mpath),
                    data.line_of(err["loc"][0]) if isinstance(data, LineDict) and err["loc"] else 1,
                    "manifest",
                    ".".join(map(str, err["loc"])),
                    _short(err),
                )
                for err in e.errors()
            ]
        ) from None
    content, strings, problems = _list_files(folder)
    if any(p.severity == ERROR for p in problems):
        raise ContentError(problems)
    return Package(manifest.id, folder, manifest, tuple(content), strings, tuple(problems))


def _short(err: Any) -> str:
    msg = str(err["msg"])
    return msg[len("Input ") :] if msg.startswith("Input ") else msg


def _list_files(folder: Path) -> tuple[list[Path], dict[str, Path], list[Finding]]:
    """Content and translation files under `folder`: links out of it, too many or too large files are errors."""
    content: list[Path] = []
    strings: dict[str, Path] = {}
    problems: list[Finding] = []
    seen = 0
    total = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        for name in [*dirs, *sorted(files)]:
            seen += 1
            if seen > MAX_ENTRIES:
                problems.append(Finding(ERROR, str(folder), 0, "", "", f"more than {MAX_ENTRIES} files and folders"))
                return content, strings, problems
            p = base / name
            problem = _link_problem(folder, p) if p.is_symlink() else ""
            if problem:
                problems.append(Finding(ERROR, str(p), 0, "", "", problem, "", "limit/link"))
        for name in sorted(files):
            p = base / name
            if name.startswith(".") or p.suffix not in (".yaml", ".yml") or (p.parent == folder and name == MANIFEST):
                continue
            if not _inside(folder, p):
                continue
            odd = _not_regular(p)
            if odd:
                problems.append(
                    Finding(WARNING, str(p), 0, "", "", f"{odd}, not a file: skipped", "", "files/not_regular")
                )
                continue
            try:
                total += p.stat().st_size
            except OSError:
                continue
            if p.parent.name == STRINGS_DIR:
                strings[p.stem] = p
            else:
                content.append(p)
    if len(content) + len(strings) > MAX_FILES:
        problems.append(Finding(ERROR, str(folder), 0, "", "", f"more than {MAX_FILES} scenario files"))
    if total > MAX_PACKAGE_BYTES:
        problems.append(
            Finding(ERROR, str(folder), 0, "", "", f"its files hold {total} bytes, the limit is {MAX_PACKAGE_BYTES}")
        )
    return sorted(content), strings, problems


def _not_regular(path: Path) -> str:
    """What `path` is if it is not a regular file ("" if it is); looked at without opening it, so it never blocks."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "a link to nothing"
    if stat.S_ISREG(mode):
        return ""
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "a device")


def discover(extra: list[Path] | None = None) -> tuple[dict[str, Package], list[Finding]]:
    """Every package in the built-in folder, the user mods folder and `extra`; later ones win on a clash."""
    found: dict[str, Package] = {}
    problems: list[Finding] = []
    roots = [builtin_dir(), user_mods_dir(), *(extra or [])]
    for root in roots:
        if not root.is_dir():
            continue
        folders = (
            [root] if (root / MANIFEST).is_file() else sorted(p for p in root.iterdir() if (p / MANIFEST).is_file())
        )
        for folder in folders:
            try:
                pkg = read_package(folder)
            except ContentError as e:
                problems.extend(e.findings)
                continue
            if pkg.id in found and found[pkg.id].path.resolve() != pkg.path.resolve():
                problems.append(_shadowed(pkg, found[pkg.id]))
            found[pkg.id] = pkg
    return found, problems


def _shadowed(used: Package, hidden: Package) -> Finding:
    return Finding(
        WARNING,
        str(used.path / MANIFEST),
        0,
        "",
        "id",
        f"the id {used.id!r} is also used by {hidden.path / MANIFEST}: this folder is played, that one is ignored",
        "give one of them another id (folders are searched in the order of `spacerace scenarios`)",
        "packages/shadowed",
    )


__all__ = ["LineDict", "Package", "builtin_dir", "discover", "read_package", "user_mods_dir"]
