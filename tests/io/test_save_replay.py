"""Replaying a save's log reproduces its hash, and when it does not, says where the game first parted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from io_kit import random_game, rewrite

from game.content.load import Scenario
from game.engine.rng import Rng
from game.io import GameRecord, replay, save_game


@pytest.mark.parametrize("seed", [1, 5, 9])
def test_replay_reproduces_the_saved_hash(tmp_path: Path, tiny: Scenario, seed: int) -> None:
    record = random_game(tiny, seed)
    result = replay(save_game(tmp_path / "g.json", record))
    assert result.ok, result.summary
    assert result.replay_hash == result.saved_hash == result.snapshot_hash
    assert result.replayed == result.actions == len(record.actions)
    assert "reproduces the saved hash" in result.summary and "\n" not in result.summary


def test_replay_of_a_game_saved_mid_turn_is_ok(tmp_path: Path, tiny: Scenario) -> None:
    result = replay(save_game(tmp_path / "g.json", random_game(tiny, seed=3, stop_after=23)))
    assert result.ok, result.summary


def _first_resolution(record: GameRecord) -> tuple[int, int]:
    """(actions applied at the checkpoint before, at the checkpoint after) of the first turn with dice."""
    return record.checkpoints[0][0], record.checkpoints[1][0]


def test_changed_dice_are_pinned_to_the_turn_that_rolled_them(
    saved: Path, finished: GameRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A later engine whose dice part ways halfway through the game: from then on it skips a number.
    real_below = Rng.below  # (every die of the game is drawn through it)
    calls = {"n": 0, "drift_at": 10**9}

    def below(self: Rng, n: int) -> int:
        calls["n"] += 1
        if calls["n"] == calls["drift_at"]:
            real_below(self, n)
        return real_below(self, n)

    monkeypatch.setattr(Rng, "below", below)
    assert replay(saved).ok
    calls["drift_at"], calls["n"] = calls["n"] // 2, 0
    result = replay(saved)
    assert not result.ok
    assert result.suspects is not None
    first, last = result.suspects
    good = [n for n, _ in finished.checkpoints]
    assert first in good and last + 1 in good and first <= last
    assert good.index(last + 1) == good.index(first) + 1  # the drift is caught at the very next checkpoint
    assert result.dice, "the rolls of the turn that drifted are shown"
    assert all(line.startswith("action ") and "rolled" in line for line in result.dice)
    assert f"after one of actions {first}–{last}" in result.summary or f"after action {first}" in result.summary


def test_edited_order_in_the_log_is_found_between_two_checkpoints(saved: Path, finished: GameRecord) -> None:
    # Change a standing research order in the middle of the game to a different, still legal amount.
    index = next(
        i
        for i, a in enumerate(finished.actions)
        if type(a).__name__ == "FundResearch" and a.amount > 0 and i > len(finished.actions) // 3  # type: ignore[union-attr]
    )
    rewrite(saved, lambda d: d["actions"][index].__setitem__("amount", 0))
    result = replay(saved)
    assert not result.ok
    assert result.suspects is not None
    first, last = result.suspects
    assert first <= index <= last


def test_rejected_action_stops_the_replay_and_is_named(saved: Path, finished: GameRecord) -> None:
    index = len(finished.actions) // 2
    rewrite(
        saved,
        lambda d: d["actions"].__setitem__(
            index, {"type": "buy_hardware", "side": "red", "hardware": "moon_pod", "count": 20}
        ),
    )
    result = replay(saved)
    assert not result.ok
    assert result.replayed == index
    assert f"action {index} (buy_hardware by red) is rejected by the rules" in result.summary
    assert result.replay_hash is None


def test_different_seed_differs_from_the_very_start(saved: Path) -> None:
    def other_seed(data: dict[str, Any]) -> None:
        data["seed"] += 1
        data["snapshot"]["seed"] = data["seed"]

    rewrite(saved, other_seed)
    result = replay(saved)
    assert not result.ok
    assert "from the very start" in result.summary


def test_snapshot_that_disagrees_with_its_hash_fails_the_replay(saved: Path) -> None:
    rewrite(saved, lambda d: d["snapshot"]["sides"]["blue"].__setitem__("cash", 12345))
    result = replay(saved)
    assert not result.ok
    assert result.replay_hash == result.saved_hash  # the log itself still reproduces
    assert result.snapshot_hash is None and "snapshot" in result.summary


def test_divergence_summary_is_one_paragraph(saved: Path, finished: GameRecord) -> None:
    index = next(i for i, a in enumerate(finished.actions) if type(a).__name__ == "FundResearch" and a.amount > 0)  # type: ignore[union-attr]
    rewrite(saved, lambda d: d["actions"][index].__setitem__("amount", 0))
    result = replay(saved)
    assert "\n" not in result.summary
    assert result.summary.startswith(f"{saved}: scenario 'tiny', seed 7, {len(finished.actions)} actions.")
