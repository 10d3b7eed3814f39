"""`spacerace validate` and `spacerace schema`: checking scenario and mod folders, and the JSON Schemas of their files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.cli.common import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    _fail,
)


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
