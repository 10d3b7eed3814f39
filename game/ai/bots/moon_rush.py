"""bot_moon_rush: research nothing but the landing and its stepping stones, and fly them as soon as the odds allow.

The plan: every tech the Moon landing and the missions it asks for need, the longest rate-capped chain
funded first; each stepping stone flown at about a third's chance to count, up to three copies a quarter;
spare cash into the reliability of what the landing flies on, into firsts its hardware can already
fly and into uncrewed test flights of the landing's hardware at any odds (a step teaches even when it
fails); the
landing itself tried at a fifth's chance with as many crews as there are launches left.
"""

from __future__ import annotations

from game.ai.bots.kit import (
    Orders,
    best_choice,
    cheapest_mission,
    critical_chain,
    critical_order,
    flight_techs,
    is_first,
    open_prizes,
    road_to,
    victory_milestones,
)
from game.engine import Action, PlayerView, Rng

STEPPING_STONE = 330  # per mille a stepping stone must count at (success or partial)
LANDING = 200  # per mille the winning mission must count at
COPIES = 3  # flights of one mission a quarter, at most
CREWS = 12  # crew members kept serving once the road flies crews
FIRST = 500  # per mille a first off the road must count at


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    orders.decide(best_choice(road.techs, critical_chain(view, road.techs)))
    if any(rules.missions[m].crew for m in road.missions):
        orders.recruit(CREWS)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        orders.fly(mission, LANDING if mission in finals else STEPPING_STONE, COPIES)
    # Firsts the road's hardware can fly already: prestige this year is budget next year, and for good.
    for ms in open_prizes(view):
        if is_first(view, ms):
            orders.fly(cheapest_mission(view, ms).id, FIRST, 1)  # type: ignore[union-attr]
    landing_techs = flight_techs(view, finals)
    orders.improve(sorted(landing_techs | flight_techs(view, road.missions)), below=100)
    orders.test_fly(landing_techs)
    return orders.done()
