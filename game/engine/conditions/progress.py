"""The conditions on what the sides have done: techs finished, milestones reached, and who was first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine.vocab import (
    WHO_RIVAL,
    WHO_SELF,
    Condition,
    Doc,
    Established,
    Name,
    Needs,
    OneOf,
    Phrase,
    Predicate,
    Ref,
    World,
    sides_for,
)

if TYPE_CHECKING:
    from game.engine.state import GameState

_WHO = "whose state to look at: self (the side it is judged for), rival (any other side) or anyone"
Who = Annotated[str, OneOf("self", "rival", "anyone"), Doc(_WHO)]
MilestoneId = Annotated[str, Ref("milestones"), Doc("a milestone id")]


def never_reached(world: World, milestone: str, by: str) -> str:
    if world.known("milestones", milestone) and not world.reachable_by("milestones", milestone, by):
        if by == WHO_SELF and world.side is not None and world.reachable("milestones", milestone):
            return f"{world.side} can never reach milestone {milestone!r}"
        return f"milestone {milestone!r} can never be reached"
    return ""


@dataclass(frozen=True, slots=True)
class HasTech(Condition):
    """True when the side (or a rival, or anyone) has finished researching `tech`."""

    op = "has_tech"
    tech: Annotated[str, Ref("techs"), Doc("a tech id")]
    who: Who = "self"

    def holds(self, state: GameState, side: str) -> bool:
        if self.who == WHO_SELF:  # (the usual question, asked without a list of one)
            t = state.sides[side].techs.get(self.tech)
            return t is not None and t.done
        for s in sides_for(state, side, self.who):
            t = s.techs.get(self.tech)
            if t is not None and t.done:
                return True
        return False

    def compiled(self) -> Predicate:
        if self.who != WHO_SELF:
            return self.holds
        tech = self.tech

        def has_tech(st: GameState, side: str) -> bool:
            t = st.sides[side].techs.get(tech)
            return t is not None and t.done

        return has_tech

    def needs(self) -> Needs:
        return Needs(techs=(self.tech,)) if self.who == WHO_SELF else Needs(gated=True)

    def lasting(self, known: Established) -> bool:
        """A finished tech is never unfinished (an effect may lower its reliability, not undo it)."""
        return True

    def never(self, world: World) -> str:
        if world.known("techs", self.tech) and not world.reachable_by("techs", self.tech, self.who):
            if self.who == WHO_SELF and world.side is not None and world.reachable("techs", self.tech):
                return f"{world.side} can never research tech {self.tech!r}"
            return f"tech {self.tech!r} can never be researched"
        return ""

    def describe(self) -> Phrase:
        return Phrase(f"cond.has_tech.{self.who}", (("tech", Name("techs", self.tech)),))


@dataclass(frozen=True, slots=True)
class Achieved(Condition):
    """True when the side (or a rival, or anyone) has reached `milestone`."""

    op = "achieved"
    milestone: MilestoneId
    by: Who = "self"

    def holds(self, state: GameState, side: str) -> bool:
        if self.by == WHO_SELF:
            return self.milestone in state.sides[side].milestones
        return any(self.milestone in s.milestones for s in sides_for(state, side, self.by))

    def compiled(self) -> Predicate:
        milestone, by = self.milestone, self.by
        if by == WHO_SELF:
            return lambda st, side: milestone in st.sides[side].milestones

        def achieved(st: GameState, side: str) -> bool:
            for sid, s in st.sides.items():  # noqa: SIM110 - a plain loop, as in All.holds
                if milestone in s.milestones and (by != WHO_RIVAL or sid != side):
                    return True
            return False

        return achieved

    def needs(self) -> Needs:
        return Needs(milestones=(self.milestone,)) if self.by == WHO_SELF else Needs(gated=True)

    def lasting(self, known: Established) -> bool:
        """A milestone reached stays reached."""
        return True

    def never(self, world: World) -> str:
        return never_reached(world, self.milestone, self.by)

    def describe(self) -> Phrase:
        return Phrase(f"cond.achieved.{self.by}", (("milestone", Name("milestones", self.milestone)),))


@dataclass(frozen=True, slots=True)
class FirstTo(Condition):
    """True when `milestone` has been reached and the first side to reach it was `by` (self or a rival; anyone: just reached)."""

    op = "first_to"
    milestone: MilestoneId
    by: Annotated[str, OneOf("self", "rival", "anyone"), Doc("who was first: self, rival or anyone")] = "self"

    def holds(self, state: GameState, side: str) -> bool:
        order = state.firsts.get(self.milestone)
        if not order:
            return False
        first = order[0][0]
        return first == side if self.by == WHO_SELF else (first != side if self.by == WHO_RIVAL else True)

    def compiled(self) -> Predicate:
        milestone, by = self.milestone, self.by

        def first_to(st: GameState, side: str) -> bool:
            order = st.firsts.get(milestone)
            if not order:
                return False
            return order[0][0] == side if by == WHO_SELF else (order[0][0] != side if by == WHO_RIVAL else True)

        return first_to

    def needs(self) -> Needs:
        return Needs(firsts=((self.milestone, self.by),), gated=True)

    def lasting(self, known: Established) -> bool:
        """Who was first never changes."""
        return True

    def never(self, world: World) -> str:
        return never_reached(world, self.milestone, self.by)

    def describe(self) -> Phrase:
        return Phrase(f"cond.first_to.{self.by}", (("milestone", Name("milestones", self.milestone)),))


OPS: tuple[type[Condition], ...] = (HasTech, Achieved, FirstTo)
