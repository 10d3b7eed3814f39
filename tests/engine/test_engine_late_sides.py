"""Sides that join later: until their `joins` holds they take no turns, get no money and no event touches them."""

from __future__ import annotations

import dataclasses
import json

from engine_kit import act, end_turn, end_turns, of_type, scripted

from game.engine import events as ev
from game.engine.actions import EndTurn, FundResearch, PlanMission, RejectionCode
from game.engine.api import legal_actions, new_game, validate
from game.engine.conditions import DateBetween, FirstTo
from game.engine.effects import AddCash, QueueEvent
from game.engine.rules import Event
from game.engine.serialize import state_to_dict
from game.engine.view import player_view

Q3_1960 = 1960 * 4 + 2


def with_green(tiny, joins):
    """Tiny with a third side, green, that joins when `joins` holds; every event is for everyone."""
    green = dataclasses.replace(tiny.side("red"), id="green", start_cash=7, budget=40, start_hardware=(), joins=joins)
    windfall = Event("windfall_all", "t", "x", once=False, effects=(AddCash(1),))
    return dataclasses.replace(tiny, sides=(*tiny.sides, green), events={**tiny.events, "windfall_all": windfall})


def test_a_waiting_side_takes_no_turn_gets_no_money_and_no_event(tiny):
    rules = with_green(tiny, DateBetween(start=Q3_1960))
    state = scripted(new_game(rules, None, 0))
    assert state.waiting == ["green"] and state.sides["green"].cash == 7, "no instalment while waiting"
    rejection = validate(state, FundResearch("green", "rocket", 1))
    assert rejection is not None and rejection.code == RejectionCode.SIDE_WAITING
    assert legal_actions(state, "green") == []
    # the two sides in the game end the turn, and it resolves without green
    state, events = act(state, EndTurn("red"), EndTurn("blue"))
    assert state.turn == rules.settings.start + 1
    assert not [e for e in events if getattr(e, "side", None) == "green"]
    assert state.sides["green"].cash == 7
    assert player_view(state, "red").rival("green").joined is False
    assert state_to_dict(state)["waiting"] == ["green"]


def test_a_side_joins_when_its_date_comes_and_plays_from_then(tiny):
    rules = with_green(tiny, DateBetween(start=Q3_1960))
    state, events = end_turns(scripted(new_game(rules, None, 0)), 2)
    assert state.turn == Q3_1960 and state.waiting == []
    joined = of_type(events, ev.SideJoined)
    assert joined == [ev.SideJoined("green")]
    assert ev.InstalmentPaid("green", 10) in events
    assert player_view(state, "red").rival("green").joined is True
    assert validate(state, FundResearch("green", "rocket", 1)) is None
    state, events = end_turn(state)  # a whole turn needs green's end now
    assert [e.event for e in of_type(events, ev.EventFired) if e.side == "green"] == ["windfall_all"]
    assert "waiting" not in state_to_dict(state)


def test_a_side_can_join_when_a_rival_reaches_a_milestone(tiny):
    rules = with_green(tiny, FirstTo("orbit", by="anyone"))
    state = scripted(new_game(rules, None, 0))
    state, _ = end_turns(state, 3)
    assert state.waiting == ["green"]
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, events = end_turn(state)
    assert "orbit" in state.sides["red"].milestones
    assert of_type(events, ev.SideJoined) == [ev.SideJoined("green")]


def test_a_rivals_effect_skips_a_side_not_yet_in_the_game(tiny):
    rules = with_green(tiny, DateBetween(start=Q3_1960))
    poke = Event("poke", "t", "x", sides=("red",), effects=(AddCash(3, target="rival"),))
    rules = dataclasses.replace(rules, events={**rules.events, "poke": poke})
    state = scripted(new_game(rules, None, 0))
    _, events = end_turn(state)
    assert ev.CashChanged("blue", 3) in events and not [e for e in events if getattr(e, "side", None) == "green"]


def test_every_side_is_told_when_a_side_joins_and_a_save_keeps_who_waits(tiny):
    from game.engine.view import may_know
    from game.io.codecs import dump_state, load_state

    assert all(may_know(ev.SideJoined("green"), side) for side in ("red", "blue", "green"))
    rules = with_green(tiny, DateBetween(start=Q3_1960))
    state = scripted(new_game(rules, None, 0))
    again = load_state(rules, json.dumps(dump_state(state)))
    assert again.waiting == ["green"] and state_to_dict(again) == state_to_dict(state)


def test_an_event_not_for_latecomers_never_reaches_a_side_that_joined(tiny):
    rules = with_green(tiny, DateBetween(start=Q3_1960))
    story = Event("story", "t", "x", once=False, latecomers=False, effects=(AddCash(2),))
    echo = Event("echo", "t", "x", chance=0, latecomers=False, effects=(AddCash(1),))
    poke = Event("poke", "t", "x", sides=("red",), when=DateBetween(start=Q3_1960), effects=(QueueEvent("echo", target="rival"),))
    rules = dataclasses.replace(rules, events={**rules.events, "story": story, "echo": echo, "poke": poke})
    state, _ = end_turns(scripted(new_game(rules, None, 0)), 2)
    assert state.waiting == []
    _, events = end_turns(state, 3)
    fired = {(e.event, e.side) for e in of_type(events, ev.EventFired) if e.event in ("story", "echo")}
    assert {("story", "red"), ("story", "blue"), ("echo", "blue")} <= fired, "queued or not, the others get it"
    assert not [e for e in fired if e[1] == "green"], "green joined late: the opening sides' story is not its own"
