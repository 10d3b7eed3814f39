"""One game being played in the window: the state, who controls each side, the action log, and the turn flow.

No pygame here: screens call these methods, tests can too. The session is the only place that
calls `apply`; it lets computer players give their orders, keeps the log a save needs, and
remembers the events of the last resolution so each human side is shown its report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine import (
    Action,
    EndTurn,
    GameState,
    Outcome,
    PlayerView,
    Rejection,
    Setup,
    apply,
    is_over,
    new_game,
    outcome,
    player_view,
    validate,
)
from game.engine.rng import Rng
from game.engine.view import may_know, public_events, visible_events

LEVELS = ("easy", "normal", "hard")


def level_of(controller: str) -> str | None:
    """`ai:hard` -> `hard`; `human` -> None."""
    return controller.split(":", 1)[1] if controller.startswith("ai:") else None


def _ai_actions(view: PlayerView, level: str, seed: int, index: int) -> list[Action]:
    """The computer player's orders; imported lazily so the UI runs while game.ai is being written."""
    try:
        from game.ai import choose_actions
    except ImportError:
        return []
    try:
        from game.ai.runner import ai_rng

        rng = ai_rng(seed, index, view.turn)
    except ImportError:
        rng = Rng.from_seed(seed * 1_000_003 + index * 7919 + view.turn)
    try:
        return list(choose_actions(view, level, rng))
    except Exception:
        return []


@dataclass
class Session:
    scenario: Any  # game.content.load.Scenario
    scenario_ref: str  # id or folder it was loaded from
    mods: list[str]
    controllers: dict[str, str]
    seed: int
    play_on: bool = False  # after a side wins, the calendar runs on to the end date (the result stands)
    state: GameState = field(init=False)
    log: list[Action] = field(default_factory=list)
    last_events: list[Any] = field(default_factory=list)  # events of the last resolution, all sides
    resolutions: int = 0  # how many turns have been resolved
    seen: dict[str, int] = field(default_factory=dict)  # side -> resolutions it has been shown
    reliability: dict[str, list[tuple[int, dict[str, int]]]] = field(default_factory=dict)  # viewer -> [(turn, side -> avg)]
    event_log: list[tuple[int, Any]] = field(default_factory=list)  # (turn, event) for news and milestones

    def __post_init__(self) -> None:
        rules = self.scenario.ruleset
        setup = Setup(controllers=tuple((s, self.controllers.get(s, "human")) for s in rules.side_ids), play_on=self.play_on)
        self.record: Any = None  # game.io's GameRecord, when saves are available: it keeps the log and checkpoints
        try:
            from game.io import GameRecord

            self.record = GameRecord.start(self.scenario, setup, self.seed)
            self.state = self.record.state
        except ImportError:
            self.state = new_game(rules, setup, self.seed)
        self.seen = {s: 0 for s in rules.side_ids}
        self._track()

    # -- who plays ---------------------------------------------------------------------------

    @property
    def rules(self) -> Any:
        return self.state.rules

    @property
    def sides(self) -> tuple[str, ...]:
        return self.state.rules.side_ids

    def humans(self) -> list[str]:
        return [s for s in self.sides if level_of(self.controllers.get(s, "human")) is None]

    @property
    def hotseat(self) -> bool:
        return len(self.humans()) > 1

    @property
    def demo(self) -> bool:
        return not self.humans()

    def view(self, side: str) -> PlayerView:
        return player_view(self.state, side)

    def over(self) -> bool:
        return is_over(self.state)

    @property
    def turn(self) -> int:
        """The current turn: the date is public, every side knows it."""
        return self.state.turn

    def viewer(self) -> str:
        """The side whose view a screen that belongs to no side shows (a report, the end): a person's, else the first."""
        humans = self.humans()
        return humans[0] if humans else self.sides[0]

    def outcome(self) -> Outcome | None:
        """How the game ended (winner, reason, final prestige), once it is over: public to every side."""
        return outcome(self.state)

    def check(self, action: Action) -> Rejection | None:
        """Whether an order would be accepted, without giving it."""
        if self.over():
            return Rejection("action/game_over", "the game is over")
        return validate(self.state, action)

    def waiting(self) -> list[str]:
        """Human sides that still have to end their planning this turn, in scenario order."""
        return [s for s in self.humans() if not self.state.sides[s].ended]

    # -- orders --------------------------------------------------------------------------------

    def act(self, action: Action) -> Rejection | None:
        """Validate and apply one order; returns the rejection (nothing applied) or None."""
        if self.over():
            return Rejection("action/game_over", "the game is over")
        problem = validate(self.state, action)
        if problem is not None:
            return problem
        if self.record is not None:
            events = self.record.apply(action)
            self.state = self.record.state
        else:
            self.state, events = apply(self.state, action)
        self.log.append(action)
        if any(type(e).__name__ in ("TurnStarted", "GameWon") for e in events):
            self._resolved(events)
        return None

    def _resolved(self, events: list[Any]) -> None:
        self.last_events = list(events)
        self.resolutions += 1
        turn = self.state.turn - 1
        self.event_log.extend((turn, e) for e in events)
        self._track()

    def _track(self) -> None:
        """Average reliability of finished techs, as each side knows it (own exactly, rivals by estimate)."""
        for s in self.sides:
            v = self.view(s)
            row: dict[str, int] = {}
            done = [t.reliability for t in v.me.techs.values() if t.done]
            row[s] = sum(done) // len(done) if done else 0
            for r in v.rivals:
                if r.estimate is not None and r.estimate.techs:
                    row[r.id] = sum(r.estimate.techs.values()) // len(r.estimate.techs)
            self.reliability.setdefault(s, []).append((self.state.turn, row))

    def run_computers(self) -> bool:
        """Computer sides that have not ended give their orders and end; True if that resolved the turn."""
        before = self.resolutions
        for index, side in enumerate(self.sides):
            level = level_of(self.controllers.get(side, "human"))
            if level is None or self.state.sides[side].ended or self.over():
                continue
            for action in _ai_actions(self.view(side), level, self.seed, index):
                if getattr(action, "side", side) == side and validate(self.state, action) is None:
                    self.act(action)
            if not self.over():
                self.act(EndTurn(side))
        return self.resolutions > before

    def end_turn(self, side: str) -> bool:
        """End a human side's planning (computers first); True if the turn was resolved."""
        before = self.resolutions
        self.run_computers()
        if not self.over() and not self.state.sides[side].ended:
            self.act(EndTurn(side))
        return self.resolutions > before

    def has_report(self, side: str) -> bool:
        return self.seen.get(side, 0) < self.resolutions

    def mark_seen(self, side: str) -> None:
        self.seen[side] = self.resolutions

    def events_for(self, side: str) -> list[Any]:
        """What `side` may be told of the last resolution: every launch (public), its own private news."""
        return visible_events(self.last_events, side)

    def public_events(self) -> list[Any]:
        """What the whole world saw of the last resolution: the launches and their outcomes (a demo shows these)."""
        return public_events(self.last_events)

    def history_for(self, side: str) -> list[tuple[int, Any]]:
        """(turn, event) of every resolution so far that `side` may be told of, oldest first."""
        return [(t, e) for t, e in self.event_log if may_know(e, side)]

    def plain_record(self) -> dict[str, Any]:
        """What a save keeps: enough to rebuild the game by replaying the log."""
        from game.io.codecs import dump_actions

        return {
            "scenario": self.scenario_ref,
            "mods": list(self.mods),
            "controllers": dict(self.controllers),
            "seed": self.seed,
            **({"play_on": True} if self.play_on else {}),
            "actions": dump_actions(self.log),
        }


def replay(scenario: Any, scenario_ref: str, mods: list[str], controllers: dict[str, str], seed: int,
           actions: list[Action], play_on: bool = False) -> Session:
    """Rebuild a session by re-applying its log; stops quietly at the first order that no longer validates."""
    s = Session(scenario, scenario_ref, list(mods), dict(controllers), seed, play_on)
    for a in actions:
        if s.act(a) is not None:
            break
    # what was shown before the save is not shown again, except the last report of a side still to play
    for side in s.sides:
        s.seen[side] = s.resolutions
    return s
