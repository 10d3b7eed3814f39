"""Every screen, at both window sizes, every text size and in every language: no text cut, none off the window,
none over another text or under a control, no two controls on each other.

The default campaign from 1961 a few quarters in (launches flown, news, firsts, saves on disk), so the lists are full.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textfit import measuring
from ui_kit import pump, start_game

from game.ui.settings import LANGUAGES

SIZES = ((1280, 720), (1920, 1080))
SCALES = (100, 125, 150)
PLANNING = ("dashboard", "budget", "research", "fleet", "missions", "facilities", "news", "rival", "stats")


def _campaign(app: Any) -> str:
    """The default campaign from 1961 a year in for the first side, played by a person against the computer, with research
    funded, hardware bought, a launch flown each quarter it can be, and the game saved."""
    from game.content.load import load_scenario
    from game.engine import BuyHardware, FundResearch
    from game.ui.session import Session

    sc = load_scenario("race_1955", ["kennedy_1961"])  # 1961: hardware to buy, missions to fly, crews to pick
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 3)))
    me = sides[0]
    session = app.session
    for _ in range(5):
        view = session.view(me)
        for tech in list(view.rules.techs)[:4]:
            session.act(FundResearch(me, tech, 2))
        for hw in view.rules.hardware:
            if view.hardware_unlocked(hw):
                session.act(BuyHardware(me, hw, 1))
        view = session.view(me)
        plan = next((p for m in sorted(view.available_missions) if (p := view.suggest_plan(m)) is not None), None)
        if plan is not None:
            session.act(plan)
        session.end_turn(me)
    view = session.view(me)
    for hw in view.rules.hardware:  # hardware to undo, and a launch booked on some of it (its store shows it)
        if view.hardware_unlocked(hw):
            session.act(BuyHardware(me, hw, 1))
    view = session.view(me)
    booked = next(p for m in sorted(view.available_missions) if (p := view.suggest_plan(m)) is not None)
    assert session.act(booked) is None
    app.autosave()
    return me


def _screens(app: Any, side: str) -> list[tuple[str, Any]]:
    """(name, a fresh screen) for every screen a player can reach."""
    from game.ui.screens.registry import new_screen

    out: list[tuple[str, Any]] = [
        ("title", lambda: new_screen("title", app)),
        ("newgame", lambda: new_screen("newgame", app, hotseat=False)),
        ("newgame hot-seat", lambda: new_screen("newgame", app, hotseat=True)),
        ("newgame 1955", lambda: _newgame_1955(app)),
        ("packages", lambda: new_screen("packages", app)),
        ("settings", lambda: new_screen("settings", app)),
        ("save", lambda: new_screen("saveload", app, "save")),
        ("load", lambda: new_screen("saveload", app, "load")),
        ("handoff", lambda: new_screen("handoff", app, side)),
    ]
    out += [(name, lambda n=name: new_screen(n, app, side)) for name in PLANNING]

    def crews() -> Any:  # the fleet's second table (shown alone when the window is narrow for the text size)
        app.memory[("fleet_tab", side)] = "crews"
        return new_screen("fleet", app, side)

    out.append(("fleet crews", crews))

    def report() -> Any:  # the last quarter's launches, the show skipped to its end
        screen = new_screen("resolution", app, side)
        screen.skip()
        return screen

    def demo() -> Any:  # `--demo`: the same report with the computer playing every side
        screen = new_screen("demo", app)
        screen.skip()
        return screen

    out += [("resolution", report), ("demo", demo), ("end", lambda: new_screen("end", app))]
    out += [("moon landing", lambda: new_screen("missions", app, side, "crewed_lunar_landing"))]

    def moon_scrolled() -> Any:  # its hardware and crew scrolled to their foot (they scroll where they do not fit)
        screen = new_screen("missions", app, side, "crewed_lunar_landing")
        screen.body_offset = 10**6
        return screen

    out.append(("moon landing scrolled", moon_scrolled))
    return out


def _newgame_1955(app: Any) -> Any:
    """The new-game screen on the default campaign (its victory modes listed), with mods chosen."""
    from game.ui.screens.registry import new_screen

    launch = dict(app.launch)
    app.launch["scenario"] = "race_1955"
    app.settings.mods = ["kennedy_1961", "europe"]
    try:
        return new_screen("newgame", app, hotseat=False)
    finally:
        app.launch.clear()
        app.launch.update(launch)
        app.settings.mods = []


def _overlays(app: Any) -> list[tuple[str, Any]]:
    from game.ui.screens.registry import new_screen

    return [
        ("help", lambda: new_screen("help", app)),
        ("confirm", lambda: new_screen("confirm", app, app.tr("confirm.quit"), lambda: None)),
        ("tutorial", lambda: new_screen("tutorial", app, app.top)),
        ("list", lambda: new_screen("list", app, app.tr("stats.timeline"), "<br>".join(["1961-Q2 a first"] * 40))),
        ("computer failed", lambda: new_screen("computer_failed", app, _seat_failed(app), lambda: None, "/tmp/x.json")),
    ]


def _seat_failed(app: Any) -> Any:
    from game.io.controller import SeatFailed

    side = app.session.rules.side_ids[1]
    return SeatFailed(side, "ai:normal", 3, "1961-Q3", RuntimeError("the planner ran out of ideas"))


def test_the_text_fit_test_visits_every_screen_there_is(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A screen added to the game is measured too: every registered screen is among those the test opens."""
    from unittest.mock import MagicMock

    import game.ui.screens.registry as registry
    from game.ui.screens.registry import names

    start_game(app)
    seen: set[str] = set()

    def record(name: str, *args: Any, **kwargs: Any) -> Any:
        seen.add(name)
        return MagicMock()

    monkeypatch.setattr(registry, "new_screen", record)
    for _, make in _screens(app, app.session.rules.side_ids[0]) + _overlays(app):
        make()
    assert set(names()) <= seen, f"not measured: {sorted(set(names()) - seen)}"


def _open(app: Any, size: tuple[int, int], scale: int, lang: str) -> None:
    app.settings.size = size
    app.settings.scale = scale
    app.apply_display()
    app.set_language(lang)


def _measure(app: Any, monkeypatch: Any) -> list[str]:
    pump(app, 1)
    with measuring(monkeypatch) as m:
        app.render()
    return m.problems(app)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_text_fits_its_box(
    app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: tuple[int, int], scale: int, lang: str
) -> None:
    _open(app, size, scale, lang)
    assert app.size == size
    from game.ui.screens.registry import new_screen

    side = _campaign(app)
    found: list[str] = []
    for name, make in _screens(app, side):
        app.reset(make())
        found += [f"{name}: {p}" for p in _measure(app, monkeypatch)]
    app.reset(new_screen("dashboard", app, side))  # under the overlays
    for name, make in _overlays(app):
        app.push(make())
        found += [f"{name}: {p}" for p in _measure(app, monkeypatch)]
        app.pop()
    # and a game's first quarter, before anyone holds a first ("no firsts yet" once ran past its panel)
    from game.content.load import load_scenario
    from game.ui.session import Session

    sc = load_scenario("race_1955")
    first = sc.ruleset.side_ids[0]
    app.apply(app.start_session(Session.new(sc, {first: "human", sc.ruleset.side_ids[1]: "ai:normal"}, 3)))
    app.reset(new_screen("dashboard", app, first))
    found += [f"dashboard, first quarter: {p}" for p in _measure(app, monkeypatch)]
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)


def test_a_window_size_fits_the_desktop_and_never_goes_below_the_smallest() -> None:
    from game.ui.app import MIN_SIZE, window_size

    assert window_size((1920, 1080), (1920, 1080)) == (1920, 1080)
    assert window_size((1920, 1080), (1600, 900)) == (1600, 900)
    assert window_size((1920, 1080), None) == (1920, 1080)
    assert window_size((800, 600), (1920, 1080)) == MIN_SIZE
    assert window_size((1920, 1080), (1024, 768)) == (1920, 1080)  # a pretend desktop too small for the game


def _every_attention_item(app: Any, side: str) -> list[tuple[str, str, str]]:
    """Every item the dashboard's attention list can show, each with the longest names and numbers the default
    campaign can put in it (the longest tech, side and event title in the current language)."""
    from string import Formatter

    from game.ui import i18n

    rules = app.session.rules
    longest = {
        "tech": max((app.stext(f"tech.{t}.name") for t in rules.techs), key=len),
        "side": max((app.side_name(s) for s in rules.side_ids), key=len),
        "title": max((app.stext(f"event.{e}.title") for e in rules.events), key=len),
        "names": ", ".join(sorted((app.crew_name(c).split()[-1] for c in rules.crews), key=len)[-3:]),
        "date": rules.date_label(rules.settings.end),
        "need": 99999,
        "cash": 99999,
        "odds": 100,
    }
    keys = sorted({k.rsplit(".", 1)[0] if k.count(".") > 1 else k for k in i18n.table("en") if k.startswith("attn.")})
    out = []
    for key in keys:
        names = {f for _, f, _, _ in Formatter().parse(i18n.lookup("en", key, 5) or "") if f}
        for n in (1, 2, 5, 21) if "n" in names else (None,):
            values = {k: v for k, v in longest.items() if k in names} | ({"n": n} if n is not None else {})
            out.append((app.tr(key, **values), "info", "dashboard"))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_attention_item_reads_whole_at_the_smallest_text_size(
    app: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], lang: str
) -> None:
    """The dashboard cuts an attention item that does not fit its button (the whole text is then only in the tooltip):
    at 100 % text no item of any language does, with the longest tech, side and title the default campaign has."""

    from game.content.load import load_scenario
    from game.ui.session import Session

    _open(app, size, 100, lang)
    sc = load_scenario("race_1955")
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 3)))
    items = _every_attention_item(app, sides[0])
    assert len(items) > 14
    cut = _cut_on_dashboard(app, monkeypatch, sides[0], items)
    assert not cut, "cut on the dashboard: " + "; ".join(cut)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_techs_ceiling_item_reads_whole(app: Any, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Played by hand (1958): "Transistor electronics cannot improve further: stop its fundi…" was cut at 1280×720,
    though the longest name fits: the type was chosen for 2 px more room than the cut then left."""

    from game.content.load import load_scenario
    from game.ui.session import Session

    _open(app, (1280, 720), 100, lang)
    sc = load_scenario("race_1955")
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 3)))
    items = [
        (app.tr("attn.at_ceiling", tech=app.stext(f"tech.{t}.name")), "warn", "dashboard") for t in sc.ruleset.techs
    ]
    cut = _cut_on_dashboard(app, monkeypatch, sides[0], items)
    assert not cut, "cut on the dashboard: " + "; ".join(cut)


def _cut_on_dashboard(app: Any, monkeypatch: pytest.MonkeyPatch, side: str, items: list[Any]) -> list[str]:
    """The attention items whose text the dashboard does not show whole, shown nine at a time as it shows them."""
    import pygame_gui

    from game.ui.screens.dashboard import DashboardScreen
    from game.ui.screens.registry import new_screen

    cut: list[str] = []
    for first in range(0, len(items), 9):
        shown = items[first : first + 9]
        monkeypatch.setattr(DashboardScreen, "attention", lambda self, shown=shown: shown)
        app.reset(new_screen("dashboard", app, side))
        pump(app, 1)
        labels = {w.text for w in app.top.widgets if isinstance(w, pygame_gui.elements.UIButton)}
        cut += [text for text, _, _ in shown if text not in labels]
    return cut


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_failed_computer_players_buttons_stand_inside_its_box(
    app: Any, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """In Russian at 150 % text "Продолжить: средний" was cut; widened for it, the four buttons ran past the box."""
    import pygame_gui

    from game.ui.screens.registry import new_screen

    _open(app, (1280, 720), 150, lang)
    start_game(app)
    app.push(new_screen("computer_failed", app, _seat_failed(app), lambda: None, "autosave.json"))
    pump(app, 1)
    box = app.top.box()
    shown = [w for w in app.top.widgets if isinstance(w, pygame_gui.elements.UIButton)]
    assert len(shown) == 4 and all(box.contains(w.rect) for w in shown), [tuple(w.rect) for w in shown]
    assert not _measure(app, monkeypatch)


def _choice_events(app: Any, rules: Any) -> list[str]:
    """The default campaign's decisions whose choices run longest in the current language: the three with the
    longest choice, the two with the most text in all, and every one that can grey a choice (its reason is added)."""
    asks = [e for e in rules.events.values() if e.choices]

    def texts(e: Any) -> list[int]:
        return [len(app.stext(f"event.{e.id}.choice.{c.id}")) for c in e.choices]

    longest = sorted(asks, key=lambda e: max(texts(e)), reverse=True)[:3]
    most = sorted(asks, key=lambda e: sum(texts(e)), reverse=True)[:2]
    greyed = [e for e in asks if any(c.when is not None for c in e.choices)]
    return list(dict.fromkeys(e.id for e in longest + most + greyed))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("size", "scale"),
    [((1280, 720), 100), ((1280, 720), 150), ((1920, 1080), 150)],
    ids=["1280x720-100", "1280x720-150", "1920x1080-150"],
)
def test_every_choice_of_a_decision_reads_whole_on_the_news(
    app: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], scale: int, lang: str
) -> None:
    """Played at 1280×720, 150 % text, in Russian: "1. Испытывать ракету целиком (+100 очков исследований для
    «Лунной ракеты»; один из первых полёт" and the rest of the choice was lost at its button's edge. Each choice
    of the longest decisions shows whole (its name on its button, what it does and needs on the page), and the
    story above it too."""
    import pygame_gui

    from game.content.load import load_scenario
    from game.engine.state import Decision
    from game.ui.screens.news import choice_parts
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    _open(app, size, scale, lang)
    sc = load_scenario("race_1955")
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 3)))
    pending = app.session.record.state.sides[sides[0]].decisions
    events = _choice_events(app, sc.ruleset)
    assert "all_up_testing" in events and len(events) >= 5
    found: list[str] = []
    for event_id in events:
        event = sc.ruleset.events[event_id]
        pending[:] = [Decision(99, event_id, tuple(c.id for c in event.choices))]
        app.reset(new_screen("news", app, sides[0]))
        pump(app, 1)
        with measuring(monkeypatch) as m:
            app.render()
        found += [f"{event_id}: {p}" for p in m.problems(app)]
        labels = [w.text for w in app.top.widgets if isinstance(w, pygame_gui.elements.UIButton)]
        drawn = " ".join(d.text for d in m.texts)
        for i, choice in enumerate(event.choices):
            name, says = choice_parts(app.stext(f"event.{event_id}.choice.{choice.id}"))
            if f"{i + 1}. {name}" not in labels or says not in drawn:
                found.append(f"{event_id}: choice {choice.id} not shown whole")
    pending.clear()
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)
