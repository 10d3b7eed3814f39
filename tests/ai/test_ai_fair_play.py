"""Every computer player gives only legal orders and knows only what its PlayerView shows."""

from __future__ import annotations

import dataclasses
import gc
import types

import pytest

from game.ai import ALL_LEVELS, BOTS, LEVEL_INFO, LEVELS, choose_actions
from game.ai.runner import ai_rng
from game.engine import EndTurn, new_game, player_view
from game.engine.api import validate
from game.engine.batch import apply_orders
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.state import GameState, SideState

# --------------------------------------------------------------------------------------------- levels


def test_the_three_levels_are_offered_each_with_one_line_for_the_player():
    assert LEVELS == ("easy", "normal", "hard")
    for level in LEVELS:
        text = LEVEL_INFO[level]
        assert text and "\n" not in text and len(text) < 200


def test_the_bots_are_selectable_but_not_among_the_levels_the_ui_offers():
    assert len(BOTS) >= 6 and all(b.startswith("bot_") for b in BOTS)
    assert not set(BOTS) & set(LEVELS)
    assert set(ALL_LEVELS) == set(LEVELS) | set(BOTS)


# --------------------------------------------------------------------------------------------- legal orders


def _play_checking_orders(
    rules: Ruleset, seed: int, levels: dict[str, str], turns: int, checked: str | None = None
) -> GameState:
    """Play `turns` turns; every order a computer player gives (only `checked`'s, when given) must be valid when
    it is applied, in order."""
    state = new_game(rules, None, seed)
    for _ in range(turns):
        for i, side in enumerate(rules.side_ids):
            if state.phase != "planning":
                return state
            orders = choose_actions(player_view(state, side), levels[side], ai_rng(seed, i, state.turn))
            if checked is not None and levels[side] != checked:
                state, _, _ = apply_orders(state, orders)
                orders = []
            for action in orders:
                assert action.side == side
                rejection = validate(state, action)
                assert rejection is None, f"{levels[side]} gave an illegal order {action}: {rejection}"
                state, _, applied = apply_orders(state, [action])
                assert applied == [action]
            state, _, _ = apply_orders(state, [EndTurn(side)])
    return state


@pytest.mark.parametrize("level", ALL_LEVELS)
def test_every_level_and_bot_gives_only_legal_orders_on_the_tiny_scenario(tiny: Ruleset, level: str):
    for seed in (1, 2):
        other = "normal" if level != "normal" else "easy"
        _play_checking_orders(tiny, seed, {"red": level, "blue": other}, turns=30)


@pytest.mark.parametrize("level", ["easy", "normal", *BOTS])
def test_every_level_and_bot_gives_only_legal_orders_in_the_campaign(campaign: Ruleset, level: str):
    sides = campaign.side_ids
    # (the opponent's orders are checked in its own case: a bot's plays put it in places no level's do)
    _play_checking_orders(campaign, 7, {sides[0]: level, sides[1]: "normal"}, turns=60, checked=level)


def test_hard_gives_only_legal_orders_in_the_campaign(campaign: Ruleset):
    sides = campaign.side_ids
    _play_checking_orders(campaign, 3, {sides[0]: "normal", sides[1]: "hard"}, turns=40)


# --------------------------------------------------------------------------------------------- no cheating


def _reachable(root: object, limit: int = 200_000) -> list[object]:
    """Every object reachable from `root` through containers, dataclass fields and attributes."""
    seen: dict[int, object] = {}
    stack = [root]
    while stack and len(seen) < limit:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, int, float, bool, bytes, type(None))):
            continue
        seen[id(obj)] = obj
        if isinstance(obj, (type, types.ModuleType)):
            continue  # code, not game data
        if isinstance(obj, types.FunctionType):
            # A compiled condition: what it closed over, not the module globals every function can see.
            stack.extend(c.cell_contents for c in obj.__closure__ or ())
            stack.extend(obj.__defaults__ or ())
        elif isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        elif dataclasses.is_dataclass(obj):
            stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))
        else:
            stack.extend(gc.get_referents(obj))
    return list(seen.values())


def _midgame(rules: Ruleset, seed: int = 5, turns: int = 30) -> GameState:
    state = new_game(rules, None, seed)
    for _ in range(turns):
        for i, side in enumerate(rules.side_ids):
            view = player_view(state, side)
            state, _, _ = apply_orders(
                state, [*choose_actions(view, "normal", ai_rng(seed, i, state.turn)), EndTurn(side)]
            )
    return state


def test_a_view_holds_no_reference_to_the_game_or_to_a_rivals_hidden_state(campaign: Ruleset):
    state = _midgame(campaign)
    side, rival = campaign.side_ids
    view = player_view(state, side)
    hidden = {id(state), id(state.sides[side]), id(state.sides[rival]), id(state.rng)}
    hidden |= {id(ts) for ts in state.sides[rival].techs.values()}
    hidden |= {id(c) for c in state.sides[rival].crews.values()}
    found = [type(o).__name__ for o in _reachable(view) if id(o) in hidden]
    assert not found, f"the view reaches hidden state: {found}"
    assert not any(isinstance(o, GameState) for o in _reachable(view))
    rival_states = [o for o in _reachable(view) if isinstance(o, SideState) and o.id == rival]
    assert not rival_states


def _hide_differently(state: GameState, rival: str) -> GameState:
    """The same game with the rival's secrets changed: its cash, research progress and crews' skills."""
    other = state.clone()
    r = other.sides[rival]
    r.cash += 777
    for ts in r.techs.values():
        if not ts.done:
            ts.progress = max(0, ts.progress - 7)
    for c in r.crews.values():
        for k in c.skills:
            c.skills[k] = 31
    return other


@pytest.mark.parametrize("level", ALL_LEVELS)
def test_orders_depend_only_on_what_the_view_shows(campaign: Ruleset, level: str):
    state = _midgame(campaign)
    side, rival = campaign.side_ids
    twin = _hide_differently(state, rival)
    a = choose_actions(player_view(state, side), level, Rng.from_seed(9))
    b = choose_actions(player_view(twin, side), level, Rng.from_seed(9))
    assert a == b


@pytest.mark.parametrize("bot", BOTS)
def test_a_bots_orders_late_in_the_race_depend_only_on_what_the_view_shows(campaign: Ruleset, bot: str):
    """Late in the race (stepping stones flying, the landing near) as well as mid-game."""
    state = _midgame(campaign, seed=8, turns=50)
    for side, rival in (campaign.side_ids, campaign.side_ids[::-1]):
        twin = _hide_differently(state, rival)
        for dice in (3, 4):
            a = choose_actions(player_view(state, side), bot, Rng.from_seed(dice))
            b = choose_actions(player_view(twin, side), bot, Rng.from_seed(dice))
            assert a == b
