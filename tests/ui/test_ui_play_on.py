"""Playing on after a win: chosen on the new-game screen, kept by saves, told on the dashboard and in the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui_kit import choose, press, pump, top_name, watch_drawing

from game.engine import events as ev


def test_the_new_game_screen_offers_to_play_on_and_the_game_keeps_it(app: Any) -> None:
    press(app, "New campaign")
    screen = app.top
    assert not screen.play_on
    end = app.top.sc.ruleset.settings.end
    choose(app, f"Play on to {app.top.sc.ruleset.date_label(end)}")
    assert app.top.play_on
    choose(app, "The game ends at a win")  # and back
    assert not app.top.play_on
    choose(app, f"Play on to {app.top.sc.ruleset.date_label(end)}")
    press(app, "Start")
    pump(app)
    assert top_name(app) == "DashboardScreen"
    assert app.session.play_on and app.session.state.play_on


def _decide(app: Any, winner: str | None) -> None:
    """The result settled this turn, as the engine leaves it when the game plays on."""
    st = app.session.state
    st.decided, st.winner, st.end_reason = st.turn, winner, "moon_first"


def test_a_settled_race_is_told_on_the_dashboard_and_in_the_report(app: Any) -> None:
    from game.ui.log_lines import describe
    from game.ui.session import Session

    press(app, "New campaign")
    choose(app, "Play on to")
    press(app, "Start")
    pump(app)
    _decide(app, "red")
    app.top.rebuild()
    pump(app)
    dash = app.top
    date = app.session.rules.date_label(app.session.rules.settings.end)
    texts = [t for t, _, _ in dash.attention()]
    assert texts[0] == f"{app.side_name('red')} has won the race; play goes on to {date}"
    assert describe(dash, ev.GameWon("red", "moon_first")).endswith(f"The result stands; play goes on to {date}.")
    _decide(app, None)
    dash.rebuild()
    assert dash.attention()[0][0] == f"The race was drawn; play goes on to {date}"
    # Without play-on the same event is the end of the game.
    assert isinstance(app.session, Session)
    app.session.state.phase = "over"
    dash.rebuild()
    assert describe(dash, ev.GameWon("red", "moon_first")) == f"{app.side_name('red')} wins the race!"


def test_a_played_on_game_comes_back_from_its_save_still_playing_on(app: Any, tmp_path: Path) -> None:
    from game.ui.session import Session

    press(app, "New campaign")
    choose(app, "Play on to")
    press(app, "Start")
    pump(app)
    s = app.session
    s.end_turn(s.humans()[0])
    path = tmp_path / "on.json"
    s.save(path)
    again, warnings = Session.load(path)
    assert again.play_on and again.state.play_on
    assert not [w for w in warnings if "stopped replaying" in w]
    assert len(again.log) == len(s.log)


def test_the_end_screen_of_a_played_on_game_gives_the_date_of_the_result(app: Any, monkeypatch: Any) -> None:
    from game.ui.screens.summary import EndScreen

    press(app, "New campaign")
    choose(app, "Play on to")
    press(app, "Start")
    pump(app)
    st, rules = app.session.state, app.session.rules
    settled = st.turn + 3
    st.turn, st.phase, st.decided, st.winner, st.end_reason = rules.settings.end + 1, "over", settled, "red", "moon_first"
    said = watch_drawing(monkeypatch)
    app.push(EndScreen(app))
    app.render()
    line = next(text for text, _ in said if " · " in text)
    assert line.endswith(f" · {rules.date_label(settled - 1)} (play went on to {rules.date_label(rules.settings.end)})")
