"""The closed vocabulary of conditions and effects: each one judged or applied as the modding guide promises."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from engine_kit import arrange, of_type, scripted

from game.engine import conditions as c
from game.engine import effects as e
from game.engine import events as ev
from game.engine.api import new_game
from game.engine.conditions import COMPARABLE, holds
from game.engine.effects import MAX_MONEY, apply_effects
from game.engine.state import CrewStatus, GameState


@pytest.fixture
def state(tiny) -> GameState:
    """1960-Q1 of the tiny game; red has rocket (50) and capsule (60, flown in 3 steps) and reached orbit first;
    blue has nothing."""
    s = scripted(new_game(tiny, None, 0))
    s = arrange(s, "red", techs={"capsule": 60}, crew=("anna", "boris"), milestones=("orbit",), prestige=12)
    s.sides["red"].techs["capsule"].flights = 3
    s = arrange(s, "blue", milestones=("orbit",), prestige=5)
    s.sides["red"].flags["red_flag"] = 2
    s.flags["world"] = 1
    s.sides["blue"].events_fired["hearing"] = s.turn
    return s


# --------------------------------------------------------------------------------------------- conditions


def judged(cond: c.Condition | None, state: GameState, side: str) -> bool:
    """`holds`, checked against the engine's compiled form of the same condition."""
    answer = holds(cond, state, side)
    assert c.compile_condition(cond)(state, side) is answer, cond
    return answer


def test_every_condition_has_a_judge_and_every_effect_an_applier():
    for cond in c.BUILTIN:
        assert cond.holds is not c.Condition.holds and cond.describe is not c.Condition.describe, cond
    for eff in e.BUILTIN:
        assert eff.apply is not e.Effect.apply, eff
    names = [op.op for op in (*c.BUILTIN, *e.BUILTIN)]
    assert len(set(names)) == len(names), "two ops share a name"


def test_no_condition_always_holds(state):
    assert judged(None, state, "red") and judged(None, state, "blue")


def test_logic_conditions(state):
    true, false = c.IsSide("red"), c.IsSide("blue")
    assert judged(c.All((true, true)), state, "red") and not judged(c.All((true, false)), state, "red")
    assert judged(c.All(()), state, "red")
    assert judged(c.Any((false, true)), state, "red") and not judged(c.Any((false, false)), state, "red")
    assert not judged(c.Any(()), state, "red")
    assert judged(c.Not(false), state, "red") and not judged(c.Not(true), state, "red")


def test_date_between_is_inclusive_and_open_ended(state):
    t = state.turn
    assert judged(c.DateBetween(t, t), state, "red")
    assert judged(c.DateBetween(None, t), state, "red") and judged(c.DateBetween(t, None), state, "red")
    assert judged(c.DateBetween(), state, "red")
    assert not judged(c.DateBetween(t + 1, None), state, "red")
    assert not judged(c.DateBetween(None, t - 1), state, "red")


def test_date_window_bounds_the_turns_a_condition_can_hold(state):
    t = state.turn
    assert c.date_window(None) == (None, None)
    assert c.date_window(c.DateBetween(t, None)) == (t, None)
    both = c.All((c.DateBetween(t - 4, t + 8), c.IsSide("red"), c.DateBetween(None, t + 2)))
    assert c.date_window(both) == (t - 4, t + 2)
    assert c.date_window(c.Any((c.DateBetween(t, t), c.IsSide("red")))) == (None, None)  # only `all` is looked into
    for cond in (both, c.All((c.DateBetween(t + 1, None),)), c.DateBetween(None, t - 1)):
        first, last = c.date_window(cond)
        if (first is not None and t < first) or (last is not None and t > last):
            assert not judged(cond, state, "red")


@pytest.mark.parametrize(
    ("cond", "red", "blue"),
    [
        (c.HasTech("capsule"), True, False),
        (c.HasTech("capsule", "rival"), False, True),
        (c.HasTech("capsule", "anyone"), True, True),
        (c.HasTech("lander", "anyone"), False, False),
        (c.Achieved("orbit"), True, True),
        (c.Achieved("orbit", "rival"), True, True),
        (c.Achieved("moon", "anyone"), False, False),
        (c.FirstTo("orbit"), True, False),
        (c.FirstTo("orbit", "rival"), False, True),
        (c.FirstTo("orbit", "anyone"), True, True),
        (c.FirstTo("moon", "anyone"), False, False),
        (c.Flag("red_flag"), True, False),
        (c.Flag("red_flag", value=2), True, False),
        (c.Flag("red_flag", value=1), False, False),
        (c.Flag("red_flag", "rival"), False, True),
        (c.Flag("world", "global"), True, True),
        (c.Flag("world", "global", value=3), False, False),
        (c.Flag("world"), False, False),
        (c.EventFired("hearing"), False, True),
        (c.EventFired("hearing", "rival"), True, False),
        (c.EventFired("hearing", "anyone"), True, True),
        (c.IsSide("blue"), False, True),
    ],
)
def test_record_conditions(state, cond, red, blue):
    assert judged(cond, state, "red") is red
    assert judged(cond, state, "blue") is blue


@pytest.mark.parametrize(
    ("value", "tech", "red", "blue"),
    [
        ("prestige", None, 12, 5),
        ("rival_prestige", None, 5, 12),
        ("prestige_lead", None, 7, -7),
        ("reliability", "capsule", 60, 0),
        ("reliability", "lander", 0, 0),
        ("flights", "capsule", 3, 0),
        ("flights", "lander", 0, 0),
        ("milestones", None, 1, 1),
        ("active_crew", None, 2, 0),
        ("deaths", None, 0, 0),
        ("launches", None, 0, 0),
    ],
)
def test_compare_reads_whitelisted_values(state, value, tech, red, blue):
    for side, expected in (("red", red), ("blue", blue)):
        assert judged(c.Compare(value, "eq", expected, tech), state, side)
        assert judged(c.Compare(value, "ge", expected, tech), state, side)
        assert judged(c.Compare(value, "le", expected, tech), state, side)
        assert not judged(c.Compare(value, "ne", expected, tech), state, side)
        assert judged(c.Compare(value, "lt", expected + 1, tech), state, side)
        assert judged(c.Compare(value, "gt", expected - 1, tech), state, side)
        assert not judged(c.Compare(value, "gt", expected, tech), state, side)
        assert not judged(c.Compare(value, "lt", expected, tech), state, side)


def test_compare_money_and_dates(state):
    me = state.sides["red"]
    assert judged(c.Compare("cash", "eq", me.cash), state, "red")
    assert judged(c.Compare("budget", "eq", me.budget), state, "red")
    assert judged(c.Compare("turn", "eq", state.turn), state, "red")
    assert judged(c.Compare("year", "eq", 1960), state, "red")


def test_every_comparable_value_is_tested():
    tested = {"prestige", "rival_prestige", "prestige_lead", "reliability", "flights", "milestones", "active_crew",
              "deaths", "launches", "cash", "budget", "turn", "year"}
    assert set(COMPARABLE) == tested


def _vocabulary(node: object, found: set[type]) -> None:
    """Every condition and effect type inside rule records, however deeply nested."""
    if isinstance(node, (tuple, list)):
        for x in node:
            _vocabulary(x, found)
    elif isinstance(node, dict):
        for x in node.values():
            _vocabulary(x, found)
    elif dataclasses.is_dataclass(node):
        if isinstance(node, (*c.BUILTIN, *e.BUILTIN)):
            found.add(type(node))
        for f in dataclasses.fields(node):
            _vocabulary(getattr(node, f.name), found)


def test_every_op_fixture_uses_the_whole_vocabulary():
    # The every_op fixture, written in YAML and loaded like any scenario, is what random playthroughs
    # run every condition and effect through: it must keep using all of them.
    from game.content.load import load_scenario

    rules = load_scenario(str(Path(__file__).resolve().parents[1] / "fixtures" / "every_op")).ruleset
    found: set[type] = set()
    _vocabulary((rules.events, rules.missions, rules.techs, rules.victory), found)
    missing = set(c.BUILTIN) | set(e.BUILTIN)
    assert not sorted(t.__name__ for t in missing - found)


# --------------------------------------------------------------------------------------------- effects


def run(state: GameState, *effects: e.Effect, side: str = "red") -> list[ev.Event]:
    out: list[ev.Event] = []
    apply_effects(effects, state, side, out)
    return out


def test_add_budget_changes_the_lasting_modifier(state):
    budget = state.sides["red"].budget
    events = run(state, e.AddBudget(6), e.AddBudget(-2, "rival"))
    assert state.sides["red"].budget_mod == 6 and state.sides["blue"].budget_mod == -2
    assert state.sides["red"].budget == budget, "this year's budget is already voted"
    assert events == [ev.BudgetChanged("red", 6), ev.BudgetChanged("blue", -2)]


def test_add_cash(state):
    red, blue = state.sides["red"].cash, state.sides["blue"].cash
    events = run(state, e.AddCash(7), e.AddCash(-3, "rival"))
    assert (state.sides["red"].cash, state.sides["blue"].cash) == (red + 7, blue - 3)
    assert events == [ev.CashChanged("red", 7), ev.CashChanged("blue", -3)]
    run(state, e.AddCash(MAX_MONEY), e.AddCash(MAX_MONEY))
    assert state.sides["red"].cash == MAX_MONEY


def test_add_prestige_counts_towards_next_years_budget(state):
    run(state, e.AddPrestige(4), e.AddPrestige(-2, "rival"))
    assert (state.sides["red"].prestige, state.sides["red"].prestige_year) == (16, 4)
    assert (state.sides["blue"].prestige, state.sides["blue"].prestige_year) == (3, -2)


def test_research_progress_on_an_unfinished_tech_adds_points_and_may_finish_it(state, tiny):
    events = run(state, e.ResearchProgress("lander", 10))
    assert state.sides["red"].techs["lander"].progress == 10 and not state.sides["red"].techs["lander"].done
    events = run(state, e.ResearchProgress("lander", 10_000))
    ts = state.sides["red"].techs["lander"]
    assert ts.done and ts.progress == tiny.techs["lander"].cost and ts.reliability == tiny.techs["lander"].base
    assert ev.TechCompleted("red", "lander", ts.reliability) in events
    run(state, e.ResearchProgress("rocket", -50, "rival"))
    assert state.sides["blue"].techs["rocket"].progress == 0


def test_research_progress_on_a_finished_tech_adds_reliability_up_to_the_ceiling(state, tiny):
    run(state, e.ResearchProgress("capsule", 5))
    assert state.sides["red"].techs["capsule"].reliability == 65
    run(state, e.ResearchProgress("capsule", 500))
    assert state.sides["red"].techs["capsule"].reliability == tiny.techs["capsule"].ceiling


def test_modify_reliability_stays_between_zero_and_the_ceiling(state, tiny):
    events = run(state, e.ModifyReliability("capsule", -10))
    assert state.sides["red"].techs["capsule"].reliability == 50
    assert events == [ev.ReliabilityChanged("red", "capsule", -10, 50)]
    run(state, e.ModifyReliability("capsule", -100))
    assert state.sides["red"].techs["capsule"].reliability == 0
    run(state, e.ModifyReliability("capsule", 100))
    assert state.sides["red"].techs["capsule"].reliability == tiny.techs["capsule"].ceiling
    # An unfinished tech has no reliability to change.
    assert run(state, e.ModifyReliability("capsule", 10, "rival")) == []
    assert state.sides["blue"].techs["capsule"].reliability == 0


def test_reliability_change_reports_the_change_that_happened(state, tiny):
    ceiling = tiny.techs["capsule"].ceiling
    state.sides["red"].techs["capsule"].reliability = ceiling - 2
    events = run(state, e.ModifyReliability("capsule", 10))
    assert events == [ev.ReliabilityChanged("red", "capsule", 2, ceiling)]


def test_research_rate_is_bounded(state):
    run(state, e.ResearchRate(20), e.ResearchRate(-30, "rival"))
    assert (state.sides["red"].research_rate, state.sides["blue"].research_rate) == (120, 90)
    for _ in range(5):
        run(state, e.ResearchRate(100), e.ResearchRate(-100, "rival"))
    assert (state.sides["red"].research_rate, state.sides["blue"].research_rate) == (400, 10)


def test_set_flag_scopes(state):
    run(state, e.SetFlag("a"), e.SetFlag("b", 5, "rival"), e.SetFlag("c", 7, "global"))
    assert state.sides["red"].flags["a"] == 1
    assert state.sides["blue"].flags["b"] == 5 and "b" not in state.sides["red"].flags
    assert state.flags["c"] == 7


def test_queue_event_is_due_at_least_a_turn_later(state):
    run(state, e.QueueEvent("windfall", 3), e.QueueEvent("windfall", 0, "rival"))
    assert state.queued == [(state.turn + 3, "red", "windfall"), (state.turn + 1, "blue", "windfall")]


def test_crew_morale_touches_serving_crew_only(state):
    crews = state.sides["red"].crews
    crews["boris"].status = CrewStatus.INJURED
    crews["carl"].status = CrewStatus.CANDIDATE
    run(state, e.CrewMorale(-20))
    assert (crews["anna"].morale, crews["boris"].morale, crews["carl"].morale) == (50, 50, 70)
    run(state, e.CrewMorale(100))
    assert crews["anna"].morale == 100
    run(state, e.CrewMorale(-100))
    assert crews["anna"].morale == 0


def test_injure_crew_takes_active_crew_out_for_a_while(state, tiny):
    crews = state.sides["red"].crews
    crews["carl"].status = CrewStatus.TRAINING
    events = run(state, e.InjureCrew(5))  # more than there are: only the two active ones
    assert [crews[x].status for x in ("anna", "boris", "carl")] == [CrewStatus.INJURED, CrewStatus.INJURED, CrewStatus.TRAINING]
    assert crews["anna"].injured_until == state.turn + tiny.settings.injury_turns
    assert len(of_type(events, ev.CrewInjured)) == 2
    run(state, e.InjureCrew(1, 2, "rival"))  # blue has no active crew
    assert all(x.status == CrewStatus.CANDIDATE for x in state.sides["blue"].crews.values())


def test_injure_crew_picks_by_the_dice(tiny):
    for die, hurt in ((0, "anna"), (1, "boris")):
        s = scripted(new_game(tiny, None, 0), below=lambda n, d=die: d)
        s = arrange(s, "red", crew=("anna", "boris"))
        run(s, e.InjureCrew(1, 2))
        assert [k for k, v in s.sides["red"].crews.items() if v.status == CrewStatus.INJURED] == [hurt]
        assert s.sides["red"].crews[hurt].injured_until == s.turn + 2


def test_lose_crew_kills_active_crew(state, tiny):
    events = run(state, e.LoseCrew(1))
    red = state.sides["red"]
    dead = [k for k, v in red.crews.items() if v.status == CrewStatus.DEAD]
    assert dead == ["anna"] and red.deaths == 1
    assert events == [ev.CrewDied("red", "anna")]
    assert red.crews["boris"].status == CrewStatus.ACTIVE
    assert red.crews["boris"].morale == tiny.settings.morale_start - tiny.settings.morale_loss_death


@pytest.mark.parametrize(("die", "picked"), [(0, 1), (2, 1), (3, 3), (9, 3)])
def test_random_one_of_picks_by_weight(tiny, die, picked):
    s = scripted(new_game(tiny, None, 0), below=lambda n: die)
    before = s.sides["red"].cash
    run(s, e.RandomOneOf((e.Weighted(3, (e.AddCash(1),)), e.Weighted(0, (e.AddCash(2),)), e.Weighted(7, (e.AddCash(3),)))))
    assert s.sides["red"].cash == before + picked
    assert s.rng.rolls == [("below", 10, die)]


def test_random_one_of_with_no_weight_does_nothing(state):
    before = state.sides["red"].cash
    assert run(state, e.RandomOneOf((e.Weighted(0, (e.AddCash(1),)),))) == []
    assert state.sides["red"].cash == before
