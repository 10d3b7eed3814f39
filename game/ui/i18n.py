"""The translation layer for the UI's own strings (game/ui/locale/*.yaml); scenario strings go through Scenario.text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LOCALE_DIR = Path(__file__).parent / "locale"


@lru_cache(maxsize=8)
def table(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / f"{lang}.yaml"
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
    except OSError:
        return {}
    return {str(k): str(v) for k, v in data.items()}


class Translator:
    """`tr(key, **values)`: the text in the current language, else English, else the key itself.

    With n=1, the key's `.one` form (the singular) is used where the language has one.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        if values.get("n") == 1 and self.has(key + ".one"):  # "1 flight", not "1 flights"
            key += ".one"
        text = table(self.lang).get(key)
        if text is None:
            text = table("en").get(key, key)
        if values:
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def has(self, key: str) -> bool:
        return key in table(self.lang) or key in table("en")
