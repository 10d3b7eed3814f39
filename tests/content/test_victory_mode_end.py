"""A victory mode's own end date: read from the file as a turn, and checked against the scenario's dates."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod

MODES = """
victory_modes:
  - {{id: race, name: {{en: Race}}, victories: [moon_first], end: {end}}}
  - {{id: era, name: {{en: Era}}, victories: []}}
"""


def test_a_mode_s_end_is_its_deadline_and_the_others_keep_the_scenario_s(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "deadline", {"c.yaml": MODES.format(end="1962-Q4")})).ruleset
    assert rules.date_label(rules.end_of("race")) == "1962-Q4"
    assert rules.end_of("") == rules.end_of("race"), "the first mode is the default"
    assert rules.end_of("era") == rules.settings.end


def test_an_end_outside_the_scenario_is_an_error(tmp_path: Path) -> None:
    found = {(f.field, f.code) for f in errors(mod(tmp_path, "late", {"c.yaml": MODES.format(end="1966-Q1")}))}
    assert ("end", "logic/date") in found
