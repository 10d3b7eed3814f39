"""Choices with conditions in content: a choice's `when`, an event's `default`, and what validate says of them."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod

EVENT = """
events:
  - id: budget_fight
    title: {{en: Budget fight}}
    text: {{en: Congress argues.}}
    sides: [blue]
{default}    choices:
      - id: lobby
        text: {{en: Lobby}}
        when: {{op: has_tech, tech: {tech}}}
        effects: [{{op: add_budget, amount: 4}}]
      - id: accept
        text: {{en: Accept}}
{accept_when}        effects: [{{op: add_prestige, amount: -1}}]
"""


def event(tech: str = "rocket", default: str = "", accept_when: str = "") -> dict[str, str]:
    return {"e.yaml": EVENT.format(tech=tech, default=default, accept_when=accept_when)}


def test_a_choice_with_a_condition_loads_into_the_engine(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "m", event())).ruleset
    lobby, accept = rules.events["budget_fight"].choices
    assert lobby.when is not None and accept.when is None
    assert rules.events["budget_fight"].default is None


def test_a_choice_condition_is_checked_like_any_other(tmp_path: Path) -> None:
    found = errors(mod(tmp_path, "m", event(tech="rockett")))
    assert [(f.field, f.code) for f in found] == [("choices[0].when.tech", "ref/unknown")]
    assert "rocket" in found[0].hint


def test_every_choice_conditional_needs_a_default(tmp_path: Path) -> None:
    guarded = "        when: {op: flag, flag: calm}\n"
    [found] = errors(mod(tmp_path, "m", event(accept_when=guarded)))
    assert (found.record, found.field, found.code) == ("event(budget_fight)", "default", "logic/default")
    rules = load(mod(tmp_path, "ok", event(accept_when=guarded, default="    default: accept\n"))).ruleset
    assert rules.events["budget_fight"].default == "accept"


def test_the_default_must_be_one_of_the_choices(tmp_path: Path) -> None:
    [found] = errors(mod(tmp_path, "m", event(default="    default: acept\n")))
    assert (found.field, found.code) == ("default", "logic/default")
    assert "accept" in found.hint
