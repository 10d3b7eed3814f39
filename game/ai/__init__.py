"""Computer players: they read only a PlayerView, so they know what a human in their seat would know."""

from game.ai.levels import (
    ALL_LEVELS,
    BOT_INFO,
    BOTS,
    LEVEL_INFO,
    LEVEL_KEYS,
    LEVELS,
    PLAYERS,
    Player,
    PlayerSpecError,
    choose_actions,
    is_file_spec,
    load_player,
    player_of,
)
from game.ai.planner import TEMPERS, FlightValue, value_flight

__all__ = [
    "ALL_LEVELS",
    "BOTS",
    "BOT_INFO",
    "LEVELS",
    "LEVEL_INFO",
    "LEVEL_KEYS",
    "PLAYERS",
    "TEMPERS",
    "FlightValue",
    "Player",
    "PlayerSpecError",
    "choose_actions",
    "is_file_spec",
    "load_player",
    "player_of",
    "value_flight",
]
