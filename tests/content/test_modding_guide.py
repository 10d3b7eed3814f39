"""The tutorial in docs/modding.md, followed as a new modder would: its files, in its order, give what it says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from content_kit import ROOT

from game.cli import main
from game.content.check import validate
from game.content.load import load_scenario
from game.content.packages import discover

GUIDE = ROOT / "docs" / "modding.md"
BLOCK = re.compile(r"```yaml\n# file: (?P<path>[^\n]+)\n(?P<body>.*?)```", re.S)


def tutorial_files(folder: str = "moon_base/") -> list[tuple[str, str]]:
    """(path, text) of every file the guide gives for `folder` (the first mod's by default), in its order."""
    found = BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))
    return [(m["path"], m["body"]) for m in found if m["path"].startswith(folder)]


def test_the_tutorial_gives_a_manifest_and_three_files() -> None:
    assert [p for p, _ in tutorial_files()] == [
        "moon_base/manifest.yaml",
        "moon_base/outpost.yaml",
        "moon_base/rules.yaml",
    ]


def test_following_the_tutorial_gives_a_working_mod(empty_user_mods: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = dict(tutorial_files())

    # 1. The manifest alone: the game lists the mod, and it is clean.
    (empty_user_mods / "moon_base").mkdir()
    (empty_user_mods / "moon_base" / "manifest.yaml").write_text(files["moon_base/manifest.yaml"], encoding="utf-8")
    packages, _ = discover()
    assert packages["moon_base"].is_mod
    assert main(["scenarios"]) == 0
    assert "moon_base             mod       0.1.0    Moon Base" in capsys.readouterr().out
    assert validate(["moon_base"]).errors == 0

    # 2. New records, with the typo the guide puts in on purpose, reported as the guide shows.
    outpost = empty_user_mods / "moon_base" / "outpost.yaml"
    outpost.write_text(files["moon_base/outpost.yaml"], encoding="utf-8")
    report = validate(["moon_base"])
    shown = [f for f in report.findings if f.severity != "info"]
    fallback = [  # one line for each language the campaign has and the mod does not: it falls back to English
        ("warning", 0, lang, f"add strings/{lang}.yaml to moon_base and {lang} to its manifest's languages")
        for lang in ("vi", "ru")
    ]
    assert [(f.severity, f.line, f.field, f.hint) for f in shown] == [
        ("error", 34, "slots.habitat[0]", "did you mean 'habitat_module'?"),
        *fallback,
        ("warning", 20, "", ""),
        ("warning", 26, "", ""),
    ]
    guide = GUIDE.read_text(encoding="utf-8")
    for f in shown:
        assert f.format().split("moon_base/", 1)[1] in guide

    # ...and fixed as the guide says.
    outpost.write_text(outpost.read_text(encoding="utf-8").replace("habitat_modul]", "habitat_module]"))
    report = validate(["moon_base"])
    assert (report.errors, report.warnings) == (0, 2)
    assert {f.code for f in report.findings if f.severity == "warning"} == {"text/fallback"}

    # 3. Changing the campaign's records.
    (empty_user_mods / "moon_base" / "rules.yaml").write_text(files["moon_base/rules.yaml"], encoding="utf-8")
    report = validate(["moon_base"])
    assert (report.errors, report.warnings) == (0, 2)
    patched = {f.record for f in report.findings if f.code == "merge/patched"}
    assert patched == {"victory(moon_landing)", "mission(crewed_lunar_landing)", "settings"}

    scenario = load_scenario("race_1955", ["moon_base"])
    rules = scenario.ruleset
    assert rules.date_label(rules.settings.end) == "1980-Q4"
    assert rules.victory[0].when.milestone == "lunar_outpost"  # type: ignore[union-attr]
    landing = rules.missions["crewed_lunar_landing"].prestige
    assert (landing.death, landing.failure) == (-40, -8)
    assert scenario.text("mission.lunar_outpost_mission.name") == "Lunar outpost"
    assert scenario.text("step.surface_stay", "vi") == "Two weeks on the surface"

    # 4. Watching it played: the command the guide gives runs and lists the new milestone.
    assert main(["simulate", "--scenario", "race_1955", "--mod", "moon_base", "--games", "2", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "2 games of race_1955" in out and "\nlunar_outpost " in out
    # ...and the content-use report has the mod's own part, as "Reading the content-use report" shows it.
    assert (
        "\nmod moon_base: events 1 of 1 fired" in out and "  techs researched (games, per side): surface_habitat" in out
    )


def test_the_guide_gives_a_standalone_scenario_in_three_files() -> None:
    assert [p for p, _ in tutorial_files("mars_dash/")] == [
        "mars_dash/manifest.yaml",
        "mars_dash/content.yaml",
        "mars_dash/strings/en.yaml",
    ]


def test_the_standalone_scenario_of_the_guide_validates_and_simulates(
    empty_user_mods: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Exactly the guide's files, in an empty mods folder: a scenario borrows nothing from race_1955.
    for path, text in tutorial_files("mars_dash/"):
        (empty_user_mods / path).parent.mkdir(parents=True, exist_ok=True)
        (empty_user_mods / path).write_text(text, encoding="utf-8")
    report = validate(["mars_dash"])
    assert (report.errors, report.warnings) == (0, 0), [f.format() for f in report.findings]
    assert "`spacerace validate mars_dash` says `0 error(s), 0 warning(s)`" in GUIDE.read_text(encoding="utf-8")
    scenario = load_scenario("mars_dash")
    assert not scenario.layers[0].is_mod and scenario.mods == ()
    assert scenario.text("event.funding_review.choice.push_on") == "Push on (+10 budget a year)"

    out = tmp_path / "games.json"
    assert main(["simulate", "--scenario", "mars_dash", "--games", "6", "--quiet", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "6 games of mars_dash" in text and "\nmars_orbit " in text
    (used,) = json.loads(out.read_text(encoding="utf-8"))["usage"]["packages"]
    assert used["id"] == "mars_dash" and used["role"] == "scenario"
    assert used["never"]["missions"] == [] and used["never"]["milestones"] == [] and used["never"]["events"] == []


@pytest.mark.parametrize("block", ["settings", "sides"])
def test_what_the_guide_calls_required_is(empty_user_mods: Path, block: str) -> None:
    files = dict(tutorial_files("mars_dash/"))
    content = files["mars_dash/content.yaml"]
    start = content.index(f"{block}:")
    end = content.index("\n\n", start)
    for path, text in files.items():
        (empty_user_mods / path).parent.mkdir(parents=True, exist_ok=True)
        (empty_user_mods / path).write_text(
            text if path != "mars_dash/content.yaml" else content[:start] + content[end:]
        )
    assert validate(["mars_dash"]).errors > 0
