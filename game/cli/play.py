"""`spacerace play`: everything it was told to open checked before the window opens, then the window."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from game.cli.common import (
    DEFAULT_SCENARIO,
    EXIT_CONTENT,
    EXIT_USAGE,
    UsageError,
    _fail,
    _load,
    _victory,
)


def _check_play(args: argparse.Namespace) -> tuple[dict[str, Any], int | None]:
    """Everything `play` was told to open, opened before the window is: (what was opened, None), or (_, exit code)
    after one line. An unknown language, scenario, mod or save file is exit 2; a file that is there but cannot
    be loaded is exit 1."""
    from game.ui.settings import LANGUAGES

    if args.lang is not None and args.lang not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        return {}, _fail(f"--lang {args.lang!r}: the game has no such language (it has: {known})", EXIT_USAGE)
    opened: dict[str, Any] = {}
    # a scenario, a mod or a victory mode named on the command line; the default campaign with no mods is the
    # window's to open when a game starts (loading it here cost the title menu a second: benchmarks/first_frame.py)
    if args.scenario != DEFAULT_SCENARIO or args.mod or args.victory is not None:
        scenario, code = _load(args.scenario, list(args.mod))
        if scenario is None:
            return {}, code
        opened["scenario"] = scenario
    if args.victory is not None:
        if args.load is not None:
            return {}, _fail("--victory with --load: a save keeps the victory mode it was started with", EXIT_USAGE)
        try:
            _victory(args.victory, opened["scenario"].ruleset)
        except UsageError as e:
            return {}, _fail(str(e), EXIT_USAGE)
    if args.load is not None:
        from game.io import SaveError, load_game

        path = Path(args.load)
        if not os.path.lexists(path):
            return {}, _fail(f"{path}: no such save file", EXIT_USAGE)
        try:
            opened["loaded"] = load_game(path)
        except SaveError as e:
            return {}, _fail(str(e), EXIT_CONTENT)
    return opened, None


def cmd_play(args: argparse.Namespace) -> int:
    opened, code = _check_play(args)
    if code is not None:
        return code
    try:
        from game.ui.app import run
    except ImportError as e:
        return _fail(f"the game window cannot start: {e}", EXIT_USAGE)
    return int(
        run(
            scenario=args.scenario,
            mods=list(args.mod),
            load=args.load,
            demo=args.demo,
            lang=args.lang,
            size=args.size,
            fullscreen=args.fullscreen,
            seed=args.seed,
            opened=opened,
            victory=args.victory,
        )
    )
