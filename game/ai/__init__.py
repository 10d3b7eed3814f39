"""Computer players: they read only a PlayerView, so they know what a human in their seat would know."""

from game.ai.planner import TEMPERS, choose_actions

LEVELS = tuple(TEMPERS)

__all__ = ["LEVELS", "TEMPERS", "choose_actions"]
