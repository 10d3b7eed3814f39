"""`spacerace validate` side by side: what some side could reach in the pass for every side but no side can on
its own: a crewed mission gated to a side with no crew, the milestones only it earns, and events whose sides
can never meet their condition. Each warning names the file, the record and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_kit import TINY, mod

from game.cli import main
from game.content.findings import Finding
from game.content.load import load_scenario

SIDE = """
    sides:
      - {id: green, color: [60, 200, 60], start_cash: 20, budget: 40, start_techs: {rocket: 50}, ai_personality: plain}
    """
# green (no crew) may plan the crewed green_orbiter and nobody else may: its milestone is never reached, and
# green's pride in it never happens. blue alone flies blue_probe: red never reaches blue_thing itself (but
# can see blue reach it).
RECORDS = """
    milestones:
      - {id: green_first, first: 5, second: 2}
      - {id: blue_thing, first: 5, second: 2}
    missions:
      - id: green_orbiter
        crew: 1
        available: {op: is_side, side: green}
        slots: {launcher: [booster]}
        steps: [{id: launch, slot: launcher}]
        milestones: [green_first]
      - id: blue_probe
        available: {op: any, of: [{op: is_side, side: blue}]}
        slots: {launcher: [booster]}
        steps: [{id: launch, slot: launcher}]
        milestones: [blue_thing]
    events:
      - id: green_pride
        sides: [green]
        when: {op: achieved, milestone: green_first, by: self}
        effects: [{op: add_prestige, amount: 1}]
      - id: red_envy
        sides: [red]
        when: {op: achieved, milestone: blue_thing, by: self}
        effects: [{op: add_prestige, amount: 1}]
      - id: red_watch
        sides: [red]
        when: {op: achieved, milestone: blue_thing, by: rival}
        effects: [{op: add_prestige, amount: 1}]
    """
TEXTS = """
    side.green.name: Green
    milestone.green_first.name: Green first
    milestone.blue_thing.name: Blue thing
    mission.green_orbiter.name: Green orbiter
    mission.blue_probe.name: Blue probe
    event.green_pride.title: Pride
    event.green_pride.text: Green is proud.
    event.red_envy.title: Envy
    event.red_envy.text: Red is envious.
    event.red_watch.title: Watch
    event.red_watch.text: Red watches.
    """
CREW = """
    crews:
      - {id: gus, side: green, name: Gus Green, skills: {pilot: 50}}
    """


def _findings(tmp: Path, files: dict[str, str]) -> list[Finding]:
    folder = mod(tmp, "green_mod", {**files, "strings/en.yaml": TEXTS}, extra="languages: [en]\n")
    return list(load_scenario(str(TINY), [str(folder)]).findings)


def _warned(findings: list[Finding]) -> dict[str, Finding]:
    return {f.record: f for f in findings if f.code in ("logic/no_crew", "logic/unreachable")}


@pytest.fixture
def warned(tmp_path: Path) -> dict[str, Finding]:
    return _warned(_findings(tmp_path, {"sides.yaml": SIDE, "records.yaml": RECORDS}))


def test_a_crewed_mission_gated_to_a_side_without_crew(warned: dict[str, Finding]):
    f = warned["mission(green_orbiter)"]
    assert (f.severity, Path(f.path).name, f.field, f.code) == ("warning", "records.yaml", "crew", "logic/no_crew")
    assert f.line == 6  # the record's `crew:` line
    assert "green may plan it" in f.message and "has no crew at all" in f.message


def test_a_milestone_only_that_mission_earns(warned: dict[str, Finding]):
    f = warned["milestone(green_first)"]
    assert (f.severity, Path(f.path).name, f.code) == ("warning", "records.yaml", "logic/unreachable")
    assert "no side can ever fly green_orbiter" in f.message


def test_events_whose_sides_can_never_meet_their_condition(warned: dict[str, Finding]):
    pride, envy = warned["event(green_pride)"], warned["event(red_envy)"]
    assert (pride.field, pride.code, Path(pride.path).name) == ("when", "logic/unreachable", "records.yaml")
    assert "green can never reach milestone 'green_first'" in pride.message
    assert "red can never reach milestone 'blue_thing'" in envy.message
    # What a rival reaches is the rival's: red can watch blue reach it.
    assert "event(red_watch)" not in warned and "milestone(blue_thing)" not in warned


def test_a_side_with_crew_clears_them_all(tmp_path: Path):
    findings = _findings(tmp_path, {"sides.yaml": SIDE, "crews.yaml": CREW, "records.yaml": RECORDS})
    assert set(_warned(findings)) == {"event(red_envy)"}


def test_the_shipped_packages_have_none_of_them(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "--format", "json"]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not codes & {"logic/no_crew", "logic/unreachable"}


def test_validate_says_each_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = mod(
        tmp_path,
        "green_mod",
        {"sides.yaml": SIDE, "records.yaml": RECORDS, "strings/en.yaml": TEXTS},
        extra="languages: [en]\n",
    )
    assert main(["validate", str(TINY), "--mod", str(folder)]) == 0  # warnings: the mod still loads
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "mission(green_orbiter)" in x)
    assert line.startswith(str(folder / "records.yaml") + ":6: warning: mission(green_orbiter) › crew: ")
