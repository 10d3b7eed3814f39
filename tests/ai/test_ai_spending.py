"""What the computer players do with idle cash: rush research past its rate cap, test a prize flight's hardware."""

from __future__ import annotations

import pytest

from game.ai import launches, spending
from game.ai.facts import Turn
from game.ai.planner import TEMPERS, plan_turn
from game.ai.research import Ask
from game.ai.temper import CRITICAL
from game.engine import BuyReliability, FundResearch, PlanMission, new_game, odds, player_view
from game.engine.orders import suggest_plan
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.state import GameState, LaunchRecord


def _rich(rules: Ruleset, cash: int) -> GameState:
    state = new_game(rules, None, 1)
    state.sides["us"].cash = cash
    return state


def test_a_rich_normal_player_rushes_research_and_an_easy_one_does_not(campaign: Ruleset) -> None:
    state = _rich(campaign, 5000)
    view = player_view(state, "us")
    orders = plan_turn(view, TEMPERS["normal"], Rng(0))
    rushed = [a for a in orders if isinstance(a, FundResearch) and a.rush]
    assert rushed, "idle cash rushes something"
    me = state.sides["us"]
    for a in rushed:  # each rushed order pays exactly what the engine says a rushed tech can use
        assert a.amount == odds.useful_funding(campaign, me, campaign.techs[a.tech], me.techs[a.tech], True)
    easy = plan_turn(view, TEMPERS["easy"], Rng(0))
    assert not [a for a in easy if isinstance(a, FundResearch) and a.rush]
    poor = plan_turn(player_view(_rich(campaign, 0), "us"), TEMPERS["normal"], Rng(0))
    assert not [a for a in poor if isinstance(a, FundResearch) and a.rush], "no idle cash, no rush"


def test_a_prize_flights_hardware_is_tested_from_idle_cash(campaign: Ruleset) -> None:
    state = _rich(campaign, 5000)
    me = state.sides["us"]
    for tech in ("orbital_launcher", "satellite"):
        ts = me.techs[tech]
        ts.done, ts.progress, ts.reliability = True, campaign.techs[tech].cost, 60
    me.hardware.update(
        {
            h: 2
            for h in campaign.hardware
            if campaign.hardware[h].tech in me.techs and me.techs[campaign.hardware[h].tech].done
        }
    )
    flight = suggest_plan(state, "us", campaign.missions["satellite_launch"])
    assert isinstance(flight, PlanMission)
    turn = Turn(player_view(state, "us"), TEMPERS["normal"], Rng(0))
    out: list = [flight]
    cash = spending.test(turn, 1000, me.cash, out)
    bought = [a for a in out if isinstance(a, BuyReliability)]
    assert bought and {a.tech for a in bought} <= {"orbital_launcher", "satellite"}
    assert all(a.points == campaign.settings.test_cap for a in bought)
    assert cash == me.cash - sum(odds.order_cost(campaign, a) for a in bought)
    little = spending.test(turn, 0, me.cash, [flight])
    assert little == me.cash, "no room, no tests"


def test_tests_buy_no_reliability_past_what_the_engine_says_a_step_gains(
    campaign: Ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap on what a test campaign buys is the engine's rule for what reliability does to a step's chance
    (`odds.chance_gain`, through `step_chance`), not the computer player's own sum."""
    assert odds.chance_gain(campaign, 50, 10) == 10
    top = campaign.settings.max_chance
    assert odds.chance_gain(campaign, top - 3, 10) == 3 and odds.chance_gain(campaign, top, 10) == 0
    state = _rich(campaign, 5000)
    me = state.sides["us"]
    for tech in ("orbital_launcher", "satellite"):
        ts = me.techs[tech]
        ts.done, ts.progress, ts.reliability = True, campaign.techs[tech].cost, 60
        me.hardware.update({h: 2 for h, hw in campaign.hardware.items() if hw.tech == tech})
    flight = suggest_plan(state, "us", campaign.missions["satellite_launch"])
    assert isinstance(flight, PlanMission)
    turn = Turn(player_view(state, "us"), TEMPERS["normal"], Rng(0))
    monkeypatch.setattr(odds, "chance_gain", lambda rules, chance, points: min(points, 1))
    out: list = [flight]
    spending.test(turn, 1000, me.cash, out)
    bought = [a for a in out if isinstance(a, BuyReliability)]
    assert bought and all(a.points == 1 for a in bought)


def test_a_rival_flying_a_test_flight_twice_in_a_quarter_is_seen_rushing(campaign: Ruleset) -> None:
    def seen(*flights: tuple[str, str]) -> bool:
        state = new_game(campaign, None, 1)
        state.public_log += [LaunchRecord(state.turn, side, mission, "success") for side, mission in flights]
        return Turn(player_view(state, "us"), TEMPERS["normal"], Rng(0)).rival_rushing()

    assert seen(("ussr", "launcher_test"), ("us", "satellite_launch"), ("ussr", "launcher_test"))
    assert not seen(("ussr", "launcher_test"))
    assert not seen(("ussr", "satellite_launch"), ("ussr", "satellite_launch")), "copies of a prize flight are usual"
    assert not seen(("us", "launcher_test"), ("us", "launcher_test")), "its own copies are not a rival's"


def test_idle_cash_rushes_the_critical_chain_only_against_a_rusher(campaign: Ruleset) -> None:
    state = _rich(campaign, 5000)
    turn = Turn(player_view(state, "us"), TEMPERS["normal"], Rng(0))
    tech = next(t for t, ts in state.sides["us"].techs.items() if not ts.done and turn.useful(t) > 0)
    asks = [Ask(-(10**9), CRITICAL, 0, tech)]
    assert not spending.rush(turn, asks, {tech: turn.useful(tech)}, 5000), "the Moon chain is not rushed by default"
    turn.rival_rushing_ = True  # (as a rival's test flights in copies set it)
    assert spending.rush(turn, asks, {tech: turn.useful(tech)}, 5000) == {tech}
    calm = Turn(player_view(state, "us"), TEMPERS["easy"], Rng(0))
    calm.rival_rushing_ = True
    assert not spending.rush(calm, asks, {tech: calm.useful(tech)}, 5000), "only a chasing temper chases"


def test_a_quarter_with_no_flight_flies_the_cheapest_test_from_idle_money(campaign: Ruleset) -> None:
    state = _rich(campaign, 5000)
    me = state.sides["us"]
    ts = me.techs["orbital_launcher"]
    ts.done, ts.progress, ts.reliability = True, campaign.techs["orbital_launcher"].cost, 60
    turn = Turn(player_view(state, "us"), TEMPERS["normal"], Rng(0))
    out: list = []
    cash = launches.idle_test(turn, ["launcher_test"], me.cash, 5000, out)
    flights = [a for a in out if isinstance(a, PlanMission)]
    assert [a.mission for a in flights] == ["launcher_test"]
    assert cash == me.cash - sum(odds.order_cost(campaign, a) for a in out)
    none: list = []
    assert launches.idle_test(turn, ["launcher_test"], me.cash, 0, none) == me.cash and not none, "idle money only"
