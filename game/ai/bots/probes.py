"""bot_probes: the robotic programme first: every uncrewed first, flown in numbers, then the crews and the Moon.

The plan: the techs of every uncrewed milestone (satellites, Moon probes, the planets, the application
satellites) are funded before anything crewed, the cheapest first; each uncrewed first is flown in up
to three copies a quarter while it is still open, at a third's odds; the landing's road gets the rest
of the money and is flown at sensible odds, so the prestige of the probes pays for the Moon.
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

PROBE_FIRST = 330  # per mille an uncrewed first must count at
PROBE_LATER = 600
STEPPING_STONE = 450
LANDING = 300
CREWS = 10


def probe_targets(view: PlayerView) -> list[str]:
    """The missions of the uncrewed milestones still to reach, the least research away first."""
    out: list[tuple[int, str]] = []
    for ms in open_prizes(view, crewed=False):
        mission = cheapest_mission(view, ms)
        if mission is not None and not mission.crew:
            out.append((research_left(view, mission_techs(view, mission)), mission.id))
    return [m for _, m in sorted(set(out))]


def play(view: PlayerView, rng: Rng) -> list[Action]:
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    probes = probe_targets(view)
    wanted = set(road.techs)
    for mission in probes:
        wanted |= mission_techs(view, rules.missions[mission])
    orders.decide(best_choice(frozenset(wanted), critical_chain(view, road.techs)))
    for mission in probes:
        orders.fund_all(critical_order(view, mission_techs(view, rules.missions[mission])))
    for mission in probes:
        first = any(is_first(view, ms) for ms in rules.missions[mission].milestones)
        orders.fly(mission, PROBE_FIRST if first else PROBE_LATER, 3 if first else 1)
    orders.recruit(CREWS)
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    for mission in road.missions:
        orders.fly(mission, LANDING if mission in finals else STEPPING_STONE, 3 if mission in finals else 1)
    orders.improve(sorted(flight_techs(view, road.missions)), below=100)
    orders.test_fly(flight_techs(view, road.missions))
    return orders.done()
