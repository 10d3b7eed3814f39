"""The dangers a side's own programme runs (`PlayerView.dangers`): a flight that ends one for good where what it
takes off is worth more than it costs."""

from __future__ import annotations

from game.ai.facts import Turn
from game.ai.launches import FlightPlan, plan_flight
from game.ai.value import event_value
from game.engine.actions import Action, BuyHardware, PlanMission
from game.engine.odds import MissionOdds


def guard(turn: Turn, room: int, cash: int, out: list[Action]) -> int:
    """Order a test flight that ends a danger for good, within `room`, where that pays. An event that may befall
    the side this quarter (`PlayerView.dangers`) and would harm it comes within the temper's `guard_quarters` at
    its odds now with chance 1 - (1 - odds)^quarters; a way out of its condition that lasts
    (`Condition.ended_by`: so many steps flown that test a tech) is worth that share of the harm. The cheapest test
    flights that fly the tech's hardware are ordered while they cost less, until the steps they are expected to
    fly reach the mark (the news come after the flights: a flight this quarter already counts). Returns the cash
    left."""
    rules, me, view = turn.rules, turn.me, turn.view
    planned = len(me.plan) + sum(isinstance(a, PlanMission) for a in out)
    limit = rules.settings.max_missions_per_turn
    for event_id, odds in sorted(view.dangers.items()):
        event = rules.events[event_id]
        harm = -event_value(turn, event)
        if harm <= 0 or odds <= 0:
            continue
        missed = 10_000  # per ten thousand: the chance it does not happen in the quarters counted
        for _ in range(turn.temper.guard_quarters):
            missed = missed * (100 - min(100, odds)) // 100
        worth = harm * (10_000 - missed) // 10_000
        for value, tech, reach in event.when.ended_by() if event.when is not None else ():
            state = me.techs.get(tech)
            if value != "flights" or state is None or not state.done or state.flights >= reach:
                continue
            # Test flights of the tech's hardware, the cheapest mission first, until the steps they are expected to
            # fly on it reach the mark, as long as they cost less than the danger is worth.
            stock, needed = turn.stock(), (reach - state.flights) * 100
            while needed > 0 and planned < limit:
                best = cheapest_test(turn, tech, stock)
                if best is None or best[1].price >= worth or best[1].price > room:
                    break
                m, plan = best
                out.extend(BuyHardware(turn.side, h, n) for h, n in plan.buy.items())
                out.append(PlanMission(turn.side, m, plan.hardware, plan.crew))
                for h, n in plan.buy.items():
                    stock[h] = stock.get(h, 0) + n
                for _, h in plan.hardware:
                    stock[h] -= 1
                needed -= tested_steps(view.odds(m, plan.hardware, plan.crew), tech)
                worth, room, cash, planned = worth - plan.price, room - plan.price, cash - plan.price, planned + 1
    return cash


def cheapest_test(turn: Turn, tech: str, stock: dict[str, int]) -> tuple[str, FlightPlan] | None:
    """The cheapest test flight it can order now that flies the hardware of `tech`, with its plan."""
    best: tuple[str, FlightPlan] | None = None
    for m in turn.k.test_missions:
        if m not in turn.view.available_missions or turn.needs_mask[m]:
            continue
        plan = plan_flight(turn, m, stock, set(), teach=frozenset({tech}))
        if plan is None or all(turn.k.tech_of[h] != tech for _, h in plan.hardware):
            continue
        if best is None or plan.price < best[1].price:
            best = (m, plan)
    return best


def tested_steps(odds: MissionOdds, tech: str) -> int:
    """The steps that test `tech` a flight at these odds is expected to fly, in hundredths: each counts with the
    chance that every step before it passed."""
    reached, tested = 100, 0
    for step in odds.steps:
        if step.tech == tech:
            tested += reached
        reached = reached * step.chance // 100
    return tested
