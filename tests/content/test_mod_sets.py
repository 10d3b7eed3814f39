"""A set of mods: validate judges it exactly as play and simulate load it, and what they must warn of, they do."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from content_kit import TINY, errors, load, mod

from game.cli import main
from game.content.check import UsageProblem, validate
from game.content.findings import ContentError, Finding
from game.content.load import load_scenario

REMOVE_WINDFALL = {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n"}
ORBIT_BY = "milestones:\n  - {{id: orbit, first: {points}}}\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------------------ one set, one verdict


@pytest.mark.parametrize("target", ["tiny", "mod"])
def test_an_unknown_mod_is_bad_usage_in_validate_as_in_simulate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    path = str(TINY) if target == "tiny" else str(mod(tmp_path, "china_1970", {}))
    code, _, err = run(capsys, "validate", path, "--mod", "nope")
    assert code == 2
    [line] = err.strip().splitlines()
    assert line.startswith("spacerace: error: ") and "no mod 'nope' installed" in line
    code, _, err = run(capsys, "simulate", "--scenario", str(TINY), "--mod", "nope", "--games", "1")
    assert code == 2 and "no mod 'nope' installed" in err


def test_a_scenario_given_as_a_mod_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(TINY), "--mod", str(TINY))
    assert code == 2 and "is a scenario, not a mod" in err


def _sets(tmp_path: Path) -> dict[str, tuple[list[Path], Path | None]]:
    """Mod sets, each as (mods to load, a mod folder to validate with the others given by --mod)."""
    good = mod(tmp_path, "good", {"c.yaml": "milestones:\n  - {id: orbit, $op: patch, first: 12}\n"})
    broken = mod(tmp_path, "broken", {"c.yaml": "techs:\n  - {id: rocket, $op: patch, cost: lots}\n"})
    picky = mod(tmp_path, "picky", {}, extra="conflicts: [good]\n")
    needy = mod(tmp_path, "needy", {}, requires="tiny, good")
    return {
        "good alone": ([good], good),
        "a broken mod under a good one": ([good, broken], good),
        "two mods in conflict": ([good, picky], good),
        "a requirement missing": ([needy], needy),
        "a requirement given": ([good, needy], needy),
    }


@pytest.mark.parametrize(
    "name",
    [
        "good alone",
        "a broken mod under a good one",
        "two mods in conflict",
        "a requirement missing",
        "a requirement given",
    ],
)
def test_validate_fails_exactly_the_sets_that_play_refuses(tmp_path: Path, name: str) -> None:
    mods, target = _sets(tmp_path)[name]
    try:
        load(*mods)
        refused = False
    except ContentError:
        refused = True
    assert (validate([str(TINY)], [str(m) for m in mods]).errors > 0) == refused
    # The same set, seen from one of its mods (the scenario is given as a folder so that it is known).
    report = validate([str(TINY), str(target)], [str(m) for m in mods if m != target])
    assert (report.errors > 0) == refused


# ------------------------------------------------------------------------------ mods together


def test_a_clash_between_mods_is_a_warning_of_the_loaded_set(tmp_path: Path) -> None:
    one = mod(tmp_path, "one", {"c.yaml": ORBIT_BY.format(points=11)})
    two = mod(tmp_path, "two", {"c.yaml": ORBIT_BY.format(points=22)})
    scenario = load(one, two)
    [clash] = scenario.player_warnings
    assert clash.code == "merge/clash" and "'one'" in clash.message and clash.path.endswith("two/c.yaml")
    assert "load_after" in clash.hint
    # Said on purpose: the later mod is declared to load after the other, so it is no clash.
    meant = mod(tmp_path / "meant", "two", {"c.yaml": ORBIT_BY.format(points=22)}, extra="load_after: [one]\n")
    assert load(one, meant).player_warnings == []


def test_a_replacement_of_a_patched_record_clashes_but_patches_combine(tmp_path: Path) -> None:
    patch = mod(tmp_path, "patcher", {"c.yaml": "milestones:\n  - {id: orbit, $op: patch, first: 11}\n"})
    other = mod(tmp_path, "other", {"c.yaml": "milestones:\n  - {id: orbit, $op: patch, second: 2}\n"})
    whole = mod(tmp_path, "whole", {"c.yaml": "milestones:\n  - {id: orbit, $op: replace, first: 30}\n"})
    assert load(patch, other).player_warnings == []
    assert [f.code for f in load(patch, whole).player_warnings] == ["merge/clash"]


def test_simulate_prints_a_clash_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = mod(tmp_path, "one", {"c.yaml": ORBIT_BY.format(points=11)})
    two = mod(tmp_path, "two", {"c.yaml": ORBIT_BY.format(points=22)})
    argv = ["simulate", "--scenario", str(TINY), "--mod", str(one), "--mod", str(two), "--games", "1", "--quiet"]
    code, _, err = run(capsys, *argv)
    assert code == 0
    [line] = [x for x in err.splitlines() if "warning" in x]
    assert line.startswith("spacerace: warning: ") and "clashes with the mod 'one'" in line


def test_play_prints_a_clash_before_the_window_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = mod(tmp_path, "one", {"c.yaml": ORBIT_BY.format(points=11)})
    two = mod(tmp_path, "two", {"c.yaml": ORBIT_BY.format(points=22)})
    seen: list[str] = []

    def window(**kwargs: object) -> int:
        seen.append(capsys.readouterr().err)  # what was printed before the window was asked for
        return 0

    monkeypatch.setattr("game.ui.app.run", window)  # the window is not opened
    assert main(["play", "--scenario", str(TINY), "--mod", str(one), "--mod", str(two)]) == 0
    assert len(seen) == 1 and "spacerace: warning: " in seen[0] and "clashes with the mod 'one'" in seen[0]


# ------------------------------------------------------------------------------ files


def test_a_yaml_error_is_reported_alone(tmp_path: Path) -> None:
    folder = mod(
        tmp_path,
        "half",
        {
            "a.yaml": "techs:\n  - {id: drill, line: rocket, cost: 5, name: {en: Drill}\n",  # the } is missing
            "b.yaml": "hardware:\n  - {id: bit, tech: drill, unit_cost: 3, kind: launcher, name: {en: Bit}}\n",
        },
    )
    found = [f for f in validate([str(TINY), str(folder)]).findings if f.severity != "info"]
    [only] = found  # no "needs tech 'drill'" from b.yaml: that follows from the broken file
    assert only.code == "yaml" and only.path.endswith("a.yaml")


def test_a_shadowed_package_id_is_a_warning_naming_both_folders(
    tmp_path: Path, empty_user_mods: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mod(empty_user_mods, "a_copy", {}).joinpath("manifest.yaml").write_text("id: twin\nkind: mod\nrequires: [tiny]\n")
    mod(empty_user_mods, "b_copy", {}).joinpath("manifest.yaml").write_text("id: twin\nkind: mod\nrequires: [tiny]\n")
    report = validate([])
    [shadow] = [f for f in report.findings if f.code == "packages/shadowed"]
    assert "b_copy" in shadow.path and "a_copy" in shadow.message and shadow.severity == "warning"
    assert [f.code for f in load_scenario(str(TINY), ["twin"]).player_warnings] == ["packages/shadowed"]
    assert [f.code for f in load_scenario(str(TINY)).player_warnings] == []  # not loaded, not a player's concern


def test_an_empty_content_file_is_a_warning_naming_it(tmp_path: Path) -> None:
    folder = mod(tmp_path, "hollow", {"empty.yaml": "", "comments.yaml": "# to do\n", "strings/en.yaml": ""})
    found = {Path(f.path).name for f in load(folder).findings if f.code == "files/empty"}
    assert found == {"empty.yaml", "comments.yaml", "en.yaml"}
    assert all(f.severity == "warning" for f in load(folder).findings if f.code == "files/empty")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_a_warning_and_never_blocks(tmp_path: Path) -> None:
    folder = mod(tmp_path, "piped", {})
    os.mkfifo(folder / "pipe.yaml")
    started = time.perf_counter()
    report = validate([str(TINY), str(folder)])
    assert time.perf_counter() - started < 10
    [warning] = [f for f in report.findings if f.code == "files/not_regular"]
    assert warning.severity == "warning" and warning.path.endswith("pipe.yaml") and "named pipe" in warning.message
    assert report.errors == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_reading_a_named_pipe_fails_at_once(tmp_path: Path) -> None:
    from game.content.yamlsafe import YamlError, read_text

    os.mkfifo(tmp_path / "late.yaml")  # as if put in a listed file's place
    with pytest.raises(YamlError, match="not a regular file"):
        read_text(tmp_path / "late.yaml")


# ------------------------------------------------------------------------------ messages


def test_a_missing_required_mod_is_not_called_a_scenario(tmp_path: Path) -> None:
    needy = mod(tmp_path, "needy", {}, requires="tiny, helper_mod")
    [found] = errors(needy)
    assert "'helper_mod', which is not installed" in found.format()
    assert "--scenario" not in found.format() and "the scenario" not in found.format()


def test_a_required_mod_that_is_installed_but_not_given_says_add_it(tmp_path: Path) -> None:
    helper = mod(tmp_path, "helper_mod", {})
    needy = mod(tmp_path, "needy", {}, requires="tiny, helper_mod")
    [found] = errors_with(helper, needy, given=[needy])
    assert "needs the mod 'helper_mod'" in found.message and found.hint == "add --mod helper_mod"


def errors_with(*installed: Path, given: list[Path]) -> list[Finding]:
    """Errors of loading `given` when `installed` are in the mods folder."""
    try:
        load_scenario(str(TINY), [m.name for m in given], extra_dirs=[m for m in installed])
    except ContentError as e:
        return e.errors
    raise AssertionError("the set loaded, but it should not have")


def test_an_open_date_window_prints_an_ellipsis(tmp_path: Path) -> None:
    body = "events:\n  - id: late\n    title: {en: Late}\n    text: {en: Late.}\n    when: {op: date_between, start: 1980-Q1}\n"
    text = "\n".join(f.format() for f in load(mod(tmp_path, "m", {"c.yaml": body})).findings)
    assert "1980-Q1–…" in text and "None" not in text


def test_validate_usage_problem_is_raised_for_an_unknown_mod() -> None:
    with pytest.raises(UsageProblem, match="no mod 'nope'"):
        validate([str(TINY)], ["nope"])


def test_the_modding_guide_documents_the_load_order_and_schemas_for_any_folder() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "modding.md").read_text(encoding="utf-8")
    assert "## Load order" in guide
    section = guide.split("## Load order", 1)[1].split("\n## ", 1)[0]
    assert "load_after" in section and "--mod" in section and "(#editor-support)" in section
    assert "spacerace schema --out" in guide


def test_an_installed_mod_with_a_broken_manifest_is_named_for_what_is_wrong(
    empty_user_mods: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = mod(empty_user_mods, "wobbly", {})
    (folder / "manifest.yaml").write_text("id: wobbly\nkind: mod\nversion: one\n")
    code, _, err = run(capsys, "simulate", "--scenario", str(TINY), "--mod", "wobbly", "--games", "1")
    assert code == 1 and "version" in err and "not installed" not in err
    report = validate([str(TINY)], ["wobbly"])
    assert report.errors == 1 and report.findings[0].field == "version"


def test_a_yaml_error_comes_first_in_a_report_of_several_packages(tmp_path: Path) -> None:
    first = mod(tmp_path, "aaa", {"c.yaml": "techs:\n  - {id: rocket, $op: patch, cost: lots}\n"})
    broken = mod(tmp_path, "zzz", {"c.yaml": "techs: [\n"})
    report = validate([str(TINY), str(first), str(broken)])
    assert [f.code for f in report.findings[:2]] == ["yaml", "schema/int_type"]


def test_a_mod_that_removes_or_patches_its_own_removal_is_told_so(tmp_path: Path) -> None:
    twice = mod(
        tmp_path, "twice", {"c.yaml": "events:\n  - {id: windfall, $op: remove}\n  - {id: windfall, $op: remove}\n"}
    )
    [found] = errors(twice)
    assert found.code == "merge/duplicate" and "this mod removes" in found.message and found.line == 3
