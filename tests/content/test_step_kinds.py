"""Every mission step names its kind (what the launch animation draws); packages that do not say get a guess."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from content_kit import SCENARIOS, TINY, errors, load, mod

from game.content.step_kinds import FALLBACK, KINDS, infer


def _shipped_steps() -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(SCENARIOS.glob("*/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for mission in doc.get("missions", []) if isinstance(doc, dict) else []:
            for step in mission.get("steps", []):
                out.append((f"{path.parent.name}/{path.name}", mission["id"], step))
    return out


def test_every_step_of_every_shipped_package_says_its_kind() -> None:
    steps = _shipped_steps()
    assert len(steps) > 100
    unsaid = [f"{where} {mission}.{step['id']}" for where, mission, step in steps if step.get("kind") not in KINDS]
    assert not unsaid, unsaid


def test_the_guess_from_the_id_agrees_with_every_kind_the_shipped_missions_say() -> None:
    # the guess is what a package that leaves `kind` out gets: it should be right on the campaign's own ids
    wrong = [
        (step["id"], step["kind"], infer(step["id"]))
        for _, _, step in _shipped_steps()
        if infer(step["id"]) != step["kind"]
    ]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("step_id", "kind"),
    [
        ("launch", "ascent"),
        ("lunar_ascent", "ascent"),
        ("second_stage_separation", "staging"),
        ("warhead_reentry", "reentry"),
        ("descent_engine_test", "operations"),
        ("powered_descent", "landing"),
        ("trans_mars_injection", "transfer"),
        ("lunar_orbit_insertion", "orbit_insertion"),
        ("keep_the_dog_fed", FALLBACK),
    ],
)
def test_the_guess_reads_the_words_of_the_id_in_order(step_id: str, kind: str) -> None:
    assert infer(step_id) == kind


def test_a_package_that_leaves_kind_out_gets_the_guess_in_its_ruleset() -> None:
    rules = load(scenario=TINY).ruleset
    kinds = {s.id: s.kind for m in rules.missions.values() for s in m.steps}
    assert kinds["launch"] == "ascent" and kinds["orbit_insertion"] == "orbit_insertion"


def test_a_kind_given_wins_over_the_guess(tmp_path: Path) -> None:
    m = mod(
        tmp_path,
        "kinds",
        {
            "missions.yaml": """
        missions:
          - id: hop
            name: {en: Hop}
            slots: {launcher: [booster]}
            steps:
              - {id: launch, slot: launcher, kind: suborbital}
    """
        },
    )
    rules = load(m).ruleset
    assert [s.kind for s in rules.missions["hop"].steps] == ["suborbital"]


def test_an_unknown_kind_is_an_error_naming_the_step(tmp_path: Path) -> None:
    m = mod(
        tmp_path,
        "typo",
        {
            "missions.yaml": """
        missions:
          - id: hop
            name: {en: Hop}
            slots: {launcher: [booster]}
            steps:
              - {id: launch, slot: launcher, kind: lnding}
    """
        },
    )
    found = errors(m)
    assert any("steps[0].kind" in f.field or "kind" in f.format() for f in found), [f.format() for f in found]
    assert any(f.path.endswith("missions.yaml") and f.line == 6 for f in found), [f.format() for f in found]
