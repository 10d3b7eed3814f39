"""bot_moon_rush: research nothing but the landing and its stepping stones, and fly them as soon as the odds allow.

The plan: every tech the Moon landing and the missions it asks for need, the longest rate-capped chain
funded first; each stepping stone flown at about a third's chance to count, up to three copies a quarter;
spare cash into the reliability of what the landing flies on and into uncrewed test flights of it; the
landing itself tried at a fifth's chance with as many crews as there are launches left.
"""

from __future__ import annotations

from game.ai.bots.kit import (
    Orders,
    best_choice,
    critical_order,
    flight_techs,
    road_to,
    victory_milestones,
)
from game.engine import Action, PlayerView, Rng

STEPPING_STONE = 330  # per mille a stepping stone must count at (success or partial)
LANDING = 200  # per mille the winning mission must count at
COPIES = 3  # flights of one mission a quarter, at most
CREWS = 12  # crew members kept serving once the road flies crews
TEST_FLIGHT = 250  # per mille an uncrewed test flight must count at (it teaches even when it fails late)


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    orders.decide(best_choice(road.techs))
    if any(rules.missions[m].crew for m in road.missions):
        orders.recruit(CREWS)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        orders.fly(mission, LANDING if mission in finals else STEPPING_STONE, COPIES)
    landing_techs = flight_techs(view, finals)
    orders.improve(sorted(landing_techs | flight_techs(view, road.missions)), below=100)
    for mission, prefer in orders.test_flights(sorted(landing_techs)):
        orders.fly(mission, TEST_FLIGHT, 1, prefer)
    return orders.done()
