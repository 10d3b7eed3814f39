"""A cautious computer player for Space Race, written against the public interface only (see docs/ai.md).

    spacerace simulate --ai us=examples/ai/cautious.py:play --games 20

Each quarter it answers events with their first choice, recruits a small crew, funds the cheapest techs it
can research (at the most money each can use a turn) with half its cash, and flies every mission that would
earn it a new milestone at 60 % odds or better, buying the hardware it lacks. It keeps nothing between
turns: everything is worked out again from the view.
"""

from __future__ import annotations

from game.engine import (
    Action,
    BuyHardware,
    CrewStatus,
    Decide,
    FundResearch,
    PlanMission,
    PlayerView,
    RecruitCrew,
    Rng,
    mission_odds,
    order_cost,
    useful_funding,
)

SAFE = 600  # per mille: the least chance (success or partial) it flies at
CREW = 4  # crew members it keeps serving


def play(view: PlayerView, rng: Rng) -> list[Action]:
    me, rules, side = view.me, view.rules, view.side
    orders: list[Action] = [Decide(side, d.id, d.choices[0]) for d in view.decisions]
    cash = me.cash

    # Crew: the first candidates who may join, until CREW are serving.
    serving = sum(1 for c in me.crews.values() if c.status in (CrewStatus.ACTIVE, CrewStatus.TRAINING))
    cost = rules.settings.recruit_cost
    for cid, c in me.crews.items():
        joinable = c.status == CrewStatus.CANDIDATE and rules.crews[cid].available <= view.turn
        if serving < CREW and joinable and cash >= cost:
            orders.append(RecruitCrew(side, cid))
            cash -= cost
            serving += 1

    # Flights: every mission that earns a new milestone and counts at SAFE or better.
    busy: set[str] = set()
    stock = {hw: me.free_hardware(hw) for hw in rules.hardware}
    launches = 0
    for mid in sorted(view.available_missions):
        m = rules.missions[mid]
        if launches >= rules.settings.max_missions_per_turn or not any(view.prize(ms)[1] for ms in m.milestones):
            continue
        hardware = []
        for slot in m.slots:
            units = [h for h in slot.options if view.hardware_unlocked(h)]
            if not units:
                break
            hardware.append((slot.id, max(units, key=lambda h: me.reliability(rules.hardware[h].tech))))
        crew = view.best_crew(mid, busy)
        if len(hardware) < len(m.slots) or crew is None:
            continue
        odds = mission_odds(rules, me, m, tuple(hardware), crew)
        missing = [hw for _, hw in hardware if stock[hw] <= 0]
        buy = [BuyHardware(side, hw, 1) for hw in missing]
        plan = PlanMission(side, mid, tuple(hardware), crew)
        cost = order_cost(rules, plan) + sum(order_cost(rules, b) for b in buy)
        if odds.success + odds.partial < SAFE or cost > cash // 2:
            continue
        orders += [*buy, plan]
        cash -= cost
        for _, hw in hardware:
            stock[hw] = max(0, stock[hw] - 1)
        busy.update(crew)
        launches += 1

    # Research: the cheapest techs it may research, each at the most it can use, with what is left.
    wanted: dict[str, int] = {}
    for tech_id in sorted(view.available_techs, key=lambda t: rules.techs[t].cost):
        amount = useful_funding(rules, me, rules.techs[tech_id], me.techs[tech_id])
        if 0 < amount <= cash:
            wanted[tech_id] = amount
            cash -= amount
    for tech_id, ts in me.techs.items():
        if wanted.get(tech_id, 0) != ts.funding:
            orders.append(FundResearch(side, tech_id, wanted.get(tech_id, 0)))
    return orders
