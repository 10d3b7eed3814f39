"""bot_gambler: answers every event with its riskiest choice, and otherwise plays a sound Moon programme.

The riskiest choice is the one that puts the most of its own side at stake (prestige, cash, budget,
morale, crews; a gamble by its worst outcome), the most valuable of those when several tie. The plan
around it: the landing's road researched critical chain first, every cheap first on the way flown while
it is still a first, stepping stones at even odds with a second copy, the landing at a third's odds.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.bots.choices import risk, worth
from game.ai.bots.kit import Orders
from game.ai.bots.roads import critical_order, flight_techs, is_first, open_prizes, road_to, victory_milestones
from game.engine import Action, Choice, PlayerView, Rng

FIRST = 450  # per mille a first still open must count at
STEPPING_STONE = 450
LANDING = 300
CREWS = 10


def riskiest(wanted: frozenset[str]) -> Callable[[tuple[Choice, ...]], Choice]:
    """The riskiest choice, the most valuable (to a side wanting `wanted`) when several put as much at stake."""
    return lambda choices: max(choices, key=lambda c: (risk(c), worth(c, wanted), c.id))


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    orders.decide(riskiest(road.techs))
    orders.recruit(CREWS)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        if mission in finals:
            orders.fly(mission, LANDING, 3)
        else:
            orders.fly(mission, STEPPING_STONE, 2)
    # Firsts the road's hardware can already fly: prestige now is budget next year.
    for ms in open_prizes(view):
        if is_first(view, ms):
            for mission in sorted(m.id for m in rules.missions.values() if ms in m.milestones):
                if orders.fly(mission, FIRST, 1):
                    break
    orders.improve(sorted(flight_techs(view, road.missions)), below=100)
    orders.test_fly(flight_techs(view, road.missions))
    return orders.done()
