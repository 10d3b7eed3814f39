"""The game's only source of chance: a small integer PRNG (splitmix64) whose state lives in GameState."""

from __future__ import annotations

from dataclasses import dataclass

_MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15  # splitmix64's step: its state is a counter moved on by this much a draw


@dataclass(slots=True)
class Rng:
    state: int

    @classmethod
    def from_seed(cls, seed: int) -> Rng:
        """A generator for `seed`; neighbouring seeds give unrelated streams (the seed is mixed first)."""
        mixer = cls(seed & _MASK)
        return cls(mixer.next64() ^ (seed >> 64))

    def next64(self) -> int:
        """The next 64-bit output."""
        return self.below(1 << 64)

    def below(self, n: int) -> int:
        """A whole number in [0, n); n must be positive.

        The splitmix64 step is written here rather than called: most of a game's dice go through this
        method, and a second call per draw cost a quarter of its time.
        """
        z = self.state = (self.state + _GAMMA) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return (z ^ (z >> 31)) % n

    def skip(self) -> None:
        """Cast a die without reading it: the stream moves on exactly as one `below` moves it, for a roll whose
        outcome is certain (only the counter steps on: the mixing, most of a draw's cost, is left out)."""
        self.state = (self.state + _GAMMA) & _MASK

    def percent(self) -> int:
        """A roll of 1..100."""
        return self.below(100) + 1

    def clone(self) -> Rng:
        return Rng(self.state)


def player_rng(seed: int, side_index: int, turn: int) -> Rng:
    """A computer player's own dice for one turn: apart from the game's, and the same on every run.

    Seeded from the game's seed, the side's place in the scenario and the turn, so that whoever drives
    the game (the window, the simulator) hands a computer player the same dice for the same turn.
    """
    return Rng.from_seed((seed * 1_000_003 + side_index * 7919 + turn) & 0xFFFFFFFF)
