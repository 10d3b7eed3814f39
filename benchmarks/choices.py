"""Whether the campaign's event choices are real trade-offs, measured (issue 13, the "event choices" target).

    python benchmarks/choices.py [--games 200] [--seed 1] [--jobs 2] [--only EVENT,...] [--out FILE.md]

For each choice event, two normal players are forced to different answers of it (each otherwise plays
normal, and picks its own answer on every other event) and play each other, each seed twice with the
sides swapped: answer A against answer B, for every pair of the event's answers. An answer is "best" when its
player wins 55 % or more of the games in which the event was put to one of the two forced players (the
other games are normal against normal, and only dilute the difference).

Then normal plays normal over the same seeds, and the table says how often the normal player's own pick
was each answer, over the decisions it made (the target: no answer above 85 %).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ai.levels import PLAYERS  # noqa: E402
from game.ai.report import wilson  # noqa: E402
from game.ai.runner import run_one  # noqa: E402
from game.content.load import load_scenario  # noqa: E402
from game.engine.actions import Action, Decide  # noqa: E402
from game.engine.rng import Rng  # noqa: E402
from game.engine.rules import Ruleset  # noqa: E402
from game.engine.view import PlayerView  # noqa: E402

SCENARIO = "race_1955"
BEST = 0.55  # a forced answer's win share at or above this is a best answer
ALWAYS = 0.85  # the normal player's own pick: no answer more often than this

_RULES: Ruleset | None = None  # set before the workers fork


def forced_name(event: str, choice: str) -> str:
    return f"forced:{event}:{choice}"


def forced_player(event: str, choice: str):  # type: ignore[no-untyped-def]
    """Normal, except that its answer to `event` is `choice` whenever that answer is open to it."""
    normal = PLAYERS["normal"]

    def play(view: PlayerView, rng: Rng) -> list[Action]:
        waiting = {d.id for d in view.me.decisions if d.event == event and choice in view.open_choices.get(d.id, ())}
        out = [a for a in normal(view, rng) if not (isinstance(a, Decide) and a.decision in waiting)]
        out += [Decide(view.me.id, d, choice) for d in sorted(waiting)]
        return out

    return play


def register(rules: Ruleset) -> None:
    for event in rules.events.values():
        for c in event.choices:
            PLAYERS[forced_name(event.id, c.id)] = forced_player(event.id, c.id)


def _game(
    job: tuple[int, dict[str, str], str],
) -> tuple[dict[str, str], str | None, dict[str, dict[str, dict[str, int]]]]:
    seed, levels, _ = job
    assert _RULES is not None
    result = run_one(_RULES, seed, levels)
    return levels, result.winner, result.used.chosen


def jobs_for(rules: Ruleset, event: str, a: str, b: str, seeds: range) -> Iterator[tuple[int, dict[str, str], str]]:
    """Each seed twice, with the two forced players in each other's seats: the seed's own luck (which side its
    dice favour) then counts for each answer alike. (Alternating the seats seed by seed left it in: with two
    answers that did nothing at all, the all-up test's "A" won 54.5 % of 393 games on rules 37.)"""
    us, ussr = rules.side_ids[:2]
    fa, fb = forced_name(event, a), forced_name(event, b)
    for seed in seeds:
        yield seed, {us: fa, ussr: fb}, event
        yield seed, {us: fb, ussr: fa}, event


def main(argv: list[str] | None = None) -> int:
    global _RULES
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--games", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--only", default="", help="choice events, comma-separated")
    p.add_argument("--out", type=Path, default=None, help="also write the table here (markdown)")
    args = p.parse_args(argv)
    if args.games < 2 or args.games % 2:
        p.error(f"--games {args.games}: give an even number, 2 or more (each seed is played with the sides both ways)")
    rules = load_scenario(SCENARIO).ruleset
    _RULES = rules
    register(rules)
    wanted = [e for e in rules.events.values() if len(e.choices) > 1]
    if args.only:
        names = set(args.only.split(","))
        wanted = [e for e in wanted if e.id in names]
    seeds = range(args.seed, args.seed + args.games)
    pairs = range(args.seed, args.seed + args.games // 2)  # each played with the seats both ways
    lines = [
        f"Event choices, {args.games} games per pair of answers: seeds {args.seed}-{pairs[-1]}, each with the sides "
        f"both ways; "
        f"own picks over {args.games} normal-vs-normal games.",
        "",
        "| event | answer A | answer B | offered | A's wins (games) | 95 % | normal's own picks | |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with Pool(args.jobs) as pool:
        own = Counter[tuple[str, str]]()
        for _, _, chosen in pool.imap_unordered(
            _game, [(s, {x: "normal" for x in rules.side_ids}, "") for s in seeds], chunksize=4
        ):
            for per_side in chosen.values():
                for ev, picks in per_side.items():
                    for c, n in picks.items():
                        own[ev, c] += n
        for event in wanted:
            total = sum(own[event.id, c.id] for c in event.choices)
            picks = ", ".join(f"{c.id} {own[event.id, c.id] * 100 // max(1, total)} %" for c in event.choices)
            top = max((own[event.id, c.id] for c in event.choices), default=0) / max(1, total)
            for a, b in combinations([c.id for c in event.choices], 2):
                wins = offered = 0
                for levels, winner, chosen in pool.imap_unordered(
                    _game, list(jobs_for(rules, event.id, a, b, pairs)), chunksize=4
                ):
                    if not any(event.id in chosen.get(s, {}) for s in levels):
                        continue
                    offered += 1
                    wins += winner is not None and levels[winner] == forced_name(event.id, a)
                share = wins / max(1, offered)
                low, high = wilson(wins, offered)
                flag = "**best**" if offered and max(share, 1 - share) >= BEST else ""
                flag += " **always**" if top > ALWAYS else ""
                lines.append(
                    f"| {event.id} | {a} | {b} | {offered} | {share:.0%} ({wins}) | {low:.0%}–{high:.0%} | "
                    f"{picks} (n={total}) | {flag} |"
                )
                print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
