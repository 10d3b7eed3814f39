"""Facilities as content: a mod adds one in YAML and the engine gets it; a wrong tech or step kind is named; a
package without facilities dumps (and is fingerprinted) as before they existed."""

from __future__ import annotations

from pathlib import Path

from content_kit import errors, load, mod

FACILITY = """
    facilities:
      - id: tracking
        name: {en: Tracking}
        cost: 12
        requires: [rocket]
        bonus: 5
        kinds: [orbit_insertion]
    """


def test_a_mod_adds_a_facility_that_the_engine_gets(tmp_path: Path) -> None:
    sc = load(mod(tmp_path, "net", {"content.yaml": FACILITY}))
    f = sc.ruleset.facilities["tracking"]
    assert (f.cost, f.requires, f.bonus, f.kinds) == (12, ("rocket",), 5, ("orbit_insertion",))


def test_an_unknown_tech_is_named(tmp_path: Path) -> None:
    bad = mod(tmp_path, "net", {"content.yaml": FACILITY.replace("[rocket]", "[warp]")})
    found = errors(bad)
    assert any(f.field == "requires[0]" and "warp" in f.message for f in found), found


def test_an_unknown_step_kind_is_refused(tmp_path: Path) -> None:
    bad = mod(tmp_path, "net", {"content.yaml": FACILITY.replace("[orbit_insertion]", "[teleport]")})
    assert errors(bad)


def test_content_without_facilities_dumps_as_before(tmp_path: Path) -> None:
    plain = load()
    assert "facilities" not in plain.content
    assert "facilities" in load(mod(tmp_path, "net", {"content.yaml": FACILITY})).content
