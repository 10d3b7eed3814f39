"""The race's balance rows (benchmarks/race_rows.py) read game records as the targets mean them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from game.engine.rules import Ruleset

_SPEC = importlib.util.spec_from_file_location(
    "race_rows", Path(__file__).resolve().parents[2] / "benchmarks" / "race_rows.py"
)
assert _SPEC is not None and _SPEC.loader is not None
race_rows = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(race_rows)


def _game(seed: int, **fields: object) -> dict:
    game = {
        "seed": seed, "winner": "us", "reason": "landing", "end": "1969-Q3", "milestones": {}, "deaths": {},
        "levels": {"us": "normal", "ussr": "normal"}, "history": {}, "flights": [], "fired": {}, "reached": {},
    }  # fmt: skip
    game.update(fields)
    return game


def test_the_disasters_are_the_events_that_can_kill_crew(campaign: Ruleset):
    found = race_rows.disasters(campaign)
    assert found["apollo_fire"] == ("us",)
    assert "sputnik_triumph" not in found


def test_a_first_credited_to_the_side_that_flew_second_fails_the_row(campaign: Ruleset):
    flights = [
        {"date": "1957-Q4", "side": "us", "mission": "m", "milestones": ["satellite"]},
        {"date": "1957-Q4", "side": "ussr", "mission": "m", "milestones": ["satellite"]},
    ]
    right = _game(1, milestones={"satellite": {"side": "us", "date": "1957-Q4"}}, flights=flights)
    wrong = _game(2, milestones={"satellite": {"side": "ussr", "date": "1957-Q4"}}, flights=flights)
    assert race_rows.first_to_fly_row(campaign, [right])[0][2] is True
    assert race_rows.first_to_fly_row(campaign, [right, wrong])[0][2] is False


def test_a_landing_nobody_made_counts_as_after_the_end(campaign: Ruleset):
    landed = [_game(i, milestones={"crewed_lunar_landing": {"side": "us", "date": "1969-Q3"}}) for i in range(5)]
    never = [_game(10 + i) for i in range(6)]
    spread, median = race_rows.landing_rows(campaign, landed + never)
    assert median[1] == "after the end" and median[2] is False
    assert spread[2] is True  # 1969-Q3 to after 1975: more than 2.5 years


def test_cash_carried_into_a_year_excludes_its_first_instalment(campaign: Ruleset):
    from game.ai.report import parse_date

    q1 = parse_date(campaign, "1962-Q1")
    thrifty = _game(1, history={"us": [[q1, 0, 400, 100]]})  # 100 in hand = this quarter's instalment only
    hoarder = _game(2, history={"us": [[q1, 0, 400, 400]]})  # 300 carried: three quarters of a year
    assert race_rows.unspent_cash_rows(campaign, [thrifty], (1962,))[0][2] is True
    assert race_rows.unspent_cash_rows(campaign, [hoarder], (1962,))[0][2] is False


def test_a_seed_range_that_misses_by_more_than_five_points_fails_the_side_row():
    def batch(start: int, wins: int, n: int) -> list[dict]:
        return [
            _game(start + i, winner="us" if i < wins else "ussr", levels={"us": "hard", "ussr": "normal"})
            for i in range(n)
        ]

    even = batch(1, 72, 100) + batch(10001, 72, 100)
    lopsided = batch(1, 90, 100) + batch(10001, 60, 100)  # pooled 75 %, but one range at 60 %
    assert race_rows.side_share_rows(even, "hard", 0.70, "normal")[0][2] is True
    assert race_rows.side_share_rows(lopsided, "hard", 0.70, "normal")[0][2] is False
