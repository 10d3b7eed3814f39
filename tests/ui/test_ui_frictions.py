"""Frictions a new player met, each held: the news strip's age, undoing an order, where attention items lead."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from ui_kit import buttons, pump


def _kennedy(app: Any, seed: int = 3) -> str:
    from game.content.load import load_scenario
    from game.ui.session import Session

    sc = load_scenario("race_1955", ["kennedy_1961"])
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, seed)))
    pump(app)
    return sides[0]


def _fly_something(app: Any, side: str) -> bool:
    from game.engine import BuyHardware

    session = app.session
    view = session.view(side)
    for hw in view.rules.hardware:
        if view.hardware_unlocked(hw):
            session.act(BuyHardware(side, hw, 1))
    view = session.view(side)
    plan = next((p for m in sorted(view.available_missions) if (p := view.suggest_plan(m)) is not None), None)
    if plan is not None:
        assert session.act(plan) is None
    return plan is not None


def test_the_news_strip_shows_only_the_quarter_just_resolved(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    assert _fly_something(app, side)
    app.session.end_turn(side)
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    view = app.top.view
    this_quarter = view.rules.date_label(app.top.news_turn)
    assert all(line.startswith(this_quarter) for line in app.top.headlines())
    assert any(line.startswith(this_quarter) for line in app.top.headlines()), "the launch made no headline"
    for _ in range(4):  # a year with nothing flown: last year's launch is no longer on the strip
        app.session.end_turn(side)
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    lines = app.top.headlines()
    old = view.rules.date_label(view.turn - 1)
    assert not any(line.startswith(old) for line in lines), lines


def test_buy_5_can_be_undone_from_the_fleet_and_with_ctrl_z_anywhere(app: Any) -> None:
    import pygame
    from ui_kit import click, find, key

    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("fleet", app, side))
    pump(app, 1)
    me = app.top.view.me
    cash, store = me.cash, dict(me.hardware)
    buy5 = next(b for b in app.top.widgets if getattr(b, "text", "") == "Buy 5" and b.is_enabled)
    click(app, buy5)
    assert app.top.view.me.cash < cash
    click(app, find(app, "Undo"))
    assert app.top.view.me.cash == cash and dict(app.top.view.me.hardware) == store
    assert "returned" in app.status
    click(app, next(b for b in app.top.widgets if getattr(b, "text", "") == "Buy 1" and b.is_enabled))
    app.reset(new_screen("dashboard", app, side))  # Ctrl+Z works on any planning screen
    pump(app, 1)
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert app.top.view.me.cash == cash and not app.top.view.me.bought
    assert not any("Undo" in getattr(b, "text", "") for b in app.top.widgets)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_undo_of_a_recruit_stands_under_the_crews(app: Any, size: tuple[int, int]) -> None:
    """Played by hand (1959): after recruiting, "Undo Wally Schirra (+2)" sat at the foot of the hardware table, in the
    other half of the screen. A recruit's undo stands under the crews, a purchase of hardware's under the hardware."""
    from ui_kit import click, find

    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.settings.size = size
    app.apply_display()
    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    side, session = "us", app.session
    while not any(session.rules.crews[c].available <= session.view(side).turn for c in session.view(side).me.crews):
        session.end_turn(side)
    session.mark_seen(side)
    app.reset(new_screen("fleet", app, side))
    pump(app, 1)
    hardware, crews = app.top.halves()
    assert not app.top.narrow and hardware != crews
    click(app, next(b for b in buttons(app) if b.text == app.tr("fleet.recruit") and b.is_enabled))
    undo = find(app, "Undo")
    assert crews.contains(undo.rect) and not hardware.colliderect(undo.rect), (undo.rect, crews)
    click(app, undo)
    assert not app.top.view.me.bought
    click(app, next(b for b in buttons(app) if b.text == "Buy 1" and b.is_enabled))
    undo = find(app, "Undo")
    assert hardware.contains(undo.rect) and not crews.colliderect(undo.rect)


def _labels(app: Any) -> list[str]:
    """The mission list's buttons, top to bottom (those of the list column, not its page buttons)."""
    left, _, _ = app.top.columns()
    rows = [
        b
        for b in app.top.widgets
        if getattr(b, "text", "") and left.contains(b.rect) and b.rect.width > left.width // 2
    ]
    return [b.text for b in sorted(rows, key=lambda b: b.rect.y)]


def test_the_mission_list_keeps_its_order_as_missions_open(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("missions", app, side))
    pump(app, 1)
    before = _labels(app)
    names = [app.top.mission_name(m) for m in app.top.view.rules.missions]
    assert before and all(any(label.startswith(n) for n in names) for label in before)
    for _ in range(6):  # missions open and close as the programme grows
        app.session.end_turn(side)
    app.reset(new_screen("missions", app, side))
    pump(app, 1)
    after = _labels(app)
    strip = lambda labels: [next(n for n in names if label.startswith(n)) for label in labels]  # noqa: E731
    assert strip(after) == strip(before), "a spot on the list picks another mission than it did"


def test_an_achieved_mission_says_so_and_one_that_can_fly_is_marked(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("missions", app, side))
    pump(app, 1)
    screen = app.top
    done = next(m for m in screen.view.rules.missions if screen.achieved(m))
    assert any(label == f"{screen.mission_name(done)} (done)" for label in _labels(app))
    # a first already won, on a mission no longer offered: it says so, not "Not available yet"
    screen.view = dataclasses.replace(screen.view, available_missions=screen.view.available_missions - {done})
    assert "Achieved already" in screen.mission_tip(done) and "Not available yet" not in screen.mission_tip(done)
    screen.view = app.session.view(side)
    ready = [
        b
        for b in screen.widgets
        if getattr(b, "object_ids", None) and any(i in ("#ready", "#ready_tiny") for i in b.object_ids)
    ]
    assert ready, "no mission that can fly now is marked"


def test_missing_hardware_can_be_bought_from_the_missions_screen(app: Any) -> None:
    from ui_kit import click, find

    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    view = app.session.view(side)
    mission = next(
        m
        for m in sorted(view.available_missions)
        if all(any(view.hardware_unlocked(h) for h in slot.options) for slot in view.rules.missions[m].slots)
        and any(all(view.free_hardware(h) == 0 for h in slot.options) for slot in view.rules.missions[m].slots)
    )
    app.reset(new_screen("missions", app, side, mission))
    pump(app, 1)
    cash = app.top.view.me.cash
    click(app, find(app, "Buy 1 ("))
    assert app.top.view.me.cash < cash and app.top.view.me.bought
    assert "Bought one" in app.status


def test_an_attention_item_opens_the_mission_it_is_about(app: Any) -> None:
    from ui_kit import click, find

    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    item = find(app, "could fly this turn")
    target = next(w for t, _, w in app.top.attention() if "could fly" in t)
    mission = target.partition(":")[2]
    assert mission and app.top.view.suggest_plan(mission) is not None
    click(app, item)
    assert app.top.name == "missions" and app.top.mission == mission


def test_an_attention_item_about_a_tech_opens_the_research_screen_on_it(app: Any) -> None:
    from game.engine import FundResearch
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    state = app.session.state  # a finished tech brought to its ceiling: funding it is wasted, and the dashboard says so
    tech = next(t for t, ts in state.sides[side].techs.items() if ts.done)
    state.sides[side].techs[tech].reliability = state.rules.techs[tech].ceiling
    assert app.session.act(FundResearch(side, tech, 3)) is None
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    where = next(w for t, _, w in app.top.attention() if app.top.tech_name(tech) in t)
    app.apply(app.top.open_item(where))
    pump(app, 1)
    assert app.top.name == "research" and app.top.selected == tech


def test_a_danger_the_programme_runs_is_on_the_attention_list_and_opens_its_tech(app: Any) -> None:
    """What the computer players read of the dangers a programme runs (`PlayerView.dangers`), the player sees too:
    the event, its odds this quarter, and the item opens the research screen on the tech that would end it."""
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    screen = app.top
    event = next(e for e in screen.view.rules.events.values() if e.risks and side in e.sides)
    screen.view = dataclasses.replace(screen.view, dangers={event.id: 39})
    title = app.stext(f"event.{event.id}.title")
    text, level, where = next(item for item in screen.attention() if title in item[0])
    assert "39" in text and level == "bad"
    tech = where.partition(":")[2]
    assert where.startswith("research:") and tech in screen.view.rules.techs
    app.apply(screen.open_item(where))
    pump(app, 1)
    assert app.top.name == "research" and app.top.selected == tech


def test_and_n_more_opens_the_whole_list(app: Any) -> None:
    from ui_kit import click, find

    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("stats", app, side))
    pump(app, 1)
    more = find(app, "more")
    assert more.text.startswith("…and ")
    click(app, more)
    top = app.top
    assert top.name == "list"
    for ms in top.app.session.view(side).rules.milestones.values():
        assert top.app.stext(ms.name) in top.html


def test_each_hot_seat_player_gets_the_guided_tour_once(app: Any) -> None:
    from ui_kit import TINY

    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    assert app.settings.tutorial_done  # the machine's owner has seen it: in hot-seat that says nothing of the others
    app.apply(app.start_session(Session.new(load_scenario(TINY), {"red": "human", "blue": "human"}, 4)))
    pump(app)
    assert app.session.hotseat
    for side in ("red", "blue"):
        app.reset(new_screen("dashboard", app, side))
        pump(app, 2)
        assert app.top.name == "tutorial", f"{side} got no tour"
        app.reset(new_screen("dashboard", app, side))  # once each
        pump(app, 2)
        assert app.top.name == "dashboard"


def test_a_tooltip_never_covers_the_controls_beside_its_own(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    app.reset(new_screen("settings", app))  # a column of buttons: below each is the next
    pump(app, 1)
    buttons = [w for w in app.top.widgets if getattr(w, "text", "") and w.alive()]
    middle = sorted(buttons, key=lambda b: b.rect.y)[len(buttons) // 2]
    tip = app.manager.create_tool_tip(
        "A tooltip long enough to wrap over two or three lines of the theme's width, as the settings' tips do",
        middle.rect.center,
        (0, middle.rect.height // 2),
        middle,
        None,
    )
    try:
        assert not [b.text for b in buttons if b is not middle and tip.rect.colliderect(b.rect)]
        assert pygame_rect_of(app).contains(tip.rect)
    finally:
        tip.kill()


def pygame_rect_of(app: Any) -> Any:
    import pygame

    return pygame.Rect((0, 0), app.size)


def test_a_tooltip_goes_below_when_nothing_is_there_and_beside_when_something_is() -> None:
    import pygame

    from game.ui.tooltips import GAP, place

    control = pygame.Rect(100, 100, 200, 40)
    assert place(control, (300, 60), [], (1280, 720)) == (50, 140 + GAP)
    below = pygame.Rect(100, 146, 200, 40)
    above = pygame.Rect(100, 54, 200, 40)
    x, y = place(control, (300, 60), [below, above], (1280, 720))
    spot = pygame.Rect(x, y, 300, 60)
    assert not spot.colliderect(below) and not spot.colliderect(above) and x >= control.right


def test_every_theme_size_has_its_bold_face_loaded_before_a_text_box_asks(app: Any) -> None:
    """pygame_gui warns on the terminal when a text box's <b> asks for a font face not loaded yet."""
    from game.ui.app import theme_dict

    fonts = app.manager.get_theme().get_font_dictionary()
    sizes = {int(b["font"]["size"]) for b in theme_dict(app.scale).values() if isinstance(b, dict) and "font" in b}
    assert sizes and all(fonts.check_font_preloaded(fonts.create_font_id(n, "game_noto", True, False)) for n in sizes)


def test_why_a_launch_cannot_be_planned_points_at_buy_and_knows_it_is_planned(app: Any, drawn: list[str]) -> None:
    """With no rocket in store the reason points at the Buy button beside it (not at another screen); once the
    launch is planned and the store is empty again, it says the launch is planned rather than "cannot plan yet"."""
    from ui_kit import click, find

    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    app.reset(new_screen("missions", app, "us", "sounding_rocket"))
    pump(app, 2)
    why = [t for t in drawn if t.startswith("Cannot plan yet")]
    assert why and "“Buy 1”" in why[-1] and "screen" not in why[-1]
    click(app, find(app, "Buy 1 ("))
    click(app, find(app, "Plan this launch"))
    assert [p.mission for p in app.session.view("us").me.plan] == ["sounding_rocket"]
    drawn.clear()
    pump(app, 2)
    assert not [t for t in drawn if t.startswith("Cannot plan yet")]
    assert any(t.startswith("Planned this turn. To fly it again: no ") for t in drawn)


def test_a_mission_the_programme_has_moved_past_says_so_not_not_yet(app: Any, drawn: list[str]) -> None:
    """The sounding rocket closes once the satellite is researched: the missions screen says it is over for good
    ("Not available yet" had a player wait for it with a rocket bought for it); a mission not open yet still says so."""
    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    app.session.state.sides["us"].techs["satellite"].done = True
    app.reset(new_screen("missions", app, "us", "sounding_rocket"))
    pump(app, 2)
    assert "No longer flown: your programme has moved past it." in drawn
    assert "Not available yet." not in drawn
    assert any("this mission is no longer flown" in t for t in drawn)
    labels = [getattr(w, "text", "") for w in app.top.widgets]
    assert not any(label.startswith("Buy 1 (") for label in labels), "no rocket is sold for a mission that cannot fly"
    drawn.clear()
    app.reset(new_screen("missions", app, "us", "crewed_lunar_landing"))
    pump(app, 2)
    assert "Not available yet." in drawn and "No longer flown: your programme has moved past it." not in drawn


def test_end_turn_with_a_decision_open_asks_before_the_first_answer_is_taken(app: Any) -> None:
    """The engine answers a decision left open with its first choice: End turn asks first, and No keeps the turn."""
    import pygame
    from ui_kit import key, press, top_name

    from game.content.load import load_scenario
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    session = app.session
    while not session.view("us").decisions:  # the first quarters bring the Huntsville Germans' question
        session.end_turn("us")
    turn = session.view("us").turn
    app.top.rebuild()
    pump(app, 1)
    press(app, "End turn")
    assert top_name(app) == "ConfirmScreen" and "still waits for your answer" in app.top.message
    key(app, pygame.K_n)
    assert session.view("us").turn == turn and session.view("us").decisions
    press(app, "End turn")
    key(app, pygame.K_y)
    pump(app, 2)
    assert session.view("us").turn == turn + 1


def test_recruiting_keeps_the_crew_list_in_place_until_the_screen_is_left(app: Any) -> None:
    """Recruiting moved the recruit to the top, so the row under the pointer became somebody else and a second
    Recruit took the wrong person: the order now holds while the screen is open, and the next visit sorts again."""
    from ui_kit import click

    from game.content.load import load_scenario
    from game.engine.state import CrewStatus
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    session = app.session
    rules = session.rules
    while not any(rules.crews[c].available <= session.view("us").turn for c in session.view("us").me.crews):
        session.end_turn("us")
    app.reset(new_screen("fleet", app, "us"))
    pump(app, 1)
    fleet = app.top
    before = fleet.crew_rows()
    third = before[2]
    recruit = [w for w in fleet.widgets if getattr(w, "text", "") == "Recruit"]
    click(app, min(recruit[1:], key=lambda w: w.rect.y))  # the Recruit of the second or third row, by position
    pump(app, 1)
    assert fleet.crew_rows() == before
    assert any(session.view("us").me.crews[c].status == CrewStatus.TRAINING for c in before[1:3])
    app.reset(new_screen("fleet", app, "us"))
    again = app.top.crew_rows()
    assert session.view("us").me.crews[again[0]].status == CrewStatus.TRAINING and third in again


def test_a_hardware_button_keeps_its_count_when_the_name_is_long(app: Any) -> None:
    """In Russian 'Лунный посадочный корабль (0)' was cut to 'Лунный посадочный кора': the count was lost."""
    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.set_language("ru")
    sc = load_scenario("race_1955")
    app.apply(app.start_session(Session.new(sc, {"us": "human", "ussr": "ai:easy"}, 5)))
    rules, me = sc.ruleset, app.session.state.sides["us"]
    for slot in rules.missions["lander_test"].slots:  # the hardware can be bought: a Buy button stands beside it
        for hw in slot.options:
            me.techs[rules.hardware[hw].tech].done = True
    app.reset(new_screen("missions", app, "us", "lander_test"))
    pump(app)
    screen = app.top
    slots = [b for b in buttons(app) if b.text.endswith("(0)") or "· 0" in b.text]
    assert len(slots) == len(sc.ruleset.missions["lander_test"].slots)
    assert all(screen.fits(b.text, b.rect.width) for b in slots), [b.text for b in slots]


def test_the_missions_screen_opens_on_a_first_still_to_win_not_one_long_won(app: Any) -> None:
    """Played in 1968 and 1975, the screen opened on the ICBM test flight of 1957 every time."""
    from game.content.load import load_scenario
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    sc = load_scenario("race_1955")
    app.apply(app.start_session(Session.new(sc, {"us": "human", "ussr": "ai:easy"}, 5)))
    app.reset(new_screen("missions", app, "us"))
    pump(app)
    first = app.top.mission
    assert first == "icbm_test"  # nothing won yet: the campaign's first mission
    for ms in sc.ruleset.missions[first].milestones:
        app.session.state.sides["us"].milestones[ms] = app.session.state.turn
    app.memory.pop(("mission", "us"), None)
    app.reset(new_screen("missions", app, "us"))
    pump(app)
    screen = app.top
    assert screen.mission != first and not screen.achieved(screen.mission)
    assert screen.mission in [b.text for b in buttons(app)] or any(
        app.stext(sc.ruleset.missions[screen.mission].name) in b.text for b in buttons(app)
    )  # and its page is the one shown


def test_the_dashboard_lists_every_first_that_fits_and_counts_the_earlier_ones(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Played by hand (1963): the race column showed only the last eight firsts, with room for more and no word of
    the rest. Now every first that fits, the newest last, under a line that counts the earlier ones."""
    from textfit import measuring

    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    session = app.session
    rules = session.rules
    many = {ms: (("ussr" if i % 2 else side, i),) for i, ms in enumerate(list(rules.milestones)[:40])}
    real = session.view
    monkeypatch.setattr(session, "view", lambda s: dataclasses.replace(real(s), firsts=many))
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    with measuring(monkeypatch) as m:
        app.render()
    drawn = [d.text for d in m.texts]
    names = [f"{app.stext(rules.milestones[ms].name)} — {rules.date_label(t[0][1])}" for ms, t in many.items()]
    listed = [n for n in names if n in drawn]
    assert len(listed) > 8 and listed == names[-len(listed) :], "the newest, as many as fit"
    assert app.tr("dash.earlier_firsts", n=len(many) - len(listed)) in drawn
    assert not m.problems(app)


def test_a_crew_lost_last_quarter_leads_the_attention_list_and_opens_the_news(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Played by hand (1967): the Apollo fire killed three astronauts and went by unseen, one headline of a dozen
    on the strip. The side's own dead of the quarter lead the list, by surname, and the item opens the news."""
    from game.engine import events as ev
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    session = app.session
    crews = list(session.rules.crews)[:3]
    died = [ev.CrewDied(side, c) for c in crews] + [ev.CrewDied("ussr" if side != "ussr" else "us", crews[0])]
    monkeypatch.setattr(session, "events_for", lambda s: died if s == side else [])
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    text, level, where = app.top.attention()[0]
    assert text == app.tr("attn.crew_lost", names=", ".join(app.crew_name(c).split()[-1] for c in crews))
    assert (level, where) == ("bad", "news")
    monkeypatch.setattr(session, "events_for", lambda s: [])
    assert all(t[0] != text for t in app.top.attention())  # a quarter without losses says nothing


def test_a_planning_notice_stays_with_the_game_when_the_menu_opens(app: Any) -> None:
    """Played by hand (1963): "Decided: Shift money into missiles…" followed to the title menu, drawn in the red
    the menu keeps for errors. A notice of the planning screens is cleared on the way; "Saved as …" is kept."""
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    app.reset(new_screen("dashboard", app, side))
    pump(app, 1)
    app.status = "Decided: something"
    app.apply(app.top.to_menu())
    pump(app, 1)
    assert app.top.name == "title" and app.status == ""
    app.reset(new_screen("dashboard", app, side))
    app.status = app.status_ok = "Saved as “x”."
    app.apply(app.top.to_menu())
    assert app.status == "Saved as “x”."


def test_a_mission_with_no_first_left_says_what_a_success_still_earns(app: Any, drawn: list[str]) -> None:
    """A flight that wins no first earns its mission's own prestige (flown again, too, less each time): the odds
    panel says how much, and says nothing of it where a first is still to win (the first's prize replaces it)."""
    from game.ui.screens.registry import new_screen

    side = _kennedy(app)
    view = app.session.view(side)
    rules = view.rules
    repeat = next(
        m
        for m in rules.missions
        if m in view.available_missions
        and rules.missions[m].prestige.success > 0
        and rules.missions[m].milestones
        and all(ms in view.me.milestones for ms in rules.missions[m].milestones)
    )
    earns = view.flight_prestige(repeat)
    assert earns == rules.missions[repeat].prestige.success  # never flown again yet: in full
    app.reset(new_screen("missions", app, side, repeat))
    pump(app, 2)
    line = app.top.tr("odds.repeat", s=earns)
    assert line in drawn
    # flown with success many times already: routine, and the panel says so
    from game.engine.state import LaunchRecord

    flown = tuple(LaunchRecord(0, side, repeat, "success") for _ in range(2 * earns + 1))
    app.top.view = dataclasses.replace(view, public_log=view.public_log + flown)
    drawn.clear()
    app.top.draw(app.window)
    assert app.top.tr("odds.routine") in drawn and line not in drawn
    fresh = next(
        m
        for m in rules.missions
        if m in view.available_missions and any(ms not in view.me.milestones for ms in rules.missions[m].milestones)
    )
    assert view.flight_prestige(fresh) is None  # a first still to win: its prize is the first's
    drawn.clear()
    app.reset(new_screen("missions", app, side, fresh))
    pump(app, 2)
    assert drawn and not [t for t in drawn if t.startswith(line.split("+")[0])]
