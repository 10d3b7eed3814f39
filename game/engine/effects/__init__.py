"""The effects events and missions can have: the built-in vocabulary, and how effects are applied.

Each effect op is one class in a family file of this package (`money`, `research`, `story`, `crew`,
`chance`) that defines all of it (see `game.engine.vocab`) and is listed in its family's `OPS`. An effect is applied for one side
("self"); `target: rival` applies it to every other side. Effects only ever change a state that
`apply` has already cloned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.effects import chance, crew, money, research, story
from game.engine.effects.chance import RandomOneOf, Weighted
from game.engine.effects.crew import CrewMorale, InjureCrew, LoseCrew
from game.engine.effects.money import MAX_MONEY, MAX_PRESTIGE, AddBudget, AddCash, AddPrestige
from game.engine.effects.research import ModifyReliability, ResearchProgress, ResearchRate
from game.engine.effects.story import QueueEvent, SetFlag
from game.engine.vocab import Effect

if TYPE_CHECKING:
    from game.engine import events as ev
    from game.engine.state import GameState

# The built-in effects, family by family, in the order the reference and the JSON Schema list them.
BUILTIN: tuple[type[Effect], ...] = (*money.OPS, *research.OPS, *story.OPS, *crew.OPS, *chance.OPS)

__all__ = [
    "BUILTIN",
    "MAX_MONEY",
    "MAX_PRESTIGE",
    "AddBudget",
    "AddCash",
    "AddPrestige",
    "CrewMorale",
    "Effect",
    "InjureCrew",
    "LoseCrew",
    "ModifyReliability",
    "QueueEvent",
    "RandomOneOf",
    "ResearchProgress",
    "ResearchRate",
    "SetFlag",
    "Weighted",
    "apply_effects",
]


def apply_effects(effects: tuple[Effect, ...], state: GameState, side: str, out: list[ev.Event]) -> None:
    for e in effects:
        e.apply(state, side, out)
