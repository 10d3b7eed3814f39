"""How mods lay over a scenario: add, replace, patch (nested fields, null, list operations), remove, and load order."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod, problems

from game.content.findings import INFO, WARNING


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


def test_a_new_id_adds_a_record(tmp_path: Path) -> None:
    m = mod(tmp_path, "more", {"c.yaml": "milestones:\n  - {id: station, first: 9, name: {en: Station}}\n"})
    assert load(m).ruleset.milestones["station"].first == 9


def test_an_existing_id_without_op_is_replaced_with_a_warning(tmp_path: Path) -> None:
    m = mod(tmp_path, "again", {"c.yaml": "milestones:\n  - {id: orbit, first: 3}\n"})
    scenario = load(m)
    orbit = scenario.ruleset.milestones["orbit"]
    assert (orbit.first, orbit.second, orbit.history_date) == (3, 0, None)  # the rest went back to defaults
    warning = next(f for f in scenario.findings if f.code == "merge/implicit_replace")
    assert warning.severity == WARNING and warning.record == "milestone(orbit)" and warning.line == 2


def test_replace_says_it_is_meant(tmp_path: Path) -> None:
    m = mod(tmp_path, "again", {"c.yaml": "milestones:\n  - {id: orbit, $op: replace, first: 3}\n"})
    scenario = load(m)
    assert scenario.ruleset.milestones["orbit"].first == 3
    note = next(f for f in scenario.findings if f.code == "merge/replaced")
    assert note.severity == INFO and "replaced by again (was from tiny)" in note.message


def test_add_of_an_existing_id_is_an_error(tmp_path: Path) -> None:
    m = mod(tmp_path, "again", {"c.yaml": "milestones:\n  - {id: orbit, $op: add, first: 3}\n"})
    assert codes(errors(m)) == ["merge/exists"]


def test_the_same_id_twice_in_one_package_is_an_error(tmp_path: Path) -> None:
    body = "milestones:\n  - {id: dock, first: 3}\n  - {id: dock, first: 4}\n"
    m = mod(tmp_path, "twice", {"c.yaml": body})
    found = [f for f in errors(m) if f.code == "merge/duplicate"]
    assert found and found[0].line == 3 and "also at" in found[0].message


def test_patch_changes_only_the_fields_given(tmp_path: Path) -> None:
    m = mod(tmp_path, "p", {"c.yaml": "techs:\n  - {id: capsule, $op: patch, cost: 12}\n"})
    capsule = load(m).ruleset.techs["capsule"]
    assert (capsule.cost, capsule.requires, capsule.base, capsule.ceiling) == (12, ("rocket",), 35, 95)


def test_patch_merges_a_mapping_key_by_key(tmp_path: Path) -> None:
    body = """
    sides:
      - id: red
        $op: patch
        start_techs: {capsule: 60}
        start_hardware: {booster: 3}
    missions:
      - id: crewed_orbiter
        $op: patch
        prestige: {death: -20}
    """
    rules = load(mod(tmp_path, "p", {"c.yaml": body})).ruleset
    red = rules.side("red")
    assert dict(red.start_techs) == {"rocket": 50, "capsule": 60}
    assert dict(red.start_hardware) == {"booster": 3}
    prestige = rules.missions["crewed_orbiter"].prestige
    assert (prestige.success, prestige.failure, prestige.death) == (2, -3, -20)


def test_patch_null_removes_a_key_or_resets_a_field(tmp_path: Path) -> None:
    body = """
    sides:
      - {id: red, $op: patch, start_techs: {rocket: null}, ai_personality: null}
    missions:
      - {id: moon_landing, $op: patch, available: null}
    """
    rules = load(mod(tmp_path, "p", {"c.yaml": body})).ruleset
    assert rules.side("red").start_techs == ()
    assert rules.side("red").ai_personality is None
    assert rules.missions["moon_landing"].available is None


def test_patch_replaces_a_condition_whole(tmp_path: Path) -> None:
    body = "missions:\n  - {id: moon_landing, $op: patch, available: {op: has_tech, tech: capsule}}\n"
    available = load(mod(tmp_path, "p", {"c.yaml": body})).ruleset.missions["moon_landing"].available
    assert type(available).__name__ == "HasTech"  # not a mixture of the old `achieved` and the new fields


def test_patch_replaces_a_list_whole(tmp_path: Path) -> None:
    body = "techs:\n  - {id: lander, $op: patch, requires: [rocket]}\n"
    assert load(mod(tmp_path, "p", {"c.yaml": body})).ruleset.techs["lander"].requires == ("rocket",)


def test_patch_list_operations_remove_patch_and_append(tmp_path: Path) -> None:
    body = """
    missions:
      - id: crewed_orbiter
        $op: patch
        steps:
          $remove: [observe]
          $patch:
            - {id: reentry, difficulty: 7}
          $append:
            - {id: splashdown, slot: capsule, critical: false, name: {en: Splashdown}}
    techs:
      - id: lander
        $op: patch
        requires: {$append: [rocket]}
    """
    rules = load(mod(tmp_path, "p", {"c.yaml": body})).ruleset
    steps = rules.missions["crewed_orbiter"].steps
    assert [s.id for s in steps] == ["launch", "orbit_insertion", "reentry", "splashdown"]
    reentry = steps[2]
    assert (reentry.difficulty, reentry.fatal, reentry.skill) == (7, 90, "pilot")
    assert rules.techs["lander"].requires == ("capsule", "rocket")


def test_list_operations_on_a_missing_item_are_errors_at_their_line(tmp_path: Path) -> None:
    body = """
    missions:
      - id: crewed_orbiter
        $op: patch
        steps:
          $remove:
            - observe
            - obsrve
          $shuffle: []
    """
    found = errors(mod(tmp_path, "p", {"c.yaml": body}))
    assert [(f.line, f.field) for f in found] == [(8, "steps")]
    assert "unknown list operation '$shuffle'" in found[0].message
    body = body.replace("      $shuffle: []\n", "").replace("        - observe\n", "")
    found = errors(mod(tmp_path / "b", "p", {"c.yaml": body}))
    assert [(f.line, f.field, f.hint) for f in found] == [(6, "steps.$remove", "did you mean 'observe'?")]


def test_a_patch_cannot_change_the_id_or_patch_what_is_not_there(tmp_path: Path) -> None:
    m = mod(tmp_path, "p", {"c.yaml": "techs:\n  - {id: rockt, $op: patch, cost: 3}\n"})
    [found] = errors(m)
    assert found.code == "merge/missing" and found.hint == "did you mean 'rocket'?"


def test_remove_deletes_and_what_needs_it_is_reported_with_the_mod(tmp_path: Path) -> None:
    m = mod(tmp_path, "cut", {"c.yaml": "techs:\n  - id: capsule\n    $op: remove\n"})
    found = [f for f in errors(m) if f.code == "ref/removed"]
    assert {(f.record, f.field) for f in found} == {("tech(lander)", "requires[0]"), ("hardware(pod)", "tech")}
    assert all("which the mod 'cut' removes" in f.message and "c.yaml:3" in f.message for f in found)
    lander = next(f for f in found if f.record == "tech(lander)")
    assert lander.path.endswith("tiny/content.yaml") and lander.line == 28


def test_a_settings_block_in_a_mod_changes_single_keys(tmp_path: Path) -> None:
    rules = load(mod(tmp_path, "s", {"c.yaml": "settings:\n  end: 1966-Q4\n"})).ruleset
    assert rules.date_label(rules.settings.end) == "1966-Q4"
    assert rules.date_label(rules.settings.start) == "1960-Q1" and rules.settings.recruit_cost == 1


def test_mods_load_after_what_they_require(tmp_path: Path) -> None:
    base = mod(tmp_path, "base_mod", {"c.yaml": "milestones:\n  - {id: dock, first: 3, name: {en: Dock}}\n"})
    top = mod(
        tmp_path,
        "top_mod",
        {"c.yaml": "milestones:\n  - {id: dock, $op: patch, first: 8}\n"},
        requires="tiny, base_mod",
    )
    scenario = load(top, base)  # asked for in the wrong order
    assert scenario.mods == ("base_mod", "top_mod")
    assert scenario.ruleset.milestones["dock"].first == 8


def test_load_after_orders_and_a_circle_is_reported(tmp_path: Path) -> None:
    a = mod(tmp_path, "a_mod", {}, extra="load_after: [b_mod]\n")
    b = mod(tmp_path, "b_mod", {})
    assert load(a, b).mods == ("b_mod", "a_mod")
    c = mod(tmp_path / "c", "b_mod", {}, extra="load_after: [a_mod]\n")
    [found] = errors(a, c)
    assert found.code == "layers/cycle" and "a_mod → b_mod → a_mod" in found.message


def test_a_missing_requirement_and_a_conflict_are_reported(tmp_path: Path) -> None:
    needy = mod(tmp_path, "needy", {}, requires="tiny, helper", extra="conflicts: [rival_mod]\n")
    rival = mod(tmp_path, "rival_mod", {})
    assert codes(errors(needy, rival)) == ["layers/requires", "layers/conflicts"]


def test_a_patch_of_what_an_earlier_mod_removed_names_that_mod(tmp_path: Path) -> None:
    cut = mod(tmp_path, "cutter", {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"})
    late = mod(
        tmp_path,
        "later",
        {"c.yaml": "events:\n  - {id: windfall, $op: patch, chance: 5}\n"},
        extra="load_after: [cutter]\n",
    )
    [found] = errors(cut, late)
    assert found.code == "merge/removed_earlier" and "the mod 'cutter' removes" in found.message
    # Its manifest already loads it after the remover: no load order helps, so the hint offers none.
    assert "conflicts" in found.hint and "load_after" not in found.hint


def test_the_hint_for_a_patch_after_a_removal_leads_out_not_round(tmp_path: Path) -> None:
    cut = mod(tmp_path / "one", "cutter", {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"})
    late = mod(tmp_path, "later", {"c.yaml": "events:\n  - {id: windfall, $op: patch, chance: 5}\n"})
    [found] = errors(cut, late)
    assert "--mod later before --mod cutter" in found.hint and "`load_after` in cutter's manifest" in found.hint
    assert "windfall" not in load(late, cut).ruleset.events  # the first way out: the other order on the command line
    fixed = mod(
        tmp_path / "two",
        "cutter",
        {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"},
        extra="load_after: [later]\n",
    )
    assert load(fixed, late).mods == ("later", "cutter")  # the second: the remover's manifest


def test_mods_that_remove_the_same_record_combine(tmp_path: Path) -> None:
    one = mod(tmp_path, "cut_one", {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"})
    two = mod(tmp_path, "cut_two", {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"})
    for order in ((one, two), (two, one)):
        scenario = load(*order)
        assert "windfall" not in scenario.ruleset.events
        assert not [f for f in scenario.findings if f.severity != "info"]


def test_a_mod_can_change_a_text_of_the_scenario(tmp_path: Path) -> None:
    m = mod(tmp_path, "words", {"strings/en.yaml": '"side.red.name": "Crimson"\n'})
    assert load(m).text("side.red.name") == "Crimson"


def test_every_replacement_patch_and_removal_is_reported(tmp_path: Path) -> None:
    body = """
    milestones:
      - {id: orbit, $op: replace, first: 3}
      - {id: moon, $op: patch, first: 50}
    events:
      - {id: windfall, $op: remove}
    """
    found = [f for f in load(mod(tmp_path, "m", {"c.yaml": body})).findings if f.code.startswith("merge/")]
    assert sorted(f.code for f in found) == ["merge/patched", "merge/removed", "merge/replaced"]


def test_problems_of_all_kinds_come_out_of_one_load(tmp_path: Path) -> None:
    body = """
    techs:
      - {id: drill, line: rocket, cost: lots, name: {en: Drill}}
      - {id: borer, line: rocket, cost: 5, requires: [rockt], name: {en: Borer}}
    """
    found = problems(mod(tmp_path, "m", {"c.yaml": body}))
    assert {"schema/int_type", "ref/unknown"} <= {f.code for f in found}


def test_findings_in_a_patched_record_point_at_the_file_each_field_came_from(tmp_path: Path) -> None:
    body = "techs:\n  - id: lander\n    $op: patch\n    cost: null\n    requires: [rockt]\n"
    found = {(Path(f.path).name, f.line, f.field) for f in errors(mod(tmp_path, "p", {"c.yaml": body}))}
    assert found == {("c.yaml", 2, "cost")}  # pass 1 stops this record; its line is the patch's
    body = "techs:\n  - id: lander\n    $op: patch\n    requires: [rockt]\n"
    found = {(Path(f.path).name, f.line, f.field) for f in errors(mod(tmp_path / "b", "p", {"c.yaml": body}))}
    assert ("c.yaml", 4, "requires[0]") in found
    body = "techs:\n  - id: lander\n    $op: patch\n    cost: 7\n  - id: rocket\n    $op: remove\n"
    found = {(Path(f.path).name, f.line, f.field) for f in errors(mod(tmp_path / "c", "p", {"c.yaml": body}))}
    assert ("content.yaml", 28, "requires[0]") not in found  # lander requires capsule, not rocket
    assert ("content.yaml", 31, "tech") in found  # booster's tech, in the scenario's own file
