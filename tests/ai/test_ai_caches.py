"""Honest caches: what the computer players remember between decisions (per ruleset, per turn) never changes
a decision. Games played with every cache dropped before every decision give the same orders and the same end."""

from __future__ import annotations

import pytest

from game.ai import choose_actions
from game.ai.knowledge import forget_all, knowledge
from game.ai.runner import ai_rng, game_setup, play_game
from game.content.load import load_scenario
from game.engine import EndTurn, is_over, new_game, player_view, state_hash
from game.engine.batch import apply_orders
from game.engine.rules import Ruleset


def played_cold(rules: Ruleset, seed: int, levels: dict[str, str]) -> tuple[str, list[object]]:
    """A game played as `play_game` plays it, but with every remembered table forgotten before each decision."""
    state = new_game(rules, game_setup(rules, levels), seed)
    log: list[object] = []
    while not is_over(state):
        for index, side in enumerate(rules.side_ids):
            if is_over(state):
                break
            if side in state.waiting:  # not in the game yet (as `play_game` skips it)
                continue
            forget_all()
            orders = choose_actions(player_view(state, side), levels[side], ai_rng(seed, index, state.turn))
            state, _, applied = apply_orders(state, [*orders, EndTurn(side)], in_place=True)
            log.extend(applied)
    return state_hash(state), log


GAMES = [
    ((), 1, ("normal", "normal")),
    ((), 2, ("easy", "normal")),
    ((), 3, ("normal", "bot_one_line")),
    (("europe",), 4, ("normal", "easy", "normal")),
    ((), 5, ("hard", "normal")),
]


@pytest.mark.parametrize(("mods", "seed", "levels"), GAMES)
def test_games_are_the_same_with_every_cache_cold_and_warm(
    mods: tuple[str, ...], seed: int, levels: tuple[str, ...]
) -> None:
    rules = load_scenario("race_1955", list(mods)).ruleset
    by_side = dict(zip(rules.side_ids, levels, strict=True))
    play_game(rules, seed + 100, by_side)  # another game first: the tables hold answers from elsewhere
    warm_state, warm_log = play_game(rules, seed, by_side)
    cold_hash, cold_log = played_cold(rules, seed, by_side)
    assert cold_log == warm_log
    assert cold_hash == state_hash(warm_state)


def test_forgetting_drops_the_remembered_tables(campaign: Ruleset) -> None:
    # Guard: a cold run that kept its tables would prove nothing.
    before = knowledge(campaign)
    assert knowledge(campaign) is before
    forget_all()
    assert knowledge(campaign) is not before
