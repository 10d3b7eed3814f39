"""Hardware art and crew portraits: every shipped drawing draws, every campaign item has its own, stacks are put
together from a mission's hardware, a bad or missing drawing falls back with a warning, `validate` says what is
wrong with a mod's drawings in one line each, and a portrait is always the same for an id and differs between ids."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pygame
import pytest

from game.content import art as content_art
from game.content.check import validate
from game.content.load import load_scenario
from game.resources import shipped
from game.ui import art, portraits

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="40" viewBox="0 0 10 40">'
    '<rect x="2" y="0" width="6" height="40" fill="#c0c0c0"/></svg>'
)


@pytest.fixture(autouse=True)
def _fresh() -> Any:
    art.forget()
    portraits.forget()
    yield
    art.forget()
    portraits.forget()


@pytest.fixture(scope="module")
def rules() -> Any:
    return load_scenario("race_1955").ruleset


def opaque_share(surf: pygame.Surface) -> float:
    alpha = pygame.surfarray.array_alpha(surf)
    return float((alpha > 0).mean())


def every_svg() -> list[Path]:
    files = sorted(shipped("scenarios").rglob("*.svg")) + sorted(shipped("assets").rglob("*.svg"))
    assert len(files) >= 40
    return files


@pytest.mark.parametrize("path", every_svg(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_drawing_draws_at_two_sizes(path: Path) -> None:
    assert art.svg_problem(path) == ""
    for size in (64, 256):
        surf = art.raster(path, size, size)
        assert max(surf.get_size()) == size
        assert opaque_share(surf) > 0.02, f"{path} is (almost) blank at {size} px"


def test_every_campaign_item_has_its_own_drawing_for_each_side(rules: Any) -> None:
    generic = art.GENERIC.resolve()
    for side in rules.side_ids:
        paths = {h: art.art_path(rules, side, h) for h in rules.hardware}
        assert all(generic not in p.resolve().parents for p in paths.values()), side
        assert len(set(paths.values())) == len(paths), f"{side}: two items share a drawing"


def test_the_sides_fly_their_own_period_hardware(rules: Any) -> None:
    for h in ("moon_rocket", "light_launcher", "one_seat_capsule", "three_seat_capsule", "lunar_lander"):
        us, ussr = art.art_path(rules, "us", h), art.art_path(rules, "ussr", h)
        assert us != ussr and us.read_bytes() != ussr.read_bytes(), h


def test_hardware_surface_is_square_and_not_blank(rules: Any) -> None:
    surf = art.hardware_surface(rules, "ussr", "icbm_rocket", 64)
    assert surf.get_size() == (64, 64)
    assert opaque_share(surf) > 0.05
    assert art.hardware_surface(rules, "ussr", "icbm_rocket", 64) is surf  # made once per size


def test_every_mission_stack_is_drawn_at_the_asked_height(rules: Any) -> None:
    for m in rules.missions.values():
        pieces = [slot.options[0] for slot in m.slots]
        surf = art.stack_surface(rules, "us", pieces, 300)
        assert surf.get_height() == 300
        assert opaque_share(surf) > 0.01, m.id


def test_a_stack_puts_the_capsule_on_the_launcher_and_leaves_suits_out(rules: Any) -> None:
    assert art.stacks(rules, ["suborbital_rocket", "one_seat_capsule", "eva_suit"]) == [
        ["suborbital_rocket", "one_seat_capsule"]
    ]
    lunar = art.stacks(rules, ["moon_rocket", "three_seat_capsule", "lunar_lander"])
    assert lunar == [["moon_rocket", "lunar_lander", "three_seat_capsule"]]
    rocket = art.stack_surface(rules, "us", ["moon_rocket"], 400)
    whole = art.stack_surface(rules, "us", ["moon_rocket", "three_seat_capsule", "lunar_lander"], 400)
    # at one height, the rocket with its craft on top is drawn at a smaller scale than the rocket alone
    assert rocket.get_width() > whole.get_width()


def test_a_target_on_its_own_rocket_stands_beside_the_crew_s(rules: Any) -> None:
    pieces = ["medium_launcher", "docking_target", "large_launcher", "two_seat_capsule"]
    assert art.stacks(rules, pieces) == [["medium_launcher", "docking_target"], ["large_launcher", "two_seat_capsule"]]
    one = art.stack_surface(rules, "us", ["large_launcher", "two_seat_capsule"], 300)
    two = art.stack_surface(rules, "us", pieces, 300)
    assert two.get_width() > one.get_width() * 1.5


def fake_rules(kind: str = "launcher") -> Any:
    return SimpleNamespace(
        id="fake", fingerprint="f", mods=(), hardware={"thing": SimpleNamespace(kind=kind)}, side_ids=("a",)
    )


def test_a_broken_drawing_falls_back_to_the_generic_one_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "thing.svg").write_text("<svg this is not closed")
    rules = fake_rules("probe")
    art.use_folders(rules, [tmp_path])
    with caplog.at_level(logging.WARNING, logger="game.ui.art"):
        path = art.art_path(rules, "a", "thing")
        surf = art.hardware_surface(rules, "a", "thing", 48)
    assert path == art.generic_path("probe")
    assert opaque_share(surf) > 0.02
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "thing.svg" in warnings[0] and "\n" not in warnings[0]


def test_a_missing_drawing_or_unknown_kind_gets_the_generic_one(tmp_path: Path) -> None:
    rules = fake_rules("hovercraft")
    art.use_folders(rules, [tmp_path])
    assert art.art_path(rules, "a", "thing") == art.generic_path("other")
    assert opaque_share(art.stack_surface(rules, "a", ["thing", "nothing_known"], 100)) > 0.01


def test_the_top_layer_and_the_side_s_own_drawing_win(tmp_path: Path) -> None:
    low, high = tmp_path / "low", tmp_path / "high"
    for folder in (low / "art" / "a", high / "art"):
        folder.mkdir(parents=True)
        (folder / "thing.svg").write_text(SVG)
    rules = fake_rules()
    art.use_folders(rules, [low, high])
    assert art.art_path(rules, "a", "thing") == high / "art" / "thing.svg"
    (high / "art" / "a").mkdir()
    (high / "art" / "a" / "thing.svg").write_text(SVG)
    art.forget()
    art.use_folders(rules, [low, high])
    assert art.art_path(rules, "a", "thing") == high / "art" / "a" / "thing.svg"


# ---------------------------------------------------------------- validate's checks of a package's drawings


def art_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    (folder / "art" / "ussr").mkdir(parents=True)
    (folder / "art" / "ussr" / "moon_rocket.svg").write_text(SVG)  # a good one
    return folder


def findings_by_code(folder: Path) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for f in content_art.package_findings(
        folder, ["moon_rocket", "lunar_lander", "comsat"], ["us", "ussr"], art.svg_problem
    ):
        out.setdefault(f.code, []).append(f)
    return out


def test_validate_passes_good_drawings(tmp_path: Path) -> None:
    assert findings_by_code(art_folder(tmp_path)) == {}


def test_validate_says_a_drawing_that_is_not_svg(tmp_path: Path) -> None:
    folder = art_folder(tmp_path)
    (folder / "art" / "lunar_lander.svg").write_text("just words, no drawing")
    (folder / "art" / "comsat.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'><rect")
    bad = findings_by_code(folder)["art/bad"]
    assert {Path(f.path).name for f in bad} == {"lunar_lander.svg", "comsat.svg"}
    for f in bad:
        assert f.severity == "warning" and "\n" not in f.format()


def test_validate_says_a_drawing_that_is_too_big(tmp_path: Path) -> None:
    folder = art_folder(tmp_path)
    (folder / "art" / "comsat.svg").write_text(SVG[:-6] + " " * content_art.MAX_ART_BYTES + "</svg>")
    (bad,) = findings_by_code(folder)["art/bad"]
    assert str(content_art.MAX_ART_BYTES) in bad.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_validate_says_a_drawing_that_is_not_a_regular_file(tmp_path: Path) -> None:
    folder = art_folder(tmp_path)
    os.mkfifo(folder / "art" / "comsat.svg")  # opening it would block: it must be judged without opening
    (bad,) = findings_by_code(folder)["art/bad"]
    assert bad.message == "not a regular file"
    rules = SimpleNamespace(id="p", fingerprint="", mods=(), hardware={"comsat": SimpleNamespace(kind="payload")})
    art.use_folders(rules, [folder])  # the window does not block on it either: it draws the generic payload
    assert art.art_path(rules, "us", "comsat") == art.generic_path("payload")


def test_validate_says_drawings_that_name_nothing(tmp_path: Path) -> None:
    folder = art_folder(tmp_path)
    (folder / "art" / "moon_rocktet.svg").write_text(SVG)
    (folder / "art" / "martians").mkdir()
    (folder / "art" / "notes.txt").write_text("hi")
    found = findings_by_code(folder)
    assert "moon_rocktet" in found["art/unknown"][0].message
    assert found["art/folder"][0].path.endswith("martians")
    assert found["art/not_svg"][0].path.endswith("notes.txt")


def test_validate_of_a_mod_reports_its_drawings_and_notes_what_has_none(tmp_path: Path) -> None:
    mod = tmp_path / "artmod"
    (mod / "art").mkdir(parents=True)
    (mod / "manifest.yaml").write_text(
        "id: artmod\nkind: mod\nname: {en: Art}\nversion: 0.1.0\nrequires: [race_1955]\n"
    )
    (mod / "gear.yaml").write_text(
        "hardware:\n  - {id: space_truck, name: {en: Truck}, description: {en: A truck.}, tech: orbital_launcher,"
        " unit_cost: 5, kind: payload}\n"
    )
    (mod / "art" / "moon_rocket.svg").write_text("not a drawing at all")
    report = validate([str(mod)], parse_art=art.svg_problem)
    codes = {f.code: f for f in report.findings}
    assert codes["art/bad"].severity == "warning" and codes["art/bad"].path.endswith("moon_rocket.svg")
    assert codes["art/missing"].record == "hardware(space_truck)"
    assert report.errors == 0


# ---------------------------------------------------------------- portraits


def test_a_portrait_is_always_the_same_for_an_id() -> None:
    a = portraits.portrait("yuri_gagarin", 64).copy()
    portraits.forget()
    b = portraits.portrait("yuri_gagarin", 64)
    assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")
    assert portraits.portrait_svg("yuri_gagarin") == portraits.portrait_svg("yuri_gagarin")


def test_portraits_differ_between_ids(rules: Any) -> None:
    ids = list(rules.crews)
    svgs = {portraits.portrait_svg(c) for c in ids}
    assert len(svgs) == len(ids)
    first = pygame.image.tobytes(portraits.crew_portrait(rules, ids[0], 48), "RGB")
    assert all(pygame.image.tobytes(portraits.crew_portrait(rules, c, 48), "RGB") != first for c in ids[1:])


def test_a_portrait_fills_its_square_and_a_mod_s_crew_gets_one() -> None:
    surf = portraits.portrait("someone_from_a_mod", 40, female=True, accent=(10, 200, 90))
    assert surf.get_size() == (40, 40)
    assert opaque_share(surf) == 1.0


def test_a_game_rebuilt_from_a_save_finds_its_installed_packages_art(rules: Any) -> None:
    from game.content.load import build_scenario

    scenario = load_scenario("race_1955")
    saved = build_scenario(scenario.content)  # as a save's content rebuilds it: no package folders known
    assert saved.layers == ()
    path = art.art_path(saved.ruleset, "ussr", "moon_rocket")
    assert path == shipped("scenarios") / "race_1955" / "art" / "ussr" / "moon_rocket.svg"


def test_a_new_game_s_list_pictures_are_made_ahead(tmp_path: Path) -> None:
    from ui_kit import TINY

    from game.ui import warmup
    from game.ui.session import Session

    session = Session.new(load_scenario(TINY), {"red": "human", "blue": "ai:normal"}, 3)
    thread = warmup.start(session, 1.0)
    assert thread is not None
    thread.join(timeout=30)
    rules = session.scenario.ruleset
    made = {k[2] for k in art._SQUARES if k[1] == "red" and k[3] == art.ROW_PICTURE}
    assert made == set(rules.hardware)
    red_crew = {c for c, m in rules.crews.items() if m.side == "red"}
    assert red_crew and red_crew <= {k[0] for k in portraits._CACHE}
