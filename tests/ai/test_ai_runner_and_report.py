"""Headless games, the one-clone batch of orders, and the balance report's statistics and page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.ai import choose_actions
from game.ai.report import NEVER, parse_date, render_html, summarize, text_summary, wilson
from game.ai.runner import ai_rng, play_game, run_one
from game.engine import EndTurn, apply, new_game, player_view, state_hash
from game.engine.batch import apply_orders
from game.engine.rules import Ruleset

# --------------------------------------------------------------------------------------------- the runner


def test_applying_a_batch_of_orders_gives_the_same_game_as_applying_them_one_by_one(campaign: Ruleset):
    a = b = new_game(campaign, None, 11)
    for _ in range(12):
        for i, side in enumerate(campaign.side_ids):
            orders = [*choose_actions(player_view(a, side), "normal", ai_rng(11, i, a.turn)), EndTurn(side)]
            for action in orders:
                a, _ = apply(a, action)
            b, _, applied = apply_orders(b, orders)
            assert applied == orders
    assert state_hash(a) == state_hash(b)


def test_a_batch_skips_what_is_no_longer_valid_and_leaves_its_input_alone(campaign: Ruleset):
    state = new_game(campaign, None, 1)
    side = campaign.side_ids[0]
    before = state_hash(state)
    new, _, applied = apply_orders(state, [EndTurn(side), EndTurn(side)])
    assert applied == [EndTurn(side)]
    assert state_hash(state) == before and new is not state


def test_a_headless_game_is_the_same_game_every_time(tiny: Ruleset):
    levels = {"red": "normal", "blue": "easy"}
    assert run_one(tiny, 3, levels).to_dict() == run_one(tiny, 3, levels).to_dict()
    state, log = play_game(tiny, 3, levels)
    replayed = new_game(tiny, None, 3)
    for action in log:
        replayed, _ = apply(replayed, action)
    assert state_hash(replayed) == state_hash(state)


def test_a_result_records_what_the_report_needs(tiny: Ruleset):
    r = run_one(tiny, 5, {"red": "hard", "blue": "normal"}).to_dict()
    assert {"seed", "winner", "end", "milestones", "prestige", "deaths", "history", "reached"} <= set(r)
    for ms in r["milestones"].values():
        assert set(ms) == {"side", "date"}
    assert all(rows and len(rows[0]) == 4 for rows in r["history"].values())
    json.dumps(r)  # plain data


# --------------------------------------------------------------------------------------------- statistics


def test_wilson_interval_matches_the_textbook_values():
    lo, hi = wilson(50, 100)
    assert abs(lo - 0.4038) < 1e-3 and abs(hi - 0.5962) < 1e-3
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and abs(hi - 0.2775) < 1e-3
    lo, hi = wilson(10, 10)
    assert abs(lo - 0.7225) < 1e-3 and abs(hi - 1.0) < 1e-9


def test_dates_read_back_to_the_turns_they_name(campaign: Ruleset):
    for turn in (campaign.settings.start, 1969 * 4 + 2, campaign.settings.end):
        assert parse_date(campaign, campaign.date_label(turn)) == turn


def _fake(rules: Ruleset) -> list[dict]:
    us, ussr = rules.side_ids
    games = []
    for seed in range(10):
        winner = us if seed < 6 else ussr
        games.append(
            {
                "seed": seed,
                "winner": winner,
                "reason": "moon_landing",
                "end": "1969-Q3",
                "milestones": {"satellite": {"side": ussr, "date": "1957-Q4"}} if seed < 8 else {},
                "prestige": {us: 50, ussr: 40},
                "deaths": {us: seed % 3, ussr: 1},
                "launches": {us: 9, ussr: 8},
                "levels": {us: "hard", ussr: "normal"} if seed % 2 == 0 else {us: "normal", ussr: "hard"},
                "history": {us: [[1956 * 4, 1, 120, 30], [1957 * 4, 5, 150, 40]], ussr: [[1956 * 4, 2, 125, 31]]},
            }
        )
    return games


def test_the_summary_counts_wins_per_side_and_per_level_and_milestone_dates(campaign: Ruleset):
    s = summarize(campaign, _fake(campaign))
    assert [(x.label, x.wins, x.games) for x in s.sides] == [("us", 6, 10), ("ussr", 4, 10)]
    levels = {x.label: (x.wins, x.games) for x in s.levels}
    assert levels == {"hard": (5, 10), "normal": (5, 10)}  # hard won seeds 0, 2, 4 (as us) and 7, 9 (as ussr)
    sat = next(m for m in s.milestones if m.id == "satellite")
    assert sat.reached == 8 and sat.median_reached == parse_date(campaign, "1957-Q4") and sat.off_turns == 0
    assert sat.median_all == parse_date(campaign, "1957-Q4")
    never = next(m for m in s.milestones if m.id == "joint_docking")
    assert never.reached == 0 and never.median_all == NEVER
    assert "satellite" in text_summary(s)


def test_the_report_is_one_self_contained_page_with_charts(campaign: Ruleset):
    page = render_html(campaign, _fake(campaign), title="t", setup="us=hard", targets=[("a target", "55%", True)])
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert page.count("<svg") >= 5
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:|//|[\w./-]+\.(js|css|png))""", page)
    assert "Wilson" in page and "a target" in page


# --------------------------------------------------------------------------------------------- the command


def _simulate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from game.cli import main

    code = main(["simulate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


TINY = str(Path(__file__).resolve().parents[1] / "fixtures" / "tiny")


def test_simulate_writes_a_report_and_keeps_the_json_format(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    page, data = tmp_path / "r.html", tmp_path / "r.json"
    code, out, _ = _simulate(
        capsys,
        "--scenario",
        TINY,
        "--games",
        "4",
        "--ai",
        "red=hard",
        "--swap",
        "--report",
        str(page),
        "--json",
        str(data),
    )
    assert code == 0 and "95% CI" in out
    doc = json.loads(data.read_text())
    assert {"scenario", "games"} <= set(doc)
    for g in doc["games"]:
        assert {"seed", "winner", "end", "milestones"} <= set(g)
    # --swap: each level plays each side half the time.
    assert [g["levels"]["red"] for g in doc["games"]] == ["hard", "normal", "hard", "normal"]
    assert "<svg" in page.read_text()


def test_simulate_accepts_the_bots_as_levels(capsys: pytest.CaptureFixture[str]):
    code, out, _ = _simulate(
        capsys, "--scenario", TINY, "--games", "2", "--ai", "red=bot_moon_rush", "--ai", "blue=bot_probes"
    )
    assert code == 0 and "red=bot_moon_rush" in out
