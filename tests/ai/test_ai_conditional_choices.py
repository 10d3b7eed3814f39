"""The computer players answer an event only with a choice the side can take now."""

from __future__ import annotations

from pathlib import Path

import pytest

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
        - id: {choice}
          when: {{op: flag, flag: lobby}}
"""


@pytest.mark.parametrize("closed", ["fund", "refuse"])
@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_a_closed_choice_is_never_picked(tmp_path: Path, level: str, closed: str) -> None:
    (tmp_path / "cond").mkdir()
    (tmp_path / "cond" / "manifest.yaml").write_text("id: cond\nkind: mod\nrequires: [tiny]\n")
    (tmp_path / "cond" / "e.yaml").write_text(PATCH.format(choice=closed))
    rules = load_scenario(str(TINY), [str(tmp_path / "cond")]).ruleset
    state = new_game(rules, None, 1)
    while not state.sides["blue"].decisions:
        state, _, _ = apply_orders(state, [EndTurn(s) for s in rules.side_ids])
    view = player_view(state, "blue")
    (decision,) = view.decisions
    assert closed not in view.open_choices[decision.id]
    picks = {
        a.choice
        for seed in range(12)
        for a in choose_actions(view, level, ai_rng(seed, 1, state.turn))
        if isinstance(a, Decide)
    }
    assert picks == set(view.open_choices[decision.id])
