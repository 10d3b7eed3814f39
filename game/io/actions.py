"""Actions as a save's log keeps them: the engine's `action_to_dict` / `action_from_dict`, with two repairs.

The engine's codec reads every field named `hardware` as (slot, hardware) pairs and every field
named `crew` as a list, which breaks `BuyHardware.hardware` and `RecruitCrew.crew` (one id each).
Until the engine is fixed those two are written here in the form a fixed engine will use, so saves
made now stay readable after; every other action goes through the engine unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine import Action, BuyHardware, RecruitCrew, action_from_dict, action_to_dict


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text")
    return value


def _whole(data: dict[str, Any], name: str, default: int) -> int:
    value = data.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} must be a whole number")
    return value


def _only(data: dict[str, Any], names: set[str]) -> None:
    extra = set(data) - names - {"type"}
    if extra:
        raise ValueError(f"action {data['type']} has unknown fields {sorted(extra)}")


def _read_buy(data: dict[str, Any]) -> Action:
    _only(data, {"side", "hardware", "count"})
    return BuyHardware(_text(data, "side"), _text(data, "hardware"), _whole(data, "count", 1))


def _read_recruit(data: dict[str, Any]) -> Action:
    _only(data, {"side", "crew"})
    return RecruitCrew(_text(data, "side"), _text(data, "crew"))


_READERS: dict[str, Callable[[dict[str, Any]], Action]] = {
    "buy_hardware": _read_buy,
    "recruit_crew": _read_recruit,
}


def action_record(action: Action) -> dict[str, Any]:
    """One log entry: plain JSON-ready data."""
    if isinstance(action, BuyHardware):
        return {"type": "buy_hardware", "side": action.side, "hardware": action.hardware, "count": action.count}
    if isinstance(action, RecruitCrew):
        return {"type": "recruit_crew", "side": action.side, "crew": action.crew}
    return dict(action_to_dict(action))


def read_action(data: dict[str, Any]) -> Action:
    """The action a log entry holds; raises ValueError (or TypeError on odd shapes) on anything else."""
    reader = _READERS.get(data.get("type"))  # type: ignore[arg-type]
    return reader(data) if reader else action_from_dict(data)
