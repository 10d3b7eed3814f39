"""The effects on a side's people: their morale, injuries and deaths on the ground."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine import events as ev
from game.engine.effects.money import Target, aimed
from game.engine.state import SERVING, CrewStatus
from game.engine.vocab import Bounds, Doc, Effect, Phrase, Quantity, Stake, clamp, sides_for, signed

if TYPE_CHECKING:
    from game.engine.state import GameState

HowMany = Annotated[int, Bounds(1, 20), Doc("how many")]


@dataclass(frozen=True, slots=True)
class CrewMorale(Effect):
    """Changes the morale of every crew member still serving (0–100; below the retire level some leave)."""

    op = "crew_morale"
    amount: Annotated[int, Bounds(-100, 100), Doc("morale points")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            for c in s.crews.values():
                if c.status in SERVING:
                    c.morale = clamp(c.morale + self.amount, 0, 100)

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.MORALE, self.amount, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.morale", (("n", signed(self.amount)),)), self.target)


@dataclass(frozen=True, slots=True)
class InjureCrew(Effect):
    """Injures active crew members picked at random: they cannot fly until they heal."""

    op = "injure_crew"
    count: HowMany = 1
    turns: Annotated[int, Bounds(0, 40), Doc("turns to heal; 0: the scenario's injury_turns")] = 0
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        turns = self.turns or state.rules.settings.injury_turns
        for s in sides_for(state, side, self.target):
            pool = [cid for cid, c in s.crews.items() if c.status == CrewStatus.ACTIVE]
            for _ in range(min(self.count, len(pool))):
                cid = pool.pop(state.rng.below(len(pool)))
                s.crews[cid].status = CrewStatus.INJURED
                s.crews[cid].injured_until = state.turn + turns
                out.append(ev.CrewInjured(s.id, cid, turns))

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.CREW_INJURED, self.count, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.crew_injured", (("n", self.count),)), self.target)


@dataclass(frozen=True, slots=True)
class LoseCrew(Effect):
    """Kills active crew members picked at random (an accident on the ground)."""

    op = "lose_crew"
    count: HowMany = 1
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            pool = [cid for cid, c in s.crews.items() if c.status == CrewStatus.ACTIVE]
            for _ in range(min(self.count, len(pool))):
                cid = pool.pop(state.rng.below(len(pool)))
                state.kill_crew(s, cid, out)

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.CREW_LOST, self.count, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.crew_lost", (("n", self.count),)), self.target)


OPS: tuple[type[Effect], ...] = (CrewMorale, InjureCrew, LoseCrew)
