"""Risks and the draw in content: an event's `risks` and `weight`, the settings' `event_draw`, and what
validate says of them."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod

EVENT = """
events:
  - id: pad_fire
    title: {{en: Fire}}
    text: {{en: A fire on the pad.}}
    sides: [blue]
{extra}    risks:
      - add: 9
        when: {{op: compare, value: flights, {tech}cmp: lt, to: 8}}
    effects: [{{op: add_prestige, amount: -1}}]
"""


def event(extra: str = "", tech: str = "tech: rocket, ") -> dict[str, str]:
    return {"e.yaml": EVENT.format(extra=extra, tech=tech)}


def test_risks_and_a_weight_load_into_the_engine(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "m", event("    weight: 3\n"))).ruleset
    e = rules.events["pad_fire"]
    assert e.weight == 3 and [r.add for r in e.risks] == [9]
    assert (e.risks[0].when.value, e.risks[0].when.tech) == ("flights", "rocket")  # type: ignore[attr-defined]
    assert rules.settings.event_draw == 25, "the draw's chance when the scenario gives none"


def test_a_risks_condition_is_checked_like_any_other(tmp_path: Path) -> None:
    [found] = errors(mod(tmp_path, "m", event(tech="")))
    assert (found.field, found.code) == ("risks[0].when.tech", "logic/compare")
    [found] = errors(mod(tmp_path, "typo", event(tech="tech: rockett, ")))
    assert (found.field, found.code) == ("risks[0].when.tech", "ref/unknown")


def draw_findings(folder: Path) -> list[tuple[str, str]]:
    return [(f.severity, f.field) for f in load(folder).findings if f.code == "logic/draw"]


def test_a_weighted_event_with_a_chance_is_warned_of(tmp_path: Path) -> None:
    assert draw_findings(mod(tmp_path, "m", event("    weight: 3\n    chance: 20\n"))) == [("warning", "chance")]
    assert draw_findings(mod(tmp_path, "ok", event("    weight: 3\n"))) == []


def test_a_weighted_event_is_warned_of_when_nothing_is_ever_drawn(tmp_path: Path) -> None:
    files = {**event("    weight: 3\n"), "settings.yaml": "settings:\n  event_draw: 0\n"}
    assert draw_findings(mod(tmp_path, "m", files)) == [("warning", "weight")]
