"""The calendar: how a turn ordinal reads as a date (1961-Q3) and how a date reads back as one; files, screens,
reports and checks all go through it."""

from __future__ import annotations

import re

# A year (1957), a turn of a year (1957-Q4, 1957-H2, 1957-T3) or a day (1957-10-04).
DATE_RE = re.compile(r"^(\d{4})(?:-(?:([QHT])(\d{1,2})|(\d{1,2})-(\d{1,2})))?$")


def date_label(ordinal: int, turns_per_year: int) -> str:
    """A turn ordinal as a date: the year alone with one turn a year, else its quarter (Q), half (H) or third
    (T, and any other count) of the year."""
    year, n = divmod(ordinal, turns_per_year)
    if turns_per_year == 1:
        return str(year)
    letter = "Q" if turns_per_year == 4 else "H" if turns_per_year == 2 else "T"
    return f"{year}-{letter}{n + 1}"


def date_to_ordinal(text: str, turns_per_year: int) -> int:
    """A date as the engine counts turns: `year * turns_per_year + turn_of_year - 1` (a day falls in its turn; a
    year means its first turn). Raises ValueError for what is not a date."""
    m = DATE_RE.match(text)
    if m is None:
        raise ValueError(f"not a date: {text!r}")
    year = int(m.group(1))
    if m.group(3):
        n = int(m.group(3))
    elif m.group(4):
        month = int(m.group(4))
        n = (month - 1) * turns_per_year // 12 + 1
    else:
        n = 1
    n = max(1, min(turns_per_year, n))
    return year * turns_per_year + n - 1
