"""Pictures made ahead of the screens that show them: a game's hardware and crew pictures, on a background thread.

Rasterizing an SVG takes a millisecond or two; a screen listing thirty of them would miss its first frame's
budget. So when a game starts, its pictures for the sides people play are made at the sizes the lists use,
while the player reads the first screen. A screen that asks first simply makes its own (the caches are
shared, so the work is never lost).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from game.ui import art, portraits

log = logging.getLogger(__name__)


def start(session: Any, scale: float) -> threading.Thread | None:
    """Tell the art where the game's packages are and make its list pictures in the background."""
    scenario = session.scenario
    if scenario.layers:
        art.use_folders(scenario.ruleset, [p.path for p in scenario.layers])
    sides = list(session.humans()) or list(scenario.ruleset.side_ids)
    thread = threading.Thread(target=_work, args=(scenario.ruleset, sides, scale), name="art-warmup", daemon=True)
    thread.start()
    return thread


def _work(rules: Any, sides: list[str], scale: float) -> None:
    size = int(art.ROW_PICTURE * scale)
    try:
        for side in sides:
            for h in rules.hardware:
                art.hardware_surface(rules, side, h, size)
            for cid, member in rules.crews.items():
                if member.side == side:
                    portraits.crew_portrait(rules, cid, size)
    except Exception:  # a picture that cannot be made now is made (or replaced) when a screen asks
        log.exception("making pictures ahead failed")
