"""Every screen driven by posted clicks and keys, checking the orders it sends to the engine."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pygame
from ui_kit import TINY, choose, find, key, press, pump, start_game, top_name, watch_drawing

from game.content.load import load_scenario
from game.engine import BuyHardware, Decide, FundIntelligence, FundResearch, PlanMission, RecruitCrew
from game.engine import odds as engine_odds
from game.ui.session import Session

ORBITER = (("launcher", "booster"),)


def logged(app: Any, kind: type) -> list[Any]:
    return [a for a in app.session.log if isinstance(a, kind)]


def test_title_menu_opens_each_screen_and_esc_returns(app: Any) -> None:
    for label, screen in (("New campaign", "NewGameScreen"), ("Hot-seat match", "NewGameScreen"), ("Load game", "SaveLoadScreen"),
                          ("Scenarios and mods", "PackagesScreen"), ("Settings", "SettingsScreen"), ("Help and keys", "HelpScreen")):
        press(app, label)
        assert top_name(app) == screen
        key(app, pygame.K_ESCAPE)
        assert top_name(app) == "TitleScreen"


def test_new_campaign_sets_controllers_and_starts(app: Any) -> None:
    press(app, "New campaign")
    choose(app, "Computer — hard", nth=1)  # blue (the second side's list): normal -> hard
    assert app.top.controllers["blue"] == "ai:hard"
    app.top.seed_w.set_text("42")
    press(app, "Start")
    assert top_name(app) == "DashboardScreen"
    assert app.session.seed == 42
    assert app.session.controllers == {"red": "human", "blue": "ai:hard"}


def test_hotseat_starts_with_a_handoff_that_hides_the_sides(app: Any) -> None:
    press(app, "Hot-seat match")
    press(app, "Start")
    assert top_name(app) == "HandoffScreen"
    assert app.session.hotseat
    key(app, pygame.K_RETURN)
    assert top_name(app) == "TutorialScreen"  # each hot-seat player's own tour, over red's dashboard
    key(app, pygame.K_ESCAPE)
    assert top_name(app) == "DashboardScreen" and app.top.side == "red"


def test_research_screen_funds_raises_and_stops(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_r)
    assert top_name(app) == "ResearchScreen"
    app.top.select("capsule")
    pump(app)
    press(app, "Fund fully")
    useful = logged(app, FundResearch)[-1]
    assert useful.tech == "capsule" and useful.amount > 0
    press(app, "+1")
    assert logged(app, FundResearch)[-1].amount == useful.amount + 1
    key(app, pygame.K_0)
    assert logged(app, FundResearch)[-1].amount == 0
    assert app.session.view("red").me.techs["capsule"].funding == 0


def test_locked_tech_cannot_be_funded(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_r)
    app.top.select("lander")
    pump(app)
    assert not find(app, "Fund fully").is_enabled


def test_fleet_screen_buys_hardware_and_recruits(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_h)
    assert top_name(app) == "FleetScreen"
    press(app, "Buy 1")
    assert logged(app, BuyHardware)[-1] == BuyHardware("red", "booster", 1)
    press(app, "Recruit")
    assert logged(app, RecruitCrew)[-1].side == "red"


def test_mission_screen_plans_with_odds_and_cancels(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_m)
    assert top_name(app) == "MissionScreen"
    odds = app.top.odds()
    assert odds.success + odds.partial + odds.failure + odds.crew_lost == 1000
    press(app, "Plan this launch")
    plan = logged(app, PlanMission)[-1]
    assert plan.mission == "orbiter" and plan.hardware == (("launcher", "booster"),)
    assert len(app.session.view("red").me.plan) == 1
    press(app, "Cancel")
    assert len(app.session.view("red").me.plan) == 0


def test_the_missions_screen_flies_in_the_window_picked_at_its_price_and_odds(app: Any, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(TINY, tmp_path / "tiny_windows"))
    with (folder / "content.yaml").open("a", encoding="utf-8") as f:
        f.write("launch_windows:\n  - {id: early, name: {en: Early}, cost: 25, risk: 4}\n  - {id: late, name: {en: Late}}\n")
    app.apply(app.start_session(Session.new(load_scenario(str(folder)), {"red": "human", "blue": "ai:normal"}, 5)))
    pump(app)
    key(app, pygame.K_m)
    assert app.top.window == "late", "the default window: the last listed"
    late = app.top.odds()
    key(app, pygame.K_w)  # the next window, round again from the earliest
    assert app.top.window == "early"
    view = app.session.view("red")
    rules = view.rules
    shown = app.top.odds()
    assert shown == engine_odds.mission_odds(rules, view.me, rules.missions["orbiter"], ORBITER, (), "early")
    assert shown.success < late.success
    cash = view.me.cash
    press(app, "Plan this launch")
    plan = logged(app, PlanMission)[-1]
    assert plan.window == "early"
    price = rules.missions["orbiter"].cost
    assert cash - app.session.view("red").me.cash == engine_odds.order_cost(rules, plan) == price + -(-price * 25 // 100)
    assert app.session.view("red").me.plan[0].window == "early"


def test_an_order_the_engine_would_refuse_is_explained_before_and_after(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_m)
    press(app, "Plan this launch")  # the only booster is booked
    assert not find(app, "Plan this launch").is_enabled
    assert app.top.blocked is not None and app.top.blocked.code == "action/missing_hardware"
    assert "Booster" in app.top.explain(app.top.blocked, app.top.action())  # display names, not ids
    key(app, pygame.K_p)  # the shortcut of a disabled button does nothing
    assert len(app.session.view("red").me.plan) == 1
    app.top.act(BuyHardware("red", "pod", 1))  # refused by the engine: explained in words, nothing raised
    assert app.status.startswith("Not possible") and "Pod" in app.status and "Capsule" in app.status


def test_budget_and_rival_screens_fund_intelligence(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_b)
    assert top_name(app) == "BudgetScreen"
    press(app, "+5")
    assert logged(app, FundIntelligence)[-1] == FundIntelligence("red", 5)
    key(app, pygame.K_i)
    assert top_name(app) == "RivalScreen"
    press(app, "–1")
    assert logged(app, FundIntelligence)[-1] == FundIntelligence("red", 4)


def test_every_planning_screen_is_reachable_by_its_key(app: Any) -> None:
    start_game(app)
    for k, name in ((pygame.K_b, "BudgetScreen"), (pygame.K_r, "ResearchScreen"), (pygame.K_h, "FleetScreen"),
                    (pygame.K_m, "MissionScreen"), (pygame.K_n, "NewsScreen"), (pygame.K_i, "RivalScreen"),
                    (pygame.K_t, "StatsScreen"), (pygame.K_d, "DashboardScreen")):
        key(app, k)
        assert top_name(app) == name


def test_tab_and_enter_press_the_focused_control(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)  # Dashboard, then Budget
    key(app, pygame.K_RETURN)
    assert top_name(app) == "BudgetScreen"


def test_end_turn_shows_the_report_then_news_or_dashboard(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_m)
    press(app, "Plan this launch")
    key(app, pygame.K_e)
    assert top_name(app) == "ResolutionScreen"
    assert app.top.flights, "the planned launch is in the report"
    key(app, pygame.K_SPACE)  # skip the animation
    assert app.top.done
    key(app, pygame.K_RETURN)
    assert top_name(app) in ("NewsScreen", "DashboardScreen")
    assert app.session.state.turn == app.session.rules.settings.start + 1


def test_news_decision_is_sent(app: Any) -> None:
    start_game(app, {"red": "ai:normal", "blue": "human"}, seed=3)
    while app.session.state.turn < app.session.rules.settings.start + 3:  # the hearing comes to blue at the end of 1960-Q3
        app.apply(app.end_turn("blue"))
        pump(app)
    from game.ui.screens.news import NewsScreen

    app.apply(app.reset(NewsScreen(app, "blue")))
    pump(app)
    assert app.session.view("blue").decisions
    key(app, pygame.K_1)
    assert not app.session.view("blue").decisions


def test_save_then_load_from_anywhere(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_r)
    press(app, "Fund fully")
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    assert top_name(app) == "SaveLoadScreen"
    app.top.entry_w.set_text("mine")
    press(app, "Save")
    assert not app.unsaved()
    log = list(app.session.log)
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    assert top_name(app) == "SaveLoadScreen"
    press(app, "Load")
    assert app.session.log == log
    assert top_name(app) == "DashboardScreen"


def test_quitting_with_unsaved_progress_asks_first(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_r)
    press(app, "Fund fully")
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pump(app)
    assert top_name(app) == "ConfirmScreen" and app.running
    press(app, "No")
    assert app.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pump(app)
    press(app, "Yes")
    assert not app.running


def test_settings_change_language_and_are_saved(app: Any) -> None:
    from game.ui.settings import Settings

    press(app, "Settings")
    choose(app, "Tiếng Việt")
    assert app.settings.language == "vi"
    assert Settings.load().language == "vi"
    key(app, pygame.K_ESCAPE)
    assert any("Chiến dịch mới" in b.text for b in app.top.widgets)


def test_mute_key_toggles_sound(app: Any) -> None:
    before = app.settings.muted
    key(app, pygame.K_m, mod=pygame.KMOD_CTRL)
    assert app.settings.muted != before


def test_settings_sound_row_says_whether_sound_plays(app: Any) -> None:
    """The row is "Sound: On" while sound plays: never "Muted: Off", a double negative in vi and ru."""
    app.settings.muted = False
    press(app, "Settings")
    assert app.tr("settings.sound") == "Sound"
    press(app, app.tr("common.on"))  # the first On/Off button is the sound row's
    assert app.settings.muted
    assert find(app, app.tr("common.off"))


def test_help_overlay_opens_anywhere(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_F1)
    assert top_name(app) == "HelpScreen"
    key(app, pygame.K_ESCAPE)
    assert top_name(app) == "DashboardScreen"


def test_guided_first_turn_shows_for_a_new_player(app: Any) -> None:
    app.settings.tutorial_done = False
    start_game(app)
    pump(app)
    assert top_name(app) == "TutorialScreen"
    from game.ui.screens.overlays import TutorialScreen

    for _ in range(len(TutorialScreen.STEPS)):
        key(app, pygame.K_RETURN)
    assert top_name(app) == "DashboardScreen"


def test_window_resize_rebuilds_the_layout(app: Any) -> None:
    start_game(app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    pump(app)
    end = find(app, "End turn")
    assert end.rect.right <= app.size[0]


def test_demo_plays_both_sides(app: Any) -> None:
    from game.ui.screens.title import TitleScreen

    title = app.stack[0]
    assert isinstance(title, TitleScreen)
    from ui_kit import TINY

    app.apply(title.start_demo(TINY, [], 9))
    pump(app)
    assert top_name(app) == "DemoScreen" and app.session.demo
    for _ in range(60):
        if app.session.over():
            break
        app.top.skip()
        app.apply(app.top.skip())
        pump(app, 1)
    assert app.session.over()


def test_a_mission_not_yet_open_says_what_the_programme_still_lacks(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_m)
    action = PlanMission("red", "moon_landing", (("launcher", "booster"), ("lander", "moon_pod")), ("anna", "boris"))
    rejection = app.session.check(action)
    assert rejection is not None and rejection.code.endswith("mission_unavailable")
    text = app.top.explain(rejection, action)
    assert "Crewed orbit" in text, text  # the milestone the tiny scenario's landing asks for, by name
    app.session.state.sides["red"].milestones["crewed_orbit"] = app.session.state.turn
    app.top.refresh()
    assert "Crewed orbit" not in app.top.explain(rejection, action)


def test_news_greys_a_choice_whose_condition_fails(app: Any, tmp_path: Any, drawn: list[str]) -> None:
    from game.content.load import load_scenario
    from game.ui.screens.news import NewsScreen
    from game.ui.session import Session

    patch = "events:\n  - id: hearing\n    $op: patch\n    choices:\n      $patch:\n        - id: fund\n          when: {op: flag, flag: lobby}\n"
    (tmp_path / "cond").mkdir()
    (tmp_path / "cond" / "manifest.yaml").write_text("id: cond\nkind: mod\nrequires: [tiny]\n")
    (tmp_path / "cond" / "e.yaml").write_text(patch)
    sc = load_scenario(str(TINY), [str(tmp_path / "cond")])
    app.apply(app.start_session(Session.new(sc, {"red": "ai:normal", "blue": "human"}, 3)))
    pump(app)
    while app.session.state.turn < app.session.rules.settings.start + 3:  # the hearing comes to blue
        app.apply(app.end_turn("blue"))
        pump(app)
    app.apply(app.reset(NewsScreen(app, "blue")))
    pump(app)
    fund = find(app, "1. ")
    assert not fund.is_enabled, "greyed"
    assert any("story flag" in t for t in drawn), "with the condition's own words as the reason, beside it"
    key(app, pygame.K_1)  # a closed choice has no key either
    assert app.session.view("blue").decisions
    key(app, pygame.K_2)
    assert not app.session.view("blue").decisions
    assert logged(app, Decide)[-1].choice == "refuse"


def test_new_game_chooses_the_victory_mode(app: Any) -> None:
    app.launch["scenario"] = "race_1955"
    press(app, "New campaign")
    assert top_name(app) == "NewGameScreen"
    choose(app, "Moon race: play on to 1975-Q4")
    assert app.top.play_on and app.top.victory == "moon_race"
    choose(app, "Space age: plays to 1975-Q4")
    assert not app.top.play_on and app.top.victory == "space_age"
    press(app, "Start")
    assert top_name(app) == "DashboardScreen"
    assert app.session.setup.victory == "space_age" and app.session.state.victory_mode == "space_age"


def _spending_game(app: Any) -> None:
    """The tiny scenario with rushing and test campaigns offered, red to play."""
    import dataclasses

    sc = load_scenario(TINY)
    settings = dataclasses.replace(sc.ruleset.settings, rush_cap=100, rush_premium=100, test_cap=10, test_premium=100)
    sc = dataclasses.replace(sc, ruleset=dataclasses.replace(sc.ruleset, settings=settings))
    app.apply(app.start_session(Session.new(sc, {"red": "human", "blue": "ai:normal"}, 5)))
    pump(app)


def test_research_screen_shows_the_turns_a_rush_would_take_before_it_is_ordered(app: Any) -> None:
    _spending_game(app)
    key(app, pygame.K_r)
    app.top.select("capsule")
    pump(app)

    def figure(label: str) -> str:
        return next(value for name, value, _ in app.top.detail_rows() if name == label)

    promised = figure("Turns if rushed")
    assert int(promised) < int(figure("Turns at the most it can use"))  # the tiny scenario's rush saves turns
    press(app, "Rush")
    assert figure("Turns to finish at this rate") == promised
    assert all(name != "Turns if rushed" for name, _, _ in app.top.detail_rows())


def test_research_screen_rushes_and_buys_reliability_with_undo(app: Any) -> None:
    from game.engine import BuyReliability, CancelOrder

    _spending_game(app)
    key(app, pygame.K_r)
    app.top.select("capsule")
    pump(app)
    press(app, "Rush")
    rush = logged(app, FundResearch)[-1]
    v = app.session.view("red")
    tech = v.rules.techs["capsule"]
    assert rush.rush and rush.amount == engine_odds.useful_funding(v.rules, v.me, tech, v.me.techs["capsule"], True)
    assert v.rushed("capsule")
    press(app, "+1")  # changing the funding keeps the rush
    assert logged(app, FundResearch)[-1].rush
    press(app, "Stop rushing")
    assert not logged(app, FundResearch)[-1].rush and not app.session.view("red").rushed("capsule")
    app.top.select("rocket")  # red starts with it finished
    pump(app)
    before = app.session.view("red").me.techs["rocket"].reliability
    press(app, "Test +")
    bought = logged(app, BuyReliability)[-1]
    v = app.session.view("red")
    assert bought.tech == "rocket" and v.me.techs["rocket"].reliability == before + bought.points
    press(app, "Undo")
    assert logged(app, CancelOrder)[-1] == CancelOrder("red", 0)
    assert app.session.view("red").me.techs["rocket"].reliability == before


def test_research_screen_offers_a_rush_only_where_it_saves_a_turn(app: Any) -> None:
    """Rushing costs a premium: the button is offered for a tech it would finish sooner and says so where it
    would not, by the engine's figures, for every tech open at the start of the default campaign."""
    sc = load_scenario("race_1955")
    app.apply(app.start_session(Session.new(sc, {"us": "human", "ussr": "ai:normal"}, 5)))
    pump(app)
    key(app, pygame.K_r)
    v = app.session.view("us")
    seen = set()
    for t in sorted(v.available_techs):
        if v.me.techs[t].done:
            continue
        app.top.select(t)
        pump(app)
        saves = engine_odds.turns_rushing_saves(v.rules, v.me, v.rules.techs[t], v.me.techs[t])
        if saves:
            assert find(app, "Rush (").is_enabled
        else:
            assert not find(app, "Rushing saves no turn").is_enabled
        seen.add(saves > 0)
    assert seen == {True, False}  # the start offers both kinds, so both branches are checked



def test_missions_screen_says_what_else_a_success_brings(app: Any, monkeypatch: Any) -> None:
    """A weather satellite's success starts a service that pays a yearly budget: the odds panel says so, in the
    words the effects give themselves; a mission with no such effect says nothing of the kind."""
    from game.ui.phrases import Wording

    sc = load_scenario("race_1955")
    app.apply(app.start_session(Session.new(sc, {"us": "human", "ussr": "ai:normal"}, 5)))
    pump(app)
    key(app, pygame.K_m)
    drawn = watch_drawing(monkeypatch, "paragraph")
    rules = app.session.view("us").rules
    words = Wording(app.tr, rules, app.stext)
    for mission, says in (("weather_satellite_launch", True), ("satellite_launch", False)):
        drawn.clear()
        app.top.choose(mission)
        app.render()
        gains = words.effects(rules.missions[mission].effects)
        assert (gains is not None) == says
        line = app.tr("odds.effects", what=gains) if says else app.tr("odds.effects", what="")[:12]
        assert any(line in t for t, _ in drawn) == says, (mission, drawn)
