"""The one exception a bad, damaged or unwritable save file raises: a single line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class SaveError(Exception):
    """A save that cannot be read or written, told in one line: `<file>: <problem>`.

    `field` names the part of the envelope at fault (e.g. `meta.turn`, `actions[12]`) when known.
    """

    def __init__(self, path: str | Path, problem: str, field: str = "") -> None:
        self.path = str(path)
        self.problem = " ".join(problem.split())  # one line, whatever the cause said
        self.field = field
        super().__init__(f"{self.path}: {self.problem}")
