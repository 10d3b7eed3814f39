"""Every scenario (and mod) shipped in scenarios/: it validates clean, and random play keeps every invariant."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_kit import checked_step, play_random, replay

from game.content.findings import ERROR, ContentError, Finding
from game.content.packages import Package, builtin_dir, discover
from game.engine.api import is_over, outcome, state_hash
from game.engine.rules import Ruleset

SEEDS = (0, 1)
P_END = 0.3  # end the turn about every third action: an ~80-turn campaign stays a few thousand steps


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def shipped() -> tuple[dict[str, Package], list[Finding]]:
    """The packages in the repository's scenarios/ folder (not the user's mods), and problems reading them."""
    packages, problems = discover()
    root = builtin_dir()
    mine = {pid: pkg for pid, pkg in packages.items() if _inside(root, pkg.path)}
    return mine, [p for p in problems if _inside(root, Path(p.path))]


def _playable() -> list[tuple[str, tuple[str, ...]]]:
    """(scenario, mods) to load: every shipped scenario alone, and every shipped mod on the scenario it requires."""
    packages, _ = shipped()
    out: list[tuple[str, tuple[str, ...]]] = []
    for pid, pkg in sorted(packages.items()):
        if not pkg.is_mod:
            out.append((pid, ()))
    for pid, pkg in sorted(packages.items()):
        if pkg.is_mod:
            bases = [r for r in pkg.manifest.requires if r in packages and not packages[r].is_mod]
            mods = tuple(r for r in pkg.manifest.requires if r in packages and packages[r].is_mod)
            out.append((bases[0] if bases else "", (*mods, pid)))
    return out


def _label(item: tuple[str, tuple[str, ...]]) -> str:
    scenario, mods = item
    return "+".join([scenario or "?", *mods])


PLAYABLE = _playable()
CASES = (
    [pytest.param(item, id=_label(item)) for item in PLAYABLE]
    if PLAYABLE
    else [pytest.param(None, id="none", marks=pytest.mark.skip(reason="no scenario in scenarios/ yet"))]
)
_LOADED: dict[tuple[str, tuple[str, ...]], Ruleset | str] = {}


def load(item: tuple[str, tuple[str, ...]]) -> Ruleset:
    """The ruleset, loaded once per session; skips (with the first error) a scenario that does not load."""
    if item not in _LOADED:
        from game.content.load import load_scenario

        scenario, mods = item
        if not scenario:
            _LOADED[item] = f"mod {mods[-1]} requires no shipped scenario to play on"
        else:
            try:
                _LOADED[item] = load_scenario(scenario, list(mods)).ruleset
            except ContentError as e:
                first = e.errors[0].format() if e.errors else str(e)
                _LOADED[item] = f"{_label(item)} does not load ({len(e.errors)} errors), first: {first}"
    loaded = _LOADED[item]
    if isinstance(loaded, str):
        pytest.skip(loaded)
    return loaded


@pytest.mark.parametrize("item", CASES)
@pytest.mark.parametrize("seed", SEEDS)
def test_shipped_scenario_random_playthrough_keeps_every_invariant(item, seed):
    rules = load(item)
    count = 0

    def step(state, action):
        nonlocal count
        count += 1
        # Applying every legal action and walking the whole state for sharing are the costly checks:
        # a long campaign does them on a sample of steps.
        return checked_step(state, action, apply_every_legal=count % 20 == 0, check_sharing=count % 5 == 0)

    final, _ = play_random(rules, seed, p_end=P_END, step=step)
    assert is_over(final) and outcome(final) is not None
    assert final.turn <= rules.settings.end + 1


@pytest.mark.parametrize("item", CASES)
def test_shipped_scenario_replays_to_the_same_hash(item):
    rules = load(item)
    final, log = play_random(rules, 11, p_end=P_END)
    assert state_hash(replay(rules, 11, log)) == state_hash(final)


def test_shipped_scenarios_validate_clean():
    packages, problems = shipped()
    if not packages and not problems:
        pytest.skip("no scenario in scenarios/ yet")
    from game.content.load import load_scenario

    errors = [p.format() for p in problems if p.severity == ERROR]
    for scenario, mods in PLAYABLE:
        if not scenario:
            errors.append(f"mod {mods[-1]}: requires no shipped scenario")
            continue
        try:
            loaded = load_scenario(scenario, list(mods))
        except ContentError as e:
            errors += [f.format() for f in e.errors]
        else:
            errors += [f.format() for f in loaded.findings if f.severity == ERROR]
    assert not errors, f"{len(errors)} errors in scenarios/:\n" + "\n".join(errors[:40])
