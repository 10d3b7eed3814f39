"""Hard's rush plan: the Moon's road researched at full rate, longest chain first; its stepping stones and
the landing flown early, in several copies a quarter; every first its hardware can fly picked up while it
is still a first; the cash left over rushing the research that holds the landing back past its rate cap, but
the landing's next price kept once only its flights are left; and the event answers that put the most at stake.

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
    Road,
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
    # Once only the landing's flights stand before it, its next flight's price is kept from everything else.
    keep = landing_purse(orders, view, road, finals) if temper.rush_purse else 0
    # Firsts the road's hardware can already fly: prestige now is budget next year.
    for ms in open_prizes(view):
        if is_first(view, ms):
            for mission in sorted(m.id for m in rules.missions.values() if ms in m.milestones):
                floors.setdefault(mission, temper.rush_first)
                if orders.fly(mission, temper.rush_first, 1, keep=keep):
                    break
    race_windows(orders, view, floors, keep)
    orders.improve(sorted(flight_techs(view, road.missions)), below=100, keep=keep)
    orders.test_fly(flight_techs(view, road.missions), keep)
    if temper.rush_chain >= 0:
        # What cash is still idle hurries the research that holds the landing back: every rushed point costs
        # `rush_premium` percent more, but the US alone sits on a year's budget by the mid-sixties.
        waits = slack(view, road.techs)
        orders.rush([t for t in critical_order(view, road.techs) if waits[t] <= temper.rush_chain], keep)
    return orders.done()


def landing_purse(orders: Orders, view: PlayerView, road: Road, finals: set[str]) -> int:
    """The cash kept from everything but the road's own flights so that the landing can fly next quarter (again,
    if it flies this one): its price less a quarter's income, once its hardware is researched and no stepping
    stone stands before it but one flown this quarter (0 otherwise). Without it, the quarter the landing is
    ready and its odds good can come without the cash to fly it."""
    rules = view.rules
    steps = [m for m in road.missions if m not in finals]
    if len(steps) > 1 or (steps and steps[0] not in orders.flown):
        return 0
    prices = [orders.price(rules.missions[m], hw) for m in finals if (hw := orders.hardware(rules.missions[m]))]
    return max(0, min(prices, default=0) - view.instalment())


def race_windows(orders: Orders, view: PlayerView, floors: dict[str, int], keep: int = 0) -> None:
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
            view.rules, view, order, orders.spare - keep, lambda odds, floor=floor: odds.success + odds.partial >= floor
        )
        if window:
            orders.actions[i] = dataclasses.replace(order, window=window)
            orders.cash -= extra
