"""An installed game carries its campaign: a wheel built from the checkout plays, simulates, validates and lists
its scenarios from any folder, with no checkout beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout and unpacked where nothing else is (as site-packages would hold it)."""
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = out.glob("spacerace-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def spacerace(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The unpacked wheel comes first on the path; the test environment's own packages (pydantic, yaml…) after.
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("SPACERACE_SCENARIOS", None)
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_game_is_the_wheels_not_the_checkouts(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = "import game, game.content.packages as p; print(game.__file__); print(p.builtin_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    module, scenarios = out.stdout.split()
    assert Path(module).is_relative_to(installed)
    assert Path(scenarios).is_relative_to(installed) and (Path(scenarios) / "race_1955" / "manifest.yaml").is_file()


def test_an_installed_game_lists_validates_and_simulates_its_campaign(installed: Path, tmp_path: Path) -> None:
    listed = spacerace(installed, tmp_path, "scenarios")
    assert listed.returncode == 0, listed.stderr
    for package in ("race_1955", "korolev_lives", "kennedy_1961", "europe", "china_1966"):
        assert package in listed.stdout
    checked = spacerace(installed, tmp_path, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    played = spacerace(installed, tmp_path, "simulate", "--games", "1", "--mod", "europe", "--quiet")
    assert played.returncode == 0, played.stderr
    assert "1 games of race_1955" in played.stdout


def test_an_installed_game_has_its_fonts_and_theme(installed: Path) -> None:
    assets = installed / "game" / "_data" / "assets"
    assert (assets / "theme.json").is_file()
    assert any((assets / "fonts").glob("*.ttf"))


def test_schemas_go_where_the_user_says_by_default_the_current_folder(installed: Path, tmp_path: Path) -> None:
    written = spacerace(installed, tmp_path, "schema")
    assert written.returncode == 0, written.stderr
    assert list(tmp_path.glob("*.schema.json"))
    assert not list(installed.rglob("*.schema.json"))


def test_an_installed_game_has_its_hardware_art(installed: Path, tmp_path: Path) -> None:
    """The campaign's drawings and the generic ones travel in the wheel, and the installed game finds them."""
    data = installed / "game" / "_data"
    shipped = {p.relative_to(ROOT) for p in (ROOT / "scenarios").rglob("*.svg")}
    packed = {p.relative_to(data) for p in (data / "scenarios").rglob("*.svg")}
    assert shipped and shipped == packed
    assert (data / "assets" / "art" / "generic" / "launcher.svg").is_file()
    env = {**os.environ, "PYTHONPATH": str(installed), "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    code = (
        "from game.content.load import load_scenario; from game.ui import art; "
        "r = load_scenario('race_1955').ruleset; print(art.art_path(r, 'ussr', 'moon_rocket'))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()) == data / "scenarios" / "race_1955" / "art" / "ussr" / "moon_rocket.svg"
