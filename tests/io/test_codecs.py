"""The TypeAdapters that read and write the engine's records: actions, states, views and events round-trip, strictly."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from io_kit import SAVES, random_game
from pydantic import ValidationError

from game.content.load import Scenario
from game.engine import actions as a
from game.engine import events as ev
from game.engine import player_view, state_hash, state_to_dict
from game.engine.state import GameState
from game.io.codecs import (
    dump_action,
    dump_actions,
    dump_events,
    dump_state,
    dump_view,
    load_action,
    load_actions,
    load_events,
    load_state,
    load_view,
    snake_case,
)

ids = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
amounts = st.integers(-(10**9), 10**9)
any_action = st.one_of(
    st.builds(a.FundResearch, ids, ids, amounts),
    st.builds(a.BuyHardware, ids, ids, amounts),
    st.builds(a.RecruitCrew, ids, ids),
    st.builds(
        a.PlanMission,
        ids,
        ids,
        st.lists(st.tuples(ids, ids), max_size=4).map(tuple),
        st.lists(ids, max_size=4).map(tuple),
    ),
    st.builds(a.CancelMission, ids, amounts),
    st.builds(a.FundIntelligence, ids, amounts),
    st.builds(a.Decide, ids, amounts, ids),
    st.builds(a.EndTurn, ids),
)


@given(action=any_action)
def test_every_action_round_trips_through_json(action: a.Action) -> None:
    assert load_action(json.dumps(dump_action(action))) == action


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300)
@given(
    data=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"type": st.sampled_from(sorted(a.ACTION_TYPES))},
            optional={
                k: json_values
                for k in (
                    "side",
                    "tech",
                    "amount",
                    "hardware",
                    "count",
                    "crew",
                    "mission",
                    "index",
                    "decision",
                    "choice",
                )
            },
        ),
        any_action.map(dump_action).flatmap(
            lambda d: st.sampled_from(sorted(d)).flatmap(lambda k: json_values.map(lambda v: {**d, k: v}))
        ),
    )
)
def test_reading_an_action_gives_an_action_or_a_validation_error(data: object) -> None:
    try:
        action = load_action(json.dumps(data))
    except ValidationError:
        return
    assert isinstance(action, tuple(a.ACTION_TYPES.values()))
    assert load_action(json.dumps(dump_action(action))) == action


def test_an_action_is_written_as_the_logs_have_always_held_it() -> None:
    # The golden logs and every save hold actions in this shape: the type first, pairs as lists.
    plan = a.PlanMission("red", "orbit", (("launcher", "booster"), ("capsule", "pod")), ("ann",))
    assert json.dumps(dump_action(plan)) == (
        '{"type": "plan_mission", "side": "red", "mission": "orbit", '
        '"hardware": [["launcher", "booster"], ["capsule", "pod"]], "crew": ["ann"]}'
    )
    assert dump_action(a.BuyHardware("red", "booster")) == {
        "type": "buy_hardware",
        "side": "red",
        "hardware": "booster",
        "count": 1,
    }
    assert load_action('{"type": "plan_mission", "side": "r", "mission": "m", "hardware": []}').crew == ()


def test_a_launch_window_is_written_only_when_one_is_named_and_old_logs_read_as_the_default() -> None:
    # A log from before launch windows names none: its flights read as flying in the default window ("").
    old = load_action('{"type": "plan_mission", "side": "r", "mission": "m", "hardware": [], "crew": []}')
    assert old.window == ""
    assert "window" not in dump_action(old)
    early = dataclasses.replace(old, window="early")
    assert dump_action(early)["window"] == "early"
    assert load_action(json.dumps(dump_action(early))) == early


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"type": "fund_research", "side": "red", "tech": "rocket", "amount": "5"}', "int_type"),
        ('{"type": "fund_research", "side": "red", "tech": "rocket", "amount": true}', "int_type"),
        ('{"type": "fund_research", "side": "red", "tech": "rocket", "amount": 5.5}', "int_type"),
        ('{"type": "end_turn", "side": 3}', "string_type"),
        ('{"type": "end_turn", "side": "red", "sneaky": 1}', "extra_forbidden"),
        ('{"type": "end_turn"}', "missing"),
        ('{"type": "launch_nukes", "side": "red"}', "union_tag_invalid"),
        ('{"side": "red"}', "union_tag_not_found"),
        ('{"type": "plan_mission", "side": "r", "mission": "m", "hardware": [["a"]]}', "missing"),
    ],
)
def test_an_action_of_the_wrong_shape_is_refused(text: str, why: str) -> None:
    with pytest.raises(ValidationError) as caught:
        load_action(text)
    assert caught.value.errors()[0]["type"] == why


def test_a_log_round_trips(tiny: Scenario) -> None:
    log = random_game(tiny, seed=3).actions
    assert load_actions(json.dumps(dump_actions(log))) == log


# ------------------------------------------------------------------------------ states


@pytest.fixture(scope="module")
def played(tiny: Scenario) -> GameState:
    return random_game(tiny, seed=11).state


def test_a_state_round_trips_with_its_hash(played: GameState) -> None:
    back = load_state(played.rules, json.dumps(dump_state(played)))
    assert back == played
    assert state_hash(back) == state_hash(played)
    assert state_to_dict(back) == state_to_dict(played)


def test_the_snapshot_holds_every_field_of_the_state_but_the_ruleset(played: GameState) -> None:
    assert set(dump_state(played)) == {f.name for f in dataclasses.fields(GameState)} - {"rules"}


def test_a_snapshot_whose_keys_were_sorted_plays_on_in_the_rules_order(played: GameState) -> None:
    back = load_state(played.rules, json.dumps(dump_state(played), sort_keys=True))
    assert list(back.sides) == list(played.rules.side_ids)
    for side in back.sides.values():
        assert list(side.techs) == [t for t in played.rules.techs if t in side.techs]
        assert list(side.crews) == [c for c in played.rules.crews if c in side.crews]


def test_a_state_of_the_wrong_shape_is_refused(played: GameState) -> None:
    data = dump_state(played)
    data["sides"]["red"]["techs"]["rocket"]["progress"] = "lots"
    with pytest.raises(ValidationError):
        load_state(played.rules, json.dumps(data))
    data = dump_state(played)
    crew = next(iter(data["sides"]["red"]["crews"]))
    data["sides"]["red"]["crews"][crew]["status"] = "on_the_moon"  # not a crew status
    with pytest.raises(ValidationError):
        load_state(played.rules, json.dumps(data))


# ------------------------------------------------------------------------------ what a seat is sent


def test_a_view_round_trips(played: GameState) -> None:
    for side in played.sides:
        view = player_view(played, side)
        assert load_view(played.rules, json.dumps(dump_view(view))) == view


def test_a_view_is_written_the_same_every_time(played: GameState) -> None:
    view = player_view(played, "red")
    assert dump_view(view)["available_techs"] == sorted(view.available_techs)
    assert json.dumps(dump_view(view)) == json.dumps(dump_view(player_view(played, "red")))


SAMPLES = {
    "tuple[tuple[str, str]": (("launcher", "r7"),),
    "tuple[str": ("ann", "bo"),
    "tuple[int": (1, 2, 3, 4),
    "bool": True,
    "int": 7,
    "str": "x",
}


def _sample(hint: object) -> object:
    """A value for a field of an event, by its type hint (the first that fits, in the order above)."""
    return next(v for k, v in SAMPLES.items() if str(hint).replace("<class '", "").startswith(k))


def test_every_kind_of_event_round_trips() -> None:
    kinds = typing.get_args(ev.Event)
    samples = [cls(**{name: _sample(hint) for name, hint in typing.get_type_hints(cls).items()}) for cls in kinds]
    data = dump_events(samples)
    assert [d["type"] for d in data] == [snake_case(cls.__name__) for cls in kinds]
    assert load_events(json.dumps(data)) == samples


def test_the_events_of_a_game_round_trip(tiny: Scenario) -> None:
    from game.engine import EndTurn, apply, new_game

    state = new_game(tiny.ruleset, None, 5)
    events: list[ev.Event] = []
    for _ in range(8):
        for side in state.rules.side_ids:
            state, out = apply(state, EndTurn(side))
            events.extend(out)
    assert load_events(json.dumps(dump_events(events))) == events


@pytest.mark.parametrize("name", ["v1_finished.json", "v1_play_on_midgame.json"])
def test_the_hashed_form_is_still_the_one_version_1_saves_wrote(name: str) -> None:
    # Version 1 snapshots were the engine's hand-written state_to_dict; the generic walk must give the same, key for
    # key, or every hash recorded since would change.
    from game.io import load_game

    path = SAVES / name
    written = json.loads(path.read_text(encoding="utf-8"))["snapshot"]
    assert state_to_dict(load_game(path).state) == written
