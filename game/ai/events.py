"""How a computer player answers the event decisions waiting for it: the choice whose effects are worth the
most to it now (`value.effects_value`), the first listed on a tie; a blundering turn picks at random."""

from __future__ import annotations

from game.ai.facts import Turn
from game.ai.value import effects_value
from game.engine.actions import Action, Decide


def decide(turn: Turn, out: list[Action]) -> None:
    """Order an answer to each decision waiting for this side."""
    for d in turn.me.decisions:
        if turn.blundering:
            pick = d.choices[turn.rng.below(len(d.choices))]
        else:
            event = turn.rules.events[d.event]
            values = {c.id: effects_value(turn, c.effects) for c in event.choices if c.id in d.choices}
            pick = max(d.choices, key=lambda c: (values.get(c, -(10**9)), -d.choices.index(c)))
        out.append(Decide(turn.side, d.id, pick))
