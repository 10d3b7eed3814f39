"""Regressions found playing in a real window: each test failed before its fix."""

from __future__ import annotations

from typing import Any

from ui_kit import buttons, find, press, pump, top_name, watch_drawing


def test_the_guided_tour_is_drawn_over_the_dashboard_not_the_new_game_screen(app: Any) -> None:
    """Title → New campaign → Start: the tour's snapshot holds the dashboard alone, none of the new-game buttons."""
    app.settings.tutorial_done = False
    press(app, "New campaign")
    start = find(app, "Start").rect.copy()
    mods = [b.rect.copy() for b in buttons(app) if "(off)" in b.text]
    assert mods
    press(app, "Start")
    pump(app, 3)
    assert top_name(app) == "TutorialScreen"
    backdrop = app.top.backdrop.copy()
    dash = app.top.under
    press(app, "Skip the tour")
    assert app.top is dash
    app.render()
    clean = app.window.copy()
    # the snapshot is the dashboard as it is drawn without the tour: same pixels wherever a new-game button was
    for r in [start, *mods]:
        r = r.clip(clean.get_rect())
        same = sum(backdrop.get_at((x, y)) == clean.get_at((x, y)) for x in range(r.x, r.right, 4) for y in range(r.y, r.bottom, 4))
        total = len(range(r.x, r.right, 4)) * len(range(r.y, r.bottom, 4))
        assert same == total, (r, same, total)
    # and the dashboard's own controls are in it
    end = find(app, "End turn").rect
    assert backdrop.get_at(end.center) == clean.get_at(end.center)


def _fund_many(app: Any) -> list[str]:
    """A race_1955 campaign with every tech that can be funded on the first turn funded."""
    from game.content.load import load_scenario
    from game.engine import FundResearch
    from game.ui.session import Session

    sc = load_scenario("race_1955")
    sides = list(sc.ruleset.side_ids)
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 1)))
    pump(app)
    side = app.top.side
    funded = [t for t in sc.ruleset.techs if app.session.act(FundResearch(side, t, 1)) is None]
    app.top.refresh()
    app.top.rebuild()
    pump(app)
    return funded


def _every_tech_funded(app: Any, monkeypatch: Any) -> list[str]:
    """More research than the column can hold: the view says every tech of the scenario is funded."""
    import dataclasses

    _fund_many(app)
    dash = app.top
    me = dash.view.me
    some = next(ts for ts in me.techs.values() if ts.funding > 0)
    techs = {t: dataclasses.replace(me.techs.get(t, some), funding=1) for t in dash.view.rules.techs}
    real_refresh = type(dash).refresh

    def refresh(self: Any) -> None:
        real_refresh(self)
        object.__setattr__(self.view.me, "techs", techs) if dataclasses.is_dataclass(self.view.me) else None

    monkeypatch.setattr(type(dash), "refresh", refresh)
    dash.rebuild()
    pump(app)
    assert len(dash.view.me.techs) == len(techs)
    return list(techs)


def test_the_dashboard_shows_all_research_under_way(app: Any, monkeypatch: Any) -> None:
    check_research_lines(app, monkeypatch, _fund_many(app))


def test_research_that_does_not_fit_is_counted_and_leads_to_the_research_screen(app: Any, monkeypatch: Any) -> None:
    funded = _every_tech_funded(app, monkeypatch)
    assert app.top.programme()["more"] > 0
    check_research_lines(app, monkeypatch, funded)


def check_research_lines(app: Any, monkeypatch: Any, funded: list[str]) -> None:
    assert len(funded) > 5
    dash = app.top
    drawn = watch_drawing(monkeypatch)
    app.render()
    names = [dash.tech_name(t) for t in funded]
    listed = [n for n in names if any(text.startswith(f"• {n} — ") for text, _ in drawn)]
    more = [b for b in buttons(app) if b.text.startswith("…")]
    if len(listed) < len(funded):  # what does not fit is counted and one click away
        assert len(more) == 1 and str(len(funded) - len(listed)) in more[0].text
        click_more = more[0]
    else:
        click_more = None
    assert len(listed) > 5 or click_more is not None
    # nothing overlaps: the programme's lines are each below the last and inside the panel
    prog = dash.programme()["prog"]
    ys = [pos[1] for text, pos in drawn if prog.collidepoint(pos)]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert max(ys) + dash.programme()["lh"] <= prog.bottom
    if click_more is not None:
        r = click_more.rect
        assert all(not (r.top <= y < r.bottom) for y in ys)
        from ui_kit import click

        click(app, click_more)
        assert top_name(app) == "ResearchScreen"
