"""How a computer player answers the event decisions waiting for it: the choice whose effects are worth the
most to it now (`value.effects_value`, and the turns its research points save the winning mission where a
rate cap binds, `value.time_value`), among those open to it now; between answers worth about the same (a
real trade-off, where the valuation cannot tell them apart) it picks either, as a person would; a
blundering turn picks at random."""

from __future__ import annotations

from game.ai.facts import Turn
from game.ai.value import effects_value, time_value
from game.engine.actions import Action, Decide
from game.engine.effects import Effect
from game.engine.vocab import WHO_SELF, Quantity


def decide(turn: Turn, out: list[Action]) -> int:
    """Order an answer to each decision waiting for this side; returns the most cash the answers may take
    when they are applied (before the flights it orders next: they must not count on that money)."""
    spent = 0
    for d in turn.me.decisions:
        choices = turn.view.open_choices.get(d.id, d.choices)  # only what can be chosen now
        if not choices:
            continue
        if turn.blundering:
            pick = choices[turn.rng.below(len(choices))]
        else:
            event = turn.rules.events[d.event]
            values = {
                c.id: effects_value(turn, c.effects) + time_value(turn, c.effects)
                for c in event.choices
                if c.id in choices
            }
            best = max(values.values(), default=0)
            close = [
                c
                for c in choices
                if c in values and values[c] >= best - turn.temper.taste_money - abs(best) * turn.temper.taste // 100
            ]
            # Only a real tie draws the player's dice, so that every other decision plays as it did.
            pick = close[0] if len(close) == 1 else close[turn.rng.below(len(close))] if close else choices[0]
        out.append(Decide(turn.side, d.id, pick))
        chosen = next((c for c in turn.rules.events[d.event].choices if c.id == pick), None)
        if chosen is not None:
            spent += cash_taken(chosen.effects)
    return spent


def cash_taken(effects: tuple[Effect, ...]) -> int:
    """The most of its own cash these effects may take (the worst of the ways a dice-decided one turns out)."""
    taken = 0
    for e in effects:
        for stake in e.stakes():
            if stake.quantity == Quantity.CASH and stake.target == WHO_SELF and stake.amount < 0:
                taken -= stake.amount
        outcomes = e.outcomes()
        if outcomes:
            taken += max(cash_taken(fx) for _, fx in outcomes)
    return taken
