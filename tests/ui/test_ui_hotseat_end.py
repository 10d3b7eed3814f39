"""Hot-seat: when the game ends with both players holding an unread report, each reads their own before the end."""

from __future__ import annotations

from typing import Any

import pygame
from ui_kit import key, pump, start_game, top_name


def test_each_hotseat_player_reads_their_last_report_behind_the_handoff(app: Any) -> None:
    start_game(app, {"red": "human", "blue": "human"})
    s = app.session
    assert s.hotseat
    for _ in range(400):  # to the last resolution, both reports of each earlier one read
        if s.over():
            break
        for h in s.humans():
            s.mark_seen(h)
        for h in s.humans():
            if not s.over():
                s.end_turn(h)
    assert s.over() and all(s.has_report(h) for h in s.humans())
    app.apply(app.start_session(s, saved=True))
    pump(app)
    order: list[tuple[str, Any]] = []
    for _ in range(200):
        name = top_name(app)
        if not order or order[-1] != (name, getattr(app.top, "side", None)):
            order.append((name, getattr(app.top, "side", None)))
        if name == "EndScreen":
            break
        if name == "HandoffScreen":
            key(app, pygame.K_RETURN)
        elif name == "ResolutionScreen":
            key(app, pygame.K_SPACE if not app.top.done else pygame.K_RETURN)
        else:
            raise AssertionError(f"unexpected {name}: {order}")
    red, blue = s.humans()
    assert [o for o in order if o[0] != "EndScreen"] == [("HandoffScreen", red), ("ResolutionScreen", red),
                                                       ("HandoffScreen", blue), ("ResolutionScreen", blue)], order
    assert order[-1][0] == "EndScreen"
    assert not any(s.has_report(h) for h in s.humans())
