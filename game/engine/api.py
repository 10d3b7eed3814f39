"""The engine's public contract: new_game, legal_actions, validate, apply, is_over, outcome, state_hash.

`apply` never mutates its input. When the last side ends its planning, `apply` plays the rest of
the turn in a fixed order (see `turn.resolve_turn`) and returns the events of all of it. The
modules behind it, one concern each: setup, availability, validate, orders, crew, turn (with
research, flights, news and upkeep), view, hashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import events as ev
from game.engine.actions import Action, IllegalAction
from game.engine.hashing import state_hash
from game.engine.orders import APPLY, legal_actions, plan_from_stock, suggest_plan
from game.engine.setup import Setup, new_game
from game.engine.state import PHASE_OVER, GameState
from game.engine.validate import validate


@dataclass(frozen=True, slots=True)
class Outcome:
    winner: str | None
    reason: str
    prestige: tuple[tuple[str, int], ...]
    turn: int
    milestones: dict[str, tuple[str, int]] = field(default_factory=dict)  # first to each: (side, turn)


def apply(state: GameState, action: Action) -> tuple[GameState, list[ev.Event]]:
    rejection = validate(state, action)
    if rejection is not None:
        raise IllegalAction(rejection)
    new = state.clone()
    out: list[ev.Event] = []
    APPLY[type(action)](new, new.sides[action.side], action, out)
    new.actions_applied += 1
    return new, out


def is_over(state: GameState) -> bool:
    return state.phase == PHASE_OVER


def outcome(state: GameState) -> Outcome | None:
    if not is_over(state):
        return None
    return Outcome(
        winner=state.winner,
        reason=state.end_reason,
        prestige=tuple((s.id, s.prestige) for s in state.sides.values()),
        turn=state.turn,
        milestones={m: order[0] for m, order in state.firsts.items() if order},
    )


__all__ = [
    "Outcome",
    "Setup",
    "apply",
    "is_over",
    "legal_actions",
    "new_game",
    "outcome",
    "plan_from_stock",
    "state_hash",
    "suggest_plan",
    "validate",
]
