"""Plural forms by the CLDR rules (Babel's data): which forms a language has and which one a number takes.

A translated text that counts something is written as a mapping of CLDR categories,
`key: {one: "{n} flight", other: "{n} flights"}`; loaded, it becomes the flat keys `key.one`,
`key.other`, so a table of texts stays a plain `dict[str, str]` (saves keep it as it is).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's names, in CLDR's order
FALLBACK = "en"  # whose rules a language unknown to CLDR borrows


@lru_cache(maxsize=32)
def _rule(lang: str) -> Callable[[float | int], str]:
    # Babel is imported on first use: loading a scenario without plurals, or simulating, never pays for it.
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        return Locale.parse(lang).plural_form
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(FALLBACK).plural_form


@lru_cache(maxsize=32)
def categories(lang: str) -> tuple[str, ...]:
    """The categories `lang` uses, in CLDR order (always ending with `other`)."""
    tags = set(_rule(lang).tags) | {"other"}  # type: ignore[attr-defined]
    return tuple(c for c in CATEGORIES if c in tags)


def category(lang: str, n: float | int) -> str:
    """The category the number `n` takes in `lang` (ru: 1 and 21 `one`, 2 and 22 `few`, 5 and 11 `many`)."""
    try:
        return _rule(lang)(abs(n))
    except (TypeError, ValueError):
        return "other"


def is_plural(value: Any) -> bool:
    """Whether a mapping in a strings file is one text's plural forms rather than a group of keys."""
    return isinstance(value, Mapping) and bool(value) and all(str(k) in CATEGORIES for k in value)


def flatten(data: Any, prefix: str, out: dict[str, str], plurals: list[tuple[str, Mapping[Any, Any]]]) -> None:
    """Nested mappings to dotted keys; a plural's forms become `key.<category>`, and the plural is noted."""
    if is_plural(data):
        plurals.append((prefix, data))
    if isinstance(data, Mapping):
        for k, v in data.items():
            flatten(v, f"{prefix}.{k}" if prefix else str(k), out, plurals)
    elif data is not None:
        out[prefix] = str(data)


def missing_forms(lang: str, forms: Mapping[Any, Any]) -> list[str]:
    """The categories `lang` needs that a plural mapping does not give."""
    given = {str(k) for k, v in forms.items() if v is not None}
    return [c for c in categories(lang) if c not in given]


def pick(table: Mapping[str, str], key: str, lang: str, n: Any) -> str | None:
    """The form of the plural `key` that `n` takes in `lang`, or None when the table has no such plural."""
    other = table.get(key + ".other")
    if other is None:
        return None
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        return other
    return table.get(f"{key}.{category(lang, n)}", other)


def base_key(key: str, table: Mapping[str, str]) -> str:
    """A flat key without its plural category (`fleet.flights.few` -> `fleet.flights`) when it is one."""
    head, _, tail = key.rpartition(".")
    return head if head and tail in CATEGORIES and head + ".other" in table else key
