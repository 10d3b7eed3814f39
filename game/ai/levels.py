"""The levels of play a player can pick, the bots only the simulator offers, and how each one chooses its orders.

Every level reads only the PlayerView it is handed and gets the same money and dice as a human.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai.planner import TEMPERS, Strategy, plan_turn
from game.engine.actions import Action
from game.engine.rng import Rng
from game.engine.view import PlayerView

LEVELS = ("easy", "normal", "hard")

# One line per level for the new-game screen (English; `ai.level.<level>` is the translation key).
LEVEL_INFO: dict[str, str] = {
    "easy": "A hesitant programme: spreads its money thin, leaves cash idle, and now and then chases the wrong prize "
    "or flies too soon.",
    "normal": "A steady programme: researches along the road to the Moon, picks up the firsts it can afford, flies "
    "when the odds are sensible and keeps to its own timetable.",
    "hard": "Watches you and plans ahead: spies on your programme, hurries a prize you are about to take, and when "
    "the race is close plays several plans forward against what it guesses of you before it commits.",
}
LEVEL_KEYS: dict[str, str] = {level: f"ai.level.{level}" for level in LEVELS}

# Fixed strategies for balance testing: `spacerace simulate --ai us=bot_moon_rush`; never offered in the UI.
BOT_INFO: dict[str, str] = {
    "bot_moon_rush": "Researches and flies nothing but the winning mission (the Moon landing), at full stretch.",
    "bot_no_crew": "Never recruits or flies a crew; chases every uncrewed prize.",
    "bot_one_line": "Puts every research dollar into one tech line (probes) and what that line needs.",
}
BOT_STRATEGIES: dict[str, Strategy] = {
    "bot_moon_rush": Strategy(only_winning=True),
    "bot_no_crew": Strategy(no_crew=True),
    "bot_one_line": Strategy(one_line="probe"),
}
BOTS = tuple(BOT_INFO)
ALL_LEVELS = LEVELS + BOTS

Chooser = Callable[[PlayerView, Rng], list[Action]]


def _heuristic(level: str) -> Chooser:
    temper = TEMPERS[level]
    return lambda view, rng: plan_turn(view, temper, rng)


def _bot(name: str) -> Chooser:
    temper = TEMPERS["normal"]
    strategy = BOT_STRATEGIES[name]
    if strategy.only_winning:
        from dataclasses import replace

        temper = replace(temper, slack=10**6)
    return lambda view, rng: plan_turn(view, temper, rng, strategy=strategy)


def _hard(view: PlayerView, rng: Rng) -> list[Action]:
    from game.ai.search import plan_ahead

    return plan_ahead(view, rng)


CHOOSERS: dict[str, Chooser] = {
    "easy": _heuristic("easy"),
    "normal": _heuristic("normal"),
    "hard": _hard,
    **{name: _bot(name) for name in BOTS},
}


def choose_actions(view: PlayerView, level: str = "normal", rng: Rng | None = None) -> list[Action]:
    """The orders a computer player of `level` gives this turn (EndTurn not included); unknown levels play normal."""
    chooser = CHOOSERS.get(level, CHOOSERS["normal"])
    return chooser(view, rng or Rng.from_seed(view.turn))
