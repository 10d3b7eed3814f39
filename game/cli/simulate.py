"""`spacerace simulate`: computer-vs-computer games, their JSON, report and saves, and the summary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.cli.common import (
    EXIT_OK,
    EXIT_PLAYER_FAILED,
    EXIT_USAGE,
    UsageError,
    _fail,
    _load,
    _victory,
)


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
