"""The saves list reads only envelopes: newest first, and unreadable files reported rather than fatal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from io_kit import one_line_about, random_game

from game.content.load import Scenario
from game.io import list_saves, save_game


def test_saves_are_listed_newest_first_with_their_metadata(tmp_path: Path, tiny: Scenario) -> None:
    folder = tmp_path / "saves"
    for name, day, stop in [("b", 3, 30), ("a", 1, 10), ("c", 2, None)]:
        save_game(
            folder / f"{name}.json",
            random_game(tiny, seed=day, stop_after=stop),
            now=datetime(1970, 1, day, tzinfo=UTC),
        )
    listing = list_saves()
    assert [s.name for s in listing.saves] == ["b", "c", "a"]
    assert listing.unreadable == []
    first = listing.saves[0]
    assert first.scenario == "tiny" and first.sides == ("red",) and first.mods == ()
    assert first.saved_at == "1970-01-03T00:00:00+00:00"
    assert first.date == tiny.ruleset.date_label(first.turn)
    assert first.size == (folder / "b.json").stat().st_size
    assert (listing.saves[1].over and listing.saves[1].winner is not None) or listing.saves[1].over


def test_corrupt_and_foreign_files_are_skipped_and_reported(tmp_path: Path, finished: object) -> None:
    folder = tmp_path / "saves"
    save_game(folder / "good.json", finished)  # type: ignore[arg-type]
    (folder / "cut.json").write_bytes((folder / "good.json").read_bytes()[:100])
    (folder / "settings.json").write_text('{"volume": 3}', encoding="utf-8")
    (folder / "notes.txt").write_text("not a save", encoding="utf-8")
    listing = list_saves(folder)
    assert [s.name for s in listing.saves] == ["good"]
    assert sorted(Path(e.path).name for e in listing.unreadable) == ["cut.json", "settings.json"]
    assert all(one_line_about(str(e), Path(e.path)) for e in listing.unreadable)


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    listing = list_saves(tmp_path / "nowhere")
    assert listing.saves == [] and listing.unreadable == []


def test_a_moon_race_save_counts_the_turns_to_its_deadline(tmp_path: Path) -> None:
    """Played by hand: the saves list said "1963-Q1 · turn 31 of 82" while the top bar said "of 62": the Moon race
    ends at its deadline (1970-Q4), and the list counted to the scenario's 1975."""
    from game.content.load import load_scenario
    from game.engine import Setup
    from game.io import GameRecord, save_game
    from game.io.listing import read_info

    campaign = load_scenario(str(Path(__file__).resolve().parents[2] / "scenarios" / "race_1955"))
    rules = campaign.ruleset
    assert rules.end_of("") < rules.settings.end, "the default mode has its own deadline"
    record = GameRecord.start(campaign, Setup(controllers=(("us", "human"), ("ussr", "ai:normal"))), 3)
    info = read_info(save_game(tmp_path / "race.json", record))
    assert (info.turn_of_game, info.turns_in_game) == (1, rules.end_of("") - rules.settings.start + 1)
