"""One game as a save keeps it: scenario, setup, seed, the action log in order, hash checkpoints and the state."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.load import Scenario
from game.engine import RULES_VERSION, Action, GameState, Ruleset, Setup, apply, is_over, new_game, state_hash
from game.engine.events import Event

HUMAN = "human"


@dataclass
class GameRecord:
    """The log is the source of truth; `state` is where applying it in order leads.

    `checkpoints` holds (actions applied, state_hash) at the start and after every action that
    closed a turn, so a replay that drifts can say in which turn it first did. `rules_version` is
    the engine's RULES_VERSION when the log began: a game loaded from a save made under older rules
    plays on under today's, but its log still replays only under the rules it began with.
    """

    scenario: Scenario
    setup: Setup
    seed: int
    state: GameState
    actions: list[Action] = field(default_factory=list)
    checkpoints: list[tuple[int, str]] = field(default_factory=list)
    rules_version: int = RULES_VERSION

    @classmethod
    def start(cls, scenario: Scenario, setup: Setup, seed: int = 0) -> GameRecord:
        state = new_game(scenario.ruleset, setup, seed)
        return cls(scenario, setup, seed, state, [], [(0, state_hash(state))])

    def apply(self, action: Action) -> list[Event]:
        """Apply one action and log it; raises IllegalAction (nothing logged) if the engine rejects it."""
        before = self.state
        after, events = apply(before, action)
        self.actions.append(action)
        self.state = after
        if after.turn != before.turn or after.phase != before.phase:
            self.checkpoints.append((len(self.actions), state_hash(after)))
        return events

    @property
    def rules(self) -> Ruleset:
        return self.state.rules

    @property
    def over(self) -> bool:
        return is_over(self.state)

    @property
    def turn_closed(self) -> bool:
        """True when the last action resolved a turn (or nothing has been played): the moment to autosave."""
        return not self.actions or (bool(self.checkpoints) and self.checkpoints[-1][0] == len(self.actions))

    @property
    def played_sides(self) -> tuple[str, ...]:
        """The sides people play, in scenario order; every side when only computers play."""
        sides = self.rules.side_ids
        humans = tuple(s for s in sides if self.setup.controller(s) == HUMAN)
        return humans or sides
