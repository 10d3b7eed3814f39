"""CancelOrder takes back a purchase of this quarter with its money: validated like any order, logged, saved."""

from __future__ import annotations

from engine_kit import act, arrange, end_turn, scripted

from game.engine import actions as a
from game.engine import events as ev
from game.engine.api import new_game, state_hash, validate
from game.engine.serialize import state_to_dict
from game.engine.state import CrewStatus, GameState
from game.io.codecs import dump_action, dump_state, load_action, load_state

ORBITER = (("launcher", "booster"),)


def _ready(rules) -> GameState:  # type: ignore[no-untyped-def]
    return arrange(scripted(new_game(rules, None, 0)), "red", techs={"rocket": 50}, hardware={"booster": 0}, cash=40)


def _but_the_count(state: GameState) -> dict:  # type: ignore[type-arg]
    """The state's canonical form less the count of actions applied (two more: the order and its undoing)."""
    d = state_to_dict(state)
    d.pop("actions_applied")
    return d


def test_taking_back_a_purchase_refunds_it_and_leaves_the_game_as_before(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(tiny)
    before = _but_the_count(state)
    state, _ = act(state, a.BuyHardware("red", "booster", 5))
    assert state.sides["red"].cash < 40 and state.sides["red"].hardware["booster"] == 5
    state, events = act(state, a.CancelOrder("red", 0))
    assert state.sides["red"].cash == 40 and state.sides["red"].hardware["booster"] == 0
    assert [type(e) for e in events] == [ev.OrderCancelled]
    assert events[0].refund > 0 and events[0].count == 5
    assert _but_the_count(state) == before


def test_any_purchase_of_the_quarter_can_be_taken_back_not_only_the_last(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(tiny)
    state, _ = act(
        state, a.BuyHardware("red", "booster", 1), a.RecruitCrew("red", "anna"), a.BuyHardware("red", "booster", 2)
    )
    state, _ = act(state, a.CancelOrder("red", 1))  # the recruit, in the middle
    me = state.sides["red"]
    assert me.crews["anna"].status == CrewStatus.CANDIDATE and me.hardware["booster"] == 3
    assert [(p.order, p.count) for p in me.bought] == [("buy_hardware", 1), ("buy_hardware", 2)]


def test_the_end_of_the_turn_keeps_what_was_bought(tiny) -> None:  # type: ignore[no-untyped-def]
    state, _ = act(_ready(tiny), a.BuyHardware("red", "booster", 1))
    state, _ = end_turn(state)
    assert state.sides["red"].bought == []
    rejection = validate(state, a.CancelOrder("red", 0))
    assert rejection is not None and rejection.code == "action/no_such_order"


def test_units_booked_for_a_launch_cannot_be_taken_back_until_the_launch_is(tiny) -> None:  # type: ignore[no-untyped-def]
    state = arrange(_ready(tiny), "red", hardware={"booster": 0})
    state, _ = act(state, a.BuyHardware("red", "booster", 1), a.PlanMission("red", "orbiter", ORBITER))
    rejection = validate(state, a.CancelOrder("red", 0))
    assert rejection is not None and rejection.code == "action/order_in_use" and rejection.subject == "booster"
    state, _ = act(state, a.CancelMission("red", 0), a.CancelOrder("red", 0))
    assert state.sides["red"].hardware["booster"] == 0


def test_cancel_order_travels_in_logs_and_purchases_in_saves(tiny) -> None:  # type: ignore[no-untyped-def]
    import json

    order = a.CancelOrder("red", 2)
    assert dump_action(order) == {"type": "cancel_order", "side": "red", "index": 2}
    assert load_action(json.dumps(dump_action(order))) == order
    state, _ = act(_ready(tiny), a.BuyHardware("red", "booster", 2))
    loaded = load_state(tiny, json.dumps(dump_state(state)))
    assert loaded.sides["red"].bought == state.sides["red"].bought and state_hash(loaded) == state_hash(state)
    loaded, _ = act(loaded, a.CancelOrder("red", 0))  # a game saved mid-quarter can still take it back
    assert loaded.sides["red"].cash == 40
