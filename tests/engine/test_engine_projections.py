"""The numbers the UI shows before a turn resolves are the numbers resolution then uses."""

from __future__ import annotations

import random

from game.engine import events as ev
from game.engine.api import apply, is_over, new_game
from game.engine.view import player_view
from tests.engine.engine_kit import of_type, random_action, side_to_act


def test_planned_spending_and_instalment_match_what_resolution_does(tiny) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(11)
    state = new_game(tiny, None, 11)
    checked = 0
    while not is_over(state) and checked < 60:
        side = side_to_act(state)
        action = random_action(state, rnd, p_end=0.3)
        ending_turn = all(s.ended or s.id == side for s in state.sides.values()) and type(action).__name__ == "EndTurn"
        if ending_turn:
            views = {sid: player_view(state, sid) for sid in state.sides}
        state, events = apply(state, action)
        if ending_turn:
            checked += 1
            for sid, view in views.items():
                spent = sum(e.spent for e in of_type(events, ev.ResearchAdvanced) if e.side == sid)
                assert spent == sum(m for _, m in view.planned_spending().research)
                paid = [e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == sid]
                if paid:
                    assert paid[0] == player_view(state, sid).instalment()
    assert checked > 10
