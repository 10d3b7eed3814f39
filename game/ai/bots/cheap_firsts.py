"""bot_cheap_firsts: grabs every first that little research buys, and lets the prestige pay for the Moon.

Prestige gained in a year is added to next year's budget and to every later year's, so an early first
is money for the rest of the game. The plan: each quarter the open firsts are ranked by prestige per
research point still to do; the cheap ones' techs are funded before anything else and their missions
flown (two copies while the first is open) as soon as they count at 40 %; the landing's road is
researched with what is left, and flown at sensible odds.
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
    mission_techs,
    open_prizes,
    research_left,
    road_to,
    victory_milestones,
)
from game.engine import Action, PlayerView, Rng

CHEAP = 6  # research points at most per prestige point of a first, for the first to be worth chasing
FIRST = 400
LATER = 550  # per mille for a milestone someone else already has (second place pays less)
STEPPING_STONE = 450
LANDING = 300
CREWS = 10


def cheap_firsts(view: PlayerView) -> list[tuple[str, str]]:
    """(milestone, mission) of the open firsts worth chasing, the cheapest prestige first."""
    out: list[tuple[float, str, str]] = []
    for ms in open_prizes(view):
        if not is_first(view, ms):
            continue
        mission = cheapest_mission(view, ms)
        if mission is None:
            continue
        _, prestige = view.prize(ms)
        left = research_left(view, mission_techs(view, mission))
        if left <= CHEAP * prestige:
            out.append((left / prestige, ms, mission.id))
    out.sort()
    return [(ms, mission) for _, ms, mission in out]


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    targets = cheap_firsts(view)
    wanted = set(road.techs)
    for _, mission in targets:
        wanted |= mission_techs(view, rules.missions[mission])
    orders.decide(best_choice(frozenset(wanted), critical_chain(view, road.techs)))
    orders.recruit(CREWS)
    for _, mission in targets:
        orders.fund_all(critical_order(view, mission_techs(view, rules.missions[mission])))
    for _, mission in targets:
        orders.fly(mission, FIRST, 2)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        orders.fly(mission, LANDING if mission in finals else STEPPING_STONE, 3 if mission in finals else 1)
    for ms in open_prizes(view):
        if not is_first(view, ms):
            earner = cheapest_mission(view, ms)
            if earner is not None:
                orders.fly(earner.id, LATER, 1)
    orders.improve(sorted(flight_techs(view, road.missions)), below=100)
    orders.test_fly(flight_techs(view, road.missions))
    return orders.done()
