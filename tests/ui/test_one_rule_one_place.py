"""One rule, one place: replace one of the engine's formulas and what the missions screen shows, what the
computer player makes of a flight and what the resolution does all change together.

Each case swaps one engine function for a stand-in with an unmistakable answer, then asks the three
consumers in one game (the tiny scenario; red plays, blue is a computer player). A consumer that kept its
own copy of the rule, or bound the function at import, would still give the old figure. The per-layer
tests (tests/ui/test_ui_engine_formulas.py, tests/ai/test_ai_engine_rules.py) go into each in more detail.
"""

from __future__ import annotations

from typing import Any

import pytest
from ui_kit import pump, start_game

import game.engine.crew
import game.engine.odds
from game.ai import value_flight
from game.ai.planner import TEMPERS, Planner
from game.engine import FundResearch, PlanMission, events
from game.engine.rng import Rng
from game.ui.screens.registry import new_screen


def missions_screen(app: Any, mission: str) -> Any:
    app.reset(new_screen("missions", app, "red", mission))
    pump(app)
    return app.top


def fly(app: Any, order: PlanMission) -> list[Any]:
    """Give the order, end red's turn (the computer player gives its orders first); the resolution's events."""
    session = app.session
    assert session.act(order) is None
    assert session.end_turn("red")
    return session.last_events


def test_the_step_chance_is_one_rule_for_the_screen_the_computer_player_and_the_dice(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    monkeypatch.setattr(game.engine.odds, "step_chance", lambda rules, reliability, difficulty, bonus: 80)
    screen = missions_screen(app, "orbiter")
    assert [s.chance for s in screen.odds().steps] == [80, 80]  # the screen
    valued = value_flight(app.session.view("red"), "orbiter")
    assert valued is not None and [s.chance for s in valued.odds.steps] == [80, 80]  # the computer player
    rolled = [e.chance for e in fly(app, screen.action()) if isinstance(e, events.StepRolled) and e.side == "red"]
    assert rolled == [80, 80]  # the dice


def test_an_orders_cost_is_one_rule_for_the_screen_the_computer_player_and_the_cash(
    app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    real = game.engine.odds.order_cost
    monkeypatch.setattr(
        game.engine.odds, "order_cost", lambda rules, a: 7 if isinstance(a, PlanMission) else real(rules, a)
    )
    screen = missions_screen(app, "orbiter")
    drawn.clear()
    app.render()
    assert app.tr("missions.cost", n=7) in " · ".join(drawn)  # the screen
    valued = value_flight(app.session.view("red"), "orbiter")
    assert valued is not None and valued.price >= 7  # the computer player counts the launch at 7
    cash = app.session.state.sides["red"].cash
    assert app.session.act(screen.action()) is None
    assert app.session.state.sides["red"].cash == cash - 7  # what the order takes


def test_a_reliability_points_cost_is_one_rule_for_the_screen_the_computer_player_and_research(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    session = app.session
    rules, rocket = session.rules, session.rules.techs["rocket"]
    view = session.view("red")
    real_price = view.point_price("rocket")
    real_point = Planner(view, TEMPERS["normal"], Rng(0)).point_cost("rocket")
    funding = game.engine.odds.useful_funding(rules, view.me, rocket, view.me.techs["rocket"])
    points = game.engine.odds.research_points(view.me, funding)
    assert game.engine.odds.reliability_gain(rules, rocket, 50, points, 50) > 1  # even at the worst luck
    monkeypatch.setattr(game.engine.odds, "reliability_point_cost", lambda rules, tech: 10**9)
    view = session.view("red")
    assert view.point_price("rocket") > real_price  # the screens' price
    assert Planner(view, TEMPERS["normal"], Rng(0)).point_cost("rocket") > real_point  # the computer player's
    assert session.act(FundResearch("red", "rocket", funding)) is None
    assert session.end_turn("red")
    assert session.state.sides["red"].techs["rocket"].reliability == 50 + 1  # research bought only the least


def test_the_best_crew_is_one_rule_for_the_screen_the_computer_player_and_the_orders(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    monkeypatch.setattr(game.engine.crew, "best_crew", lambda rules, me, mission, busy=frozenset(): ("boris",))
    view = app.session.view("red")
    assert view.best_crew("crewed_orbiter") == ("boris",)
    valued = value_flight(view, "crewed_orbiter")
    assert valued is None or valued.crew == ("boris",)  # the computer player flies whom the engine picks
