"""bot_test_pilot: flies nobody until the hardware has proved itself in uncrewed test flights.

The plan: the landing's road researched critical chain first; every uncrewed mission of the road flown
at fair odds; a crewed one only once it counts at 60 % (the landing at 45 %), and until then the
hardware its steps test flown in uncrewed test flights (launcher, capsule, lander and circumlunar
tests), as many a quarter as launches and cash allow, with reliability research on the same techs.
"""

from __future__ import annotations

from game.ai.bots.choices import best_choice
from game.ai.bots.kit import Orders
from game.ai.bots.roads import critical_chain, critical_order, flight_techs, road_to, victory_milestones
from game.engine import Action, PlayerView, Rng

UNCREWED = 330  # per mille an uncrewed stepping stone must count at
CREWED = 600
LANDING = 450
CREWS = 10


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    orders.decide(best_choice(road.techs, critical_chain(view, road.techs)))
    orders.recruit(CREWS)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    waiting: list[str] = []  # crewed missions that may fly but do not count well enough yet
    for mission in road.missions:
        m = rules.missions[mission]
        at_least = LANDING if mission in finals else CREWED if m.crew else UNCREWED
        copies = 3 if mission in finals else 1 if m.crew else 2
        if not orders.fly(mission, at_least, copies) and m.crew and mission in view.available_missions:
            waiting.append(mission)
    tested = sorted(flight_techs(view, road.missions))
    orders.improve(sorted(flight_techs(view, waiting)) + tested, below=100)
    orders.test_fly(tested)
    return orders.done()
