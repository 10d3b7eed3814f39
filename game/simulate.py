"""`spacerace simulate`'s batch: games made as they are needed, results streamed out as they finish.

A batch holds no list of its games. Each game is made from its number when a process is free to play
it, its result goes to the `--json` document and into the summary's `Tally` (game.ai.stats) as soon as
it is next in seed order, and is then dropped; `--saves` writes each game's save in the process that
played it. So a batch of ten million games needs the memory of a handful, in the parent and in every
`--jobs` worker.

Ctrl-C (or SIGTERM) stops the batch between games: the games that finished, in seed order, stay in the
`--json` file (marked `"complete": false`), the summary and the report are those of these games, and the
exit status is 130 (143 for SIGTERM). Workers ignore both signals; the parent stops them. Every output
is tried before the first game, so a path that cannot be written fails at once, in one line.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from game.ai.runner import FORMAT_VERSION, game_setup, run_one
from game.ai.stats import Tally
from game.ai.usage import PackageUse, content_use
from game.content.load import Scenario
from game.engine import Setup

Task = tuple[int, dict[str, str], bool, str]  # seed, levels, play on, victory mode
WINDOW_PER_JOB = 4  # chunks of games in flight per worker: enough to keep every one busy, few enough to cost nothing
STOP_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
MAX_JOBS = 8  # worker processes at most: each grows to some 30 MB of its own, and a batch's budget is 300 MB
WORKER_SIGNALS = {signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: signal.SIG_DFL}


class OutputProblem(Exception):
    """An output that cannot be written: one line, exit 2."""


class SaveFailed(Exception):
    """A game's save could not be written (in whichever process played it). Plain strings inside, so it
    crosses from a worker intact."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass
class Batch:
    """What to play: `games` games from `seed` (game i has seed `seed + i`)."""

    scenario: Scenario
    source: str  # what a worker process loads the scenario from when it cannot inherit it
    mods: list[str]
    levels: dict[str, str]
    games: int
    seed: int = 1
    swap: bool = False
    play_on: bool = False
    victory: str = ""  # the ruleset's victory mode ("": its default)
    jobs: int = 1
    saves: Path | None = None

    def tasks(self) -> Iterator[Task]:
        """Every game's task, made when asked for (a batch of 10**26 games starts at once)."""
        for i in range(self.games):
            yield self.seed + i, levels_for_game(self.levels, i, self.swap), self.play_on, self.victory


def levels_for_game(levels: dict[str, str], i: int, swap: bool) -> dict[str, str]:
    """The levels of game i: with `swap`, the sides' levels rotate by one every game."""
    if not swap:
        return dict(levels)
    sides = list(levels)
    shift = i % len(sides)
    return {side: levels[sides[(k + shift) % len(sides)]] for k, side in enumerate(sides)}


def usable_jobs(asked: int) -> int:
    """The worker processes a batch runs in: as asked, but no more than the processors this process may use
    (more would only share them) nor MAX_JOBS (the memory budget)."""
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return max(1, min(asked, processors, MAX_JOBS))


def save_name(seed: int) -> str:
    """The file a game's save is kept in under `--saves`."""
    return f"game-{seed}.json"


# ------------------------------------------------------------------------------ outputs, tried first


def probe_file(flag: str, value: str) -> Path:
    """`value` as a file this process can create or replace, tried by writing beside it; OutputProblem if not."""
    path = Path(value)
    if path.is_dir():
        raise OutputProblem(f"{flag} {value}: is a folder, not a file")
    probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise OutputProblem(f"{flag} {value}: cannot write there ({_reason(e)})") from None
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputProblem(f"{flag} {value}: the file cannot be replaced (it is read-only)")
    return path


def probe_folder(flag: str, value: str) -> Path:
    """`value` as a folder to write files into, made if missing; OutputProblem if it cannot be."""
    folder = Path(value)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputProblem(f"{flag} {value}: is a file, not a folder") from None
    except OSError as e:
        raise OutputProblem(f"{flag} {value}: cannot make the folder ({_reason(e)})") from None
    probe_file(flag, str(folder / save_name(0)))
    return folder


def _reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


class JsonStream:
    """The `--json` document, written a game at a time into a temporary file beside it and moved into
    place by `close` (on a finished or an interrupted batch alike) with the content-use report (`"usage"`)
    and `"complete"` after the games.

    The layout is `schemas/simulate.schema.json`'s, byte for byte what `json.dumps(doc, indent=1)` writes.
    """

    def __init__(self, path: Path, head: dict[str, Any]) -> None:
        self.path = path
        self.temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.games = 0
        try:
            self.file: IO[str] = self.temp.open("w", encoding="utf-8")
        except OSError as e:
            raise OutputProblem(f"--json {path}: cannot write there ({_reason(e)})") from None
        opening = json.dumps({"format_version": FORMAT_VERSION, **head}, indent=1, ensure_ascii=False)
        self._write(opening[: -len("\n}")] + ',\n "games": [')

    def add(self, game: dict[str, Any]) -> None:
        text = json.dumps(game, indent=1, ensure_ascii=False)
        self._write(("\n  " if not self.games else ",\n  ") + text.replace("\n", "\n  "))
        self.games += 1

    def close(self, complete: bool, usage: list[PackageUse] | None = None) -> None:
        after = "]" if not self.games else "\n ]"
        if usage is not None:
            text = json.dumps({"packages": [p.to_dict() for p in usage]}, indent=1, ensure_ascii=False)
            after += ',\n "usage": ' + text.replace("\n", "\n ")
        self._write(after + f',\n "complete": {json.dumps(complete)}\n}}\n')
        try:
            self.file.close()
            os.replace(self.temp, self.path)
        except OSError as e:
            raise OutputProblem(f"--json {self.path}: cannot write there ({_reason(e)})") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.temp.unlink()

    def _write(self, text: str) -> None:
        try:
            self.file.write(text)
        except OSError as e:
            raise OutputProblem(f"--json {self.path}: cannot write there ({_reason(e)})") from None


# ------------------------------------------------------------------------------ playing, in any process

_WORKER: dict[str, Any] = {}


def _worker_init(source: str, mods: list[str], saves: Path | None) -> None:
    """A worker process: deaf to Ctrl-C, and SIGTERM ends it (the parent stops it so), with its scenario."""
    _set_signals(WORKER_SIGNALS)
    if "scenario" not in _WORKER:  # a forked worker has its parent's already
        from game.content.load import load_scenario

        _WORKER["scenario"] = load_scenario(source, mods)
    _WORKER["saves"] = saves


def _play_chunk(tasks: list[Task]) -> list[dict[str, Any]]:
    return [_play(task) for task in tasks]


def _play(task: Task) -> dict[str, Any]:
    scenario: Scenario = _WORKER["scenario"]
    saves: Path | None = _WORKER.get("saves")
    seed, levels, play_on, victory = task
    log: list[Any] | None = [] if saves is not None else None
    result = run_one(scenario.ruleset, seed, levels, play_on, log=log, victory=victory).to_dict()
    if saves is not None and log is not None:
        _keep_save(scenario, saves, seed, game_setup(scenario.ruleset, levels, play_on, victory), log)
    return result


def _keep_save(scenario: Scenario, folder: Path, seed: int, setup: Setup, log: list[Any]) -> None:
    """The game's save, through game.io's one writer: its log re-applied to a `GameRecord` (which keeps the
    hash checkpoints a replay checks), so `spacerace replay` reproduces it."""
    from game.io import GameRecord, SaveError, save_game

    record = GameRecord.start(scenario, setup, seed)
    for action in log:
        record.apply(action)
    try:
        save_game(folder / save_name(seed), record, backups=0)
    except SaveError as e:
        raise SaveFailed(f"--saves {folder}: {e}") from None


def play(batch: Batch, stop: Callable[[], bool]) -> Iterator[dict[str, Any]]:
    """Every game's result in seed order, played as needed (in `batch.jobs` processes when asked), until
    `stop()` says to stop. A computer player that raises ends it with `PlayerFailed`."""
    _WORKER.update(scenario=batch.scenario, saves=batch.saves)
    jobs = min(batch.jobs, batch.games)
    if jobs <= 1:
        for task in batch.tasks():
            if stop():
                return
            yield _play(task)
        return
    yield from _play_in_pool(batch, jobs, stop)


def _play_in_pool(batch: Batch, jobs: int, stop: Callable[[], bool]) -> Iterator[dict[str, Any]]:
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # Small chunks keep the progress bar moving and the processes evenly loaded.
    size = max(1, min(8, batch.games // (jobs * 16)))
    tasks = batch.tasks()
    # Workers are born deaf to Ctrl-C (none can be caught half-started by it and print a traceback) and
    # die quietly of SIGTERM, which is how the pool stops them: not the parent's handlers of the batch.
    was = _set_signals(WORKER_SIGNALS) if _main_thread() else {}
    # What the parent holds (the rules, the modules) stays shared with forked workers: the cycle collector
    # of a worker would otherwise touch, and so copy, every page of it.
    gc.freeze()
    try:
        pool = ctx.Pool(jobs, _worker_init, (batch.source, batch.mods, batch.saves))
    finally:
        _set_signals(was)
        gc.unfreeze()
    pending: deque[Any] = deque()

    def submit() -> None:
        chunk = list(islice(tasks, size))
        if chunk:
            pending.append(pool.apply_async(_play_chunk, (chunk,)))

    try:
        for _ in range(jobs * WINDOW_PER_JOB):
            submit()
        while pending:
            head = pending[0]
            while not head.ready():
                if stop():
                    return
                head.wait(0.1)
            pending.popleft()
            yield from head.get()
            if stop():
                # What already finished in seed order is kept; nothing more is asked for.
                while pending and pending[0].ready():
                    yield from pending.popleft().get()
                return
            submit()
    finally:
        pool.terminate()
        pool.join()


def _set_signals(handlers: dict[int, Any]) -> dict[int, Any]:
    """Install `handlers` (signal -> handler); returns the ones they replaced."""
    return {signum: signal.signal(signum, handler) for signum, handler in handlers.items()}


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# ------------------------------------------------------------------------------ stopping


@dataclass
class StopSignals:
    """Ctrl-C and SIGTERM while a batch runs: noted, so that the batch stops between two games."""

    received: list[int] = field(default_factory=list)
    _saved: dict[int, Any] = field(default_factory=dict)

    def __enter__(self) -> StopSignals:
        if _main_thread():
            for signum in STOP_CODES:
                self._saved[signum] = signal.signal(signum, self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _note(self, signum: int, frame: object) -> None:
        self.received.append(signum)

    def __call__(self) -> bool:
        return bool(self.received)

    @property
    def exit_code(self) -> int:
        return STOP_CODES.get(signal.Signals(self.received[0]), 130) if self.received else 0


# ------------------------------------------------------------------------------ the content-use report


def usage_of(scenario: Scenario, tally: Tally) -> list[PackageUse]:
    """What the batch's games used of the scenario's and each mod's content, by package (game.ai.usage)."""
    return content_use(scenario.ruleset, tally.use, scenario.packages_of)


# ------------------------------------------------------------------------------ progress


def progress(done: int, total: int, started: float) -> None:
    width = 30
    filled = width * done // total
    elapsed = max(1e-9, time.perf_counter() - started)
    rate = done / elapsed
    eta = (total - done) / rate if rate > 0 else 0.0
    bar = "#" * filled + "." * (width - filled)
    print(
        f"\r[{bar}] {done}/{total} games, {rate:.1f}/s, {elapsed:.0f} s, about {eta:.0f} s to go ",
        end="",
        file=sys.stderr,
    )


def run(batch: Batch, json_out: JsonStream | None, show: bool) -> tuple[Tally, float, int]:
    """Play the batch into the tally (and `json_out`): the tally, the seconds it took and the exit status
    of the stop signal that cut it short (0 when every game was played). PlayerFailed and SaveFailed stop
    it, with `json_out` discarded."""
    tally = Tally(batch.scenario.ruleset)
    started = time.perf_counter()
    with StopSignals() as stop:
        games = play(batch, stop)
        try:
            for n, result in enumerate(games, 1):
                if json_out is not None:
                    json_out.add(result)
                tally.add(result)
                if show:
                    progress(n, batch.games, started)
        except BaseException:
            if json_out is not None:
                json_out.discard()
            raise
        finally:
            games.close()  # the pool stops now, not when the generator is collected
            if show:
                print(file=sys.stderr)  # off the progress bar's line
    code = stop.exit_code
    if json_out is not None:
        json_out.close(complete=not code, usage=usage_of(batch.scenario, tally))
    return tally, time.perf_counter() - started, code
