"""The `spacerace` command: play (default), simulate, validate, schema, replay, scenarios, paths.

Every mistake a user can make on the command line or in a file ends in one line on stderr
and a non-zero exit: 1 for bad content (or a computer player that failed in `simulate`), 2 for
bad usage or unreadable input. `replay` exits 3 when a save's log does not reproduce because it
was played under other rules (its snapshot holds).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from game.cli.common import (
    DEFAULT_SCENARIO,
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_PLAYER_FAILED,
    EXIT_RULES_CHANGED,
    EXIT_USAGE,
    UsageError,
    _fail,
    _integer,
    _Parser,
    _positive,
    _size,
)
from game.cli.content import cmd_schema, cmd_validate
from game.cli.listing import cmd_paths, cmd_scenarios
from game.cli.play import cmd_play
from game.cli.replay import cmd_replay
from game.cli.simulate import cmd_simulate

__all__ = [
    "EXIT_CONTENT",
    "EXIT_OK",
    "EXIT_PLAYER_FAILED",
    "EXIT_RULES_CHANGED",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "main",
]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="spacerace", description="Space Race: a turn-based strategy game of the race to the Moon.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    play = sub.add_parser("play", help="play in a window (the default)")
    play.add_argument("--scenario", default=DEFAULT_SCENARIO, help="scenario id or folder")
    play.add_argument("--mod", action="append", default=[], help="mod id or folder (repeatable)")
    play.add_argument("--load", metavar="SAVE", help="open this save")
    play.add_argument("--demo", action="store_true", help="watch the computer play both sides")
    play.add_argument("--lang", help="language: en, vi, ...")
    play.add_argument("--size", type=_size, help="window size, e.g. 1280x720")
    play.add_argument("--fullscreen", action="store_true", default=None)
    play.add_argument("--seed", type=_integer)
    play.add_argument(
        "--victory",
        metavar="MODE",
        help="how the game is won: a victory mode of the scenario "
        "(the default campaign: moon_race, the default, or space_age)",
    )

    sim = sub.add_parser("simulate", help="computer-vs-computer games, with a summary")
    sim.add_argument("--games", type=_positive, default=10)
    sim.add_argument("--seed", type=_integer, default=1, help="game i uses seed S+i")
    sim.add_argument("--scenario", default=DEFAULT_SCENARIO)
    sim.add_argument("--mod", action="append", default=[])
    sim.add_argument(
        "--ai",
        action="append",
        default=[],
        metavar="SIDE=LEVEL",
        help="e.g. us=hard (repeatable); levels easy, normal, hard; the balance-testing bots bot_*; or a "
        "computer player of your own, SIDE=FILE.py:NAME (see docs/ai.md)",
    )
    sim.add_argument(
        "--swap",
        action="store_true",
        help="every other game the sides trade levels, so each plays each side half the time",
    )
    sim.add_argument(
        "--play-on",
        action="store_true",
        help="after a side wins, play on to the end date (the result stands), so later firsts get dates too",
    )
    sim.add_argument(
        "--victory",
        metavar="MODE",
        help="how the games are won: a victory mode of the scenario (the default campaign: moon_race, the default, "
        "or space_age)",
    )
    sim.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        help="games run in this many processes at once (at most the processors, and 8)",
    )
    sim.add_argument(
        "--json",
        metavar="FILE",
        help="write every game's result as JSON, as each finishes (into a hidden file beside FILE, moved to FILE "
        "at the end; Ctrl-C keeps the finished games)",
    )
    sim.add_argument(
        "--report", metavar="FILE.html", help="write a balance report with charts (one self-contained HTML file)"
    )
    sim.add_argument(
        "--saves", metavar="DIR", help="keep each game's save in this folder (game-SEED.json), for `spacerace replay`"
    )
    sim.add_argument("--quiet", action="store_true", help="no progress line")

    val = sub.add_parser("validate", help="check scenario and mod folders")
    val.add_argument("paths", nargs="*", help="scenario or mod folders (default: everything installed)")
    val.add_argument("--mod", action="append", default=[], help="also load these mods on top")
    val.add_argument("--format", choices=["text", "json"], default="text")
    val.add_argument("--verbose", action="store_true", help="also show notes (replaced records, missing descriptions)")

    sch = sub.add_parser("schema", help="write JSON Schemas for scenario files")
    sch.add_argument("--out", default=".", help="folder to write them into (default: the current folder)")

    rep = sub.add_parser(
        "replay",
        help="re-run a save's action log and check its hash (exit 0 same game, 1 it differs, 3 the rules changed)",
    )
    rep.add_argument("save")

    sub.add_parser("scenarios", help="list installed scenarios and mods")
    sub.add_parser("paths", help="print every folder the game reads and writes (saves, settings, mods...)")
    return p


COMMANDS = {
    "play": cmd_play,
    "simulate": cmd_simulate,
    "validate": cmd_validate,
    "schema": cmd_schema,
    "replay": cmd_replay,
    "scenarios": cmd_scenarios,
    "paths": cmd_paths,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["play", *argv]
    try:
        args = parser.parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as e:
        return _fail(str(e), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK


def _quiet_stdout() -> None:
    """The reader of our output left (`| head`): what is still buffered goes nowhere, not into a traceback
    when Python flushes it on the way out."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed to a closed pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
