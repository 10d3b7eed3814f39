"""A side that joins later, written as a modder would: a date or a condition, validated and played."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_kit import TINY, errors, load, mod

from game.cli import main
from game.engine.conditions import DateBetween

GREEN = """
sides:
  - id: green
    name: {{en: Green}}
    color: [60, 200, 60]
    budget: 44
    start_techs: {{rocket: 50}}
    joins: {joins}
crews:
  - {{id: gus, side: green, name: Gus Green, skills: {{pilot: 55}}}}
"""


def test_a_date_joins_from_that_date(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "green", {"s.yaml": GREEN.format(joins="1961-Q2")})).ruleset
    assert rules.side("green").joins == DateBetween(start=1961 * 4 + 1)


def test_a_condition_joins_when_it_holds_and_is_checked(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "green", {"s.yaml": GREEN.format(joins="{op: first_to, milestone: orbit, by: anyone}")}))
    assert rules.ruleset.side("green").joins is not None
    found = errors(
        mod(tmp_path, "bad", {"s.yaml": GREEN.format(joins="{op: first_to, milestone: orbitt, by: anyone}")})
    )
    assert [(f.record, f.field) for f in found] == [("side(green)", "joins.milestone")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_simulate_plays_a_side_that_joins_mid_game(tmp_path: Path, jobs: str) -> None:
    green = mod(tmp_path, "green", {"s.yaml": GREEN.format(joins="1961-Q2")})
    out = tmp_path / "g.json"
    argv = ["simulate", "--scenario", str(TINY), "--mod", str(green), "--games", "4", "--quiet", "--play-on"]
    assert main([*argv, "--jobs", jobs, "--json", str(out)]) == 0
    games = json.loads(out.read_text(encoding="utf-8"))["games"]
    assert all("green" in g["prestige"] for g in games)
    assert any(f["side"] == "green" for g in games for f in g["flights"]), "green plays once it has joined"
    assert all(f["date"] >= "1961-Q2" for g in games for f in g["flights"] if f["side"] == "green")


def test_a_side_that_joins_after_the_end_is_warned_of(tmp_path: Path) -> None:
    scenario = load(mod(tmp_path, "green", {"s.yaml": GREEN.format(joins="1970-Q1")}))
    [found] = [f for f in scenario.findings if f.field == "joins"]
    assert found.severity == "warning" and "never plays" in found.message


def _guide_block(title: str) -> str:
    """The first YAML block of the modding guide's section `title`."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "modding.md").read_text(encoding="utf-8")
    section = guide.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_guides_late_side_joins_in_1970_and_plays(tmp_path: Path) -> None:
    """A modder who copies the guide's side into a mod over the campaign gets a side that enters in 1970
    and plays from then on, in a Space-age game that runs past the landing."""
    block = _guide_block("A side that joins later")
    assert "joins: 1970-Q1" in block
    late = mod(tmp_path, "latecomer", {"side.yaml": block}, requires="race_1955")
    scenario = load(late, scenario=Path(__file__).resolve().parents[2] / "scenarios" / "race_1955")
    assert not [f for f in scenario.findings if f.severity == "error"]
    out = tmp_path / "g.json"
    argv = ["simulate", "--mod", str(late), "--victory", "space_age", "--games", "2", "--quiet", "--json", str(out)]
    assert main(argv) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    for game in doc["games"]:
        assert game["end"] == "1975-Q4", "a space-age game runs past the landing"
        assert game["researched"].get("china"), "the late side plays: it researches once it has joined"
        assert not [f for f in game["flights"] if f["side"] == "china" and f["date"] < "1970-Q1"]


def test_a_join_date_outside_the_calendar_is_one_error_naming_the_field(tmp_path: Path) -> None:
    [found] = [f for f in errors(mod(tmp_path, "green", {"s.yaml": GREEN.format(joins="1961-Q9")})) if f.field == "joins"]
    assert found.record == "side(green)" and "1961-Q9" in found.message
