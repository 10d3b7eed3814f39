"""Hidden information: a side sees itself in full, its rival's public record, and its own noisy estimates."""

from __future__ import annotations

import contextlib
import dataclasses

from engine_kit import act, arrange, end_turn, end_turns, scripted

from game.engine.actions import FundResearch, PlanMission
from game.engine.api import new_game, state_hash
from game.engine.state import CrewStatus, GameState, PlannedMission
from game.engine.view import PlayerView, RivalView, player_view

PUBLIC = {"id", "prestige", "milestones", "launches", "deaths", "ended", "history", "estimate", "joined"}


def game(rules) -> GameState:
    return scripted(new_game(rules, None, 0))


def test_rival_view_carries_only_the_public_record():
    assert {f.name for f in dataclasses.fields(RivalView)} == PUBLIC


def test_player_view_hides_rival_cash_and_techs(tiny):
    state, _ = end_turn(game(tiny))  # so that red holds an intelligence estimate
    seen = player_view(state, "red")
    secret = state.clone()
    blue = secret.sides["blue"]
    blue.cash += 500
    blue.budget += 70
    blue.budget_mod += 9
    blue.research_rate = 300
    blue.techs["rocket"].done, blue.techs["rocket"].progress, blue.techs["rocket"].reliability = True, 20, 77
    blue.techs["capsule"].progress = 29
    blue.techs["capsule"].funding = 12
    blue.hardware["booster"] = 9
    blue.crews["dana"].status = CrewStatus.ACTIVE
    blue.crews["ed"].morale = 3
    blue.plan.append(PlannedMission("orbiter", (("launcher", "booster"),), (), 1))
    blue.intel = 5
    blue.flags["secret_project"] = 1
    blue.history[-1] = (blue.history[-1][0], blue.history[-1][1], 999, 999)  # its budget and cash at that time
    assert player_view(secret, "red") == seen


def test_player_view_shows_the_rivals_public_record(tiny):
    state = arrange(game(tiny), "blue", techs={"rocket": 50}, hardware={"booster": 1})
    state, _ = act(state, PlanMission("blue", "orbiter", (("launcher", "booster"),)))
    state, _ = end_turn(state)
    view = player_view(state, "red")
    blue = view.rival("blue")
    assert blue.prestige == state.sides["blue"].prestige == tiny.milestones["orbit"].first
    assert blue.milestones == {"orbit": state.turn - 1}
    assert blue.launches == 1
    assert view.firsts["orbit"] == (("blue", state.turn - 1),)
    assert [(r.side, r.mission, r.outcome) for r in view.public_log] == [("blue", "orbiter", "success")]
    assert blue.history == tuple((t, p) for t, p, _, _ in state.sides["blue"].history)
    assert blue.estimate == state.sides["red"].intel_reports["blue"]


def test_player_view_shows_its_own_side_in_full(tiny):
    state = game(tiny)
    state, _ = act(state, FundResearch("red", "capsule", 4))
    view = player_view(state, "red")
    assert view.me == state.sides["red"]
    assert view.side == "red" and view.turn == state.turn and not view.over
    assert "capsule" in view.available_techs and "lander" not in view.available_techs
    assert view.available_missions == {"orbiter", "crewed_orbiter"}


def test_mutating_a_view_changes_nothing_in_the_game(tiny):
    state = game(tiny)
    before = state_hash(state)
    view: PlayerView = player_view(state, "red")
    view.me.cash = 10**6
    view.me.techs["capsule"].done = True
    view.me.crews["anna"].skills["pilot"] = 100
    view.me.plan.append(PlannedMission("orbiter", (), (), 0))
    view.rival("blue").milestones["moon"] = 1
    view.firsts["moon"] = (("red", 1),)
    assert state_hash(state) == before


def test_records_in_a_view_cannot_change_the_game(tiny):
    # Launch records and estimates are shared between states (never copied), so a view must not open a way in.
    state = arrange(game(tiny), "red", hardware={"booster": 1})
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, _ = end_turns(state, 2)  # the second turn's estimate sees the rocket that flew
    before = state_hash(state)
    view = player_view(state, "blue")
    estimate = view.rival("red").estimate
    assert estimate is not None and estimate.techs
    for mutate in (
        lambda: setattr(view.public_log[0], "outcome", "failure"),
        lambda: setattr(estimate, "cash", 0),
        lambda: estimate.techs.clear(),
        lambda: view.me.intel_reports["red"].techs.clear(),
    ):
        with contextlib.suppress(dataclasses.FrozenInstanceError):
            mutate()
    assert state_hash(state) == before
    assert state.sides["blue"].intel_reports["red"].techs


def test_view_of_each_side_is_about_that_side(tiny):
    state = game(tiny)
    for side in state.sides:
        view = player_view(state, side)
        assert view.me.id == side
        assert [r.id for r in view.rivals] == [s for s in state.sides if s != side]


def test_view_without_a_copy_shows_the_same_and_reads_the_state(tiny):
    state = arrange(game(tiny), "red", hardware={"booster": 1})
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, _ = end_turns(state, 2)  # so that each side holds an estimate
    for side in state.sides:
        live = player_view(state, side, copy=False)
        assert live == player_view(state, side)
        assert live.me is state.sides[side]


# --------------------------------------------------------------------------------------------- which events a side is told


def test_a_side_is_told_every_launch_and_only_its_own_private_news():
    from game.engine import events as ev
    from game.engine.view import may_know, public_events, visible_events

    launch = ev.MissionLaunched("blue", "orbit", ())
    rolled = ev.StepRolled("blue", "orbit", "ascent", 80, 12, True)
    paid = ev.InstalmentPaid("blue", 40)
    spied = ev.IntelReported("red", "blue")
    turn = ev.TurnStarted(7, 1961)
    events = [launch, rolled, paid, spied, turn]
    assert visible_events(events, "red") == [launch, rolled, spied, turn]
    assert visible_events(events, "blue") == [launch, rolled, paid, turn]
    assert public_events(events) == [launch, rolled, turn]
    assert may_know(ev.GameWon(None, "prestige"), "red")  # a draw names no side, and is public all the same
    assert not may_know(ev.ResearchAdvanced("blue", "rocket", 5, 10), "red")


def test_every_event_a_side_may_not_see_belongs_to_another_side(tiny):
    from game.engine.view import PUBLIC_EVENTS, visible_events

    state, events = end_turns(game(tiny), 3)
    for side in state.sides:
        hidden = [e for e in events if e not in visible_events(events, side)]
        assert hidden and all(type(e) not in PUBLIC_EVENTS and e.side != side for e in hidden)


def test_the_last_turn_is_the_modes_deadline_until_the_result_is_settled():
    # A Moon race ends at its own deadline (prestige decides then), before the scenario's end; once a result is
    # settled and the game plays on, it runs to the scenario's end.
    from game.content.load import load_scenario
    from game.engine.setup import Setup

    rules = load_scenario("race_1955").ruleset
    race = new_game(rules, Setup(victory="moon_race"), 1)
    age = new_game(rules, Setup(victory="space_age"), 1)
    assert rules.end_of("moon_race") < rules.settings.end
    assert player_view(race, "us").last_turn == rules.end_of("moon_race")
    assert player_view(age, "us").last_turn == rules.settings.end
    race.decided = race.turn
    assert player_view(race, "us").last_turn == rules.settings.end
