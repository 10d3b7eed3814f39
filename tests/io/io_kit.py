"""Helpers for the save tests: the tiny scenario's place, random playthroughs, and editing a save's JSON."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.content.load import Scenario
from game.engine import EndTurn, Setup, legal_actions
from game.io import GameRecord
from game.io.envelope import checksum

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
SAVES = Path(__file__).resolve().parents[1] / "fixtures" / "saves"  # saves as older versions of the game wrote them
SETUP = Setup(controllers=(("red", "human"), ("blue", "ai:normal")))
MAX_ACTIONS = 2_000  # far above a finished tiny game; stops a loop if the engine ever stalls


def play_randomly(record: GameRecord, seed: int, stop_after: int | None = None) -> GameRecord:
    """Pick legal actions with a seeded RNG, ending turns now and then, until the game is over (or `stop_after`)."""
    rng = random.Random(seed)
    while not record.over and len(record.actions) < (stop_after or MAX_ACTIONS):
        side = next(s for s in record.rules.side_ids if not record.state.sides[s].ended)
        choices = [a for a in legal_actions(record.state, side) if not isinstance(a, EndTurn)]
        if not choices or rng.random() < 0.3:
            record.apply(EndTurn(side))
        else:
            record.apply(rng.choice(choices))
    return record


def random_game(scenario: Scenario, seed: int, stop_after: int | None = None) -> GameRecord:
    return play_randomly(GameRecord.start(scenario, SETUP, seed), seed, stop_after)


def rewrite(path: Path, edit: Callable[[dict[str, Any]], Any], *, reseal: bool = True) -> None:
    """Edit a save's JSON in place; `reseal` recomputes the checksum so the edit reaches the deeper checks."""
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    if reseal:
        data["checksum"] = checksum(data)
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def one_line_about(message: str, path: Path) -> bool:
    return "\n" not in message and message.startswith(f"{path}: ")
