"""The event-choice protocol (benchmarks/choices.py) plays each seed with the forced players in both seats."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from game.engine.rules import Ruleset

_SPEC = importlib.util.spec_from_file_location(
    "choices", Path(__file__).resolve().parents[2] / "benchmarks" / "choices.py"
)
assert _SPEC is not None and _SPEC.loader is not None
choices = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(choices)


def test_each_seed_is_played_with_the_sides_both_ways(campaign: Ruleset) -> None:
    us, ussr = campaign.side_ids[:2]
    a, b = choices.forced_name("all_up_testing", "test_all_up"), choices.forced_name("all_up_testing", "stage_by_stage")
    jobs = list(choices.jobs_for(campaign, "all_up_testing", "test_all_up", "stage_by_stage", range(5, 8)))
    assert [seed for seed, _, _ in jobs] == [5, 5, 6, 6, 7, 7]
    for first, second in zip(jobs[::2], jobs[1::2], strict=True):
        assert {first[1][us], first[1][ussr]} == {a, b}
        assert (second[1][us], second[1][ussr]) == (first[1][ussr], first[1][us])


@pytest.mark.parametrize("games", ["0", "7"])
def test_a_games_count_that_cannot_be_paired_is_refused_in_one_line(
    games: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        choices.main(["--games", games])
    assert stop.value.code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].endswith(
        f"--games {games}: give an even number, 2 or more (each seed is played with the sides both ways)"
    )
