"""A problem found in scenario content, written as one line a person can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str
    path: str
    line: int
    record: str  # e.g. "tech(icbm)", or "" for the file as a whole
    field: str  # e.g. "requires[0]", or ""
    message: str
    hint: str = ""
    code: str = ""  # a stable name for the kind of problem, e.g. "ref/unknown" (for tools and tests)

    def format(self, severity: bool = True) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = " › ".join(x for x in (self.record, self.field) if x)
        text = (
            f"{where}: "
            + (f"{self.severity}: " if severity else "")
            + (f"{subject}: " if subject else "")
            + self.message
        )
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.path,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
        }


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


class ContentError(Exception):
    """Content that cannot be played: carries every finding, errors first."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(
            findings, key=lambda f: (SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 9, f.path, f.line)
        )
        first = next((f for f in self.findings if f.severity == ERROR), self.findings[0] if self.findings else None)
        super().__init__(first.format() if first else "invalid content")

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]
