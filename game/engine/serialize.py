"""A state's canonical plain form, the one `state_hash` digests, and the order of the tables the dice depend on.

The canonical form is a generic walk of the state's dataclasses, led by their type hints: a record
becomes a mapping of its fields, a tuple or list a list, a mapping a mapping, a string-valued enum
its word. It is the form hashes were first taken in, and it must stay that, bit for bit, or every
recorded hash changes: so the two records first written as rows (a tech's state, a launch) are
still rows, the dice are their state, and a game that does not play on after its result has no
trace of that option. Saves write the state with game.io's TypeAdapters; this walk is for hashing
and comparing states.

The walk is worked out once per record type, when this module loads, from the fields and their
hints, so that it runs as fast as one written out by hand without being written out by hand.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from game.engine.rng import Rng
from game.engine.rules import Ruleset, Tech
from game.engine.state import GameState, LaunchRecord, PlannedMission, SideState, TechState

Walk = Callable[[Any], Any]

ROWS: frozenset[type] = frozenset({TechState, LaunchRecord})  # written as a list of their fields, in field order
# Fields written only when they hold something, so that states from before they existed hash as they did: a
# side's purchases of the quarter (empty whenever a turn has resolved, where the golden games take their hashes),
# the facilities a side has built (none in a game from before they existed), and a planned flight's launch window
# (empty in a ruleset without windows and in every save from before them), and the techs a side rushes.
SPARSE: dict[type, tuple[str, ...]] = {
    SideState: ("bought", "facilities", "rushed"),
    PlannedMission: ("window",),
}
# The same for a row: its last fields, left off while empty (a launch's window, for the same reason).
SPARSE_TAIL: dict[type, int] = {LaunchRecord: 1}
_SCALARS = (int, str, float, bool, types.NoneType)


def _is_scalar(hint: Any) -> bool:
    """Whether values of `hint` are written as they are (whole numbers, text, flags, string-valued enums)."""
    if isinstance(hint, type):
        return issubclass(hint, (*_SCALARS, enum.Enum))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return all(_is_scalar(arg) for arg in typing.get_args(hint))
    return False


def _walk_of(hint: Any) -> Walk | None:
    """How a value of type `hint` is written; None when it is written as it is."""
    if _is_scalar(hint):
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is dict:
        value = _walk_of(args[1])
        return dict if value is None else (lambda d: {k: value(v) for k, v in d.items()})
    if origin in (list, tuple):
        items = [a for a in args if a is not Ellipsis]
        walks = [_walk_of(a) for a in items]
        if all(w is None for w in walks):
            return list
        if len(items) == 1 and walks[0] is not None:
            item = walks[0]
            return lambda seq: [item(v) for v in seq]
        raise TypeError(f"the canonical form has no way to write {hint!r}")  # no record holds a mixed tuple yet
    if origin in (typing.Union, types.UnionType):  # a record or nothing (an estimate not yet made)
        inner = next(_walk_of(a) for a in args if a is not types.NoneType)
        return lambda v: None if v is None else inner(v)  # type: ignore[misc]
    if hint is Rng:
        return attrgetter("state")
    if dataclasses.is_dataclass(hint):
        return _record_walk(hint)  # type: ignore[arg-type]
    raise TypeError(f"the canonical form has no way to write {hint!r}")


def _record_walk(cls: type, leave_out: tuple[str, ...] = ()) -> Walk:
    hints = typing.get_type_hints(cls, localns={"Ruleset": Ruleset, "Tech": Tech})
    names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in leave_out)
    walks = {n: w for n in names if (w := _walk_of(hints[n])) is not None}
    if cls in ROWS:
        get_all = _getter(names)
        at = tuple((names.index(n), w) for n, w in walks.items())
        tail = SPARSE_TAIL.get(cls, 0)

        def row(record: Any) -> list[Any]:
            out = list(get_all(record))
            for i, w in at:
                out[i] = w(out[i])
            for _ in range(tail):
                if out[-1]:
                    break
                out.pop()
            return out

        return row
    # The scalars are copied in one go; only the fields that need it are walked.
    plain = tuple(n for n in names if n not in walks)
    get_plain = _getter(plain)
    deep = tuple(walks.items())

    sparse = SPARSE.get(cls, ())

    def walk(record: Any) -> dict[str, Any]:
        d = dict(zip(plain, get_plain(record)))  # noqa: B905
        for name, w in deep:
            d[name] = w(getattr(record, name))
        return d

    if not sparse:
        return walk

    def walk_sparse(record: Any) -> dict[str, Any]:
        d = walk(record)
        for name in sparse:
            if not d[name]:
                del d[name]
        return d

    return walk_sparse


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of `names` in a record, as a tuple (attrgetter gives a bare value for one name)."""
    if len(names) == 1:
        only = names[0]
        return lambda r: (getattr(r, only),)
    if not names:
        return lambda r: ()
    return attrgetter(*names)


# The game's own fields that the walk leaves out: the ruleset (a hash takes its fingerprint instead), and the
# play-on option with its date and the victory mode, which appear only in a game that plays on or in a mode
# other than the default, so that other games hash as before.
_GAME = _record_walk(GameState, leave_out=("rules", "play_on", "decided", "victory_mode", "waiting"))


def state_to_dict(state: GameState) -> dict[str, Any]:
    """The canonical plain form of `state` (what `state_hash` digests, with the ruleset's fingerprint)."""
    d: dict[str, Any] = _GAME(state)
    if state.play_on:
        d["play_on"] = True
        d["decided"] = state.decided
    if state.victory_mode:
        d["victory_mode"] = state.victory_mode
    if state.waiting:
        d["waiting"] = list(state.waiting)
    return d


def side_in_rules_order(rules: Ruleset, side: SideState) -> None:
    """Put a side's techs, hardware and crews in the ruleset's order (ids it does not know stay, after)."""
    side.techs = _in_order(side.techs, rules.techs)
    side.hardware = _in_order(side.hardware, rules.hardware)
    side.crews = _in_order(side.crews, rules.crews)


def put_in_rules_order(state: GameState) -> None:
    """Put the sides, and each side's tables, in the ruleset's order.

    The engine walks sides, techs and crews when it casts dice, so their order is part of the game:
    a state read back from text whose keys were sorted (or shuffled) on the way must play on the same.
    """
    state.sides = _in_order(state.sides, state.rules.side_ids)
    for side in state.sides.values():
        side_in_rules_order(state.rules, side)


def _in_order(table: dict[str, Any], order: Any) -> dict[str, Any]:
    return {**{k: table[k] for k in order if k in table}, **table}
