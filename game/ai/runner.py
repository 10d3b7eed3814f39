"""Headless computer-vs-computer games: one game to the end, and batches of them over processes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.ai.planner import choose_actions
from game.engine import EndTurn, Setup, apply, is_over, new_game, outcome, player_view, validate
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.state import GameState

MAX_TURNS = 10_000


@dataclass
class GameResult:
    seed: int
    winner: str | None
    reason: str
    end: str
    milestones: dict[str, dict[str, str]]
    prestige: dict[str, int]
    deaths: dict[str, int]
    launches: dict[str, int]
    levels: dict[str, str] = field(default_factory=dict)
    actions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "winner": self.winner,
            "reason": self.reason,
            "end": self.end,
            "milestones": self.milestones,
            "prestige": self.prestige,
            "deaths": self.deaths,
            "launches": self.launches,
            "levels": self.levels,
        }


def ai_rng(seed: int, side_index: int, turn: int) -> Rng:
    """The computer player's own dice: separate from the game's, and the same on every run."""
    return Rng.from_seed((seed * 1_000_003 + side_index * 7919 + turn) & 0xFFFFFFFF)


def play_turn(state: GameState, side: str, level: str, seed: int) -> tuple[GameState, list[Any]]:
    """Let the computer give `side`'s orders and end its turn; returns the new state and the actions applied."""
    index = state.rules.side_ids.index(side)
    view = player_view(state, side)
    applied: list[Any] = []
    for action in choose_actions(view, level, ai_rng(seed, index, state.turn)):
        if validate(state, action) is None:
            state, _ = apply(state, action)
            applied.append(action)
    end = EndTurn(side)
    state, _ = apply(state, end)
    applied.append(end)
    return state, applied


def play_game(rules: Ruleset, seed: int, levels: dict[str, str]) -> tuple[GameState, list[Any]]:
    setup = Setup(controllers=tuple((s, f"ai:{levels.get(s, 'normal')}") for s in rules.side_ids))
    state = new_game(rules, setup, seed)
    log: list[Any] = []
    guard = 0
    while not is_over(state) and guard < MAX_TURNS:
        guard += 1
        for side in rules.side_ids:
            if is_over(state):
                break
            state, applied = play_turn(state, side, levels.get(side, "normal"), seed)
            log.extend(applied)
    return state, log


def summarize(state: GameState, seed: int, levels: dict[str, str], actions: int = 0) -> GameResult:
    rules = state.rules
    out = outcome(state)
    return GameResult(
        seed=seed,
        winner=out.winner if out else None,
        reason=out.reason if out else "unfinished",
        end=rules.date_label(min(state.turn, rules.settings.end)),
        milestones={
            m: {"side": order[0][0], "date": rules.date_label(order[0][1])}
            for m, order in state.firsts.items()
            if order
        },
        prestige={s.id: s.prestige for s in state.sides.values()},
        deaths={s.id: s.deaths for s in state.sides.values()},
        launches={s.id: s.launches for s in state.sides.values()},
        levels=dict(levels),
        actions=actions,
    )


def run_one(rules: Ruleset, seed: int, levels: dict[str, str]) -> GameResult:
    state, log = play_game(rules, seed, levels)
    return summarize(state, seed, levels, len(log))
