"""Conditions and effects read to the player as they describe themselves: every phrase has its words, in every language."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from game.engine import conditions as c
from game.engine import effects as e
from game.engine.rules import Ruleset
from game.engine.vocab import Condition, Effect, Phrase, fields_of
from game.ui.i18n import Translator, table
from game.ui.phrases import Wording


def _choices(spec: Any) -> list[Any]:
    """Values worth trying for one field of an op: each word it allows, each kind of date, a nested op."""
    if spec.one_of:
        return list(spec.one_of)
    text = str(spec.type)
    if "Weighted" in text:
        return [(e.Weighted(1, (e.AddCash(1),)),)]
    if "Condition" in text:
        return [(c.IsSide("red"),)] if "tuple" in text else [c.IsSide("red")]
    if "Effect" in text:
        return [(e.AddCash(1),)]
    optional = "None" in text
    if "int" in text:
        return [None, 7840] if optional else [1]
    return [None, "capsule"] if optional else ["capsule"]


def every_way_to_write(op: type) -> list[Any]:
    """An instance of `op` for every combination of its fields' choices."""
    specs = fields_of(op)
    return [op(*values) for values in itertools.product(*(_choices(s) for s in specs))]


def keys_of(phrase: Phrase | None) -> set[str]:
    if phrase is None:
        return set()
    found = {phrase.key}
    for _, value in phrase.args:
        for inner in value if isinstance(value, tuple) else (value,):
            if isinstance(inner, Phrase):
                found |= keys_of(inner)
    return found


def phrases() -> list[Phrase]:
    ops = [x for op in (*c.BUILTIN, *e.BUILTIN) for x in every_way_to_write(op)]
    return [p for p in (x.describe() for x in ops) if p is not None]


def test_every_phrase_a_built_in_op_can_say_has_english_and_vietnamese_words() -> None:
    said = set().union(*(keys_of(p) for p in phrases()))
    assert len(said) > 40
    for lang in ("en", "vi"):
        missing = sorted(said - set(table(lang)))
        assert not missing, f"{lang}.yaml lacks {missing}"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_phrase_reads_as_words_without_placeholders_left(tiny: Ruleset, lang: str) -> None:
    words = Wording(Translator(lang), tiny, lambda key: f"<{key}>")
    for phrase in phrases():
        text = words(phrase)
        assert text and not re.search(r"{\w+}", text) and not re.search(r"\bcond\.|\beffect\.", text), (phrase, text)


def test_a_condition_reads_with_names_and_dates(tiny: Ruleset) -> None:
    words = Wording(Translator("en"), tiny, lambda key: key.split(".")[1].upper())
    start = tiny.settings.start
    cond = c.All((c.HasTech("capsule"), c.DateBetween(start, start + 3), c.Compare("prestige", "ge", 10)))
    assert words(cond.describe()) == (
        f"all of: CAPSULE researched; from {tiny.date_label(start)} to {tiny.date_label(start + 3)}; prestige ≥ 10"
    )


def test_effects_read_as_the_news_screen_always_worded_them(tiny: Ruleset) -> None:
    words = Wording(Translator("en"), tiny, lambda key: key.split(".")[1].upper())
    effects: tuple[Effect, ...] = (
        e.AddCash(5),
        e.AddCash(-3, "rival"),
        e.AddBudget(2),
        e.ResearchProgress("capsule", 4),
        e.ModifyReliability("capsule", -2, "rival"),
        e.ResearchRate(10),
        e.CrewMorale(-5),
        e.InjureCrew(2),
        e.LoseCrew(1),
        e.SetFlag("secret"),
        e.QueueEvent("later"),
        e.RandomOneOf((e.Weighted(1, (e.AddCash(1),)),)),
    )
    said = words.effects(effects)
    assert said is not None and said.split("; ") == [
        "cash +5",
        "rival: cash -3",
        "yearly budget +2",
        "CAPSULE +4",
        "rival: CAPSULE -2",
        "research rate +10%",
        "crew morale -5",
        "2 crew injured",
        "1 crew lost",
        "more news later",
        "an uncertain outcome",
    ]
    assert words.effects((e.SetFlag("secret"),)) is None  # nothing a player would read: no line at all
    assert words.effects(()) is None


def test_every_built_in_op_can_be_described() -> None:
    for op in (*c.BUILTIN, *e.BUILTIN):
        for x in every_way_to_write(op):
            described = x.describe()
            assert described is not None or (isinstance(x, Effect) and not x.stakes()), x
            if isinstance(x, Condition):
                assert isinstance(described, Phrase)
