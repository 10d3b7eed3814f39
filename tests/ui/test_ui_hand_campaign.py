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


def test_the_load_list_says_whether_a_game_plays_on_and_who_won(app: Any) -> None:
    from pathlib import Path

    from game.io import SaveInfo

    press(app, "Load game")
    base = dict(path=Path("g.json"), scenario="race_1955", mods=(), sides=("us",), date="1969-Q4", turn=59,
                saved_at="2026-01-01T00:00:00", game_version="1", size=1, turns=(0, 81))  # fmt: skip
    games = {
        "in play": SaveInfo(over=False, winner=None, **base),  # type: ignore[arg-type]
        "won": SaveInfo(over=True, winner="ussr", **base),  # type: ignore[arg-type]
        "drawn": SaveInfo(over=True, winner=None, **base),  # type: ignore[arg-type]
        "plays on": SaveInfo(over=False, winner="us", **base),  # type: ignore[arg-type]
    }
    for lang in ("en", "vi", "ru"):
        app.set_language(lang)
        said = {k: {c[0] for c in app.top.cells(info)} for k, info in games.items()}
        ussr, us = app.top.side_named(games["won"], "ussr"), app.top.side_named(games["won"], "us")
        assert ussr != "ussr" and us != "us"  # by name, not by id
        assert app.tr("saves.in_play") in said["in play"]
        assert app.tr("saves.won", side=ussr) in said["won"]
        assert app.tr("saves.drawn") in said["drawn"]
        assert app.tr("saves.won_plays_on", side=us) in said["plays on"]
        assert (
            len({app.tr(k, side=us) for k in ("saves.in_play", "saves.won", "saves.drawn", "saves.won_plays_on")}) == 4
        )


def test_the_news_says_where_a_story_went_only_when_its_dice_picked(app: Any) -> None:
    """Played by hand in Russian (1963): "(+120 research points for the lander) (This time it went to: Lunar
    lander.)": a story that names its one project said it twice. The note is for stories that draw one at random."""
    from game.ui.screens.registry import new_screen

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 5)))
    s = app.session
    out: list[ev.Event] = []
    for event in ("lander_breakthrough", "defector_arrives"):
        fire_event(s.state, s.state.sides["us"], event, out)
    s.events_for = lambda _side: out  # type: ignore[method-assign]
    screen = new_screen("news", app, "us")
    fixed, drawn = screen.story_text("lander_breakthrough"), screen.story_text("defector_arrives")
    picked = picked_techs(out, "us")
    assert picked["lander_breakthrough"] and app.stext("event.lander_breakthrough.text") == fixed
    assert drawn.endswith(app.tr("news.went_to", techs=screen.tech_name(picked["defector_arrives"][0])))
