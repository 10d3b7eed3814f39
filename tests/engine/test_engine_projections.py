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


def test_the_prize_shown_for_a_milestone_is_the_prestige_it_brings(tiny) -> None:  # type: ignore[no-untyped-def]
    """view.prize (rank and prestige were the side to reach a milestone now) is what the resolution awards, when
    no other side reaches the same milestone in the same quarter (then the order of the flights decides)."""
    checked = 0
    for seed in range(40):
        rnd = random.Random(seed)
        state = new_game(tiny, None, seed)
        while not is_over(state):
            side = side_to_act(state)
            action = random_action(state, rnd, p_end=0.3)
            ending_turn = all(s.ended or s.id == side for s in state.sides.values()) and type(action).__name__ == "EndTurn"
            views = {sid: player_view(state, sid) for sid in state.sides} if ending_turn else {}
            state, events = apply(state, action)
            reached = of_type(events, ev.MilestoneAchieved)
            for e in reached:
                if sum(1 for x in reached if x.milestone == e.milestone) == 1:
                    assert views[e.side].prize(e.milestone) == (e.rank, e.prestige)
                    checked += 1
    assert checked >= 10


def test_the_cash_a_plan_needs_is_what_it_asks_after_each_techs_cap(tiny) -> None:  # type: ignore[no-untyped-def]
    """planned_spending's `needed` is the research each tech can use plus the intelligence ordered; when cash
    covers it nothing is cut, and when it does not the cut leaves no more spent than the cash."""
    rnd = random.Random(3)
    state = new_game(tiny, None, 3)
    shorts = plenty = 0
    while not is_over(state):
        for sid in state.sides:
            planned = player_view(state, sid).planned_spending()
            cash = max(0, state.sides[sid].cash)
            assert planned.needed == sum(m for _, m in planned.wanted) + state.sides[sid].intel
            if planned.short:
                shorts += 1
                assert planned.total <= cash < planned.needed
            else:
                plenty += 1
                assert planned.research == planned.wanted and planned.total == planned.needed
        state, _ = apply(state, random_action(state, rnd, p_end=0.3))
    assert shorts and plenty
