"""Golden games: the rules and the computer players play exactly as they did when the hashes were written.

If one of these fails, either a change moved behaviour it should not have (a pure move must change no
hash), or it changes a rule on purpose: then rewrite the hashes as tests/golden/README.md says.
"""

from __future__ import annotations

import pytest
from golden_kit import (
    AI_CAMPAIGNS,
    PACKAGES,
    AiGame,
    play_ai_game,
    read_ai_games,
    read_log,
    read_rules_version,
    replay_log,
)

from game.engine import RULES_VERSION

REWRITE = "(if the change is meant, run `python tests/golden/rewrite.py` and follow tests/golden/README.md)"


@pytest.mark.parametrize("package", [p.name for p in PACKAGES])
def test_fixed_action_log_replays_to_its_golden_hash(package: str) -> None:
    doc = read_log(package)
    got = replay_log(package, doc)
    assert got.illegal is None, f"{package}: {got.illegal} {REWRITE}"
    for (n, want), (m, have) in zip(doc["checkpoints"], got.checkpoints, strict=False):
        assert (n, want) == (m, have), f"{package}: first drift after action {n} {REWRITE}"
    assert len(got.checkpoints) == len(doc["checkpoints"])
    assert got.final_hash == doc["final_hash"], f"{package}: final state differs {REWRITE}"


def test_the_logs_were_written_under_the_engines_rules_version() -> None:
    # A change of the rules rewrites the logs and raises RULES_VERSION in the same commit (see README.md).
    assert read_rules_version() == RULES_VERSION, (
        f"the golden logs were written under rules version {read_rules_version()}, the engine plays {RULES_VERSION}: "
        "run `python tests/golden/rewrite.py --logs-only`"
    )


@pytest.mark.parametrize("game", AI_CAMPAIGNS, ids=lambda g: g.key)
def test_computer_played_campaign_ends_in_its_golden_hash(game: AiGame) -> None:
    want = read_ai_games()[game.key]
    got = play_ai_game(game)
    assert got == want, f"{game.key}: the campaign played differently {REWRITE}"


def test_golden_logs_cover_every_shipped_package() -> None:
    from game.content.packages import discover

    packages, _ = discover()
    assert {p.name for p in PACKAGES} == set(packages)


def test_golden_campaigns_cover_every_level_and_package() -> None:
    assert {level for g in AI_CAMPAIGNS for level in g.levels} == {"easy", "normal", "hard"}
    assert {g.package for g in AI_CAMPAIGNS} == {p.name for p in PACKAGES}
    assert set(read_ai_games()) == {g.key for g in AI_CAMPAIGNS}
