"""Spending beyond the rate caps: rushing research (`FundResearch.rush`) and test campaigns (`BuyReliability`),
their prices in the one odds module, their resolution, their undo, and their place in saves and hashes."""

from __future__ import annotations

import json

from engine_kit import act, arrange, end_turn, of_type, round_trip, scripted, with_settings

from game.engine import actions as a
from game.engine import events as ev
from game.engine import odds
from game.engine.api import legal_actions, new_game, validate
from game.engine.rules import Ruleset
from game.engine.serialize import state_to_dict
from game.engine.state import GameState
from game.io.codecs import dump_action, load_action

ORBITER = (("launcher", "booster"),)


def _rules(tiny: Ruleset) -> Ruleset:
    return with_settings(tiny, rush_cap=100, rush_premium=100, rush_malus=5, test_cap=10, test_premium=100)


def _ready(rules: Ruleset, cash: int = 100) -> GameState:
    return arrange(scripted(new_game(rules, None, 0)), "red", techs={"rocket": 50}, hardware={"booster": 1}, cash=cash)


def _odds(state: GameState) -> list[int]:
    got = odds.mission_odds(state.rules, state.sides["red"], state.rules.missions["orbiter"], ORBITER, ())
    return [s.chance for s in got.steps]


def test_a_rushed_tech_takes_points_beyond_its_cap_at_the_premium(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    rules, me = state.rules, state.sides["red"]
    capsule, ts = rules.techs["capsule"], me.techs["capsule"]
    assert capsule.rate_cap == 7 and me.research_rate == 100
    assert odds.useful_funding(rules, me, capsule, ts) == 7
    assert odds.turns_to_finish(rules, me, capsule, ts, 50) == 5  # the cap binds: money cannot buy speed
    state, _ = act(state, a.FundResearch("red", "capsule", 50, rush=True))
    me = state.sides["red"]
    # 7 points at 1 each, then 7 more at 2 each (100 % premium): 21 money is all it can use
    assert odds.useful_funding(rules, me, capsule, ts) == 21
    assert odds.research_points_for(rules, me, capsule, ts, 21) == 14
    assert odds.research_points_for(rules, me, capsule, ts, 11) == 9  # 7, then 4 money for 2 points
    assert odds.turns_to_finish(rules, me, capsule, ts, 50) == 3
    assert state.sides["red"].rushed == ["capsule"]
    planned = odds.planned_spending(rules, me, lambda t: True)
    assert dict(planned.research) == {"capsule": 21}
    cash = me.cash
    state, events = end_turn(state)
    me = state.sides["red"]
    assert me.techs["capsule"].progress == 14
    assert [(e.tech, e.points) for e in of_type(events, ev.ResearchRushed)] == [("capsule", 7)]
    spent = [e.spent for e in of_type(events, ev.ResearchAdvanced) if e.side == "red"]
    assert spent == [21]
    assert me.cash == cash - 21 + odds.instalment(rules, me.budget, state.turn)


def test_what_a_rush_adds_is_the_premium_priced_points_beyond_the_cap(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    rules, me = state.rules, state.sides["red"]
    capsule = rules.techs["capsule"]
    # 7 more points beyond the cap of 7, at 2 each: the same whether or not the side has ordered the rush yet
    assert odds.rush_extra(rules, me, capsule, me.techs["capsule"]) == 14
    rushed, _ = act(state, a.FundResearch("red", "capsule", 50, rush=True))
    assert odds.rush_extra(rules, rushed.sides["red"], capsule, rushed.sides["red"].techs["capsule"]) == 14
    rocket = rules.techs["rocket"]
    done = arrange(scripted(new_game(rules, None, 0)), "red", techs={"rocket": 50})
    assert done.sides["red"].techs["rocket"].done
    assert odds.rush_extra(rules, done.sides["red"], rocket, done.sides["red"].techs["rocket"]) == 0
    plain = _ready(tiny)  # a scenario that offers no rushing
    assert odds.rush_extra(plain.rules, plain.sides["red"], capsule, plain.sides["red"].techs["capsule"]) == 0


def test_a_tech_finished_while_rushed_starts_below_its_base(tiny) -> None:  # type: ignore[no-untyped-def]
    for rush, base in ((False, 35), (True, 30)):
        state, _ = act(_ready(_rules(tiny), cash=500), a.FundResearch("red", "capsule", 50, rush=rush))
        for _ in range(5):
            state, _ = end_turn(state)
        ts = state.sides["red"].techs["capsule"]
        assert ts.done and ts.reliability >= base
        assert ts.reliability < base + 10  # research on it since then adds a few points, not the malus back
        assert state.sides["red"].rushed == []
    # finished in 3 turns rushed against 5: the reliability research of the 2 turns after is what lifted it


def test_rushing_off_and_not_offered(tiny) -> None:  # type: ignore[no-untyped-def]
    state, _ = act(_ready(_rules(tiny)), a.FundResearch("red", "capsule", 50, rush=True))
    state, _ = act(state, a.FundResearch("red", "capsule", 50))
    assert state.sides["red"].rushed == []
    plain = _ready(tiny)
    rejection = validate(plain, a.FundResearch("red", "capsule", 5, rush=True))
    assert rejection is not None and rejection.code == "action/not_offered"
    assert not any(isinstance(x, a.BuyReliability) or getattr(x, "rush", False) for x in legal_actions(plain, "red"))


def test_a_test_campaign_buys_reliability_now_and_is_undone(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    rules = state.rules
    rocket = rules.techs["rocket"]
    # research's price at rate 100 is 100 hundredths of a point; tests cost twice that (100 % premium)
    assert odds.reliability_point_price(rules, rocket, 100) == 1
    assert odds.test_point_price(rules, rocket) == 2
    assert odds.order_cost(rules, a.BuyReliability("red", "rocket", 10)) == 20
    assert _odds(state) == [50, 45]
    state, events = act(state, a.BuyReliability("red", "rocket", 6))
    me = state.sides["red"]
    assert me.techs["rocket"].reliability == 56 and me.cash == 100 - 12
    assert _odds(state) == [56, 51]  # the odds shown now are the ones the dice will use
    assert [(e.tech, e.points, e.cost, e.reliability) for e in of_type(events, ev.ReliabilityBought)] == [
        ("rocket", 6, 12, 56)
    ]
    assert odds.test_room(rules, me, "rocket") == 4  # the cap counts what was bought this turn
    rejection = validate(state, a.BuyReliability("red", "rocket", 5))
    assert rejection is not None and rejection.code == "action/test_limit"
    assert (rejection.needed, rejection.have) == (4, 5)
    assert a.BuyReliability("red", "rocket", 4) in legal_actions(state, "red")
    state, events = act(state, a.CancelOrder("red", 0))
    assert state.sides["red"].techs["rocket"].reliability == 50 and state.sides["red"].cash == 100
    assert [e.order for e in of_type(events, ev.OrderCancelled)] == ["buy_reliability"]


def test_a_test_campaign_stops_at_the_ceiling_and_the_cap_resets(tiny) -> None:  # type: ignore[no-untyped-def]
    state = arrange(_ready(_rules(tiny)), "red", techs={"rocket": 87})
    assert odds.test_room(state.rules, state.sides["red"], "rocket") == 3
    state, _ = act(state, a.BuyReliability("red", "rocket", 3))
    rejection = validate(state, a.BuyReliability("red", "rocket", 1))
    assert rejection is not None and rejection.code == "action/at_ceiling"
    state = arrange(_ready(_rules(tiny)), "red", techs={"rocket": 50})
    state, _ = act(state, a.BuyReliability("red", "rocket", 10))
    state, _ = end_turn(state)
    assert odds.test_room(state.rules, state.sides["red"], "rocket") > 0  # a new quarter, a new campaign


def test_rushing_is_saved_and_hashed_only_when_used(tiny) -> None:  # type: ignore[no-untyped-def]
    state = _ready(_rules(tiny))
    assert "rushed" not in state_to_dict(state)["sides"]["red"]
    order = a.FundResearch("red", "capsule", 50, rush=True)
    assert load_action(json.dumps(dump_action(order))) == order
    assert "rush" not in dump_action(a.FundResearch("red", "capsule", 5))  # logs from before read the same
    state, _ = act(state, order)
    assert state_to_dict(state)["sides"]["red"]["rushed"] == ["capsule"]
    assert round_trip(state).sides["red"].rushed == ["capsule"]
