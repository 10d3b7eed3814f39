"""A normal player takes either of two answers worth about the same to it, and the better of two that are not;
hard always takes the one it values most."""

from __future__ import annotations

from pathlib import Path

from game.ai import choose_actions
from game.ai.runner import ai_rng
from game.content.load import load_scenario
from game.engine import Decide, EndTurn, new_game, player_view
from game.engine.batch import apply_orders

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
PATCH = """
events:
  - id: hearing
    $op: patch
    choices:
      $patch:
        - id: fund
          effects: [{{op: add_cash, amount: {fund}}}]
        - id: refuse
          effects: [{{op: add_cash, amount: {refuse}}}]
"""


def _picks(tmp_path: Path, fund: int, refuse: int, level: str = "normal") -> set[str]:
    (tmp_path / "odds").mkdir()
    (tmp_path / "odds" / "manifest.yaml").write_text("id: odds\nkind: mod\nrequires: [tiny]\n")
    (tmp_path / "odds" / "e.yaml").write_text(PATCH.format(fund=fund, refuse=refuse))
    rules = load_scenario(str(TINY), [str(tmp_path / "odds")]).ruleset
    state = new_game(rules, None, 1)
    while not state.sides["blue"].decisions:
        state, _, _ = apply_orders(state, [EndTurn(s) for s in rules.side_ids])
    view = player_view(state, "blue")
    return {
        a.choice
        for seed in range(16)
        for a in choose_actions(view, level, ai_rng(seed, 1, state.turn))
        if isinstance(a, Decide)
    }


def test_two_answers_worth_the_same_are_both_taken(tmp_path: Path) -> None:
    assert _picks(tmp_path, 10, 12) == {"fund", "refuse"}


def test_a_clearly_better_answer_is_always_taken(tmp_path: Path) -> None:
    assert _picks(tmp_path, 200, 10) == {"fund"}


def test_hard_takes_the_answer_it_values_most_even_when_close(tmp_path: Path) -> None:
    assert _picks(tmp_path, 10, 12, "hard") == {"refuse"}
