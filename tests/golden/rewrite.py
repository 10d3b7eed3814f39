"""Rewrite the golden games: `python tests/golden/rewrite.py [--logs-only | --ai-only] [--fresh-logs]`.

A log whose actions the rules still accept keeps its actions and gets its new hashes; a log that the
rules refuse somewhere (or `--fresh-logs`) is played again by the computer players. Prints what
changed. Read tests/golden/README.md first: a rewrite goes in a commit of its own that names the one
rule or behaviour it changes, with the balance table before and after.

When the logs' hashes change the rules have changed: the rewrite refuses to go on until RULES_VERSION
(game/engine/version.py) has been raised above the version the logs were written under.
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
    RULES,
    log_path,
    play_ai_game,
    read_log,
    read_rules_version,
    record_log,
    replay_log,
    write_json,
)

from game.engine import RULES_VERSION


def rewrite_logs(fresh: bool) -> bool:
    """Rewrite the logs; False (and nothing written) when the rules changed but RULES_VERSION did not."""
    LOGS.mkdir(exist_ok=True)
    docs = {}
    rules_changed = []
    for pkg in PACKAGES:
        path = log_path(pkg.name)
        old = read_log(pkg.name) if path.exists() else None
        if old is not None:
            again = replay_log(pkg.name, old)
            if again.illegal is not None or again.final_hash != old.get("final_hash"):
                rules_changed.append(pkg.name)
            if again.illegal is None and not fresh:
                changed = again.final_hash != old.get("final_hash")
                old["checkpoints"] = [list(c) for c in again.checkpoints]
                old["final_hash"] = again.final_hash
                docs[path] = old
                print(f"{pkg.name}: log kept, hash {'CHANGED' if changed else 'same'}")
                continue
            if again.illegal is not None:
                print(f"{pkg.name}: {again.illegal}; playing it again")
        docs[path] = record_log(pkg.name)
        print(f"{pkg.name}: new log of {len(docs[path]['actions'])} actions")
    written_under = read_rules_version() if RULES.exists() else 0
    if rules_changed and written_under >= RULES_VERSION:
        print(
            f"The rules changed (the logs of {', '.join(rules_changed)} no longer replay to their hashes) but RULES_VERSION is "
            f"still {RULES_VERSION}: raise it in game/engine/version.py (and say what changed there), then rewrite. "
            "Nothing was written."
        )
        return False
    for path, doc in docs.items():
        write_json(path, doc)
    write_json(RULES, {"rules_version": RULES_VERSION})
    return True


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
    if not args.ai_only and not rewrite_logs(args.fresh_logs):
        return 1
    if not args.logs_only:
        rewrite_ai_games()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
