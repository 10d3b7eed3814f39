"""The effect the dice decide: one of several sets of effects, picked by weight."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from game.engine import events as ev
from game.engine.vocab import Bounds, Doc, Effect, Items, Phrase

if TYPE_CHECKING:
    from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class Weighted:
    """One option of `random_one_of`."""

    content_name = "WeightedEffects"  # its name in the file format (and the JSON Schema)
    weight: Annotated[int, Bounds(0, 10_000), Doc("its share of the odds (weights need not add to 100)")]
    effects: Annotated[tuple[Effect, ...], Items(hi=32), Doc("what happens if it is picked")]


@dataclass(frozen=True, slots=True)
class RandomOneOf(Effect):
    """Picks one of `options` at random, by weight, and applies its effects."""

    op = "random_one_of"
    options: Annotated[tuple[Weighted, ...], Items(1, 32), Doc("the options")]

    def apply(self, state: GameState, side: str, out: list[ev.Event]) -> None:
        total = sum(max(0, o.weight) for o in self.options)
        if total <= 0:
            return
        pick = state.rng.below(total)
        for o in self.options:
            pick -= max(0, o.weight)
            if pick < 0:
                for e in o.effects:
                    e.apply(state, side, out)
                return

    def outcomes(self) -> tuple[tuple[int, tuple[Effect, ...]], ...]:
        return tuple((o.weight, o.effects) for o in self.options)

    def describe(self) -> Phrase:
        return Phrase("effect.random")


OPS: tuple[type[Effect], ...] = (RandomOneOf,)
