"""Plural forms by CLDR categories in scenario strings, and a mod without a language falling back to English."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import errors, load, mod

from game.content import plurals

RU_PLURAL = """\
    "count.flights":
      one: "{n} полёт"
      few: "{n} полёта"
      many: "{n} полётов"
      other: "{n} полёта"
    """


@pytest.mark.parametrize(
    ("lang", "n", "form"),
    [("ru", 0, "many"), ("ru", 1, "one"), ("ru", 2, "few"), ("ru", 5, "many"), ("ru", 11, "many"),
     ("ru", 21, "one"), ("ru", 22, "few"), ("ru", 25, "many"), ("ru", 1.5, "other"),
     ("en", 1, "one"), ("en", 0, "other"), ("en", 2, "other"), ("en", 21, "other")],
)  # fmt: skip
def test_a_number_takes_its_cldr_category(lang: str, n: float, form: str) -> None:
    assert plurals.category(lang, n) == form


def test_each_language_needs_its_own_forms() -> None:
    assert plurals.categories("ru") == ("one", "few", "many", "other")
    assert plurals.categories("en") == ("one", "other")
    assert plurals.categories("xx-unknown") == plurals.categories("en")  # an unknown code borrows English rules


def test_a_mods_plural_is_read_and_each_count_gets_its_form(tmp_path: Path) -> None:
    m = mod(tmp_path, "counts", {"strings/ru.yaml": RU_PLURAL}, extra="languages: [en, ru]\n")
    sc = load(m)
    got = [sc.text("count.flights", "ru", n=n) for n in (1, 2, 5, 21, 22, 25, 11, 0)]
    assert got == ["{n} полёт", "{n} полёта", "{n} полётов", "{n} полёт", "{n} полёта", "{n} полётов",
                   "{n} полётов", "{n} полётов"]  # fmt: skip
    assert sc.text("count.flights", "ru") == "{n} полёта"  # without a count: the general form


def test_a_plural_missing_a_form_of_its_language_is_an_error_naming_key_and_language(tmp_path: Path) -> None:
    short = '"count.flights": {one: "{n} полёт", other: "{n} полёта"}\n'
    m = mod(tmp_path, "counts", {"strings/ru.yaml": short}, extra="languages: [en, ru]\n")
    [e] = [f for f in errors(m) if f.code == "strings/plural"]
    assert e.field == "count.flights" and "ru" in e.message and "few, many" in e.message
    assert e.path.endswith("ru.yaml") and e.line == 1


def test_english_with_both_forms_is_clean(tmp_path: Path) -> None:
    ok = '"count.flights": {one: "{n} flight", other: "{n} flights"}\n'
    sc = load(mod(tmp_path, "counts", {"strings/en.yaml": ok}))
    assert not [f for f in sc.findings if f.code == "strings/plural"]
    assert sc.text("count.flights", "en", n=1) == "{n} flight"
    assert sc.text("count.flights", "en", n=3) == "{n} flights"


def test_a_mod_without_a_language_warns_once_per_language_and_shows_english(tmp_path: Path) -> None:
    russian = mod(tmp_path, "russian", {"strings/ru.yaml": '"tech.rocket.name": "Ракета"\n'},
                  extra="languages: [en, ru]\n")  # fmt: skip
    records = """\
        techs:
          - {id: probe, line: rocket, cost: 20, base: 40, ceiling: 90}
          - {id: probe2, line: rocket, cost: 20, base: 40, ceiling: 90}
        """
    english = mod(tmp_path, "english_only", {"more.yaml": records, "strings/en.yaml": (
        '"tech.probe.name": "Probe"\n"tech.probe2.name": "Probe 2"\n')})  # fmt: skip
    sc = load(russian, english)
    fallback = [f for f in sc.findings if f.code == "text/fallback"]
    # one line for each package that lacks the language (the scenario too), however many texts it has
    assert sorted((Path(f.path).parent.name, f.severity, f.field) for f in fallback) == [
        ("english_only", "warning", "ru"), ("tiny", "warning", "ru")]  # fmt: skip
    assert all(f.path.endswith("manifest.yaml") for f in fallback)
    assert not [f for f in sc.findings if f.code == "text/missing" and f.field == "ru"]
    assert sc.text("tech.probe.name", "ru") == "Probe"  # the game shows English, it does not fail
    assert sc.text("tech.rocket.name", "ru") == "Ракета"
