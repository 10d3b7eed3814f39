"""What the campaign played by hand found, each held: the story names its project, the last report, the load list."""

from __future__ import annotations

from typing import Any

from ui_kit import press, pump

from game.content.load import load_scenario
from game.engine import events as ev
from game.engine.news import fire_event
from game.ui.screens.news import picked_techs
from game.ui.session import Session

DEFECTOR_PICKS = {"upper_stage", "large_launcher", "multi_crew_capsule", "onboard_computer"}


def test_the_defector_story_names_the_project_its_dice_picked() -> None:
    s = Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 5)
    named: set[str] = set()
    for _ in range(40):  # the draw is random: over many, every one named is one of its options
        out: list[ev.Event] = [ev.ResearchAdvanced("us", "booster", 3, 3)]  # the quarter's own research comes first
        fire_event(s.state, s.state.sides["us"], "defector_arrives", out)
        picks = picked_techs(out, "us")["defector_arrives"]
        assert len(picks) == 1 and picks[0] in DEFECTOR_PICKS
        named |= set(picks)
    assert len(named) > 1
    # the rival's stories name nothing on this side's page
    assert "defector_arrives" not in picked_techs(out, "ussr")


def test_the_report_of_the_last_turn_budgets_no_year_after_the_end(app: Any) -> None:
    from game.ui.screens.resolution import ResolutionScreen

    press(app, "New campaign")
    press(app, "Start")
    pump(app)
    s = app.session
    side = s.humans()[0]
    s.state.turn = s.rules.settings.end  # the last quarter, a year's last: its end opens a year never played
    app.apply(app.end_turn(side))
    assert s.over()
    budgeted = [e for e in s.events_for(side) if isinstance(e, ev.BudgetSet)]
    assert budgeted  # the engine still sets it; the report leaves it out
    report = ResolutionScreen(app, side)
    said = app.tr("log.budget", year=budgeted[0].year, n=budgeted[0].budget)
    assert said not in report.home
