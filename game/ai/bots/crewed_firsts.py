"""bot_crewed_firsts: all in on people in space: every crewed first, flown early and often, then the Moon.

The plan: the techs of every crewed milestone (a person in space, in orbit, a woman, several crew, a
spacewalk, a week in orbit, a rendezvous, a docking, the lunar orbit, a station) funded with the
landing's road, critical chain first; a big astronaut corps; each crewed first flown at a third's odds
in up to two copies a quarter while it is open; the landing at a quarter's odds with every crew it has.
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
    road_to,
    victory_milestones,
)
from game.engine import Action, PlayerView, Rng

CREWED_FIRST = 330
STEPPING_STONE = 400
LANDING = 250
CREWS = 16


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    crewed = [m for ms in open_prizes(view, crewed=True) if (m := cheapest_mission(view, ms)) is not None]
    techs = set(road.techs)
    for earner in crewed:
        techs |= mission_techs(view, earner)
    orders.decide(best_choice(frozenset(techs), critical_chain(view, road.techs)))
    orders.recruit(CREWS)
    orders.fund_all(critical_order(view, techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        if mission in finals:
            orders.fly(mission, LANDING, 3)
    for earner in crewed:
        if any(is_first(view, ms) for ms in earner.milestones if ms not in view.me.milestones):
            orders.fly(earner.id, CREWED_FIRST, 2)
    for mission in road.missions:
        orders.fly(mission, STEPPING_STONE, 1)
    orders.improve(sorted(flight_techs(view, [*road.missions, *(m.id for m in crewed)])), below=100)
    orders.test_fly(flight_techs(view, [*road.missions, *(m.id for m in crewed)]))
    return orders.done()
