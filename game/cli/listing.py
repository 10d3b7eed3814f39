"""`spacerace scenarios` and `spacerace paths`: what is installed, and every folder the game reads and writes."""

from __future__ import annotations

import argparse
import sys

from game.cli.common import (
    EXIT_OK,
)


def cmd_scenarios(args: argparse.Namespace) -> int:
    from game.content.packages import discover

    packages, problems = discover()
    print(f"{'id':<22}{'kind':<10}{'version':<9}name")
    for pid, pkg in sorted(packages.items(), key=lambda kv: (kv[1].is_mod, kv[0])):
        name = pkg.manifest.name
        if not isinstance(name, dict):
            key = name or f"scenario.{pid}.name"
            name_text = pkg.text(key, "en") or key
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
