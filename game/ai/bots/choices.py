"""What an event's choice stakes, for the scripted bots: its worth to a plan, and what it puts at risk.

Part of the scripted bots' toolbox (game/ai/bots): it reads the effects' own `stakes()` and `outcomes()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine import Choice, Effect, Quantity, Stake

SELF = "self"


def stakes(effects: Iterable[Effect]) -> list[Stake]:
    """Every stake of `effects`; a random effect's options are weighed by their odds (amounts scaled)."""
    out: list[Stake] = []
    for e in effects:
        options = e.outcomes()
        if options:
            total = sum(max(0, w) for w, _ in options) or 1
            for w, inner in options:
                out += [s._replace(amount=s.amount * max(0, w) // total) for s in stakes(inner)]
        else:
            out += list(e.stakes())
    return out


def cash_at_worst(effects: Iterable[Effect]) -> int:
    """The most cash `effects` can take from their own side at once (a gamble by its worst option)."""
    total = 0
    for e in effects:
        options = e.outcomes()
        if options:
            total += max((cash_at_worst(inner) for _, inner in options), default=0)
        else:
            total -= sum(s.amount for s in e.stakes() if s.quantity == Quantity.CASH and s.target == SELF)
    return total


# What a unit of each quantity is worth to a sound plan, in money (a budget point pays every later year).
WORTH: dict[Quantity, int] = {
    Quantity.BUDGET: 6,
    Quantity.CASH: 1,
    Quantity.PRESTIGE: 4,
    Quantity.RESEARCH: 1,
    Quantity.RELIABILITY: 3,
    Quantity.RESEARCH_RATE: 30,
    Quantity.MORALE: 1,
    Quantity.CREW_INJURED: -10,
    Quantity.CREW_LOST: -30,
}


CRITICAL = 8  # how much more research is worth on the chain that sets the goal's date (it saves quarters)


def worth(choice: Choice, wanted: Iterable[str] = (), critical: Iterable[str] = ()) -> int:
    """A choice's value in money to a side that wants the techs `wanted` (research elsewhere counts a fifth,
    on the `critical` chain eight times)."""
    wanted, critical = set(wanted), set(critical)
    total = 0
    for s in stakes(choice.effects):
        value = s.amount * WORTH.get(s.quantity, 0)
        if s.tech in critical:
            value *= CRITICAL
        elif s.tech is not None and s.tech not in wanted:
            value //= 5
        total += value if s.target == SELF else -value
    return total


def best_choice(wanted: Iterable[str], critical: Iterable[str] = ()) -> Callable[[tuple[Choice, ...]], Choice]:
    """The choice worth most to a side that wants the techs `wanted` and waits on the `critical` chain."""
    wanted, critical = frozenset(wanted), frozenset(critical)
    return lambda choices: max(choices, key=lambda c: (worth(c, wanted, critical), c.id))


# What a unit lost of each quantity puts at risk (the riskiest answer puts the most at stake).
RISK: dict[Quantity, int] = {
    Quantity.BUDGET: 4,
    Quantity.CASH: 1,
    Quantity.PRESTIGE: 5,
    Quantity.RESEARCH: 1,
    Quantity.RELIABILITY: 3,
    Quantity.RESEARCH_RATE: 20,
    Quantity.MORALE: 2,
    Quantity.CREW_INJURED: 15,
    Quantity.CREW_LOST: 40,
}


def risk(choice: Choice) -> int:
    """What a choice puts at stake for its own side: every loss it brings, and a gamble's worst outcome."""
    total = 0
    for e in choice.effects:
        options = e.outcomes()
        worst = [s for _, inner in options for s in stakes(inner)] if options else list(e.stakes())
        for s in worst:
            loss = -s.amount if s.quantity not in (Quantity.CREW_INJURED, Quantity.CREW_LOST) else s.amount
            if s.target == SELF and loss > 0:
                total += loss * RISK.get(s.quantity, 1)
    return total
