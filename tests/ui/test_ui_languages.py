"""The three languages: every key in each, placeholders intact, CLDR plural forms, no English left in the Russian
texts, every text true to its language's glossary, and one set of locale files speaking for pygame_gui too."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.content import plurals
from game.ui.i18n import LOCALE_DIR, Translator, gui_texts, table

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(p for p in (ROOT / "scenarios").iterdir() if (p / "manifest.yaml").is_file())
GLOSSARY = ROOT / "docs" / "glossary"
LANGS = ("en", "vi", "ru")


def logical(texts: dict[str, str]) -> set[str]:
    """Keys with a plural's forms folded into the one key they translate."""
    return {plurals.base_key(k, texts) for k in texts}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def package_strings(pkg: Path, lang: str) -> dict[str, str]:
    """A shipped package's texts in `lang`: its strings file and its manifest's name and description."""
    out: dict[str, str] = {}
    path = pkg / "strings" / f"{lang}.yaml"
    if path.is_file():
        plurals.flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {}, "", out, [])
    manifest = yaml.safe_load((pkg / "manifest.yaml").read_text(encoding="utf-8"))
    for field in ("name", "description"):
        value = manifest.get(field)
        if isinstance(value, dict) and lang in value:
            out[f"manifest.{pkg.name}.{field}"] = str(value[lang])
    return out


def every_text(lang: str) -> dict[str, str]:
    """Where -> text, for every text of the game and the shipped packages in `lang`."""
    out = {f"ui:{k}": v for k, v in table(lang).items()}
    for pkg in PACKAGES:
        out.update({f"{pkg.name}:{k}": v for k, v in package_strings(pkg, lang).items()})
    return out


# ------------------------------------------------------------------------------------------ completeness


@pytest.mark.parametrize("lang", ["vi", "ru"])
def test_every_english_key_exists_in_the_language(lang: str) -> None:
    en, other = table("en"), table(lang)
    assert logical(en) - logical(other) == set(), f"missing in {lang}.yaml"
    assert logical(other) - logical(en) == set(), f"keys in {lang}.yaml that English does not have"


@pytest.mark.parametrize("lang", ["vi", "ru"])
@pytest.mark.parametrize("pkg", PACKAGES, ids=lambda p: p.name)
def test_every_shipped_package_has_every_english_text_in_the_language(pkg: Path, lang: str) -> None:
    en, other = package_strings(pkg, "en"), package_strings(pkg, lang)
    assert logical(en) - logical(other) == set()
    manifest = yaml.safe_load((pkg / "manifest.yaml").read_text(encoding="utf-8"))
    assert lang in manifest["languages"]


@pytest.mark.parametrize("lang", ["vi", "ru"])
def test_every_placeholder_is_intact(lang: str) -> None:
    """Each form names only placeholders English names for the key; a form that is not a plural names them all."""
    en, other = table("en"), table(lang)
    wrong = []
    for key in logical(other):
        en_forms = [v for k, v in en.items() if plurals.base_key(k, en) == key]
        allowed = set().union(*(placeholders(v) for v in en_forms))
        for k, v in other.items():
            if plurals.base_key(k, other) != key:
                continue
            got = placeholders(v)
            if not got <= allowed or (k == key and got != allowed):
                wrong.append((k, sorted(got), sorted(allowed)))
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_every_plural_has_the_forms_its_language_needs(lang: str) -> None:
    files = [LOCALE_DIR / f"{lang}.yaml", *(p / "strings" / f"{lang}.yaml" for p in PACKAGES)]
    lacking = []
    for path in (f for f in files if f.is_file()):
        found: list[tuple[str, Any]] = []
        plurals.flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {}, "", {}, found)
        lacking += [(path.name, key, plurals.missing_forms(lang, forms)) for key, forms in found]
    assert [x for x in lacking if x[2]] == []


FLIGHTS = {0: "0 полётов", 1: "1 полёт", 2: "2 полёта", 5: "5 полётов", 11: "11 полётов", 21: "21 полёт",
           22: "22 полёта", 25: "25 полётов"}  # fmt: skip
TURNS = {0: "осталось 0 ходов", 1: "остался 1 ход", 2: "осталось 2 хода", 5: "осталось 5 ходов",
         11: "осталось 11 ходов", 21: "остался 21 ход", 22: "осталось 22 хода", 25: "осталось 25 ходов"}  # fmt: skip


@pytest.mark.parametrize("n", sorted(FLIGHTS))
def test_russian_counts_take_their_cldr_form(n: int) -> None:
    tr = Translator("ru")
    assert tr("fleet.flights", n=n) == FLIGHTS[n]
    assert tr("fleet.turns_left", n=n) == TURNS[n]


def test_english_and_vietnamese_counts_keep_their_forms() -> None:
    assert [Translator("en")("fleet.flights", n=n) for n in (1, 2, 21)] == ["1 flight", "2 flights", "21 flights"]
    assert Translator("vi")("fleet.flights", n=5) == "5 chuyến bay"
    assert Translator("ru")("fleet.flights") == "{n} полёта"  # no count: the general form, never the key


# ------------------------------------------------------------------------------------------ no English in Russian

# Russian texts that may read as their English: language names in their own language, symbols, key names.
SAME_AS_ENGLISH = {
    "lang.en",
    "lang.vi",
    "lang.ru",
    "new.mods_up",
    "new.mods_down",
    "missions.scroll_up",
    "missions.scroll_down",
    "new.side",
    "cond.compare",
    "saves.level",
    "effect.research",
    "budget.ordered_spent",
    "end.how",
    "dash.ticker_side",
    "missions.slot_short",
    "undo.hardware",
    "undo.recruit",
}  # fmt: skip  (the last three: no words)
# Latin words a Russian text may hold: keys of the keyboard, and nothing else.
LATIN_WORDS = {
    "F1",
    "F11",
    "Ctrl",
    "M",
    "Z",
    "Tab",
    "Enter",
    "Esc",
    "PgUp",
    "PgDn",
    "R",
    "B",
    "F",
    "H",
    "P",
    "E",
    "G",
    "U",
    "x",
    "y",
    "v",
}  # v: the arrow
LATIN = re.compile(r"[A-Za-z]+")


def _latin_words(text: str) -> set[str]:
    return set(LATIN.findall(re.sub(r"\{[^}]*\}", "", text)))


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in re.sub(r"\{[^}]*\}", "", text))


def test_no_english_is_left_in_the_russian_texts() -> None:
    ru = every_text("ru")
    en = every_text("en")
    # A text of placeholders and punctuation alone ("{mode}: {after}") has no words to translate.
    same = [
        k
        for k, v in ru.items()
        if en.get(k) == v and k.removeprefix("ui:") not in SAME_AS_ENGLISH and _has_words(v)
    ]
    assert not same, f"Russian texts equal to their English: {same}"
    latin = {k: sorted(_latin_words(v) - LATIN_WORDS) for k, v in ru.items() if k.removeprefix("ui:") not in
             ("lang.en", "lang.vi")}  # fmt: skip
    assert {k: w for k, w in latin.items() if w} == {}


def test_the_guard_sees_english_in_a_russian_text() -> None:
    assert _latin_words("Запуск {mission}: launch failed") - LATIN_WORDS == {"launch", "failed"}


# ------------------------------------------------------------------------------------------ glossaries


def glossary(lang: str) -> list[tuple[str, list[str]]]:
    """(concept, words never to use) from the table of docs/glossary/<lang>.md."""
    rows = []
    for line in (GLOSSARY / f"{lang}.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and line.startswith("|") and not set(cells[0]) <= {"-"}:
            rows.append((cells[0], [w.strip() for w in cells[2].split(";") if w.strip()]))
    return rows[1:]  # the header row


def _hits(word: str, texts: dict[str, str]) -> list[str]:
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return [k for k, v in texts.items() if pattern.search(v)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_keeps_to_its_languages_glossary(lang: str) -> None:
    texts = every_text(lang)
    rows = glossary(lang)
    assert len(rows) >= 12, "the glossary table was not read"
    found = {(concept, word): _hits(word, texts) for concept, words in rows for word in words}
    assert {k: v for k, v in found.items() if v} == {}


# The older Vietnamese style puts the tone on the second vowel of oa, oe, uy at a syllable's end (hoà, khoá, thuỷ).
OLD_VI_STYLE = re.compile(r"(?:[oO][àáảãạèéẻẽẹ]|(?<![qQ])[uU][ỳýỷỹỵ])(?!\w)")


def test_vietnamese_is_written_in_one_spelling_style() -> None:
    old = {k: OLD_VI_STYLE.findall(v) for k, v in every_text("vi").items()}
    assert {k: v for k, v in old.items() if v} == {}
    assert OLD_VI_STYLE.findall("hoà khoá thuỷ quý hoàn hòa") == ["oà", "oá", "uỷ"]  # the guard itself


def test_the_glossary_guard_sees_a_forbidden_word() -> None:
    assert _hits("hội ngộ", {"a": "Bước: Hội ngộ trên quỹ đạo", "b": "tiếp cận"}) == ["a"]
    assert _hits("пуск", {"a": "Пуск ракеты", "b": "запуск; пускать"}) == ["a"]


# ------------------------------------------------------------------------------------------ one layer, one choice


def test_russian_is_offered_where_a_language_is_chosen() -> None:
    from game.ui.screens.title import UI_LANGUAGES

    assert UI_LANGUAGES == ("en", "vi", "ru")
    assert {Translator(lang)("lang.ru") for lang in LANGS} == {"Русский"}


@pytest.mark.parametrize("lang", LANGS)
def test_pygame_gui_speaks_the_games_words(app: Any, lang: str) -> None:
    from pygame_gui.core.utility import translate

    app.set_language(lang)
    assert app.manager.get_locale() == lang
    for key, text in gui_texts(lang).items():
        assert translate(key) == text == Translator(lang)("gui." + key.split(".", 1)[1])
    assert translate("pygame-gui.Cancel") != "pygame-gui.Cancel"


def test_each_computer_level_is_described_as_game_ai_describes_it() -> None:
    """The new-game screen's line for a level is the locale's, in every language; its English must stay the
    computer players' own one-liner, so a level that changes its play cannot keep an old description."""
    from game.ai import LEVEL_INFO

    english = table("en")
    for level, info in LEVEL_INFO.items():
        assert english[f"controller_meaning.ai_{level}"] == info
