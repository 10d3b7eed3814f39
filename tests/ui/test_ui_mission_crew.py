"""The missions screen's crew pick (`game.ui.screens.mission_crew`): a whole surname beside the skill numbers, a
long name giving way before the numbers, a heading that names every skill shown, and an odds panel whose steps
stop above the reason a flight cannot be planned."""

from __future__ import annotations

from typing import Any

import pytest
from test_ui_text_fit import SCALES, SIZES, _campaign, _measure, _open
from ui_kit import buttons, key, pump, start_game

from game.ui.settings import LANGUAGES


def test_a_crew_button_shows_a_whole_surname_beside_three_skills(app: Any) -> None:
    """Played by hand in 1968: with three skill numbers a crew button read 'S… 61/55/48'."""
    from game.ai import choose_actions
    from game.content.load import load_scenario
    from game.engine import player_rng, player_view
    from game.ui.screens.registry import new_screen
    from game.ui.session import Session

    app.apply(app.start_session(Session.new(load_scenario("race_1955"), {"us": "human", "ussr": "ai:normal"}, 7)))
    s = app.session
    while s.rules.date_label(s.turn) != "1968-Q1":  # a programme the computer ran for us: crews with skills
        for a in choose_actions(player_view(s.state, "us"), "normal", player_rng(7, 0, s.turn)):
            s.act(a)
        s.end_turn("us")
    s.mark_seen("us")
    m = max(
        (m for m in s.rules.missions.values() if m.crew), key=lambda m: len({st.skill for st in m.steps if st.skill})
    )
    for lang in ("en", "ru"):
        app.set_language(lang)
        app.reset(new_screen("missions", app, "us", m.id))
        pump(app)
        screen = app.top
        crews = screen.free_crew()[:10]
        assert len(screen.used_skills()) >= 3 and len(crews) >= 2
        labels = {b.text for b in app.top.widgets if getattr(b, "text", None)}
        for c in crews:
            surname = app.crew_name(c).split()[-1]
            label = f"{surname} {screen.skill_numbers(c, screen.skills_shown)}"
            assert label in labels or any(t.startswith(app.crew_name(c)) for t in labels), (lang, surname, labels)
        assert screen.skills_shown  # at least one number to compare


def test_a_crew_button_keeps_the_skill_numbers_when_the_name_is_long(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Full name and skills cut off at '51/7' hid the numbers the player compares: a long name gives way first."""
    from game.engine import RecruitCrew
    from game.ui.screens.registry import new_screen

    start_game(app)
    s = app.session
    for c in ("anna", "boris"):
        assert s.act(RecruitCrew("red", c)) is None
    s.end_turn("red")
    s.mark_seen("red")
    long = {"anna": "Anna Alexandrovna Konstantinova-Tereshkova", "boris": "Boris"}
    monkeypatch.setattr(app, "crew_name", lambda c: long.get(c, c))
    app.reset(new_screen("missions", app, "red", "crewed_orbiter"))
    pump(app)
    screen = app.top
    skills = {c: screen.skill_numbers(c, screen.skills_shown) for c in long}
    labels = {c: b.text for b in buttons(app) for c in long if skills[c] and b.text.endswith(skills[c])}
    assert labels["anna"].startswith("Konst") and labels["anna"] != f"{long['anna']} {skills['anna']}"
    assert labels["boris"] == f"Boris {skills['boris']}"  # a name that fits is whole
    shown = [b for b in buttons(app) if b.text in labels.values()]
    assert len(shown) == 2 and all(screen.fits(b.text, b.rect.width, "#small") for b in shown)


ALL = [(size, scale) for size in SIZES for scale in SCALES]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("size", "scale"), ALL, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else str(v))
def test_the_moon_landing_reads_whole(
    app: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], scale: int, lang: str
) -> None:
    """Played by hand in Russian (1963): the Moon landing's crew heading was cut by the stack's picture
    ("Экипаж: выбрано 0 из 3 · Пилотаж / Вы…"), its twelve steps ran over the reason it could not be planned, and
    that reason was cut; at 125 % text its crew ran off the window and a long Russian name off its button."""
    from game.ui.screens.registry import new_screen

    _open(app, size, scale, lang)
    side = _campaign(app)
    app.reset(new_screen("missions", app, side, "crewed_lunar_landing"))
    screen = app.top
    assert screen.blocked is not None, "a reason under the steps"
    problems = _measure(app, monkeypatch)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    first, second = screen.crew_heading(screen.crew_heading_room(screen.columns()[1]))
    assert screen.skills_shown and all(screen.term("skill", k) in first + second for k in screen.skills_shown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_crew_heading_measures_the_mission_chosen_not_the_last(
    app: Any, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Played by hand in Russian (1964): from "Woman in orbit" to the spacewalk, the heading was measured with the
    last mission's skills, so its second line lay under the crew buttons."""
    from game.ui.screens.registry import new_screen

    _open(app, (1280, 720), 100, lang)
    side = _campaign(app)
    app.reset(new_screen("missions", app, side, "woman_in_orbit"))
    pump(app, 1)
    screen = app.top
    for mission in ("spacewalk_mission", "woman_in_orbit", "crewed_lunar_landing", "orbital_crewed", "docking_mission"):
        screen.choose(mission)
        assert screen.free_crew(), "crew buttons to lie under"
        problems = _measure(app, monkeypatch)
        assert not problems, f"{mission}: " + "\n".join(problems)


def test_the_moon_landing_scrolls_to_every_crew_member_at_large_text(app: Any) -> None:
    """At 1280×720 with 150 % text the Moon landing's slots and crew do not fit their column: it scrolls (Page Down,
    the wheel, the buttons under the stack), so every free crew member and "Pick the best crew" can be reached, the
    planned list stays put; at 1920×1080 and 100 % everything is in sight with no scrolling."""
    import pygame

    from game.ui.screens.registry import new_screen

    _open(app, (1280, 720), 150, "ru")
    side = _campaign(app)
    app.reset(new_screen("missions", app, side, "crewed_lunar_landing"))
    pump(app, 1)
    screen = app.top
    assert screen.body_scroll_max() > 0 and screen.free_crew()
    cancel = {b.text: b.rect.topleft for b in buttons(app) if b.text == app.tr("missions.cancel")}
    seen = {b.text for b in buttons(app)}
    tips = {b.tool_tip_text or "" for b in buttons(app)}  # a crew button's tip names the crew member in full
    for _ in range(20):  # down to the foot with Page Down
        key(app, pygame.K_PAGEDOWN)
        seen |= {b.text for b in buttons(app)}
        tips |= {b.tool_tip_text or "" for b in buttons(app)}
    screen = app.top
    assert screen.body_offset == screen.body_scroll_max()
    assert {b.text: b.rect.topleft for b in buttons(app) if b.text == app.tr("missions.cancel")} == cancel
    for c in screen.free_crew()[:10]:
        assert any(t.startswith(app.crew_name(c)) for t in tips), c
    assert app.tr("missions.best_crew") in seen
    area = screen.body_area()
    assert all(area.contains(b.rect) for b in buttons(app) if b.rect.colliderect(area) and b.rect.x < area.centerx)
    pygame.mouse.set_pos(area.center)  # the wheel over the column scrolls it back up
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    pump(app, 2)
    assert app.top.body_offset < screen.body_scroll_max()

    _open(app, (1920, 1080), 100, "ru")
    app.reset(new_screen("missions", app, side, "crewed_lunar_landing"))
    pump(app, 1)
    assert app.top.body_scroll_max() == 0 and app.tr("missions.scroll_down") not in {b.text for b in buttons(app)}
