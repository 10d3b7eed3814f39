"""A quick look at the default campaign's balance on a few dozen games (slow: run with `pytest -m slow`).

The real measurement is `spacerace simulate` over 400 games (see benchmarks/balance.py); this only
catches a change that throws the campaign far off: one side always winning, the Moon reached in
the wrong decade, a level of play that no longer beats the one below it.
"""

from __future__ import annotations

import pytest

from game.ai.report import parse_date, summarize
from game.ai.runner import run_one
from game.engine.rules import Ruleset

pytestmark = pytest.mark.slow


def _games(rules: Ruleset, first: int, n: int, a: str, b: str, swap: bool, victory: str = "") -> list[dict]:
    us, ussr = rules.side_ids
    out = []
    for i in range(n):
        levels = {us: a, ussr: b} if not swap or i % 2 == 0 else {us: b, ussr: a}
        out.append(run_one(rules, first + i, levels, victory=victory).to_dict())
    return out


def test_normal_against_normal_is_roughly_fair_and_lands_in_the_right_decade(campaign: Ruleset):
    results = _games(campaign, 1, 40, "normal", "normal", swap=False)
    s = summarize(campaign, results)
    for side in s.sides:
        assert 0.15 <= side.rate <= 0.85, f"{side.label} wins {side.rate:.0%}"
    landing = next(m for m in s.milestones if m.id == "crewed_lunar_landing")
    assert landing.reached >= 30
    assert parse_date(campaign, "1966-Q1") <= landing.median_reached <= parse_date(campaign, "1973-Q4")
    satellite = next(m for m in s.milestones if m.id == "satellite")
    assert satellite.by_side["ussr"] > satellite.by_side["us"]


def test_normal_beats_easy_more_often_than_not(campaign: Ruleset):
    results = _games(campaign, 101, 24, "normal", "easy", swap=True)
    wins = sum(1 for r in results if r["winner"] and r["levels"][r["winner"]] == "normal")
    assert wins >= 13, f"normal won {wins} of 24 against easy"


def test_hard_beats_normal_more_often_than_not(campaign: Ruleset):
    results = _games(campaign, 201, 24, "hard", "normal", swap=True)
    wins = sum(1 for r in results if r["winner"] and r["levels"][r["winner"]] == "hard")
    assert wins >= 13, f"hard won {wins} of 24 against normal"


@pytest.mark.xfail(
    reason="issue 12: the scripted bots are built to beat today's normal (docs/balance/bots_before.md); "
    "this cap is the stronger opponent's target",
    strict=False,
)
def test_no_fixed_strategy_runs_away_with_it(campaign: Ruleset):
    from game.ai import BOTS

    for bot in BOTS:
        results = _games(campaign, 301, 24, bot, "normal", swap=True)
        wins = sum(1 for r in results if r["winner"] and r["levels"][r["winner"]] == bot)
        assert wins <= 18, f"{bot} won {wins} of 24 against normal"


def test_hard_beats_normal_more_often_than_not_in_the_space_age(campaign: Ruleset):
    # Where prestige alone decides, hard plays the planner for prestige, not the Moon rush (which won none
    # of 100 such games): game/ai/modes.py.
    results = _games(campaign, 301, 24, "hard", "normal", swap=True, victory="space_age")
    wins = sum(1 for r in results if r["winner"] and r["levels"][r["winner"]] == "hard")
    assert wins >= 13, f"hard won {wins} of 24 against normal in the Space age"
