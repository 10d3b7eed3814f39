"""bot_moon_rush: research nothing but the landing and its stepping stones, and fly them as soon as the odds allow.

The plan: every tech the Moon landing and the missions it asks for need, the longest rate-capped chain
funded first; each stepping stone flown at about a third's chance to count, up to three copies a quarter;
spare cash into the reliability of what the landing flies on, into firsts its hardware can already
fly and into uncrewed test flights of the landing's hardware at any odds (a step teaches even when it
fails); the
landing itself tried at a fifth's chance with as many crews as there are launches left.
"""

from __future__ import annotations

from game.ai.bots.choices import best_choice
from game.ai.bots.kit import Orders
from game.ai.bots.roads import (
    cheapest_mission,
    critical_chain,
    critical_order,
    flight_techs,
    is_first,
    list_price,
    mission_techs,
    open_prizes,
    quarters_to,
    road_to,
    slack,
    victory_milestones,
)
from game.engine import Action, PlayerView, Rng

STEPPING_STONE = 330  # per mille a stepping stone must count at (success or partial)
LANDING = 200  # per mille the winning mission must count at
COPIES = 3  # flights of one mission a quarter, at most
CREWS = 12  # crew members kept serving once the road flies crews
FIRST = 350  # per mille a first off the road must count at
SLACK = 2  # quarters a tech's research may wait before it is funded ahead of the flights
ENDGAME = 4  # quarters of research left on the landing's hardware when money starts being kept for it


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    orders.decide(best_choice(road.techs, critical_chain(view, road.techs)))
    if any(rules.missions[m].crew for m in road.missions):
        orders.recruit(CREWS)
    # The research that sets the landing's date first; what has slack waits for the flights.
    waits = slack(view, road.techs)
    order = critical_order(view, road.techs)
    orders.fund_all(t for t in order if waits[t] <= SLACK)
    finals = [m for m in road.missions if set(rules.missions[m].milestones) & set(goal)]
    for mission in road.missions:
        orders.fly(mission, LANDING if mission in finals else STEPPING_STONE, COPIES)
    landing_techs = flight_techs(view, finals)
    orders.improve(sorted(landing_techs | flight_techs(view, road.missions)), below=100)
    orders.fund_all(order)
    # Near the end of the chain, money is kept for the landing's test flights and its copies.
    final_techs: set[str] = set()
    for m in finals:
        final_techs |= mission_techs(view, rules.missions[m])
    keep = 0
    if quarters_to(view, final_techs) <= ENDGAME:
        keep = COPIES * max((list_price(rules, rules.missions[m]) for m in finals), default=0)
    orders.test_fly(landing_techs, keep=keep // 2)
    # Firsts the road's hardware can fly already: prestige this year is budget next year, and for good.
    for ms in open_prizes(view):
        earner = cheapest_mission(view, ms)
        if earner is not None and is_first(view, ms):
            orders.fly(earner.id, FIRST, 2, keep=keep)
    orders.test_fly(flight_techs(view, road.missions), keep=keep)
    return orders.done()
