"""`quick_init`: a frozen record built through its slots is the record `dataclass` would have built."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from game.engine import events as ev
from game.engine.actions import BuyHardware, PlanMission
from game.engine.records import quick_init


def _pair() -> tuple[type, type]:
    """The same record twice: as `dataclass` made it, and with `quick_init`."""

    def make() -> type:
        @dataclass(frozen=True, slots=True)
        class Record:
            side: str
            count: int = 1
            tags: dict[str, int] = field(default_factory=dict)

        return Record

    return make(), quick_init(make())


def test_the_signature_and_the_defaults_are_dataclasses_own() -> None:
    plain, quick = _pair()
    assert str(inspect.signature(quick)) == str(inspect.signature(plain))
    for args, kwargs in [(("us",), {}), (("us", 3), {}), ((), {"side": "us", "tags": {"a": 1}})]:
        a, b = plain(*args, **kwargs), quick(*args, **kwargs)
        assert dataclasses.astuple(a) == dataclasses.astuple(b)
        assert repr(a).split("(", 1)[1] == repr(b).split("(", 1)[1]
    assert quick("us").tags is not quick("us").tags  # a fresh default each time
    with pytest.raises(TypeError):
        quick()
    with pytest.raises(TypeError):
        quick("us", 1, {}, 4)


def test_a_quick_record_stays_frozen_and_hashable() -> None:
    _, quick = _pair()
    r = quick("us", 2, {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.count = 3  # type: ignore[misc]
    assert r == quick("us", 2, {}) and r != quick("us", 3, {})
    event = ev.StepRolled("us", "m", "s", 50, 20, True)
    assert hash(event) == hash(ev.StepRolled("us", "m", "s", 50, 20, True))
    assert {BuyHardware("us", "h", 1), BuyHardware("us", "h", 1)} == {BuyHardware("us", "h", 1)}


def test_the_engines_records_have_it() -> None:
    """The events and orders a game makes by the thousand are built by `quick_init`'s __init__."""
    for cls in (ev.StepRolled, ev.ResearchAdvanced, BuyHardware, PlanMission):
        assert "_set_" in " ".join(cls.__init__.__code__.co_names)
