"""The facilities screen: reached from the budget, each facility's cost and bonus, and Build gives the order."""

from __future__ import annotations

from typing import Any

import pygame
from ui_kit import find, key, press, pump, top_name


def _campaign(app: Any) -> None:
    from game.content.load import load_scenario
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 5)))
    pump(app)
    me = app.session.state.sides["us"]
    me.techs["satellite"].done, me.techs["satellite"].reliability = True, 60
    me.cash = 100


def test_build_from_the_budget_screen_and_take_it_back(app: Any, drawn: list[str]) -> None:
    _campaign(app)
    key(app, pygame.K_b)
    press(app, "Facilities")
    assert top_name(app) == "FacilitiesScreen"
    pump(app)
    assert any("Costs 30" in t for t in drawn)  # tracking stations, from the engine's order_cost
    assert any("Costs 70; needs" in t for t in drawn)  # mission control: the two-seat craft first
    press(app, "Build")  # the first enabled one: tracking stations (the others need techs or cash)
    me = app.session.state.sides["us"]
    assert "tracking_stations" in me.facilities and me.cash == 70
    assert not find(app, "Built").is_enabled
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    me = app.session.state.sides["us"]
    assert me.facilities == {} and me.cash == 100


def test_the_tour_shows_the_budget(app: Any) -> None:
    from game.ui.screens.overlays import TutorialScreen

    assert "budget" in TutorialScreen.STEPS
    assert app.tr.has("tutorial.budget.text")


def test_facilities_that_do_not_fit_one_screen_are_paged_not_dropped(app: Any, drawn: list[str]) -> None:
    from game.ui.screens.registry import new_screen

    _campaign(app)
    app.settings.scale = 150
    app.apply_display()
    app.reset(new_screen("facilities", app, "us"))
    pump(app)
    screen = app.top
    pages = screen.pages()
    assert len(pages) > 1  # 1280x720 at 150 %: the descriptions take the room of a whole row each
    shown: list[str] = []
    for i in range(len(pages)):
        shown += [fid for fid, _ in app.top.rows()]
        if i < len(pages) - 1:
            press(app, app.tr("list.next"))
            pump(app)
    assert shown == list(app.session.state.rules.facilities)  # every facility on some page, once, in order
    assert not find(app, app.tr("list.next")).is_enabled
