"""`spacerace simulate --json`: the layout its schema documents, and a flight log that agrees with the game it logs."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.ai.report import parse_date
from game.ai.runner import FORMAT_VERSION, RESULTS, LoggedFlight, play_game, run_one
from game.ai.stats import Tally
from game.ai.usage import content_use
from game.cli import main
from game.content.load import load_scenario
from game.engine.rules import Ruleset

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "simulate.schema.json").read_text(encoding="utf-8"))
TINY = str(ROOT / "tests" / "fixtures" / "tiny")

# (simulate arguments, the scenario, its mods): the tiny fixture, the default campaign played on to the end,
# a mod whose sides start with milestones already reached, three sides at three levels, and a side that joins
# in 1966 in a game that runs to the end date.
BATCHES = {
    "tiny": (["--scenario", TINY, "--games", "3", "--seed", "5"], TINY, ()),
    "race_1955": (["--games", "2", "--seed", "1", "--play-on"], "race_1955", ()),
    "kennedy_1961": (["--games", "1", "--seed", "2", "--mod", "kennedy_1961"], "race_1955", ("kennedy_1961",)),
    "europe": (
        ["--games", "1", "--seed", "3", "--mod", "europe", "--ai", "us=hard", "--ai", "ussr=easy"],
        "race_1955",
        ("europe",),
    ),
    "china_1966": (
        ["--games", "1", "--seed", "4", "--mod", "china_1966", "--victory", "space_age"],
        "race_1955",
        ("china_1966",),
    ),
}


@cache
def _rules(scenario: str, mods: tuple[str, ...]) -> Ruleset:
    return load_scenario(scenario, list(mods)).ruleset


@pytest.fixture(scope="module", params=list(BATCHES))
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Ruleset]:
    """A `simulate --json` document as the command wrote it, and the rules its games were played by."""
    argv, scenario, mods = BATCHES[request.param]
    out = tmp_path_factory.mktemp("simulate") / "games.json"
    assert main(["simulate", *argv, "--quiet", "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8")), _rules(scenario, mods)


def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


# --------------------------------------------------------------------------------------------- the schema


def test_the_written_file_is_what_the_schema_documents(batch, capsys):
    doc, _ = batch
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(doc)]
    assert errors == []
    assert next(iter(doc)) == "format_version"  # first, so a reader knows the layout before the rest
    assert any(game["flights"] for game in doc["games"])


def test_the_schema_names_the_version_the_command_writes():
    assert SCHEMA["properties"]["format_version"]["const"] == FORMAT_VERSION


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("format_version"),
        lambda d: d["games"][0]["flights"][0]["odds"].pop("crew_lost"),
        lambda d: d["games"][0]["flights"][0].__setitem__("result", "exploded"),
        lambda d: d["games"][0]["flights"][0].__setitem__("date", "Q3 1957"),
        lambda d: d["games"][0]["flights"][0]["odds"].__setitem__("success", 41.2),  # a percent, not a fraction
        lambda d: d["games"][0].__setitem__("undocumented", 1),
        lambda d: d.pop("complete"),
        lambda d: d.pop("usage"),
        lambda d: d["games"][0].pop("fired"),
        lambda d: d["games"][0]["fired"]["red"].__setitem__("launch_news", 0),  # fired, then zero times?
        lambda d: d["usage"]["packages"][0]["never"].pop("missions"),
        lambda d: d["usage"]["packages"][0]["events"][0].__setitem__("times", "3"),
        lambda d: d["usage"]["packages"][0].__setitem__("role", "addon"),
    ],
)
def test_the_schema_refuses_a_document_that_strays_from_it(damage):
    doc = _document()
    damage(doc)
    assert not _validator().is_valid(doc)


@cache
def _document_once() -> str:
    rules = _rules(TINY, ())
    levels = dict.fromkeys(rules.side_ids, "normal")
    games = [run_one(rules, seed, levels).to_dict() for seed in (5, 6)]
    usage = {"packages": [p.to_dict() for p in content_use(rules, Tally(rules).add_all(games).use)]}
    doc = {"format_version": FORMAT_VERSION, "scenario": "tiny", "mods": [], "levels": levels, "swap": False,
           "play_on": False, "victory": "", "games": games, "usage": usage, "complete": True}  # fmt: skip
    assert games[0]["flights"], "the damage needs a flight to damage"
    assert games[0]["fired"]["red"] and usage["packages"][0]["events"], "the damage needs an event to damage"
    return json.dumps(doc)


def _document() -> dict[str, Any]:
    return copy.deepcopy(json.loads(_document_once()))


def test_the_undamaged_document_is_valid():
    # Guard: the damage above is only refused for itself if the document it starts from passes.
    assert _validator().is_valid(_document())


# --------------------------------------------------------------------------------------------- the flight log


def _flights(doc: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(game, flight) for game in doc["games"] for flight in game["flights"]]


@pytest.mark.parametrize(
    ("scenario", "mods", "seed"), [(TINY, (), 4), ("race_1955", (), 7), ("race_1955", ("europe",), 8)]
)
def test_the_log_is_the_games_public_record_of_launches(scenario, mods, seed):
    # The engine keeps its own record of every launch (scrubbed ones too): the log must tell the same story.
    rules = _rules(scenario, mods)
    flights: list[LoggedFlight] = []
    state, _ = play_game(rules, seed, {}, flights=flights)
    record = [
        (rules.date_label(r.turn), r.side, r.mission, r.outcome) for r in state.public_log if r.outcome != "scrubbed"
    ]
    assert [(f.date, f.side, f.mission, f.result) for f in flights] == record
    if scenario != TINY:  # (a whole campaign sees every kind of ending but the rarest)
        assert {f.result for f in flights} >= {"success", "partial", "failure"}


def test_each_flights_odds_are_four_outcomes_that_add_up_to_one(batch):
    doc, rules = batch
    for _, f in _flights(doc):
        odds = f["odds"]
        assert list(odds) == list(RESULTS)
        thousandths = [round(p * 1000) for p in odds.values()]
        assert [t / 1000 for t in thousandths] == list(odds.values())  # whole thousandths, as the engine counts them
        assert sum(thousandths) == 1000 and abs(sum(odds.values()) - 1) < 1e-9
        if not rules.missions[f["mission"]].crew:
            assert odds["crew_lost"] == 0 and f["result"] != "crew_lost"


def test_each_result_is_one_of_the_four_and_only_a_flight_that_counts_earns_milestones(batch):
    doc, _ = batch
    for _, f in _flights(doc):
        assert f["result"] in RESULTS
        assert f["milestones"] == [] or f["result"] in ("success", "partial")
    assert {f["result"] for _, f in _flights(doc)} >= {"success", "failure"}


def test_flights_are_in_date_order_and_within_the_game(batch):
    doc, rules = batch
    for game in doc["games"]:
        dates = [parse_date(rules, f["date"]) for f in game["flights"]]
        assert dates == sorted(dates)
        assert not dates or (rules.settings.start <= dates[0] and dates[-1] <= rules.settings.end)


def test_the_log_counts_what_the_result_counts(batch):
    doc, _ = batch
    for game in doc["games"]:
        for side in game["launches"]:
            flown = [f for f in game["flights"] if f["side"] == side]
            assert len(flown) == game["launches"][side]
            assert sum(f["result"] in ("failure", "crew_lost") for f in flown) == game["failures"][side]


def test_the_milestones_flights_earned_are_the_games_firsts(batch):
    doc, rules = batch
    label = rules.date_label
    # Milestones a side has reached when the game starts come first, by date (then in file order, then side).
    history = sorted(
        (turn, order, i, side.id, ms) for i, side in enumerate(rules.sides) for ms, turn, order in side.start_milestones
    )
    for game in doc["games"]:
        # From the log alone: each side's milestones and the first side to each, on top of that history.
        reached: dict[str, dict[str, str]] = {side: {} for side in rules.side_ids}
        firsts: dict[str, dict[str, str]] = {}
        for turn, _, _, side, ms in history:
            reached[side][ms] = label(turn)
            firsts.setdefault(ms, {"side": side, "date": label(turn)})
        for f in game["flights"]:
            for ms in f["milestones"]:
                assert ms not in reached[f["side"]], f"{f['side']} earned {ms} twice"
                reached[f["side"]][ms] = f["date"]
                firsts.setdefault(ms, {"side": f["side"], "date": f["date"]})
        assert firsts == game["milestones"]
        assert reached == game["reached"]
