"""A whole short campaign played through the window, single-player and hot-seat, to the end screen."""

from __future__ import annotations

from typing import Any

import pygame
from ui_kit import key, press, pump, top_name


def play_to_the_end(app: Any, limit: int = 400) -> list[str]:
    """Play as a person would with the keyboard: plan what the dashboard suggests, end turns, read reports."""
    seen: list[str] = []
    for _ in range(limit):
        name = top_name(app)
        seen.append(name)
        if name == "EndScreen":
            return seen
        if name == "HandoffScreen":
            # the hand-off shows no side's numbers: nothing from either side's state is on screen
            assert not any("Cash" in getattr(w, "text", "") for w in app.top.widgets)
            key(app, pygame.K_RETURN)
        elif name == "TutorialScreen":  # each hot-seat player's tour, on their first quarter: closed at once
            key(app, pygame.K_ESCAPE)
        elif name == "ResolutionScreen":
            key(app, pygame.K_SPACE if not app.top.done else pygame.K_RETURN)
        elif name == "NewsScreen" and app.session.view(app.top.side).decisions:
            key(app, pygame.K_1)
        elif name in ("DashboardScreen", "NewsScreen"):
            side = app.top.side
            view = app.session.view(side)
            if not any(ts.funding for ts in view.me.techs.values()):
                key(app, pygame.K_r)
                key(app, pygame.K_f)  # fund the selected tech fully
            if view.available_missions and not view.me.plan:
                key(app, pygame.K_m)
                key(app, pygame.K_p)  # plan the suggested launch (refused politely if it cannot fly)
            key(app, pygame.K_e)
        else:
            raise AssertionError(f"unexpected screen {name} after {seen[-8:]}")
    raise AssertionError(f"the campaign did not end: {seen[-10:]}")


def test_single_player_campaign_reaches_the_end_screen(app: Any) -> None:
    press(app, "New campaign")
    press(app, "Start")
    seen = play_to_the_end(app)
    assert "ResolutionScreen" in seen and "HandoffScreen" not in seen
    assert app.session.over()
    assert app.session.state.winner in (None, "red", "blue")
    press(app, "Back to the menu")
    assert top_name(app) == "TitleScreen" and app.session is None


def test_hotseat_campaign_hands_off_between_sides(app: Any) -> None:
    press(app, "Hot-seat match")
    press(app, "Start")
    seen = play_to_the_end(app)
    assert seen.count("HandoffScreen") >= 2 * (app.session.state.turn - app.session.rules.settings.start) - 2
    assert app.session.over()


def test_each_side_sees_only_its_own_private_news(app: Any) -> None:
    from ui_kit import start_game

    start_game(app, {"red": "human", "blue": "human"})
    for side in ("red", "blue"):
        app.apply(app.end_turn(side))
        pump(app)
    s = app.session
    for side in ("red", "blue"):
        other = "blue" if side == "red" else "red"
        private = [e for e in s.events_for(side) if type(e).__name__ in ("ResearchAdvanced", "InstalmentPaid", "IntelReported")]
        assert all(e.side == side for e in private)
        assert not any(getattr(e, "side", None) == other and type(e).__name__ == "InstalmentPaid" for e in s.events_for(side))


def test_loading_a_finished_game_shows_the_end(app: Any, tmp_path: Any) -> None:
    from ui_kit import start_game

    from game.ui.session import Session

    start_game(app, {"red": "ai:easy", "blue": "ai:hard"})
    assert app.session.demo
    while not app.session.over():
        app.session.run_computers()
    path = tmp_path / "done.json"
    app.session.save(path)
    session, warnings = Session.load(path)
    assert all("stopped replaying" not in w for w in warnings)  # the fixture is not installed: game.io says so
    assert session.over() and session.state.turn == app.session.state.turn
    assert session.log == app.session.log
