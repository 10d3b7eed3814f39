"""Which plan a level plays in each victory mode: hard's Moon rush where a landing can end the game, the planner
tuned for prestige where only the prestige at the end date decides (the Space age).

The mode is read from the view (`view.victory_mode` and the ruleset's modes), never from a scenario's ids, so a
mod's own modes choose the same way: a mode with no victory that ends the game early is decided by prestige.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from game.ai.planner import plan_turn
from game.ai.temper import TEMPERS, Temper
from game.engine.actions import Action
from game.engine.rng import Rng
from game.engine.view import PlayerView

Player = Callable[[PlayerView, Rng], list[Action]]

# Hard when prestige decides: normal's planner racing for no victory (the ruleset's victories end no game in this
# mode, so no mission is its winning one: every first counts by its prize, the landing's too), with prestige
# counted dearer against money (30 rather than 3 a point on top of what it adds to later budgets) and a crew's loss
# risked less (30 per mille before a prize's pull, normal 80: a lost crew costs 12-30 prestige); it flies test
# flights that end a danger its programme runs (`hazards.guard`: as the US, its Apollo fire burned in 95 % of
# games, the lunar ship left new and unflown); and it flies its proven missions again while a success still earns
# prestige (`repeats`; a repeat earns less with each success, `odds.flight_prestige`): from about 1971 both sides'
# firsts are won and their cash piles up unspent (hard's US ended with a median 3,000). Against normal, playing the
# US 400 games: without repeats 55.8 %, with them 63.0 %; the balance run (rules 33, 800 games, sides swapped):
# 62.7 % as the US, 92.2 % as the USSR; on rules 34, whose 1970s firsts are worth more, 73.2 % and 94.2 %
# (rules 35: 73.0 % and 93.2 %).
# (Normal, at 3 a point, finds a repeat worth less than its price: with repeats it won 50.8 % against itself, so it
# plays without.)
# Still racing for the landing, the best of ~35 tempers won 58.6 % of 800 games (51.2 % as the US); the rush flies
# everything in copies at 30-45 % odds and won none of 100 such games (docs/ai.md has the rest).
PRESTIGE_HARD: Temper = dataclasses.replace(
    TEMPERS["normal"], name="hard", races=False, repeats=True, prestige_worth=30, max_crew_loss=30, guard_quarters=8
)


def prestige_decides(view: PlayerView) -> bool:
    """Whether the game is won by prestige at its end date alone: its victory mode has no early victory."""
    try:
        return not view.rules.victories_in(view.victory_mode)
    except KeyError:  # a mode this ruleset does not know: play as in its default
        return False


def by_mode(race: Player, prestige: Player) -> Player:
    """A player that plays `prestige` in a game prestige decides and `race` in one an early victory can end."""

    def play(view: PlayerView, rng: Rng) -> list[Action]:
        return (prestige if prestige_decides(view) else race)(view, rng)

    return play


def prestige_hard(view: PlayerView, rng: Rng) -> list[Action]:
    """Hard's turn in a game prestige decides: the planner with `PRESTIGE_HARD`."""
    return plan_turn(view, PRESTIGE_HARD, rng)
