"""The launch as a show: every mission of every shipped package animates from its steps, a failure is drawn
where its step happens, the log tells the crew, odds, dice and lessons, and Enter and Esc skip the animation,
never the report."""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from ui_kit import TINY, key, pump, start_game

from game.content.load import load_scenario
from game.engine import events as ev
from game.ui.flight import BEAT, lay_out


def _shipped_mods() -> list[str]:
    """Every mod shipped beside the default campaign (each requires it): a new one is animated with no edit here."""
    import yaml

    from game.resources import shipped

    out = []
    for manifest in sorted(shipped("scenarios").glob("*/manifest.yaml")):
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        if data.get("kind") == "mod":
            out.append(str(data["id"]))
    return out


PACKAGES = [("race_1955", ()), *(("race_1955", (mod,)) for mod in _shipped_mods()), (TINY, ())]


def flight_events(
    rules: Any, side: str, mission_id: str, fail: int | None = None, crew: tuple[str, ...] = ()
) -> list[Any]:
    """The events of one flight as the resolution would tell it, failing at step `fail` (None: no failure)."""
    m = rules.missions[mission_id]
    hardware = tuple((slot.id, slot.options[-1]) for slot in m.slots)
    tech = rules.hardware[hardware[0][1]].tech if hardware[0][1] in rules.hardware else "x"
    out: list[Any] = [ev.MissionLaunched(side, mission_id, crew, (610, 90, 220, 80), hardware)]
    for i, step in enumerate(m.steps):
        ok = i != fail
        out.append(ev.StepRolled(side, mission_id, step.id, 74, 31 if ok else 93, ok))
        out.append(ev.ReliabilityChanged(side, tech, 2 if ok else 1, 61))
        if not ok and step.critical:
            out.append(ev.MissionFailed(side, mission_id, step.id, bool(crew)))
            return out
    out.append(
        ev.MissionPartlySucceeded(side, mission_id, m.steps[fail].id)
        if fail is not None
        else ev.MissionSucceeded(side, mission_id)
    )
    return out


def open_session(app: Any, scenario: str, mods: tuple[str, ...]) -> None:
    from game.ui.session import Session

    sc = load_scenario(str(scenario), list(mods))
    sides = list(sc.ruleset.side_ids)
    app.apply(app.start_session(Session.new(sc, {s: "human" if i == 0 else "ai:easy" for i, s in enumerate(sides)}, 5)))


def report(app: Any, side: str, events: list[Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    from game.ui.screens.resolution import ResolutionScreen

    monkeypatch.setattr(app.session, "events_for", lambda _side: events)
    screen = ResolutionScreen(app, side)
    app.reset(screen)
    return screen


def crew_for(rules: Any, mission: Any) -> tuple[str, ...]:
    return tuple(list(rules.crews)[: mission.crew])


def test_every_mission_of_every_package_animates_from_its_steps_in_success_and_at_each_failing_step(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: set[str] = set()  # a mod that leaves a mission as it was adds nothing to check
    scene = pygame.Rect(10, 10, 371, 280)  # small: what is checked is that every frame draws, not how fine
    for scenario, mods in PACKAGES:
        open_session(app, scenario, mods)
        rules = app.session.rules
        side = rules.side_ids[0]
        for mission in rules.missions.values():
            signature = repr((mission.id, mission.steps, mission.slots))
            if signature in seen:
                continue
            seen.add(signature)
            _animate_every_outcome(app, rules, side, mission, scene, monkeypatch)
    assert len(seen) >= len(load_scenario("race_1955").ruleset.missions)


def _animate_every_outcome(
    app: Any, rules: Any, side: str, mission: Any, scene: pygame.Rect, monkeypatch: pytest.MonkeyPatch
) -> None:
    crew = crew_for(rules, mission)
    outcomes = [None, *range(len(mission.steps))]
    events: list[Any] = []
    for fail in outcomes:
        events += flight_events(rules, side, mission.id, fail, crew)
    screen = report(app, side, events, monkeypatch)
    assert len(screen.flights) == len(outcomes)
    for fail, f in zip(outcomes, screen.flights, strict=True):
        ended = fail is not None and mission.steps[fail].critical
        assert len(f.beats) == (fail + 1 if ended else len(mission.steps)), (mission.id, fail)
        if fail is not None:
            failed = f.beats[fail]
            assert not failed.passed and failed.step == mission.steps[fail].id
            # drawn where it happens: only a failed ascent (or staging) is on the way up from the pad
            if failed.scene in ("pad", "sky"):
                assert failed.kind in ("ascent", "staging"), (mission.id, failed)
    frames = 0
    pictures: set[bytes] = set()
    while not screen.done:
        screen.update(BEAT / 2)
        screen.draw_scene(app.window, scene)
        pictures.add(pygame.image.tobytes(pygame.transform.scale(app.window.subsurface(scene), (48, 36)), "RGB"))
        frames += 1
        assert frames < 2000, f"{mission.id}: the report never ends"
    # every step of every flight was on the screen, and each outcome after it; and the picture moved
    assert frames >= sum(len(f.beats) for f in screen.flights) * 2
    assert len(pictures) > frames // 2, f"{mission.id}: the picture hardly changes"


def test_a_failed_life_support_is_drawn_in_orbit_not_on_the_ascent(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    open_session(app, "race_1955", ())
    rules = app.session.rules
    mission = rules.missions["animal_orbit"]
    fail = next(i for i, s in enumerate(mission.steps) if s.id == "animal_life_support")
    screen = report(app, "us", flight_events(rules, "us", "animal_orbit", fail), monkeypatch)
    beats = screen.flights[0].beats
    assert [b.scene for b in beats] == ["pad", "orbit", "orbit"]
    assert beats[0].passed and not beats[-1].passed
    # and the craft is drawn on the orbit, inside the picture, when it fails
    screen.t = (len(beats) - 1 + 0.9) * BEAT
    craft = screen.show.draw(app.window, pygame.Rect(20, 84, 742, 560), screen.flights[0], screen.t)
    assert craft is not None and pygame.Rect(20, 84, 742, 560).collidepoint(craft)


def test_a_moon_landing_goes_out_lands_and_comes_home(app: Any) -> None:
    rules = load_scenario("race_1955").ruleset
    mission = rules.missions["crewed_lunar_landing"]
    rolls = [ev.StepRolled("us", mission.id, s.id, 80, 10, True) for s in mission.steps]
    places = [(b.scene, b.body) for b in lay_out(mission, rolls)]
    assert places[0] == ("pad", "earth")
    assert ("orbit", "earth") in places and ("orbit", "moon") in places and ("surface", "moon") in places
    assert places.index(("transfer", "moon")) < places.index(("surface", "moon")) < places.index(("transfer", "earth"))
    assert places[-2:] == [("reentry", "earth"), ("sea", "earth")]
    assert rules.missions["venus_probe"] is not None
    venus = lay_out(
        rules.missions["venus_probe"],
        [ev.StepRolled("us", "venus_probe", s.id, 80, 10, True) for s in rules.missions["venus_probe"].steps],
    )
    assert {b.body for b in venus if b.scene == "transfer"} == {"planet"}


def test_the_log_names_the_crew_the_odds_the_failed_die_and_the_lessons(
    app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_session(app, "race_1955", ())
    rules = app.session.rules
    mission = rules.missions["orbital_crewed"]
    crew = crew_for(rules, mission)
    fail = next(i for i, s in enumerate(mission.steps) if s.id == "reentry")
    screen = report(app, "us", flight_events(rules, "us", "orbital_crewed", fail, crew), monkeypatch)
    screen.skip()
    app.render()
    text = "\n".join(drawn)
    names = [rules.crews[c].name for c in crew]
    assert all(n in text for n in names)
    # the figures the missions screen showed: 61 % a full success, 70 % at least a partial one
    assert "Odds: 61 % success, 70 % at least in part, 8 % that the crew is lost" in text
    step = app.stext(next(s for s in mission.steps if s.id == "reentry").name)
    assert f"{step}: FAILED (rolled 93, needed 74 or less)" in text
    tech = app.stext(rules.techs[rules.hardware[mission.slots[0].options[-1]].tech].name)
    assert f"The flight taught: {tech} +" in text


def test_a_failed_crewed_flight_says_the_crew_survived(
    app: Any, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'failed at Launch' alone left the player to guess whether the crew lived: a crewed flight always says."""
    open_session(app, "race_1955", ())
    rules = app.session.rules
    mission = rules.missions["orbital_crewed"]
    events = flight_events(rules, "us", mission.id, 0, crew_for(rules, mission))
    events[-1] = ev.MissionFailed("us", mission.id, mission.steps[0].id, crew_lost=False)
    screen = report(app, "us", events, monkeypatch)
    screen.skip()
    app.render()
    step = app.stext(mission.steps[0].name)
    assert f"{app.stext(mission.name)}: failed at {step} — the crew survived" in "\n".join(drawn)


def _banded_show(
    app: Any, monkeypatch: pytest.MonkeyPatch, mission_id: str, fail: str = ""
) -> tuple[Any, Any, Any, int]:
    """The US's report of one flight of `mission_id` (failing at step `fail`, if given), with the screen's caption
    band laid over the show: (screen, flight, picture rect, band height)."""
    open_session(app, "race_1955", ())
    rules = app.session.rules
    mission = rules.missions[mission_id]
    at = next(i for i, s in enumerate(mission.steps) if s.id == fail) if fail else None
    extra = {"fail": at} if at is not None else {}
    events = flight_events(rules, "us", mission.id, crew=crew_for(rules, mission), **extra)
    screen = report(app, "us", events, monkeypatch)
    band = screen.s(66)
    screen.show.caption = band
    return screen, screen.flights[0], pygame.Rect(0, 0, 742, 480), band


def test_the_parachutes_open_below_the_caption_band(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first frames of splashdown: only the sky under the caption band, the canopies below it."""
    screen, flight, r, band = _banded_show(app, monkeypatch, "orbital_crewed")
    k = next(i for i, b in enumerate(flight.beats) if b.scene == "sea")
    for u in (0.0, 0.2):
        surf = pygame.Surface(r.size)
        screen.show.draw(surf, r, flight, (k + u) * BEAT)
        under = {tuple(surf.get_at((x, y))) for y in range(band) for x in range(0, r.width, 2)}
        assert len(under) == 1, f"more than the sky under the caption band at u={u}"


def test_the_lander_comes_down_and_goes_up_below_the_caption_band(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Played in 1975: the lander came down from, and its ascent stage rose into, the band naming the flight."""
    screen, flight, r, band = _banded_show(app, monkeypatch, "crewed_lunar_landing")
    space = pygame.Surface(r.size)
    screen.show.space(space, r)
    sky = [[tuple(space.get_at((x, y))) for x in range(r.width)] for y in range(band)]
    for kind, u in (("landing", 0.0), ("ascent", 0.99)):
        k = next(i for i, b in enumerate(flight.beats) if b.scene == "surface" and b.kind == kind)
        surf = pygame.Surface(r.size)
        screen.show.draw(surf, r, flight, (k + u) * BEAT)
        under = [[tuple(surf.get_at((x, y))) for x in range(r.width)] for y in range(band)]
        assert under == sky, f"the craft is under the caption band at {kind} u={u}"


def _planned_report(app: Any) -> Any:
    from game.engine import PlanMission

    start_game(app)
    app.session.act(PlanMission("red", "orbiter", (("launcher", "booster"),)))
    app.apply(app.end_turn("red"))
    pump(app, 1)
    assert app.top.name == "resolution" and not app.top.done
    return app.top


@pytest.mark.parametrize("k", [pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_SPACE])
def test_esc_and_enter_skip_the_animation_and_the_report_stays(app: Any, k: int) -> None:
    report_screen = _planned_report(app)
    key(app, k)
    assert app.top is report_screen and report_screen.done  # the outcome is shown, not skipped


def test_a_held_enter_skips_the_animation_only(app: Any) -> None:
    report_screen = _planned_report(app)
    for _ in range(5):  # the key's own repeats, before it is let go
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
        pump(app, 1)
    assert app.top is report_screen and report_screen.done
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
    pump(app, 1)
    key(app, pygame.K_RETURN)  # pressed again: the report has been read
    assert app.top is not report_screen and app.top.name in ("dashboard", "news")


def test_esc_never_leaves_the_report(app: Any) -> None:
    report_screen = _planned_report(app)
    for _ in range(3):
        key(app, pygame.K_ESCAPE)
        assert app.top is report_screen
    assert report_screen.done


def test_the_show_plays_liftoff_and_the_outcome(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    played: list[str] = []
    monkeypatch.setattr(app, "play", played.append)
    report_screen = _planned_report(app)
    while not report_screen.done:
        report_screen.update(0.1)
    assert played[0] == "liftoff" and played[-1] in ("success", "failure")


def test_the_re_entry_trail_starts_below_the_caption_band(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first frame of re-entry: no glowing trail drawn where the screen's caption band lies over the picture."""
    screen, flight, r, band = _banded_show(app, monkeypatch, "orbital_crewed")
    k = next(i for i, b in enumerate(flight.beats) if b.scene == "reentry")
    for u in (0.0, 0.15):
        surf = pygame.Surface(r.size)
        screen.show.draw(surf, r, flight, (k + u) * BEAT)
        warm = [
            (x, y)
            for y in range(band)
            for x in range(0, r.width, 2)
            if (c := surf.get_at((x, y))).r > c.b + 60  # the trail is flame-coloured; space, sky and stars are not
        ]
        assert not warm, f"trail under the caption band at u={u}: {warm[:3]}"


def test_a_craft_lost_on_the_way_home_drifts_below_the_caption_band(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Played by hand: a failed trans-Earth injection drew the lost craft's red path up under the caption band."""
    screen, flight, r, band = _banded_show(app, monkeypatch, "crewed_lunar_landing", fail="trans_earth_injection")
    k = next(i for i, b in enumerate(flight.beats) if b.step == "trans_earth_injection")
    assert flight.beats[k].scene == "transfer" and flight.beats[k].home
    for u in (0.6, 0.8, 0.99):
        surf = pygame.Surface(r.size)
        screen.show.draw(surf, r, flight, (k + u) * BEAT)
        red = [
            (x, y)
            for y in range(band)
            for x in range(r.width)
            if (c := surf.get_at((x, y))).r > c.g + 80 and c.r > c.b + 80  # the lost path is red; space is not
        ]
        assert not red, f"the lost craft's path under the caption band at u={u}: {red[:3]}"


def test_a_capsule_lost_at_re_entry_breaks_up_above_the_step_strip(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Played by hand (1961): a failed re-entry's burning fragments fell through the strip of steps at the foot."""
    screen, flight, r, _band = _banded_show(app, monkeypatch, "orbital_crewed", fail="reentry")
    k = next(i for i, b in enumerate(flight.beats) if b.scene == "reentry")
    floor = screen.s(58)
    screen.show.floor = floor
    for u in (0.8, 0.99):
        surf = pygame.Surface(r.size)
        screen.show.draw(surf, r, flight, (k + u) * BEAT)
        warm = [
            (x, y)
            for y in range(r.bottom - floor, r.bottom)
            for x in range(0, r.width, 2)
            if (c := surf.get_at((x, y))).r > c.b + 60  # fragments are flame-coloured; the sky is not
        ]
        assert not warm, f"fragments in the step strip at u={u}: {warm[:3]}"


@pytest.mark.parametrize("lang", ["en", "vi", "ru"])
def test_every_steps_outcome_label_reads_whole_beside_the_craft(
    app: Any, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Played by hand in Russian (1965): the spacewalk's "Выход в открытый космос: выполнено" was cut at the picture's
    right edge. Every step of the crewed missions, passed and failed, labels itself whole."""
    from textfit import measuring

    open_session(app, "race_1955", ())
    app.set_language(lang)
    rules = app.session.rules
    for mission in ("spacewalk_mission", "docking_mission", "crewed_lunar_landing"):
        m = rules.missions[mission]
        for fail in (None, len(m.steps) - 1):
            screen = report(app, "us", flight_events(rules, "us", mission, fail, crew_for(rules, m)), monkeypatch)
            flight = screen.flights[0]
            for k in range(len(flight.beats)):
                screen.t = (k + 0.9) * BEAT
                with measuring(monkeypatch) as drawn:
                    app.render()
                cut = [d.text for d in drawn.texts if d.cut]
                assert not cut, (mission, k, cut)


@pytest.mark.parametrize("mission_id", ["orbital_crewed", "crewed_lunar_landing"])
def test_an_abort_the_crew_lives_through_is_not_drawn_as_a_blast(
    app: Any, monkeypatch: pytest.MonkeyPatch, mission_id: str
) -> None:
    """Played by hand (1964): a failed retro-fire was drawn as a blast on the Earth's face though the log said the
    crew survived. At every step a crewed flight can end on, an abort draws the capsule escaping (or the craft turning
    back), never a blast; the same failure with the crew lost is drawn as one where a craft is lost in a blast."""
    from game.ui import show_scenes, show_space

    open_session(app, "race_1955", ())
    rules = app.session.rules
    mission = rules.missions[mission_id]
    crew = crew_for(rules, mission)
    blasts: list[str] = []
    for module in (show_scenes, show_space):
        monkeypatch.setattr(module, "explosion", lambda *a, m=module.__name__: blasts.append(m))
    parts: list[str] = []  # which parts of the stack each frame draws
    blasted: dict[tuple[bool, str], bool] = {}
    for lost in (False, True):
        for i, step in enumerate(mission.steps):
            if not step.critical:
                continue
            events = flight_events(rules, "us", mission.id, i, crew)
            events[-1] = ev.MissionFailed("us", mission.id, step.id, crew_lost=lost)
            screen = report(app, "us", events, monkeypatch)
            flight = screen.flights[0]
            stack = screen.show.stack

            def recorded(fl: Any, h: int, part: str = "all", stack: Any = stack) -> Any:
                parts.append(part)
                return stack(fl, h, part)

            monkeypatch.setattr(screen.show, "stack", recorded)
            blasts.clear()
            parts.clear()
            r = pygame.Rect(0, 0, 742, 480)
            for u in (0.6, 0.75, 0.9, 0.99):
                screen.show.draw(pygame.Surface(r.size), r, flight, (i + u) * BEAT)
            blasted[(lost, step.id)] = bool(blasts)
            if not lost:
                assert not blasts, f"{step.id}: the crew lived, but a blast was drawn"
                assert {"home", "craft"} & set(parts), f"{step.id}: no capsule or craft drawn for the abort"
    assert any(blasted[(True, s.id)] for s in mission.steps if s.critical and s.kind == "ascent")
