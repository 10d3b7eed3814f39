"""A save keeps the merged content; `build_scenario` turns it back into the same ruleset, and refuses damaged content."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from content_kit import TINY, load, mod

from game.ai.runner import play_game
from game.content.findings import ContentError
from game.content.load import build_scenario, fingerprint, layer_changes
from game.content.packages import discover
from game.engine import state_hash


def through_json(content: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(content, ensure_ascii=False))


def test_saved_content_rebuilds_the_same_ruleset_and_game(tmp_path: Path) -> None:
    m = mod(tmp_path, "tweak", {"c.yaml": "milestones:\n  - {id: orbit, $op: patch, first: 14}\n"})
    original = load(m)
    rebuilt = build_scenario(through_json(original.content))
    assert rebuilt.ruleset == original.ruleset
    assert rebuilt.ruleset.fingerprint == original.ruleset.fingerprint == fingerprint(original.content)
    assert rebuilt.ruleset.mods == ("tweak",)
    assert rebuilt.text("milestone.orbit.name") == "Orbit"
    a, _ = play_game(original.ruleset, 3, {})
    b, _ = play_game(rebuilt.ruleset, 3, {})
    assert state_hash(a) == state_hash(b)


def test_rebuilding_does_not_change_the_content_it_was_given() -> None:
    content = through_json(load().content)
    before = copy.deepcopy(content)
    build_scenario(content)
    assert content == before


def test_content_saved_before_a_new_field_existed_still_builds() -> None:
    content = through_json(load().content)
    for side in content["sides"]:
        del side["start_milestones"]
    scenario = build_scenario(content)
    assert scenario.ruleset.side("red").start_milestones == ()
    assert scenario.ruleset.fingerprint == fingerprint(content)


@pytest.mark.parametrize(
    ("damage", "where"),
    [
        (lambda c: c["techs"][0].update(cost="lots"), "cost"),
        (lambda c: c["techs"][1].update(requires=["nowhere"]), "requires[0]"),
        (lambda c: c["missions"][0]["steps"][0].update(slot=None), "steps[0].slot"),
        (lambda c: c.update(settings={"start": "1960"}), "end"),
        (lambda c: c.update(strings={"en": {"k": 5}}), ""),
        (lambda c: c.update(techs="nope"), ""),
    ],
)
def test_damaged_saved_content_is_refused_with_findings(damage, where: str) -> None:  # type: ignore[no-untyped-def]
    content = through_json(load().content)
    damage(content)
    with pytest.raises(ContentError) as e:
        build_scenario(content)
    assert e.value.errors
    if where:
        assert any(f.field == where for f in e.value.errors), [f.format() for f in e.value.errors]


def test_a_scenario_tells_a_save_its_layers_and_what_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = mod(tmp_path, "tweak", {"c.yaml": "milestones:\n  - {id: orbit, $op: patch, first: 14}\n"})
    scenario = load(m)
    recorded = scenario.layer_info()
    assert [r["id"] for r in recorded] == ["tiny", "tweak"]
    packages = {p.id: p for p in scenario.layers}
    assert layer_changes(recorded, packages) == []
    (m / "c.yaml").write_text("milestones:\n  - {id: orbit, $op: patch, first: 15}\n", encoding="utf-8")
    assert layer_changes(recorded, packages) == ["mod 'tweak' has changed since the game was saved"]
    del packages["tweak"]
    assert layer_changes(recorded, packages) == ["mod 'tweak' is not installed"]
    monkeypatch.setenv("SPACERACE_SCENARIOS", str(TINY))
    installed, _ = discover()
    assert layer_changes(recorded[:1], installed) == []
