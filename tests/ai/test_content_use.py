"""The content-use report of `simulate`: exact counts against the games' own events, what never happened, by
package, and the same report in the text, the JSON and the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.ai.report import render_html
from game.ai.runner import play_game, run_one
from game.ai.stats import Tally
from game.ai.usage import UseTally, choice_key, content_use, text_report
from game.cli import main
from game.content.load import Scenario, build_scenario, load_scenario
from game.engine import apply, new_game
from game.engine import events as ev
from game.engine.rules import Ruleset
from tests.content.content_kit import TINY, mod

SEEDS = (3, 4, 5, 6)

# A mod over the tiny scenario: an event that fires every turn for red, one that never can (its chance is 0
# and nothing queues it), a mission no game flies (it needs the milestone that ends the game), and a patch
# of the scenario's `hearing` (so that event belongs to both packages).
MOD_FILES = {
    "content.yaml": """
        events:
          - {id: red_news, sides: [red], chance: 100, once: false}
          - {id: never_news, chance: 0}
          - {id: hearing, $op: patch, chance: 100}
        missions:
          - id: grand_tour
            available: {op: achieved, milestone: moon, by: self}
            slots: {launcher: [booster]}
            steps: [{id: launch, slot: launcher}]
        """,
    "strings/en.yaml": """
        event:
          red_news: {title: Red news, text: Red makes the news.}
          never_news: {title: Never, text: This never happens.}
        mission:
          grand_tour: {name: Grand tour}
        """,
}


@pytest.fixture(scope="module")
def modded(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    folder = mod(tmp_path_factory.mktemp("mods"), "usage_mod", MOD_FILES, extra="languages: [en]\n")
    return load_scenario(str(TINY), [str(folder)])


def _replayed_events(rules: Ruleset, seed: int) -> list[ev.Event]:
    """Every event of one game, got by applying its log action by action through the engine's public `apply`:
    the game's own event list, collected apart from the runner's."""
    _, log = play_game(rules, seed, {})
    state = new_game(rules, None, seed)
    out: list[ev.Event] = []
    for action in log:
        state, events = apply(state, action)
        out += events
    return out


def _expected(rules: Ruleset, seeds: tuple[int, ...]) -> dict[str, dict[str, dict[str, int]]]:
    """kind -> id -> side -> times, counted straight from the events (milestones and techs once a game)."""
    counts: dict[str, dict[str, dict[str, int]]] = {k: {} for k in ("events", "choices", "missions")}
    once: dict[str, dict[str, dict[str, int]]] = {"milestones": {}, "techs": {}}

    def bump(table: dict[str, dict[str, int]], rid: str, side: str) -> None:
        table.setdefault(rid, {})
        table[rid][side] = table[rid].get(side, 0) + 1

    for seed in seeds:
        seen: set[tuple[str, str, str]] = set()
        for e in _replayed_events(rules, seed):
            if isinstance(e, ev.EventFired):
                bump(counts["events"], e.event, e.side)
            elif isinstance(e, ev.DecisionMade):
                bump(counts["choices"], choice_key(e.event, e.choice), e.side)
            elif isinstance(e, ev.MissionLaunched):
                bump(counts["missions"], e.mission, e.side)
            elif isinstance(e, ev.MilestoneAchieved):
                seen.add(("milestones", e.milestone, e.side))
            elif isinstance(e, ev.TechCompleted):
                seen.add(("techs", e.tech, e.side))
        for side in rules.sides:  # reached before the game started: reached in it too
            for ms, _, _ in side.start_milestones:
                seen.add(("milestones", ms, side.id))
        for kind, rid, side in seen:
            bump(once[kind], rid, side)
    return {**counts, **once}


def _report_counts(packages: list[Any]) -> dict[str, dict[str, dict[str, int]]]:
    out: dict[str, dict[str, dict[str, int]]] = {}
    for pkg in packages:
        for kind, uses in pkg.used.items():
            for u in uses:
                out.setdefault(kind, {})[u.id] = u.by_side
    return out


def test_the_counts_are_exactly_the_games_own_events(modded: Scenario):
    rules = modded.ruleset
    tally = Tally(rules)
    for seed in SEEDS:
        tally.add(run_one(rules, seed, {}).to_dict())
    report = _report_counts(content_use(rules, tally.use, modded.packages_of))
    expected = _expected(rules, SEEDS)
    for kind in ("events", "choices", "missions", "milestones", "techs"):
        assert report.get(kind, {}) == {k: v for k, v in expected[kind].items() if v}, kind
    # The batch saw each kind happen (so the comparison above compared something).
    assert all(report.get(kind) for kind in ("events", "choices", "missions", "milestones", "techs"))
    assert sum(report["events"]["red_news"].values()) > len(SEEDS)  # a repeating event is counted each time


def test_games_count_each_game_once_and_times_count_every_time(modded: Scenario):
    rules = modded.ruleset
    results = [run_one(rules, seed, {}).to_dict() for seed in SEEDS]
    tally = UseTally()
    for r in results:
        tally.add(r)
    news = [r["fired"].get("red", {}).get("red_news", 0) for r in results]
    assert tally.in_games["events"]["red_news"] == sum(1 for n in news if n)
    assert tally.times["events"]["red_news"] == {"red": sum(news)}


def test_what_never_happened_is_listed_under_the_package_it_belongs_to(modded: Scenario):
    rules = modded.ruleset
    tally = Tally(rules).add_all(run_one(rules, seed, {}).to_dict() for seed in SEEDS)
    scenario, usage_mod = content_use(rules, tally.use, modded.packages_of)
    assert (scenario.id, scenario.role, usage_mod.id, usage_mod.role) == ("tiny", "scenario", "usage_mod", "mod")
    assert usage_mod.never["events"] == ["never_news"]
    assert usage_mod.never["missions"] == ["grand_tour"]
    assert [u.id for u in usage_mod.used["events"]] == ["red_news", "hearing"]  # most often first
    # The mod's own records are not the scenario's; the event both wrote is under both, choices with it.
    assert "grand_tour" not in scenario.never.get("missions", ()) and "never_news" not in scenario.never.get(
        "events", ()
    )
    assert "hearing" in [u.id for u in scenario.used["events"]]
    mod_choices = {u.id for u in usage_mod.used.get("choices", ())} | set(usage_mod.never.get("choices", ()))
    assert mod_choices == {"hearing.fund", "hearing.refuse"}
    # Whatever the scenario never did, no game did: each id is in the report once per package, used or not.
    for pkg in (scenario, usage_mod):
        for kind, never in pkg.never.items():
            assert not set(never) & {u.id for u in pkg.used.get(kind, ())}
            assert all(tally.use.in_games[kind].get(rid, 0) == 0 for rid in never)


def test_techs_a_side_starts_with_are_held_not_unused(tmp_path: Path):
    folder = mod(
        tmp_path, "head_start", {"content.yaml": "sides:\n  - {id: red, $op: patch, start_techs: {rocket: 50}}\n"}
    )
    scenario = load_scenario(str(TINY), [str(folder)])
    (pkg, _) = content_use(scenario.ruleset, UseTally(), scenario.packages_of)
    assert "rocket" not in pkg.never["techs"] and "capsule" in pkg.never["techs"]


def test_content_from_a_save_is_all_the_scenarios(modded: Scenario):
    saved = build_scenario(modded.content)
    assert saved.origin == {}
    assert saved.packages_of("missions", "grand_tour") == (saved.id,)
    packages = content_use(saved.ruleset, UseTally(), saved.packages_of)
    assert "grand_tour" in packages[0].never["missions"]
    assert all(not p.never for p in packages[1:])


def test_the_merge_knows_which_packages_added_or_changed_a_record(tmp_path: Path, modded: Scenario):
    assert modded.packages_of("events", "hearing") == ("tiny", "usage_mod")
    assert modded.packages_of("events", "red_news") == ("usage_mod",)
    assert modded.packages_of("events", "windfall") == ("tiny",)
    gone = mod(tmp_path, "no_windfall", {"content.yaml": "events:\n  - {id: windfall, $op: remove}\n"})
    scenario = load_scenario(str(TINY), [str(gone)])
    assert ("events", "windfall") not in scenario.origin


def test_the_tally_stays_the_size_of_the_content(modded: Scenario):
    rules = modded.ruleset
    result = run_one(rules, SEEDS[0], {}).to_dict()
    few, many = UseTally(), UseTally()
    few.add(result)
    for _ in range(200):
        many.add(result)
    assert {k: len(v) for k, v in many.times.items()} == {k: len(v) for k, v in few.times.items()}
    assert many.in_games["events"]["red_news"] == 200 * few.in_games["events"]["red_news"]


def test_the_text_json_and_html_carry_the_report(modded: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = modded.layers[1].path
    out, page = tmp_path / "games.json", tmp_path / "report.html"
    argv = ["simulate", "--scenario", str(TINY), "--mod", str(folder), "--games", "3", "--quiet"]
    assert main([*argv, "--json", str(out), "--report", str(page)]) == 0
    text = capsys.readouterr().out
    assert "mod usage_mod: events 2 of 3 fired" in text
    assert "  events never fired: never_news" in text and "  missions never flown: grand_tour" in text
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc)[-3:] == ["games", "usage", "complete"]
    by_id = {p["id"]: p for p in doc["usage"]["packages"]}
    assert by_id["usage_mod"]["never"]["events"] == ["never_news"]
    fired = sum(g["fired"].get("red", {}).get("red_news", 0) for g in doc["games"])
    assert next(u for u in by_id["usage_mod"]["events"] if u["id"] == "red_news")["times"] == fired
    html = page.read_text(encoding="utf-8")
    assert "<h2 id='content-use'>Content use</h2>" in html and "never_news" in html and "grand_tour" in html


def test_the_html_section_is_left_out_without_a_report(modded: Scenario):
    rules = modded.ruleset
    tally = Tally(rules).add_all([run_one(rules, 3, {}).to_dict()])
    assert "content-use" not in render_html(rules, tally, title="t")
    usage = content_use(rules, tally.use, modded.packages_of)
    assert "content-use" in render_html(rules, tally, title="t", usage=usage)
    assert text_report(usage, 1).startswith("content used in 1 game(s)")
