"""Every computer player by name: the levels a player can pick, the bots only the simulator offers, and the
`FILE.py:NAME` players `spacerace simulate --ai` loads from the command line. All have one shape.

A computer player is a callable `(PlayerView, Rng) -> list[Action]` (docs/ai.md): it reads only the view it is
handed, draws chance only from the Rng (its own dice, seeded from the game's seed, its side and the turn:
`game.engine.player_rng`), and keeps nothing between calls that it cannot rebuild from the view, so a loaded
save plays on exactly as before. The game's own levels and bots go through this registry like any other.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from hashlib import sha256
from pathlib import Path

from game.ai.bots import BOTS as _BOTS
from game.ai.modes import by_mode, prestige_hard
from game.ai.planner import TEMPERS, plan_turn
from game.ai.rush import rush_turn
from game.engine.actions import Action
from game.engine.rng import Rng
from game.engine.view import PlayerView

Player = Callable[[PlayerView, Rng], list[Action]]
Chooser = Player  # the older name of the same shape

LEVELS = ("easy", "normal", "hard")

# One line per level for the new-game screen (English; `ai.level.<level>` is the translation key).
LEVEL_INFO: dict[str, str] = {
    "easy": "A hesitant programme: spreads its money thin, leaves cash idle, and now and then chases the wrong prize "
    "or flies too soon.",
    "normal": "A steady programme: researches along the road to the Moon, picks up the firsts it can afford, flies "
    "when the odds are sensible and keeps to its own timetable.",
    "hard": "A Moon rush: pours money into the landing's research and flies each step early and in numbers. Where "
    "only prestige counts, it plays steadily for prestige.",
}
LEVEL_KEYS: dict[str, str] = {level: f"ai.level.{level}" for level in LEVELS}

# Scripted strategies for balance testing (`spacerace simulate --ai us=bot_moon_rush`); never offered in the UI.
BOT_INFO: dict[str, str] = {name: info for name, (_, info) in _BOTS.items()}
BOTS = tuple(BOT_INFO)
ALL_LEVELS = LEVELS + BOTS

FILE_SPEC = "FILE.py:NAME"


def _heuristic(level: str) -> Player:
    temper = TEMPERS[level]
    if temper.rush:
        return lambda view, rng: rush_turn(view, temper, rng)
    return lambda view, rng: plan_turn(view, temper, rng)


# The one registry of named players: the levels, then the bots.
PLAYERS: dict[str, Player] = {
    "easy": _heuristic("easy"),
    "normal": _heuristic("normal"),
    # Hard races for the Moon where a landing ends the game, and plays for prestige where only prestige decides.
    "hard": by_mode(race=_heuristic("hard"), prestige=prestige_hard),
    **{name: play for name, (play, _) in _BOTS.items()},
}

# Players loaded from a Python file named on the command line, in this process (and the workers it forks).
# Only `load_player` adds to it: a save or a mod naming a file never makes the game run that file's code.
_LOADED: dict[str, Player] = {}


class PlayerSpecError(ValueError):
    """A computer player that cannot be had from its spec: one line naming the spec, the file or the name."""


def is_file_spec(spec: str) -> bool:
    """Whether `spec` names a player in a Python file (`path/to/file.py:name`) rather than a level."""
    path, sep, _ = spec.rpartition(":")
    return bool(sep) and path.endswith(".py")


def load_player(spec: str) -> Player:
    """The player `NAME` of the Python file `FILE.py` (spec `FILE.py:NAME`), loaded once per process.

    For the command line only. Raises PlayerSpecError for a missing file or name, a file that does not load
    (a syntax error, an exception while it runs) and a name that is not callable.
    """
    if spec in _LOADED:
        return _LOADED[spec]
    path_text, _, name = spec.rpartition(":")
    path = Path(path_text)
    if not is_file_spec(spec) or not name:
        raise PlayerSpecError(f"{spec!r}: write {FILE_SPEC}, e.g. examples/ai/cautious.py:play")
    if not path.is_file():
        raise PlayerSpecError(f"{path}: no such file (for the computer player {spec!r})")
    module_name = "spacerace_player_" + sha256(str(path.resolve()).encode()).hexdigest()[:16]
    try:
        loader = importlib.util.spec_from_file_location(module_name, path)
        if loader is None or loader.loader is None:
            raise PlayerSpecError(f"{path}: cannot be loaded as Python")
        module = importlib.util.module_from_spec(loader)
        sys.modules[module_name] = module
        loader.loader.exec_module(module)
    except PlayerSpecError:
        raise
    except SyntaxError as e:
        sys.modules.pop(module_name, None)
        raise PlayerSpecError(f"{path}:{e.lineno}: syntax error: {e.msg}") from None
    except Exception as e:  # whatever the file raises while it loads: named, never a traceback
        sys.modules.pop(module_name, None)
        what = " ".join(f"{type(e).__name__}: {e}".split())
        raise PlayerSpecError(f"{path}: failed while loading: {what}") from None
    player = getattr(module, name, None)
    if player is None:
        raise PlayerSpecError(f"{path}: has no {name!r} (for the computer player {spec!r})")
    if not callable(player):
        raise PlayerSpecError(f"{path}: {name!r} is not a function (view, rng) -> list of orders")
    _LOADED[spec] = player
    return player


def player_of(spec: str) -> Player:
    """The computer player a spec names: a level, a bot, or a file player already loaded with `load_player`."""
    found = PLAYERS.get(spec) or _LOADED.get(spec)
    if found is None:
        raise PlayerSpecError(f"no computer player {spec!r} (levels: {', '.join(ALL_LEVELS)}; or {FILE_SPEC})")
    return found


def choose_actions(view: PlayerView, level: str = "normal", rng: Rng | None = None) -> list[Action]:
    """The orders the computer player `level` gives this turn (EndTurn not included); an unknown name plays
    normal (a save from another version, or one naming a file player, plays on)."""
    chooser = PLAYERS.get(level) or _LOADED.get(level) or PLAYERS["normal"]
    return list(chooser(view, rng or Rng.from_seed(view.turn)))
