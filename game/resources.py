"""Where the game's shipped data lives: the repository's top-level folders in a checkout, or the copies an
installed wheel carries inside the package (see setup.py)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
PACKED = _PACKAGE / "_data"  # where setup.py puts scenarios/ and assets/ in a built wheel


def shipped(name: str) -> Path:
    """The shipped folder `name` (`scenarios` or `assets`): beside the package in a checkout, inside it when
    installed. The checkout's wins, so an editable install reads what is being edited."""
    checkout = _PACKAGE.parent / name
    return checkout if checkout.is_dir() or not (PACKED / name).is_dir() else PACKED / name
