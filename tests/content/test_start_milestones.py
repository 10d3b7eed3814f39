"""Milestones reached before a scenario starts: ranked by date, paid no prestige, and checked against the start."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod

from game.engine import Setup, new_game


def test_firsts_before_the_start_are_ranked_by_date_within_a_turn(tmp_path: Path) -> None:
    body = """
    sides:
      - {id: red, $op: patch, start_milestones: {orbit: 1960-01-20}}
      - {id: blue, $op: patch, start_milestones: {orbit: 1960-01-05, crewed_orbit: 1959-Q4}}
    """
    rules = load(mod(tmp_path, "history", {"c.yaml": body})).ruleset
    state = new_game(rules, Setup(), 1)
    assert [s for s, _ in state.firsts["orbit"]] == ["blue", "red"]
    assert state.sides["blue"].milestones == {"orbit": rules.settings.start, "crewed_orbit": rules.settings.start - 1}
    assert state.sides["red"].prestige == rules.side("red").prestige  # no prestige paid for history


def test_a_first_after_the_start_or_unknown_is_an_error(tmp_path: Path) -> None:
    body = "sides:\n  - {id: red, $op: patch, start_milestones: {orbit: 1962-Q1, orbt: 1959}}\n"
    found = {(f.field, f.code) for f in errors(mod(tmp_path, "late", {"c.yaml": body}))}
    assert found == {("start_milestones.orbit", "logic/dates"), ("start_milestones.orbt", "ref/unknown")}
