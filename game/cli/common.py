"""What every `spacerace` command shares: the exit codes, usage errors as one line, the checks of a flag's value,
and opening a scenario with its mods the way play and simulate both do."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_PLAYER_FAILED = 1  # a computer player raised during `simulate`: named in one line, no traceback
EXIT_USAGE = 2
EXIT_RULES_CHANGED = 3  # replay: the log was played under another RULES_VERSION and does not reproduce under these
DEFAULT_SCENARIO = "race_1955"


class UsageError(Exception):
    """A wrong flag or value: reported as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _fail(message: str, code: int) -> int:
    print(f"spacerace: error: {message}", file=sys.stderr)
    return code


MAX_DIGITS = 30  # of a whole number on the command line: far past any use, and short enough to quote


def _shown(text: str) -> str:
    """`text` quoted for a message, cut short when it is long (a 5000-digit number is not repeated)."""
    return repr(text) if len(text) <= 40 else f"'{text[:12]}…' ({len(text)} characters)"


def _integer(text: str) -> int:
    digits = text.strip().lstrip("+-").replace("_", "")
    if digits.isdigit() and len(digits.lstrip("0")) > MAX_DIGITS:
        # Checked before int(): Python refuses over 4300 digits with a hint about its own settings.
        raise argparse.ArgumentTypeError(f"{_shown(text)} has too many digits (at most {MAX_DIGITS})")
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a whole number") from None


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{_shown(text)} must be 1 or more")
    return value


def _size(text: str) -> tuple[int, int]:
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() and len(p.strip()) <= 6 for p in parts):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a size like 1280x720")
    w, h = (int(p) for p in parts)
    if w < 1280 or h < 720 or w > 10000 or h > 10000:
        raise argparse.ArgumentTypeError(f"{_shown(text)}: the window must be at least 1280x720")
    return w, h


def _load(scenario: str, mods: list[str]):  # type: ignore[no-untyped-def]
    from game.content.findings import ERROR, ContentError
    from game.content.load import USAGE_CODES, load_scenario

    try:
        loaded = load_scenario(scenario, mods)
    except ContentError as e:
        errors = [f for f in e.findings if f.severity == ERROR] or e.findings
        first = errors[0]
        # An unknown id on the command line is a usage mistake; a broken file is bad content.
        usage = first.code in USAGE_CODES
        more = f" (and {len(errors) - 1} more problems: run `spacerace validate`)" if len(errors) > 1 else ""
        return None, _fail(first.format(severity=False) + more, EXIT_USAGE if usage else EXIT_CONTENT)
    _print_warnings(loaded.player_warnings)
    return loaded, None


def _print_warnings(findings: Sequence[Any]) -> None:
    """Mods that clash, a shadowed package: one line each on stderr, before the game starts."""
    for f in findings:
        print(f"spacerace: warning: {f.format(severity=False)}", file=sys.stderr)


def _victory(mode: str | None, rules: Any) -> str:
    """`--victory`: a victory mode of the ruleset ("" when not given); UsageError naming the modes otherwise."""
    from game.engine.setup import victory_mode

    if mode is None:
        return ""
    try:
        victory_mode(rules, mode)  # the engine's own check, as new_game makes it
    except ValueError as e:
        raise UsageError(f"--victory: {e}" + ("" if rules.victory_modes else ": leave --victory out")) from None
    return mode
