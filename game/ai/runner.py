"""Headless computer-vs-computer games: one game to the end, and what the balance report needs from it.

A game's result carries its flight log: every launch in the order it flew, with the odds it flew at
(as they stood at the end of planning) and what came of it; and what of the content it used: the events
that fired, the choices taken and the techs researched, per side (`GameUse`, the content-use report's
records beside the flight log). `spacerace simulate --json` writes both; its layout is
`schemas/simulate.schema.json`.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from game.ai.levels import choose_actions
from game.engine import EndTurn, Setup, is_over, new_game, outcome, player_view
from game.engine import events as ev
from game.engine.batch import apply_orders
from game.engine.records import quick_init
from game.engine.rng import Rng, player_rng
from game.engine.rules import Ruleset
from game.engine.state import GameState

MAX_TURNS = 10_000
FORMAT_VERSION = 5  # of `simulate --json`'s layout (schemas/simulate.schema.json): raise it when the layout changes
RESULTS = ("success", "partial", "failure", "crew_lost")  # a flight's four exclusive outcomes, as its odds list them


class PlayerFailed(Exception):
    """A computer player raised while choosing its orders: which one, in which game, when, and what it raised.

    Only plain strings and numbers inside, so that it crosses from a `--jobs` worker process intact.
    """

    def __init__(self, side: str, level: str, seed: int, date: str, error: str) -> None:
        super().__init__(side, level, seed, date, error)
        self.side, self.level, self.seed, self.date, self.error = side, level, seed, date, error

    def __str__(self) -> str:
        return f"the computer player of {self.side} (level {self.level}) failed in the game of seed {self.seed} at {self.date}: {self.error}"


@quick_init
@dataclass(frozen=True, slots=True)
class LoggedFlight:
    """One launch as the flight log keeps it. `odds` are per mille (success, partial, failure, crew lost),
    as they stood at the end of planning: the chances the dice were rolled against."""

    date: str
    side: str
    mission: str
    odds: tuple[int, int, int, int]
    result: str  # one of RESULTS
    milestones: tuple[str, ...]  # what this flight earned for its side, in the order earned
    window: str = ""  # the launch window it flew in ("": a scenario without windows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "side": self.side,
            "mission": self.mission,
            "odds": {name: p / 1000 for name, p in zip(RESULTS, self.odds, strict=True)},
            "result": self.result,
            "milestones": list(self.milestones),
            "window": self.window,
        }


# How each way a launch can end reads in the log (a flight that launched ends in exactly one of these).
_ENDINGS: dict[type, Callable[[Any], str]] = {
    ev.MissionSucceeded: lambda e: "success",
    ev.MissionPartlySucceeded: lambda e: "partial",
    ev.MissionFailed: lambda e: "crew_lost" if e.crew_lost else "failure",
}


def flights_flown(events: list[ev.Event], date: str) -> list[LoggedFlight]:
    """The launches among one resolution's events, in the order they flew. A scrubbed flight never launched
    and is not among them; the milestones between a launch and its ending are the ones it earned."""
    flights: list[LoggedFlight] = []
    launched: ev.MissionLaunched | None = None
    earned: list[str] = []
    endings = _ENDINGS
    for e in events:
        kind = type(e)
        if kind is ev.MissionLaunched:
            launched, earned = e, []  # type: ignore[assignment]
        elif launched is None:
            continue
        elif kind is ev.MilestoneAchieved:
            earned.append(e.milestone)  # type: ignore[union-attr]
        elif kind in endings:
            flights.append(
                LoggedFlight(
                    date,
                    launched.side,
                    launched.mission,
                    launched.odds,
                    endings[kind](e),
                    tuple(earned),
                    launched.window,
                )
            )
            launched = None
    return flights


@dataclass(slots=True)
class GameUse:
    """What of the content one game used, per side, read off the engine's events as they come: each event
    that fired and how often, each choice taken, each tech researched (in the order finished)."""

    fired: dict[str, dict[str, int]] = field(default_factory=dict)  # side -> event -> times it fired
    chosen: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)  # side -> event -> choice -> times
    researched: dict[str, list[str]] = field(default_factory=dict)  # side -> techs finished, in order

    def note(self, events: list[ev.Event]) -> None:
        """Count what `events` (any batch of the game's events, each given once) say was used."""
        noted = _NOTED
        for e in events:
            counted = noted.get(type(e))
            if counted is not None:
                counted(self, e)

    def _fired(self, e: ev.EventFired) -> None:
        times = self.fired.setdefault(e.side, {})
        times[e.event] = times.get(e.event, 0) + 1

    def _chosen(self, e: ev.DecisionMade) -> None:
        times = self.chosen.setdefault(e.side, {}).setdefault(e.event, {})
        times[e.choice] = times.get(e.choice, 0) + 1

    def _researched(self, e: ev.TechCompleted) -> None:
        self.researched.setdefault(e.side, []).append(e.tech)


# The engine's events that say a piece of content was used, and where each is counted.
_NOTED: dict[type, Callable[[GameUse, Any], None]] = {
    ev.EventFired: GameUse._fired,
    ev.DecisionMade: GameUse._chosen,
    ev.TechCompleted: GameUse._researched,
}


@dataclass
class GameResult:
    seed: int
    winner: str | None
    reason: str
    end: str
    milestones: dict[str, dict[str, str]]  # first to each milestone: side and date
    prestige: dict[str, int]
    deaths: dict[str, int]
    launches: dict[str, int]
    levels: dict[str, str] = field(default_factory=dict)
    actions: int = 0
    reached: dict[str, dict[str, str]] = field(default_factory=dict)  # side -> milestone -> date it got there
    failures: dict[str, int] = field(default_factory=dict)  # failed launches (crew lost included)
    history: dict[str, list[list[int]]] = field(default_factory=dict)  # side -> [turn, prestige, budget, cash] yearly
    flights: list[LoggedFlight] = field(default_factory=list)  # every launch, in the order flown
    used: GameUse = field(default_factory=GameUse)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "winner": self.winner,
            "reason": self.reason,
            "end": self.end,
            "milestones": self.milestones,
            "prestige": self.prestige,
            "deaths": self.deaths,
            "launches": self.launches,
            "levels": self.levels,
            "failures": self.failures,
            "reached": self.reached,
            "history": self.history,
            "flights": [f.to_dict() for f in self.flights],
            "fired": self.used.fired,
            "chosen": self.used.chosen,
            "researched": self.used.researched,
            # No wall-clock time here: the same seeds must write the same file, byte for byte.
        }


def ai_rng(seed: int, side_index: int, turn: int) -> Rng:
    """The computer player's own dice: separate from the game's, and the same on every run. The engine's
    `player_rng`, so that the window and the simulator hand a computer player the same dice for a turn."""
    return player_rng(seed, side_index, turn)


def play_turn(state: GameState, side: str, level: str, seed: int) -> tuple[GameState, list[Any]]:
    """Let the computer give `side`'s orders and end its turn; returns the new state and the actions applied.

    `state` is left as it was (the orders are applied to one copy of it).
    """
    index = state.rules.side_ids.index(side)
    view = player_view(state, side)
    orders = [*choose_actions(view, level, ai_rng(seed, index, state.turn)), EndTurn(side)]
    state, _, applied = apply_orders(state, orders)
    return state, applied


def play_game(
    rules: Ruleset,
    seed: int,
    levels: dict[str, str],
    play_on: bool = False,
    flights: list[LoggedFlight] | None = None,
    victory: str = "",
    used: GameUse | None = None,
) -> tuple[GameState, list[Any]]:
    """A whole game between computer players; the log holds every action applied, in order. With `play_on`
    the game goes on to the end date after the result is settled (see `Setup.play_on`); `victory` is the
    ruleset's victory mode ("": its default). Every launch is appended to `flights`, when given, in the
    order flown; what the game used of the content goes into `used`, when given.

    A computer player that raises stops the game with `PlayerFailed`.
    """
    with _no_cycle_collection():
        return _play_game(rules, seed, levels, game_setup(rules, levels, play_on, victory), flights, used)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A game makes many short-lived objects and no reference cycles worth hunting: the cycle collector
    only costs time while it runs (reference counting still frees everything as it goes)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def game_setup(rules: Ruleset, levels: dict[str, str], play_on: bool = False, victory: str = "") -> Setup:
    """The setup of a game between computer players: every side's level (`normal` when not given)."""
    controllers = tuple((s, f"ai:{levels.get(s, 'normal')}") for s in rules.side_ids)
    return Setup(controllers=controllers, play_on=play_on, victory=victory)


def _play_game(
    rules: Ruleset,
    seed: int,
    levels: dict[str, str],
    setup: Setup,
    flights: list[LoggedFlight] | None,
    used: GameUse | None,
) -> tuple[GameState, list[Any]]:
    state = new_game(rules, setup, seed)
    log: list[Any] = []
    sides = rules.side_ids
    guard = 0
    while not is_over(state) and guard < MAX_TURNS:
        guard += 1
        for index, side in enumerate(sides):
            if is_over(state):
                break
            if side in state.waiting:  # not in the game yet: it has no turn to play
                continue
            # The game is ours alone: the view reads it without a copy (the computer player is done with
            # the view before its orders change the state), and the orders go straight onto it.
            view = player_view(state, side, copy=False)
            level = levels.get(side, "normal")
            turn = state.turn
            try:
                chosen = choose_actions(view, level, ai_rng(seed, index, turn))
            except Exception as e:  # not swallowed: named, and the game stops
                what = " ".join(f"{type(e).__name__}: {e}".split())  # one line, whatever the message holds
                raise PlayerFailed(side, level, seed, rules.date_label(turn), what) from e
            state, events, applied = apply_orders(state, [*chosen, EndTurn(side)], in_place=True)
            log.extend(applied)
            if used is not None:  # a choice can be made with the orders, and its effects can finish a tech
                used.note(events)
            # Missions fly only in the resolution that ends a turn (and moves the date on).
            if flights is not None and state.turn != turn:
                flights += flights_flown(events, rules.date_label(turn))
    return state, log


def summarize(state: GameState, seed: int, levels: dict[str, str], actions: int = 0) -> GameResult:
    rules = state.rules
    out = outcome(state)
    label = rules.date_label
    tpy = rules.settings.turns_per_year
    failures = {s: 0 for s in state.sides}
    for rec in state.public_log:
        if rec.outcome in ("failure", "crew_lost"):
            failures[rec.side] += 1
    history: dict[str, list[list[int]]] = {}
    for sid, s in state.sides.items():
        rows = [list(h) for h in s.history if h[0] % tpy == 0]
        if s.history and (not rows or rows[-1][0] != s.history[-1][0]):
            rows.append(list(s.history[-1]))
        history[sid] = rows
    return GameResult(
        seed=seed,
        winner=out.winner if out else None,
        reason=out.reason if out else "unfinished",
        end=label(state.decided or min(state.turn, rules.settings.end)),  # when the result was settled
        milestones={m: {"side": order[0][0], "date": label(order[0][1])} for m, order in state.firsts.items() if order},
        prestige={s.id: s.prestige for s in state.sides.values()},
        deaths={s.id: s.deaths for s in state.sides.values()},
        launches={s.id: s.launches for s in state.sides.values()},
        levels=dict(levels),
        actions=actions,
        reached={sid: {m: label(t) for m, t in s.milestones.items()} for sid, s in state.sides.items()},
        failures=failures,
        history=history,
    )


def run_one(
    rules: Ruleset,
    seed: int,
    levels: dict[str, str],
    play_on: bool = False,
    log: list[Any] | None = None,
    victory: str = "",
) -> GameResult:
    """One whole game and its result; every action applied is appended to `log`, when given (to save the game)."""
    started = time.perf_counter()
    flights: list[LoggedFlight] = []
    used = GameUse()
    state, actions = play_game(rules, seed, levels, play_on, flights, victory, used)
    if log is not None:
        log += actions
    result = summarize(state, seed, levels, len(actions))
    result.flights = flights
    result.used = used
    result.seconds = time.perf_counter() - started
    return result
