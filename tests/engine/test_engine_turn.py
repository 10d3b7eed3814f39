"""Rules of the turn outside flights: research, money, crews, intelligence, and how the game ends."""

from __future__ import annotations

import dataclasses

import pytest
from engine_kit import (
    PASS,
    act,
    arrange,
    end_turn,
    end_turns,
    of_type,
    round_trip,
    scripted,
    with_records,
    with_settings,
    with_side,
)

from game.engine import events as ev
from game.engine.actions import EndTurn, FundIntelligence, FundResearch, PlanMission, RecruitCrew
from game.engine.api import Setup, is_over, legal_actions, new_game, outcome, validate
from game.engine.effects import InjureCrew
from game.engine.odds import turns_to_finish, useful_funding
from game.engine.rules import Event
from game.engine.serialize import state_to_dict
from game.engine.state import CrewStatus, GameState

LANDER = (("launcher", "booster"), ("lander", "moon_pod"))


def start(rules) -> GameState:
    return scripted(new_game(rules, None, 0))


# --------------------------------------------------------------------------------------------- research


def test_research_finishes_tech_at_cost(tiny):
    capsule = tiny.techs["capsule"]
    state = start(tiny)
    state.sides["red"].techs["capsule"].progress = capsule.cost - 5
    cash = state.sides["red"].cash
    state, events = act(state, FundResearch("red", "capsule", capsule.rate_cap))
    state, events = end_turn(state)
    ts = state.sides["red"].techs["capsule"]
    assert ts.done and ts.progress == capsule.cost
    assert ts.reliability == capsule.base
    assert ev.TechCompleted("red", "capsule", capsule.base) in events
    # Only what the tech still needed was spent.
    instalment = sum(e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red")
    assert state.sides["red"].cash == cash - 5 + instalment


def test_research_advances_by_money_times_research_rate_up_to_the_rate_cap(tiny):
    capsule = tiny.techs["capsule"]
    state = start(tiny)
    me = state.sides["red"]
    assert turns_to_finish(tiny, me, capsule, me.techs["capsule"], capsule.rate_cap) == 5
    # Funding far above the useful amount finishes it no sooner.
    state, _ = act(state, FundResearch("red", "capsule", 1000))
    progress = []
    for _ in range(5):
        state, _ = end_turn(state)
        progress.append(state.sides["red"].techs["capsule"].progress)
    assert progress == [7, 14, 21, 28, 30]
    assert state.sides["red"].techs["capsule"].done


def test_research_rate_multiplies_research_points(tiny):
    # blue researches at 120 %: 5 money buys 6 points on a tech whose rate cap is not in the way.
    rules = with_records(tiny, techs={"rocket": dataclasses.replace(tiny.techs["rocket"], max_rate=10)})
    state = start(rules)
    state, _ = act(state, FundResearch("blue", "rocket", 5))
    state, events = end_turn(state)
    assert state.sides["blue"].techs["rocket"].progress == 6
    assert ev.ResearchAdvanced("blue", "rocket", 5, 6) in events


def test_research_is_scaled_down_when_cash_runs_short(tiny):
    state = start(tiny)
    state = arrange(state, "red", cash=4)
    state, _ = act(state, FundResearch("red", "capsule", 7), FundResearch("red", "rocket", 5))
    state, events = end_turn(state)
    spent = {e.tech: e.spent for e in of_type(events, ev.ResearchAdvanced) if e.side == "red"}
    assert spent == {"capsule": 7 * 4 // 12, "rocket": 5 * 4 // 12}
    instalment = sum(e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red")
    assert state.sides["red"].cash == 4 - sum(spent.values()) + instalment
    # The standing orders are unchanged: next turn asks for the full amounts again.
    assert state.sides["red"].techs["capsule"].funding == 7


def test_research_cannot_fund_a_tech_before_its_prerequisites(tiny):
    state = start(tiny)
    rejection = validate(state, FundResearch("red", "lander", 5))
    assert rejection is not None and rejection.code == "action/tech_locked"
    assert FundResearch("red", "lander", 5) not in legal_actions(state, "red")


def test_research_on_a_finished_tech_raises_its_reliability(tiny):
    state = start(tiny)
    state, _ = act(state, FundResearch("red", "rocket", 5))
    state, events = end_turn(state)
    changes = [e for e in of_type(events, ev.ReliabilityChanged) if e.side == "red"]
    assert len(changes) == 1 and changes[0].amount >= 1
    assert state.sides["red"].techs["rocket"].reliability == 50 + changes[0].amount


def test_research_at_the_ceiling_takes_no_money(tiny):
    state = arrange(start(tiny), "red", techs={"rocket": tiny.techs["rocket"].ceiling})
    me = state.sides["red"]
    assert useful_funding(tiny, me, tiny.techs["rocket"], me.techs["rocket"]) == 0
    state, _ = act(state, FundResearch("red", "rocket", 50))
    state, events = end_turn(state)
    assert not [e for e in of_type(events, ev.ResearchAdvanced) if e.side == "red"]


def test_standing_orders_persist_from_turn_to_turn(tiny):
    state = start(tiny)
    state, _ = act(state, FundResearch("red", "capsule", 3), FundIntelligence("red", 2))
    for _ in range(3):
        state, events = end_turn(state)
        assert [e.spent for e in of_type(events, ev.ResearchAdvanced) if e.side == "red"] == [3]
        assert state.sides["red"].intel == 2


# --------------------------------------------------------------------------------------------- money


def test_instalments_add_up_to_the_yearly_budget(tiny):
    rules = with_side(tiny, "red", budget=43, start_cash=0)
    state = start(rules)
    first = state.sides["red"].cash  # the first instalment is paid as the game starts
    state, events = end_turns(state, 3)
    paid_1960 = [first] + [e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red"]
    assert paid_1960 == [10, 10, 10, 13]
    state, events = end_turns(state, 4)
    budget_1961 = state.sides["red"].budget
    paid_1961 = [e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red"]
    assert len(paid_1961) == 4
    assert sum(paid_1961) == budget_1961


def test_budget_feeds_on_last_years_prestige(tiny):
    red = tiny.side("red")
    share = tiny.settings.prestige_to_budget

    def budget_next_year(gain: int) -> int:
        state, _ = end_turns(start(tiny), 3)
        state.sides["red"].add_prestige(gain)  # as if red had earned it in the last quarter
        state, events = end_turn(state)
        assert ev.BudgetSet("red", state.sides["red"].budget, 1961) in events
        assert state.sides["red"].prestige_year == 0, "a new year starts counting afresh"
        return state.sides["red"].budget

    base = red.budget + red.budget_growth
    assert budget_next_year(0) == base
    assert budget_next_year(20) == base + 20 * share // 100
    assert budget_next_year(-20) == base - 20 * share // 100


def test_a_share_of_prestige_stays_in_every_later_budget(tiny):
    rules = dataclasses.replace(tiny, settings=dataclasses.replace(tiny.settings, prestige_to_base=50))
    red = rules.side("red")
    one_year = rules.settings.prestige_to_budget
    state, _ = end_turns(start(rules), 3)
    state.sides["red"].add_prestige(20)
    state, _ = end_turn(state)  # 1961: both shares
    assert state.sides["red"].budget == red.budget + red.budget_growth + 20 * one_year // 100 + 10
    state, _ = end_turns(state, 4)  # 1962: the lasting half only
    assert state.sides["red"].budget == red.budget + 2 * red.budget_growth + 10
    state.sides["red"].add_prestige(-20)  # a bad year costs next year's budget, not the lasting part
    state, _ = end_turns(state, 4)
    assert state.sides["red"].budget == red.budget + 3 * red.budget_growth + 10 - 20 * one_year // 100


def test_budget_feeds_on_prestige_won_by_flying(tiny):
    state = arrange(start(tiny), "red", hardware={"booster": 1})
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, _ = end_turns(state, 4)
    gained = tiny.milestones["orbit"].first
    assert state.sides["red"].budget == 40 + 4 + gained * tiny.settings.prestige_to_budget // 100


def test_budget_stays_within_the_sides_limits(tiny):
    rules = with_side(tiny, "red", min_budget=30, max_budget=45)
    for gain, expected in ((100, 45), (-200, 30)):
        state, _ = end_turns(start(rules), 3)
        state.sides["red"].add_prestige(gain)
        state, _ = end_turn(state)
        assert state.sides["red"].budget == expected


def test_budget_changes_from_events_wait_for_the_new_year(tiny):
    state = start(tiny)
    state.sides["red"].budget_mod = 8
    state, _ = end_turns(state, 3)
    assert state.sides["red"].budget == 40
    state, _ = end_turn(state)
    assert state.sides["red"].budget == 40 + 4 + 8


# --------------------------------------------------------------------------------------------- crews


def test_training_makes_crew_active(tiny):
    for turns in (1, 3):
        rules = with_settings(tiny, training_turns=turns)
        state = start(rules)
        cash = state.sides["red"].cash
        state, events = act(state, RecruitCrew("red", "anna"))
        assert state.sides["red"].cash == cash - tiny.settings.recruit_cost
        assert state.sides["red"].crews["anna"].status == CrewStatus.TRAINING
        for _ in range(turns - 1):
            state, events = end_turn(state)
            assert state.sides["red"].crews["anna"].status == CrewStatus.TRAINING
        state, events = end_turn(state)
        anna = state.sides["red"].crews["anna"]
        assert anna.status == CrewStatus.ACTIVE
        assert ev.CrewTrained("red", "anna") in events
        assert anna.skills["pilot"] == 60 + turns * tiny.settings.training_gain


def test_crew_in_training_cannot_fly(tiny):
    state = arrange(start(tiny), "red", techs={"capsule": 50}, hardware={"pod": 1})
    state, _ = act(state, RecruitCrew("red", "anna"))
    rejection = validate(state, PlanMission("red", "crewed_orbiter", (("launcher", "booster"), ("capsule", "pod")), ("anna",)))
    assert rejection is not None and rejection.code == "action/crew_unavailable"


def test_injured_crew_is_back_after_the_injury_turns(tiny):
    mishap = Event("mishap", "t", "x", sides=("red",), effects=(InjureCrew(1, 3),))
    state = arrange(start(with_records(tiny, events={"mishap": mishap})), "red", crew=("anna",))
    injured_at = state.turn
    state, events = end_turn(state)
    assert ev.CrewInjured("red", "anna", 3) in events
    while state.turn < injured_at + 3:
        assert state.sides["red"].crews["anna"].status == CrewStatus.INJURED
        state, _ = end_turn(state)
    assert state.sides["red"].crews["anna"].status == CrewStatus.ACTIVE


@pytest.mark.parametrize(("die", "retires"), [(0, True), (29, True), (30, False), (99, False)])
def test_low_morale_crew_may_retire(tiny, die, retires):
    # Morale 10 against a threshold of 25: a (25 - 10) × 2 = 30 % chance each turn.
    state = scripted(new_game(tiny, None, 0), below=lambda n: die if n == 100 else 0)
    state = arrange(state, "red", crew=("anna",))
    state.sides["red"].crews["anna"].morale = 10
    state, events = end_turn(state)
    assert (state.sides["red"].crews["anna"].status == CrewStatus.RETIRED) is retires
    assert (ev.CrewRetired("red", "anna") in events) is retires


def test_crew_at_the_morale_threshold_never_retires(tiny):
    state = scripted(new_game(tiny, None, 0), below=lambda n: 0)
    state = arrange(state, "red", crew=("anna",))
    state.sides["red"].crews["anna"].morale = tiny.settings.retire_morale
    state, _ = end_turns(state, 4)
    assert state.sides["red"].crews["anna"].status == CrewStatus.ACTIVE


# --------------------------------------------------------------------------------------------- intelligence


def test_intelligence_spending_narrows_the_estimate_error(tiny):
    s = tiny.settings
    state = scripted(new_game(tiny, None, 0), below=lambda n: n // 2)  # a die in the middle: no error
    blue_cash = state.sides["blue"].cash
    state, _ = end_turn(state)
    free = state.sides["red"].intel_reports["blue"]
    assert free.error == s.intel_noise
    assert free.cash == blue_cash
    state, _ = act(state, FundIntelligence("red", 12))
    cash = state.sides["red"].cash
    state, events = end_turn(state)
    paid = state.sides["red"].intel_reports["blue"]
    assert paid.error == s.intel_noise * s.intel_half // (s.intel_half + 12)
    assert paid.turn == state.turn - 1
    assert ev.IntelReported("red", "blue") in events
    instalment = sum(e.amount for e in of_type(events, ev.InstalmentPaid) if e.side == "red")
    windfall = sum(e.amount for e in of_type(events, ev.CashChanged) if e.side == "red")
    assert state.sides["red"].cash == cash - 12 + instalment + windfall


def test_intelligence_estimates_stay_within_their_error(tiny):
    for die in (0, 60):  # the lowest and highest die for a 30 % error: below(61)
        state = scripted(new_game(tiny, None, 0), below=lambda n, d=die: min(d, n - 1))
        blue_cash = state.sides["blue"].cash
        state, _ = end_turn(state)
        estimate = state.sides["red"].intel_reports["blue"].cash
        assert abs(estimate - blue_cash) <= blue_cash * tiny.settings.intel_noise // 100 + 1


# --------------------------------------------------------------------------------------------- the end


def moon_ready(crew: tuple[str, str], prestige: int = 0) -> dict:
    """What `arrange` needs to make a side able to fly the moon landing with `crew`."""
    return dict(
        techs={"rocket": 80, "lander": 80}, hardware={"booster": 1, "moon_pod": 1}, crew=crew,
        milestones=("crewed_orbit",), prestige=prestige,
    )


def test_victory_on_milestone(tiny):
    state = arrange(start(tiny), "red", **moon_ready(("anna", "boris")))
    state, _ = act(state, PlanMission("red", "moon_landing", LANDER, ("anna", "boris")))
    state, events = end_turn(state)
    assert is_over(state)
    assert ev.GameWon("red", "moon_first") in events
    result = outcome(state)
    assert result is not None
    assert (result.winner, result.reason) == ("red", "moon_first")
    assert result.milestones["moon"] == ("red", state.turn - 1)
    # Nothing more can be done.
    assert legal_actions(state, "blue") == []
    rejection = validate(state, EndTurn("blue"))
    assert rejection is not None and rejection.code == "action/game_over"


def test_play_on_keeps_the_result_and_runs_to_the_end_date(tiny):
    state = arrange(scripted(new_game(tiny, Setup(play_on=True), 0)), "red", **moon_ready(("anna", "boris")))
    state, _ = act(state, PlanMission("red", "moon_landing", LANDER, ("anna", "boris")))
    state, events = end_turn(state)
    assert ev.GameWon("red", "moon_first") in events
    assert not is_over(state) and outcome(state) is None, "the calendar runs on"
    assert (state.winner, state.end_reason, state.decided) == ("red", "moon_first", state.turn)
    decided = state.decided
    # Blue lands too, and gains more prestige: the result stands all the same.
    state = arrange(state, "blue", **moon_ready(("dana", "ed"), prestige=500))
    state, _ = act(state, PlanMission("blue", "moon_landing", LANDER, ("dana", "ed")))
    state, events = end_turn(state)
    assert "blue" in dict(state.firsts["moon"]) and not of_type(events, ev.GameWon)
    state, _ = end_turns(state, tiny.settings.end - state.turn + 1)
    assert is_over(state)
    assert (outcome(state).winner, state.decided) == ("red", decided)  # type: ignore[union-attr]
    # Saved and loaded, a played-on game keeps its settled result; an ordinary game's record has no trace of it.
    again = round_trip(state)
    assert (again.play_on, again.decided, again.winner) == (True, decided, "red")
    assert "play_on" not in state_to_dict(start(tiny))


@pytest.mark.parametrize(
    ("leader", "red_prestige", "blue_prestige", "winner"),
    [("red", 0, 0, "blue"), ("red", 0, 100, "blue"), ("red", 100, 0, "blue"), ("blue", 0, 100, "red")],
)
def test_simultaneous_landings_go_to_the_first_crew_home(tiny, leader, red_prestige, blue_prestige, winner):
    # Both land the same turn in the same window; `leader` reached crewed orbit first, so it holds one first
    # more and launches second. The other side's crew is home first and wins, whatever the prestige.
    state = start(tiny)
    crews = {"red": ("anna", "boris"), "blue": ("dana", "ed")}
    prestige = {"red": red_prestige, "blue": blue_prestige}
    for side in (leader, *(s for s in crews if s != leader)):
        state = arrange(state, side, **moon_ready(crews[side], prestige[side]))
    state, _ = act(
        state,
        PlanMission("red", "moon_landing", LANDER, crews["red"]),
        PlanMission("blue", "moon_landing", LANDER, crews["blue"]),
    )
    state, _ = end_turn(state)
    assert is_over(state)
    assert state.winner == winner
    assert state.end_reason == "moon_first"


@pytest.mark.parametrize(("red", "blue", "winner"), [(5, 0, "red"), (0, 5, "blue"), (3, 3, None)])
def test_end_date_decides_by_prestige(tiny, red, blue, winner):
    state = start(tiny)
    turns = tiny.settings.end - tiny.settings.start
    state, _ = end_turns(state, turns)
    assert state.turn == tiny.settings.end and not is_over(state), "the last turn is still played"
    state.sides["red"].prestige, state.sides["blue"].prestige = red, blue
    state, events = end_turn(state)
    assert is_over(state)
    assert state.winner == winner
    assert state.end_reason == "prestige"
    assert ev.GameWon(winner, "prestige") in events
    assert outcome(state).prestige == (("red", red), ("blue", blue))  # type: ignore[union-attr]


def test_game_is_not_over_before_the_end(tiny):
    state = start(tiny)
    assert not is_over(state) and outcome(state) is None
    state, _ = end_turns(state, 5)
    assert not is_over(state) and outcome(state) is None


def test_a_scripted_pass_is_really_a_pass(tiny):
    # Guard for the other tests: the scripted dice make the engine roll exactly what they say.
    state = arrange(start(tiny), "red", hardware={"booster": 1})
    state, _ = act(state, PlanMission("red", "orbiter", (("launcher", "booster"),)))
    state, events = end_turn(state)
    assert [r.roll for r in of_type(events, ev.StepRolled)] == [PASS, PASS]
