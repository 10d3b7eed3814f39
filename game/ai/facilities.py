"""Which facility a computer player builds this turn: one that helps the flights it is working toward, paid
from money the winning chain's research does not need this turn (the planner says how much)."""

from __future__ import annotations

from game.ai.facts import Turn
from game.engine import odds as engine_odds
from game.engine.actions import Action, BuildFacility, Decide


def helps(turn: Turn, facility: str, goals: list[str]) -> bool:
    """Whether a goal it could fly now (every tech of its hardware finished) has a step of a kind the facility
    helps: a facility is bought for the flights at hand, not for those years away."""
    kinds = turn.rules.facilities[facility].kinds
    missions, needs = turn.rules.missions, turn.needs_mask
    return any(not needs[m] and any(st.kind in kinds for st in missions[m].steps) for m in goals)


def build(turn: Turn, goals: list[str], idle: int, cash: int, out: list[Action]) -> int:
    """Order the first facility (in the scenario's order) that helps a goal and fits in `idle`, the money the
    planner can spare for it this turn. Returns the cash left."""
    me = turn.me
    if any(isinstance(a, Decide) for a in out):
        return cash  # a choice taken this turn may cost cash the books here do not see: wait a quarter
    for fid, f in turn.rules.facilities.items():
        if fid in me.facilities or any(not me.techs[t].done for t in f.requires):
            continue
        action = BuildFacility(turn.side, fid)
        cost = engine_odds.order_cost(turn.rules, action)
        if cost <= idle and cost <= cash and helps(turn, fid, goals):
            out.append(action)
            return cash - cost
    return cash
