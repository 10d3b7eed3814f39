"""The scripted bots: fixed plans written against the public interface (`game.engine` and the PlayerView only),
each a different way to try to break the computer opponent. `spacerace simulate --ai us=bot_moon_rush`."""

from __future__ import annotations

from game.ai.bots import moon_rush

# name: (the player, one line on its plan)
BOTS = {
    "bot_moon_rush": (
        moon_rush.play,
        "Researches only the landing and its stepping stones, flies each at a third's odds up to three times a "
        "quarter, and lands at a fifth's odds with several crews.",
    ),
}
