"""Hard: plans ahead. (Placeholder until the search lands: the normal planner with the hard temper.)"""

from __future__ import annotations

from game.ai.planner import TEMPERS, plan_turn
from game.engine.actions import Action
from game.engine.rng import Rng
from game.engine.view import PlayerView


def plan_ahead(view: PlayerView, rng: Rng) -> list[Action]:
    return plan_turn(view, TEMPERS["hard"], rng)
