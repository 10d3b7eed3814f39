"""`spacerace replay`: re-run a save's action log and check that it reproduces."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.cli.common import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_RULES_CHANGED,
    EXIT_USAGE,
    _fail,
)


def cmd_replay(args: argparse.Namespace) -> int:
    from game.io import SaveError, replay
    from game.io.reading import check_regular

    if not os.path.lexists(args.save):
        return _fail(f"{args.save}: no such save file", EXIT_USAGE)
    try:
        check_regular(Path(args.save))  # a folder or a pipe is named for what it is, at once
    except SaveError as e:
        return _fail(str(e), EXIT_USAGE)
    try:
        result = replay(Path(args.save))
    except SaveError as e:
        return _fail(str(e), EXIT_CONTENT)
    except OSError as e:
        return _fail(f"{args.save}: cannot read ({e.strerror or e})", EXIT_USAGE)
    print(result.summary)
    if result.ok:
        return EXIT_OK
    return EXIT_RULES_CHANGED if result.rules_changed else EXIT_CONTENT
