"""Files from strangers: every attack ends in one line naming the file, quickly, in bounded memory, and runs no code."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from content_kit import TINY, mod, write

from game.cli import main
from game.content import load as load_module
from game.content import merge, packages, yamlsafe
from game.content.findings import ContentError, Finding
from game.content.load import load_scenario

# A hostile file must be refused quickly rather than chewed on: a bound loose enough that a busy
# machine does not fail it (a real attack takes minutes or runs out of memory, not seconds).
SECOND = 5.0
MEMORY = 64 * 1024 * 1024


def refused(folder: Path) -> str:
    """Load `folder` as a mod over the tiny scenario; it must fail fast, in bounded memory, with one-line findings."""
    started = time.perf_counter()
    findings = _errors(folder)
    elapsed = time.perf_counter() - started
    assert elapsed < SECOND, f"took {elapsed:.2f} s"
    tracemalloc.start()  # a second run, measured: tracing slows everything down
    try:
        _errors(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY, f"used {peak // 1024} KiB"
    assert findings
    lines = [f.format() for f in findings]
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    return "\n".join(lines)


def _errors(folder: Path) -> list[Finding]:
    try:
        load_scenario(str(TINY), [str(folder)])
    except ContentError as e:
        return e.errors
    raise AssertionError("a hostile file was accepted")


def hostile(tmp_path: Path, body: str | bytes, name: str = "content.yaml") -> Path:
    return mod(tmp_path, "hostile", {name: body})


def test_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    out = refused(hostile(tmp_path, "\n".join(lines) + "\n"))
    assert "content.yaml:" in out and "aliases are expanded" in out


def test_merge_key_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["b0: &b0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9, k9: 10}"]
    for i in range(1, 9):
        refs = ", ".join(f"*b{i - 1}" for _ in range(10))
        lines.append(f"b{i}: &b{i} {{<<: [{refs}], own{i}: 1}}")
    out = refused(hostile(tmp_path, "\n".join(lines) + "\n"))
    assert "expanded" in out or "aliases" in out


def test_too_many_aliases_are_refused(tmp_path: Path) -> None:
    body = "a: &a 1\nb: [" + ", ".join(["*a"] * (yamlsafe.MAX_ALIASES + 1)) + "]\n"
    assert "more than 100 aliases" in refused(hostile(tmp_path, body))


def test_value_that_contains_itself_is_refused(tmp_path: Path) -> None:
    assert "contains itself" in refused(hostile(tmp_path, "techs: &loop\n  - *loop\n"))


def test_python_object_tag_runs_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    body = f"techs:\n  - !!python/object/apply:os.system ['touch {marker}']\n"
    out = refused(hostile(tmp_path, body))
    assert "!!python/object/apply:os.system is not allowed" in out
    assert not marker.exists()


def test_python_name_and_module_tags_are_refused(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "a: !!python/name:os.system\nb: !!python/module:os\n"))
    assert "not allowed" in out


def test_custom_and_binary_tags_are_refused(tmp_path: Path) -> None:
    assert "!!binary is not allowed" in refused(hostile(tmp_path, "a: !!binary aGVsbG8=\n"))
    assert "!include is not allowed" in refused(hostile(tmp_path / "b", "a: !include /etc/passwd\n"))


def test_deeply_nested_flow_lists_are_refused(tmp_path: Path) -> None:
    # Whichever layer refuses it first (libyaml's own depth limit, or ours), the user gets one line that
    # names the file and the line: the wording is the library's business.
    out = refused(hostile(tmp_path, "techs: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    assert "content.yaml:1: error:" in out


def test_deeply_nested_block_mappings_are_refused(tmp_path: Path) -> None:
    body = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n"
    assert "nested more than" in refused(hostile(tmp_path, body))


def test_huge_integer_is_refused(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "techs:\n  - {id: big, line: rocket, cost: 1" + "0" * 5000 + "}\n"))
    assert "content.yaml:2: error: a number far too large" in out


def test_huge_float_is_not_a_number_the_game_takes(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "techs:\n  - {id: big, line: rocket, cost: 1.0e+999}\n"))
    assert "cost: should be a whole number" in out


def test_very_long_text_is_refused(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "techs:\n  - {id: t, line: rocket, cost: 1, name: '" + "x" * 30_000 + "'}\n"))
    assert "longer than" in out


def test_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    body = "# padding\n" * (yamlsafe.MAX_FILE_BYTES // 10 + 10)
    out = refused(hostile(tmp_path, body))
    assert "the limit is" in out


def test_too_many_values_in_one_file_are_refused(tmp_path: Path) -> None:
    body = "a: [" + ", ".join(["1"] * (yamlsafe.MAX_NODES + 10)) + "]\n"
    assert "values in one file" in refused(hostile(tmp_path, body))


def test_latin1_file_is_refused(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "techs:\n  - {id: t, line: rocket, cost: 1, name: 'Tr\xe8s'}\n".encode("latin-1")))
    assert "content.yaml:2: error: not UTF-8 text" in out


def test_utf16_file_is_refused(tmp_path: Path) -> None:
    assert "not UTF-8" in refused(hostile(tmp_path, "techs: []\n".encode("utf-16")))


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    assert "NUL" in refused(hostile(tmp_path, b"techs: []\n\x00\x00\x00"))


def test_control_characters_are_refused(tmp_path: Path) -> None:
    assert "control character" in refused(hostile(tmp_path, "techs: [\x07]\n"))


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    folder = hostile(tmp_path, "\ufeffmilestones:\n  - {id: orbit, $op: patch, first: 11}\n".encode())
    scenario = load_scenario(str(TINY), [str(folder)])
    assert scenario.ruleset.milestones["orbit"].first == 11


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    out = refused(hostile(tmp_path, "techs:\n  - id: t\n    cost: 1\n    cost: 2\n    line: rocket\n"))
    assert "content.yaml:4: error: duplicate key 'cost'" in out


def test_a_merge_key_may_be_overridden(tmp_path: Path) -> None:
    body = """
    base: &base {line: rocket, cost: 10, base: 40, ceiling: 90}
    techs:
      - {<<: *base, id: drill, cost: 12, name: {en: Drill}}
    """
    folder = hostile(tmp_path, body)
    with pytest.raises(ContentError) as e:  # `base:` is not a kind of record; the merge itself is fine
        load_scenario(str(TINY), [str(folder)])
    assert [f.field for f in e.value.errors] == ["base"]


def test_more_than_one_document_is_refused(tmp_path: Path) -> None:
    assert "more than one YAML document" in refused(hostile(tmp_path, "techs: []\n---\nhardware: []\n"))


def test_undefined_alias_is_refused(tmp_path: Path) -> None:
    assert "undefined alias" in refused(hostile(tmp_path, "techs: *nowhere\n"))


def test_a_key_that_is_not_text_is_refused(tmp_path: Path) -> None:
    assert "a key must be text" in refused(hostile(tmp_path, "? [a, b]\n: 1\n"))


def test_link_to_a_file_outside_the_mod_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere", {"secret.yaml": "techs: []\n"}) / "secret.yaml"
    folder = mod(tmp_path, "linker", {})
    (folder / "stolen.yaml").symlink_to(outside)
    assert "link that leads out of the mod folder" in refused(folder)


def test_link_to_a_folder_outside_the_mod_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere", {"more.yaml": "techs: []\n"})
    folder = mod(tmp_path, "linker", {})
    (folder / "more").symlink_to(outside, target_is_directory=True)
    assert "link that leads out of the mod folder" in refused(folder)


def test_manifest_linked_from_outside_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere", {"manifest.yaml": "id: sneaky\nkind: mod\n"}) / "manifest.yaml"
    folder = tmp_path / "sneaky"
    folder.mkdir()
    (folder / "manifest.yaml").symlink_to(outside)
    assert "manifest.yaml: error: a link that leads out of the mod folder" in refused(folder)


def test_a_loop_of_links_does_not_hang(tmp_path: Path) -> None:
    folder = mod(tmp_path, "loopy", {})
    (folder / "again").symlink_to(folder, target_is_directory=True)  # not followed: no endless walk
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    assert "a link that cannot be followed" in refused(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    folder = mod(tmp_path, "piped", {})
    os.mkfifo(folder / "pipe.yaml")
    started = time.perf_counter()
    assert load_scenario(str(TINY), [str(folder)]).mods == ("piped",)
    assert time.perf_counter() - started < SECOND


def test_too_many_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_FILES", 5)
    folder = mod(tmp_path, "many", {f"f{i}.yaml": "techs: []\n" for i in range(8)})
    assert "more than 5 scenario files" in refused(folder)


def test_too_many_entries_stop_the_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_ENTRIES", 20)
    folder = mod(tmp_path, "crowded", {f"d{i}/x.txt": "x" for i in range(30)})
    assert "more than 20 files and folders" in refused(folder)


def test_a_package_too_large_in_all_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 1000)
    folder = mod(tmp_path, "heavy", {f"f{i}.yaml": "# " + "x" * 400 + "\n" for i in range(4)})
    assert "the limit is 1000" in refused(folder)


def test_too_many_records_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge, "MAX_RECORDS", 40)
    body = "crews:\n" + "".join(f"  - {{id: c{i}, side: red, name: C, skills: {{pilot: 50}}}}\n" for i in range(50))
    assert "more than 40 records" in refused(hostile(tmp_path, body))


def test_a_condition_too_large_is_refused(tmp_path: Path) -> None:
    leaf = "{op: flag, flag: f}"
    group = "{op: any, of: [" + ", ".join([leaf] * 60) + "]}"
    body = "events:\n  - id: huge\n    when: {op: all, of: [" + ", ".join([group] * 4) + "]}\n"
    out = refused(hostile(tmp_path, body))
    assert f"more than {load_module.MAX_EXPRESSION} conditions and effects" in out


def test_a_content_file_that_is_a_list_is_refused(tmp_path: Path) -> None:
    assert "must be a mapping of record kinds" in refused(hostile(tmp_path, "- techs\n- missions\n"))


ATTACKS: dict[str, Callable[[Path], Path]] = {
    "alias bomb": lambda t: hostile(
        t,
        "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"b{i}: &b{i} [" + ",".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 10) + "]\n" for i in range(8)),
    ),
    "python tag": lambda t: hostile(t, "a: !!python/object/apply:os.getcwd []\n"),
    "deep nesting": lambda t: hostile(t, "[" * 5000 + "]" * 5000),
    "bad encoding": lambda t: hostile(t, b"\xff\xfe\x00t"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_the_command_line_answers_an_attack_in_one_line(
    attack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ATTACKS[attack](tmp_path)
    code = main(["simulate", "--scenario", str(TINY), "--mod", str(folder), "--games", "1", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and err[0].startswith("spacerace: error: ") and "Traceback" not in err[0]
