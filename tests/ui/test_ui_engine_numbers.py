"""The money, dates and results the screens show are the engine's own: no rule is worked out again in the UI."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_kit import buttons, find, key, press, pump, start_game, top_name

from game.engine import BuyHardware, FundIntelligence, FundResearch

ROOT = Path(__file__).resolve().parents[2]




def frame(app: Any, drawn: list[str]) -> list[str]:
    drawn.clear()
    app.render()
    return list(drawn)


def overspend(app: Any) -> None:
    """Orders beyond red's cash: five boosters leave 10 of 30; the capsule funded past what it can use, and intelligence."""
    s = app.session
    assert s.act(BuyHardware("red", "booster", 5)) is None
    assert s.act(FundResearch("red", "capsule", 40)) is None
    assert s.act(FundResearch("red", "rocket", 12)) is None
    assert s.act(FundIntelligence("red", 6)) is None
    app.top.refresh()
    app.top.rebuild()


def test_budget_shows_what_the_coming_resolution_will_charge(app: Any, drawn: list[str]) -> None:
    start_game(app)
    key(app, pygame.K_b)
    assert top_name(app) == "BudgetScreen"
    v = app.top.view
    texts = frame(app, drawn)
    # the first turn's instalment is known too, not "paid in n parts"
    assert f"+{v.instalment()}" in texts and v.instalment() > 0
    overspend(app)
    v = app.top.view
    planned = v.planned_spending()
    assert 0 < planned.total <= v.me.cash < planned.ordered
    texts = frame(app, drawn)
    research = sum(m for _, m in planned.research)
    ordered = sum(ts.funding for ts in v.me.techs.values())
    assert app.tr("budget.ordered_spent", n=ordered, spent=research) in texts
    assert app.tr("budget.ordered_spent", n=6, spent=planned.intelligence) in texts
    assert str(v.me.cash - planned.total) in texts  # left after the orders: never below nothing
    assert any(t.startswith(app.tr("budget.note_cut", need=0, cash=0).split("(")[0]) for t in texts)
    # each line at what will really be spent of it
    spent = dict(planned.research)
    assert any(t.startswith("Capsule: " + app.tr("budget.buys_line_cut", tech="", n=40, spent=spent["capsule"], what="")[2:])
               for t in texts), texts


def test_what_resolution_charges_is_what_the_budget_said(app: Any) -> None:
    start_game(app)
    overspend(app)
    planned = app.top.view.planned_spending()
    cash = app.top.view.me.cash
    app.session.end_turn("red")
    paid = app.session.view("red").instalment()
    events = app.session.events_for("red")
    charged = sum(e.spent for e in events if type(e).__name__ == "ResearchAdvanced" and e.side == "red")
    assert charged == sum(m for _, m in planned.research)
    assert app.session.view("red").me.cash == cash - planned.total + paid  # nothing flew, nothing happened


def test_the_dashboard_warns_of_a_cut_only_when_cash_is_short(app: Any) -> None:
    start_game(app)
    dash = app.top

    def warned() -> list[str]:
        return [t for t, level, _ in dash.attention() if level == "bad"]

    assert not warned()
    assert app.session.act(FundResearch("red", "capsule", 40)) is None  # more than it can use, but cash covers the rest
    dash.refresh()
    planned = dash.view.planned_spending()
    if planned.needed <= dash.view.me.cash:
        assert not warned()  # funding past the cap is not spent: no cut, no warning
    overspend(app)
    planned = dash.view.planned_spending()
    assert planned.needed > dash.view.me.cash >= planned.total
    assert warned() == [app.tr("attn.overspent", need=planned.needed, cash=dash.view.me.cash)]


def test_research_screen_says_what_will_be_spent(app: Any, drawn: list[str]) -> None:
    start_game(app)
    key(app, pygame.K_r)
    overspend(app)
    v = app.top.view
    planned = v.planned_spending()
    ordered = sum(ts.funding for ts in v.me.techs.values())
    texts = frame(app, drawn)
    assert app.tr("research.ordered_spent", n=ordered, spent=sum(m for _, m in planned.research), cash=v.me.cash) in texts


def test_the_ticker_and_the_newspaper_give_news_the_same_date(app: Any, drawn: list[str]) -> None:
    start_game(app)
    for _ in range(2):  # the windfall comes in the resolution of the second quarter
        app.session.end_turn("red")
    from game.ui.screens.dashboard import DashboardScreen
    from game.ui.screens.news import NewsScreen

    app.session.mark_seen("red")
    app.reset(DashboardScreen(app, "red"))
    pump(app)
    dash = app.top
    rules = dash.view.rules
    label = rules.date_label(dash.news_turn)
    assert dash.news_turn == dash.view.turn - 1
    windfall = [h for h in dash.headlines() if app.stext("event.windfall.title") in h]
    assert windfall and all(h.startswith(label) for h in windfall)
    app.reset(NewsScreen(app, "red"))
    pump(app)
    texts = frame(app, drawn)
    assert app.tr("news.dateline", date=label) in texts
    assert app.stext("event.windfall.title") in texts


def test_the_end_screen_needs_only_a_view(app: Any, drawn: list[str]) -> None:
    from game.ui.screens.summary import EndScreen

    start_game(app)
    s = app.session
    while not s.over():
        s.end_turn("red")
    view = s.view("red")
    assert view.over and view.end_reason

    class OnlyTheScenario:
        """The session with its game hidden: names and texts still come from the scenario."""

        scenario = s.scenario
        demo = False

        def over(self) -> bool:
            return True

        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"the end screen asked the session for {name}")

    app.session = OnlyTheScenario()
    app.reset(EndScreen(app, view))
    texts = frame(app, drawn)
    winner = app.side_name(view.winner) if view.winner else None
    assert (app.tr("end.winner", side=winner) if winner else app.tr("end.draw")) in texts
    assert any(t.endswith(view.rules.date_label(view.turn - 1)) for t in texts)  # when it ended
    assert any(app.tr("end.prestige", p=r.prestige) in texts for r in view.rivals)


@pytest.fixture
def many_mods(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Eight more mods than the campaign ships, in the user's mods folder."""
    names = []
    for i in range(8):
        folder = tmp_path / "mods" / f"extra_{i}"
        shutil.copytree(ROOT / "scenarios" / "korolev_lives", folder)
        manifest = folder / "manifest.yaml"
        text = manifest.read_text(encoding="utf-8").replace("id: korolev_lives", f"id: extra_{i}")
        text = text.replace('en: "Korolev Lives"', f'en: "Extra mod {i}"')
        manifest.write_text(text, encoding="utf-8")
        names.append(f"Extra mod {i}")
    monkeypatch.setenv("SPACERACE_MODS", str(tmp_path / "mods"))
    return names


def test_the_new_game_screen_reaches_every_mod(app: Any, many_mods: list[str]) -> None:
    press(app, "New campaign")
    screen = app.top
    assert len(screen.mods_all) >= 10
    seen: set[str] = set()
    for _ in range(len(screen.mods_all)):
        seen |= {b.text for b in buttons(app)}
        if not find(app, app.tr("new.mods_down")).is_enabled:
            break
        key(app, pygame.K_PAGEDOWN)
    names = [app.tr("new.mod_off", name=n) for n in many_mods]
    assert all(n in seen for n in names), sorted(seen)
    # the rows below the mods stay where they are, whatever the number of mods
    assert screen.rows()["mods"] + screen.row * screen.MOD_ROWS == min(screen.rows()[k] for k in screen.rows() if k.startswith("side:"))
    press(app, app.tr("new.mods_up"))
    assert screen.mod_first == screen.mod_scroll_max() - 1
    # a mod switched on while scrolled stays on, and the list keeps its place
    first = screen.mod_first
    press(app, many_mods[-3])
    assert screen.mod_first == first

