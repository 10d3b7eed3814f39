"""The window's first start brings in the saves earlier releases kept elsewhere, says so in one line, and lists them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_kit import TINY, key, top_name

from game.paths import IMPORT_MARKER

SAVES = Path(__file__).resolve().parents[1] / "fixtures" / "saves"
BEFORE = "v2_midgame_autosave.json"  # written by the release before saves moved


@pytest.fixture
def old_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    old = tmp_path / "started_here" / "saves"
    old.mkdir(parents=True)
    shutil.copy2(SAVES / BEFORE, old / BEFORE)
    monkeypatch.setenv("SPACERACE_OLD_SAVES", str(old))
    monkeypatch.setenv("SPACERACE_SCENARIOS", TINY)
    return old


def test_the_first_start_brings_old_saves_and_the_load_list_shows_them(app: Any, old_saves: Path) -> None:
    from game.ui.app import bring_old_saves

    bring_old_saves(app)
    folder = Path(app.settings.saves())
    assert (folder / BEFORE).read_bytes() == (old_saves / BEFORE).read_bytes()
    assert (old_saves / BEFORE).exists()
    assert app.status == (f"Brought 1 save(s) of an earlier version into {folder}; the originals are where they were.")
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    assert top_name(app) == "SaveLoadScreen"
    assert [i.name for i in app.top.infos] == [Path(BEFORE).stem]


def test_a_file_that_could_not_come_is_named_on_stderr_and_counted(
    app: Any, old_saves: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.ui.app import bring_old_saves

    (old_saves / "junk.json").write_text("[1, 2", encoding="utf-8")
    bring_old_saves(app)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"spacerace: not imported {old_saves / 'junk.json'}: ")
    assert f"1 file(s) could not come: {IMPORT_MARKER} there says why" in app.status


def test_a_later_start_does_nothing_more(app: Any, old_saves: Path) -> None:
    from game.ui.app import bring_old_saves

    bring_old_saves(app)
    (Path(app.settings.saves()) / BEFORE).unlink()  # the player deleted it: it must not come back
    app.status = ""
    bring_old_saves(app)
    assert app.status == "" and not (Path(app.settings.saves()) / BEFORE).exists()


def test_spacerace_play_imports_before_the_window_shows(old_saves: Path, tmp_path: Path) -> None:
    # The whole start, as `spacerace play` runs it, with the loop replaced by an immediate quit.
    code = "import game.ui.app as a; a.App.loop = lambda self: 0; raise SystemExit(a.run())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    saves = tmp_path / "saves"  # SPACERACE_SAVES of the UI tests
    assert (saves / BEFORE).is_file() and (saves / IMPORT_MARKER).is_file()
