"""Re-running a save's action log from the start to prove the game reproduces, and saying where it stops doing so."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import RULES_VERSION, Action, GameState, IllegalAction, apply, new_game, state_hash
from game.engine.actions import ACTION_NAMES
from game.engine.events import StepRolled
from game.io.errors import SaveError
from game.io.reading import SaveFile, open_save, restore_state

MAX_DICE_SHOWN = 12


@dataclass(frozen=True)
class ReplayResult:
    """What a replay found. `ok` when the log reproduces the saved hash and the snapshot agrees.

    Action indexes count from 0 in log order. When the replay drifts, `suspects` is the span of
    actions (first, last) one of which is the first after which it diverges; `diverged_after` is
    that action when it is known exactly (a span of one, or an action the rules now reject right
    after a matching checkpoint). `dice` are the replay's rolls in that span, or the nearest ones.

    `rules_changed` when the log was begun under another RULES_VERSION and does not reproduce: the
    rules changed since, so the mismatch says nothing of the save (which loads from its snapshot).
    """

    ok: bool
    summary: str
    path: Path
    actions: int
    replayed: int
    saved_hash: str
    replay_hash: str | None
    snapshot_hash: str | None
    diverged_after: int | None = None
    suspects: tuple[int, int] | None = None
    dice: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    rules_version: int = RULES_VERSION
    rules_changed: bool = False


def _action_label(index: int, action: Action) -> str:
    return f"action {index} ({ACTION_NAMES.get(type(action), type(action).__name__)} by {action.side})"


def _dice_line(index: int, e: StepRolled) -> str:
    verdict = "passed" if e.passed else "failed"
    return f"action {index}: {e.side} {e.mission}/{e.step} rolled {e.roll} against {e.chance} ({verdict})"


@dataclass
class _Run:
    """The replay in progress: where it is, every die it rolled, and the checkpoints it passed or failed."""

    state: GameState
    replayed: int = 0
    dice: list[tuple[int, str]] = field(default_factory=list)  # (action index, what was rolled)
    last_good: int = 0  # actions applied at the last checkpoint that matched
    first_bad: int | None = None  # actions applied at the first checkpoint that did not
    stopped: str = ""  # why the replay could not go on, if it could not
    stopped_at: int | None = None

    def step(self, index: int, action: Action) -> bool:
        try:
            self.state, events = apply(self.state, action)
        except IllegalAction as e:
            self.stopped = f"{_action_label(index, action)} is rejected by the rules ({e.rejection})"
            self.stopped_at = index
            return False
        except Exception as e:  # a log from a file must not crash the replay; say where it broke
            self.stopped = f"the engine failed on {_action_label(index, action)} ({type(e).__name__}: {e})"
            self.stopped_at = index
            return False
        self.replayed = index + 1
        self.dice.extend((index, _dice_line(index, e)) for e in events if isinstance(e, StepRolled))
        return True

    def check(self, applied: int, expected: str | None) -> None:
        if expected is None or self.first_bad is not None:
            return
        if state_hash(self.state) == expected:
            self.last_good = applied
        else:
            self.first_bad = applied

    def dice_within(self, first: int, last: int) -> list[str]:
        return [line for i, line in self.dice if first <= i <= last][:MAX_DICE_SHOWN]

    def dice_nearest(self, first: int, last: int) -> list[str]:
        """The closest rolls either side of actions first..last."""
        half = MAX_DICE_SHOWN // 4
        before = [line for i, line in self.dice if i < first][-half:]
        after = [line for i, line in self.dice if i > last][:half]
        return before + after


def replay(path: str | Path, *, mod_dirs: list[Path] | None = None, check_installed: bool = True) -> ReplayResult:
    """Re-run the save's log from `new_game(ruleset, setup, seed)` and compare hashes; raises SaveError on an unreadable file."""
    save = open_save(path, mod_dirs, check_installed)
    return replay_save(save)


def replay_save(save: SaveFile) -> ReplayResult:
    envelope = save.envelope
    rules = save.scenario.ruleset
    checkpoints = dict(envelope.checkpoints)
    run = _Run(new_game(rules, save.setup, envelope.seed))
    run.check(0, checkpoints.get(0))
    for index, action in enumerate(save.actions):
        if not run.step(index, action):
            break
        run.check(index + 1, checkpoints.get(index + 1))
    replay_hash = None if run.stopped else state_hash(run.state)
    if replay_hash is not None and replay_hash != envelope.hash and run.first_bad is None:
        # No checkpoint caught it (an old save has none): the drift lies after the last one that matched.
        run.first_bad = len(save.actions)
    try:
        snapshot_hash: str | None = state_hash(restore_state(save))
        snapshot_note = ""
    except SaveError as e:
        snapshot_hash = None
        snapshot_note = e.problem
    ok = not run.stopped and replay_hash == envelope.hash and snapshot_hash == envelope.hash
    # Under other rules the log need not reproduce; a snapshot that holds is then all a replay can prove.
    rules_changed = not ok and envelope.rules_version != RULES_VERSION and snapshot_hash == envelope.hash
    suspects: tuple[int, int] | None = None
    diverged_after: int | None = None
    if run.first_bad is not None and run.first_bad > run.last_good:
        suspects = (run.last_good, run.first_bad - 1)
        diverged_after = suspects[0] if suspects[0] == suspects[1] else None
    elif run.first_bad is None and run.stopped_at is not None:
        suspects = (run.last_good, run.stopped_at)
        # With the state before it proven equal, the rejected action itself is where the game parts.
        diverged_after = run.stopped_at if run.last_good == run.stopped_at else None
    dice = run.dice_within(*suspects) if suspects else []
    nearby = run.dice_nearest(*suspects) if suspects and not dice else []
    if rules_changed:
        summary = _rules_changed(save, run)
    else:
        summary = _summary(save, run, ok, replay_hash, snapshot_hash, snapshot_note, suspects, dice, nearby)
    return ReplayResult(
        ok=ok,
        summary=summary,
        path=save.path,
        actions=len(save.actions),
        replayed=run.replayed,
        saved_hash=envelope.hash,
        replay_hash=replay_hash,
        snapshot_hash=snapshot_hash,
        diverged_after=diverged_after,
        suspects=suspects,
        dice=tuple(dice or nearby),
        warnings=tuple(save.warnings),
        rules_version=envelope.rules_version,
        rules_changed=rules_changed,
    )


def _rules_changed(save: SaveFile, run: _Run) -> str:
    envelope = save.envelope
    where = f"stops at {run.stopped_at} of {len(save.actions)} actions" if run.stopped else "ends elsewhere"
    return (
        f"{save.path}: scenario '{envelope.scenario}', seed {envelope.seed}, {len(save.actions)} actions. "
        f"Rules changed: this game was begun under rules version {envelope.rules_version} and this version of "
        f"Space Race plays rules version {RULES_VERSION}, so its log is not expected to reproduce (the replay {where}). "
        f"The snapshot matches the saved hash {envelope.hash[:12]}: the save loads and plays on from there."
    )


def _summary(
    save: SaveFile,
    run: _Run,
    ok: bool,
    replay_hash: str | None,
    snapshot_hash: str | None,
    snapshot_note: str,
    suspects: tuple[int, int] | None,
    dice: list[str],
    nearby: list[str],
) -> str:
    envelope = save.envelope
    rules = save.scenario.ruleset
    head = (
        f"{save.path}: scenario '{envelope.scenario}'"
        + (f" with mods {', '.join(envelope.mods)}" if envelope.mods else "")
        + f", seed {envelope.seed}, {len(save.actions)} actions."
    )
    parts = [head]
    if ok:
        parts.append(
            f"Replaying the log from {rules.date_label(rules.settings.start)} to {rules.date_label(run.state.turn)} "
            f"reproduces the saved hash {envelope.hash[:12]}, and the snapshot agrees."
        )
    else:
        if run.stopped:
            parts.append(f"The replay stops: {run.stopped}.")
        elif replay_hash != envelope.hash:
            parts.append(f"The replay ends with hash {str(replay_hash)[:12]}, not the saved {envelope.hash[:12]}.")
        if run.first_bad == 0:
            parts.append(
                "It differs from the very start: the ruleset, setup or seed no longer give the saved first turn."
            )
        elif run.first_bad is not None and suspects is not None:
            first, last = suspects
            if first == last:
                parts.append(f"It first diverges after {_action_label(first, save.actions[first])}.")
            else:
                parts.append(
                    f"It matches the saved game after {first} actions but not after {last + 1} (checkpoints are kept "
                    f"where turns close): it first diverges after one of actions {first}–{last}, the last being "
                    f"{_action_label(last, save.actions[last])}."
                )
        elif suspects is not None:
            parts.append(f"It matched the checkpoint after {suspects[0]} actions.")
        if dice:
            parts.append("Dice rolled there: " + "; ".join(dice) + ".")
        elif nearby:
            parts.append("No dice were rolled there; the nearest rolls: " + "; ".join(nearby) + ".")
        if snapshot_hash is None:
            parts.append(f"The snapshot cannot be checked: {snapshot_note}.")
        elif snapshot_hash != envelope.hash:
            parts.append("The snapshot does not match the saved hash.")
    if ok and envelope.rules_version != RULES_VERSION:
        parts.append(
            f"It was begun under rules version {envelope.rules_version} (this version plays {RULES_VERSION}), "
            "and the change does not touch it."
        )
    if save.warnings:
        parts.append("Note: " + "; ".join(save.warnings) + ".")
    return " ".join(parts)
