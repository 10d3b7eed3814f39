"""The computer players reason with the engine's own rules: replace one and their valuation and orders follow."""

from __future__ import annotations

import pytest

import game.engine.crew
import game.engine.odds
from game.ai import value_flight
from game.ai.planner import TEMPERS, Planner, plan_turn
from game.ai.runner import ai_rng
from game.engine import EndTurn, GameState, PlanMission, RecruitCrew, is_over, mission_odds, new_game, player_view
from game.engine.batch import apply_orders
from game.engine.rng import Rng
from game.engine.rules import Ruleset


def played_until(rules: Ruleset, wanted: type, crewed: bool = False, seed: int = 3) -> tuple[GameState, str]:
    """A normal-vs-normal game played to the first turn where a side's orders hold a `wanted` order (a flight with
    a crew, if `crewed`), and that side, before it gives them."""
    state = new_game(rules, None, seed)
    while not is_over(state):
        for i, side in enumerate(rules.side_ids):
            view = player_view(state, side)
            orders = plan_turn(view, TEMPERS["normal"], ai_rng(seed, i, state.turn))
            if any(isinstance(o, wanted) and (not crewed or getattr(o, "crew", ())) for o in orders):
                return state, side
            state, _, _ = apply_orders(state, [*orders, EndTurn(side)], in_place=True)
    raise AssertionError(f"no {wanted.__name__} order in a whole game")


@pytest.fixture(scope="module")
def launch(campaign: Ruleset) -> tuple[GameState, str, PlanMission]:
    """A turn where the normal planner orders a crewed flight, and that flight."""
    state, side = played_until(campaign, PlanMission, crewed=True)
    orders = plan_turn(player_view(state, side), TEMPERS["normal"], Rng(0))
    flight = next(o for o in orders if isinstance(o, PlanMission) and o.crew)
    return state, side, flight


def flights(orders: list[object]) -> list[str]:
    return [o.mission for o in orders if isinstance(o, PlanMission)]


def test_the_valuation_is_of_the_flight_the_planner_orders_at_the_engines_odds(launch) -> None:
    state, side, flight = launch
    view = player_view(state, side)
    value = value_flight(view, flight.mission)
    assert value is not None and value.worth is not None
    assert (value.hardware, value.crew) == (flight.hardware, flight.crew)
    assert value.odds == mission_odds(
        state.rules, state.sides[side], state.rules.missions[flight.mission], flight.hardware, flight.crew
    )


def test_replacing_the_step_chance_changes_the_valuation_and_the_orders(launch, monkeypatch) -> None:
    state, side, flight = launch
    view = player_view(state, side)
    before = value_flight(view, flight.mission)
    assert before is not None
    monkeypatch.setattr(game.engine.odds, "step_chance", lambda rules, reliability, difficulty, bonus: 99)
    sure = value_flight(view, flight.mission)
    assert sure is not None and {s.chance for s in sure.odds.steps} == {99}
    assert sure.odds.success > before.odds.success and sure.worth != before.worth
    monkeypatch.setattr(game.engine.odds, "step_chance", lambda rules, reliability, difficulty, bonus: 1)
    hopeless = value_flight(view, flight.mission)
    assert hopeless is not None and hopeless.worth is None  # under every floor: it would not fly it
    assert flights(plan_turn(view, TEMPERS["normal"], Rng(0))) == []
    assert Planner(view, TEMPERS["normal"], Rng(0)).chance_of(flight.mission)[0] == 0


def test_replacing_the_order_cost_changes_the_price_it_weighs(launch, monkeypatch) -> None:
    state, side, flight = launch
    view = player_view(state, side)
    before = value_flight(view, flight.mission)
    monkeypatch.setattr(game.engine.odds, "order_cost", lambda rules, action: 7)
    after = value_flight(view, flight.mission)
    assert before is not None and after is not None and after.price != before.price
    bought = (after.price - 7) // 7  # the flight's order, then one order per kind of hardware bought
    assert after.price == 7 * (1 + bought) and bought <= len(after.hardware)
    # Far dearer flights than the treasury holds are not ordered.
    monkeypatch.setattr(game.engine.odds, "order_cost", lambda rules, action: 10**7)
    assert flights(plan_turn(view, TEMPERS["normal"], Rng(0))) == []


def test_replacing_the_crew_pick_changes_who_it_would_fly(launch, monkeypatch) -> None:
    state, side, flight = launch
    view = player_view(state, side)
    me = state.sides[side]
    others = tuple(c for c in me.crews if c not in flight.crew)[: len(flight.crew)]
    assert len(others) == len(flight.crew)
    monkeypatch.setattr(game.engine.crew, "best_crew", lambda rules, me, mission, busy=frozenset(): others)
    value = value_flight(view, flight.mission)
    assert value is not None and value.crew == others
    assert value.odds == mission_odds(state.rules, me, state.rules.missions[flight.mission], value.hardware, others)
    monkeypatch.setattr(game.engine.crew, "best_crew", lambda rules, me, mission, busy=frozenset(): None)
    assert value_flight(view, flight.mission) is None
    assert not [m for m in flights(plan_turn(view, TEMPERS["normal"], Rng(0))) if state.rules.missions[m].crew]


def test_replacing_the_price_of_a_reliability_point_changes_what_research_is_worth(launch, monkeypatch) -> None:
    state, side, _ = launch
    view = player_view(state, side)
    planner = Planner(view, TEMPERS["normal"], Rng(0))
    tech = next(t for t in planner.done if state.rules.techs[t].ceiling > state.sides[side].techs[t].reliability)
    before = planner.point_cost(tech)
    monkeypatch.setattr(game.engine.odds, "reliability_point_price", lambda rules, tech, rate: 10**6)
    after = Planner(view, TEMPERS["normal"], Rng(0))
    assert after.point_cost(tech) == 10**6 != before
    # What a point is worth runs through the goals' research bills and the lessons flights teach.
    assert after._tech_workable_cost != planner._tech_workable_cost


def test_replacing_the_research_a_reliability_point_costs_changes_how_fast_it_expects_to_climb(
    launch, monkeypatch
) -> None:
    state, side, _ = launch
    view = player_view(state, side)
    before = dict(Planner(view, TEMPERS["normal"], Rng(0)).k.climb_rate)
    assert max(before.values()) > 1
    monkeypatch.setattr(game.engine.odds, "reliability_point_cost", lambda rules, tech: 10**9)
    after = Planner(view, TEMPERS["normal"], Rng(0))
    assert set(after.k.climb_rate.values()) == {1}  # research barely climbs
    tech = next(iter(after.done))
    assert after.point_cost(tech) == 10**9 // max(1, state.sides[side].research_rate)  # (the price follows it)


def test_a_recruit_is_weighed_at_the_engines_price(campaign: Ruleset, monkeypatch) -> None:
    state, side = played_until(campaign, RecruitCrew)
    view = player_view(state, side)
    assert any(isinstance(o, RecruitCrew) for o in plan_turn(view, TEMPERS["normal"], Rng(0)))
    real = game.engine.odds.order_cost
    monkeypatch.setattr(
        game.engine.odds,
        "order_cost",
        lambda rules, action: 10**7 if isinstance(action, RecruitCrew) else real(rules, action),
    )
    assert not any(isinstance(o, RecruitCrew) for o in plan_turn(view, TEMPERS["normal"], Rng(0)))
