"""Events as risks and the draw: an event's risks add to its chance, and the weighted events are drawn."""

from __future__ import annotations

import dataclasses

import pytest
from engine_kit import end_turn, of_type, scripted, with_settings

from game.engine import events as ev
from game.engine.api import new_game
from game.engine.conditions import All, Compare, Flag, HasTech, Not
from game.engine.effects import AddCash
from game.engine.rules import Event, Risk, fires_alone
from game.engine.state import GameState

RUSHED = Flag("rushed")


def only_events(rules, *events: Event):
    return dataclasses.replace(rules, events={e.id: e for e in events})


def fired_in_one_turn(state: GameState, event: str) -> list[str]:
    _, events = end_turn(state)
    return [e.side for e in of_type(events, ev.EventFired) if e.event == event]


@pytest.mark.parametrize(
    ("rushed", "roll", "fires"), [(False, 10, True), (False, 11, False), (True, 35, True), (True, 36, False)]
)
def test_a_risk_that_holds_adds_to_the_chance(tiny, rushed, roll, fires):
    fire = Event("fire", "t", "x", sides=("red",), chance=10, risks=(Risk(25, RUSHED), Risk(50, Flag("never"))))
    state = scripted(new_game(only_events(tiny, fire), None, 0), percents=[roll])
    if rushed:
        state.sides["red"].flags["rushed"] = 1
    assert fired_in_one_turn(state, "fire") == (["red"] if fires else [])


def test_a_negative_risk_never_takes_the_chance_below_nothing(tiny):
    calm = Event("calm", "t", "x", sides=("red",), chance=10, risks=(Risk(-50, RUSHED),))
    state = scripted(new_game(only_events(tiny, calm), None, 0), percents=[1])
    state.sides["red"].flags["rushed"] = 1
    assert fired_in_one_turn(state, "calm") == []


def test_an_event_with_no_chance_of_its_own_can_still_happen_through_a_risk():
    assert fires_alone(0, 0, [5]) and fires_alone(0, 2, []) and fires_alone(3, 0, [])
    assert not fires_alone(0, 0, [0, -5])


def drawn(tiny, *events: Event, draw: int = 100):
    return with_settings(only_events(tiny, *events), event_draw=draw)


def test_the_draw_picks_one_event_by_weight(tiny):
    rare = Event("rare", "t", "x", sides=("red",), weight=1, once=False, effects=(AddCash(1),))
    common = Event("common", "t", "x", sides=("red",), weight=3, once=False, effects=(AddCash(3),))
    picks: list[int] = []

    def below(n: int) -> int:  # (the engine casts other dice with `below` too: those answer 0)
        if n != 4:
            return 0
        picks.append(n)
        return 0 if len(picks) == 1 else 1

    state = scripted(new_game(drawn(tiny, rare, common), None, 0), below=below)
    for expected in (["rare"], ["common"]):
        state, events = end_turn(state)
        assert [e.event for e in of_type(events, ev.EventFired)] == expected, "one event a turn, by weight"
    assert picks == [4, 4], "the weights of the events that may happen add up"


def test_the_draw_is_rolled_with_its_chance(tiny):
    tick = Event("tick", "t", "x", sides=("red",), weight=1, once=False)
    state = scripted(new_game(drawn(tiny, tick, draw=40), None, 0), percents=[41, 40])
    state, events = end_turn(state)
    assert not of_type(events, ev.EventFired)
    state, events = end_turn(state)
    assert [e.event for e in of_type(events, ev.EventFired)] == ["tick"]


def test_the_draw_leaves_out_what_may_not_happen_and_counts_risks(tiny):
    barred = Event("barred", "t", "x", sides=("red",), weight=50, when=Flag("never"))
    risky = Event("risky", "t", "x", sides=("red",), weight=1, risks=(Risk(4, RUSHED),))
    seen: list[int] = []
    state = scripted(new_game(drawn(tiny, barred, risky), None, 0), below=lambda n: seen.append(n) or n - 1)
    state.sides["red"].flags["rushed"] = 1
    assert fired_in_one_turn(state, "risky") == ["red"]
    assert 5 in seen and 51 not in seen and 55 not in seen, "the barred event is not drawn; the risk adds weight"


def test_no_draw_when_its_chance_is_nothing(tiny):
    tick = Event("tick", "t", "x", sides=("red",), weight=1, once=False)
    state = scripted(new_game(drawn(tiny, tick, draw=0), None, 0))
    assert fired_in_one_turn(state, "tick") == []


def test_a_sides_view_names_the_dangers_it_runs_with_their_odds_now(tiny):
    from game.engine import player_view

    fire = Event("fire", "t", "x", sides=("red",), chance=10, risks=(Risk(25, RUSHED),))
    calm = Event("calm", "t", "x", sides=("red",), chance=10)  # no risks: nothing the side can do about it
    elsewhere = Event("elsewhere", "t", "x", sides=("blue",), chance=10, risks=(Risk(25, RUSHED),))
    state = new_game(only_events(tiny, fire, calm, elsewhere), None, 0)
    assert player_view(state, "red").dangers == {"fire": 10}
    state.sides["red"].flags["rushed"] = 1
    assert player_view(state, "red").dangers == {"fire": 35}
    assert player_view(state, "blue").dangers == {"elsewhere": 10}  # its own, and blue is not rushed
    state.sides["red"].events_fired["fire"] = state.turn  # once: it cannot happen again
    assert player_view(state, "red").dangers == {}


def _compare(value: str, cmp: str, to: int, tech: str | None = "t") -> Compare:
    return Compare(value=value, cmp=cmp, to=to, tech=tech)


@pytest.mark.parametrize(
    ("cond", "ways"),
    [
        (_compare("flights", "lt", 3), [("flights", "t", 3)]),
        (_compare("reliability", "le", 69), [("reliability", "t", 70)]),
        (_compare("reliability", "ge", 70), []),
        (_compare("cash", "lt", 70, None), []),
        (All(of=(HasTech(tech="t"), _compare("flights", "lt", 3))), [("flights", "t", 3)]),
        (Not(cond=_compare("flights", "ge", 3)), []),
    ],
)
def test_a_condition_says_what_the_side_can_do_to_end_it(cond, ways):
    assert list(cond.ended_by()) == ways
