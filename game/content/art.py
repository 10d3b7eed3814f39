"""What `validate` says of a package's hardware drawings: `art/<side>/<hardware id>.svg` and `art/<hardware id>.svg`.

The convention is the window's (`game/ui/art.py`); here each file is checked without opening anything that is
not a regular file, against a size limit, and by a parser the caller hands in (the window's own SVG loader, so
a drawing that passes here is one the game can draw). A problem is a warning: the game then shows the generic
drawing of the item's kind. Standard library only: no renderer is imported here.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from game.content.findings import INFO, WARNING, Finding

ART_DIR = "art"
SUFFIX = ".svg"
MAX_ART_BYTES = 256 * 1024  # the shipped drawings are a few KB; a larger file is refused
MAX_ART_FILES = 2000
Parse = Callable[[Path], str]  # why a file is not a drawing the game can show, "" if it is


def quick_parse(path: Path) -> str:
    """A parse with no SVG renderer at hand: the file must at least open with an <svg> element."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        return f"cannot be read ({e.strerror or e})"
    return "" if b"<svg" in head else "not an SVG drawing (no <svg> element at its start)"


def file_problem(path: Path, parse: Parse | None = None) -> str:
    """Why `path` cannot be shown as a drawing ("" if it can): kind of file, size, then the parser."""
    try:
        st = os.stat(path)
    except OSError:
        return "a link to nothing" if os.path.islink(path) else "no such file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size > MAX_ART_BYTES:
        return f"{st.st_size} bytes, the limit for a drawing is {MAX_ART_BYTES}"
    return (parse or quick_parse)(path)


def _finding(path: Path, message: str, code: str, severity: str = WARNING, hint: str = "") -> Finding:
    return Finding(severity, str(path), 0, "", "", message, hint, code)


def package_findings(
    folder: Path, hardware: Iterable[str] | None, sides: Iterable[str], parse: Parse | None = None
) -> list[Finding]:
    """One line for each file under `folder`/art that the game cannot use, and why. With `hardware` None (the
    content did not load) the files are checked but not their names."""
    root = folder / ART_DIR
    if not root.is_dir():
        return []
    ids, side_ids = set(hardware or ()), set(sides)
    out: list[Finding] = []
    seen = 0
    for base, dirs, files in os.walk(root, followlinks=False):
        here = Path(base)
        depth = len(here.relative_to(root).parts)
        dirs.sort()
        for d in list(dirs):
            if hardware is None or (depth == 0 and d in side_ids):
                continue
            dirs.remove(d)
            why = "no side has this id" if depth == 0 else f"drawings go in {ART_DIR}/ or {ART_DIR}/<side>/ only"
            out.append(_finding(here / d, f"{why}: its drawings are never shown", "art/folder"))
        for name in sorted(files):
            seen += 1
            if seen > MAX_ART_FILES:
                out.append(_finding(root, f"more than {MAX_ART_FILES} files: the rest are not checked", "art/limit"))
                return out
            path = here / name
            if name.startswith("."):
                continue
            if not name.endswith(SUFFIX):
                out.append(_finding(path, f"not a drawing ({SUFFIX}): never shown", "art/not_svg"))
                continue
            if hardware is not None and name[: -len(SUFFIX)] not in ids:
                out.append(
                    _finding(path, f"no hardware has the id {name[: -len(SUFFIX)]!r}: never shown", "art/unknown")
                )
                continue
            problem = file_problem(path, parse)
            if problem:
                out.append(_finding(path, problem, "art/bad", hint="the generic drawing of its kind is shown instead"))
    return out


def missing_findings(folders: list[Path], hardware: Iterable[str], sides: Iterable[str], where: str) -> list[Finding]:
    """A note for each hardware item no layer draws for any side (it is shown with the generic drawing)."""
    out: list[Finding] = []
    for h in hardware:
        names = [f"{h}{SUFFIX}", *(f"{s}/{h}{SUFFIX}" for s in sides)]
        if not any((f / ART_DIR / n).exists() for f in folders for n in names):
            out.append(
                Finding(
                    INFO,
                    where,
                    0,
                    f"hardware({h})",
                    "",
                    f"no drawing ({ART_DIR}/{h}{SUFFIX} or {ART_DIR}/<side>/{h}{SUFFIX}): the generic one is shown",
                    "",
                    "art/missing",
                )
            )
    return out
