"""One game in play: the record a save keeps, who sits at each side, and the turn as every seat takes part in it.

Every seat is driven the same way. Orders go in (`act`, checked and applied one at a time, whoever
gives them); what comes out for a side is its PlayerView and the events it may be told (`view`,
`events_for`, or both as JSON with `update_for`, what a seat that plays from elsewhere would be
sent). A computer seat is asked for its orders (`run_computers`): its player is a callable handed
the side's PlayerView and the player's own dice, never the game's. game.io may not import game.ai,
so the computer players are handed in: `players(level)` gives the player of a level.

The record (GameRecord) keeps the one action log; saving, autosaving and loading go through game.io's
save path, and a loaded game retells its log to rebuild what each side has been told.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from game.content.load import Scenario
from game.engine import (
    RULES_VERSION,
    Action,
    EndTurn,
    GameState,
    Outcome,
    PlayerView,
    Rejection,
    RejectionCode,
    Ruleset,
    Setup,
    new_game,
    outcome,
    player_rng,
    player_view,
    state_hash,
    validate,
)
from game.engine.actions import ACTION_NAMES
from game.engine.batch import apply_orders
from game.engine.events import Event
from game.engine.rng import Rng
from game.engine.view import may_know, public_events, visible_events
from game.io.codecs import dump_events, dump_view
from game.io.record import HUMAN, GameRecord
from game.io.saves import autosave, load_game, save_game

ComputerPlayer = Callable[[PlayerView, Rng], Iterable[Action]]
PlayerOfLevel = Callable[[str], ComputerPlayer]  # the computer player of a level (`easy`, `normal`, `hard`, ...)

COMPUTER = "ai:"  # a computer seat's controller is `ai:<level>`


def level_of(controller: str) -> str | None:
    """`ai:hard` -> `hard`; a person's seat (`human`) -> None."""
    return controller.removeprefix(COMPUTER) if controller.startswith(COMPUTER) else None


class SeatFailed(Exception):
    """A computer player raised instead of giving its orders. Nothing it ordered that turn was applied,
    and the game is as it was before it was asked: it can be saved, or go on with another player."""

    def __init__(self, side: str, controller: str, turn: int, date: str, cause: BaseException) -> None:
        self.side = side
        self.controller = controller
        self.turn = turn
        self.date = date
        self.cause = cause
        super().__init__(
            f"the computer player of {side} ({self.level}) failed in {date}: {type(cause).__name__}: {cause}"
        )

    @property
    def level(self) -> str:
        return level_of(self.controller) or self.controller


class GameController:
    """The game of one record, played seat by seat; subclasses see every resolution through `on_resolved`."""

    def __init__(self, record: GameRecord, players: PlayerOfLevel) -> None:
        self.record = record
        self.players = players
        self.last_events: list[Event] = []  # the last resolution's events, every side's
        self.event_log: list[tuple[int, Event]] = []  # (turn resolved, event) of every resolution
        self.resolutions = 0  # turns resolved in this game so far
        self.notes: list[str] = []  # what the player should be told about how the game was rebuilt
        self._retell()

    @classmethod
    def start(cls, scenario: Scenario, setup: Setup, seed: int, players: PlayerOfLevel) -> Self:
        return cls(GameRecord.start(scenario, setup, seed), players)

    @classmethod
    def load(cls, path: str | Path, players: PlayerOfLevel, **how: Any) -> tuple[Self, list[str]]:
        """The game a save holds and what the player should be told; raises SaveError (see `load_game`)."""
        loaded = load_game(path, **how)
        game = cls(loaded.record, players)
        return game, [*loaded.warnings, *game.notes]

    # -- what subclasses hear ----------------------------------------------------------------------------

    def on_start(self, state: GameState) -> None:
        """The game as it stands before the first resolution this controller tells of."""

    def on_resolved(self, state: GameState, events: list[Event]) -> None:
        """A turn was resolved (live, or retold when the game was loaded); `state` is the game right after."""

    # -- who sits where ----------------------------------------------------------------------------------

    @property
    def setup(self) -> Setup:
        return self.record.setup

    @property
    def controllers(self) -> dict[str, str]:
        """Who gives each side's orders, by side (a copy: `replace_seat` changes a seat)."""
        return {s: self.seat(s) for s in self.sides}

    def seat(self, side: str) -> str:
        """Who gives `side`'s orders: `human`, or `ai:<level>`."""
        return self.setup.controller(side)

    def level(self, side: str) -> str | None:
        return level_of(self.seat(side))

    def humans(self) -> list[str]:
        """The sides people play, in scenario order."""
        return [s for s in self.sides if self.level(s) is None]

    def replace_seat(self, side: str, controller: str) -> None:
        """Hand `side` to someone else (another computer player after one failed); the save records it."""
        seats = tuple((s, controller if s == side else self.seat(s)) for s in self.sides)
        self.record.setup = dataclasses.replace(self.setup, controllers=seats)

    # -- the game ----------------------------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self.record.state

    @property
    def rules(self) -> Ruleset:
        return self.record.rules

    @property
    def scenario(self) -> Scenario:
        return self.record.scenario

    @property
    def seed(self) -> int:
        return self.record.seed

    @property
    def play_on(self) -> bool:
        return self.setup.play_on

    @property
    def log(self) -> list[Action]:
        """Every order applied so far, in order (the record's log: read it, do not change it)."""
        return self.record.actions

    @property
    def sides(self) -> tuple[str, ...]:
        return self.rules.side_ids

    @property
    def turn(self) -> int:
        return self.state.turn

    def over(self) -> bool:
        return self.record.over

    def outcome(self) -> Outcome | None:
        return outcome(self.state)

    def waiting(self) -> list[str]:
        """Sides people play that still have to end their planning this turn, in scenario order."""
        return [s for s in self.humans() if not self.state.sides[s].ended]

    # -- orders in ---------------------------------------------------------------------------------------

    def check(self, action: Action) -> Rejection | None:
        """Whether an order would be accepted, without giving it."""
        if self.over():
            return Rejection(RejectionCode.GAME_OVER, "the game is over")
        return validate(self.state, action)

    def act(self, action: Action) -> Rejection | None:
        """Check and apply one order; returns the rejection (nothing applied) or None."""
        problem = self.check(action)
        if problem is not None:
            return problem
        closed = len(self.record.checkpoints)
        events = self.record.apply(action)
        if len(self.record.checkpoints) > closed:  # the record takes a checkpoint exactly when a turn closes
            self._resolved(self.state, events)
        return None

    def end_turn(self, side: str) -> bool:
        """End a person's planning, the computer players giving theirs first; True if that resolved the turn."""
        before = self.resolutions
        self.run_computers()
        # A side still waiting to join counts as ended, so the computers alone may have resolved the turn: the
        # side's own first turn is then the new one, not to be ended unseen.
        if self.resolutions == before and not self.over() and not self.state.sides[side].ended:
            self.act(EndTurn(side))
        return self.resolutions > before

    def run_computers(self) -> bool:
        """Every computer seat that has not ended its planning gives its orders and ends it; True if that
        resolved the turn. Raises SeatFailed, with the game as it was before that seat was asked."""
        before = self.resolutions
        for index, side in enumerate(self.sides):
            level = self.level(side)
            if level is None or self.over() or self.state.sides[side].ended:
                continue
            for action in self._orders_of(side, index, level):
                if validate(self.state, action) is None:  # a stale order is dropped, as the simulator drops it
                    self.act(action)
            if not self.over():
                self.act(EndTurn(side))
        return self.resolutions > before

    def _orders_of(self, side: str, index: int, level: str) -> list[Action]:
        state = self.state
        try:
            player = self.players(level)
            orders = list(player(player_view(state, side), player_rng(self.seed, index, state.turn)))
            for action in orders:
                if type(action) not in ACTION_NAMES:
                    raise TypeError(f"{action!r} is not an order")
                if action.side != side:
                    raise ValueError(f"it gave an order for another side ({action!r})")
        except Exception as e:  # not swallowed: raised again, naming the seat, with the cause chained
            raise SeatFailed(side, self.seat(side), state.turn, self.rules.date_label(state.turn), e) from e
        return orders

    # -- what comes out for a side -----------------------------------------------------------------------

    def view(self, side: str) -> PlayerView:
        return player_view(self.state, side)

    def events_for(self, side: str) -> list[Event]:
        """What `side` may be told of the last resolution: every launch (public), its own private news."""
        return visible_events(self.last_events, side)

    def public_events(self) -> list[Event]:
        """What the whole world saw of the last resolution (a game of computers only shows these)."""
        return public_events(self.last_events)

    def history_for(self, side: str) -> list[tuple[int, Event]]:
        """(turn, event) of every resolution so far that `side` may be told of, oldest first."""
        return [(t, e) for t, e in self.event_log if may_know(e, side)]

    def update_for(self, side: str) -> dict[str, Any]:
        """The side's view and the events of the last resolution it may be told of, as JSON-ready data."""
        return {"view": dump_view(self.view(side)), "events": dump_events(self.events_for(side))}

    # -- saving ------------------------------------------------------------------------------------------

    def save(self, path: str | Path, **how: Any) -> Path:
        """Save the game (game.io's writer: atomic, with backups); raises SaveError."""
        return save_game(path, self.record, **how)

    def autosave(self, folder: Path | None = None, now: datetime | None = None) -> Path:
        return autosave(self.record, folder, now=now)

    # -- what each side has been told --------------------------------------------------------------------

    def _resolved(self, state: GameState, events: list[Event]) -> None:
        self.last_events = list(events)
        self.resolutions += 1
        turn = state.turn - 1
        self.event_log.extend((turn, e) for e in events)
        self.on_resolved(state, self.last_events)

    def _retell(self) -> None:
        """Play the log again from the start so that what each side has been told is told again, when the
        log still leads to the record's state under these rules; else the game goes on from its state alone."""
        record = self.record
        start = new_game(record.rules, record.setup, record.seed)
        if not record.actions:
            self.on_start(start)
            return
        if record.rules_version == RULES_VERSION and self._replays(start):
            self.on_start(start)
            state = start
            for action in record.actions:
                turn, phase = state.turn, state.phase
                state, events, _ = apply_orders(state, [action], in_place=True)
                if state.turn != turn or state.phase != phase:
                    self._resolved(state, events)
            return
        if record.rules_version == RULES_VERSION:
            self.notes.append("the log of this save no longer replays to it, so past reports are not shown")
        self.on_start(self.state)
        self.resolutions = max(0, self.state.turn - record.rules.settings.start)

    def _replays(self, start: GameState) -> bool:
        state, _, applied = apply_orders(start.clone(), self.record.actions, in_place=True)
        return len(applied) == len(self.record.actions) and state_hash(state) == state_hash(self.state)


__all__ = ["COMPUTER", "HUMAN", "ComputerPlayer", "GameController", "PlayerOfLevel", "SeatFailed", "level_of"]
