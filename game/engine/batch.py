"""A side's whole set of orders applied with one copy of the state: what the simulator and the computer players use.

`apply_orders(state, actions)` gives exactly the state and events that applying the same actions
one by one with `apply` would give (each is validated against the state the earlier ones left),
but clones the state once instead of once per action. With `in_place=True` it clones nothing: the
caller declares it owns `state` and that nobody else holds it (a headless game, a search rollout).
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine import events as ev
from game.engine.actions import Action
from game.engine.orders import APPLY
from game.engine.state import GameState
from game.engine.validate import validate


def apply_orders(
    state: GameState, actions: Iterable[Action], *, in_place: bool = False
) -> tuple[GameState, list[ev.Event], list[Action]]:
    """Apply every action that is valid when its turn comes; returns (state, events, the actions applied).

    An action the state rejects is skipped (the caller sees it missing from the third item), so a
    computer player's stale order never raises.
    """
    new = state if in_place else state.clone()
    out: list[ev.Event] = []
    applied: list[Action] = []
    for action in actions:
        if validate(new, action) is not None:
            continue
        APPLY[type(action)](new, new.sides[action.side], action, out)
        new.actions_applied += 1
        applied.append(action)
    return new, out, applied


__all__ = ["apply_orders"]
