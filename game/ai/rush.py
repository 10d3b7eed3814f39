"""Hard's rush plan: the Moon's road researched at full rate, longest chain first; its stepping stones and
the landing flown early, in several copies a quarter; every first its hardware can fly picked up while it
is still a first; the cash left over rushing the research that holds the landing back past its rate cap; and
the event answers that put the most at stake.

Hard plays it instead of the planner when its temper says `rush` (docs/ai.md says why: the scripted gambler,
which plays this way, beat normal in 62 % and hard's planner in 65 % of 200 games). It reads only the
PlayerView, through the scripted players' toolbox (`game/ai/bots`: `kit` keeps the turn's books with the
engine's public helpers, `roads` works out what the landing takes, `choices` what an answer stakes), and
keeps nothing between turns.
"""

from __future__ import annotations

import dataclasses

from game.ai.bots.choices import risk, worth
from game.ai.bots.kit import Orders
from game.ai.bots.roads import (
    critical_order,
    flight_techs,
    is_first,
    open_prizes,
    road_to,
    slack,
    victory_milestones,
)
from game.ai.launches import earliest_window
from game.ai.temper import Temper
from game.engine.actions import Action, PlanMission
from game.engine.rng import Rng
from game.engine.view import PlayerView


def rush_turn(view: PlayerView, temper: Temper, rng: Rng) -> list[Action]:
    """One turn's orders of the rush plan (EndTurn not included)."""
    if view.over:
        return []
    orders = Orders(view)
    rules = view.rules
    goal = victory_milestones(rules)
    road = road_to(view, goal)
    # The riskiest answer: what a side stakes on an event is most often what it wins by it (a budget raise,
    # research); the most valuable to the landing's road when several stake as much.
    orders.decide(lambda choices: max(choices, key=lambda c: (risk(c), worth(c, road.techs), c.id)))
    orders.recruit(temper.rush_crews)
    # Research before flights: every tech of the road at the most it can use, the chain that holds the
    # landing back longest first.
    orders.fund_all(critical_order(view, road.techs))
    finals = {m for m in road.missions if set(rules.missions[m].milestones) & set(goal)}
    floors: dict[str, int] = {}  # per mille each flight ordered must count at
    for mission in road.missions:
        if mission in finals:
            floors[mission] = temper.rush_landing
            orders.fly(mission, temper.rush_landing, temper.rush_landing_copies)
        else:
            floors[mission] = temper.rush_stepping
            orders.fly(mission, temper.rush_stepping, temper.rush_stepping_copies)
    # Firsts the road's hardware can already fly: prestige now is budget next year.
    for ms in open_prizes(view):
        if is_first(view, ms):
            for mission in sorted(m.id for m in rules.missions.values() if ms in m.milestones):
                floors.setdefault(mission, temper.rush_first)
                if orders.fly(mission, temper.rush_first, 1):
                    break
    race_windows(orders, view, floors)
    orders.improve(sorted(flight_techs(view, road.missions)), below=100)
    orders.test_fly(flight_techs(view, road.missions))
    if temper.rush_chain >= 0:
        # What cash is still idle hurries the research that holds the landing back: every rushed point costs
        # `rush_premium` percent more, but the US alone sits on a year's budget by the mid-sixties.
        waits = slack(view, road.techs)
        orders.rush([t for t in critical_order(view, road.techs) if waits[t] <= temper.rush_chain])
    return orders.done()


def race_windows(orders: Orders, view: PlayerView, floors: dict[str, int]) -> None:
    """Move a flight that races a rival for a first nobody holds (the rival has flown that mission lately) to
    the earliest launch window the spare cash pays for and whose odds still clear the flight's floor
    (`launches.earliest_window`, as hard's planner races): the first to fly in a quarter earns the first."""
    rivals = {r.id for r in view.rivals}
    tried = {rec.mission for rec in view.public_log[-24:] if rec.side in rivals}
    for i, order in enumerate(orders.actions):
        if not isinstance(order, PlanMission) or order.mission not in tried:
            continue
        floor = floors.get(order.mission, 0)
        window, extra = earliest_window(
            view.rules, view, order, orders.spare, lambda odds, floor=floor: odds.success + odds.partial >= floor
        )
        if window:
            orders.actions[i] = dataclasses.replace(order, window=window)
            orders.cash -= extra
