"""The translation layer for the UI's own strings (game/ui/locale/*.yaml); scenario strings go through Scenario.text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from game.content import plurals

LOCALE_DIR = Path(__file__).parent / "locale"
# libyaml's safe loader where PyYAML has it: the pure-Python one took 0.6 s of the title menu's first frame
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=8)
def table(lang: str) -> dict[str, str]:
    """The language's texts by key; a plural's forms are under `key.<CLDR category>`."""
    path = LOCALE_DIR / f"{lang}.yaml"
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=SAFE_LOADER) or {}
    except OSError:
        return {}
    out: dict[str, str] = {}
    plurals.flatten(data, "", out, [])
    return out


def lookup(lang: str, key: str, n: Any = None) -> str | None:
    """The text of `key` in `lang` alone (no English fallback); with a count `n`, the plural form it takes."""
    texts = table(lang)
    found = texts.get(key) if n is None else plurals.pick(texts, key, lang, n)
    if found is None:  # a plain text given a count, or a plural asked for without one (its general form)
        found = texts.get(key, texts.get(key + ".other"))
    return found


class Translator:
    """`tr(key, **values)`: the text in the current language, else English, else the key itself.

    A value named `n` is a count: where the key is a plural, it picks the form CLDR gives that number
    in the language (1 flight, 2 flights; 1 полёт, 2 полёта, 5 полётов).
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        n = values.get("n")
        text = lookup(self.lang, key, n)
        if text is None:
            text = lookup("en", key, n)
        if text is None:
            text = key
        if values:
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def has(self, key: str) -> bool:
        return any(key in table(lang) or key + ".other" in table(lang) for lang in (self.lang, "en"))


# pygame_gui's own texts that a stock window of it can show (a confirmation's buttons, a message's title):
# they are given our words, so one set of locale files speaks for both the game and pygame_gui.
GUI_KEYS = ("Confirm", "OK", "Cancel", "Dismiss", "message_window_title_bar")


def gui_texts(lang: str) -> dict[str, str]:
    """pygame_gui's key (`pygame-gui.OK`) -> our text for it in `lang` (locale key `gui.OK`)."""
    tr = Translator(lang)
    return {f"pygame-gui.{k}": tr(f"gui.{k}") for k in GUI_KEYS}


def speak_to_pygame_gui(manager: Any, lang: str) -> None:
    """Switch pygame_gui to `lang` with our texts in place of its own."""
    import i18n as gui_i18n  # python-i18n, through which pygame_gui looks its texts up

    texts = gui_texts(lang)
    gui_i18n.t(next(iter(texts)), locale=lang)  # let pygame_gui's file for the language load first, then override
    for key, text in texts.items():
        gui_i18n.add_translation(key, text, locale=lang)
    manager.set_locale(lang)
