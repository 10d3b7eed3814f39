"""The saves folder is kept tidy: only our stale temporary files and other games' old autosaves go."""

from __future__ import annotations

import os
import time
from pathlib import Path

from io_kit import random_game

from game.content.load import Scenario
from game.io import autosave, autosave_path, save_game
from game.io.atomic import backup_path
from game.io.housekeeping import STALE_AFTER, clean_temp_files, prune_autosaves


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_only_our_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    stale = folder / ".autosave-0123456789ab.json.k2j4_x9q.tmp"  # what a save killed mid-write leaves
    fresh = folder / ".campaign.json.a8sd7f6g.tmp"  # a save being written right now
    foreign = folder / ".notes.txt.abcdefgh.tmp"  # not ours
    mine = folder / "keep.json.abcdefgh.tmp"  # not hidden: not a name write_atomic makes
    for path in (stale, fresh, foreign, mine):
        path.write_bytes(b"x" * 100)
    for path in (stale, foreign, mine):
        _age(path, STALE_AFTER + 60)
    assert clean_temp_files(folder) == [stale]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (fresh, foreign, mine))


def test_old_autosaves_are_pruned_to_the_most_recent_games_and_manual_saves_never(
    tmp_path: Path, tiny: Scenario
) -> None:
    folder = tmp_path / "saves"
    games = [random_game(tiny, seed=n, stop_after=10) for n in range(5)]
    slots = []
    for n, record in enumerate(games):
        autosave(record)
        autosave(record)  # a backup, which goes with its slot
        slots.append(autosave_path(record.game_id))
        for path in (slots[-1], backup_path(slots[-1], 1)):
            _age(path, 1000 * (5 - n))  # game 4 played last
    manual = save_game(folder / "my campaign.json", games[0])
    _age(manual, 10_000_000)
    current = slots[0]  # the game on the table is the oldest: it stays whatever its age
    removed = prune_autosaves(folder, keep=2, current=current)
    assert sorted(removed) == sorted([slots[1], backup_path(slots[1], 1), slots[2], backup_path(slots[2], 1)])
    assert all(p.exists() for p in (slots[0], slots[3], slots[4], manual, backup_path(slots[4], 1)))


def test_the_former_shared_autosave_counts_as_one_game(tmp_path: Path, tiny: Scenario) -> None:
    folder = tmp_path / "saves"
    old = save_game(folder / "autosave.json", random_game(tiny, seed=1, stop_after=5))
    _age(old, 5000)
    autosave(random_game(tiny, seed=2, stop_after=5))
    assert prune_autosaves(folder, keep=1) == [old]
