"""The `spacerace` command: play (default), simulate, validate, schema, replay, scenarios, paths.

Every mistake a user can make on the command line or in a file ends in one line on stderr
and a non-zero exit: 1 for bad content (or a computer player that failed in `simulate`), 2 for
bad usage or unreadable input. `replay` exits 3 when a save's log does not reproduce because it
was played under other rules (its snapshot holds).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
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


# ------------------------------------------------------------------------------ commands


def _check_play(args: argparse.Namespace) -> tuple[dict[str, Any], int | None]:
    """Everything `play` was told to open, opened before the window is: (what was opened, None), or (_, exit code)
    after one line. An unknown language, scenario, mod or save file is exit 2; a file that is there but cannot
    be loaded is exit 1."""
    from game.ui.settings import LANGUAGES

    if args.lang is not None and args.lang not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        return {}, _fail(f"--lang {args.lang!r}: the game has no such language (it has: {known})", EXIT_USAGE)
    opened: dict[str, Any] = {}
    if args.load is None or args.scenario != DEFAULT_SCENARIO or args.mod:
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
    if not args.load:
        _warn_mod_set(args.scenario, args.mod)
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


def _warn_mod_set(scenario: str, mods: list[str]) -> None:
    """The mod set's warnings before the window opens; a set that does not load is the window's to report."""
    from game.content.findings import ContentError
    from game.content.load import load_scenario

    with contextlib.suppress(ContentError):
        _print_warnings(load_scenario(scenario, mods).player_warnings)


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


def _parse_levels(pairs: list[str], sides: tuple[str, ...]) -> dict[str, str]:
    """`--ai SIDE=PLAYER` pairs: a level, a bot, or `FILE.py:NAME` (loaded here, from the command line only)."""
    from game.ai import ALL_LEVELS, PlayerSpecError, is_file_spec, load_player

    levels = {s: "normal" for s in sides}
    for pair in pairs:
        side, sep, level = pair.partition("=")
        if not sep:
            raise UsageError(f"--ai {pair!r}: write SIDE=LEVEL, e.g. {sides[0]}=hard")
        if side not in sides:
            raise UsageError(f"--ai {pair!r}: no side {side!r} in this scenario (sides: {', '.join(sides)})")
        if is_file_spec(level):
            try:
                load_player(level)
            except PlayerSpecError as e:
                raise UsageError(f"--ai {side}: {e}") from None
        elif level not in ALL_LEVELS:
            raise UsageError(
                f"--ai {pair!r}: no level {level!r} (levels: {', '.join(ALL_LEVELS)}; or a player FILE.py:NAME)"
            )
        levels[side] = level
    return levels


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _outputs(args: argparse.Namespace) -> tuple[Path | None, Path | None, Path | None]:
    """`--json`, `--report` and `--saves`, each tried before the first game (UsageError if one cannot be written)."""
    from game.simulate import OutputProblem, probe_file, probe_folder

    try:
        json_out = probe_file("--json", args.json) if args.json else None
        report_out = probe_file("--report", args.report) if args.report else None
        saves = probe_folder("--saves", args.saves) if args.saves else None
    except OutputProblem as e:
        raise UsageError(str(e)) from None
    if json_out is not None and report_out is not None and json_out.resolve() == report_out.resolve():
        raise UsageError(f"--json and --report are the same file ({args.json}): give each its own")
    return json_out, report_out, saves


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.ai.runner import PlayerFailed
    from game.simulate import Batch, JsonStream, OutputProblem, SaveFailed, run, usable_jobs, usage_of

    scenario, code = _load(args.scenario, args.mod)
    if scenario is None:
        return code  # type: ignore[no-any-return]
    rules = scenario.ruleset
    levels = _parse_levels(args.ai, rules.side_ids)
    victory = _victory(args.victory, rules)
    json_out, report_out, saves = _outputs(args)
    batch = Batch(
        scenario=scenario,
        source=scenario.id if not Path(args.scenario).is_dir() else args.scenario,
        mods=list(args.mod),
        levels=levels,
        games=args.games,
        seed=args.seed,
        swap=args.swap,
        play_on=args.play_on,
        victory=victory,
        jobs=usable_jobs(args.jobs),
        saves=saves,
    )
    if batch.jobs < min(args.jobs, args.games) and not args.quiet:
        print(
            f"spacerace: running {batch.jobs} processes at once, not {args.jobs}: the most that help here",
            file=sys.stderr,
        )
    head = {
        "scenario": scenario.id,
        "mods": list(rules.mods),
        "levels": levels,
        "swap": args.swap,
        "play_on": args.play_on,
        "victory": victory or rules.default_mode,
    }
    show = not args.quiet and sys.stderr.isatty()
    try:
        stream = JsonStream(json_out, head) if json_out is not None else None
        tally, elapsed, stopped = run(batch, stream, show)
    except PlayerFailed as e:
        return _fail(str(e), EXIT_PLAYER_FAILED)
    except (OutputProblem, SaveFailed) as e:
        return _fail(str(e), EXIT_USAGE)
    if stopped:
        kept = f"; {json_out} holds them" if json_out is not None else ""
        print(f"spacerace: interrupted: {tally.games} of {args.games} games finished{kept}", file=sys.stderr)
    usage = usage_of(scenario, tally)
    # The files first: a closed stdout (`| head`) must not cost them.
    if report_out is not None and tally.games:
        from game.ai.report import render_html

        setup = ", ".join(f"{s}={lv}" for s, lv in levels.items()) + (
            " (sides swapped every other game)" if args.swap else ""
        )
        if args.play_on:
            setup += "; played on to the end date after each result (later firsts included)"
        if rules.mods:
            setup += f"; mods: {', '.join(rules.mods)}"
        page = render_html(rules, tally, title=f"Space Race balance report: {scenario.id}", setup=setup, usage=usage)
        try:
            _write_atomically(report_out, page)
        except OSError as e:
            return _fail(f"--report {report_out}: cannot write there ({e.strerror or e})", EXIT_USAGE)
        print(f"report written to {report_out}", file=sys.stderr)
    _print_summary(scenario, tally, levels, elapsed, args.swap, usage)
    return stopped or EXIT_OK


def _print_summary(
    scenario: Any, tally: Any, levels: dict[str, str], elapsed: float, swap: bool = False, usage: Any = None
) -> None:
    from game.ai.report import summarize, text_summary
    from game.ai.usage import text_report

    played = ", ".join(f"{s}={lv}" for s, lv in levels.items()) + (", sides swapped every other game" if swap else "")
    print(f"{tally.games} games of {scenario.id} in {elapsed:.1f} s ({played})")
    print(text_summary(summarize(scenario.ruleset, tally)), flush=True)
    if usage is not None:
        print()
        print(text_report(usage, tally.games), flush=True)


def cmd_validate(args: argparse.Namespace) -> int:
    from game.content.check import UsageProblem, validate

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the art check loads drawings as the window does
    from game.ui.art import svg_problem

    try:
        report = validate(list(args.paths), list(args.mod), parse_art=svg_problem)
    except UsageProblem as e:
        return _fail(str(e), EXIT_USAGE)
    shown = report.shown(args.verbose)
    if args.format == "json":
        doc = {
            "checked": report.checked,
            "errors": report.errors,
            "warnings": report.warnings,
            "notes": report.notes,
            "findings": [f.to_dict() for f in shown],
        }
        print(json.dumps(doc, indent=1, ensure_ascii=False))
    else:
        for f in shown:
            print(f.format())
        notes = (
            f", {report.notes} note(s)" + ("" if args.verbose else " (--verbose shows them)") if report.notes else ""
        )
        checked = ", ".join(report.checked) or "nothing"
        print(f"checked {checked}: {report.errors} error(s), {report.warnings} warning(s){notes}", file=sys.stderr)
    return EXIT_CONTENT if report.errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from game.content.schema import write_schemas

    out = Path(args.out)
    try:
        written = write_schemas(out)
    except OSError as e:
        return _fail(f"{out}: cannot write schemas ({e.strerror or e})", EXIT_USAGE)
    for path in written:
        print(path)
    return EXIT_OK


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


def cmd_scenarios(args: argparse.Namespace) -> int:
    from game.content.packages import discover
    from game.content.yamlsafe import YamlError, load_yaml

    packages, problems = discover()
    print(f"{'id':<22}{'kind':<10}{'version':<9}name")
    for pid, pkg in sorted(packages.items(), key=lambda kv: (kv[1].is_mod, kv[0])):
        name = pkg.manifest.name
        if not isinstance(name, dict):
            key = name or f"scenario.{pid}.name"
            name_text = key
            en = pkg.string_files.get("en")
            if en:
                try:
                    table = load_yaml(en) or {}
                    name_text = str(table.get(key, key)) if isinstance(table, dict) else key
                except YamlError:
                    pass
        else:
            name_text = name.get("en") or next(iter(name.values()), pid)
        print(f"{pid:<22}{pkg.manifest.kind:<10}{pkg.manifest.version:<9}{name_text}")
    for f in problems:
        print(f"(skipped) {f.format()}" if f.severity == "error" else f.format(), file=sys.stderr)
    return EXIT_OK


def cmd_paths(args: argparse.Namespace) -> int:
    from game.paths import places

    found = places()
    width = max(len(p.label) for p in found) + 2
    for place in found:
        note = f"  ({place.note})" if place.note else ""
        print(f"{place.label + ':':<{width}}{place.path}{note}")
    return EXIT_OK


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


if __name__ == "__main__":
    raise SystemExit(main())
