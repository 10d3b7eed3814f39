"""The conditions a scenario can ask about: the built-in vocabulary, and how a condition is judged.

Each condition op is one class in a family file of this package (`logic`, `dates`, `progress`,
`story`, `situation`) that defines all of it (see `game.engine.vocab`) and is listed in its family's
`OPS`; this module gathers the families and asks any condition the same questions. A condition is always judged for one side ("self"); "rival" means any other side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.conditions import dates, logic, progress, situation, story
from game.engine.conditions.dates import DateBetween
from game.engine.conditions.logic import All, Any, Not
from game.engine.conditions.progress import Achieved, FirstTo, HasTech
from game.engine.conditions.situation import CMP, COMPARABLE, Compare, IsSide
from game.engine.conditions.story import EventFired, Flag
from game.engine.vocab import Condition, Predicate

if TYPE_CHECKING:
    from game.engine.state import GameState

# The built-in conditions, family by family, in the order the reference and the JSON Schema list them.
BUILTIN: tuple[type[Condition], ...] = (*logic.OPS, *dates.OPS, *progress.OPS, *story.OPS, *situation.OPS)

__all__ = [
    "BUILTIN",
    "CMP",
    "COMPARABLE",
    "Achieved",
    "All",
    "Any",
    "Compare",
    "Condition",
    "DateBetween",
    "EventFired",
    "FirstTo",
    "Flag",
    "HasTech",
    "IsSide",
    "Not",
    "Predicate",
    "compile_condition",
    "date_window",
    "holds",
    "own_needs",
]


def holds(cond: Condition | None, state: GameState, side: str) -> bool:
    """Whether `cond` is true for `side` now; no condition at all is always true."""
    return True if cond is None else cond.holds(state, side)


def _always(st: GameState, side: str) -> bool:
    return True


def compile_condition(cond: Condition | None) -> Predicate:
    """`holds` for one condition, as a function of (state, side) that gives the same answers.

    The reading of the condition's fields is done once, here: for the engine's hot loops, which ask
    a ruleset's same few hundred conditions every turn.
    """
    return _always if cond is None else cond.compiled()


def date_window(cond: Condition | None) -> tuple[int | None, int | None]:
    """(first, last) turn on which `cond` can hold, None for no bound. Lets a caller skip asking."""
    return (None, None) if cond is None else cond.window()


def own_needs(cond: Condition | None) -> tuple[list[str], list[str], bool]:
    """(own techs the condition asks for, own milestones it asks for, whether it also asks for something
    neither research nor this side's flights can bring), looking through `all`. The computer players
    plan toward the first two; the mission screen names those a side still lacks."""
    if cond is None:
        return [], [], False
    n = cond.needs()
    return list(n.techs), list(n.milestones), n.gated
