"""A game's identity: the digest of its state, the same on every machine and every run."""

from __future__ import annotations

import hashlib
import json

from game.engine.serialize import state_to_dict
from game.engine.state import GameState


def state_hash(state: GameState) -> str:
    """A digest of everything in the state but the ruleset itself (whose fingerprint it includes)."""
    data = state_to_dict(state)
    data["ruleset"] = state.rules.fingerprint
    blob = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()
