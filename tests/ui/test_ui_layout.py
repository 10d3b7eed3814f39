"""Layouts that adapt to a small window at a large text size: the tech tree scrolls, the fleet shows one table."""

from __future__ import annotations

from typing import Any

import pygame
from ui_kit import click, find, key, pump


def _big_text(app: Any, scale: int = 150) -> None:
    app.settings.size = (1280, 720)
    app.settings.scale = scale
    app.apply_display()


def _campaign(app: Any) -> str:
    from game.content.load import load_scenario
    from game.ui.session import Session

    sc = load_scenario("race_1955")
    sides = sc.ruleset.side_ids
    app.apply(app.start_session(Session.new(sc, {sides[0]: "human", sides[1]: "ai:normal"}, 1)))
    pump(app)
    return sides[0]


def test_the_tech_tree_scrolls_to_the_chosen_tech_instead_of_cutting_names(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    _big_text(app)
    side = _campaign(app)
    app.reset(new_screen("research", app, side))
    pump(app, 1)
    research = app.top
    view = research.viewport()
    assert research.tree.width > view.width, "at 150 % on 1280 px the tree is larger than its panel"
    last_column = max(c for c, _ in research.pos.values())
    far = next(t for t, (c, _) in research.pos.items() if c == last_column)
    assert not view.contains(research.nodes[far])
    research.select(far)
    pump(app, 1)
    assert app.top.viewport().contains(app.top.nodes[far]), "the chosen tech was not scrolled into sight"
    for _ in range(12):  # and the keyboard walks back to the first column, the view following
        key(app, pygame.K_LEFT)
    chosen = app.top.selected
    assert app.top.pos[chosen][0] == 0 and app.top.viewport().contains(app.top.nodes[chosen])


def test_the_fleet_shows_one_table_at_a_time_when_two_do_not_fit(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    _big_text(app)
    side = _campaign(app)
    app.reset(new_screen("fleet", app, side))
    pump(app, 1)
    assert app.top.narrow
    assert any(b.text == "Buy 1" for b in app.top.widgets) and not any(b.text == "Recruit" for b in app.top.widgets)
    click(app, find(app, "Crews »"))
    assert any(b.text == "Recruit" for b in app.top.widgets) and not any(b.text == "Buy 1" for b in app.top.widgets)
    app.reset(new_screen("fleet", app, side))  # the table shown is remembered
    pump(app, 1)
    assert app.top.tab == "crews"


def test_at_100_percent_on_1280_px_the_fleet_shows_both_tables(app: Any) -> None:
    from game.ui.screens.registry import new_screen

    side = _campaign(app)
    app.reset(new_screen("fleet", app, side))
    pump(app, 1)
    assert not app.top.narrow
    assert any(b.text == "Recruit" for b in app.top.widgets) and any(b.text == "Buy 1" for b in app.top.widgets)


def test_a_launch_line_does_not_repeat_its_verb_for_any_mission() -> None:
    """ "launches Satellite launch": the line's verb must not be one the mission names already carry."""
    from game.content.load import load_scenario
    from game.ui.i18n import Translator
    from game.ui.settings import LANGUAGES

    sc = load_scenario("race_1955")
    for lang in LANGUAGES:
        tr = Translator(lang)
        template = tr("log.launched", side="\0", mission="\1")
        verbs = {w.lower() for w in template.replace("\0", " ").replace("\1", " ").replace(":", " ").split()}
        for m in sc.ruleset.missions.values():
            name = sc.text(m.name, lang).lower()
            words = name.split()
            # the same word, or the same stem ("launches" and "launch")
            assert not any(v == w or (len(v) >= 5 and w[:5] == v[:5]) for v in verbs for w in words), (
                lang,
                name,
                template,
            )
