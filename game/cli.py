"""The `spacerace` command: play (default), simulate, validate, schema, replay, scenarios, paths.

Every mistake a user can make on the command line or in a file ends in one line on stderr
and a non-zero exit: 1 for bad content (or a computer player that failed in `simulate`), 2 for
bad usage or unreadable input. `replay` exits 3 when a save's log does not reproduce because it
was played under other rules (its snapshot holds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1280x720") from None
    if w < 1280 or h < 720 or w > 10000 or h > 10000:
        raise argparse.ArgumentTypeError(f"{text!r}: the window must be at least 1280x720")
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
        help="e.g. us=hard (repeatable); levels easy, normal, hard, and the balance-testing bots "
        "bot_moon_rush, bot_no_crew, bot_one_line",
    )
    sim.add_argument("--swap", action="store_true", help="every other game the sides trade levels, so each plays each side half the time")
    sim.add_argument(
        "--play-on",
        action="store_true",
        help="after a side wins, play on to the end date (the result stands), so later firsts get dates too",
    )
    sim.add_argument("--jobs", type=_positive, default=1, help="games run in this many processes at once")
    sim.add_argument("--json", metavar="FILE", help="write every game's result as JSON")
    sim.add_argument("--report", metavar="FILE.html", help="write a balance report with charts (one self-contained HTML file)")
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


def cmd_play(args: argparse.Namespace) -> int:
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
        )
    )


def _load(scenario: str, mods: list[str]):  # type: ignore[no-untyped-def]
    from game.content.findings import ERROR, ContentError
    from game.content.load import load_scenario

    try:
        return load_scenario(scenario, mods), None
    except ContentError as e:
        errors = [f for f in e.findings if f.severity == ERROR] or e.findings
        first = errors[0]
        # An unknown id on the command line is a usage mistake; a broken file is bad content.
        usage = first.line == 0 and first.path in (scenario, *mods) and not Path(first.path).exists()
        more = f" (and {len(errors) - 1} more problems: run `spacerace validate`)" if len(errors) > 1 else ""
        return None, _fail(first.format(severity=False) + more, EXIT_USAGE if usage else EXIT_CONTENT)


def _parse_levels(pairs: list[str], sides: tuple[str, ...]) -> dict[str, str]:
    from game.ai import ALL_LEVELS

    levels = {s: "normal" for s in sides}
    for pair in pairs:
        side, sep, level = pair.partition("=")
        if not sep:
            raise UsageError(f"--ai {pair!r}: write SIDE=LEVEL, e.g. {sides[0]}=hard")
        if side not in sides:
            raise UsageError(f"--ai {pair!r}: no side {side!r} in this scenario (sides: {', '.join(sides)})")
        if level not in ALL_LEVELS:
            raise UsageError(f"--ai {pair!r}: no level {level!r} (levels: {', '.join(ALL_LEVELS)})")
        levels[side] = level
    return levels


def _levels_for_game(levels: dict[str, str], i: int, swap: bool) -> dict[str, str]:
    """The levels of game i: with `swap`, the sides' levels rotate by one every game."""
    if not swap:
        return dict(levels)
    sides = list(levels)
    shift = i % len(sides)
    return {side: levels[sides[(k + shift) % len(sides)]] for k, side in enumerate(sides)}


def _writable(flag: str, value: str) -> Path:
    out = Path(value)
    if out.is_dir() or (not out.parent.exists() and str(out.parent) not in ("", ".")):
        raise UsageError(f"{flag} {value}: cannot write there (is the folder missing?)")
    return out


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


_WORKER: dict[str, Any] = {}


def _worker_init(scenario: str, mods: list[str]) -> None:
    from game.content.load import load_scenario

    _WORKER["rules"] = load_scenario(scenario, mods).ruleset


def _worker_run(task: tuple[int, dict[str, str], bool]) -> dict[str, Any]:
    from game.ai.runner import run_one

    seed, levels, play_on = task
    return run_one(_WORKER["rules"], seed, levels, play_on).to_dict()


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.ai.runner import FORMAT_VERSION, PlayerFailed

    scenario, code = _load(args.scenario, args.mod)
    if scenario is None:
        return code  # type: ignore[no-any-return]
    rules = scenario.ruleset
    levels = _parse_levels(args.ai, rules.side_ids)
    json_out = _writable("--json", args.json) if args.json else None
    report_out = _writable("--report", args.report) if args.report else None
    tasks = [(args.seed + i, _levels_for_game(levels, i, args.swap), args.play_on) for i in range(args.games)]
    started = time.perf_counter()
    show = not args.quiet and sys.stderr.isatty()
    try:
        results = _run_games(args, scenario, tasks, show, started)
    except PlayerFailed as e:
        if show:
            print(file=sys.stderr)  # off the progress bar's line
        return _fail(str(e), EXIT_PLAYER_FAILED)
    if show:
        print(file=sys.stderr)
    results.sort(key=lambda r: r["seed"])
    elapsed = time.perf_counter() - started
    _print_summary(scenario, results, levels, elapsed, args.swap)
    if json_out is not None:
        doc = {
            "format_version": FORMAT_VERSION,
            "scenario": scenario.id,
            "mods": list(rules.mods),
            "levels": levels,
            "swap": args.swap,
            "play_on": args.play_on,
            "games": results,
        }
        _write_atomically(json_out, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    if report_out is not None:
        from game.ai.report import render_html

        setup = ", ".join(f"{s}={lv}" for s, lv in levels.items()) + (" (sides swapped every other game)" if args.swap else "")
        if args.play_on:
            setup += "; played on to the end date after each result (later firsts included)"
        if rules.mods:
            setup += f"; mods: {', '.join(rules.mods)}"
        page = render_html(rules, results, title=f"Space Race balance report: {scenario.id}", setup=setup)
        _write_atomically(report_out, page)
        print(f"report written to {report_out}", file=sys.stderr)
    return EXIT_OK


def _run_games(
    args: argparse.Namespace, scenario: Any, tasks: list[tuple[int, dict[str, str], bool]], show: bool, started: float
) -> list[dict[str, Any]]:
    """Every game's result, in the order they finish (in `--jobs` processes when asked). A computer player
    that raises ends the batch with `PlayerFailed`, from whichever process ran its game."""
    results: list[dict[str, Any]] = []
    if args.jobs > 1 and args.games > 1:
        import multiprocessing as mp

        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        source = scenario.id if not Path(args.scenario).is_dir() else args.scenario
        with ctx.Pool(min(args.jobs, args.games), _worker_init, (source, args.mod)) as pool:
            # Small chunks keep the progress bar moving and the processes evenly loaded.
            for r in pool.imap_unordered(_worker_run, tasks, chunksize=max(1, min(8, args.games // (args.jobs * 16)))):
                results.append(r)
                if show:
                    _progress(len(results), args.games, started)
    else:
        _WORKER["rules"] = scenario.ruleset
        for task in tasks:
            results.append(_worker_run(task))
            if show:
                _progress(len(results), args.games, started)
    return results


def _progress(done: int, total: int, started: float) -> None:
    width = 30
    filled = width * done // total
    elapsed = max(1e-9, time.perf_counter() - started)
    rate = done / elapsed
    eta = (total - done) / rate if rate > 0 else 0.0
    bar = "#" * filled + "." * (width - filled)
    print(f"\r[{bar}] {done}/{total} games, {rate:.1f}/s, {elapsed:.0f} s, about {eta:.0f} s to go ", end="", file=sys.stderr)


def _print_summary(
    scenario: Any, results: list[dict[str, Any]], levels: dict[str, str], elapsed: float, swap: bool = False
) -> None:
    from game.ai.report import summarize, text_summary

    rules = scenario.ruleset
    played = ", ".join(f"{s}={lv}" for s, lv in levels.items()) + (", sides swapped every other game" if swap else "")
    print(f"{len(results)} games of {scenario.id} in {elapsed:.1f} s ({played})")
    print(text_summary(summarize(rules, results)))


def cmd_validate(args: argparse.Namespace) -> int:
    from game.content.check import UsageProblem, validate

    try:
        report = validate(list(args.paths), list(args.mod))
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
        notes = f", {report.notes} note(s)" + ("" if args.verbose else " (--verbose shows them)") if report.notes else ""
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

    if not Path(args.save).is_file():
        return _fail(f"{args.save}: no such save file", EXIT_USAGE)
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
        print(f"(skipped) {f.format()}", file=sys.stderr)
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
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
