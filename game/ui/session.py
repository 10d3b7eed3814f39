"""The game in the window: game.io's GameController, played by game.ai's computer players, and what the window
remembers of it (which reports each side has read, the rows of the reliability chart).

No pygame here: screens call these methods, tests can too. The log, saving, loading and replay are
the controller's (game.io's): the window has no save format of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from game.ai import choose_actions
from game.content.load import Scenario
from game.engine import GameState, Setup, player_view
from game.engine.events import Event
from game.io import GameController, GameRecord
from game.io.controller import HUMAN, ComputerPlayer, PlayerOfLevel


def computer_player(level: str) -> ComputerPlayer:
    """The built-in computer player of `level`."""
    return lambda view, rng: choose_actions(view, level, rng)


class Session(GameController):
    def __init__(self, record: GameRecord, players: PlayerOfLevel = computer_player) -> None:
        self.reliability: dict[str, list[tuple[int, dict[str, int]]]] = {}  # viewer -> [(turn, side -> average)]
        super().__init__(record, players)
        # Reports of a game that was loaded were read before it was saved: none is shown again.
        self.seen = {s: self.resolutions for s in self.sides}  # side -> resolutions it has been shown

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        controllers: dict[str, str],
        seed: int,
        play_on: bool = False,
        players: PlayerOfLevel = computer_player,
        victory: str = "",
    ) -> Self:
        """A new game: `controllers` maps a side to `human` or `ai:<level>` (a side left out is a person's);
        `victory` is one of the ruleset's victory modes ("": its default)."""
        seats = tuple((s, controllers.get(s, HUMAN)) for s in scenario.ruleset.side_ids)
        return cls.start(scenario, Setup(controllers=seats, play_on=play_on, victory=victory), seed, players)

    @classmethod
    def load(cls, path: str | Path, players: PlayerOfLevel = computer_player, **how: Any) -> tuple[Self, list[str]]:
        """The game a save holds, and what the player should be told; raises SaveError."""
        return super().load(path, players, **how)

    # -- who plays ---------------------------------------------------------------------------------------

    @property
    def hotseat(self) -> bool:
        return len(self.humans()) > 1

    @property
    def demo(self) -> bool:
        return not self.humans()

    def viewer(self) -> str:
        """The side whose view a screen that belongs to no side shows (a report, the end): a person's, else the first."""
        humans = self.humans()
        return humans[0] if humans else self.sides[0]

    # -- reports -----------------------------------------------------------------------------------------

    def has_report(self, side: str) -> bool:
        return self.seen.get(side, 0) < self.resolutions

    def mark_seen(self, side: str) -> None:
        self.seen[side] = self.resolutions

    # -- the reliability chart ---------------------------------------------------------------------------

    def on_start(self, state: GameState) -> None:
        self._track(state)

    def on_resolved(self, state: GameState, events: list[Event]) -> None:
        self._track(state)

    def _track(self, state: GameState) -> None:
        """Average reliability of finished techs, as each side knows it (own exactly, rivals by estimate)."""
        for s in self.sides:
            v = player_view(state, s, copy=False)  # read at once, kept nowhere
            row: dict[str, int] = {}
            done = [t.reliability for t in v.me.techs.values() if t.done]
            row[s] = sum(done) // len(done) if done else 0
            for r in v.rivals:
                if r.estimate is not None and r.estimate.techs:
                    row[r.id] = sum(r.estimate.techs.values()) // len(r.estimate.techs)
            self.reliability.setdefault(s, []).append((state.turn, row))


__all__ = ["Session", "computer_player"]
