"""What the saves list shows is the game the save holds: read from its snapshot, never from a header alone."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from io_kit import one_line_about, random_game, rewrite

import game.content.load
import game.content.packages
import game.engine
import game.io.listing
from game.content.load import Scenario
from game.io import GameRecord, SaveError, list_saves, load_game, save_game
from game.io.atomic import backup_path


@pytest.fixture(autouse=True)
def fresh_listing_memory() -> None:
    game.io.listing._RULESETS.clear()
    game.io.listing._READ.clear()


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of hanging forever if something blocks."""

    def timeout(*_: object) -> None:
        raise AssertionError("reading blocked")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_a_listing_line_shows_sides_levels_turn_and_mods(saved: Path, finished: GameRecord) -> None:
    [info] = list_saves(saved.parent).saves
    assert info.seats == (("red", "human"), ("blue", "ai:normal"))
    assert info.levels == {"blue": "normal"} and info.sides == ("red",)
    assert info.turn == finished.state.turn and info.date == finished.rules.date_label(finished.state.turn)
    assert info.winner == finished.state.winner and info.over
    assert info.game_id == finished.game_id and not info.autosave


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "1999-Q1"), ("winner", "nobody"), ("turn", 3), ("over", False), ("sides", ["blue"])],
)
def test_a_header_that_disagrees_with_its_snapshot_marks_the_save_damaged(
    saved: Path, field: str, value: object
) -> None:
    rewrite(saved, lambda d: d["meta"].__setitem__(field, value))  # checksum recomputed: only the header lies
    listing = list_saves(saved.parent)
    assert listing.saves == []
    [error] = listing.unreadable
    assert one_line_about(str(error), saved) and error.field == f"meta.{field}"
    assert "damaged or was edited" in error.problem


def test_an_edited_snapshot_with_its_checksum_recomputed_is_caught_by_its_hash(saved: Path) -> None:
    rewrite(saved, lambda d: d["snapshot"].__setitem__("winner", None))
    [error] = list_saves(saved.parent).unreadable
    assert error.field == "hash"


def test_listing_builds_one_ruleset_per_fingerprint_and_never_replays_or_reads_scenarios(
    tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "saves"
    for seed in range(6):
        save_game(folder / f"g{seed}.json", random_game(tiny, seed=seed, stop_after=20 + seed))
    built: list[object] = []
    real_build = game.io.listing.build_scenario

    def counted(content: object) -> Scenario:
        built.append(content)
        return real_build(content)  # type: ignore[arg-type]

    def forbidden(*_: object, **__: object) -> None:
        raise AssertionError("a listing must not replay logs or read installed scenarios")

    monkeypatch.setattr(game.io.listing, "build_scenario", counted)
    for module, name in [
        (game.content.load, "load_scenario"),
        (game.content.packages, "discover"),
        (game.engine, "apply"),
        (game.io.controller.GameController, "_retell"),
    ]:
        monkeypatch.setattr(module, name, forbidden)
    assert len(list_saves(folder).saves) == 6
    assert len(built) == 1


def test_the_windows_former_format_with_a_turn_that_is_not_a_number_is_one_line(tmp_path: Path) -> None:
    """It crashed the Load screen and `play --load` with a ValueError."""
    path = tmp_path / "saves" / "odd.json"
    path.parent.mkdir()
    path.write_text('{"format":"spacerace-ui-save","version":1,"meta":{"turn":"abc"}}', encoding="utf-8")
    [error] = list_saves(path.parent).unreadable
    assert one_line_about(str(error), path)
    with pytest.raises(SaveError) as raised:
        load_game(path)
    assert one_line_about(str(raised.value), path)


def test_a_json_nesting_bomb_is_one_line(tmp_path: Path) -> None:
    """It crashed the Load screen with RecursionError."""
    path = tmp_path / "saves" / "bomb.json"
    path.parent.mkdir()
    path.write_text('{"format":"spacerace-save","save_version":3,"meta":' + "[" * 200_000 + "]" * 200_000 + "}")
    [error] = list_saves(path.parent).unreadable
    assert one_line_about(str(error), path) and "nested too deeply" in error.problem
    with pytest.raises(SaveError, match="nested too deeply"):
        load_game(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_like_a_save_is_refused_at_once(tmp_path: Path, no_hang: None) -> None:
    """`play --load` on a FIFO used to hang and ignore SIGTERM."""
    fifo = tmp_path / "saves" / "x.json"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    with pytest.raises(SaveError) as raised:
        load_game(fifo)
    assert str(raised.value) == f"{fifo}: not a save file (it is a pipe)"
    [error] = list_saves(fifo.parent).unreadable
    assert error.path == str(fifo)


def test_a_folder_named_like_a_save_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "x.json"
    folder.mkdir()
    with pytest.raises(SaveError, match="it is a folder"):
        load_game(folder)


def test_a_damaged_save_offers_its_newest_good_backup(tmp_path: Path, tiny: Scenario) -> None:
    """Truncate the file with `.1`-`.3` intact: the list used to be simply empty."""
    path = tmp_path / "saves" / "campaign.json"
    for stop in (5, 10, 15, 20):
        save_game(path, random_game(tiny, seed=3, stop_after=stop))
    path.write_bytes(path.read_bytes()[:50])
    backup_path(path, 1).write_text("{", encoding="utf-8")  # the newest backup is damaged too
    listing = list_saves(path.parent)
    [error] = listing.unreadable
    backup = listing.backup_of(error)
    assert backup is not None and backup.path == backup_path(path, 2)
    assert load_game(backup.path).record.game_id == backup.game_id


def test_backups_are_not_listed_as_saves_of_their_own(saved: Path, finished: GameRecord) -> None:
    save_game(saved, finished)
    assert backup_path(saved, 1).exists()
    assert [s.name for s in list_saves(saved.parent).saves] == ["game"]


def test_an_old_save_lists_from_its_snapshot(tmp_path: Path) -> None:
    from io_kit import SAVES

    folder = tmp_path / "saves"
    folder.mkdir()
    for name in ("v1_finished.json", "v2_midgame_autosave.json"):
        (folder / name).write_bytes((SAVES / name).read_bytes())
    listing = list_saves(folder)
    assert listing.unreadable == [] and len(listing.saves) == 2
    assert all(len(s.game_id) == 12 for s in listing.saves)
    mid = next(s for s in listing.saves if s.name == "v2_midgame_autosave")
    assert mid.date == json.loads((SAVES / "v2_midgame_autosave.json").read_text())["meta"]["date"]
