"""The effects on research: points into a tech, a finished tech's reliability, and the research rate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine import events as ev
from game.engine.effects.money import MONEY, Target, aimed
from game.engine.vocab import Bounds, Doc, Effect, Name, Phrase, Quantity, Ref, Stake, clamp, sides_for, signed

if TYPE_CHECKING:
    from game.engine.rules import Tech
    from game.engine.state import GameState, SideState

TechId = Annotated[str, Ref("techs"), Doc("a tech id")]


def shift_reliability(side: SideState, tech: Tech, amount: int, out: list[ev.Event]) -> None:
    """An effect's change to a finished tech's reliability: kept between 0 and the tech's ceiling, and told."""
    ts = side.techs[tech.id]
    before = ts.reliability
    ts.reliability = clamp(before + amount, 0, tech.ceiling)
    out.append(ev.ReliabilityChanged(side.id, tech.id, ts.reliability - before, ts.reliability))


@dataclass(frozen=True, slots=True)
class ResearchProgress(Effect):
    """Adds research points to an unfinished tech (finishing it if they reach its cost); on a finished tech, adds reliability instead."""

    op = "research_progress"
    tech: TechId
    amount: Annotated[int, MONEY, Doc("research points (reliability points on a finished tech)")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        tech = state.rules.techs[self.tech]
        for s in sides_for(state, side, self.target):
            ts = s.techs[self.tech]
            # each branch says what it did, so a story whose tech is drawn at random can name it
            if ts.done:
                shift_reliability(s, tech, self.amount, out)
            else:
                ts.progress = clamp(ts.progress + self.amount, 0, tech.cost)
                out.append(ev.ResearchAdvanced(s.id, self.tech, 0, ts.progress))  # nothing spent: a gift
                if ts.progress >= tech.cost:
                    state.finish_tech(s, tech, out)

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.RESEARCH, self.amount, self.target, self.tech),)

    def describe(self) -> Phrase:
        args = (("tech", Name("techs", self.tech)), ("n", signed(self.amount)))
        return aimed(Phrase("effect.research", args), self.target)


@dataclass(frozen=True, slots=True)
class ModifyReliability(Effect):
    """Changes a finished tech's reliability (kept between 0 and its ceiling); nothing if unfinished."""

    op = "modify_reliability"
    tech: TechId
    amount: Annotated[int, Bounds(-100, 100), Doc("reliability points")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        tech = state.rules.techs[self.tech]
        for s in sides_for(state, side, self.target):
            if s.techs[self.tech].done:
                shift_reliability(s, tech, self.amount, out)

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.RELIABILITY, self.amount, self.target, self.tech),)

    def describe(self) -> Phrase:
        args = (("tech", Name("techs", self.tech)), ("n", signed(self.amount)))
        return aimed(Phrase("effect.research", args), self.target)


@dataclass(frozen=True, slots=True)
class ResearchRate(Effect):
    """Changes how many research points a unit of money buys, in percent points (kept between 10 and 400)."""

    op = "research_rate"
    amount: Annotated[int, Bounds(-100, 100), Doc("percent points")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            s.research_rate = clamp(s.research_rate + self.amount, 10, 400)

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.RESEARCH_RATE, self.amount, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.rate", (("n", signed(self.amount)),)), self.target)


OPS: tuple[type[Effect], ...] = (ResearchProgress, ModifyReliability, ResearchRate)
