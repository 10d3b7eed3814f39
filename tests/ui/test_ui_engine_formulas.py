"""The screens ask the engine for every number: replace one of its formulas and the missions screen follows.

Each test swaps one engine function for a stand-in with an unmistakable answer, then reads what the missions
(or hardware) screen shows. A screen that worked the number out itself, or kept a copy of the function bound
at import, would still show the old figure.
"""

from __future__ import annotations

from typing import Any

import pytest
from ui_kit import pump, start_game

import game.engine.crew
import game.engine.odds
from game.engine import BuyHardware, PlanMission, RecruitCrew, Rejection, RejectionCode
from game.ui.screens.registry import new_screen


def missions(app: Any, mission: str = "orbiter") -> Any:
    """A fresh missions screen on `mission`, built and drawn once."""
    app.reset(new_screen("missions", app, "red", mission))
    pump(app)
    return app.top


def frame(app: Any, drawn: list[str]) -> list[str]:
    drawn.clear()
    app.render()
    return list(drawn)


def test_the_odds_panel_shows_the_engines_step_chance(
    app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    before = missions(app).odds()
    assert [so.chance for so in before.steps] == [
        50,
        45,
    ]  # the tiny scenario's rocket at 50, less each step's difficulty
    asked: list[tuple[int, int, int]] = []

    def chance(rules: Any, reliability: int, difficulty: int, bonus: int) -> int:
        asked.append((reliability, difficulty, bonus))
        return 80

    monkeypatch.setattr(game.engine.odds, "step_chance", chance)
    screen = missions(app)
    odds = screen.odds()
    assert [so.chance for so in odds.steps] == [80, 80]
    assert asked[-2:] == [(50, 0, 0), (50, 5, 0)]  # the step's own reliability and difficulty are what it is asked
    assert odds.success == 640  # the chances multiply: 80 % × 80 %
    texts = frame(app, drawn)
    assert "64.0%" in texts and texts.count("80%") == 2
    assert "22.5%" not in texts  # what the real rule gives: 50 % × 45 %


def test_the_cost_shown_is_the_engines_order_cost(app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    start_game(app)
    missions(app)
    assert app.tr("missions.cost", n=1) in " · ".join(frame(app, drawn))  # the orbiter's cost in the tiny scenario
    priced: list[Any] = []

    def cost(rules: Any, action: Any) -> int:
        priced.append(action)
        return 917

    monkeypatch.setattr(game.engine.odds, "order_cost", cost)
    screen = missions(app)
    texts = " · ".join(frame(app, drawn))
    assert app.tr("missions.cost", n=917) in texts
    assert screen.action() in priced  # the very order the button would give is what is priced
    # the hardware screen's prices too: each unit, and the tips of Buy 1 / Buy 5 and Recruit
    app.reset(new_screen("fleet", app, "red"))
    pump(app)
    texts = frame(app, drawn)
    assert (
        texts.count("917") == 3 and "4" not in texts
    )  # a price on each of the three rows; the booster's unit_cost is 4
    assert BuyHardware("red", "booster", 5) in priced and RecruitCrew("red", "anna") in priced


def test_the_weakest_step_hint_gives_the_engines_point_price(
    app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    start_game(app)
    screen = missions(app)
    real = screen.view.point_price("rocket")  # the launch, the riskiest step, rests on the rocket
    assert any(app.tr("odds.point_price", n=real) in t for t in frame(app, drawn))
    monkeypatch.setattr(game.engine.odds, "reliability_point_price", lambda rules, tech, rate: 4321)
    missions(app)
    texts = frame(app, drawn)
    assert any(app.tr("odds.point_price", n=4321) in t for t in texts), texts
    assert not any(app.tr("odds.point_price", n=real) in t for t in texts)


def ready_crew(app: Any) -> None:
    """Anna and Boris recruited and trained (the tiny scenario trains in one turn), so red can fly a crew."""
    s = app.session
    for c in ("anna", "boris"):
        assert s.act(RecruitCrew("red", c)) is None
    s.end_turn("red")
    s.mark_seen("red")
    assert s.view("red").crew_ready("anna") and s.view("red").crew_ready("boris")


def test_the_crew_picked_is_the_engines_best_crew(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    start_game(app)
    ready_crew(app)
    real = missions(app, "crewed_orbiter")
    assert real.crew == ["anna"]  # the better pilot
    real_odds = real.odds()
    picks: list[str] = []

    def pick(rules: Any, me: Any, mission: Any, busy: Any = frozenset()) -> tuple[str, ...]:
        picks.append(mission.id)
        return ("boris",)

    monkeypatch.setattr(game.engine.crew, "best_crew", pick)
    screen = missions(app, "crewed_orbiter")
    assert screen.crew == ["boris"] and "crewed_orbiter" in picks
    assert screen.action().crew == ("boris",)
    # the piloted steps' crew bonus is Boris's (pilot 50: none), not Anna's (60: +2)
    assert [so.crew_bonus for so in real_odds.steps] == [0, 0, 2, 2]
    assert [so.crew_bonus for so in screen.odds().steps] == [0, 0, 0, 0]
    screen.crew = ["anna"]
    screen.best_crew()  # the "Best crew" button asks the engine again
    assert app.top.crew == ["boris"]


def test_a_refusal_is_worded_from_the_engines_figures(app: Any) -> None:
    """explain() fills the wording with the rejection's own figures, never ones it works out again."""
    start_game(app)
    screen = missions(app)
    plan = screen.action()
    cash = Rejection(RejectionCode.INSUFFICIENT_FUNDS, "no", needed=4444, have=33)
    assert screen.explain(cash, plan) == app.tr("why.cash", cost=4444, cash=33)
    assert screen.explain(Rejection(RejectionCode.TOO_MANY_MISSIONS, "no", 7, 7), plan) == app.tr("why.too_many", n=7)
    crew = PlanMission("red", "crewed_orbiter", (("launcher", "booster"), ("capsule", "pod")), ())
    size = Rejection(RejectionCode.BAD_CREW, "no", needed=3, have=0)
    assert screen.explain(size, crew) == app.tr("why.crew_size", n=3)
    trait = Rejection(RejectionCode.BAD_CREW, "no", subject="female")
    assert screen.explain(trait, crew) == app.tr("why.crew_trait", what=screen.term("trait", "female"))
    missing = Rejection(RejectionCode.MISSING_HARDWARE, "no", 1, 0, subject="booster")
    assert screen.explain(missing, plan) == app.tr("why.no_hardware", what="Booster")
    locked = Rejection(RejectionCode.MISSING_HARDWARE, "no", 1, 0, subject="pod")  # the capsule is not researched
    assert screen.explain(locked, crew) == app.tr("why.hardware_locked", hw="Pod", tech="Capsule")
    later = Rejection(RejectionCode.CREW_UNAVAILABLE, "no", needed=screen.view.turn + 9, have=screen.view.turn)
    date = screen.view.rules.date_label(screen.view.turn + 9)
    assert screen.explain(later, RecruitCrew("red", "anna")) == app.tr("tip.fleet.not_yet", date=date)
    # a code with no wording of its own keeps the engine's message
    assert screen.explain(Rejection(RejectionCode.BAD_AMOUNT, "storage is full"), plan) == "storage is full"
