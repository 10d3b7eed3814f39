"""Rewrite the golden games: `python tests/golden/rewrite.py [--logs-only | --ai-only] [--fresh-logs]`.

A log whose actions the rules still accept keeps its actions and gets its new hashes; a log that the
rules refuse somewhere (or `--fresh-logs`) is played again by the computer players. Prints what
changed. Read tests/golden/README.md first: a rewrite goes in a commit of its own that names the one
rule or behaviour it changes, with the balance table before and after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_kit import (
    AI_CAMPAIGNS,
    AI_GAMES,
    LOGS,
    PACKAGES,
    log_path,
    play_ai_game,
    read_log,
    record_log,
    replay_log,
    write_json,
)


def rewrite_logs(fresh: bool) -> None:
    LOGS.mkdir(exist_ok=True)
    for pkg in PACKAGES:
        path = log_path(pkg.name)
        old = read_log(pkg.name) if path.exists() else None
        if old is not None and not fresh:
            again = replay_log(pkg.name, old)
            if again.illegal is None:
                changed = again.final_hash != old.get("final_hash")
                old["checkpoints"] = [list(c) for c in again.checkpoints]
                old["final_hash"] = again.final_hash
                write_json(path, old)
                print(f"{pkg.name}: log kept, hash {'CHANGED' if changed else 'same'}")
                continue
            print(f"{pkg.name}: {again.illegal}; playing it again")
        doc = record_log(pkg.name)
        write_json(path, doc)
        print(f"{pkg.name}: new log of {len(doc['actions'])} actions")


def rewrite_ai_games() -> None:
    old = read_ai() if AI_GAMES.exists() else {}
    new = {}
    for game in AI_CAMPAIGNS:
        new[game.key] = play_ai_game(game)
        before = old.get(game.key, {}).get("final_hash")
        verdict = "new" if before is None else "same" if before == new[game.key]["final_hash"] else "CHANGED"
        print(f"{game.key}: {verdict}")
    write_json(AI_GAMES, new)


def read_ai() -> dict:
    import json

    return json.loads(AI_GAMES.read_text(encoding="utf-8"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--logs-only", action="store_true")
    p.add_argument("--ai-only", action="store_true")
    p.add_argument("--fresh-logs", action="store_true", help="play every log again, even one the rules still accept")
    args = p.parse_args()
    if not args.ai_only:
        rewrite_logs(args.fresh_logs)
    if not args.logs_only:
        rewrite_ai_games()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
