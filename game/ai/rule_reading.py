"""What a computer player reads in the rule book itself: the milestones a condition asks for, the techs an
effect names, what lasting effects are worth in money. Pure functions of the rules, used once per ruleset."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine.conditions import Condition
from game.engine.effects import Effect
from game.engine.rules import Event
from game.engine.vocab import WHO_SELF, Quantity, Stake, walk


def effect_techs(event: Event) -> list[str]:
    """The techs an event's effects and choices name (looking into random outcomes too)."""
    found = walk((event.effects, *(c.effects for c in event.choices)))
    return sorted(rid for _, op in found for _, kind, rid in op.refs() if kind == "techs")


def has_loop(edges: dict[str, list[str]]) -> bool:
    """Whether following `edges` from some node can come back to it."""
    state: dict[str, int] = {}  # 1 while on the current path, 2 once finished

    def visit(node: str) -> bool:
        state[node] = 1
        for nxt in edges.get(node, ()):
            seen = state.get(nxt)
            if seen == 1 or (seen is None and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in edges)


def union(masks: Iterable[int]) -> int:
    out = 0
    for mask in masks:
        out |= mask
    return out


def own_milestones(cond: Condition | None) -> list[str]:
    """The milestones a condition asks the side itself to reach, or to reach first (looking through `all` only)."""
    if cond is None:
        return []
    needs = cond.needs()
    return [*needs.milestones, *(ms for ms, by in needs.firsts if by == WHO_SELF)]


def firsts(cond: Condition | None) -> list[tuple[str, str]]:
    """(milestone, by) of the `first_to` conditions a condition needs (looking through `all` only)."""
    return [] if cond is None else [(ms, by) for ms, by in cond.needs().firsts if by in ("self", "rival")]


# What a lasting change to a quantity is worth in money, for `years` of budget (others count for nothing here).
_MONEY_WORTH: dict[Quantity, Callable[[Stake, int, int], int]] = {
    Quantity.BUDGET: lambda s, years, pw: s.amount * years if s.target == WHO_SELF else 0,
    Quantity.CASH: lambda s, years, pw: s.amount if s.target == WHO_SELF else 0,
    Quantity.PRESTIGE: lambda s, years, pw: s.amount * pw * (1 if s.target == WHO_SELF else -1),
}


def research_stakes(effects: tuple[Effect, ...]) -> tuple[tuple[str, int], ...]:
    """(tech, points) of the research an effect list puts into the side's own techs (early programmes' flights)."""
    return tuple(
        (s.tech, s.amount)
        for e in effects
        for s in e.stakes()
        if s.quantity is Quantity.RESEARCH and s.target == WHO_SELF and s.tech and s.amount > 0
    )


def effects_money(effects: tuple[Effect, ...], years: int, prestige_worth: int = 3) -> int:
    """A rough money value of lasting budget, cash and prestige effects, for `years` of budget."""
    value = 0
    for e in effects:
        for stake in e.stakes():
            worth = _MONEY_WORTH.get(stake.quantity)
            if worth is not None:
                value += worth(stake, years, prestige_worth)
        outcomes = e.outcomes()
        if outcomes:
            total = sum(max(0, w) for w, _ in outcomes) or 1
            value += sum(effects_money(fx, years, prestige_worth) * max(0, w) for w, fx in outcomes) // total
    return value
