"""`spacerace validate`: every problem of a broken mod in one run, at the exact line, with hints, severities and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_kit import ROOT, TINY, errors, mod

from game.cli import main
from game.content.check import UsageProblem, validate

BROKEN = ROOT / "tests" / "content" / "fixtures" / "broken_mod"

# (severity, file, line, record, field, code, hint) of every finding the broken fixture must produce.
EXPECTED = {
    ("error", "rest.yaml", 4, "side(red)", "colour", "schema/extra_forbidden", "did you mean 'color'?"),
    ("error", "rest.yaml", 9, "mission(crowded)", "crew", "logic/unflyable", ""),
    ("error", "rest.yaml", 25, "event(greedy)", "effects[0].amount", "schema/less_than_equal", ""),
    ("error", "rest.yaml", 29, "event(odd_quarter)", "when.start", "logic/dates", ""),
    ("error", "rest.yaml", 32, "hardware(bucket)", "name", "text/missing", "add it to strings/en.yaml"),
    ("error", "rest.yaml", 42, "victory(mars_first)", "when", "logic/unreachable", ""),
    ("error", "techs.yaml", 5, "tech(drill)", "cost", "schema/int_type", ""),
    ("error", "techs.yaml", 10, "tech(borer)", "requires[0]", "ref/unknown", "did you mean 'rocket'?"),
    ("error", "techs.yaml", 20, "tech(egg)", "requires[0]", "logic/cycle", ""),
    ("error", "techs.yaml", 27, "tech(sieve)", "available.of[0].tech", "schema/missing", ""),
    (
        "error",
        "techs.yaml",
        27,
        "tech(sieve)",
        "available.of[0].tehc",
        "schema/extra_forbidden",
        "did you mean 'tech'?",
    ),
    (
        "error",
        "techs.yaml",
        28,
        "tech(sieve)",
        "available.of[1]",
        "schema/union_tag_invalid",
        "did you mean 'date_between'?",
    ),
    (
        "error",
        "content.yaml",
        28,
        "tech(lander)",
        "requires[0]",
        "ref/removed",
        "patch this record too, or do not remove it",
    ),
    ("error", "content.yaml", 32, "hardware(pod)", "tech", "ref/removed", "patch this record too, or do not remove it"),
    ("error", "content.yaml", 96, "victory(moon_first)", "when", "logic/unreachable", ""),
    ("warning", "rest.yaml", 18, "event(too_late)", "when", "logic/unreachable", ""),
    ("warning", "rest.yaml", 35, "milestone(mars)", "", "logic/unreachable", ""),
    ("warning", "techs.yaml", 6, "tech(borer)", "", "logic/unreachable", ""),
    ("warning", "techs.yaml", 6, "tech(borer)", "", "logic/unused", ""),
    ("warning", "content.yaml", 28, "tech(lander)", "", "logic/unreachable", ""),
    ("warning", "content.yaml", 37, "milestone(crewed_orbit)", "", "logic/unreachable", ""),
    ("warning", "content.yaml", 38, "milestone(moon)", "", "logic/unreachable", ""),
    ("warning", "content.yaml", 48, "mission(crewed_orbiter)", "", "logic/unreachable", ""),
}


def test_a_broken_mod_reports_every_problem_in_one_run() -> None:
    report = validate([str(TINY), str(BROKEN)])
    got = {
        (f.severity, Path(f.path).name, f.line, f.record, f.field, f.code, f.hint)
        for f in report.findings
        if f.severity != "info"
    }
    assert got == EXPECTED


def test_messages_say_what_is_wrong_in_the_modders_words() -> None:
    lines = {f.format() for f in validate([str(TINY), str(BROKEN)]).findings}
    text = "\n".join(lines)
    for expected in (
        "techs.yaml:5: error: tech(drill) › cost: should be a whole number, not 'lots'",
        "techs.yaml:20: error: tech(egg) › requires[0]: prerequisites go round in a circle: chicken → egg → chicken",
        "rest.yaml:9: error: mission(crowded) › crew: no side can fly it: blue has 3 crew member(s), it needs 5",
        "rest.yaml:18: warning: event(too_late) › when: this event can never happen: the window 1970–1971-Q4 is "
        "outside the scenario (1960-Q1–1964-Q4)",
        "needs tech 'capsule', which the mod 'broken_mod' removes (",
        "broken_mod/techs.yaml:30) (patch this record too, or do not remove it)",
    ):
        assert expected in text


def test_json_output_and_exit_code_of_a_broken_mod(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(TINY), str(BROKEN), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1
    assert doc["checked"] == ["tiny", "broken_mod"]
    assert (doc["errors"], doc["warnings"]) == (15, 8)
    first = doc["findings"][0]
    assert set(first) == {"severity", "file", "line", "record", "field", "message", "hint", "code"}


def test_a_clean_scenario_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(TINY)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("no/such/folder", "no such folder or installed scenario or mod"),
        (str(TINY / "content.yaml"), "give the folder that holds manifest.yaml"),
        (str(ROOT / "docs"), "no manifest.yaml in this folder"),
    ],
)
def test_bad_usage_exits_2_with_one_line(arg: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", arg]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    with pytest.raises(UsageProblem):
        validate([arg])


def test_an_unknown_flag_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--colour"]) == 2


def test_a_mod_is_not_blamed_for_its_scenarios_own_findings(tmp_path: Path) -> None:
    noisy = mod(tmp_path, "noisy_base", {"x.yaml": "milestones:\n  - {id: lonely, first: 1, name: {en: Lonely}}\n"})
    quiet = mod(
        tmp_path,
        "quiet",
        {"y.yaml": "milestones:\n  - {id: orbit, $op: patch, first: 12}\n"},
        requires="tiny, noisy_base",
    )
    report = validate([str(TINY), str(noisy), str(quiet)])
    lonely = [f for f in report.findings if f.record == "milestone(lonely)" and f.severity == "warning"]
    assert len(lonely) == 1  # reported once, for the mod that has it, not again for the one above it


def test_a_nested_effect_error_has_a_readable_path_and_line(tmp_path: Path) -> None:
    body = """
    events:
      - id: lottery
        title: {en: Lottery}
        text: {en: Luck.}
        effects:
          - op: random_one_of
            options:
              - weight: 1
                effects:
                  - {op: add_cash, amunt: 3}
    """
    found = errors(mod(tmp_path, "m", {"c.yaml": body}))
    assert {(f.field, f.line, f.hint) for f in found} == {
        ("effects[0].options[0].effects[0].amount", 10, ""),
        ("effects[0].options[0].effects[0].amunt", 10, "did you mean 'amount'?"),
    }


def test_a_wrong_value_points_at_its_own_line(tmp_path: Path) -> None:
    body = """
    missions:
      - id: crewed_orbiter
        $op: patch
        steps:
          $patch:
            - id: reentry
              fatal: 900
    """
    [found] = errors(mod(tmp_path, "m", {"c.yaml": body}))
    assert (found.line, found.field, found.message) == (7, "steps[3].fatal", "should be at most 100, not 900")
    assert found.path.endswith("m/c.yaml")


def test_a_mods_manifest_mistake_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad_manifest"
    folder.mkdir()
    (folder / "manifest.yaml").write_text("id: bad_manifest\nkind: mod\nversion: one\nrequire: [tiny]\n")
    report = validate([str(folder)])
    got = {(f.line, f.field) for f in report.findings}
    assert got == {(3, "version"), (4, "require")}
