"""What a computer player does with cash research cannot use: rush the research of its bargains past its rate
cap, and test the hardware of the prize flights it has just ordered (the engine's `useful_funding`,
`test_point_price` and `test_room` give every price and limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ai.facts import Turn
from game.ai.temper import BARGAIN, CRITICAL, WINDFALL
from game.engine import odds as engine_odds
from game.engine.actions import Action, BuyReliability, Decide, PlanMission

if TYPE_CHECKING:  # (research imports this module)
    from game.ai.research import Ask

# The asks a rush is for: other goals' bargains. Rushing the winning chain's critical path gave the US 60-80 % of
# the Moon races at every premium tried (it alone has idle cash), so idle money buys firsts, not the landing...
RUSHED = (WINDFALL, BARGAIN)
# ... until a rival visibly rushes its own (`Turn.rival_rushing`, which two planners never see of each other):
# then the critical chain comes first (the temper's `chase`).
CHASED = (CRITICAL, WINDFALL, BARGAIN)


def rush(turn: Turn, asks: list[Ask], funding: dict[str, int], spare: int) -> set[str]:
    """Rush the techs of other goals' bargains (`RUSHED`; `CHASED` while chasing a rusher) that are funded to their cap, loudest first, while `spare`
    (money research leaves idle this turn) pays the premium; `funding` gains what each rush costs. Returns the
    techs rushed."""
    chosen: set[str] = set()
    rules, me = turn.rules, turn.me
    rushed = CHASED if turn.temper.chase and turn.rival_rushing() else RUSHED
    for _, klass, _, tech in asks:
        if spare <= 0:
            break
        if klass not in rushed or tech in chosen:
            continue
        ts = me.techs[tech]
        plain = turn.useful(tech)
        if ts.done or funding.get(tech, 0) < plain:
            continue  # not funded to its cap: money is short for it, not idle
        extra = engine_odds.rush_extra(rules, me, rules.techs[tech], ts)
        if 0 < extra <= spare:
            funding[tech] = plain + extra
            spare -= extra
            chosen.add(tech)
    return chosen


def test(turn: Turn, room: int, cash: int, out: list[Action]) -> int:
    """Buy reliability, within `room` (money research cannot use this turn), for the hardware of the flights
    ordered this turn for a prize not yet won: each tech once, for its weakest step, up to what the step's
    chance can still gain. Returns the cash left."""
    if any(isinstance(a, Decide) for a in out):
        return cash  # a choice taken this turn may cost cash the books here do not see: wait a quarter
    rules, me, side = turn.rules, turn.me, turn.side
    seen: set[str] = set()
    for action in [a for a in out if isinstance(a, PlanMission)]:
        mission = rules.missions[action.mission]
        if all(m in me.milestones for m in mission.milestones):
            continue  # no prize in it: its odds are the flight planner's business
        got = engine_odds.mission_odds(rules, me, mission, action.hardware, action.crew, action.window)
        for step in sorted(got.steps, key=lambda s: s.chance):
            if step.tech in seen:
                continue
            seen.add(step.tech)
            price = engine_odds.test_point_price(rules, rules.techs[step.tech])
            can = min(engine_odds.test_room(rules, me, step.tech), room // price)
            points = engine_odds.chance_gain(rules, step.chance, can) if can > 0 else 0  # none past the ceiling
            if points > 0:
                out.append(BuyReliability(side, step.tech, points))
                room -= points * price
                cash -= points * price
    return cash
