"""Rules of flying: step dice, failure and death, firsts and prestige, learning, launch order, odds."""

from __future__ import annotations

import dataclasses

import pytest
from engine_kit import FAIL, PASS, act, arrange, end_turn, of_type, scripted, with_records

from game.engine import events as ev
from game.engine.actions import CancelMission, Decide, FundResearch, PlanMission
from game.engine.api import new_game, validate
from game.engine.effects import InjureCrew
from game.engine.odds import mission_odds
from game.engine.rules import Choice, Event, LaunchWindow, Ruleset
from game.engine.state import CrewStatus, GameState

ORBITER = (("launcher", "booster"),)
CAPSULE = (("launcher", "booster"), ("capsule", "pod"))
LANDER = (("launcher", "booster"), ("lander", "moon_pod"))


def orbiter(side: str, window: str = "") -> PlanMission:
    return PlanMission(side, "orbiter", ORBITER, (), window)


def windowed(rules: Ruleset) -> Ruleset:
    """`rules` with two launch windows: early (25 % dearer, 4 points riskier per step) and late (the default)."""
    return dataclasses.replace(rules, launch_windows=(LaunchWindow("early", "", 25, 4), LaunchWindow("late", "")))


def ready_to_fly(rules: Ruleset, side: str = "red", **extra: object) -> GameState:
    """A fresh game where `side` has rocket and capsule at 50, one booster and one pod, and anna/dana active."""
    crew = {"red": ("anna", "boris"), "blue": ("dana", "ed")}[side]
    state = new_game(rules, None, 0)
    return arrange(
        state, side, techs={"rocket": 50, "capsule": 50}, hardware={"booster": 1, "pod": 1}, crew=crew, **extra
    )


def fly(state: GameState, *plans: PlanMission, percents: tuple[int, ...] = ()) -> tuple[GameState, list]:
    """Plan the flights, then end the turn with scripted step rolls."""
    state = scripted(state, percents)
    state, planned = act(state, *plans)
    state, events = end_turn(state)
    return state, planned + events


# --------------------------------------------------------------------------------------------- failure


@pytest.mark.parametrize(
    ("mission", "hardware", "crew", "percents", "failed_step", "penalty"),
    [
        ("orbiter", ORBITER, (), (PASS, FAIL), "orbit_insertion", -2),
        ("crewed_orbiter", CAPSULE, ("anna",), (PASS, FAIL, FAIL), "orbit_insertion", -3),
    ],
)
def test_failed_mission_costs_its_failure_prestige(tiny, mission, hardware, crew, percents, failed_step, penalty):
    state = ready_to_fly(tiny)
    state, events = fly(state, PlanMission("red", mission, hardware, crew), percents=percents)
    red = state.sides["red"]
    assert of_type(events, ev.MissionFailed) == [ev.MissionFailed("red", mission, failed_step, False)]
    assert ev.PrestigeChanged("red", penalty, "failure") in events
    assert red.prestige == penalty
    assert not red.milestones
    assert state.public_log[-1].outcome == "failure"


def test_failed_crewed_mission_costs_prestige(tiny):
    state = ready_to_fly(tiny)
    state, _ = fly(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), percents=(PASS, FAIL, FAIL))
    red = state.sides["red"]
    assert red.prestige == tiny.missions["crewed_orbiter"].prestige.failure == -3
    # It counts against next year's budget too.
    assert red.prestige_year == -3
    # The crew survived (orbit insertion is not fatal), flew, and stays on the roster.
    assert red.crews["anna"].status == CrewStatus.ACTIVE
    assert red.crews["anna"].flights == 1
    assert red.deaths == 0


def test_launch_uses_up_the_hardware_whatever_the_outcome(tiny):
    state = ready_to_fly(tiny)
    state, _ = fly(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), percents=(FAIL, 100))
    assert state.sides["red"].hardware["booster"] == 0
    assert state.sides["red"].hardware["pod"] == 0
    assert state.sides["red"].launches == 1


def test_crew_lost_kills_all_crew(tiny):
    state = new_game(tiny, None, 0)
    state = arrange(
        state, "red", techs={"rocket": 50, "lander": 50}, hardware={"booster": 1, "moon_pod": 1},
        crew=("anna", "boris", "carl"), milestones=("crewed_orbit",),
    )
    # The launch fails, and the fatality roll (20 % on launch) comes up 20: the crew is lost.
    state, events = fly(state, PlanMission("red", "moon_landing", LANDER, ("anna", "boris")), percents=(FAIL, 20))
    red = state.sides["red"]
    assert red.crews["anna"].status == CrewStatus.DEAD
    assert red.crews["boris"].status == CrewStatus.DEAD
    assert red.deaths == 2
    assert of_type(events, ev.MissionFailed) == [ev.MissionFailed("red", "moon_landing", "launch", True)]
    assert {e.crew for e in of_type(events, ev.CrewDied)} == {"anna", "boris"}
    assert red.prestige == tiny.missions["moon_landing"].prestige.death
    # Everyone left on the roster mourns each of them.
    assert red.crews["carl"].morale == tiny.settings.morale_start - 2 * tiny.settings.morale_loss_death
    assert state.public_log[-1].outcome == "crew_lost"
    # The dead never fly again.
    again = arrange(state, "red", hardware={"booster": 1, "moon_pod": 1})
    rejection = validate(again, PlanMission("red", "moon_landing", LANDER, ("anna", "carl")))
    assert rejection is not None and rejection.code == "action/crew_unavailable"


def test_crew_survives_a_failure_when_the_fatality_roll_misses(tiny):
    state = ready_to_fly(tiny)
    # Launch fails; the launch step is fatal 50 % of the time and the roll is 51.
    state, events = fly(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), percents=(FAIL, 51))
    assert of_type(events, ev.MissionFailed) == [ev.MissionFailed("red", "crewed_orbiter", "launch", False)]
    assert state.sides["red"].crews["anna"].status == CrewStatus.ACTIVE
    assert state.sides["red"].prestige == -3


def test_uncrewed_failure_never_rolls_for_deaths(tiny):
    state = ready_to_fly(tiny)
    tiny_fatal = with_records(tiny, missions={
        "orbiter": dataclasses.replace(
            tiny.missions["orbiter"], steps=tuple(dataclasses.replace(s, fatal=100) for s in tiny.missions["orbiter"].steps)
        )
    })
    state = dataclasses.replace(state, rules=tiny_fatal)
    state, events = fly(state, orbiter("red"), percents=(FAIL,))
    assert of_type(events, ev.MissionFailed) == [ev.MissionFailed("red", "orbiter", "launch", False)]
    assert state.sides["red"].prestige == tiny.missions["orbiter"].prestige.failure


# --------------------------------------------------------------------------------------------- success


def test_success_reaches_the_missions_milestones(tiny):
    state = ready_to_fly(tiny)
    state, events = fly(state, orbiter("red"))
    red = state.sides["red"]
    assert red.milestones == {"orbit": state.turn - 1}
    assert state.firsts["orbit"] == [("red", state.turn - 1)]
    assert of_type(events, ev.MilestoneAchieved) == [ev.MilestoneAchieved("red", "orbit", 1, 10)]
    assert of_type(events, ev.MissionSucceeded) == [ev.MissionSucceeded("red", "orbiter")]
    assert state.public_log[-1].outcome == "success"


@pytest.mark.parametrize(("red_window", "blue_window", "first", "second"), [
    ("late", "early", "blue", "red"),
    ("early", "late", "red", "blue"),
    ("late", "late", "red", "blue"),  # one window: neither holds a first, so the scenario's order (red, blue)
])
def test_the_first_to_fly_earns_the_first(tiny, red_window, blue_window, first, second):
    state = ready_to_fly(windowed(tiny))
    state = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1}, cash=100)
    state = arrange(state, "red", cash=100)
    state, events = fly(state, orbiter("red", red_window), orbiter("blue", blue_window))
    orbit = tiny.milestones["orbit"]
    assert of_type(events, ev.MilestoneAchieved) == [
        ev.MilestoneAchieved(first, "orbit", 1, orbit.first),
        ev.MilestoneAchieved(second, "orbit", 2, orbit.second),
    ]
    assert [s for s, _ in state.firsts["orbit"]] == [first, second]
    assert state.sides[first].prestige == orbit.first
    assert state.sides[second].prestige == orbit.second


def test_later_sides_get_later_prestige(tiny):
    green = dataclasses.replace(tiny.side("blue"), id="green", start_techs=(("rocket", 50),), start_hardware=(("booster", 1),))
    rules = dataclasses.replace(
        tiny,
        sides=(*tiny.sides, green),
        milestones={**tiny.milestones, "orbit": dataclasses.replace(tiny.milestones["orbit"], later=1)},
    )
    state = new_game(rules, None, 0)
    state = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1})
    state, events = fly(state, orbiter("red"), orbiter("blue"), orbiter("green"))
    assert [(e.side, e.rank, e.prestige) for e in of_type(events, ev.MilestoneAchieved)] == [
        ("red", 1, 10), ("blue", 2, 4), ("green", 3, 1),
    ]


def test_repeating_a_milestone_earns_only_the_missions_success_prestige(tiny):
    state = ready_to_fly(tiny, milestones=("orbit",))
    state, events = fly(state, orbiter("red"))
    assert not of_type(events, ev.MilestoneAchieved)
    assert ev.PrestigeChanged("red", tiny.missions["orbiter"].prestige.success, "mission") in events
    assert state.sides["red"].prestige == 1
    assert state.firsts["orbit"] == [("red", state.turn - 1)], "the ranking is not repeated"


@pytest.mark.parametrize(("earlier", "earned"), [(0, 6), (1, 6), (2, 3), (3, 2), (4, 1), (7, 0)])
def test_a_repeat_earns_less_with_each_success_already_flown(tiny, earlier, earned):
    """A success that wins no first earns the mission's success prestige divided by the side's earlier successes
    of it (partial ones count; failures, other missions and other sides' flights do not), as the view says."""
    from game.engine.state import LaunchRecord
    from game.engine.view import player_view

    rules = dataclasses.replace(
        tiny,
        missions={
            **tiny.missions,
            "orbiter": dataclasses.replace(
                tiny.missions["orbiter"], prestige=dataclasses.replace(tiny.missions["orbiter"].prestige, success=6)
            ),
        },
    )
    state = ready_to_fly(rules, milestones=("orbit",))
    outcomes = ["success", "partial"] * earlier
    state.public_log.extend(LaunchRecord(0, "red", "orbiter", o) for o in outcomes[:earlier])
    state.public_log.extend(
        [LaunchRecord(0, "red", "orbiter", "failure"), LaunchRecord(0, "blue", "orbiter", "success")]
        + [LaunchRecord(0, "red", other, "success") for other in rules.missions if other != "orbiter"]
    )
    assert player_view(state, "red").flight_prestige("orbiter") == earned
    unheld = ready_to_fly(rules)  # its first still to win: the milestone's prestige, not the mission's
    assert player_view(unheld, "red").flight_prestige("orbiter") is None
    state, events = fly(state, orbiter("red"))
    assert ev.PrestigeChanged("red", earned, "mission") in events
    assert state.sides["red"].prestige == earned


def test_non_critical_failure_is_a_partial_success(tiny):
    rules = with_records(tiny, missions={
        "crewed_orbiter": dataclasses.replace(
            tiny.missions["crewed_orbiter"],
            prestige=dataclasses.replace(tiny.missions["crewed_orbiter"].prestige, partial=-1),
        )
    })
    state = ready_to_fly(rules)
    # launch, orbit insertion pass; observation (not critical) fails; re-entry passes.
    state, events = fly(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), percents=(PASS, PASS, FAIL, PASS))
    assert of_type(events, ev.MissionPartlySucceeded) == [ev.MissionPartlySucceeded("red", "crewed_orbiter", "observe")]
    assert not of_type(events, ev.MissionFailed)
    assert state.sides["red"].milestones == {"crewed_orbit": state.turn - 1}
    assert state.sides["red"].prestige == tiny.milestones["crewed_orbit"].first - 1
    assert state.public_log[-1].outcome == "partial"


def test_success_raises_crew_skill_and_morale(tiny):
    state = ready_to_fly(tiny)
    before = state.sides["red"].crews["anna"].skills["pilot"]
    state, _ = fly(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)))
    anna = state.sides["red"].crews["anna"]
    assert anna.flights == 1
    assert anna.skills["pilot"] == before + tiny.settings.flight_gain
    assert anna.morale == tiny.settings.morale_start + tiny.settings.morale_gain_success
    assert state.sides["red"].crews["boris"].morale == tiny.settings.morale_start + tiny.settings.morale_gain_success


# --------------------------------------------------------------------------------------------- learning & dice


def test_each_step_rolls_against_reliability_less_difficulty_as_planning_left_it(tiny):
    state = ready_to_fly(tiny)
    state, events = fly(state, orbiter("red"))
    rolls = of_type(events, ev.StepRolled)
    # The launch step teaches the rocket a point, but that counts from the next quarter.
    assert [(r.step, r.chance) for r in rolls] == [("launch", 50), ("orbit_insertion", 50 - 5)]


def test_the_dice_use_the_odds_shown_at_the_end_of_planning_not_this_quarters_research(tiny):
    state = ready_to_fly(tiny)
    shown = mission_odds(tiny, state.sides["red"], tiny.missions["orbiter"], ORBITER, ())
    state, _ = act(state, FundResearch("red", "rocket", 1000))
    after, events = fly(state, orbiter("red"))
    assert after.sides["red"].techs["rocket"].reliability > 50  # research raised it this quarter...
    rolled = [r.chance for r in of_type(events, ev.StepRolled)]
    assert rolled == [step.chance for step in shown.steps]  # ...but the flight flew at the odds shown
    launched = of_type(events, ev.MissionLaunched)[0]
    assert launched.odds == (shown.success, shown.partial, shown.failure, shown.crew_lost)


def test_a_launch_tells_the_hardware_that_flew_slot_by_slot(tiny):
    # the launch report draws this stack: what flew, not a guess from what the side owns
    state = ready_to_fly(tiny)
    _, events = fly(state, orbiter("red"))
    assert of_type(events, ev.MissionLaunched)[0].hardware == ORBITER


def test_a_flight_tells_its_side_what_each_step_taught(tiny):
    state = ready_to_fly(tiny)
    before = state.sides["red"].techs["rocket"].reliability
    after, events = fly(state, orbiter("red"))
    taught = of_type(events, ev.ReliabilityChanged)
    rolls = of_type(events, ev.StepRolled)
    s = tiny.settings
    assert [t.amount for t in taught] == [s.flight_learning if r.passed else s.failure_learning for r in rolls]
    assert taught[-1].reliability == after.sides["red"].techs["rocket"].reliability == before + sum(t.amount for t in taught)


def test_no_flight_of_a_quarter_changes_another_flights_odds(tiny):
    state = arrange(new_game(tiny, None, 0), "red", techs={"rocket": 50}, hardware={"booster": 2})
    shown = mission_odds(tiny, state.sides["red"], tiny.missions["orbiter"], ORBITER, ())
    _, events = fly(state, orbiter("red"), orbiter("red"))
    rolled = [r.chance for r in of_type(events, ev.StepRolled)]
    assert rolled == [step.chance for step in shown.steps] * 2


def test_flights_teach_reliability(tiny):
    s = tiny.settings
    state = ready_to_fly(tiny)
    won, _ = fly(state, orbiter("red"))
    assert won.sides["red"].techs["rocket"].reliability == 50 + 2 * s.flight_learning
    lost, _ = fly(state, orbiter("red"), percents=(FAIL,))
    rocket = lost.sides["red"].techs["rocket"]
    assert rocket.reliability == 50 + s.failure_learning
    assert (rocket.flights, rocket.failures) == (1, 1)


def test_reliability_never_exceeds_ceiling(tiny):
    ceiling = tiny.techs["rocket"].ceiling
    state = ready_to_fly(tiny)
    state = arrange(state, "red", techs={"rocket": ceiling - 1}, hardware={"booster": 3})
    state, _ = fly(state, orbiter("red"), orbiter("red"), orbiter("red"))
    assert state.sides["red"].techs["rocket"].reliability == ceiling
    # Research cannot push it past the ceiling either, however lucky.
    state = scripted(state, below=lambda n: n - 1)
    state, _ = act(state, FundResearch("red", "rocket", 50))
    for _ in range(3):
        state, _ = end_turn(state)
        assert state.sides["red"].techs["rocket"].reliability == ceiling


def test_chances_are_capped_between_min_and_max_chance(tiny):
    easy = dataclasses.replace(tiny.missions["orbiter"].steps[0], difficulty=-30)
    hard = dataclasses.replace(tiny.missions["orbiter"].steps[1], difficulty=95)
    rules = with_records(tiny, missions={"orbiter": dataclasses.replace(tiny.missions["orbiter"], steps=(easy, hard))})
    state = ready_to_fly(rules)
    state = arrange(state, "red", techs={"rocket": 80})
    odds = mission_odds(rules, state.sides["red"], rules.missions["orbiter"], ORBITER, ())
    assert [s.chance for s in odds.steps] == [tiny.settings.max_chance, tiny.settings.min_chance]
    state, events = fly(state, orbiter("red"))
    assert [r.chance for r in of_type(events, ev.StepRolled)] == [tiny.settings.max_chance, tiny.settings.min_chance]


def test_mission_odds_add_to_1000(tiny):
    state = ready_to_fly(tiny)
    me = state.sides["red"]
    for rel in range(0, 101, 5):
        for tech in ("rocket", "capsule", "lander"):
            ts = me.techs[tech]
            ts.done, ts.reliability = True, rel
        for mission, hardware, crew in [
            ("orbiter", ORBITER, ()),
            ("crewed_orbiter", CAPSULE, ("anna",)),
            ("moon_landing", LANDER, ("anna", "boris")),
        ]:
            odds = mission_odds(tiny, me, tiny.missions[mission], hardware, crew)
            parts = (odds.success, odds.partial, odds.failure, odds.crew_lost)
            assert sum(parts) == 1000, (mission, rel, parts)
            assert all(0 <= p <= 1000 for p in parts)
            if not crew:
                assert odds.crew_lost == 0


def test_mission_odds_are_the_product_of_step_chances(tiny):
    state = ready_to_fly(tiny)
    odds = mission_odds(tiny, state.sides["red"], tiny.missions["orbiter"], ORBITER, ())
    assert [s.chance for s in odds.steps] == [50, 45]
    assert odds.success == 50 * 45 * 1000 // 10_000
    assert odds.partial == 0 and odds.crew_lost == 0


def test_crew_skill_adds_to_the_steps_it_helps(tiny):
    state = ready_to_fly(tiny)
    me = state.sides["red"]
    skilled = mission_odds(tiny, me, tiny.missions["crewed_orbiter"], CAPSULE, ("anna",))  # pilot 60
    plain = mission_odds(tiny, me, tiny.missions["crewed_orbiter"], CAPSULE, ("boris",))  # pilot 50
    bonus = (60 - 50) // tiny.settings.skill_divisor
    assert [s.crew_bonus for s in skilled.steps] == [0, 0, bonus, bonus]
    assert [s.chance for s in skilled.steps] == [50, 50, 50 + bonus, 50 + bonus]
    assert [s.crew_bonus for s in plain.steps] == [0, 0, 0, 0]
    assert skilled.success > plain.success


# --------------------------------------------------------------------------------------------- order & money


@pytest.mark.parametrize(("blue_firsts", "order"), [(0, ["blue", "red", "red"]), (1, ["red", "blue", "red"]), (2, ["red", "blue", "red"])])
def test_inside_a_window_the_side_with_fewer_firsts_launches_first(tiny, blue_firsts, order):
    # Red holds one first; blue none, one or two. Fewer firsts launches first, equal keeps the scenario's
    # order (red, blue); then the sides take turns, each side's flights in the order planned.
    state = ready_to_fly(tiny)
    state = arrange(state, "red", hardware={"booster": 2})
    state = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1})
    state.firsts.update({"first_a": [("red", 0)], **{f"first_b{i}": [("blue", 0)] for i in range(blue_firsts)}})
    state, events = fly(state, orbiter("red"), orbiter("red"), orbiter("blue"))
    assert [e.side for e in of_type(events, ev.MissionLaunched)] == order


def test_flights_go_in_window_order_then_planned_order(tiny):
    state = ready_to_fly(windowed(tiny), cash=100)
    state = arrange(state, "red", hardware={"booster": 3})
    state = arrange(state, "blue", techs={"rocket": 50}, hardware={"booster": 1}, cash=100)
    plans = (orbiter("red", "late"), orbiter("red", "early"), orbiter("blue", "early"), orbiter("red", "early"))
    state, events = fly(state, *plans)
    launched = of_type(events, ev.MissionLaunched)
    assert [(e.side, e.window) for e in launched] == [
        ("red", "early"), ("blue", "early"), ("red", "early"), ("red", "late")
    ]
    assert [(r.side, r.window) for r in state.public_log[-4:]] == [(e.side, e.window) for e in launched]


def test_an_earlier_window_costs_and_risks_what_the_ruleset_says(tiny):
    rules = windowed(tiny)
    state = ready_to_fly(rules, cash=100)
    price = tiny.missions["orbiter"].cost
    late = mission_odds(rules, state.sides["red"], rules.missions["orbiter"], ORBITER, ())
    early = mission_odds(rules, state.sides["red"], rules.missions["orbiter"], ORBITER, (), "early")
    assert [s.chance for s in early.steps] == [s.chance - 4 for s in late.steps]
    cash = state.sides["red"].cash
    planned, _ = act(state, orbiter("red", "early"))
    assert cash - planned.sides["red"].cash == price + -(-price * 25 // 100)
    assert planned.sides["red"].plan[0].window == "early"
    unknown = validate(state, orbiter("red", "dawn"))
    assert unknown is not None and unknown.code == "action/unknown_window"
    # The odds a flight is rolled against are the window's: the launch event carries them.
    _, events = fly(state, orbiter("red", "early"))
    settled = (early.success, early.partial, early.failure, early.crew_lost)
    assert of_type(events, ev.MissionLaunched)[0].odds == settled


def test_planning_pays_the_launch_cost_and_cancelling_refunds_it(tiny):
    state = ready_to_fly(tiny)
    cash = state.sides["red"].cash
    planned, _ = act(state, orbiter("red"))
    assert planned.sides["red"].cash == cash - tiny.missions["orbiter"].cost
    assert planned.sides["red"].reserved_hardware("booster") == 1
    cancelled, events = act(planned, CancelMission("red", 0))
    assert cancelled.sides["red"].cash == cash
    assert cancelled.sides["red"].plan == []
    assert of_type(events, ev.MissionCancelled) == [ev.MissionCancelled("red", "orbiter")]


def test_mission_whose_crew_cannot_fly_is_scrubbed_and_refunded(tiny):
    # An event offers red a choice that injures a crew member during planning, after the flight was planned.
    accident = Event(
        "accident", "t", "x", sides=("red",), choices=(Choice("hurt", "x", (InjureCrew(1, 3),)),),
    )
    rules = with_records(
        tiny,
        events={"accident": accident},
        missions={"crewed_orbiter": dataclasses.replace(tiny.missions["crewed_orbiter"], cost=3)},
    )
    state = new_game(rules, None, 0)
    state = arrange(state, "red", techs={"rocket": 50, "capsule": 50}, hardware={"booster": 1, "pod": 1}, crew=("anna",))
    state, _ = end_turn(scripted(state))
    decision = state.sides["red"].decisions[0]
    hurt = Decide("red", decision.id, "hurt")
    state, _ = act(state, PlanMission("red", "crewed_orbiter", CAPSULE, ("anna",)), hurt)
    assert state.sides["red"].crews["anna"].status == CrewStatus.INJURED
    state, events = end_turn(state)
    red = state.sides["red"]
    assert of_type(events, ev.MissionScrubbed) == [ev.MissionScrubbed("red", "crewed_orbiter", "crew")]
    assert not of_type(events, ev.MissionLaunched)
    assert (red.hardware["booster"], red.hardware["pod"], red.launches) == (1, 1, 0)
    assert state.public_log[-1].outcome == "scrubbed"
    # The scrubbed flight cost nothing: cash is what it would have been had it never been planned.
    unplanned, _ = end_turn(scripted(new_game(rules, None, 0)))
    unplanned = arrange(unplanned, "red", techs={"rocket": 50, "capsule": 50}, hardware={"booster": 1, "pod": 1}, crew=("anna",))
    unplanned, _ = end_turn(act(unplanned, hurt)[0])
    assert red.cash == unplanned.sides["red"].cash
