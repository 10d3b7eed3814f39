"""Golden games: fixed action logs and seeded computer-played campaigns whose final state hashes pin behaviour.

Two sets, kept in this folder:

- `logs/<name>.json`: one game per shipped package, its whole action log and the state hash after
  every turn. Replaying a log pins the rules alone: the computer players do not take part.
- `ai_games.json`: a dozen campaigns played by the computer players (easy, normal and hard, across
  the packages), each by its seed and levels, with the final hash. They pin rules and players.

Rewrite both with `python tests/golden/rewrite.py` (see tests/golden/README.md for when that is
allowed). A log that the rules no longer accept is played again by the computer players.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from game.ai.runner import play_game
from game.content.load import Scenario, fingerprint, load_scenario
from game.engine import Setup, apply, is_over, new_game, state_hash
from game.engine.actions import IllegalAction
from game.io.codecs import dump_actions, read_actions

HERE = Path(__file__).resolve().parent
LOGS = HERE / "logs"
AI_GAMES = HERE / "ai_games.json"
RULES = HERE / "rules_version.json"  # the engine's RULES_VERSION the logs were last written under


@dataclass(frozen=True)
class Package:
    """A shipped scenario with its mods, as one golden log plays it."""

    name: str
    scenario: str
    mods: tuple[str, ...] = ()


# One log per shipped package (each mod on the default campaign).
PACKAGES = (
    Package("race_1955", "race_1955"),
    Package("korolev_lives", "race_1955", ("korolev_lives",)),
    Package("kennedy_1961", "race_1955", ("kennedy_1961",)),
    Package("europe", "race_1955", ("europe",)),
    Package("china_1966", "race_1955", ("china_1966",)),
)
LOG_SEED = 20261206
LOG_LEVELS = ("normal", "hard", "easy")  # the log's sides are played by these, in side order


@dataclass(frozen=True)
class AiGame:
    package: str
    seed: int
    levels: tuple[str, ...]  # by side, in the ruleset's side order
    play_on: bool = False
    victory: str = ""  # the ruleset's victory mode ("": its default)

    @property
    def key(self) -> str:
        on = "+play_on" if self.play_on else ""
        mode = f"+{self.victory}" if self.victory else ""
        return f"{self.package}:{self.seed}:{'-'.join(self.levels)}{on}{mode}"


AI_CAMPAIGNS = (
    AiGame("race_1955", 1, ("normal", "normal")),
    AiGame("race_1955", 2, ("normal", "normal"), play_on=True),
    AiGame("race_1955", 3, ("easy", "normal")),
    AiGame("race_1955", 4, ("normal", "easy")),
    AiGame("race_1955", 5, ("hard", "normal")),
    AiGame("race_1955", 6, ("normal", "hard")),
    AiGame("korolev_lives", 7, ("normal", "normal")),
    AiGame("korolev_lives", 8, ("hard", "easy")),
    AiGame("kennedy_1961", 9, ("normal", "normal")),
    AiGame("kennedy_1961", 10, ("easy", "hard")),
    AiGame("europe", 11, ("normal", "normal", "normal")),
    AiGame("europe", 12, ("hard", "normal", "easy"), play_on=True),
    AiGame("race_1955", 13, ("normal", "hard"), victory="space_age"),
    AiGame("china_1966", 14, ("normal", "normal", "normal"), victory="space_age"),  # a side that joins in 1966
)


# Parts of a scenario's content that are words, not rules: a state hash covers the ruleset's fingerprint,
# and the golden games pin behaviour, so a new language or a reworded event must move no hash.
TEXT_PARTS = ("strings", "languages")


@cache
def scenario(package: str) -> Scenario:
    """The package as the golden games play it: its ruleset fingerprinted over its rules, without its texts."""
    pkg = next(p for p in PACKAGES if p.name == package)
    sc = load_scenario(pkg.scenario, list(pkg.mods))
    rules_only = fingerprint({k: v for k, v in sc.content.items() if k not in TEXT_PARTS})
    return replace(sc, ruleset=replace(sc.ruleset, fingerprint=rules_only))


def log_path(package: str) -> Path:
    return LOGS / f"{package}.json"


# ------------------------------------------------------------------------------ the logs


@dataclass
class Replayed:
    final_hash: str
    checkpoints: list[tuple[int, str]]  # (actions applied, hash) after each turn closed
    illegal: str | None = None  # why the log stopped, when the rules no longer accept an action


def replay_log(package: str, doc: dict[str, Any]) -> Replayed:
    """Apply the log's actions in order to a new game; the hash after each turn and at the end."""
    rules = scenario(package).ruleset
    state = new_game(rules, Setup(play_on=bool(doc.get("play_on"))), int(doc["seed"]))
    checkpoints: list[tuple[int, str]] = []
    for n, (data, action) in enumerate(zip(doc["actions"], read_actions(doc["actions"]), strict=True), 1):
        try:
            after, _ = apply(state, action)
        except IllegalAction as e:
            return Replayed(state_hash(state), checkpoints, f"action {n} ({data}) is refused: {e}")
        if after.turn != state.turn or after.phase != state.phase:
            checkpoints.append((n, state_hash(after)))
        state = after
    if not is_over(state):
        return Replayed(state_hash(state), checkpoints, "the log ends before the game does")
    return Replayed(state_hash(state), checkpoints)


def record_log(package: str) -> dict[str, Any]:
    """Play the package's golden game with the computer players and keep its log and hashes."""
    rules = scenario(package).ruleset
    levels = {side: LOG_LEVELS[i % len(LOG_LEVELS)] for i, side in enumerate(rules.side_ids)}
    final, log = play_game(rules, LOG_SEED, levels, play_on=True)
    doc: dict[str, Any] = {
        "package": package,
        "seed": LOG_SEED,
        "play_on": True,
        "levels": levels,
        "actions": dump_actions(log),
    }
    done = replay_log(package, doc)
    assert done.illegal is None, done.illegal
    assert done.final_hash == state_hash(final), "a recorded log must replay to the game it came from"
    doc["checkpoints"] = [list(c) for c in done.checkpoints]
    doc["final_hash"] = done.final_hash
    return doc


def read_log(package: str) -> dict[str, Any]:
    return json.loads(log_path(package).read_text(encoding="utf-8"))


def read_rules_version() -> int:
    return int(json.loads(RULES.read_text(encoding="utf-8"))["rules_version"])


def write_json(path: Path, doc: Any) -> None:
    path.write_text(json.dumps(doc, indent=0, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------ the computer-played campaigns


def play_ai_game(game: AiGame) -> dict[str, Any]:
    rules = scenario(game.package).ruleset
    levels = dict(zip(rules.side_ids, game.levels, strict=True))
    final, log = play_game(rules, game.seed, levels, play_on=game.play_on, victory=game.victory)
    return {
        "final_hash": state_hash(final),
        "actions": len(log),
        "turn": final.turn,
        "winner": final.winner,
    }


def read_ai_games() -> dict[str, dict[str, Any]]:
    return json.loads(AI_GAMES.read_text(encoding="utf-8"))


__all__ = [
    "AI_CAMPAIGNS",
    "PACKAGES",
    "AiGame",
    "play_ai_game",
    "read_ai_games",
    "read_log",
    "read_rules_version",
    "record_log",
    "replay_log",
]
