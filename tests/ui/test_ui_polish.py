"""What a first-time player meets: the keyboard reaches every control, names are never cut, no rule is re-derived."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_kit import find, key, press, pump, start_game, top_name

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
ROOT = Path(__file__).resolve().parents[2]


def type_text(app: Any, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    pump(app, 2)


def test_tab_reaches_the_seed_box_and_enter_there_starts_the_game(app: Any) -> None:
    press(app, "New campaign")
    screen = app.top
    for _ in range(len(screen.focusable)):
        if screen._typing() is not None:
            break
        key(app, pygame.K_TAB)
    assert screen._typing() is screen.seed_w, "Tab never reached the seed box"
    type_text(app, "4242")
    assert screen.seed_w.get_text() == "4242"
    key(app, pygame.K_TAB)  # and on out of it again
    assert screen._typing() is None
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)  # back into it: Enter there starts the game
    assert screen._typing() is screen.seed_w
    key(app, pygame.K_RETURN)
    pump(app)
    assert top_name(app) == "DashboardScreen" and app.session.seed == 4242


def test_the_save_name_takes_the_keyboard_and_typing_replaces_it(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    screen = app.top
    assert top_name(app) == "SaveLoadScreen" and screen._typing() is screen.entry_w
    type_text(app, "moon")
    assert screen.entry_w.get_text() == "moon"  # the suggested name was selected, so it is replaced
    key(app, pygame.K_RETURN)
    assert top_name(app) == "DashboardScreen"
    assert (Path(app.settings.saves()) / "moon.json").exists()


def test_escape_in_a_text_box_goes_back(app: Any) -> None:
    start_game(app)
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    key(app, pygame.K_ESCAPE)
    assert top_name(app) == "DashboardScreen"


def test_the_guide_frames_the_one_control_it_talks_about(app: Any) -> None:
    from game.ui.screens.overlays import TutorialScreen

    start_game(app)
    dash = app.top
    app.apply(dash.open_guide())
    tour = app.top
    assert isinstance(tour, TutorialScreen)
    nav = dash.nav_layout()
    for step, control in (("research", "research"), ("fleet", "fleet"), ("missions", "missions"), ("end", "end_turn")):
        tour.step = tour.STEPS.index(step)
        assert tour.target() == nav[control]
    tour.step = tour.STEPS.index("goal")
    assert tour.target() is None


def test_a_ticker_with_one_headline_never_asks_for_a_redraw(app: Any) -> None:
    start_game(app)
    dash = app.top
    assert len(dash.headlines()) == 1
    app.dirty = False
    dash.ticker_t = time.monotonic() - 60
    dash.update(0.5)
    assert not app.dirty and dash.ticker_i == 0


def test_screens_read_only_the_player_view() -> None:
    """No screen reaches into the game state; the session applies orders and answers questions about them."""
    offenders = []
    for py in (UI / "screens").glob("*.py"):
        text = py.read_text(encoding="utf-8")
        for pattern in (r"session\.state\b", r"\bs\.state\b", r"suggest_plan\(\s*self\.app", r"pick_crew\(",
                        r"prestige_to_budget\s*//", r"budget_growth\s*\+", r"budget\s*//", r"turns_per_year",
                        r"InstalmentPaid", r"\.outcome\(\)", r"\+\s*\w+(\.me)?\.intel\b"):
            if re.search(pattern, text):
                offenders.append((py.name, pattern))
    assert not offenders, offenders


def test_every_character_of_the_texts_has_a_glyph_in_the_bundled_font() -> None:
    import pygame.freetype

    from game.engine.conditions.situation import _CMP_SIGN as CMP_SIGN
    from game.ui import draw

    pygame.freetype.init()
    texts = [p.read_text(encoding="utf-8") for p in (UI / "locale").glob("*.yaml")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "scenarios").rglob("strings/*.yaml")]
    texts += CMP_SIGN.values()  # a condition's own words ("cash ≥ 60" greying a news choice was drawn as a box)
    chars = {c for t in texts for c in draw.clean(t) if ord(c) >= 32}
    for path in (draw.FONT_REGULAR, draw.FONT_BOLD):
        font = pygame.freetype.Font(str(path), 14)
        missing = sorted(c for c in chars if not font.get_metrics(c)[0])
        assert not missing, f"{path.name} has no glyph for {missing}"


def test_russian_comes_from_its_locale_file_not_from_the_code() -> None:
    from game.ui.i18n import Translator, table
    from game.ui.settings import LANGUAGES

    assert "ru" in LANGUAGES and table("ru")
    assert Translator("ru")("menu.quit") == "Выход"
    assert "Добро" not in (UI / "screens" / "title.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "vi", "ru"])
def test_tech_and_skill_names_are_never_cut_at_the_smallest_window(app: Any, lang: str) -> None:
    """The default campaign at 1280×720: every tile of the tree and every skill header shows its whole name."""
    from game.content.load import load_scenario
    from game.ui import draw
    from game.ui.screens.fleet import FleetScreen
    from game.ui.screens.research import ResearchScreen
    from game.ui.session import Session

    app.set_language(lang)
    sc = load_scenario("race_1955")
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 1)))
    pump(app)
    research = ResearchScreen(app, sides[0])
    app.reset(research)
    research.compute_nodes()
    fs, small = round(12 * app.scale), round(10 * app.scale)
    for tech, rect in research.nodes.items():
        for bold in (False, True):
            name = draw.fit_block(research.tech_name(tech), rect.width - research.s(10), rect.height - research.s(13),
                                  fs, bold, small)
            assert not name.cut and "…" not in name.text, (tech, name)
    fleet = FleetScreen(app, sides[0])
    app.reset(fleet)
    _, right = fleet.halves()
    _, cols = fleet.crew_columns(right.inflate(-20, -16))
    for skill, (_, width) in zip(fleet.skill_ids(), cols, strict=True):
        header = draw.fit_block(fleet.term("skill", skill), width - fleet.s(4), fleet.s(32), small, False, round(9 * app.scale))
        assert not header.cut and "…" not in header.text, (skill, header)


@pytest.mark.parametrize("scale", [125, 150])
def test_large_ui_scales_keep_the_navigation_on_screen(app: Any, scale: int) -> None:
    from game.ui.screens.registry import new_screen

    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    pump(app)
    app.settings.scale = scale
    app.retheme()
    start_game(app)
    for name in ("dashboard", "budget", "research", "fleet", "missions", "news", "rival", "stats"):
        app.reset(new_screen(name, app, "red"))
        pump(app, 1)
        rects = app.top.nav_layout()
        assert rects["end_turn"].right <= app.size[0]
        assert rects["menu"].right < rects["end_turn"].left, "the navigation runs into End turn"
        assert find(app, "End turn").rect.right <= app.size[0]


def test_a_screen_replaced_by_a_timer_leaves_no_buttons_on_the_frame(app: Any) -> None:
    """The demo moves on by itself: the frame drawn then shows the new screen only, not the old one's buttons."""
    from ui_kit import TINY

    from game.ui import draw

    app.apply(app.stack[0].start_demo(TINY, [], 9))
    pump(app)
    for _ in range(400):
        top = app.top
        if top.name == "end":
            break
        menu = next(w for w in top.widgets if getattr(w, "text", "") == "Menu")
        spot = menu.rect.center
        top.t, top.wait = top.t + 60, top.wait + 60  # the animation and the pause are over
        app.last_input = 0
        app.step()
    assert app.top.name == "end"
    assert tuple(app.window.get_at(spot))[:3] == draw.BG, "the demo's Menu button is still drawn"


def test_one_is_singular() -> None:
    from game.ui.i18n import Translator

    tr = Translator("en")
    assert tr("fleet.flights", n=1) == "1 flight" and tr("fleet.flights", n=2) == "2 flights"
    assert Translator("vi")("fleet.flights", n=1) == "1 chuyến bay"


def test_the_frame_where_a_report_finishes_is_drawn_without_input(app: Any) -> None:
    """The animation ends on its own: its last frame (Continue, the prestige) is drawn though nobody touched anything."""
    from game.engine import PlanMission

    start_game(app)
    app.session.act(PlanMission("red", "orbiter", (("launcher", "booster"),)))
    app.apply(app.end_turn("red"))
    report = app.top
    assert report.name == "resolution" and not report.done
    app.last_input = 0  # long ago
    pump(app, 1)
    report.t = 1000.0  # the flight is over
    before = app.frames
    app.step()
    assert report.done and app.frames == before + 1
    assert any(getattr(w, "text", "") == "Continue" for w in report.widgets)
    before = app.frames
    app.step()  # and then the loop rests
    app.step()
    assert app.frames <= before + 1
