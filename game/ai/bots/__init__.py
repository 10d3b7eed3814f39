"""The scripted bots: fixed plans written against the public interface (`game.engine` and the PlayerView only),
each a different way to try to break the computer opponent. `spacerace simulate --ai us=bot_moon_rush`."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.bots import cheap_firsts, crewed_firsts, gambler, moon_rush, probes, test_pilot
from game.engine import Action, PlayerView, Rng

# name: (the player, one line on its plan)
BOTS: dict[str, tuple[Callable[[PlayerView, Rng], list[Action]], str]] = {
    "bot_moon_rush": (
        moon_rush.play,
        "Researches only the landing and its stepping stones, flies each at a third's odds up to three times a "
        "quarter, and lands at a fifth's odds with several crews.",
    ),
    "bot_gambler": (
        gambler.play,
        "Answers every event with its riskiest choice; otherwise a sound Moon programme that picks up the firsts "
        "on its way.",
    ),
    "bot_cheap_firsts": (
        cheap_firsts.play,
        "Researches and flies every first that little research buys, and lets the prestige pay for the Moon.",
    ),
    "bot_test_pilot": (
        test_pilot.play,
        "Flies no crew until uncrewed test flights and research have made the hardware reliable.",
    ),
    "bot_probes": (
        probes.play,
        "Robotic programme first: every uncrewed first, flown in numbers, then the crews and the Moon.",
    ),
    "bot_crewed_firsts": (
        crewed_firsts.play,
        "All in on people in space: every crewed first, flown early and often with a big astronaut corps.",
    ),
}
