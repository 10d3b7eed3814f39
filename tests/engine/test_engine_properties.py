"""Property tests (hypothesis): invariants over random action sequences, odds and research."""

from __future__ import annotations

import dataclasses

from engine_kit import checked_step, end_turns, scripted, side_to_act, with_settings, with_side
from hypothesis import given
from hypothesis import strategies as st

from game.engine import actions as a
from game.engine import events as ev
from game.engine.actions import EndTurn
from game.engine.api import apply, is_over, legal_actions, new_game, state_hash
from game.engine.odds import mission_odds, reliability_gain
from game.engine.rules import Tech

seeds = st.integers(0, 2**32 - 1)
picks = st.lists(st.integers(0, 2**16), min_size=30, max_size=200)


# --------------------------------------------------------------------------------------------- play


@given(seed=seeds, choices=picks)
def test_any_sequence_of_legal_actions_keeps_every_invariant(tiny, seed, choices):
    state = new_game(tiny, None, seed)
    for pick in choices:
        if is_over(state):
            break
        legal = legal_actions(state, side_to_act(state))
        state, _ = checked_step(state, legal[pick % len(legal)], apply_every_legal=False)


@given(seed=seeds, red=st.lists(st.integers(0, 2**16), max_size=6), blue=st.lists(st.integers(0, 2**16), max_size=6),
       turns=st.integers(0, 8))
def test_order_of_ending_turns_changes_nothing(tiny, seed, red, blue, turns):
    state = new_game(tiny, None, seed)
    state, _ = end_turns(state, turns)

    def plan(side: str, picks: list[int]) -> list[a.Action]:
        s, out = state, []
        for pick in picks:
            legal = [x for x in legal_actions(s, side) if not isinstance(x, EndTurn)]
            if not legal:
                break
            out.append(legal[pick % len(legal)])
            s, _ = apply(s, out[-1])
        return [*out, EndTurn(side)]

    reds, blues = plan("red", red), plan("blue", blue)
    results = []
    for order in (reds + blues, blues + reds, blues[:-1] + reds + blues[-1:]):
        s = state
        for action in order:
            s, _ = apply(s, action)
        results.append(state_hash(s))
    assert len(set(results)) == 1


# --------------------------------------------------------------------------------------------- odds


reliabilities = st.integers(0, 100)


@given(rocket=reliabilities, capsule=reliabilities, lander=reliabilities, pilot_a=st.integers(0, 100),
       pilot_b=st.integers(0, 100), mission=st.sampled_from(["orbiter", "crewed_orbiter", "moon_landing"]))
def test_mission_odds_add_to_1000(tiny, rocket, capsule, lander, pilot_a, pilot_b, mission):
    me = new_game(tiny, None, 0).sides["red"]
    for tech, rel in (("rocket", rocket), ("capsule", capsule), ("lander", lander)):
        me.techs[tech].done, me.techs[tech].reliability = True, rel
    me.crews["anna"].skills["pilot"], me.crews["boris"].skills["pilot"] = pilot_a, pilot_b
    m = tiny.missions[mission]
    hardware = tuple((slot.id, slot.options[0]) for slot in m.slots)
    crew = ("anna", "boris")[: m.crew]
    odds = mission_odds(tiny, me, m, hardware, crew)
    parts = (odds.success, odds.partial, odds.failure, odds.crew_lost)
    assert sum(parts) == 1000 and all(0 <= p <= 1000 for p in parts)
    assert all(tiny.settings.min_chance <= s.chance <= tiny.settings.max_chance for s in odds.steps)
    if not m.crew:
        assert odds.crew_lost == 0
    if not any(not s.critical for s in m.steps):
        assert odds.partial == 0


@given(base=st.lists(reliabilities, min_size=3, max_size=3), which=st.sampled_from(["rocket", "capsule", "lander"]),
       bump=st.integers(1, 100), mission=st.sampled_from(["orbiter", "crewed_orbiter", "moon_landing"]))
def test_success_is_monotone_in_reliability(tiny, base, which, bump, mission):
    m = tiny.missions[mission]
    hardware = tuple((slot.id, slot.options[0]) for slot in m.slots)
    crew = ("anna", "boris")[: m.crew]

    def success(extra: int) -> int:
        me = new_game(tiny, None, 0).sides["red"]
        for tech, rel in zip(("rocket", "capsule", "lander"), base, strict=True):
            me.techs[tech].done = True
            me.techs[tech].reliability = min(100, rel + (extra if tech == which else 0))
        return mission_odds(tiny, me, m, hardware, crew).success

    assert success(bump) >= success(0)


@given(base=st.integers(0, 100), span=st.integers(0, 100), reliability=st.integers(0, 100),
       points=st.integers(0, 10_000), luck=st.integers(50, 150), cost=st.integers(1, 5_000))
def test_research_gain_never_passes_the_ceiling(tiny, base, span, reliability, points, luck, cost):
    ceiling = min(100, base + span)
    tech = Tech("t", "t", "line", cost, base=base, ceiling=ceiling)
    gain = reliability_gain(tiny, tech, reliability, points, luck)
    room = ceiling - reliability
    assert 0 <= gain <= max(0, room)
    if room > 0 and points > 0:
        assert gain >= 1, "research that is paid for always teaches something"


@given(budget=st.integers(0, 100_000), tpy=st.integers(1, 12))
def test_instalments_add_up_to_the_yearly_budget(tiny, budget, tpy):
    rules = with_settings(tiny, turns_per_year=tpy, start=1960 * tpy, end=1962 * tpy)
    rules = with_side(rules, "red", budget=budget, start_cash=0)
    state = scripted(new_game(rules, None, 0))
    first = state.sides["red"].cash
    state, events = end_turns(state, tpy - 1)
    paid = [first] + [e.amount for e in events if isinstance(e, ev.InstalmentPaid) and e.side == "red"]
    assert len(paid) == tpy
    assert sum(paid) == budget
    assert max(paid) - min(paid) < tpy


# --------------------------------------------------------------------------------------------- actions


def test_actions_are_plain_frozen_records():
    for cls in a.ACTION_TYPES.values():
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
