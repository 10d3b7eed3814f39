"""How a computer player answers the event decisions waiting for it: the choice whose effects are worth the
most to it now (`value.effects_value`), the first listed on a tie, among those open to it now; a blundering
turn picks at random."""

from __future__ import annotations

from game.ai.facts import Turn
from game.ai.value import effects_value
from game.engine.actions import Action, Decide


def decide(turn: Turn, out: list[Action]) -> None:
    """Order an answer to each decision waiting for this side."""
    for d in turn.me.decisions:
        choices = turn.view.open_choices.get(d.id, d.choices)  # only what can be chosen now
        if not choices:
            continue
        if turn.blundering:
            pick = choices[turn.rng.below(len(choices))]
        else:
            event = turn.rules.events[d.event]
            values = {c.id: effects_value(turn, c.effects) for c in event.choices if c.id in choices}
            pick = max(choices, key=lambda c: (values.get(c, -(10**9)), -choices.index(c)))
        out.append(Decide(turn.side, d.id, pick))
