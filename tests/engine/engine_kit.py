"""Helpers for engine tests: a scripted RNG, short ways to arrange a state, and the invariants every state must keep."""

from __future__ import annotations

import dataclasses
import json
import random
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from game.engine import events as ev
from game.engine.actions import Action, EndTurn
from game.engine.api import apply, is_over, legal_actions, new_game, state_hash, validate
from game.engine.effects import MAX_MONEY, MAX_PRESTIGE
from game.engine.rng import Rng
from game.engine.rules import Ruleset
from game.engine.serialize import state_to_dict
from game.engine.state import (
    PHASE_OVER,
    PHASE_PLANNING,
    CrewStatus,
    GameState,
    IntelEstimate,
    LaunchRecord,
)
from game.io.codecs import dump_action, dump_state, load_action, load_state

E = TypeVar("E")
EVENT_TYPES = typing.get_args(ev.Event)

CREW_STATUSES = {CrewStatus.CANDIDATE, CrewStatus.TRAINING, CrewStatus.ACTIVE, CrewStatus.INJURED, CrewStatus.DEAD, CrewStatus.RETIRED}

# --------------------------------------------------------------------------------------------- dice


class ScriptedRng(Rng):
    """An Rng whose dice a test chooses: `percent()` answers from a script, `below(n)` from a function.

    A percent roll passes a step when it is at most the step's chance, so 1 passes anything and 100
    fails anything below certainty. When the script runs out `percent()` answers `default_percent`.
    Every die cast is logged in `rolls` as (kind, n, value). Clones (which `apply` makes) carry on
    from the same place in the script.
    """

    def __init__(
        self,
        percents: Iterable[int] = (),
        below: Callable[[int], int] | None = None,
        default_percent: int = 1,
    ) -> None:
        super().__init__(0)
        self.percents = list(percents)
        self.below_fn = below or (lambda n: 0)
        self.default_percent = default_percent
        self.rolls: list[tuple[str, int, int]] = []

    def next64(self) -> int:
        raise AssertionError("the engine should only cast dice through below() and percent()")

    def below(self, n: int) -> int:
        assert n > 0, f"below({n})"
        value = self.below_fn(n)
        assert 0 <= value < n, f"scripted below({n}) answered {value}"
        self.rolls.append(("below", n, value))
        return value

    def percent(self) -> int:
        value = self.percents.pop(0) if self.percents else self.default_percent
        assert 1 <= value <= 100
        self.rolls.append(("percent", 100, value))
        return value

    def skip(self) -> None:
        self.percent()  # (the engine casts unread only percent rolls whose outcome is certain)

    def clone(self) -> ScriptedRng:
        twin = ScriptedRng(self.percents, self.below_fn, self.default_percent)
        twin.rolls = list(self.rolls)
        return twin

    @property
    def percents_used(self) -> list[int]:
        return [v for kind, _, v in self.rolls if kind == "percent"]


PASS = 1  # a percent roll that passes any step
FAIL = 100  # a percent roll that fails any step whose chance is below 100


def scripted(state: GameState, percents: Iterable[int] = (), below: Callable[[int], int] | None = None,
             default_percent: int = PASS) -> GameState:
    """A copy of `state` whose dice are scripted."""
    out = state.clone()
    out.rng = ScriptedRng(percents, below, default_percent)
    return out


# --------------------------------------------------------------------------------------------- acting


def act(state: GameState, *actions: Action) -> tuple[GameState, list[ev.Event]]:
    """Apply actions in order (each must be valid); returns the last state and every event."""
    events: list[ev.Event] = []
    for a in actions:
        rejection = validate(state, a)
        assert rejection is None, f"{a} rejected: {rejection}"
        state, out = apply(state, a)
        events.extend(out)
    return state, events


def end_turn(state: GameState, order: Sequence[str] | None = None) -> tuple[GameState, list[ev.Event]]:
    """Every side that has not ended its planning ends it (in scenario order unless told)."""
    order = order or list(state.sides)
    return act(state, *(EndTurn(s) for s in order if not state.sides[s].ended))


def end_turns(state: GameState, n: int) -> tuple[GameState, list[ev.Event]]:
    events: list[ev.Event] = []
    for _ in range(n):
        state, out = end_turn(state)
        events.extend(out)
    return state, events


def of_type(events: Iterable[object], kind: type[E]) -> list[E]:
    return [e for e in events if isinstance(e, kind)]


# --------------------------------------------------------------------------------------------- arranging


def arrange(
    state: GameState,
    side: str,
    *,
    techs: dict[str, int] | None = None,
    hardware: dict[str, int] | None = None,
    crew: Iterable[str] = (),
    cash: int | None = None,
    prestige: int | None = None,
    milestones: Iterable[str] = (),
) -> GameState:
    """A copy of `state` with one side given finished techs (at a reliability), hardware, active crew and so on."""
    out = state.clone()
    me = out.sides[side]
    for tech, rel in (techs or {}).items():
        ts = me.techs[tech]
        ts.done, ts.progress, ts.reliability = True, out.rules.techs[tech].cost, rel
    for hw, n in (hardware or {}).items():
        me.hardware[hw] = n
    for c in crew:
        me.crews[c].status = CrewStatus.ACTIVE
    if cash is not None:
        me.cash = cash
    if prestige is not None:
        me.prestige = prestige
    for ms in milestones:
        me.milestones[ms] = out.turn
        out.firsts.setdefault(ms, []).append((side, out.turn))
    return out


def with_settings(rules: Ruleset, **changes: Any) -> Ruleset:
    return dataclasses.replace(rules, settings=dataclasses.replace(rules.settings, **changes))


def with_side(rules: Ruleset, side: str, **changes: Any) -> Ruleset:
    sides = tuple(dataclasses.replace(s, **changes) if s.id == side else s for s in rules.sides)
    return dataclasses.replace(rules, sides=sides)


def with_records(rules: Ruleset, **tables: dict[str, Any]) -> Ruleset:
    """A ruleset whose `missions`, `events`, `techs`… tables are extended or overridden by id."""
    changes = {name: {**getattr(rules, name), **records} for name, records in tables.items()}
    return dataclasses.replace(rules, **changes)


# --------------------------------------------------------------------------------------------- invariants


def check_invariants(state: GameState) -> None:
    """Everything that must hold of any state the engine hands out."""
    rules = state.rules
    assert state.phase in (PHASE_PLANNING, PHASE_OVER)
    assert rules.settings.start <= state.turn <= rules.settings.end + 1
    assert list(state.sides) == list(rules.side_ids), "sides keep the scenario's order"
    if state.phase == PHASE_PLANNING:
        assert not all(s.ended for s in state.sides.values()), "a planning phase where every side has ended"
    decision_ids = [d.id for s in state.sides.values() for d in s.decisions]
    assert len(decision_ids) == len(set(decision_ids)), "decision ids are unique"
    assert all(i < state.next_decision for i in decision_ids)
    for q_turn, q_side, q_event in state.queued:
        assert q_turn >= state.turn and q_side in state.sides and q_event in rules.events
    for ms, ranking in state.firsts.items():
        ranked = [s for s, _ in ranking]
        assert len(ranked) == len(set(ranked)), f"{ms}: a side ranked twice"
        assert [t for _, t in ranking] == sorted(t for _, t in ranking)
        for side, turn in ranking:
            assert state.sides[side].milestones[ms] == turn
    for me in state.sides.values():
        where = f"{me.id} at turn {state.turn}"
        assert -MAX_MONEY <= me.cash <= MAX_MONEY, f"{where}: cash {me.cash}"
        assert -MAX_PRESTIGE <= me.prestige <= MAX_PRESTIGE, f"{where}: prestige {me.prestige}"
        assert 0 <= me.budget <= MAX_MONEY
        side_rules = rules.side(me.id)
        assert side_rules.min_budget <= me.budget <= side_rules.max_budget, f"{where}: budget {me.budget}"
        assert set(me.techs) == set(rules.techs)
        for tech_id, ts in me.techs.items():
            tech = rules.techs[tech_id]
            assert 0 <= ts.progress <= tech.cost, f"{where}: {tech_id} progress {ts.progress}/{tech.cost}"
            assert ts.funding >= 0
            assert 0 <= ts.failures <= ts.flights
            if ts.done:
                assert ts.progress == tech.cost
                assert 0 <= ts.reliability <= tech.ceiling, f"{where}: {tech_id} reliability {ts.reliability}"
        for hw, n in me.hardware.items():
            assert n >= 0, f"{where}: {n} × {hw}"
            assert me.reserved_hardware(hw) <= n, f"{where}: more {hw} planned than in store"
        assert len(me.plan) <= rules.settings.max_missions_per_turn
        planned_crew = [c for p in me.plan for c in p.crew]
        assert len(planned_crew) == len(set(planned_crew)), f"{where}: a crew member in two plans"
        for c in planned_crew:
            assert me.crews[c].status != CrewStatus.DEAD, f"{where}: {c} is dead but planned to fly"
        for cid, c in me.crews.items():
            assert rules.crews[cid].side == me.id
            assert c.status in CREW_STATUSES
            assert 0 <= c.morale <= 100
            assert all(0 <= v <= 100 for v in c.skills.values()), f"{where}: {cid} skills {c.skills}"
        assert me.deaths == sum(1 for c in me.crews.values() if c.status == CrewStatus.DEAD)
        assert me.intel >= 0
        for ms in me.milestones:
            assert any(s == me.id for s, _ in state.firsts.get(ms, []))
    if state.phase == PHASE_OVER:
        assert state.end_reason
        assert state.winner is None or state.winner in state.sides


# Objects the engine shares between a state and its clone on purpose: it only ever replaces them.
_SHARED_BY_DESIGN = (IntelEstimate, LaunchRecord, Ruleset)


_SCALARS = (int, str, bool, float, type(None))


def shared_mutables(a: object, b: object, path: str = "state") -> list[str]:
    """Paths at which `a` and its clone `b` hold the very same mutable object (so mutating one changes the other)."""
    if isinstance(a, (*_SCALARS, *_SHARED_BY_DESIGN)):
        return []
    mutable = isinstance(a, (list, dict, set)) or (
        dataclasses.is_dataclass(a) and not type(a).__dataclass_params__.frozen  # type: ignore[attr-defined]
    )
    if mutable and a is b:
        return [path]
    found: list[str] = []
    if isinstance(a, dict):
        for k, v in a.items():
            if not isinstance(v, _SCALARS):
                found += shared_mutables(v, b[k], f"{path}[{k!r}]")  # type: ignore[index]
    elif isinstance(a, (list, tuple)):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):  # type: ignore[call-overload]
            if not isinstance(x, _SCALARS):
                found += shared_mutables(x, y, f"{path}[{i}]")
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            found += shared_mutables(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    return found


def checked_step(
    state: GameState, action: Action, apply_every_legal: bool = True, check_sharing: bool = True
) -> tuple[GameState, list[ev.Event]]:
    """Apply `action`, checking on the way everything a step must keep.

    Every legal action validates (and, if asked, applies); `apply` leaves its input untouched; the new
    state keeps the invariants, clones equal (and, if asked, share nothing mutable), and round-trips
    through a save's snapshot (game.io's codec) with the same hash; actions round-trip through the log's codec.
    """
    if state.actions_applied == 0:
        check_invariants(state)
    before = state_to_dict(state)
    legal = legal_actions(state, action.side)
    assert action in legal
    for other in legal:
        assert validate(state, other) is None, f"{other} is offered but rejected"
        assert load_action(json.dumps(dump_action(other))) == other
        if apply_every_legal:
            apply(state, other)
    new, events = apply(state, action)
    # apply never mutates its input (nor did applying every other legal action)
    assert state_to_dict(state) == before, f"apply({action}) changed its input"
    assert new.actions_applied == state.actions_applied + 1
    assert all(isinstance(e, EVENT_TYPES) for e in events)
    check_invariants(new)
    after = state_to_dict(new)
    digest = state_hash(new)
    # clone equals, and shares nothing that could be mutated
    twin = new.clone()
    assert state_to_dict(twin) == after
    if check_sharing:
        assert shared_mutables(new, twin) == []
    # the snapshot round-trips through JSON text
    back = round_trip(new)
    assert state_to_dict(back) == after and state_hash(back) == digest
    return new, events


def round_trip(state: GameState, sort_keys: bool = False) -> GameState:
    """The state as a save would bring it back: its snapshot, through JSON text, and back."""
    return load_state(state.rules, json.dumps(dump_state(state), sort_keys=sort_keys))


# --------------------------------------------------------------------------------------------- random play


def side_to_act(state: GameState) -> str:
    return next(s for s, me in state.sides.items() if not me.ended)


def random_action(state: GameState, rnd: random.Random, p_end: float) -> Action:
    side = side_to_act(state)
    legal = legal_actions(state, side)
    assert legal, f"{side} has nothing to do but the game goes on"
    assert EndTurn(side) in legal
    if rnd.random() < p_end:
        return EndTurn(side)
    return rnd.choice(legal)


def play_random(
    rules: Ruleset,
    seed: int,
    p_end: float = 0.0,
    max_actions: int = 20_000,
    step: Callable[[GameState, Action], tuple[GameState, list[ev.Event]]] = apply,
) -> tuple[GameState, list[Action]]:
    """Play a game to the end with random legal actions (seeded; `p_end` biases towards ending the turn).

    `step` applies each action (a checking wrapper around `apply`, say). Returns the final state and the log.
    """
    rnd = random.Random(seed)
    state = new_game(rules, None, seed)
    log: list[Action] = []
    while not is_over(state):
        assert len(log) < max_actions, "the game does not end"
        action = random_action(state, rnd, p_end)
        state, _ = step(state, action)
        log.append(action)
    return state, log


def replay(rules: Ruleset, seed: int, log: Sequence[Action]) -> GameState:
    state = new_game(rules, None, seed)
    for a in log:
        state, _ = apply(state, a)
    return state
