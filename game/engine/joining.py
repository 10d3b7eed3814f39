"""Sides that enter the game later: who is waiting, and the moment each joins.

A side with a `joins` condition waits until it holds (checked when the game starts and at the start of
every turn). A waiting side takes no turns (its planning counts as ended), receives no budget, pays
nothing, trains no crew, and no event, victory or rival's effect touches it; on joining it gets its
first instalment and plays from that turn on.
"""

from __future__ import annotations

from game.engine import events as ev
from game.engine.conditions import holds
from game.engine.state import GameState
from game.engine.upkeep import pay_instalment, record_history


def admit(st: GameState, out: list[ev.Event]) -> None:
    """Every waiting side whose `joins` now holds enters the game, in scenario order."""
    if not st.waiting:
        return
    for side in list(st.waiting):
        if holds(st.rules.side(side).joins, st, side):
            st.waiting.remove(side)
            me = st.sides[side]
            me.ended = False
            out.append(ev.SideJoined(side))
            pay_instalment(st, me, out)
            record_history(st, me)
