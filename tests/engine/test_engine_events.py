"""Rules of the news: when scenario events fire, queued events, and the decisions events offer."""

from __future__ import annotations

import pytest
from engine_kit import act, end_turn, end_turns, of_type, scripted, with_records

from game.engine import events as ev
from game.engine.actions import Decide, PlanMission
from game.engine.api import legal_actions, new_game
from game.engine.conditions import DateBetween, Flag
from game.engine.effects import AddCash, QueueEvent, SetFlag
from game.engine.rules import Choice, Event
from game.engine.state import GameState

HEARING_TURN = 7842  # tiny: 1960-Q3, blue only


def at_hearing(rules) -> GameState:
    """The tiny game just after the hearing event fired for blue (its decision pending)."""
    state, _ = end_turns(scripted(new_game(rules, None, 0)), HEARING_TURN - rules.settings.start + 1)
    return state


def test_event_choice_becomes_a_pending_decision(tiny):
    state, events = end_turns(scripted(new_game(tiny, None, 0)), HEARING_TURN - tiny.settings.start + 1)
    fired = [e for e in of_type(events, ev.EventFired) if e.event == "hearing"]
    assert len(fired) == 1 and fired[0].side == "blue" and fired[0].decision is not None
    (decision,) = state.sides["blue"].decisions
    assert (decision.id, decision.event, decision.choices) == (fired[0].decision, "hearing", ("fund", "refuse"))
    assert not state.sides["red"].decisions, "an event for listed sides fires for them only"
    assert {a for a in legal_actions(state, "blue") if isinstance(a, Decide)} == {
        Decide("blue", decision.id, "fund"), Decide("blue", decision.id, "refuse"),
    }


def test_decision_applies_its_choice_at_once(tiny):
    state = at_hearing(tiny)
    decision = state.sides["blue"].decisions[0]
    state, events = act(state, Decide("blue", decision.id, "refuse"))
    assert events == [ev.DecisionMade("blue", "hearing", "refuse", False), ev.PrestigeChanged("blue", -1, "event")]
    assert state.sides["blue"].prestige == -1
    assert state.sides["blue"].decisions == []


def test_event_choice_left_open_takes_first_choice(tiny):
    state = at_hearing(tiny)
    decision = state.sides["blue"].decisions[0]
    left_open, events = end_turn(state)
    assert ev.DecisionMade("blue", "hearing", "fund", True) in events
    assert left_open.sides["blue"].decisions == []
    chosen, _ = act(state, Decide("blue", decision.id, "fund"))
    chosen, _ = end_turn(chosen)
    # Leaving it open is exactly choosing the first choice (but for the count of actions).
    assert left_open.sides == chosen.sides
    assert left_open.sides["blue"].budget_mod == 4


def test_queued_event_fires_after_delay(tiny):
    rules = with_records(tiny, events={
        "trigger": Event("trigger", "t", "x", sides=("red",), when=DateBetween(tiny.settings.start, tiny.settings.start),
                         effects=(QueueEvent("echo", delay=2), QueueEvent("echo", delay=3, target="rival"))),
        # chance 0: it never fires by itself, only when queued (a queued event skips the chance roll).
        "echo": Event("echo", "t", "x", chance=0, once=False, effects=(AddCash(100),)),
    })
    state = scripted(new_game(rules, None, 0))
    start = state.turn
    fired: list[tuple[int, str]] = []
    for _ in range(5):
        turn = state.turn
        state, events = end_turn(state)
        fired += [(turn, e.side) for e in of_type(events, ev.EventFired) if e.event == "echo"]
    assert fired == [(start + 2, "red"), (start + 3, "blue")]
    assert state.queued == []


def test_queued_event_still_needs_its_condition(tiny):
    rules = with_records(tiny, events={
        "trigger": Event("trigger", "t", "x", sides=("red",), effects=(QueueEvent("echo", delay=1),)),
        "echo": Event("echo", "t", "x", when=Flag("never"), effects=(AddCash(100),)),
    })
    state, events = end_turns(scripted(new_game(rules, None, 0)), 3)
    assert not [e for e in of_type(events, ev.EventFired) if e.event == "echo"]
    assert state.queued == [], "a queued event that cannot fire is dropped, not kept forever"


def test_once_event_fires_only_once(tiny):
    _state, events = end_turns(scripted(new_game(tiny, None, 0)), 6)
    assert [e.side for e in of_type(events, ev.EventFired) if e.event == "windfall"] == ["red", "blue"]


@pytest.mark.parametrize(("cooldown", "gaps"), [(0, 1), (1, 1), (2, 2), (3, 3)])
def test_repeatable_event_waits_for_its_cooldown(tiny, cooldown, gaps):
    rules = with_records(tiny, events={"tick": Event("tick", "t", "x", sides=("red",), once=False, cooldown=cooldown)})
    state = scripted(new_game(rules, None, 0))
    start = state.turn
    turns = []
    for _ in range(7):
        turn = state.turn
        state, events = end_turn(state)
        turns += [turn for e in of_type(events, ev.EventFired) if e.event == "tick"]
    assert turns == list(range(start, start + 7, gaps))


def test_event_chance_is_rolled_each_turn(tiny):
    rules = with_records(tiny, events={"maybe": Event("maybe", "t", "x", sides=("red",), chance=30)})
    state = scripted(new_game(rules, None, 0), percents=[31, 100, 30])
    fired = []
    for _ in range(3):
        turn = state.turn
        state, events = end_turn(state)
        fired += [turn for e in of_type(events, ev.EventFired) if e.event == "maybe"]
    assert fired == [tiny.settings.start + 2]


def test_event_effects_apply_when_it_fires(tiny):
    state = scripted(new_game(tiny, None, 0))
    state, _ = end_turn(state)
    cash = state.sides["red"].cash
    state, events = end_turn(state)  # the windfall quarter
    assert ev.CashChanged("red", 5) in events
    instalment = sum(e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red")
    assert state.sides["red"].cash == cash + 5 + instalment


def test_event_reacting_to_a_rivals_first(tiny):
    # red reaches orbit first: the shock event fires for blue (raising its budget) and not for red.
    state = scripted(new_game(tiny, None, 0))
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, events = end_turn(state)
    assert [e.side for e in of_type(events, ev.EventFired) if e.event == "rival_orbit_shock"] == ["blue"]
    assert state.sides["blue"].flags == {"shocked": 1}
    assert state.sides["blue"].budget_mod == 8


def test_news_fires_queued_events_first_then_events_in_file_order_for_each_side(tiny):
    rules = with_records(tiny, events={
        "first": Event("first", "t", "x", effects=(QueueEvent("queued", delay=1),), when=Flag("go", scope="global")),
        "second": Event("second", "t", "x", when=Flag("go", scope="global")),
        "queued": Event("queued", "t", "x", chance=0),
        "opener": Event("opener", "t", "x", sides=("red",), effects=(SetFlag("go", scope="global"),), choices=()),
    })
    # `opener` comes after `first` and `second` in file order, so they fire the turn after it.
    state, _ = end_turn(scripted(new_game(rules, None, 0)))
    state, events = end_turn(state)
    assert [(e.event, e.side) for e in of_type(events, ev.EventFired)] == [
        ("windfall", "red"), ("windfall", "blue"),  # the tiny scenario's own, earlier in the file
        ("first", "red"), ("first", "blue"), ("second", "red"), ("second", "blue"),
    ]
    state, events = end_turn(state)
    assert [(e.event, e.side) for e in of_type(events, ev.EventFired)] == [
        ("queued", "red"), ("queued", "blue"), ("hearing", "blue"),  # queued ones come before the file's
    ]


def test_choice_effects_can_queue_events(tiny):
    rules = with_records(tiny, events={
        "ask": Event("ask", "t", "x", sides=("red",), choices=(Choice("later", "x", (QueueEvent("answer", delay=2),)),)),
        "answer": Event("answer", "t", "x", chance=0),
    })
    state, _ = end_turn(scripted(new_game(rules, None, 0)))
    decision = state.sides["red"].decisions[0]
    state, _ = act(state, Decide("red", decision.id, "later"))
    assert state.queued == [(state.turn + 2, "red", "answer")]
