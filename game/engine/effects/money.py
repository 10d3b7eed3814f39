"""The effects on money and prestige: the yearly budget, cash in hand, and prestige."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine import events as ev
from game.engine.vocab import (
    WHO_SELF,
    Bounds,
    Doc,
    Effect,
    OneOf,
    Phrase,
    Quantity,
    Stake,
    clamp,
    sides_for,
    signed,
)

if TYPE_CHECKING:
    from game.engine.state import GameState

# Hard bounds that keep every number a scenario can push in range.
MAX_MONEY = 1_000_000
MAX_PRESTIGE = 100_000

Target = Annotated[str, OneOf("self", "rival"), Doc("who it happens to: self (the side) or rival (every other side)")]


MONEY = Bounds(-100_000, 100_000)  # an amount of money or prestige a file may give an effect


def aimed(phrase: Phrase, target: str) -> Phrase:
    """A phrase about the side itself, or the same said of its rivals."""
    return phrase if target == WHO_SELF else Phrase("effect.for_rival", (("what", phrase),))


@dataclass(frozen=True, slots=True)
class AddBudget(Effect):
    """Changes the yearly budget from next year on, for good (a negative amount cuts it)."""

    op = "add_budget"
    amount: Annotated[int, MONEY, Doc("money a year")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            s.budget_mod = clamp(s.budget_mod + self.amount, -MAX_MONEY, MAX_MONEY)
            out.append(ev.BudgetChanged(s.id, self.amount))

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.BUDGET, self.amount, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.budget", (("n", signed(self.amount)),)), self.target)


@dataclass(frozen=True, slots=True)
class AddCash(Effect):
    """Adds money to spend now (negative takes it away)."""

    op = "add_cash"
    amount: Annotated[int, MONEY, Doc("money")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            s.cash = clamp(s.cash + self.amount, -MAX_MONEY, MAX_MONEY)
            out.append(ev.CashChanged(s.id, self.amount))

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.CASH, self.amount, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.cash", (("n", signed(self.amount)),)), self.target)


@dataclass(frozen=True, slots=True)
class AddPrestige(Effect):
    """Adds prestige (negative takes it away); prestige gained this year also raises next year's budget."""

    op = "add_prestige"
    amount: Annotated[int, MONEY, Doc("prestige points")]
    target: Target = "self"

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        for s in sides_for(state, side, self.target):
            s.add_prestige(self.amount)
            out.append(ev.PrestigeChanged(s.id, self.amount, "event"))

    def stakes(self) -> tuple[Stake, ...]:
        return (Stake(Quantity.PRESTIGE, self.amount, self.target),)

    def describe(self) -> Phrase:
        return aimed(Phrase("effect.prestige", (("n", signed(self.amount)),)), self.target)


OPS: tuple[type[Effect], ...] = (AddBudget, AddCash, AddPrestige)
